"""Python and PostgreSQL cases for the fifteenth held-out corpus (real tools from
/work/scratch/h14venv: pytest, pytest-benchmark, psycopg 3, uv, build + setuptools-scm,
zizmor, cfn-lint, pyupgrade; psql against the PostgreSQL 15 at 127.0.0.1:5432)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

PG = {"PGHOST": "127.0.0.1", "PGUSER": "postgres", "PGPORT": "5432"}


def _fresh_db(name: str) -> str:
    return (
        f"psql -d postgres -qc 'DROP DATABASE IF EXISTS {name} WITH (FORCE)' && "
        f"psql -d postgres -qc 'CREATE DATABASE {name}'"
    )


# --- psql: a migration run; the FK added by 004 fails on orphan rows seeded earlier
_MG_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
export PGDATABASE=h14_shop
for f in db/migrations/*.sql; do
  echo "==> applying $f"
  psql -v ON_ERROR_STOP=1 -X -f "$f"
done
echo "migrations applied"
"""
_MG_001 = """\
CREATE TABLE IF NOT EXISTS customers (id serial PRIMARY KEY, email text NOT NULL);
CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY, customer_id int NOT NULL, placed_at timestamptz DEFAULT now());
CREATE TABLE IF NOT EXISTS order_items (id serial PRIMARY KEY, order_id int NOT NULL, sku text NOT NULL, qty int NOT NULL);
CREATE TABLE IF NOT EXISTS error_log (id serial PRIMARY KEY, message text);
"""
_MG_002 = """\
-- idempotent re-run of the base tables (the deploy job runs every migration every time)
CREATE TABLE IF NOT EXISTS customers (id serial PRIMARY KEY, email text NOT NULL);
CREATE TABLE IF NOT EXISTS error_log (id serial PRIMARY KEY, message text);
DROP INDEX IF EXISTS orders_placed_at_idx_old;
CREATE INDEX IF NOT EXISTS orders_placed_at_idx ON orders (placed_at);
INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 40) g;
INSERT INTO orders (customer_id) SELECT 1 + g % 40 FROM generate_series(1, 40) g;
INSERT INTO order_items (order_id, sku, qty) SELECT 1 + g % 45, 'SKU-' || g, 1 FROM generate_series(1, 120) g;
INSERT INTO error_log (message) VALUES ('seed: 0 errors');
"""
_MG_003 = """\
ALTER TABLE order_items ADD COLUMN IF NOT EXISTS unit_cents int NOT NULL DEFAULT 0;
ALTER TABLE order_items ADD COLUMN IF NOT EXISTS unit_cents int NOT NULL DEFAULT 0;
"""
_MG_004 = """\
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE order_items ADD CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
COMMIT;
"""
_MG_005 = """\
CREATE INDEX order_items_sku_idx ON order_items (sku);
"""

# --- psql: migration blocked by a long report transaction, lock_timeout fires
_LT_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
export PGDATABASE=h14_ledger
psql -X -q -v ON_ERROR_STOP=1 -f db/schema.sql
# the nightly revenue report (another service) is still reading the ledger
psql -X -q -c "BEGIN; SELECT count(*) FROM entries; SELECT pg_sleep(9); COMMIT;" >/dev/null &
report=$!
sleep 1
echo "==> running db/migrations/0042_add_currency.sql (lock_timeout 3s)"
status=0
psql -X -v ON_ERROR_STOP=1 -f db/migrations/0042_add_currency.sql || status=$?
wait "$report" || true
exit "$status"
"""
_LT_SCHEMA = """\
CREATE TABLE entries (id bigserial PRIMARY KEY, account text NOT NULL, amount_cents bigint NOT NULL);
INSERT INTO entries (account, amount_cents) SELECT 'acct-' || (g % 17), g * 3 FROM generate_series(1, 5000) g;
"""
_LT_MIG = """\
SET lock_timeout = '3s';
\\echo adding currency column to entries
ALTER TABLE entries ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';
\\echo backfilling
UPDATE entries SET currency = 'USD' WHERE account LIKE 'acct-1%';
"""

# --- psycopg: two transfer workers deadlock
_DL_SRC = """\
import threading
from concurrent.futures import ThreadPoolExecutor

import psycopg

DSN = "host=127.0.0.1 user=postgres dbname=h14_bank"
barrier = threading.Barrier(2)


def setup():
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS accounts")
        conn.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL)")
        conn.execute("INSERT INTO accounts VALUES (1, 10000), (2, 10000)")


def transfer(src, dst, amount):
    with psycopg.connect(DSN) as conn:
        with conn.transaction():
            conn.execute("UPDATE accounts SET balance = balance - %s WHERE id = %s", (amount, src))
            barrier.wait()
            conn.execute("UPDATE accounts SET balance = balance + %s WHERE id = %s", (amount, dst))
    print(f"transfer {src} -> {dst}: {amount} ok", flush=True)


def main():
    setup()
    print("settling 2 transfers", flush=True)
    with ThreadPoolExecutor(2) as pool:
        a = pool.submit(transfer, 1, 2, 250)
        b = pool.submit(transfer, 2, 1, 400)
        for fut in (a, b):
            fut.result()
    print("settled")


if __name__ == "__main__":
    main()
"""

# --- pytest -v: 2,400 passing, then a PostgreSQL UniqueViolation in the signup test
_UV_SRC = """\
import psycopg

DSN = "host=127.0.0.1 user=postgres dbname=h14_users"


def normalise(email):
    local, _, domain = email.strip().partition("@")
    return f"{local}@{domain.lower()}"


def signup(conn, email):
    with conn.cursor() as cur:
        cur.execute("INSERT INTO users (email) VALUES (%s) RETURNING id", (normalise(email),))
        return cur.fetchone()[0]


def find(conn, email):
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM users WHERE email = %s", (normalise(email),))
        row = cur.fetchone()
        return row[0] if row else None
"""
_UV_TEST = """\
import psycopg
import pytest

from users import DSN, normalise, signup, find


@pytest.fixture()
def conn():
    with psycopg.connect(DSN, autocommit=True) as c:
        c.execute("DROP TABLE IF EXISTS users")
        c.execute("CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, CONSTRAINT users_email_key UNIQUE (email))")
        c.execute("CREATE UNIQUE INDEX users_email_lower_idx ON users (lower(email))")
        yield c


@pytest.mark.parametrize("n", range(2400))
def test_normalise_keeps_plain_addresses(n):
    assert normalise(f"user{n}@example.com") == f"user{n}@example.com"


def test_error_handler_address_is_kept():
    assert normalise("errors@example.com") == "errors@example.com"


def test_signup_then_find(conn):
    uid = signup(conn, "ada@example.com")
    assert find(conn, "ada@example.com") == uid


def test_signup_is_case_insensitive(conn):
    first = signup(conn, "Grace@Example.com")
    assert signup(conn, "grace@example.com") == first
"""

# --- pytest-benchmark: compare against the saved run, mean regression
_BM_FAST = """\
def checksum(data):
    return sum(data) & 0xFFFFFFFF
"""
_BM_TEST = """\
from crc import checksum

DATA = bytes(range(256)) * 64


def test_checksum_speed(benchmark):
    assert benchmark(checksum, DATA) == sum(DATA) & 0xFFFFFFFF
"""
_BM_SLOW = """\
def checksum(data):
    total = 0
    for b in data:
        total = (total + b) & 0xFFFFFFFF
    return total
"""

# --- uv: lockfile not updated after a dependency was added
_UL_PYPROJECT = """\
[project]
name = "notify-svc"
version = "0.3.0"
requires-python = ">=3.11"
dependencies = ["idna==3.10"]
"""

# --- python -m build with setuptools-scm, no .git in the artifact checkout
_SC_PYPROJECT = """\
[build-system]
requires = ["setuptools>=64", "setuptools-scm>=8"]
build-backend = "setuptools.build_meta"

[project]
name = "geofence"
dynamic = ["version"]
requires-python = ">=3.10"

[tool.setuptools_scm]
"""

# --- zizmor
_AL_WF = """\
name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.11", "3.12"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python }}
      - run: pip install -r requirements.txt
      - run: pytest -q
        timeout-minutes: 10
  deploy:
    needs: [test, lint]
    runs-on: ubuntu-latest
    if: github.ref == 'refs/heads/main'
    steps:
      - uses: actions/checkout@v4
      - run: ./deploy.sh "${{ github.event.head_commit.message }}"
        env:
          TOKEN: ${{ secrets.DEPLOY_TOKEN }}
"""
_AL_WF2 = """\
name: nightly
on:
  schedule:
    - cron: "0 5 * * *"
  pull_request_target:
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: 'echo "errors: 0" && python report.py "${{ github.event.pull_request.title }}"'
"""

# --- cfn-lint
_CF_TPL = """\
AWSTemplateFormatVersion: "2010-09-09"
Description: orders queue and worker
Parameters:
  Stage:
    Type: String
    AllowedValues: [staging, prod]
Resources:
  OrdersQueue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "orders-${Stage}"
      VisibilityTimeout: 90000
  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.6
      Handler: worker.handle
      Role: !GetAtt WorkerRol.Arn
      MemorySize: 128
      Code:
        ZipFile: "def handle(e, c): return 0"
  WorkerMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt OrdersQueue.Arn
      FunctionName: !Ref Worker
      BatchSize: 10
      Enabled: yes-please
Outputs:
  QueueUrl:
    Value: !Ref OrdersQueue
"""

# --- pyupgrade
_PU_A = """\
from typing import Dict, List, Optional


def group(rows: List[Dict[str, int]]) -> Dict[str, List[int]]:
    out: Dict[str, List[int]] = {}
    for r in rows:
        for k, v in r.items():
            out.setdefault(k, []).append(v)
    return out


def first(rows: List[int]) -> Optional[int]:
    return rows[0] if rows else None
"""
_PU_B = """\
class Report(object):
    def __init__(self, name):
        self.name = name

    def title(self):
        return "Report: {}".format(self.name)
"""
_PU_C = """\
def errors_summary(n: int) -> str:
    return f"{n} errors"
"""
_PU_D = """\
import io


def read(path):
    with io.open(path, "r") as fh:
        return set([line.strip() for line in fh])
"""

# --- multiprocessing: a lambda given to Pool.map
_MP_SRC = """\
import multiprocessing as mp
import sys


def load(path):
    with open(path) as fh:
        return [line.rstrip("\\n") for line in fh]


def main(paths):
    rows = [r for p in paths for r in load(p)]
    print(f"loaded {len(rows)} rows from {len(paths)} files", flush=True)
    weight = 3
    with mp.get_context("spawn").Pool(2) as pool:
        scores = pool.map(lambda r: len(r) * weight, rows)
    print("total score", sum(scores))


if __name__ == "__main__":
    main(sys.argv[1:])
"""


def register(case):
    case(
        name="psql-migration-fk-violation-orphan-rows-after-notices",
        tool="psql",
        category="runtime",
        label=":postgres: Migrate",
        repo="shop-db",
        tty=False,
        command="./ci/migrate.sh",
        env=PG,
        setup=_fresh_db("h14_shop"),
        files={
            "ci/migrate.sh": _MG_SCRIPT,
            "db/migrations/001_base.sql": _MG_001,
            "db/migrations/002_seed.sql": _MG_002,
            "db/migrations/003_prices.sql": _MG_003,
            "db/migrations/004_foreign_keys.sql": _MG_004,
            "db/migrations/005_sku_index.sql": _MG_005,
        },
        keys=['violates foreign key constraint "order_items_order_fk"', 'Key (order_id)=(41) is not present in table "orders".'],
        cause=[
            has("psql:db/migrations/004_foreign_keys.sql:3: ERROR:"),
            has('DETAIL:  Key (order_id)=(41) is not present in table "orders".'),
        ],
        exit_status=3,
    )
    case(
        name="psql-lock-timeout-alter-blocked-by-report-transaction",
        tool="psql",
        category="timeout",
        ci="gitlab",
        repo="ledger",
        tty=False,
        command="./ci/migrate.sh",
        env=PG,
        setup=_fresh_db("h14_ledger"),
        files={"ci/migrate.sh": _LT_SCRIPT, "db/schema.sql": _LT_SCHEMA, "db/migrations/0042_add_currency.sql": _LT_MIG},
        keys=["canceling statement due to lock timeout", "0042_add_currency.sql:3"],
        cause=[
            has("ERROR:  canceling statement due to lock timeout"),
        ],
        exit_status=3,
    )
    case(
        name="psycopg-deadlock-detected-two-transfer-workers",
        tool="python",
        category="runtime",
        label=":python: Settlement smoke",
        repo="bank-settle",
        tty=False,
        command="python settle.py",
        env=PG,
        setup=_fresh_db("h14_bank"),
        files={"settle.py": _DL_SRC},
        keys=["psycopg.errors.DeadlockDetected: deadlock detected", 'in relation "accounts"'],
        cause=[
            has(r'^\s+File ".*/bank-settle/settle\.py", line \d+', rx=True),
            has(r"^\s+(main\(\)|fut\.result\(\)|conn\.execute\(\"UPDATE accounts SET balance = balance \+)", rx=True),
            has("psycopg.errors.DeadlockDetected: deadlock detected"),
            has(r"^(DETAIL:  )?Process \d+ waits for ShareLock", rx=True),
            has('CONTEXT:  while updating tuple'),
        ],
        exit_status=1,
    )
    case(
        name="pytest-2400-passing-then-postgres-uniqueviolation",
        tool="pytest",
        category="test",
        label=":python: Tests",
        repo="accounts",
        tty=True,
        command="pytest -v --color=yes -p no:cacheprovider",
        env=PG,
        setup=_fresh_db("h14_users"),
        files={"users.py": _UV_SRC, "tests/test_users.py": _UV_TEST, "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["FAILED tests/test_users.py::test_signup_is_case_insensitive", 'duplicate key value violates unique constraint "users_email_lower_idx"', "1 failed, 2402 passed"],
        cause=[
            has(r"^_+ test_signup_is_case_insensitive _+$", rx=True),
            has('>       assert signup(conn, "grace@example.com") == first'),
            has("tests/test_users.py:32: "),
            has("users.py:13: in signup"),
            has('    cur.execute("INSERT INTO users (email) VALUES (%s) RETURNING id", (normalise(email),))'),
            has(r"^E\s+(psycopg\.errors\.UniqueViolation|DETAIL:)", rx=True),
            has("cursor.py:117: UniqueViolation"),
            has("FAILED tests/test_users.py::test_signup_is_case_insensitive"),
            has("1 failed, 2402 passed"),
        ],
        exit_status=1,
    )
    case(
        name="pytest-benchmark-compare-fail-mean-regression",
        tool="pytest",
        category="test",
        ci="github",
        repo="crcfast",
        tty=False,
        command="pytest -p no:cacheprovider --benchmark-compare=0001 --benchmark-compare-fail=mean:50% --benchmark-columns=min,mean,max,rounds",
        setup=(
            "pytest -q -p no:cacheprovider --benchmark-autosave && "
            "cp .slow_crc.py crc.py"
        ),
        files={"crc.py": _BM_FAST, ".slow_crc.py": _BM_SLOW, "test_crc.py": _BM_TEST},
        keys=["Field 'mean' has failed PercentageRegressionCheck", "PerformanceRegression: Performance has regressed."],
        cause=[
            has("Performance has regressed:"),
            has("Field 'mean' has failed PercentageRegressionCheck"),
            has("test_checksum_speed (NOW)"),
            has("pytest_benchmark.session.PerformanceRegression: Performance has regressed."),
        ],
        exit_status=1,
    )
    case(
        name="uv-sync-locked-lockfile-needs-update",
        tool="uv",
        category="dependency",
        ci="travis",
        repo="notify-svc",
        tty=False,
        command="uv sync --locked",
        env={
            "UV_CACHE_DIR": "/work/scratch/h14/uvcache",
            "UV_PYTHON_DOWNLOADS": "never",
            "UV_PYTHON": "/work/scratch/h14venv/bin/python",
            "UV_PROJECT_ENVIRONMENT": "/work/scratch/h14/uv-notify-env",
        },
        setup="uv lock -q && sed -i 's/\"idna==3.10\"/\"idna==3.10\", \"certifi>=2024.2\"/' pyproject.toml",
        files={"pyproject.toml": _UL_PYPROJECT, "notify_svc/__init__.py": ""},
        keys=["The lockfile at `uv.lock` needs to be updated, but `--locked` was provided."],
        cause=[
            has("error: The lockfile at `uv.lock` needs to be updated"),
            has("hint: To update the lockfile, run `uv lock`."),
        ],
        exit_status=1,
    )
    case(
        name="python-build-setuptools-scm-no-git-metadata",
        tool="python -m build",
        category="config",
        ci="gitlab",
        repo="geofence",
        tty=False,
        command="python -m build --no-isolation --sdist",
        files={"pyproject.toml": _SC_PYPROJECT, "geofence/__init__.py": "def inside(p, poly):\n    return False\n", "README.md": "# geofence\n"},
        keys=["LookupError: setuptools-scm was unable to detect version for /builds/acme/geofence."],
        cause=[
            has("LookupError: setuptools-scm was unable to detect version"),
            has("Make sure you're either building from a fully intact git repository"),
            has("ERROR Backend subprocess exited when trying to invoke get_requires_for_build_sdist"),
        ],
        exit_status=1,
    )
    case(
        name="zizmor-workflow-template-injection-and-credentials",
        tool="zizmor",
        category="lint",
        label=":github: Workflow audit",
        repo="svc-ci",
        tty=True,
        command="zizmor --offline .github/workflows",
        files={".github/workflows/ci.yml": _AL_WF, ".github/workflows/nightly.yml": _AL_WF2},
        keys=["code injection via template expansion", "use of fundamentally insecure workflow trigger", "unpinned action reference", "21 findings"],
        cause=[
            has(r"^(error|warning)\[", rx=True),
            has(r"^\s+--> \.github/workflows/", rx=True),
            has(r"^\d+ findings \(", rx=True),
        ],
        exit_status=14,
    )
    case(
        name="cfn-lint-queue-worker-template-findings",
        tool="cfn-lint",
        category="lint",
        ci="github",
        repo="orders-infra",
        tty=False,
        command="cfn-lint templates/orders.yaml",
        files={"templates/orders.yaml": _CF_TPL},
        keys=["E1010 'WorkerRol' is not one of", "E3012 'yes-please' is not of type 'boolean'", "E3034 90000 is greater than the maximum of 43200", "E2533 Runtime 'python3.6' was deprecated"],
        cause=[
            has(r"^[EW]\d{4} ", rx=True),
            has(r"^templates/orders\.yaml:\d+:\d+$", rx=True),
        ],
    )
    case(
        name="pyupgrade-py311-plus-rewrites-three-of-four",
        tool="pyupgrade",
        category="lint",
        label=":python: Lint",
        repo="reports",
        tty=False,
        command="find reports -name '*.py' -print0 | sort -z | xargs -0 pyupgrade --py311-plus",
        files={"reports/group.py": _PU_A, "reports/report.py": _PU_B, "reports/summary.py": _PU_C, "reports/io_util.py": _PU_D},
        keys=["Rewriting reports/group.py", "Rewriting reports/io_util.py", "Rewriting reports/report.py"],
        cause=[
            has("Rewriting reports/"),
        ],
    )
    case(
        name="python-multiprocessing-spawn-cant-pickle-lambda",
        tool="python",
        category="runtime",
        ci="travis",
        repo="scorer",
        tty=False,
        command="python score.py data/a.txt data/b.txt",
        files={"score.py": _MP_SRC, "data/a.txt": "alpha\nbeta\ngamma\n", "data/b.txt": "delta\nepsilon\n"},
        keys=["AttributeError: Can't pickle local object 'main.<locals>.<lambda>'"],
        cause=[
            has(r'^\s+File ".*/scorer/score\.py", line \d+', rx=True),
            has(r"^\s+(main\(sys\.argv\[1:\]\)|scores = pool\.map\(lambda)", rx=True),
            has("AttributeError: Can't pickle local object"),
        ],
        exit_status=1,
    )
