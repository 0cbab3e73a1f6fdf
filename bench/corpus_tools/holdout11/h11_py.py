"""Python cases for the twelfth held-out corpus (real tools from /work/scratch/h11venv: pytest 9,
vulture, xenon/radon; the interpreter itself: unittest, doctest, sqlite3)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest -x: pytest.raises does not raise; -x stops the run after it
_PX_SRC = """\
def parse_line(text):
    sku, qty = text.split(":")
    qty = int(qty)
    return {"sku": sku.strip().upper(), "qty": qty}


def parse_order(lines):
    return [parse_line(t) for t in lines if t.strip()]
"""
_PX_TEST = """\
import pytest

from orderparse import parse_line, parse_order


@pytest.mark.parametrize("n", range(140))
def test_parse_qty(n):
    assert parse_line(f"ab-{n}:{n}")["qty"] == n


def test_parse_order_skips_blank():
    assert len(parse_order(["a:1", "", "b:2"])) == 2


def test_rejects_negative_quantity():
    with pytest.raises(ValueError, match="quantity must be positive"):
        parse_line("ab-1:-3")


def test_rejects_missing_colon():
    with pytest.raises(ValueError):
        parse_line("ab-1")


def test_uppercases_sku():
    assert parse_line("ab-1:1")["sku"] == "AB-1"
"""

# --- unittest discover: two test modules import a function that was renamed
_UD_INVOICE = """\
RATES = {"DE": 19, "FR": 20, "NL": 21}


def tax_for(country, cents):
    return cents * RATES[country] // 100


def total(lines):
    return sum(l["cents"] * l["qty"] for l in lines)
"""
_UD_TEST_TOTAL = """\
import unittest

from billing.invoice import total


class TotalTest(unittest.TestCase):
    def test_empty(self):
        self.assertEqual(total([]), 0)

    def test_lines(self):
        for n in range(1, 6):
            with self.subTest(n=n):
                self.assertEqual(total([{"cents": 100, "qty": n}]), 100 * n)

    def test_two_lines(self):
        self.assertEqual(total([{"cents": 5, "qty": 2}, {"cents": 1, "qty": 1}]), 11)
"""
_UD_TEST_TAX = """\
import unittest

from billing.invoice import compute_tax


class TaxTest(unittest.TestCase):
    def test_de(self):
        self.assertEqual(compute_tax("DE", 1000), 190)
"""
_UD_TEST_EXPORT = """\
import unittest

from billing.export import to_rows
from billing.invoice import compute_tax, total


class ExportTest(unittest.TestCase):
    def test_rows(self):
        self.assertEqual(to_rows([]), [])
"""
_UD_EXPORT = """\
def to_rows(invoices):
    return [(i["id"], i["cents"]) for i in invoices]
"""

# --- sqlite: the index database fills the small volume it is written to
_SF_SCRIPT = """\
import os
import sqlite3
import sys

path = os.path.join(os.environ["INDEX_DIR"], "search.db")
if os.path.exists(path):
    os.remove(path)
db = sqlite3.connect(path)
db.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
db.execute("CREATE INDEX docs_title ON docs(title)")
print(f"building search index in {path}", flush=True)
batch = []
for i in range(1, 200001):
    batch.append((i, f"Document {i}", ("lorem ipsum dolor sit amet %d " % i) * 12))
    if len(batch) == 5000:
        db.executemany("INSERT INTO docs VALUES (?, ?, ?)", batch)
        db.commit()
        batch.clear()
        print(f"  indexed {i:>6} documents", flush=True)
db.commit()
print("index complete")
"""

# --- OSError 30: the runner's cache volume is mounted read-only
_RO_SCRIPT = """\
import hashlib
import json
import os
import pathlib

CACHE = pathlib.Path(os.environ.get("WHEEL_CACHE", "/tmp/wheels"))


def cache_path(name, version):
    digest = hashlib.sha256(f"{name}=={version}".encode()).hexdigest()
    return CACHE / digest[:2] / digest[2:4] / f"{name}-{version}-py3-none-any.whl"


def warm(lock):
    for name, version in lock.items():
        target = cache_path(name, version)
        print(f"caching {name}=={version} -> {target.relative_to(CACHE)}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"PK\\x05\\x06" + bytes(18))


if __name__ == "__main__":
    with open("requirements.lock.json") as fh:
        warm(json.load(fh))
    print("cache warm")
"""
_RO_LOCK = '{"attrs": "23.2.0", "idna": "3.6", "packaging": "24.0", "six": "1.16.0"}\n'

# --- vulture: dead code in two modules
_VU_A = """\
import os
import sys
from dataclasses import dataclass


@dataclass
class Route:
    path: str
    handler: str


def normalise(path):
    return "/" + path.strip("/")


def _legacy_normalise(path):
    if not path:
        return "/"
    return path.rstrip("/")


def register(routes, path, handler):
    routes.append(Route(normalise(path), handler))
    return routes
"""
_VU_B = """\
from router.table import register


def build():
    routes = []
    register(routes, "/health", "health")
    register(routes, "/orders/", "orders")
    return routes


def debug_dump(routes):
    for r in routes:
        print(r.path, r.handler)
    return
    print("done")
"""
_VU_MAIN = """\
from router.app import build

if __name__ == "__main__":
    print(len(build()))
"""

# --- xenon: complexity gate
_XE_SRC = """\
def classify(order):
    if order["status"] == "new":
        if order["total"] > 1000:
            if order.get("vip"):
                return "priority"
            elif order.get("country") in ("DE", "FR"):
                return "review-eu"
            else:
                return "review"
        elif order["total"] > 100:
            return "standard"
        else:
            return "small"
    elif order["status"] == "paid":
        if order.get("shipped"):
            return "done"
        elif order.get("backorder"):
            return "waiting"
        else:
            return "ship"
    elif order["status"] == "cancelled":
        if order.get("refunded"):
            return "closed"
        return "refund"
    elif order["status"] == "returned":
        for line in order.get("lines", []):
            if line.get("damaged"):
                return "inspect"
            if line.get("qty", 0) > 1 and line.get("partial"):
                return "partial"
        return "restock"
    return "unknown"


def total(order):
    return sum(l["cents"] for l in order.get("lines", []))
"""
_XE_SRC2 = """\
def route(kind, region, express, weight):
    if kind == "parcel" and region == "eu" and express:
        return "dhl-express"
    if kind == "parcel" and region == "eu":
        return "dhl"
    if kind == "parcel" and (region == "us" or region == "ca"):
        return "ups" if weight < 20 else "freight"
    if kind == "letter":
        return "post"
    if kind == "pallet" and weight > 500:
        return "freight-heavy"
    if kind == "pallet":
        return "freight"
    return "manual"
"""

# --- doctest: two modules, three failing examples
_DT_MONEY = '''\
"""Money helpers.

>>> format_cents(123456)
'1,234.56'
"""


def format_cents(cents, sep=","):
    """Format an amount of cents.

    >>> format_cents(5)
    '0.05'
    >>> format_cents(-250)
    '-2.50'
    >>> format_cents(100000000, sep=" ")
    '1 000 000.00'
    """
    whole, frac = divmod(abs(cents), 100)
    text = f"{whole:,}" + f".{frac:02d}"
    return "-" + text if cents < 0 else text


def split(cents, parts):
    """Split an amount into near-equal parts.

    >>> split(100, 3)
    [34, 33, 33]
    >>> split(10, 4)
    [3, 3, 2, 2]
    """
    base, rest = divmod(cents, parts)
    return [base + (1 if i >= parts - rest else 0) for i in range(parts)]
'''
_DT_UNITS = '''\
def human_bytes(n):
    """
    >>> human_bytes(512)
    '512 B'
    >>> human_bytes(2048)
    '2.0 KiB'
    >>> human_bytes(5 * 1024 ** 3)
    '5.0 GiB'
    """
    for unit in ("B", "KiB", "MiB"):
        if n < 1024:
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} MiB"
'''

# --- pytest -q --tb=line: three failures in two files, one line each
_TL_SRC = """\
import datetime as dt


def parse_date(text):
    return dt.datetime.strptime(text, "%Y-%m-%d").date()


def add_days(day, n):
    return day + dt.timedelta(days=n)


def week_of(day):
    return day.isocalendar()[1]


def quarter(day):
    return (day.month - 1) // 3
"""
_TL_TEST_A = """\
import datetime as dt

import pytest

from calx import add_days, parse_date, quarter, week_of


@pytest.mark.parametrize("n", range(90))
def test_add_days(n):
    assert add_days(dt.date(2026, 1, 1), n).year == 2026


def test_week_of_new_year():
    assert week_of(dt.date(2027, 1, 1)) == 1


def test_quarter_of_november():
    assert quarter(dt.date(2026, 11, 27)) == 4
"""
_TL_TEST_B = """\
import datetime as dt

from calx import parse_date


def test_parse_iso():
    assert parse_date("2026-11-27") == dt.date(2026, 11, 27)


def test_parse_with_time():
    assert parse_date("2026-11-27T10:00:00") == dt.date(2026, 11, 27)
"""


def register(case):
    case(
        name="pytest-x-did-not-raise-stopping-after-1-failures",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="orderparse",
        command="pytest -x --color=yes -p no:cacheprovider",
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "orderparse.py": _PX_SRC, "tests/test_parse.py": _PX_TEST},
        keys=["test_rejects_negative_quantity", "Failed: DID NOT RAISE ValueError",
              "stopping after 1 failures"],
        cause=[has(r"_+ test_rejects_negative_quantity _+", rx=True), has(r"^>\s+with pytest\.raises\(ValueError, match=", rx=True),
               has(r"^E\s+Failed: DID NOT RAISE", rx=True), has(r"^tests/test_parse\.py:\d+: Failed", rx=True),
               has("FAILED tests/test_parse.py::test_rejects_negative_quantity"),
               has("stopping after 1 failures"), has(r"1 failed, \d+ passed", rx=True)],
        exit_status=1,
    )
    case(
        name="unittest-discover-two-modules-failed-to-import-renamed-function",
        tool="unittest",
        category="test",
        ci="gitlab",
        repo="billing",
        tty=False,
        command="python -m unittest discover -s tests -t . -v",
        files={"billing/__init__.py": "", "billing/invoice.py": _UD_INVOICE, "billing/export.py": _UD_EXPORT,
               "tests/__init__.py": "", "tests/test_total.py": _UD_TEST_TOTAL, "tests/test_tax.py": _UD_TEST_TAX,
               "tests/test_export.py": _UD_TEST_EXPORT},
        keys=["ImportError: cannot import name 'compute_tax' from 'billing.invoice'", "tests.test_tax",
              "tests.test_export", "FAILED (errors=2)"],
        cause=[has(r"^ERROR: (tests\.)?test_(tax|export)", rx=True),
               has(r"\(unittest\.loader\._FailedTest\.tests\.test_\w+\) \.\.\. ERROR$", rx=True),
               has("ImportError: Failed to import test module"),
               has(r'File "\S+/tests/test_(tax|export)\.py", line \d+', rx=True),
               has("from billing.invoice import compute_tax"),
               has("ImportError: cannot import name 'compute_tax'"), has("FAILED (errors=2)")],
        exit_status=1,
    )
    case(
        name="python-sqlite-database-or-disk-is-full-index-build",
        tool="python",
        category="resource",
        label=":mag: Build search index",
        repo="docsearch",
        tty=False,
        command="python scripts/build_index.py",
        setup="rm -rf /work/scratch/h11full/*",
        env={"INDEX_DIR": "/work/scratch/h11full"},
        files={"scripts/build_index.py": _SF_SCRIPT},
        keys=["sqlite3.OperationalError: database or disk is full"],
        cause=[has('File "/'), has(r"^\s+db\.(executemany|commit)", rx=True),
               has("sqlite3.OperationalError: database or disk is full")],
        exit_status=1,
    )
    case(
        name="python-oserror-errno-30-read-only-cache-volume",
        tool="python",
        category="infrastructure",
        ci="github",
        repo="wheelhouse",
        tty=False,
        command="python tools/warm_cache.py",
        env={"WHEEL_CACHE": "/work/scratch/h11ro/wheels"},
        files={"tools/warm_cache.py": _RO_SCRIPT, "requirements.lock.json": _RO_LOCK},
        keys=["OSError: [Errno 30] Read-only file system"],
        cause=[has(r'File "\S+/tools/warm_cache\.py", line \d+', rx=True),
               has(r"^\s+(warm\(json\.load|target\.parent\.mkdir)", rx=True),
               has("[Errno 30] Read-only file system")],
        exit_status=1,
    )
    case(
        name="vulture-unused-import-function-and-unreachable-code",
        tool="vulture",
        category="lint",
        label=":broom: Dead code",
        repo="router",
        tty=False,
        command="vulture router/ --min-confidence 60",
        files={"router/__init__.py": "", "router/table.py": _VU_A, "router/app.py": _VU_B, "main.py": _VU_MAIN},
        keys=["unused import 'os'", "unused function '_legacy_normalise'", "unreachable code after 'return'"],
        cause=[has(r"^router/\w+\.py:\d+: ", rx=True)],
        exit_status=3,
    )
    case(
        name="xenon-complexity-rank-c-two-blocks-average-and-module",
        tool="xenon",
        category="lint",
        ci="gitlab",
        repo="fulfil",
        tty=False,
        command="xenon --max-absolute B --max-modules B --max-average A fulfil",
        files={"fulfil/__init__.py": "", "fulfil/classify.py": _XE_SRC, "fulfil/carrier.py": _XE_SRC2},
        keys=['fulfil/classify.py:1 classify', "has a rank of"],
        cause=[has("ERROR:xenon:")],
        exit_status=1,
    )
    case(
        name="python-doctest-stops-at-first-module-three-failed-examples",
        tool="doctest",
        category="test",
        ci="travis",
        repo="ledger-utils",
        tty=False,
        command="python -m doctest ledger/money.py ledger/units.py",
        files={"ledger/__init__.py": "", "ledger/money.py": _DT_MONEY, "ledger/units.py": _DT_UNITS},
        keys=["Failed example:", "format_cents(100000000, sep=\" \")", "split(100, 3)", "split(10, 4)",
              "***Test Failed*** 3 failures."],
        cause=[has(r'^File "\S+/ledger/money\.py", line \d+, in ', rx=True), has("Failed example:"),
               has(r"^\s+(format_cents\(100000000|split\(10(0, 3|, 4)\))", rx=True),
               has("Expected:"), has("Got:"),
               has(r"^\s+('1 000 000\.00'|'1,000,000\.00'|\[3, 3, 2, 2\]|\[2, 2, 3, 3\]|\[34, 33, 33\]|\[33, 33, 34\])$", rx=True),
               has("***Test Failed***"), has("2 items had failures:"), has(r"^\s+\d+ of\s+\d+ in ", rx=True)],
        exit_status=1,
    )
    case(
        name="pytest-q-tb-line-three-failures-two-files",
        tool="pytest",
        category="test",
        ci="github",
        repo="calx",
        tty=False,
        command="pytest -q --tb=line -p no:cacheprovider",
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "calx.py": _TL_SRC, "tests/test_calc.py": _TL_TEST_A,
               "tests/test_parse.py": _TL_TEST_B},
        keys=["test_week_of_new_year", "test_quarter_of_november", "test_parse_with_time",
              "ValueError: unconverted data remains: T10:00:00", "3 failed"],
        cause=[has(r"^E\s+(AssertionError|ValueError)", rx=True), has(r"^\s+\+  where (53|3) = ", rx=True),
               has(r"^/\S+/tests/test_\w+\.py:\d+: ", rx=True), has(r"^/\S+/_strptime\.py:\d+: ValueError", rx=True),
               has(r"^FAILED tests/", rx=True), has(r"^3 failed, \d+ passed", rx=True)],
        exit_status=1,
    )
