"""Python and PostgreSQL cases for the sixteenth held-out corpus (real tools from
/work/scratch/h15venv: flawfinder, validate-pyproject, pip-audit, pytest-bdd; psycopg 3 from
/work/scratch/h14venv; psql, pg_restore and pg_prove with pgTAP against PostgreSQL 15 at
127.0.0.1:5432)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

PG = {"PGHOST": "127.0.0.1", "PGUSER": "postgres", "PGPORT": "5432"}
H14PATH = "/work/scratch/h15venv/bin:/work/scratch/h14venv/bin:/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin"


def _fresh_db(name: str) -> str:
    return (
        f"psql -d postgres -qc 'DROP DATABASE IF EXISTS {name} WITH (FORCE)' && "
        f"psql -d postgres -qc 'CREATE DATABASE {name}'"
    )


# --- flawfinder
_FF_NET = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int greet(const char *name) {
    char buf[64];
    strcpy(buf, name);
    printf("hello %s\\n", buf);
    return 0;
}

int run_hook(const char *hook) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "sh hooks/%s", hook);
    return system(cmd);
}
"""
_FF_LOG = """\
#include <stdio.h>

/* error_log: writes "error: ..." lines for the operator */
void error_log(FILE *out, const char *msg) {
    fprintf(out, "error: %s\\n", msg);
}

void fmt_user(char *dst, const char *user, int n) {
    sprintf(dst, "%s-%d", user, n);
}
"""
_FF_OK = """\
#include <stddef.h>

size_t count_errors(const int *codes, size_t n) {
    size_t errors = 0;
    for (size_t i = 0; i < n; i++)
        if (codes[i] != 0) errors++;
    return errors;
}
"""

# --- validate-pyproject
_VP_TOML = """\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "acme-billing"
version = "1.4.0"
requires-python = ">=3.10"
dependencies = ["httpx>=0.27", "pydantic>=2"]

[project.optional-dependencies]
"dev tools" = ["pytest", "ruff"]

[tool.setuptools.packages.find]
where = ["src"]
"""

# --- pip-audit
_PA_REQ = """\
click==8.1.7
jinja2==2.11.2
idna==3.10
urllib3==1.26.4
"""

# --- pip from an offline wheelhouse that lacks the pinned version
_WH_REQ = """\
acme-core==1.5.0
acme-geo==0.3.1
"""


def _wh_pkg(name: str, version: str) -> str:
    return f"""\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}"
version = "{version}"
"""


_WH_SETUP = """\
set -e
for p in pkgs/*/; do pip wheel -q --no-deps -w wheelhouse "$p"; done
rm -rf pkgs
"""

# --- pytest-bdd
_BDD_FEATURE = """\
Feature: Checkout
  Scenario: Paying with a saved card
    Given a cart with 2 items
    When the customer pays with the saved card
    Then the order is confirmed

  Scenario: Applying an expired voucher
    Given a cart with 1 items
    When the customer applies voucher "SPRING-23"
    Then the voucher is rejected with "expired"
"""
_BDD_TEST = """\
import pytest
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("features/checkout.feature")


@pytest.fixture
def cart():
    return {"items": 0, "paid": False, "errors": []}


@given(parsers.parse("a cart with {n:d} items"), target_fixture="cart")
def a_cart(n):
    return {"items": n, "paid": False, "errors": []}


@when("the customer pays with the saved card")
def pay(cart):
    cart["paid"] = True


@then("the order is confirmed")
def confirmed(cart):
    assert cart["paid"]


@when(parsers.parse('the customer applies voucher "{code}"'))
def apply_voucher(cart, code):
    cart["errors"].append("expired")


@then(parsers.parse('the voucher is refused with "{reason}"'))
def refused(cart, reason):
    assert reason in cart["errors"]
"""
_BDD_UNIT = """\
import pytest


@pytest.mark.parametrize("n", range(1800))
def test_price_rounding(n):
    assert round(n * 1.0, 2) == n


def test_error_messages_are_translated():
    assert "error" in "error: card declined"
"""

# --- monorepo: py + web (tsc) + go in one step
_MR_SCRIPT = """\
#!/usr/bin/env bash
set -uo pipefail
failed=0
echo "--- :python: api: pytest"
(cd api && python -m pytest -q -p no:cacheprovider tests) || failed=$((failed+1))
echo "--- :typescript: web: tsc"
(cd web && tsc --noEmit -p .) || failed=$((failed+1))
echo "--- :go: worker: go vet + go test"
(cd worker && go vet ./... && go test ./...) || failed=$((failed+1))
echo "$failed of 3 packages failed"
exit "$failed"
"""
_MR_PYTEST = """\
import pytest


@pytest.mark.parametrize("n", range(64))
def test_slug(n):
    assert f"item-{n}".startswith("item-")


def test_error_page_renders():
    assert "500 error".endswith("error")
"""
_MR_TSCONFIG = """\
{
  "compilerOptions": {"strict": true, "target": "ES2020", "module": "commonjs", "noEmit": true},
  "include": ["src"]
}
"""
_MR_TS = """\
export interface Invoice {
  id: string;
  totalCents: number;
  paidAt?: Date;
}

export function formatTotal(inv: Invoice): string {
  return (inv.totalCents / 100).toFixed(2);
}

export function paidDay(inv: Invoice): string {
  return inv.paidAt.toISOString().slice(0, 10);
}
"""
_MR_TS2 = """\
import { Invoice, formatTotal } from "./invoice";

export function row(inv: Invoice): string[] {
  return [inv.id, formatTotal(inv), inv.totalCents > 0 ? "due" : 0];
}
"""
_MR_GO = """\
package worker

import "strings"

func Normalise(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
"""
_MR_GO_TEST = """\
package worker

import "testing"

func TestNormalise(t *testing.T) {
	if Normalise("  ABC ") != "abc" {
		t.Fatal("bad")
	}
}
"""

# --- psql \\copy: a bad integer deep in a CSV
def _copy_csv() -> str:
    rows = ["order_id,sku,qty,unit_cents"]
    for i in range(1, 3001):
        qty = "12x" if i == 1834 else str(1 + i % 7)
        rows.append(f"{100000 + i},SKU-{i % 311:04d},{qty},{199 + (i * 37) % 5000}")
    return "\n".join(rows) + "\n"


_CP_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
export PGDATABASE=h15_dw
echo "==> creating staging tables"
psql -X -v ON_ERROR_STOP=1 -f db/staging.sql
echo "==> loading data/order_lines.csv ($(wc -l < data/order_lines.csv) lines)"
psql -X -v ON_ERROR_STOP=1 -c "\\\\copy staging_order_lines FROM 'data/order_lines.csv' WITH (FORMAT csv, HEADER)"
echo "==> merging into order_lines"
psql -X -v ON_ERROR_STOP=1 -c "INSERT INTO order_lines SELECT * FROM staging_order_lines"
"""
_CP_SQL = """\
DROP TABLE IF EXISTS staging_order_lines;
CREATE TABLE staging_order_lines (order_id int NOT NULL, sku text NOT NULL, qty int NOT NULL, unit_cents int NOT NULL);
CREATE TABLE IF NOT EXISTS order_lines (LIKE staging_order_lines);
CREATE TABLE IF NOT EXISTS load_errors (id serial PRIMARY KEY, message text);
"""

# --- psycopg: connection limit of the app role
_CL_SRC = """\
import psycopg

DSN = "host=127.0.0.1 user=h15_app dbname=h15_pool"
SIZE = 6


def main():
    conns = []
    print(f"warming connection pool (size={SIZE})", flush=True)
    for i in range(SIZE):
        conns.append(psycopg.connect(DSN, application_name=f"pool-{i}"))
        print(f"  connection {i + 1}/{SIZE} ready", flush=True)
    for c in conns:
        c.execute("SELECT 1")
    print("pool warm")


if __name__ == "__main__":
    main()
"""

# --- pg_restore: the snapshot refers to roles this cluster does not have
_PR_SETUP = """\
psql -d postgres -qc "DROP DATABASE IF EXISTS h15_snap WITH (FORCE)"
psql -d postgres -qc "DROP DATABASE IF EXISTS h15_restore WITH (FORCE)"
psql -d postgres -qc "DROP ROLE IF EXISTS h15_reporting"
psql -d postgres -qc "DROP ROLE IF EXISTS h15_owner"
psql -d postgres -qc "CREATE ROLE h15_owner"
psql -d postgres -qc "CREATE ROLE h15_reporting"
psql -d postgres -qc "CREATE DATABASE h15_snap"
psql -d h15_snap -qc "CREATE TABLE invoices (id serial PRIMARY KEY, total_cents bigint NOT NULL)"
psql -d h15_snap -qc "INSERT INTO invoices (total_cents) SELECT g * 100 FROM generate_series(1, 500) g"
psql -d h15_snap -qc "CREATE VIEW invoice_totals AS SELECT sum(total_cents) AS cents FROM invoices"
psql -d h15_snap -qc "ALTER TABLE invoices OWNER TO h15_owner"
psql -d h15_snap -qc "GRANT SELECT ON invoice_totals TO h15_reporting"
mkdir -p db
pg_dump -Fc -d h15_snap -f db/snapshot.dump
psql -d postgres -qc "DROP DATABASE h15_snap WITH (FORCE)"
psql -d postgres -qc "DROP ROLE h15_reporting"
psql -d postgres -qc "DROP ROLE h15_owner"
psql -d postgres -qc "CREATE DATABASE h15_restore"
"""

# --- pgTAP via pg_prove
_PT_SCHEMA = """\
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL, balance_cents bigint NOT NULL DEFAULT 0);
CREATE FUNCTION normalise_email(e text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT trim(e) $$;
CREATE FUNCTION apply_fee(cents bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT cents - cents / 100 $$;
"""
_PT_T1 = """\
BEGIN;
SELECT plan(6);
SELECT has_table('accounts');
SELECT has_column('accounts', 'email');
SELECT col_not_null('accounts', 'email');
SELECT has_function('normalise_email', ARRAY['text']);
SELECT is(normalise_email('  Ada@Example.COM '), 'ada@example.com', 'emails are lower-cased and trimmed');
SELECT is(normalise_email('bob@example.com'), 'bob@example.com', 'plain emails are kept');
SELECT * FROM finish();
ROLLBACK;
"""
_PT_T2 = """\
BEGIN;
SELECT plan(5);
SELECT is(apply_fee(10000), 9900::bigint, 'one percent fee on 100.00');
SELECT is(apply_fee(0), 0::bigint, 'no fee on zero');
SELECT is(apply_fee(150), 148::bigint, 'fee rounds up to the cent');
SELECT has_pk('accounts');
SELECT col_default_is('accounts', 'balance_cents', '0', 'balance starts at zero');
SELECT * FROM finish();
ROLLBACK;
"""

# --- psql statement_timeout on a report
_ST_SQL = """\
\\echo building monthly revenue report
SET statement_timeout = '2s';
CREATE TEMP TABLE sales AS SELECT g AS id, (g % 97) AS region, (g * 13) % 10000 AS cents FROM generate_series(1, 200000) g;
\\echo sales staged
SELECT a.region, count(*) FROM sales a JOIN sales b ON a.region = b.region WHERE a.cents > b.cents GROUP BY a.region;
\\echo report done
"""

# --- rich: progress bars on a TTY, then a rich traceback with locals
_RI_SRC = """\
import json
import time
from pathlib import Path

from rich.progress import Progress
from rich.traceback import install

install(show_locals=True, width=110)


def convert(rec):
    cents = int(round(float(rec["amount"]) * 100))
    return {"id": rec["id"], "cents": cents, "currency": rec["currency"].upper()}


def main():
    records = json.loads(Path("data/payments.json").read_text())
    out = []
    with Progress() as progress:
        task = progress.add_task("converting payments", total=len(records))
        for rec in records:
            out.append(convert(rec))
            progress.advance(task)
            time.sleep(0.004)
    Path("build").mkdir(exist_ok=True)
    Path("build/payments.json").write_text(json.dumps(out))
    print(f"wrote {len(out)} payments")


if __name__ == "__main__":
    main()
"""


def _ri_data() -> str:
    import json

    recs = [{"id": i, "amount": f"{(i * 7919) % 10000 / 100:.2f}", "currency": "eur"} for i in range(1, 1201)]
    recs[876]["amount"] = "1.234,50"
    return json.dumps(recs, indent=0) + "\n"


def register(case):
    case(
        name="rich-progress-then-traceback-with-locals-decimal-comma",
        tool="python",
        category="runtime",
        label=":python: Convert payments",
        repo="payments-etl",
        tty=True,
        command="python scripts/convert_payments.py",
        env={"COLUMNS": "110"},
        files={"scripts/convert_payments.py": _RI_SRC, "data/payments.json": _ri_data()},
        keys=["ValueError", "could not convert string to float: '1.234,50'", "convert_payments.py:12 in convert"],
        cause=[has("Traceback (most recent call last)"), has("convert_payments.py:"), has("❱ 31"), has("❱ 22"), has("❱ 12"), has("rec = {'id': 877"), has("ValueError: could not convert")],
    )
    case(
        name="flawfinder-error-level-4-strcpy-system-sprintf",
        tool="flawfinder",
        category="lint",
        ci="travis",
        repo="agentd",
        tty=False,
        command="flawfinder --error-level=4 --columns --quiet src/",
        files={"src/net.c": _FF_NET, "src/error_log.c": _FF_LOG, "src/count.c": _FF_OK},
        keys=["src/net.c:7:", "strcpy", "src/net.c:15:", "system", "src/error_log.c:9:", "sprintf"],
        cause=[span("src/error_log.c:9:", "vsnprintf."), span("src/net.c:7:", "easily misused"), span("src/net.c:15:", "if available.")],
    )
    case(
        name="validate-pyproject-optional-dependencies-group-name",
        tool="validate-pyproject",
        category="config",
        ci="github",
        repo="billing",
        tty=False,
        command="validate-pyproject pyproject.toml",
        files={"pyproject.toml": _VP_TOML},
        keys=["`project.optional-dependencies` keys must be named by", "pep508-identifier", "Invalid file: pyproject.toml"],
        cause=[has("[ERROR]"), has("{format: 'pep508-identifier'}"), has("ValidationError:"), has("Invalid file:")],
    )
    case(
        name="pip-install-no-index-wheelhouse-lacks-pinned-acme-core",
        tool="pip",
        category="dependency",
        label=":pip: Install (offline wheelhouse)",
        repo="geo-api",
        tty=False,
        command="pip install --no-index --find-links wheelhouse/ -r requirements.txt",
        setup=_WH_SETUP,
        files={
            "requirements.txt": _WH_REQ,
            "pkgs/acme-core-1.4.0/pyproject.toml": _wh_pkg("acme-core", "1.4.0"),
            "pkgs/acme-core-1.4.0/acme_core/__init__.py": "",
            "pkgs/acme-core-1.4.2/pyproject.toml": _wh_pkg("acme-core", "1.4.2"),
            "pkgs/acme-core-1.4.2/acme_core/__init__.py": "",
            "pkgs/acme-geo/pyproject.toml": _wh_pkg("acme-geo", "0.3.1"),
            "pkgs/acme-geo/acme_geo/__init__.py": "",
        },
        keys=["acme-core==1.5.0", "from versions: 1.4.0, 1.4.2", "No matching distribution found for acme-core==1.5.0"],
        cause=[has("ERROR: Could not find a version"), has("ERROR: No matching distribution")],
    )
    case(
        name="pytest-bdd-v-step-definition-not-found-then-1800-passing",
        tool="pytest",
        category="test",
        ci="gitlab",
        repo="shop",
        tty=False,
        command="python -m pytest -v -p no:cacheprovider -rf tests/",
        files={"tests/features/checkout.feature": _BDD_FEATURE, "tests/test_checkout.py": _BDD_TEST, "tests/test_prices.py": _BDD_UNIT},
        keys=["StepDefinitionNotFoundError", 'the voucher is rejected with "expired"', "test_applying_an_expired_voucher"],
        cause=[has("test_applying_an_expired_voucher"), has("E   pytest_bdd.exceptions.StepDefinitionNotFoundError")],
    )
    case(
        name="monorepo-check-script-tsc-fails-between-pytest-and-go",
        tool="tsc",
        category="compile",
        label=":hammer: Check all packages",
        repo="platform",
        tty=False,
        command="./ci/check-all.sh",
        env={"GOPATH": "/work/scratch/h15/gopath", "GOFLAGS": "-modcacherw"},
        files={
            "ci/check-all.sh": _MR_SCRIPT,
            "api/tests/test_slug.py": _MR_PYTEST,
            "web/tsconfig.json": _MR_TSCONFIG,
            "web/src/invoice.ts": _MR_TS,
            "web/src/table.ts": _MR_TS2,
            "worker/go.mod": "module example.com/worker\n\ngo 1.19\n",
            "worker/normalise.go": _MR_GO,
            "worker/normalise_test.go": _MR_GO_TEST,
        },
        keys=["error TS18048", "error TS2322", "src/invoice.ts(12,10)", "src/table.ts(4,"],
        cause=[has("error TS"), has("Type 'number' is not assignable to type 'string'.")],
        exit_status=1,
    )
    case(
        name="psql-copy-invalid-integer-csv-line-1835-of-3001",
        tool="psql",
        category="runtime",
        label=":postgres: Load warehouse",
        repo="dw-loader",
        tty=False,
        command="./ci/load.sh",
        env=PG,
        setup=_fresh_db("h15_dw"),
        files={"ci/load.sh": _CP_SCRIPT, "db/staging.sql": _CP_SQL, "data/order_lines.csv": _copy_csv()},
        keys=['invalid input syntax for type integer: "12x"', "line 1835"],
        cause=[has("ERROR:  invalid input syntax"), has("CONTEXT:  COPY")],
    )
    case(
        name="psycopg-too-many-connections-for-role-pool-warmup",
        tool="python",
        category="resource",
        label=":postgres: Smoke test pool",
        repo="pool-svc",
        tty=False,
        command="python scripts/warm_pool.py",
        env={**PG, "PATH": "/work/scratch/h14venv/bin:/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin"},
        setup=_fresh_db("h15_pool")
        + " && psql -d postgres -qc 'DROP ROLE IF EXISTS h15_app' && psql -d postgres -qc 'CREATE ROLE h15_app LOGIN CONNECTION LIMIT 4'",
        files={"scripts/warm_pool.py": _CL_SRC},
        keys=['too many connections for role "h15_app"', "psycopg.OperationalError"],
        cause=[has("Traceback"), has('scripts/warm_pool.py", line'), has("    main()"), has("conns.append("), has("too many connections for role")],
    )
    case(
        name="pg-restore-roles-missing-errors-ignored-on-restore",
        tool="pg_restore",
        category="config",
        ci="travis",
        repo="billing-db",
        tty=False,
        command="pg_restore -d h15_restore db/snapshot.dump",
        env=PG,
        setup=_PR_SETUP,
        keys=['role "h15_owner" does not exist', 'role "h15_reporting" does not exist', "errors ignored on restore: 3"],
        cause=[has("pg_restore: error:"), has("does not exist"), has("Command was:"), has("errors ignored on restore")],
    )
    case(
        name="pg-prove-pgtap-two-failed-of-11-two-files",
        tool="pg_prove",
        category="test",
        label=":postgres: pgTAP",
        repo="accounts-db",
        tty=False,
        command="pg_prove -d h15_tap --verbose test/sql/*.sql",
        env=PG,
        setup=_fresh_db("h15_tap") + " && psql -d h15_tap -q -v ON_ERROR_STOP=1 -f db/schema.sql",
        files={"db/schema.sql": _PT_SCHEMA, "test/sql/01_accounts.sql": _PT_T1, "test/sql/02_fees.sql": _PT_T2},
        keys=["emails are lower-cased and trimmed", "fee rounds up to the cent", "Failed 1/6 subtests", "Failed 1/5 subtests"],
        cause=[has("not ok"), has("# Failed test"), has("#         have:"), has("#         want:"), has("# Looks like you failed"), has("Failed 1/"), has("Failed: 1)"), has("Failed test:  "), has("Result: FAIL")],
    )
    case(
        name="psql-statement-timeout-monthly-report-self-join",
        tool="psql",
        category="timeout",
        ci="github",
        repo="reports",
        tty=False,
        command="psql -X -v ON_ERROR_STOP=1 -f reports/monthly.sql",
        env={**PG, "PGDATABASE": "h15_reports"},
        setup=_fresh_db("h15_reports"),
        files={"reports/monthly.sql": _ST_SQL},
        keys=["canceling statement due to statement timeout"],
        cause=[has("canceling statement due to statement timeout")],
    )
