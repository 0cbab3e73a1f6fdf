"""Python and shell cases for the eleventh held-out corpus (real tools from /work/scratch/h10venv:
pytest 9, pytest-django, Django, mypy, ruff; the interpreter itself; bash, make, curl)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest: a fixture renamed in conftest, two tests ask for the old name
_FX_CONFTEST = """\
import pytest


@pytest.fixture
def db_sess():
    rows = []
    yield rows
    rows.clear()


@pytest.fixture
def api_client():
    return {"base": "http://testserver"}
"""
_FX_TEST_ORDERS = """\
import pytest

from orders import order_total


@pytest.mark.parametrize("n", range(60))
def test_order_total_scales(n):
    assert order_total([{"qty": n, "cents": 100}]) == n * 100


def test_create_order(db_session, api_client):
    db_session.append({"id": 1})
    assert len(db_session) == 1


def test_total_empty():
    assert order_total([]) == 0
"""
_FX_TEST_REFUNDS = """\
from orders import order_total


def test_refund_is_negative(db_session):
    db_session.append({"id": 2, "refund": True})
    assert order_total([{"qty": -1, "cents": 500}]) == -500


def test_refund_rounding(api_client):
    assert api_client["base"].startswith("http")
"""
_FX_SRC = """\
def order_total(lines):
    return sum(line["qty"] * line["cents"] for line in lines)
"""

# --- pytest-django: two tests touch the ORM without the django_db mark
_PD_SETTINGS = """\
SECRET_KEY = "ci-only"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
"""
_PD_MODELS = """\
from django.db import models


class Coupon(models.Model):
    code = models.CharField(max_length=20, unique=True)
    percent = models.IntegerField()

    def apply(self, cents):
        return cents - cents * self.percent // 100
"""
_PD_TEST = """\
import pytest

from shop.models import Coupon


@pytest.mark.parametrize("percent", [0, 5, 10, 15, 20, 25, 50, 75, 100])
def test_apply_in_memory(percent):
    assert Coupon(code="X", percent=percent).apply(1000) == 1000 - 10 * percent


@pytest.mark.django_db
def test_unique_code():
    Coupon.objects.create(code="SPRING", percent=10)
    assert Coupon.objects.filter(code="SPRING").count() == 1


def test_lookup_by_code():
    Coupon.objects.create(code="SUMMER", percent=20)
    assert Coupon.objects.get(code="SUMMER").percent == 20


def test_count_active():
    assert Coupon.objects.count() == 0
"""

# --- ruff format --check: three files would be reformatted
_RF_A = """\
def load(path,  encoding = 'utf-8'):
    with open(path, encoding=encoding) as fh:
        return [ l.strip() for l in fh ]
"""
_RF_B = """\
CONFIG = {'retries': 3,
    'timeout': 10, 'backoff':  1.5}
"""
_RF_C = """\
class Worker :
    def run(self):
        return  True
"""
_RF_OK = '''\
def ok() -> int:
    return 1
'''

# --- mypy: stubs for third-party libraries not installed
_MY_SRC = """\
import requests
import yaml


def load_manifest(path: str) -> dict[str, object]:
    with open(path) as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


def fetch_status(url: str) -> int:
    return requests.get(url, timeout=5).status_code
"""
_MY_UTIL = """\
def slug(text: str) -> str:
    return "-".join(text.lower().split())
"""

# --- argparse: the CI script passes a flag the tool does not have
_AP_TOOL = """\
import argparse
import pathlib


def main():
    p = argparse.ArgumentParser(description="Render the docs site")
    p.add_argument("--out", required=True)
    p.add_argument("--strict", action="store_true", help="fail on broken links")
    p.add_argument("--theme", default="plain")
    args = p.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(exist_ok=True)
    print(f"rendered {len(list(pathlib.Path('docs').glob('*.md')))} pages into {out}")


if __name__ == "__main__":
    main()
"""
_AP_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- collecting pages"
for f in docs/*.md; do
  echo "  page: $f ($(wc -l < "$f") lines)"
done
echo "--- rendering"
python tools/render.py --out site --strict-links --theme plain
echo "--- done"
"""

# --- pytest: a fixture needs Redis on localhost, the service container is not there
_RC_CONFTEST = """\
import socket

import pytest


@pytest.fixture(scope="module")
def redis_conn():
    s = socket.create_connection(("127.0.0.1", 16379), timeout=2)
    yield s
    s.close()
"""
_RC_TEST_CACHE = """\
import pytest

from ratelimit import bucket_key


@pytest.mark.parametrize("user", [f"u{i}" for i in range(80)])
def test_bucket_key(user):
    assert bucket_key(user, 60).startswith("rl:")


def test_incr_first_hit(redis_conn):
    redis_conn.sendall(b"INCR rl:u1:60\\r\\n")


def test_incr_expires(redis_conn):
    redis_conn.sendall(b"TTL rl:u1:60\\r\\n")
"""
_RC_SRC = """\
def bucket_key(user, window):
    return f"rl:{user}:{window}"
"""

# --- bash: release script with an unclosed if
_BS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
VERSION="$(cat VERSION)"
echo "Preparing release ${VERSION}"
mkdir -p out
for n in 1 2 3 4 5 6; do
  echo "  building chunk $n/6"
done

if [[ "${BUILDKITE_BRANCH:-main}" == "main" ]]; then
  echo "tagging v${VERSION}"
  if [[ -n "${RELEASE_NOTES:-}" ]]; then
    cp "$RELEASE_NOTES" out/NOTES.md
  else
    echo "no release notes"
fi

echo "release prepared"
"""

# --- make: recipe lines indented with spaces
_MS_MAKEFILE = """\
CC ?= cc
CFLAGS ?= -O2 -Wall

all: build/app

build/app: src/main.c
\tmkdir -p build
\t$(CC) $(CFLAGS) -o $@ $<

test: build/app
        ./build/app --self-test

.PHONY: all test
"""

# --- deploy script: long build output, then the upload is refused with 401
_DC_SERVER = """\
import http.server
import sys


class H(http.server.BaseHTTPRequestHandler):
    def _deny(self):
        body = b'{"error":"invalid_token","message":"token expired"}'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = _deny

    def log_message(self, *a):
        pass


http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""
_DC_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- :package: building bundle"
python3 - <<'EOF'
import hashlib
for i in range(180):
    name = f"static/js/chunk-{i:03d}.js"
    print(f"  emitted {name:<28} {1000 + (i * 7919) % 48000:>6} bytes  {hashlib.sha1(name.encode()).hexdigest()[:10]}")
print("  WARNING: 3 chunks exceed the recommended size (244 KiB)")
print("bundle ready: 180 chunks")
EOF
tar -czf bundle.tgz -C . VERSION
echo "--- :rocket: uploading bundle to staging"
for attempt in 1 2; do
  if curl -fsS -X PUT -H "Authorization: Bearer ${DEPLOY_TOKEN}" --data-binary @bundle.tgz \\
      "http://127.0.0.1:18731/v1/sites/shop/releases/$(cat VERSION)"; then
    echo "uploaded"; exit 0
  fi
  echo "upload attempt $attempt failed"
  sleep 1
done
echo "deploy failed: could not upload bundle" >&2
exit 1
"""

# --- pytest: the runner's temp filesystem is full (a 2 MiB tmpfs stands in for a full /tmp)
_DF_SRC = """\
import csv
import io


def render(rows):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "name", "notes"])
    for r in rows:
        w.writerow([r["id"], r["name"], r["notes"]])
    return buf.getvalue()


def export(rows, path):
    with open(path, "w") as fh:
        fh.write(render(rows))
    return path
"""
_DF_TEST = """\
import pytest

from exportcsv import export, render

ROWS = [{"id": i, "name": f"customer {i}", "notes": "x" * 120} for i in range(30000)]


@pytest.mark.parametrize("n", range(50))
def test_render_header(n):
    assert render(ROWS[:n]).startswith("id,name,notes")


def test_export_small(tmp_path):
    assert export(ROWS[:10], tmp_path / "small.csv").stat().st_size > 100


def test_export_full_customer_list(tmp_path):
    out = export(ROWS, tmp_path / "customers.csv")
    assert out.stat().st_size > 3_000_000
"""


def register(case):
    case(
        name="pytest-fixture-not-found-renamed-in-conftest",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="orders",
        command="pytest --color=yes -p no:cacheprovider",
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "orders.py": _FX_SRC, "tests/conftest.py": _FX_CONFTEST,
               "tests/test_orders.py": _FX_TEST_ORDERS, "tests/test_refunds.py": _FX_TEST_REFUNDS},
        keys=["fixture 'db_session' not found", "test_create_order", "test_refund_is_negative"],
        cause=[has(r"ERROR at setup of test_(create_order|refund_is_negative)", rx=True),
               has(r"^\s*def test_(create_order|refund_is_negative)\(", rx=True),
               has("fixture 'db_session' not found"),
               has(r"^E\s+fixture", rx=True),
               has(r"tests/test_(orders|refunds)\.py, line \d+", rx=True), has(r"tests/test_(orders|refunds)\.py:\d+$", rx=True),
               has(r"^ERROR tests/test_", rx=True), has(r"\d+ passed, 2 errors", rx=True)],
        exit_status=1,
    )
    case(
        name="pytest-django-database-access-not-allowed-two-tests",
        tool="pytest",
        category="test",
        ci="github",
        repo="shop",
        tty=False,
        command="pytest -p no:cacheprovider --ds=shop_site.settings",
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "shop_site/__init__.py": "",
               "shop_site/settings.py": _PD_SETTINGS, "shop/__init__.py": "", "shop/models.py": _PD_MODELS,
               "tests/test_coupons.py": _PD_TEST},
        keys=["test_lookup_by_code", "test_count_active", 'Database access not allowed, use the "django_db" mark'],
        cause=[has(r"^_+ test_(lookup_by_code|count_active) _+$", rx=True),
               has(r"^>\s+(Coupon\.objects\.create\(code=\"SUMMER\"|assert Coupon\.objects\.count)", rx=True),
               has(r"^E\s+RuntimeError: Database access not allowed", rx=True),
               has(r"^tests/test_coupons\.py:\d+: ", rx=True),
               has("FAILED tests/test_coupons.py::"), has(r"2 failed, \d+ passed", rx=True)],
        exit_status=1,
    )
    case(
        name="ruff-format-check-three-files-would-reformat",
        tool="ruff",
        category="lint",
        ci="gitlab",
        repo="ingest",
        tty=False,
        command="ruff format --check .",
        files={"ingest/__init__.py": "", "ingest/loader.py": _RF_A, "ingest/config.py": _RF_B,
               "ingest/worker.py": _RF_C, "ingest/ok.py": _RF_OK},
        keys=["ingest/loader.py", "ingest/config.py", "ingest/worker.py", "3 files would be reformatted"],
        cause=[has("unformatted: File would be reformatted"), has(r"^ --> ingest/\w+\.py:\d+:\d+", rx=True),
               has("3 files would be reformatted")],
        exit_status=1,
    )
    case(
        name="mypy-library-stubs-not-installed-yaml-requests",
        tool="mypy",
        category="dependency",
        ci="travis",
        repo="deployctl",
        tty=False,
        command="mypy --strict src",
        files={"src/deployctl/__init__.py": "", "src/deployctl/manifest.py": _MY_SRC, "src/deployctl/util.py": _MY_UTIL},
        keys=['Library stubs not installed for "yaml"', 'Library stubs not installed for "requests"',
              "Found 3 errors in 1 file"],
        cause=[has(": error: "), has("Hint:"), has("Found 3 errors in 1 file")],
        exit_status=1,
    )
    case(
        name="python-argparse-unrecognized-arguments-exit-2",
        tool="python",
        category="config",
        label=":books: Docs",
        repo="handbook",
        tty=False,
        command="./ci/docs.sh",
        files={"ci/docs.sh": _AP_SCRIPT, "tools/render.py": _AP_TOOL,
               **{f"docs/{n}.md": f"# {n}\n\ntext\n" for n in ("intro", "setup", "deploy", "faq", "api")}},
        keys=["render.py: error: unrecognized arguments: --strict-links"],
        cause=[has("usage: render.py"), has("error: unrecognized arguments: --strict-links")],
        exit_status=2,
    )
    case(
        name="pytest-module-fixture-redis-connection-refused",
        tool="pytest",
        category="infrastructure",
        label=":pytest: Integration tests",
        repo="ratelimit",
        command="pytest --color=yes -p no:cacheprovider --tb=short",
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "ratelimit.py": _RC_SRC, "tests/conftest.py": _RC_CONFTEST,
               "tests/test_cache.py": _RC_TEST_CACHE},
        keys=["test_incr_first_hit", "test_incr_expires", "ConnectionRefusedError: [Errno 111] Connection refused"],
        cause=[has(r"ERROR at setup of test_incr_", rx=True), has(r"tests/conftest\.py:\d+: in redis_conn", rx=True),
               has(r"socket\.create_connection\(\(\"127\.0\.0\.1\", 16379\)", rx=True),
               has(r"^E\s+ConnectionRefusedError", rx=True), has("ERROR tests/test_cache.py::test_incr_"),
               has(r"\d+ passed, 2 errors", rx=True)],
        exit_status=1,
    )
    case(
        name="bash-syntax-error-unexpected-end-of-file-release",
        tool="bash",
        category="compile",
        label=":label: Prepare release",
        repo="storefront",
        tty=False,
        command="./ci/release.sh",
        files={"ci/release.sh": _BS_SCRIPT, "VERSION": "2.8.1\n"},
        keys=["syntax error: unexpected end of file"],
        cause=[has("syntax error: unexpected end of file")],
        exit_status=2,
    )
    case(
        name="make-missing-separator-spaces-not-tab",
        tool="make",
        category="config",
        ci="gitlab",
        repo="sensor-fw",
        tty=False,
        command="make test",
        files={"Makefile": _MS_MAKEFILE, "src/main.c": "int main(void) { return 0; }\n"},
        keys=["Makefile:11: *** missing separator"],
        cause=[has("missing separator")],
        exit_status=2,
    )
    case(
        name="deploy-curl-401-after-long-bundle-output",
        tool="curl",
        category="config",
        label=":rocket: Deploy staging",
        repo="shop-web",
        tty=False,
        command="./ci/deploy.sh",
        run="python3 .ci/api.py 18731 >/dev/null 2>&1 & sleep 1; ./ci/deploy.sh; rc=$?; kill %1; exit $rc",
        files={"ci/deploy.sh": _DC_SCRIPT, ".ci/api.py": _DC_SERVER, "VERSION": "5.3.0\n"},
        env={"DEPLOY_TOKEN": "bk-expired-0c41"},
        keys=["The requested URL returned error: 401", "deploy failed: could not upload bundle"],
        cause=[has("The requested URL returned error: 401"), has("upload attempt"),
               has("deploy failed: could not upload bundle")],
        exit_status=1,
    )
    case(
        name="pytest-tmp-path-errno-28-no-space-left",
        tool="pytest",
        category="resource",
        label=":pytest: Export tests",
        repo="exportcsv",
        command="pytest --color=yes -p no:cacheprovider",
        setup="rm -rf /work/scratch/h10tmpfs/*",
        env={"TMPDIR": "/work/scratch/h10tmpfs"},
        files={"pytest.ini": "[pytest]\npythonpath = .\n", "exportcsv.py": _DF_SRC, "tests/test_export.py": _DF_TEST},
        keys=["test_export_full_customer_list", "OSError: [Errno 28] No space left on device"],
        cause=[has(r"_+ test_export_full_customer_list _+", rx=True), has("[Errno 28] No space left on device"),
               has(r"^>\s+(out = export|fh\.write)", rx=True), has(r"^(tests/test_export|exportcsv)\.py:\d+: ", rx=True),
               has(r"\d+ failed, \d+ passed", rx=True)],
        exit_status=1,
    )
