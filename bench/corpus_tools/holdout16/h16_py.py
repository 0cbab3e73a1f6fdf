"""Python and PostgreSQL cases for the seventeenth held-out corpus (real tools from
/work/scratch/h16venv: pytest, pytest-check, pytest-mock, stestr, doc8; the stdlib's logging,
configparser, importlib.metadata, struct and smtplib; psql against PostgreSQL at 127.0.0.1:5432)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

PG = {"PGHOST": "127.0.0.1", "PGUSER": "postgres", "PGPORT": "5432"}


def _fresh_db(name: str) -> str:
    return (
        f"psql -d postgres -qc 'DROP DATABASE IF EXISTS {name} WITH (FORCE)' && "
        f"psql -d postgres -qc 'CREATE DATABASE {name}'"
    )


# --- logging.config.dictConfig: a handler names a formatter that is not defined
_LOG_BOOT = """\
import json
import logging
import logging.config
import sys


def load_settings(path):
    with open(path) as fh:
        return json.load(fh)


def main():
    print("worker boot: reading config/worker.json")
    settings = load_settings("config/worker.json")
    print(f"queues: {', '.join(settings['queues'])}")
    print(f"concurrency: {settings['concurrency']}")
    print("configuring logging from config/logging.json")
    logging.config.dictConfig(load_settings("config/logging.json"))
    logging.getLogger("worker").info("ready")


if __name__ == "__main__":
    sys.exit(main())
"""
_LOG_CFG = """\
{
  "version": 1,
  "disable_existing_loggers": false,
  "formatters": {
    "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
  },
  "handlers": {
    "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
    "errors": {"class": "logging.StreamHandler", "formatter": "plain", "level": "ERROR"}
  },
  "root": {"level": "INFO", "handlers": ["console", "errors"]}
}
"""

# --- configparser: an option repeated in one section
_INI = """\
; deploy settings for the staging stack
[service]
name = ledger-api
replicas = 3
port = 8080

[database]
host = db.staging.internal
port = 5432
name = ledger
timeout = 30
pool_size = 10
; raised after the March incident
timeout = 60

[cache]
url = redis://cache.staging.internal:6379/0
"""
_INI_SRC = """\
import configparser
import sys

print("rendering deploy manifest for staging")
for step in ("lint manifest templates", "resolve image tags", "load deploy.ini"):
    print(f"  - {step}")
cfg = configparser.ConfigParser()
cfg.read("deploy.ini")
for section in cfg.sections():
    print(section, dict(cfg[section]))
"""

# --- pytest-check: soft assertions, several failures inside one test
_PC_TEST = """\
import pytest
from pytest_check import check

RATES = {"EUR": 1.0, "USD": 1.08, "GBP": 0.86, "CHF": 0.95}


def convert(amount, cur):
    return round(amount * RATES[cur], 2)


@pytest.mark.parametrize("n", range(240))
def test_convert_identity(n):
    assert convert(n, "EUR") == n


def test_invoice_totals():
    invoice = {"net": 100.0, "vat": 19.0, "currency": "EUR", "lines": 3}
    with check:
        assert invoice["net"] + invoice["vat"] == 119.0
    check.equal(invoice["currency"], "USD", "invoice currency follows the customer")
    check.equal(invoice["lines"], 4)
    check.is_true(invoice["vat"] < 10, "reduced rate applies")
    check.less(convert(100, "GBP"), 86)


def test_error_messages_are_localised():
    assert "error" in "error: invalid IBAN"
"""

# --- pytest-mock: expected call not found
_PM_SRC = """\
class Mailer:
    def send(self, to, subject, body):
        raise RuntimeError("network")


def notify_overdue(mailer, invoices):
    sent = 0
    for inv in invoices:
        if inv["days"] > 30:
            mailer.send(inv["email"], f"Invoice {inv['id']} overdue", "Please pay.")
            sent += 1
    return sent
"""
_PM_TEST = """\
import pytest

from billing.notify import Mailer, notify_overdue


@pytest.mark.parametrize("days", range(0, 400))
def test_not_overdue_below_threshold(mocker, days):
    mailer = mocker.Mock(spec=Mailer)
    notify_overdue(mailer, [{"id": 1, "days": days % 31, "email": "a@x.test"}])
    mailer.send.assert_not_called()


def test_overdue_reminder_subject(mocker):
    mailer = mocker.Mock(spec=Mailer)
    notify_overdue(mailer, [{"id": 7, "days": 45, "email": "ops@acme.test"}])
    mailer.send.assert_called_once_with("ops@acme.test", "Reminder: invoice 7 is overdue", "Please pay.")
"""

# --- stestr: two failures in a unittest suite
_ST_CONF = "[DEFAULT]\ntest_path=./tests\ntop_dir=./\n"
_ST_TESTS = """\
import unittest

from inventory import reserve, restock


class ReserveTest(unittest.TestCase):
    def test_reserve_reduces_stock(self):
        self.assertEqual(reserve({"sku": 5}, "sku", 2), {"sku": 3})

    def test_reserve_rejects_oversell(self):
        with self.assertRaises(ValueError):
            reserve({"sku": 1}, "sku", 2)

    def test_reserve_unknown_sku(self):
        with self.assertRaisesRegex(KeyError, "ghost"):
            reserve({}, "ghost", 1)


class RestockTest(unittest.TestCase):
    def test_restock_adds(self):
        self.assertEqual(restock({"sku": 1}, "sku", 4), {"sku": 5})

    def test_restock_negative(self):
        with self.assertRaises(ValueError):
            restock({"sku": 1}, "sku", -4)

    def test_restock_new_sku(self):
        self.assertEqual(restock({}, "new", 2), {"new": 2})
"""
_ST_SRC = """\
def reserve(stock, sku, qty):
    if stock[sku] < qty:
        raise ValueError(f"only {stock[sku]} left")
    return {**stock, sku: stock[sku] - qty}


def restock(stock, sku, qty):
    return {**stock, sku: stock[sku] + qty}
"""


def _many_tests(n: int) -> str:
    out = ["import unittest\n\n", "class CatalogTest(unittest.TestCase):\n"]
    for i in range(n):
        out.append(f"    def test_catalog_entry_{i:03d}(self):\n        self.assertEqual({i} * 2, {2 * i})\n\n")
    return "".join(out)


# --- importlib.metadata: the plugin distribution is not installed
_IM_SRC = """\
import importlib.metadata as md
import platform

print(f"python {platform.python_version()}")
for dist in ("pip", "setuptools"):
    print(f"{dist} {md.version(dist)}")
print("collecting plugin versions for the release notes")
print(f"acme-plugins {md.version('acme-plugins')}")
"""

# --- struct: a truncated binary index
_ST_GEN = """\
import struct
with open("data/segments.idx", "wb") as fh:
    fh.write(b"IDX1")
    for i in range(120):
        fh.write(struct.pack("<IIQ", i, i * 4096, 1700000000 + i))
    fh.write(struct.pack("<II", 120, 491520))
"""
_ST_READ = """\
import struct

REC = struct.Struct("<IIQ")


def read_index(path):
    with open(path, "rb") as fh:
        magic = fh.read(4)
        assert magic == b"IDX1", magic
        while True:
            chunk = fh.read(REC.size)
            if not chunk:
                return
            yield REC.unpack(chunk)


def main():
    total = 0
    for seg, offset, ts in read_index("data/segments.idx"):
        total += 1
        bar = "#" * (total * 30 // 125)
        print(f"\\rindexing [{bar:<30}] {total}/125", end="", flush=True)
        if seg % 40 == 0:
            print(f"\\ncheckpoint: segment {seg} offset {offset} ts {ts}")
    print(f"\\n{total} segments")


main()
"""

# --- smtplib: the mail relay's name does not resolve
_SMTP_SRC = """\
import smtplib
from email.message import EmailMessage

REPORT = "build 4812: 1,204 tests, 0 failures, coverage 91.2%"
print("composing release digest")
msg = EmailMessage()
msg["From"] = "ci@acme.test"
msg["To"] = "releases@acme.test"
msg["Subject"] = "Release digest"
msg.set_content(REPORT)
print(f"digest: {REPORT}")
print("sending via smtp-relay.mail.acme.invalid:587")
with smtplib.SMTP("smtp-relay.mail.acme.invalid", 587, timeout=10) as smtp:
    smtp.starttls()
    smtp.send_message(msg)
print("sent")
"""

# --- psql: sslmode=require against a server without SSL
_SSL_SH = """\
#!/usr/bin/env bash
set -euo pipefail
cleanup() {
  echo "--- cleanup"
  for svc in pgbouncer-sidecar migration-runner log-shipper metrics-agent; do
    echo "stopping $svc ... done"
  done
  for f in migrations/*.sql; do echo "removing bundle copy /tmp/bundle/$(basename "$f")"; done
  echo "uploading migration.log to artifacts (0 errors reported by the uploader)"
  echo "releasing deploy lock staging/ledger-db"
}
trap cleanup EXIT
echo "--- rendering migration bundle"
for f in migrations/*.sql; do echo "  bundled $f ($(wc -l < "$f") lines)"; done
echo "--- applying migrations to ${DB_HOST}"
psql "host=${DB_HOST} dbname=test user=postgres sslmode=require connect_timeout=5" -v ON_ERROR_STOP=1 -f migrations/0001_init.sql
echo "migrations applied"
"""

# --- psql: idle-in-transaction timeout while the script shells out
_IIT_SQL = """\
\\set ON_ERROR_STOP on
CREATE TABLE IF NOT EXISTS orders (id int PRIMARY KEY, total numeric, archived bool DEFAULT false);
INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 500) g ON CONFLICT DO NOTHING;
BEGIN;
SET LOCAL idle_in_transaction_session_timeout = '1s';
UPDATE orders SET archived = true WHERE id <= 100;
\\echo 'archived batch 1, exporting it before the next batch'
\\! sleep 3; echo 'export of batch 1 written to /tmp/archive-1.csv'
UPDATE orders SET archived = true WHERE id > 100 AND id <= 200;
COMMIT;
"""

# --- psql: temp_file_limit during a big sort
_TFL_SQL = """\
\\set ON_ERROR_STOP on
\\timing off
SELECT 'ranking report for ' || current_date AS report;
CREATE TEMP TABLE scores AS SELECT g AS player, (g::bigint * 7919) % 100003 AS score FROM generate_series(1, 400000) g;
SELECT count(*) AS players FROM scores;
SET work_mem = '64kB';
SET temp_file_limit = '1MB';
SELECT player, score, rank() OVER (ORDER BY score DESC) FROM scores ORDER BY score DESC LIMIT 5;
"""

# --- doc8
_DOC_INDEX = """\
Ledger service
==============

The ledger service records every posting made by the billing pipeline and exposes a read API.

.. toctree::
   :maxdepth: 2

   operations
   errors
"""
_DOC_OPS = """\
Operations
==========

Restarting
----------

Drain the node first, then restart the unit. The health check must report ready within sixty seconds or the deploy tooling rolls the node back automatically.\x20\x20

Backups
-------

Backups run nightly.\x20
Restores are tested weekly.

\tIndented with a tab by mistake.
"""
_DOC_ERR = """\
Error codes
===========

``E001``
   The posting was rejected because the account is closed.

``E002``
   The currency does not match the ledger.
"""


def register(case):
    case(
        name="python-logging-dictconfig-handler-formatter-json-undefined",
        tool="python",
        category="config",
        label=":python: Worker smoke boot",
        repo="ledger-worker",
        tty=False,
        command="python -m app.boot",
        files={
            "app/__init__.py": "",
            "app/boot.py": _LOG_BOOT,
            "config/worker.json": '{"queues": ["postings", "refunds", "exports"], "concurrency": 4}\n',
            "config/logging.json": _LOG_CFG,
        },
        keys=["Unable to configure handler 'console'", "KeyError: 'json'"],
        cause=[has("KeyError: 'json'"), has("Unable to set formatter 'json'"), has("ValueError: Unable to configure handler 'console'"), has("app/boot.py\", line 18"), has("logging.config.dictConfig(load_settings")],
    )
    case(
        name="python-configparser-duplicate-option-timeout-database",
        tool="python",
        category="config",
        ci="travis",
        repo="deploy-manifests",
        tty=False,
        command="python scripts/render.py",
        files={"deploy.ini": _INI, "scripts/render.py": _INI_SRC},
        keys=["DuplicateOptionError", "option 'timeout' in section 'database' already exists", "[line 14]"],
        cause=[has("DuplicateOptionError: While reading"), has("scripts/render.py\", line 8"), has("cfg.read(\"deploy.ini\")")],
    )
    case(
        name="pytest-check-five-soft-failures-in-one-test-of-242",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="billing",
        tty=True,
        command="pytest -q -p no:cacheprovider --color=yes tests",
        files={"tests/test_invoice.py": _PC_TEST},
        keys=["test_invoice_totals", "invoice currency follows the customer"],
        cause=[has("FAILURE: "), has("test_invoice.py:"), has("Failed Checks: 4")],
    )
    case(
        name="pytest-mock-assert-called-once-with-subject-mismatch-after-400",
        tool="pytest",
        category="test",
        ci="github",
        repo="billing",
        tty=False,
        command="python -m pytest -p no:cacheprovider -q tests",
        files={"billing/__init__.py": "", "billing/notify.py": _PM_SRC, "tests/test_notify.py": _PM_TEST},
        keys=["test_overdue_reminder_subject", "expected call not found", "Reminder: invoice 7 is overdue"],
        cause=[has("AssertionError: expected call not found"), has("Expected: send("), has("  Actual: send("), has("At index 1 diff"), has("FAILED tests/test_notify.py::test_overdue_reminder_subject"), has("tests/test_notify.py:16")],
    )
    case(
        name="stestr-run-two-failures-of-206-restock-and-regex",
        tool="stestr",
        category="test",
        ci="gitlab",
        repo="inventory",
        tty=False,
        command="stestr run",
        files={
            ".stestr.conf": _ST_CONF,
            "inventory.py": _ST_SRC,
            "tests/__init__.py": "",
            "tests/test_inventory.py": _ST_TESTS,
            "tests/test_catalog.py": _many_tests(200),
        },
        keys=["test_restock_negative", "test_restock_new_sku", "KeyError: 'new'"],
        cause=[has("tests.test_inventory.RestockTest.test_restock_"), has("AssertionError: ValueError not raised"), has("KeyError: 'new'"), has("tests/test_inventory.py\", line"), has("inventory.py\", line 8"), has("Failed 2 tests - output below"), has(" - Failed: 2")],
    )
    case(
        name="python-importlib-metadata-packagenotfound-acme-plugins",
        tool="python",
        category="dependency",
        label=":python: Release notes",
        repo="platform",
        tty=False,
        command="python tools/versions.py",
        files={"tools/versions.py": _IM_SRC},
        keys=["PackageNotFoundError", "No package metadata was found for acme-plugins"],
        cause=[has("PackageNotFoundError: No package metadata"), has("tools/versions.py\", line 8"), has("md.version('acme-plugins')")],
    )
    case(
        name="python-struct-error-unpack-truncated-index-progress-bar",
        tool="python",
        category="runtime",
        label=":python: Rebuild segment index",
        repo="tsdb",
        tty=True,
        setup="mkdir -p data && python tools/gen.py",
        command="python tools/read_index.py",
        files={"tools/gen.py": _ST_GEN, "tools/read_index.py": _ST_READ},
        keys=["struct.error: unpack requires a buffer of 16 bytes", "read_index.py\", line 14"],
        cause=[has("struct.error: unpack requires"), has("read_index.py\", line 14"), has("yield REC.unpack(chunk)"), has("read_index.py\", line 19")],
    )
    case(
        name="python-smtplib-gaierror-relay-name-does-not-resolve",
        tool="python",
        category="infrastructure",
        ci="github",
        repo="release-tools",
        tty=False,
        command="python scripts/digest.py",
        files={"scripts/digest.py": _SMTP_SRC},
        keys=["socket.gaierror", "smtp-relay.mail.acme.invalid"],
        cause=[has("socket.gaierror:"), has("scripts/digest.py\", line 13"), has("with smtplib.SMTP(")],
    )
    case(
        name="psql-sslmode-require-server-does-not-support-ssl-then-cleanup",
        tool="psql",
        category="infrastructure",
        label=":postgres: Migrate staging",
        repo="ledger-db",
        tty=False,
        command="./ci/migrate.sh",
        env={**PG, "DB_HOST": "127.0.0.1"},
        files={
            "ci/migrate.sh": _SSL_SH,
            "migrations/0001_init.sql": "CREATE TABLE IF NOT EXISTS accounts (id int primary key);\n",
            "migrations/0002_postings.sql": "CREATE TABLE IF NOT EXISTS postings (id int, account int);\n",
        },
        keys=["server does not support SSL, but SSL was required"],
        cause=[has("server does not support SSL")],
    )
    case(
        name="psql-idle-in-transaction-timeout-during-shell-export",
        tool="psql",
        category="timeout",
        label=":postgres: Archive orders",
        repo="orders-db",
        tty=False,
        setup=_fresh_db("h16_archive"),
        command="psql -d h16_archive -f sql/archive.sql",
        env=PG,
        files={"sql/archive.sql": _IIT_SQL},
        keys=["terminating connection due to idle-in-transaction timeout"],
        cause=[has("idle-in-transaction timeout"), has("server closed the connection unexpectedly"), has("connection to server was lost")],
    )
    case(
        name="psql-temp-file-limit-exceeded-ranking-sort",
        tool="psql",
        category="resource",
        ci="travis",
        repo="analytics",
        tty=False,
        setup=_fresh_db("h16_rank"),
        command="psql -d h16_rank -f reports/ranking.sql",
        env=PG,
        files={"reports/ranking.sql": _TFL_SQL},
        keys=["temporary file size exceeds temp_file_limit (1024kB)"],
        cause=[has("temp_file_limit (1024kB)")],
    )
    case(
        name="doc8-line-too-long-trailing-whitespace-tab",
        tool="doc8",
        category="lint",
        label=":books: Docs lint",
        repo="ledger",
        tty=False,
        command="doc8 docs",
        files={"docs/index.rst": _DOC_INDEX, "docs/operations.rst": _DOC_OPS, "docs/errors.rst": _DOC_ERR},
        keys=["D001", "D002", "docs/operations.rst"],
        cause=[has(": D00"), has("Total accumulated errors = 5")],
    )
