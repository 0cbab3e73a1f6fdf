"""Python cases for the thirteenth held-out corpus (real tools from /work/scratch/h12venv: nose2,
pydocstyle, interrogate, Cython, SCons, deptry, meson; the interpreter itself: tomllib)."""

import re

from holdout_cases import after, first, has, last, span  # noqa: F401


def above_caret(region):
    """The code line right above a caret-only marker line (`   ^`)."""
    return {region[i - 1][0] for i, (_, t) in enumerate(region) if i and re.fullmatch(r"\s*\^\s*", t)}


# --- nose2: two failures and one error among 60 tests
_N2_SRC = """\
def slugify(text):
    out = []
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out)


def truncate(text, n):
    return text if len(text) <= n else text[: n - 1] + "..."


def initials(name):
    return "".join(p[0].upper() for p in name.split(" "))
"""
_N2_TEST = """\
import unittest

from textkit import initials, slugify, truncate


class SlugTest(unittest.TestCase):
    def test_words(self):
        for i in range(50):
            with self.subTest(i=i):
                self.assertEqual(slugify(f"Post {i}"), f"post-{i}")

    def test_trailing_punctuation(self):
        self.assertEqual(slugify("Hello, World!"), "hello-world")

    def test_unicode(self):
        self.assertEqual(slugify("Crème brûlée"), "creme-brulee")


class TruncateTest(unittest.TestCase):
    def test_short(self):
        self.assertEqual(truncate("abc", 5), "abc")

    def test_long(self):
        self.assertEqual(truncate("abcdefgh", 5), "abcd…")


class InitialsTest(unittest.TestCase):
    def test_two(self):
        self.assertEqual(initials("Ada Lovelace"), "AL")

    def test_double_space(self):
        self.assertEqual(initials("Grace  Hopper"), "GH")
"""
_N2_TEST2 = "".join(
    f"\n\ndef test_slug_number_{i}():\n    from textkit import slugify\n    assert slugify('N {i}') == 'n-{i}'\n"
    for i in range(40)
)

# --- pydocstyle
_PD_SRC = '''\
"""Payment gateway client."""

import json


class Gateway:
    def __init__(self, base_url, token):
        self.base_url = base_url
        self.token = token

    def charge(self, cents, currency="EUR"):
        """charge the card on file"""
        return self._post("/charges", {"amount": cents, "currency": currency})

    def refund(self, charge_id):
        """
        Refund a charge.
        Returns the refund id.
        """
        return self._post(f"/charges/{charge_id}/refund", {})

    def _post(self, path, body):
        return json.dumps({"path": path, "body": body})


def parse_webhook(raw):
    """Parse a webhook body."""
    return json.loads(raw)
'''

# --- interrogate: docstring coverage below the gate
_IG_A = '''\
"""Inventory helpers."""


def reserve(stock, sku, qty):
    """Reserve qty units of sku."""
    if stock.get(sku, 0) < qty:
        raise ValueError(sku)
    stock[sku] -= qty


def release(stock, sku, qty):
    stock[sku] = stock.get(sku, 0) + qty


def low(stock, threshold=5):
    return sorted(s for s, n in stock.items() if n < threshold)


class Ledger:
    def __init__(self):
        self.rows = []

    def add(self, sku, delta):
        self.rows.append((sku, delta))

    def balance(self, sku):
        """Sum of deltas for sku."""
        return sum(d for s, d in self.rows if s == sku)
'''
_IG_B = """\
def export_csv(rows):
    return "\\n".join(",".join(map(str, r)) for r in rows)


def import_csv(text):
    return [line.split(",") for line in text.splitlines() if line]
"""

# --- cython: a typed loop assigns a Python object to a C double pointer
_CY_PYX = """\
# cython: language_level=3
cimport cython


@cython.boundscheck(False)
def weighted_sum(double[:] values, double[:] weights):
    cdef Py_ssize_t i, n = values.shape[0]
    cdef double total = 0
    for i in range(n):
        total += values[i] * weights[i]
    return total


def normalise(double[:] values):
    cdef double total = 0
    cdef double *out
    for v in values:
        total += v
    out = [v / total for v in values]
    return out


cdef int clamp(int x, int lo, int hi):
    return lo if x < lo else hi if x > hi else x


def clamp_all(list xs, int lo, int hi):
    return [clamp(x, lo, hi) for x in xs]
    cdef int unused = undefined_name
"""

# --- scons: a C build with an undeclared function and a bad pointer conversion
_SC_SCONS = """\
env = Environment(CCFLAGS=["-O2", "-Wall", "-Werror=implicit-function-declaration"])
env.Program("build/metrics", ["src/metrics.c", "src/hist.c", "src/main.c"])
"""
_SC_MAIN = """\
#include <stdio.h>
#include "hist.h"

int main(void) {
    struct hist h;
    hist_init(&h, 10);
    for (int i = 0; i < 100; i++) hist_add(&h, i % 17);
    printf("p50=%d p99=%d\\n", hist_quantile(&h, 0.5), hist_quantile(&h, 0.99));
    report_json(&h, stdout);
    return 0;
}
"""
_SC_HIST_H = """\
#ifndef HIST_H
#define HIST_H
struct hist { int buckets[64]; int n; int width; };
void hist_init(struct hist *h, int width);
void hist_add(struct hist *h, int v);
int hist_quantile(const struct hist *h, double q);
#endif
"""
_SC_HIST = """\
#include "hist.h"

void hist_init(struct hist *h, int width) {
    for (int i = 0; i < 64; i++) h->buckets[i] = 0;
    h->n = 0;
    h->width = width;
}

void hist_add(struct hist *h, int v) {
    int b = v / h->width;
    h->buckets[b < 64 ? b : 63]++;
    h->n++;
}

int hist_quantile(const struct hist *h, double q) {
    int want = (int)(q * h->n), seen = 0;
    for (int i = 0; i < 64; i++) {
        seen += h->buckets[i];
        if (seen >= want) return i * h->width;
    }
    return 63 * h->width;
}
"""
_SC_METRICS = """\
#include <stdio.h>
#include "hist.h"

void report_text(const struct hist *h) {
    printf("n=%d width=%d\\n", h->n, h->width);
}
"""

# --- deptry: imports not declared in pyproject, a declared dependency never used
_DT_PYPROJECT = """\
[project]
name = "reporter"
version = "0.4.0"
requires-python = ">=3.10"
dependencies = [
    "requests>=2.31",
    "jinja2>=3.1",
    "python-dateutil>=2.8",
]
"""
_DT_SRC = """\
import csv
import yaml
from dateutil import parser as dateparser

import requests
from tabulate import tabulate


def fetch(url):
    return requests.get(url, timeout=10).json()


def render(rows, fmt="github"):
    return tabulate(rows, headers="keys", tablefmt=fmt)


def load_config(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def parse_when(text):
    return dateparser.parse(text)
"""

# --- tomllib: the release script reads a pyproject.toml with a bad line
_TM_SCRIPT = """\
import sys
import tomllib

with open("pyproject.toml", "rb") as fh:
    meta = tomllib.load(fh)

version = meta["project"]["version"]
major, minor, patch = (int(x) for x in version.split("."))
new = f"{major}.{minor}.{patch + 1}"
print(f"bumping {meta['project']['name']} {version} -> {new}")
"""
_TM_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "ledgerd"
version = "2.7.3"
description = "Ledger daemon"
authors = [{name = "Platform Team", email = "platform@acme.example"}]
dependencies = [
    "fastapi>=0.110",
    "uvicorn[standard]>=0.29",
]

[project.optional-dependencies]
test = ["pytest>=8", "httpx>=0.27"]

[tool.setuptools.packages.find]
where = ["src"]
include = ["ledgerd*"]

[tool.ruff]
line-length = 100
target-version = py311
"""

# --- meson: the CI passes an option the project does not define
_MS_MESON = """\
project('imgtool', 'c', version : '1.3.0', default_options : ['warning_level=2'])
png = dependency('libpng', required : get_option('png'))
executable('imgtool', 'src/main.c')
"""
_MS_OPTS = """\
option('png', type : 'feature', value : 'auto', description : 'PNG support')
option('tests', type : 'boolean', value : true)
"""


def register(case):
    case(
        name="nose2-three-failures-and-an-error-of-47",
        tool="nose2",
        category="test",
        label=":python: nose2",
        repo="textkit",
        tty=False,
        command="nose2 -v -s . tests",
        files={
            "textkit.py": _N2_SRC,
            "tests/__init__.py": "",
            "tests/test_textkit.py": _N2_TEST,
            "tests/test_numbers.py": _N2_TEST2,
        },
        keys=[
            "FAIL: test_unicode",
            "FAIL: test_long",
            "FAIL: test_trailing_punctuation",
            "ERROR: test_double_space",
            "IndexError: string index out of range",
            "FAILED (failures=3, errors=1)",
        ],
        cause=[
            has(r"^(FAIL|ERROR): test_", rx=True),
            has(r" \.\.\. (FAIL|ERROR)$", rx=True),
            has(r'File "\S+/(tests/test_textkit|textkit)\.py", line \d+', rx=True),
            has(
                r"^\s+(self\.assertEqual\(slugify\(\"Crème|self\.assertEqual\(truncate\(\"abcdefgh|self\.assertEqual\(initials\(\"Grace|return \"\"\.join\(p\[0\])",
                rx=True,
            ),
            has(r"^(AssertionError|IndexError): ", rx=True),
            has(r"^[-+] ", rx=True),
            has("FAILED (failures=3, errors=1)"),
        ],
        exit_status=1,
    )
    case(
        name="pydocstyle-five-violations-one-module",
        tool="pydocstyle",
        category="lint",
        ci="gitlab",
        repo="paygate",
        tty=False,
        command="pydocstyle paygate/",
        files={"paygate/__init__.py": '"""Paygate."""\n', "paygate/client.py": _PD_SRC},
        keys=[
            "D101: Missing docstring in public class",
            "D403: First word of the first line should be properly capitalized",
        ],
        cause=[has(r"^paygate/client\.py:\d+ ", rx=True), has(r"^\s+D\d{3}: ", rx=True)],
        exit_status=1,
    )
    case(
        name="interrogate-docstring-coverage-below-80",
        tool="interrogate",
        category="lint",
        label=":books: Docstring coverage",
        repo="inventory",
        tty=False,
        command="interrogate -vv --fail-under 80 -c /dev/null inventory",
        files={
            "inventory/__init__.py": '"""Inventory."""\n',
            "inventory/stock.py": _IG_A,
            "inventory/io.py": _IG_B,
        },
        keys=["RESULT: FAILED (minimum: 80.0%, actual:"],
        cause=[
            has("RESULT: FAILED"),
            has(
                r"\| (io\.py \(module\)|release|low|Ledger|Ledger\.__init__|Ledger\.add|export_csv|import_csv) .*\| +MISSED",
                rx=True,
            ),
        ],
        exit_status=1,
    )
    case(
        name="cython-three-errors-list-to-double-pointer-after-warning",
        tool="cython",
        category="compile",
        label=":python: Build extension",
        repo="fastmath",
        tty=False,
        command="cython -3 fastmath/_core.pyx -o build/_core.c",
        setup="mkdir -p build",
        files={"fastmath/__init__.py": "", "fastmath/_core.pyx": _CY_PYX},
        keys=[
            "Error compiling Cython file",
            "Cannot convert Python object to 'double *'",
            "Cannot convert 'double *' to Python object",
        ],
        cause=[
            has("Error compiling Cython file"),
            has(r"^fastmath/_core\.pyx:\d+:\d+: ", rx=True),
            above_caret,
        ],
        exit_status=1,
    )
    case(
        name="scons-implicit-declaration-werror-metrics",
        tool="scons",
        category="compile",
        ci="github",
        repo="metrics",
        tty=False,
        command="scons -Q",
        files={
            "SConstruct": _SC_SCONS,
            "src/main.c": _SC_MAIN,
            "src/hist.h": _SC_HIST_H,
            "src/hist.c": _SC_HIST,
            "src/metrics.c": _SC_METRICS,
        },
        keys=["implicit declaration of function 'report_json'", "scons: *** [src/main.o] Error 1"],
        cause=[
            has("In function 'main'"),
            has("error: implicit declaration of function 'report_json'"),
            has(r"^\s+\d+ \|\s+report_json\(&h, stdout\);", rx=True),
            has("cc1: some warnings being treated as errors"),
            has(r"scons: \*\*\* \[", rx=True),
        ],
        exit_status=2,
    )
    case(
        name="deptry-missing-transitive-and-unused-dependencies",
        tool="deptry",
        category="dependency",
        ci="travis",
        repo="reporter",
        tty=False,
        command="deptry .",
        files={"pyproject.toml": _DT_PYPROJECT, "reporter/__init__.py": "", "reporter/core.py": _DT_SRC},
        keys=[
            "DEP001 'yaml' imported but missing from the dependency definitions",
            "DEP002 'jinja2' defined as a dependency but not used in the codebase",
        ],
        cause=[has(r"DEP00\d ", rx=True), has(r"Found \d+ dependency issues", rx=True)],
        exit_status=1,
    )
    case(
        name="python-tomllib-decode-error-pyproject-unquoted-value",
        tool="python",
        category="config",
        label=":rocket: Bump version",
        repo="ledgerd",
        tty=False,
        command="python ci/bump_version.py",
        files={"ci/bump_version.py": _TM_SCRIPT, "pyproject.toml": _TM_PYPROJECT},
        keys=["tomllib.TOMLDecodeError: Invalid value (at line 24, column 18)"],
        cause=[
            has(r'File "\S+/ci/bump_version\.py", line \d+', rx=True),
            has("meta = tomllib.load(fh)"),
            has("tomllib.TOMLDecodeError"),
        ],
        exit_status=1,
    )
    case(
        name="meson-setup-unknown-option-with-ssl",
        tool="meson",
        category="config",
        ci="gitlab",
        repo="imgtool",
        tty=False,
        command="meson setup build -Dpng=disabled -Dwith_ssl=true",
        files={
            "meson.build": _MS_MESON,
            "meson_options.txt": _MS_OPTS,
            "src/main.c": "int main(void) { return 0; }\n",
        },
        keys=['Unknown option: "with_ssl"'],
        cause=[has("ERROR: Unknown option")],
        exit_status=1,
    )
    register_more(case)


# --- a long import run (1,800 progress lines with warnings and a recovered retry) that then
#     mutates the dict it iterates over
_RD_SCRIPT = """\
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("crm.import")

contacts = {}
for i in range(1, 1801):
    if i % 97 == 0:
        log.warning("contact %d has no email address, importing without one", i)
    if i == 1200:
        log.error("upsert batch 12 failed: deadlock detected, retrying (1/3)")
        log.info("upsert batch 12 ok after retry")
    contacts[f"c{i}"] = {"id": i, "email": None if i % 97 == 0 else f"user{i}@example.com", "merged": i % 250 == 0}
    log.info("imported contact %d/1800", i)


def dedupe(contacts):
    for key, c in contacts.items():
        if c["merged"]:
            contacts[f"{key}-archived"] = dict(c, merged=False)
    return contacts


log.info("deduplicating %d contacts", len(contacts))
dedupe(contacts)
log.info("done")
"""


def register_more(case):
    case(
        name="python-runtimeerror-dict-changed-size-after-1800-progress-lines",
        tool="python",
        category="runtime",
        ci="gitlab",
        repo="crm-import",
        tty=False,
        command="python import_contacts.py",
        files={"import_contacts.py": _RD_SCRIPT},
        keys=["RuntimeError: dictionary changed size during iteration"],
        cause=[
            has(r'File "\S+/import_contacts\.py", line \d+', rx=True),
            has(r"^\s+(dedupe\(contacts\)|for key, c in contacts\.items\(\):)$", rx=True),
            has("RuntimeError: dictionary changed size during iteration"),
        ],
        exit_status=1,
    )
