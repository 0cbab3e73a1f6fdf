"""Python-tool cases for the third held-out corpus."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest-xdist: a worker segfaults inside a ctypes call
_NATIVE = """\
import ctypes


def read_header(buf: bytes, offset: int) -> bytes:
    if offset == 0:
        return buf[:4]
    # "fast path": read straight from the address the caller handed us
    return ctypes.string_at(offset, 4)
"""
_NATIVE_TESTS = """\
import pytest

from native import read_header


@pytest.mark.parametrize("n", range(12))
def test_header_zero_offset(n):
    assert read_header(b"PK\\x03\\x04" + bytes(n), 0) == b"PK\\x03\\x04"


def test_header_from_pointer():
    assert read_header(b"", 8) == b"\\x00\\x00\\x00\\x00"


@pytest.mark.parametrize("name", ["a.zip", "b.zip", "c.zip", "d.zip"])
def test_names(name):
    assert name.endswith(".zip")
"""

# --- yamllint on CI / k8s yaml
_YAMLLINT_CFG = """\
extends: default
rules:
  line-length:
    max: 100
  document-start: disable
  truthy:
    check-keys: false
"""
_WORKFLOW = """\
name: release
on:
  push:
    tags: ["v*"]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: build
        run: make dist   
      - name: upload
        run: ./ci/upload.sh
        env:
          BUCKET: acme-releases
          BUCKET: acme-releases-staging
"""
_DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
          ports:
          - containerPort: 8080
            protocol: TCP
            protocol: UDP
"""

# --- bandit
_BANDIT_APP = """\
import hashlib
import pickle
import subprocess

import yaml


def load_session(blob: bytes):
    return pickle.loads(blob)


def checksum(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest()


def archive(name: str) -> None:
    subprocess.call("tar czf /tmp/%s.tgz data/" % name, shell=True)


def read_config(text: str):
    return yaml.load(text)
"""
_BANDIT_UTIL = """\
import random


def token() -> str:
    return "%08x" % random.getrandbits(32)


def debug_enabled(env) -> bool:
    try:
        return env["DEBUG"] == "1"
    except Exception:
        pass
    return False
"""

# --- sqlfluff
_SQL_ORDERS = """\
SELECT o.id, o.customer_id,SUM(l.qty * l.price) AS total
FROM orders o
JOIN order_lines l ON l.order_id = o.id
where o.created_at >= '2026-01-01'
GROUP BY o.id, o.customer_id
"""
_SQL_CUSTOMERS = """\
select
    c.id,
    c.email,
    count(*) as n_orders
from customers as c
left join orders as o on c.id = o.customer_id
group by c.id, c.email
"""

# --- pip --require-hashes with a wrong pin
_REQS_HASHED = """\
six==1.16.0 \\
    --hash=sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c92f
"""

# --- SQLAlchemy IntegrityError in a seed script
_SEED = """\
import csv
import sys

from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    email = Column(String, unique=True, nullable=False)
    name = Column(String, nullable=False)


def main(path: str) -> None:
    engine = create_engine("sqlite:///seed.db")
    Base.metadata.create_all(engine)
    with Session(engine) as s, open(path, newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 1):
            s.add(Customer(email=row["email"].lower(), name=row["name"]))
            print(f"seed customer {n}: {row['email']}")
        s.commit()
    print("seeded")


if __name__ == "__main__":
    main(sys.argv[1])
"""
_SEED_CSV = """\
email,name
ada@example.com,Ada Lovelace
grace@example.com,Grace Hopper
linus@example.com,Linus T
Ada@Example.com,Ada L. (dup)
ken@example.com,Ken Thompson
"""

# --- Buildkite: soft-failing lint group, then the real pytest failure
_SOFT_SCRIPT = """\
#!/usr/bin/env bash
set -uo pipefail
echo "--- :python: lint (soft fail)"
python -m pyflakes app || echo "lint failed (soft_fail: true), continuing"
echo "--- :pytest: unit tests"
set -e
pytest -q --color=yes -p no:cacheprovider tests
"""
_PYFLAKES_STUB = """\
import pathlib
import sys

bad = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):
    for n, line in enumerate(p.read_text().splitlines(), 1):
        if line.startswith("import ") and line.split()[1] not in p.read_text().split(line, 1)[1]:
            print(f"{p}:{n}:1: '{line.split()[1]}' imported but unused")
            bad += 1
sys.exit(1 if bad else 0)
"""
_PRICING = """\
import json
import os
from decimal import ROUND_HALF_UP, Decimal


def vat(amount: str, rate: str) -> Decimal:
    return (Decimal(amount) * Decimal(rate)).quantize(Decimal("0.01"))


def gross(amount: str, rate: str) -> Decimal:
    return Decimal(amount) + vat(amount, rate)
"""
_PRICING_TESTS = """\
from decimal import Decimal

from app.pricing import gross, vat


def test_vat_simple():
    assert vat("100.00", "0.20") == Decimal("20.00")


def test_vat_rounds_half_up():
    assert vat("0.25", "0.10") == Decimal("0.03")


def test_gross():
    assert gross("10.00", "0.20") == Decimal("12.00")
"""

# --- tox: lint env passes (with "error" words), py env fails
_TOX_INI = """\
[tox]
envlist = lint, py311
skipsdist = true

[testenv]
skip_install = true
allowlist_externals = *
setenv = PYTHONPATH = {toxinidir}/src

[testenv:lint]
commands = python tools/check_errors_doc.py

[testenv:py311]
commands = pytest -q -p no:cacheprovider tests
"""
_ERRDOC = """\
codes = ["E100 error: bad request", "E200 error: timeout", "E300 error: upstream failure"]
for c in codes:
    print(f"documented: {c}")
print("error catalogue OK: 3 codes, 0 errors, 0 undocumented")
"""
_ERRMAP = """\
CODES = {400: "E100", 504: "E200", 502: "E300"}


def to_code(status: int) -> str:
    return CODES.get(status, "E000")


def describe(status: int) -> str:
    code = to_code(status)
    return f"{code}: {'client' if status < 500 else 'server'} error"
"""
_ERRMAP_TESTS = """\
from errmap import describe, to_code


def test_error_codes_mapping():
    assert to_code(400) == "E100"


def test_error_unknown_status():
    assert to_code(418) == "E000"


def test_describe_gateway_timeout():
    assert describe(504) == "E200: gateway timeout"


def test_describe_bad_request():
    assert describe(400) == "E100: client error"
"""

# --- check-jsonschema against a local schema
_SCHEMA = """\
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["service", "replicas", "resources"],
  "properties": {
    "service": {"type": "string", "pattern": "^[a-z][a-z0-9-]+$"},
    "replicas": {"type": "integer", "minimum": 1},
    "resources": {
      "type": "object",
      "properties": {"memory": {"type": "string", "pattern": "^[0-9]+(Mi|Gi)$"}},
      "required": ["memory"]
    }
  }
}
"""
_SVC_OK = '{"service": "billing", "replicas": 2, "resources": {"memory": "512Mi"}}\n'
_SVC_BAD = '{"service": "search", "replicas": "three", "resources": {"memory": "2GB"}}\n'

# --- pre-commit with local hooks
_PRECOMMIT = """\
repos:
  - repo: local
    hooks:
      - id: no-breakpoint
        name: forbid breakpoint() and pdb
        language: pygrep
        entry: '(breakpoint\\(\\)|import pdb)'
        types: [python]
      - id: migrations-named
        name: migration file names
        language: system
        entry: python tools/check_migrations.py
        files: ^migrations/
      - id: json-valid
        name: check json
        language: system
        entry: python -m json.tool
        files: \\.json$
"""
_CHECK_MIGR = """\
import re
import sys

bad = [p for p in sys.argv[1:] if not re.search(r"/\\d{4}_[a-z_]+\\.sql$", p)]
for p in bad:
    print(f"{p}: migration names must look like NNNN_snake_case.sql")
sys.exit(1 if bad else 0)
"""
_VIEWS = """\
def list_orders(request):
    orders = request.db.orders.all()
    breakpoint()
    return {"orders": [o.to_dict() for o in orders]}
"""

# --- aws s3 cp against an endpoint that denies PutObject
_FAKE_S3 = """\
import http.server

BODY = (b'<?xml version="1.0" encoding="UTF-8"?>\\n<Error><Code>AccessDenied</Code>'
        b'<Message>Access Denied</Message><RequestId>8K3QF2Z7W1N4M9XA</RequestId>'
        b'<HostId>q1m2Zx9+V0aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5=</HostId></Error>')


class H(http.server.BaseHTTPRequestHandler):
    def _deny(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        self.send_response(403)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    do_PUT = do_POST = do_GET = do_HEAD = _deny

    def log_message(self, *a):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", 8742), H).serve_forever()
"""
_PUBLISH = """\
#!/usr/bin/env bash
set -euo pipefail
VERSION=1.4.2
echo "Publishing widgets ${VERSION} to s3://acme-releases/widgets/${VERSION}/"
aws s3 cp dist/widgets-${VERSION}.tar.gz s3://acme-releases/widgets/${VERSION}/ --endpoint-url http://127.0.0.1:8742 --no-progress
aws s3 cp dist/widgets-${VERSION}.sha256 s3://acme-releases/widgets/${VERSION}/ --endpoint-url http://127.0.0.1:8742 --no-progress
echo "published"
"""

# --- psql connection refused early, then a long cleanup trap
_ITEST = """\
#!/usr/bin/env bash
set -euo pipefail
WORK=$(mktemp -d /tmp/itest.XXXXXX)
cleanup() {
  status=$?
  echo "--- :broom: cleanup (exit ${status})"
  echo "stopping fixtures ..."
  for svc in redis minio mailhog; do echo "fixture ${svc}: not running, skipping"; done
  rm -rfv "${WORK}" | sed 's/^/  /'
  echo "uploading junit artifacts: 0 files matched tmp/junit/*.xml (no error)"
  echo "cleanup done"
  exit "${status}"
}
trap cleanup EXIT
for i in $(seq 1 40); do mkdir -p "${WORK}/fixtures/set${i}"; : > "${WORK}/fixtures/set${i}/rows.csv"; done
echo "--- :postgres: applying migrations"
export PGCONNECT_TIMEOUT=3
for f in db/migrations/*.sql; do
  echo "applying ${f}"
  psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5499 -U ci -d widgets_test -f "${f}"
done
echo "--- :rspec: integration tests"
echo "would run tests"
"""


def register(case):
    case(
        name="pytest-xdist-worker-crash",
        tool="pytest",
        category="crash",
        label=":pytest: Tests (xdist)",
        repo="zipread",
        command="pytest -n 2 -p no:cacheprovider --color=yes",
        files={"native.py": _NATIVE, "test_native.py": _NATIVE_TESTS},
        keys=["worker 'gw", "crashed while running", "test_native.py::test_header_from_pointer"],
        cause=[
            has("Fatal Python error: Segmentation fault"),
            has(r'File ".*native\.py", line 8 in read_header', rx=True),
            has(r'File ".*test_native\.py", line 12 in test_header_from_pointer', rx=True),
            has("node down: Not properly terminated"),
            has("worker 'gw1' crashed while running"),
            has("ctypes/__init__.py\", line 519 in string_at"),
            has("FAILED test_native.py::test_header_from_pointer"),
        ],
        exit_status=1,
    )
    case(
        name="yamllint-duplicate-keys",
        tool="yamllint",
        category="lint",
        ci="gitlab",
        repo="platform",
        tty=False,
        command="yamllint -f parsable .github/ deploy/",
        files={".yamllint": _YAMLLINT_CFG, ".github/workflows/release.yml": _WORKFLOW, "deploy/api.yaml": _DEPLOY},
        keys=['duplication of key "BUCKET" in mapping', 'duplication of key "protocol" in mapping', "release.yml:16:11"],
        cause=[has("[error]")],
        exit_status=1,
    )
    case(
        name="bandit-high-severity",
        tool="bandit",
        category="lint",
        label=":lock: Security scan",
        repo="sessions",
        tty=False,
        command="bandit -r app -lll",
        files={"app/__init__.py": "", "app/session.py": _BANDIT_APP, "app/util.py": _BANDIT_UTIL},
        keys=["B602:subprocess_popen_with_shell_equals_true", "app/session.py:18:4", "B324:hashlib",
              "app/session.py:14:15"],
        cause=[
            has(">> Issue: ["),
            has("Severity: High   Confidence: High"),
            has("Location: app/session.py:"),
            has("14\t        return hashlib.md5"),
            has("18\t    subprocess.call("),
        ],
        exit_status=1,
    )
    case(
        name="sqlfluff-lint-violations",
        tool="sqlfluff",
        category="lint",
        label=":database: SQL lint",
        repo="warehouse",
        tty=False,
        command="sqlfluff lint --dialect postgres models/",
        files={"models/orders_total.sql": _SQL_ORDERS, "models/customers.sql": _SQL_CUSTOMERS},
        keys=["models/orders_total.sql", "CP01", "ST11"],
        cause=[has("] FAIL"), has(r"^L:\s+\d+ \| P:", rx=True)],
        exit_status=1,
    )
    case(
        name="pip-require-hashes-mismatch",
        tool="pip",
        category="dependency",
        label=":pip: Install locked deps",
        repo="ingest",
        tty=False,
        command="pip install --no-cache-dir --require-hashes -r requirements.lock",
        run="python -m venv /tmp/h3_hashvenv && /tmp/h3_hashvenv/bin/pip install --disable-pip-version-check --no-cache-dir --require-hashes -r requirements.lock; st=$?; rm -rf /tmp/h3_hashvenv; exit $st",
        files={"requirements.lock": _REQS_HASHED},
        keys=["THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE", "six==1.16.0"],
        cause=[
            has("ERROR: THESE PACKAGES DO NOT MATCH THE HASHES"),
            has("six==1.16.0 from"),
            has("Expected sha256 1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c92f"),
            has("Got "),
        ],
        exit_status=1,
    )
    case(
        name="sqlalchemy-integrityerror-unique",
        tool="python",
        category="runtime",
        ci="travis",
        repo="crm",
        tty=False,
        command="python scripts/seed.py fixtures/customers.csv",
        files={"scripts/seed.py": _SEED, "fixtures/customers.csv": _SEED_CSV},
        keys=["sqlalchemy.exc.IntegrityError", "UNIQUE constraint failed: customers.email"],
        cause=[
            has("Traceback (most recent call last):"),
            has("seed customer 4: Ada@Example.com"),
            has(r'File "/home/travis/.*seed\.py", line \d+', rx=True),
            has("    main(sys.argv[1])"),
            has("s.commit()"),
            has("sqlite3.IntegrityError: UNIQUE constraint failed"),
            has("sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError)"),
            has("[SQL: INSERT INTO customers"),
            has("[parameters: "),
        ],
        exit_status=1,
    )
    case(
        name="buildkite-soft-fail-lint-then-pytest",
        tool="pytest",
        category="test",
        label=":hammer: CI",
        repo="pricing",
        command="./ci/test.sh",
        files={"ci/test.sh": _SOFT_SCRIPT, "app/__init__.py": "",
               "app/pricing.py": _PRICING, "tests/test_pricing.py": _PRICING_TESTS},
        env={"PYTHONPATH": "."},
        keys=["test_vat_rounds_half_up", "assert Decimal('0.02') == Decimal('0.03')"],
        cause=[
            has("_ test_vat_rounds_half_up _"),
            has(r"^>\s+assert vat", rx=True),
            has(r"^E\s+AssertionError", rx=True),
            has(r"^E\s+\+\s+where Decimal\('0\.02'\)", rx=True),
            has(r"tests/test_pricing\.py:\d+: AssertionError", rx=True),
            has("FAILED tests/test_pricing.py::test_vat_rounds_half_up"),
        ],
        exit_status=1,
    )
    case(
        name="tox-env-fail-after-error-words",
        tool="tox",
        category="test",
        ci="github",
        repo="errmap",
        tty=False,
        command="tox -e lint,py311",
        files={"tox.ini": _TOX_INI, "tools/check_errors_doc.py": _ERRDOC, "src/errmap.py": _ERRMAP,
               "tests/test_errmap.py": _ERRMAP_TESTS},
        keys=["test_describe_gateway_timeout", "py311: FAIL code 1", "E200: server error"],
        cause=[
            has("_ test_describe_gateway_timeout _"),
            has(r"^>\s+assert describe\(504\)", rx=True),
            has(r"^E\s+AssertionError", rx=True),
            has(r"^E\s+- E200: gateway timeout", rx=True),
            has(r"^E\s+\+ E200: server error", rx=True),
            has(r"tests/test_errmap\.py:\d+: AssertionError", rx=True),
            has("FAILED tests/test_errmap.py::test_describe_gateway_timeout"),
            has("py311: FAIL code 1"),
        ],
        exit_status=1,
    )
    case(
        name="check-jsonschema-service-config",
        tool="check-jsonschema",
        category="config",
        label=":white_check_mark: Validate service configs",
        repo="fleet",
        tty=False,
        command="check-jsonschema --schemafile schema/service.json services/*.json",
        files={"schema/service.json": _SCHEMA, "services/billing.json": _SVC_OK, "services/search.json": _SVC_BAD},
        keys=["services/search.json", "'three' is not of type 'integer'", "'2GB' does not match"],
        cause=[
            has("Schema validation errors were encountered"),
            has("services/search.json::"),
        ],
        exit_status=1,
    )
    case(
        name="pre-commit-local-hooks",
        tool="pre-commit",
        category="lint",
        label=":git: pre-commit",
        repo="orders",
        tty=False,
        command="pre-commit run --all-files --show-diff-on-failure --color=never",
        setup="git init -q . && git add -A",
        env={"PRE_COMMIT_HOME": "/work/scratch/h3precommit", "GIT_CONFIG_GLOBAL": "/dev/null",
             "GIT_AUTHOR_NAME": "ci", "GIT_AUTHOR_EMAIL": "ci@example.com"},
        files={".pre-commit-config.yaml": _PRECOMMIT, "tools/check_migrations.py": _CHECK_MIGR,
               "app/views.py": _VIEWS, "migrations/0001_init.sql": "create table t (id int);\n",
               "migrations/2_add_orders.sql": "create table orders (id int);\n",
               "fixtures/orders.json": '{"orders": []}\n'},
        keys=["- hook id: no-breakpoint", "app/views.py:3:", "- hook id: migrations-named",
              "migrations/2_add_orders.sql: migration names must look like"],
        cause=[
            has("forbid breakpoint() and pdb"),
            has("- hook id: no-breakpoint"),
            has("app/views.py:3:"),
            has("migration file names"),
            has("- hook id: migrations-named"),
            has("migrations/2_add_orders.sql: migration names"),
        ],
        exit_status=1,
    )
    case(
        name="aws-s3-cp-accessdenied",
        tool="aws",
        category="infrastructure",
        label=":rocket: Publish release",
        repo="widgets",
        tty=False,
        command="./ci/publish.sh",
        run="python .ci/fake_s3.py & srv=$!; sleep 1; ./ci/publish.sh; st=$?; kill $srv; exit $st",
        setup="mkdir -p dist && head -c 20000 /dev/urandom > dist/widgets-1.4.2.tar.gz && sha256sum dist/widgets-1.4.2.tar.gz > dist/widgets-1.4.2.sha256",
        env={"AWS_ACCESS_KEY_ID": "AKIAEXAMPLEEXAMPLE00", "AWS_SECRET_ACCESS_KEY": "example/secret/key/not/real/xxxxxxxxxxxx",
             "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"},
        files={".ci/fake_s3.py": _FAKE_S3, "ci/publish.sh": _PUBLISH},
        keys=["An error occurred (AccessDenied) when calling the PutObject operation: Access Denied",
              "upload failed: dist/widgets-1.4.2.tar.gz"],
        cause=[has("upload failed: dist/widgets-1.4.2.tar.gz")],
        exit_status=1,
    )
    case(
        name="psql-refused-then-cleanup-noise",
        tool="psql",
        category="infrastructure",
        label=":hammer: Integration",
        repo="widgets",
        tty=False,
        command="./ci/integration.sh",
        files={"ci/integration.sh": _ITEST, "db/migrations/0001_init.sql": "create table widgets (id serial primary key);\n",
               "db/migrations/0002_owner.sql": "alter table widgets add column owner text;\n"},
        keys=['connection to server at "127.0.0.1", port 5499 failed', "Connection refused"],
        cause=[
            has("applying db/migrations/0001_init.sql"),
            has("psql: error: connection to server at"),
            has("Is the server running on that host and accepting TCP/IP connections?"),
        ],
        exit_status=2,
    )
