"""Python cases for the tenth held-out corpus (real tools from /work/scratch/h9venv: pytest 9 +
pytest-xdist, tox 4, Django 5.2; the interpreter itself; bash)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest -n 2: parametrize ids, three failures, short test summary
_XD_SRC = """\
RATES = {"de": {"standard": 19, "reduced": 7}, "fr": {"standard": 20, "reduced": 5.5},
         "at": {"standard": 20, "reduced": 10}, "nl": {"standard": 21, "reduced": 9}}


def vat(cents, country, band="standard"):
    rate = RATES[country][band]
    return int(cents * rate / 100)


def round_half(cents, mode):
    if mode == "half-up":
        return int(cents + 0.5)
    return round(cents)
"""
_XD_TEST = """\
import pytest

from pricing.tax import round_half, vat

CASES = [
    pytest.param(1000, "de", "standard", 190, id="de-standard"),
    pytest.param(1000, "de", "reduced", 70, id="de-reduced"),
    pytest.param(999, "fr", "standard", 200, id="fr-standard"),
    pytest.param(1000, "fr", "reduced", 55, id="fr-reduced"),
    pytest.param(1000, "at", "reduced", 100, id="at-reduced"),
    pytest.param(1000, "nl", "standard", 210, id="nl-standard"),
]


@pytest.mark.parametrize("cents,country,band,expected", CASES)
def test_vat(cents, country, band, expected):
    assert vat(cents, country, band) == expected


@pytest.mark.parametrize("value,mode,expected", [
    pytest.param(2.5, "half-up", 3, id="half-up"),
    pytest.param(2.5, "half-even", 3, id="half-even"),
    pytest.param(3.5, "half-even", 4, id="half-even-odd"),
])
def test_round(value, mode, expected):
    assert round_half(value, mode) == expected


@pytest.mark.parametrize("n", range(120))
def test_vat_never_negative(n):
    assert vat(n * 37, "nl") >= 0
"""

# --- tox: lint env passes, unit env's unittest run has a failure and an error
_TOX_INI = """\
[tox]
envlist = lint, unit
skipsdist = true

[testenv:lint]
skip_install = true
commands = python -m compileall -q src

[testenv:unit]
skip_install = true
setenv = PYTHONPATH = {toxinidir}/src
commands = python -m unittest discover -s tests -v
"""
_TOX_SRC = """\
import csv
import io


def parse_rows(text):
    reader = csv.DictReader(io.StringIO(text))
    return [{"sku": r["sku"], "qty": int(r["qty"])} for r in reader]


def total_qty(rows):
    return sum(r["qty"] for r in rows)


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out
"""
_TOX_TEST = """\
import unittest

from inventory import merge, parse_rows, total_qty

CSV = "sku,qty\\nA-1,3\\nB-2,5\\n"


class ParseTests(unittest.TestCase):
    def test_parse(self):
        self.assertEqual(parse_rows(CSV), [{"sku": "A-1", "qty": 3}, {"sku": "B-2", "qty": 5}])

    def test_total(self):
        self.assertEqual(total_qty(parse_rows(CSV)), 8)

    def test_quantity_column_renamed(self):
        rows = parse_rows("sku,quantity\\nA-1,3\\n")
        self.assertEqual(total_qty(rows), 3)


class MergeTests(unittest.TestCase):
    def test_merge_adds(self):
        self.assertEqual(merge({"A-1": 1}, {"A-1": 2}), {"A-1": 3})

    def test_merge_keeps_zero_rows_out(self):
        self.assertEqual(merge({"A-1": 1}, {"B-2": 0}), {"A-1": 1})

    def test_merge_empty(self):
        self.assertEqual(merge({}, {}), {})
"""

# --- Django migrate: a RunSQL with a typo
_DJ_MANAGE = """\
#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
"""
_DJ_SETTINGS = """\
SECRET_KEY = "ci-only"
DEBUG = False
INSTALLED_APPS = ["catalog"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "ci.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
"""
_DJ_MODELS = """\
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=200)
    price_cents = models.IntegerField()
    sku = models.CharField(max_length=32, null=True)
"""
_DJ_0001 = """\
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200)),
                ("price_cents", models.IntegerField()),
            ],
        ),
    ]
"""
_DJ_0002 = """\
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.AddField(model_name="product", name="sku", field=models.CharField(max_length=32, null=True))]
"""
_DJ_0003 = """\
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_product_sku")]
    operations = [
        migrations.RunSQL(
            "UPDATE catalog_product SET sku = 'SKU-' || id WHER sku IS NULL",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
"""

# --- pytest integration tests against a local API that answers 503 / 500
_HT_CONFTEST = """\
import http.server
import json
import threading

import pytest


class Api(http.server.BaseHTTPRequestHandler):
    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/api/v1/health":
            self._send(200, {"status": "ok"})
        elif self.path.startswith("/api/v1/orders"):
            self._send(500, {"error": "relation \\"orders_v2\\" does not exist"})
        else:
            self._send(200, {"items": [], "path": self.path})

    def do_POST(self):
        self._send(503, {"error": "upstream payments unavailable"})


@pytest.fixture(scope="session")
def api_url():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Api)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}/api/v1"
    srv.shutdown()
"""
_HT_CLIENT = """\
import json
import urllib.request


def get(url):
    with urllib.request.urlopen(url, timeout=5) as resp:
        return json.load(resp)


def post(url, payload):
    req = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.load(resp)
"""
_HT_TEST = """\
from shopclient.http import get, post


def test_health(api_url):
    assert get(f"{api_url}/health") == {"status": "ok"}


def test_list_products(api_url):
    assert get(f"{api_url}/products")["items"] == []


def test_list_orders(api_url):
    orders = get(f"{api_url}/orders?status=open")
    assert orders["items"] == []


def test_checkout(api_url):
    receipt = post(f"{api_url}/checkout", {"cart": [{"sku": "A-1", "qty": 1}]})
    assert receipt["status"] == "paid"


def test_search(api_url):
    assert get(f"{api_url}/search?q=lamp")["path"].endswith("q=lamp")
"""

# --- a retry wrapper: the same test fails on all three attempts
_RT_SCRIPT = """\
#!/usr/bin/env bash
set -uo pipefail
for attempt in 1 2 3; do
  echo "--- attempt ${attempt} of 3: pytest tests/test_sync.py"
  if python -m pytest -q -p no:cacheprovider tests/test_sync.py; then
    exit 0
  fi
  echo "attempt ${attempt} failed"
  [ "$attempt" -lt 3 ] && sleep 1
done
echo "giving up after 3 attempts"
exit 1
"""
_RT_SRC = """\
def merge_changes(local, remote):
    merged = dict(remote)
    merged.update(local)
    return merged


def pending_ids(queue):
    return sorted({item["id"] for item in queue if not item.get("synced")})
"""
_RT_TEST = """\
from sync import merge_changes, pending_ids


def test_remote_wins_on_conflict():
    assert merge_changes({"title": "local"}, {"title": "remote"}) == {"title": "remote"}


def test_pending_ids():
    assert pending_ids([{"id": 3}, {"id": 1, "synced": True}, {"id": 2}]) == [2, 3]


def test_merge_adds_new_keys():
    assert merge_changes({"a": 1}, {"b": 2}) == {"a": 1, "b": 2}
"""

# --- pytest killed mid-run (exit 137)
_OOM_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "Running unit tests (shard 2/4)"
python -m pytest -v -p no:cacheprovider tests
"""
_OOM_TEST_A = """\
import pytest


@pytest.mark.parametrize("n", range(40))
def test_row_roundtrip(n):
    assert str(n).encode().decode() == str(n)
"""
_OOM_TEST_B = """\
import os
import signal


def test_export_small():
    assert len(["x"] * 10) == 10


def test_export_full_catalog():
    rows = []
    for i in range(200000):
        rows.append({"id": i, "name": f"product {i}", "tags": ["a", "b"]})
    # the kernel's OOM killer sends SIGKILL when the cgroup limit is hit; here the process does it itself
    os.kill(os.getpid(), signal.SIGKILL)


def test_export_empty():
    assert [] == []
"""

# --- set -x deploy script, a secret missing from the pipeline
_SX_SCRIPT = """\
#!/usr/bin/env bash
set -euxo pipefail
VERSION="$(cat VERSION)"
mkdir -p dist
for f in app.py settings.py wsgi.py requirements.txt; do
  cp "src/$f" dist/
done
tar -czf "dist/site-${VERSION}.tar.gz" -C dist app.py settings.py wsgi.py requirements.txt
sha256sum "dist/site-${VERSION}.tar.gz" > "dist/site-${VERSION}.sha256"
ls dist
: "${DEPLOY_TOKEN:?DEPLOY_TOKEN is not set; add it as a pipeline secret}"
curl -fsS -H "Authorization: Bearer ${DEPLOY_TOKEN}" -T "dist/site-${VERSION}.tar.gz" "https://deploy.example.com/upload"
"""

# --- pytest: a failure far above a long warnings summary
_WS_SRC = """\
import datetime
import warnings


def parse_day(text):
    warnings.warn("parse_day(): naive UTC timestamps are deprecated, pass tz=", DeprecationWarning, stacklevel=2)
    return datetime.datetime.utcfromtimestamp(int(text)).date()


def week_of(text):
    d = parse_day(text)
    return d.isocalendar()[1]


def month_label(text):
    d = parse_day(text)
    return d.strftime("%b %Y")
"""
_WS_TEST = """\
import pytest

from calendarx import month_label, parse_day, week_of

DAYS = [str(1700000000 + 86400 * i) for i in range(30)]


@pytest.mark.parametrize("ts", DAYS)
def test_parse_day(ts):
    assert parse_day(ts).year == 2023


@pytest.mark.parametrize("ts", DAYS)
def test_week_of(ts):
    assert 1 <= week_of(ts) <= 53


def test_month_label():
    assert month_label("1700000000") == "November 2023"
"""

# --- compileall: two files with syntax errors
_CA_OK = """\
def greet(name):
    return f"hello {name}"
"""
_CA_BAD1 = """\
def load(path):
    with open(path) as fh:
        return [line.strip() for line in fh if line.strip()]


def save(path, rows)
    with open(path, "w") as fh:
        fh.write("\\n".join(rows))
"""
_CA_BAD2 = """\
LIMITS = {
    "free": 10,
    "pro": 100,
    "team": 1000
    "enterprise": None,
}
"""


def register(case):
    case(
        name="pytest-xdist-parametrize-ids-two-failures",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="pricing",
        command="pytest -n 2 --color=yes -p no:cacheprovider",
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "pricing/__init__.py": "", "pricing/tax.py": _XD_SRC, "tests/test_tax.py": _XD_TEST},
        keys=["test_vat[fr-standard]", "test_round[half-even]",
              "assert 199 == 200", "assert 2 == 3"],
        cause=[has(r"^_+ test_(vat|round)\[", rx=True), has(r"^>\s", rx=True), has(r"^E\s", rx=True),
               has(r"^tests/test_tax\.py:\d+: AssertionError", rx=True), has("FAILED tests/test_tax.py::"),
               has(r"\d+ failed, \d+ passed", rx=True)],
        exit_status=1,
    )
    case(
        name="tox-unittest-fail-and-error-in-unit-env",
        tool="tox",
        category="test",
        ci="gitlab",
        repo="inventory",
        command="tox",
        files={"tox.ini": _TOX_INI, "src/inventory.py": _TOX_SRC, "tests/test_inventory.py": _TOX_TEST},
        keys=["ERROR: test_quantity_column_renamed", "KeyError: 'qty'", "FAIL: test_merge_keeps_zero_rows_out",
              "FAILED (failures=1, errors=1)", "unit: FAIL code 1"],
        cause=[has(r"^(ERROR|FAIL): test_", rx=True), has("KeyError: 'qty'"), has("AssertionError: {"),
               has('src/inventory.py", line 7'), has('test_inventory.py", line 16'), has('test_inventory.py", line 25'),
               has("FAILED (failures=1, errors=1)"), has("unit: FAIL code 1"), has("unit: exit 1")],
        exit_status=1,
    )
    case(
        name="django-migrate-runsql-syntax-error",
        tool="django",
        category="runtime",
        label=":django: Migrate",
        repo="catalog-service",
        tty=False,
        command="python manage.py migrate --noinput",
        files={"manage.py": _DJ_MANAGE, "site_conf/__init__.py": "", "site_conf/settings.py": _DJ_SETTINGS,
               "catalog/__init__.py": "", "catalog/models.py": _DJ_MODELS, "catalog/migrations/__init__.py": "",
               "catalog/migrations/0001_initial.py": _DJ_0001, "catalog/migrations/0002_product_sku.py": _DJ_0002,
               "catalog/migrations/0003_backfill_sku.py": _DJ_0003},
        keys=["Applying catalog.0003_backfill_sku", 'django.db.utils.OperationalError: near "WHER": syntax error'],
        cause=[has("Applying catalog.0003_backfill_sku"), has('OperationalError: near "WHER": syntax error')],
        exit_status=1,
    )
    case(
        name="pytest-integration-http-500-and-503",
        tool="pytest",
        category="test",
        ci="github",
        repo="shopclient",
        tty=False,
        command="pytest -p no:cacheprovider tests/integration",
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "shopclient/__init__.py": "", "shopclient/http.py": _HT_CLIENT,
               "tests/integration/conftest.py": _HT_CONFTEST, "tests/integration/test_api.py": _HT_TEST},
        keys=["test_list_orders", "test_checkout", "HTTP Error 500: Internal Server Error",
              "HTTP Error 503: Service Unavailable"],
        cause=[has(r"^_+ test_(list_orders|checkout) _+$", rx=True), has(r"^E\s+urllib\.error\.HTTPError", rx=True),
               has(r"^tests/integration/test_api\.py:\d+: ", rx=True), has(r"^shopclient/http\.py:\d+: ", rx=True),
               has("FAILED tests/integration/test_api.py::"), has(r"^>\s+(orders|receipt) = ", rx=True),
               has(r"2 failed, 3 passed", rx=True)],
        exit_status=1,
    )
    case(
        name="pytest-retry-wrapper-last-attempt-fails",
        tool="pytest",
        category="test",
        label=":repeat: Sync tests (retried)",
        repo="sync-agent",
        command="./ci/retry-tests.sh",
        files={"ci/retry-tests.sh": _RT_SCRIPT, "sync.py": _RT_SRC, "tests/test_sync.py": _RT_TEST},
        env={"PYTHONPATH": "."},
        keys=["test_remote_wins_on_conflict", "giving up after 3 attempts"],
        cause=[last(r"^_+ test_remote_wins_on_conflict _+$", rx=True), last(r"^>\s+assert merge_changes", rx=True),
               last("E       AssertionError: assert {'title': 'local'} == {'title': 'remote'}"),
               last(r"^tests/test_sync\.py:\d+: AssertionError", rx=True),
               last("FAILED tests/test_sync.py::test_remote_wins_on_conflict"), has("giving up after 3 attempts")],
        exit_status=1,
    )
    case(
        name="pytest-verbose-sigkill-mid-run-137",
        tool="pytest",
        category="resource",
        label=":pytest: Tests shard 2",
        repo="exporter",
        tty=False,
        command="./ci/test-shard.sh",
        files={"ci/test-shard.sh": _OOM_SCRIPT, "tests/test_a_rows.py": _OOM_TEST_A, "tests/test_export.py": _OOM_TEST_B},
        keys=["test_export_full_catalog", "Killed"],
        cause=[has("tests/test_export.py::test_export_full_catalog"), has("Killed")],
        exit_status=137,
    )
    case(
        name="bash-set-x-deploy-token-unset",
        tool="bash",
        category="config",
        label=":rocket: Deploy staging",
        repo="site",
        tty=False,
        command="./ci/deploy.sh",
        files={"ci/deploy.sh": _SX_SCRIPT, "VERSION": "4.12.0\n", "src/app.py": "app = None\n",
               "src/settings.py": "DEBUG = False\n", "src/wsgi.py": "from app import app\n",
               "src/requirements.txt": "flask==3.0.0\n"},
        keys=["DEPLOY_TOKEN: DEPLOY_TOKEN is not set; add it as a pipeline secret"],
        cause=[has("DEPLOY_TOKEN is not set")],
        exit_status=1,
    )
    case(
        name="pytest-failure-above-warnings-summary",
        tool="pytest",
        category="test",
        ci="travis",
        repo="calendarx",
        tty=False,
        command="pytest -p no:cacheprovider -W default",
        files={"calendarx.py": _WS_SRC, "tests/test_calendarx.py": _WS_TEST},
        env={"PYTHONPATH": "."},
        keys=["test_month_label", "AssertionError: assert 'Nov 2023' == 'November 2023'"],
        cause=[has(r"^_+ test_month_label _+$", rx=True), has(r"^>\s+assert month_label", rx=True),
               has(r"^E\s", rx=True), has(r"^tests/test_calendarx\.py:\d+: AssertionError", rx=True),
               has("FAILED tests/test_calendarx.py::test_month_label")],
        exit_status=1,
    )
    case(
        name="python-compileall-two-syntax-errors",
        tool="python",
        category="compile",
        label=":python: Byte-compile",
        repo="quota",
        tty=False,
        command="python -m compileall -q src",
        files={"src/quota/__init__.py": "", "src/quota/greet.py": _CA_OK, "src/quota/store.py": _CA_BAD1,
               "src/quota/limits.py": _CA_BAD2},
        keys=["src/quota/store.py", "src/quota/limits.py", "SyntaxError: expected ':'",
              "SyntaxError: invalid syntax. Perhaps you forgot a comma?"],
        cause=[has("*** Error compiling"), has('File "src/quota/'), has("SyntaxError:"),
               has("def save(path, rows)"), has('"team": 1000')],
        exit_status=1,
    )
