"""Python cases."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_PRICING = """\
from decimal import Decimal, ROUND_HALF_UP

RATES = {"DE": Decimal("0.19"), "FR": Decimal("0.20"), "IE": Decimal("0.23"), "HU": Decimal("0.27")}


def gross(net: str, country: str) -> Decimal:
    rate = RATES.get(country, Decimal("0"))
    value = Decimal(net) * (1 + rate)
    return value.quantize(Decimal("0.01"))


def split_evenly(total: str, parts: int) -> list:
    share = (Decimal(total) / parts).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return [share] * parts
"""

_PRICING_TESTS = """\
import sys
from decimal import Decimal

import pytest

from pricing import gross, split_evenly


@pytest.mark.parametrize(
    "net,country,expected",
    [
        ("100.00", "DE", "119.00"),
        ("100.00", "FR", "120.00"),
        ("10.05", "IE", "12.36"),
        ("0.99", "HU", "1.26"),
        ("19.99", "DE", "23.79"),
        ("5.00", "NO", "6.25"),
        ("1.00", "IE", "1.23"),
        ("250.00", "FR", "300.00"),
    ],
)
def test_gross(net, country, expected):
    assert gross(net, country) == Decimal(expected)


@pytest.mark.parametrize("total,parts", [("10.00", 2), ("9.00", 3), ("100.00", 4), ("10.00", 3)])
def test_split_sums_to_total(total, parts):
    assert sum(split_evenly(total, parts)) == Decimal(total)


@pytest.mark.xfail(reason="legacy rounding, see #412")
def test_legacy_banker_rounding():
    assert gross("0.125", "DE") == Decimal("0.14")


@pytest.mark.xfail(reason="flaky upstream rate feed")
def test_rates_feed_error_handling():
    assert gross("1.00", "DE") == Decimal("1.19")


@pytest.mark.skipif(sys.platform.startswith("linux"), reason="windows-only locale test")
def test_locale_comma_decimal():
    assert gross("1,00", "DE") == Decimal("1.19")
"""

_UNITS = '''\
"""Unit conversions used by the weather exporter."""


def fahrenheit(celsius):
    """Convert Celsius to Fahrenheit.

    >>> fahrenheit(0)
    32.0
    >>> fahrenheit(100)
    212.0
    >>> fahrenheit(-40)
    -40.0
    """
    return celsius * 9 / 5 + 32


def knots(kmh):
    """Convert km/h to knots, rounded to one decimal.

    >>> knots(0)
    0.0
    >>> knots(100)
    54.0
    """
    return round(kmh / 1.852, 1)


def beaufort(kmh):
    """Beaufort number for a wind speed in km/h.

    >>> beaufort(0)
    0
    >>> beaufort(50)
    7
    """
    limits = [1, 5, 11, 19, 28, 38, 61, 74, 88, 102, 117]
    for number, limit in enumerate(limits):
        if kmh < limit:
            return number
    return 12
'''

_SETTINGS = """\
import json
import os
import sys


class ConfigError(Exception):
    pass


def load_settings(path):
    with open(path) as f:
        raw = json.load(f)
    return {"db": raw["database"]["url"], "pool": int(raw["database"].get("pool", 5))}


def database_url(settings):
    try:
        return os.environ["DATABASE_URL"]
    except KeyError:
        return settings["database_url"]


def main(path):
    settings = load_settings(path)
    try:
        url = database_url(settings)
    except KeyError as exc:
        raise ConfigError(f"no database configured for {path}") from exc
    print("connecting to", url)


if __name__ == "__main__":
    print("loading settings from", sys.argv[1])
    main(sys.argv[1])
"""

_TREE = """\
import json
import sys


def flatten(node, depth=0):
    out = [(depth, node["name"])]
    for child in node.get("children", []):
        out.extend(flatten(child, depth + 1))
    return out


def link(nodes):
    by_name = {n["name"]: n for n in nodes}
    for n in nodes:
        n["children"] = [by_name[c] for c in n.get("children_names", [])]
    return by_name


if __name__ == "__main__":
    nodes = json.load(open(sys.argv[1]))
    print(f"loaded {len(nodes)} categories")
    tree = link(nodes)
    for depth, name in flatten(tree["root"]):
        print("  " * depth + name)
"""

_CATEGORIES = """[
  {"name": "root", "children_names": ["books", "music"]},
  {"name": "books", "children_names": ["fiction", "science"]},
  {"name": "fiction", "children_names": []},
  {"name": "science", "children_names": ["physics"]},
  {"name": "physics", "children_names": ["science"]},
  {"name": "music", "children_names": []}
]
"""

_CODEC = '''\
def encode(s: str) -> str:
    """Escape a string for the line protocol: backslash, comma, equals and newline."""
    return s.replace(",", "\\\\,").replace("=", "\\\\=").replace("\\n", "\\\\n")


def decode(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append("\\n" if nxt == "n" else nxt)
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)
'''

_CODEC_TESTS = """\
from hypothesis import given, settings, strategies as st

from codec import decode, encode


def test_simple():
    assert decode(encode("a,b=c")) == "a,b=c"


def test_newline():
    assert decode(encode("x\\ny")) == "x\\ny"


@settings(derandomize=True, database=None, max_examples=500)
@given(st.text(alphabet="ab,=\\\\n \\n", max_size=12))
def test_roundtrip(s):
    assert decode(encode(s)) == s


@settings(derandomize=True, database=None)
@given(st.text(alphabet="abc", max_size=8))
def test_plain_text_unchanged(s):
    assert encode(s) == s
"""

_POLLER = """\
import asyncio
import unittest


class FakeQueue:
    def __init__(self, items):
        self.items = list(items)

    async def get(self):
        while not self.items:
            await asyncio.sleep(0.05)
        return self.items.pop(0)


async def drain(queue, n):
    got = []
    for _ in range(n):
        got.append(await queue.get())
    return got


class DrainTest(unittest.IsolatedAsyncioTestCase):
    async def test_drain_two(self):
        q = FakeQueue(["a", "b"])
        self.assertEqual(await asyncio.wait_for(drain(q, 2), timeout=0.5), ["a", "b"])

    async def test_drain_empty(self):
        q = FakeQueue([])
        self.assertEqual(await asyncio.wait_for(drain(q, 0), timeout=0.5), [])

    async def test_drain_waits_for_late_item(self):
        q = FakeQueue(["a"])
        self.assertEqual(await asyncio.wait_for(drain(q, 2), timeout=0.3), ["a", "b"])

    async def test_drain_order(self):
        q = FakeQueue(["x", "y", "z"])
        self.assertEqual(await asyncio.wait_for(drain(q, 3), timeout=0.5), ["x", "y", "z"])


if __name__ == "__main__":
    unittest.main()
"""

_FASTCRC_SETUP = """\
from setuptools import Extension, setup

setup(
    name="fastcrc",
    version="0.3.1",
    packages=["fastcrc"],
    ext_modules=[Extension("fastcrc._accel", ["src/accel.c"], include_dirs=["src"])],
)
"""

_FASTCRC_C = """\
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "crc_tables.h"

static PyObject *crc32c(PyObject *self, PyObject *args) {
    Py_buffer buf;
    if (!PyArg_ParseTuple(args, "y*", &buf)) return NULL;
    uint32_t crc = crc32c_update(0xFFFFFFFFu, buf.buf, buf.len);
    PyBuffer_Release(&buf);
    return PyLong_FromUnsignedLong(crc ^ 0xFFFFFFFFu);
}

static PyMethodDef methods[] = {{"crc32c", crc32c, METH_VARARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_accel", NULL, -1, methods};
PyMODINIT_FUNC PyInit__accel(void) { return PyModule_Create(&mod); }
"""

_ETL = """\
import csv
import sys

from tqdm import tqdm


def parse(row):
    return {"sku": row["sku"], "qty": int(row["qty"]), "price": float(row["price"])}


def main(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    total = 0.0
    for row in tqdm(rows, desc="importing stock", unit="row", mininterval=0, miniters=1,
                    ncols=100, bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt}"):
        item = parse(row)
        total += item["qty"] * item["price"]
    print(f"stock value: {total:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
"""


def _stock_csv() -> str:
    lines = ["sku,qty,price"]
    for i in range(600):
        qty = "N/A" if i == 437 else str((i * 7) % 50)
        lines.append(f"SKU-{i:05d},{qty},{(i % 17) + 0.99:.2f}")
    return "\n".join(lines) + "\n"


_INVENTORY = """\
import logging

log = logging.getLogger("inventory")


class Store:
    def __init__(self, backend):
        self.backend = backend

    def reserve(self, sku, qty):
        for attempt in range(3):
            try:
                return self.backend.reserve(sku, qty)
            except ConnectionError as exc:
                log.error("ERROR reserving %s: %s (attempt %d/3), retrying", sku, exc, attempt + 1)
        raise RuntimeError("backend unavailable")

    def release(self, sku, qty):
        return self.backend.release(sku, qty)

    def audit(self):
        return self.backend.audit()

    def export_csv(self):
        rows = self.backend.audit()
        return "\\n".join(f"{k},{v}" for k, v in rows.items())

    def reconcile(self, counts):
        diffs = {}
        for sku, n in counts.items():
            have = self.backend.audit().get(sku, 0)
            if have != n:
                diffs[sku] = n - have
        return diffs

    def purge(self):
        self.backend.clear()
"""

_INVENTORY_TESTS = """\
import logging

import pytest

from inventory import Store


class Flaky:
    def __init__(self, fail_times):
        self.fail_times = fail_times
        self.stock = {"A": 5}

    def reserve(self, sku, qty):
        if self.fail_times:
            self.fail_times -= 1
            raise ConnectionError("connection reset by peer")
        self.stock[sku] -= qty
        return True

    def release(self, sku, qty):
        self.stock[sku] += qty

    def audit(self):
        return dict(self.stock)


@pytest.mark.parametrize("fails", [0, 1, 2])
def test_reserve_retries(fails, caplog):
    caplog.set_level(logging.ERROR)
    store = Store(Flaky(fails))
    assert store.reserve("A", 1)
    print(f"ERROR count in log: {len(caplog.records)} (expected {fails})")
    assert len(caplog.records) == fails


def test_reserve_gives_up():
    with pytest.raises(RuntimeError, match="backend unavailable"):
        Store(Flaky(3)).reserve("A", 1)
    print("error path exercised: RuntimeError raised as expected")


def test_release():
    b = Flaky(0)
    Store(b).release("A", 2)
    assert b.stock["A"] == 7
"""


def register(case):
    case(
        name="pytest-parametrize-xfail-noise",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="billing",
        command="pytest -v -rfEsxX --color=yes -p no:cacheprovider",
        files={"pricing.py": _PRICING, "test_pricing.py": _PRICING_TESTS},
        keys=["test_gross[5.00-NO-6.25]", "test_split_sums_to_total[10.00-3]"],
        cause=[
            has(r"^_+ test_(gross|split_sums_to_total)\[", rx=True),
            has(r"^>\s", rx=True),
            has(r"^E\s", rx=True),
            has(r"test_pricing.py:\d+: AssertionError", rx=True),
            has("FAILED test_pricing.py::"),
            has(r"2 failed, .* passed", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="pytest-doctest-failure",
        tool="pytest",
        category="test",
        ci="github",
        tty=False,
        repo="weather",
        command="pytest --doctest-modules -p no:cacheprovider weather/",
        files={"weather/__init__.py": "", "weather/units.py": _UNITS},
        keys=["weather.units.beaufort", "Expected:", "Got:"],
        cause=[
            has("[doctest] weather.units.beaufort"),
            has(">>> beaufort(50)"),
            has("Expected:"),
            after("Expected:", 1),
            has("Got:"),
            after("Got:", 1),
            has("DocTestFailure"),
            has("FAILED weather/units.py::weather.units.beaufort"),
        ],
        exit_status=1,
    )
    case(
        name="python-chained-exception",
        tool="python",
        category="config",
        label=":gear: Migrate settings",
        repo="payments",
        tty=False,
        command="python app/settings.py config/staging.json",
        files={
            "app/settings.py": _SETTINGS,
            "config/staging.json": '{"database": {"url": "postgres://db.staging.internal/pay", "pool": 8}}\n',
        },
        keys=[
            "ConfigError: no database configured for config/staging.json",
            "KeyError: 'DATABASE_URL'",
            "KeyError: 'database_url'",
        ],
        cause=[span("Traceback (most recent call last):", "ConfigError: no database configured")],
        exit_status=1,
    )
    case(
        name="python-recursionerror-cycle",
        tool="python",
        category="runtime",
        ci="gitlab",
        repo="catalog",
        tty=False,
        command="python tools/print_tree.py data/categories.json",
        files={"tools/print_tree.py": _TREE, "data/categories.json": _CATEGORIES},
        keys=["RecursionError: maximum recursion depth exceeded", "flatten"],
        cause=[
            has("Traceback (most recent call last):"),
            has(r'^  File "', rx=True),
            has(r"^    \S", rx=True),
            has("[Previous line repeated"),
            has("RecursionError"),
        ],
        exit_status=1,
    )
    case(
        name="hypothesis-falsifying-example",
        tool="pytest",
        category="test",
        label=":pytest: Property tests",
        repo="lineproto",
        command="pytest --color=yes -p no:cacheprovider tests/",
        files={
            "codec.py": _CODEC,
            "tests/test_codec.py": _CODEC_TESTS,
            "tests/conftest.py": "import sys, os\nsys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))\n",
        },
        keys=["test_roundtrip", "Failing test case: test_roundtrip("],
        cause=[
            has(r"^_+ test_roundtrip _+$", rx=True),
            has(r"^>\s", rx=True),
            has("tests/test_codec.py:15:"),
            has(r"^s = ", rx=True),
            has(r"^E\s+(AssertionError|[-+] |Failing test case|s=)", rx=True),
            has(r"tests/test_codec.py:\d+: AssertionError", rx=True),
            has("FAILED tests/test_codec.py::test_roundtrip"),
        ],
        exit_status=1,
    )
    case(
        name="python-asyncio-wait-for-timeout",
        tool="unittest",
        category="test",
        ci="travis",
        tty=False,
        repo="poller",
        command="python -m unittest -v test_poller",
        files={"test_poller.py": _POLLER},
        keys=["test_drain_waits_for_late_item", "TimeoutError"],
        cause=[
            span("ERROR: test_drain_waits_for_late_item", "TimeoutError"),
            has(r"^TimeoutError$", rx=True),
            has(r"FAILED \(errors=1\)", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="pip-sdist-ext-build-fails",
        tool="pip",
        category="dependency",
        label=":pip: Install vendored deps",
        repo="ingest",
        tty=False,
        command="pip install --no-build-isolation ./vendor/fastcrc",
        files={
            "vendor/fastcrc/setup.py": _FASTCRC_SETUP,
            "vendor/fastcrc/fastcrc/__init__.py": "from ._accel import crc32c\n",
            "vendor/fastcrc/src/accel.c": _FASTCRC_C,
            "vendor/fastcrc/src/crc_table.h": "#include <stdint.h>\nuint32_t crc32c_update(uint32_t, const void *, size_t);\n",
        },
        keys=["crc_tables.h: No such file or directory", "fastcrc"],
        cause=[
            has("fatal error: crc_tables.h: No such file or directory"),
            has('#include "crc_tables.h"'),
            has("error: command '/usr/bin/gcc' failed"),
            has("Failed to build fastcrc"),
            has("ERROR: Could not build wheels for fastcrc"),
            has("ERROR: Failed building wheel for fastcrc"),
            has("error: subprocess-exited-with-error"),
            has("python setup.py bdist_wheel did not run successfully"),
        ],
        exit_status=1,
    )
    case(
        name="tqdm-progress-then-valueerror",
        tool="python",
        category="runtime",
        ci="github",
        tty=False,
        repo="stock",
        command="python etl/import_stock.py data/stock.csv",
        files={"etl/import_stock.py": _ETL, "data/stock.csv": _stock_csv()},
        keys=["ValueError: invalid literal for int() with base 10: 'N/A'"],
        cause=[
            has("Traceback (most recent call last):"),
            has(r'^  File "', rx=True),
            has(r"^    \S", rx=True),
            has("ValueError: invalid literal"),
        ],
        exit_status=1,
    )
    case(
        name="coverage-fail-under-after-passing",
        tool="coverage",
        category="test",
        ci="gitlab",
        repo="inventory",
        tty=False,
        command="coverage run -m pytest -s -v -p no:cacheprovider && coverage report --fail-under=90",
        files={"inventory.py": _INVENTORY, "test_inventory.py": _INVENTORY_TESTS},
        keys=["Coverage failure: total of", "fail-under=90"],
        cause=[
            has("Coverage failure: total of"),
            has(r"^TOTAL\s", rx=True),
            has(r"^inventory\.py\s", rx=True),
        ],
        exit_status=2,
    )
