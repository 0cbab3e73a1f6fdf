"""Python-tool cases for the fourth held-out corpus (real tools from /work/scratch/h4venv)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest: failures in three files, an error in a fixture, and a warnings summary
_PT_CONFTEST = """\
import pytest


@pytest.fixture
def ledger():
    from shop.ledger import Ledger
    return Ledger(currency="EUR")


@pytest.fixture
def rates():
    import json, pathlib
    return json.loads(pathlib.Path("tests/data/rates.json").read_text())
"""
_PT_LEDGER = """\
import warnings


class Ledger:
    def __init__(self, currency):
        self.currency = currency
        self.lines = []

    def add(self, amount, vat=0.2):
        if isinstance(amount, float):
            warnings.warn("float amounts are deprecated, use Decimal", DeprecationWarning, stacklevel=2)
        self.lines.append(round(amount * (1 + vat), 2))

    def total(self):
        return sum(self.lines)

    def refund(self, index):
        return -self.lines.pop(index + 1)
"""
_PT_T_LEDGER = """\
def test_add(ledger):
    ledger.add(10.0)
    assert ledger.total() == 12.0


def test_two_lines(ledger):
    ledger.add(10)
    ledger.add(5, vat=0)
    assert ledger.total() == 17


def test_refund_first(ledger):
    ledger.add(10)
    ledger.add(20)
    assert ledger.refund(0) == -12
"""
_PT_T_RATES = """\
def test_eur_usd(rates):
    assert rates["EUR"]["USD"] > 1


def test_identity():
    assert 1 == 1
"""
_PT_T_REPORT = """\
import pytest

from shop.report import render


@pytest.mark.parametrize("n", [1, 2, 3])
def test_render_rows(n):
    assert render(["x"] * n).count("\\n") == n


def test_render_header():
    assert render([]).startswith("Item")
"""
_PT_REPORT = """\
def render(rows):
    out = "Item  Price\\n" if rows else "Items: none"
    for r in rows:
        out += f"{r}\\n"
    return out
"""

# --- Django test runner
_DJ_MANAGE = """\
#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
"""
_DJ_SETTINGS = """\
SECRET_KEY = "ci-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "orders",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
ROOT_URLCONF = "site_cfg.urls"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
"""
_DJ_URLS = """\
from django.urls import path

from orders import views

urlpatterns = [path("orders/<int:pk>/", views.detail)]
"""
_DJ_MODELS = """\
from decimal import Decimal

from django.db import models


class Order(models.Model):
    customer = models.CharField(max_length=80)
    net = models.DecimalField(max_digits=9, decimal_places=2)
    shipped = models.BooleanField(default=False)

    def gross(self):
        return (self.net * Decimal("1.19")).quantize(Decimal("0.01"))
"""
_DJ_VIEWS = """\
from django.http import JsonResponse

from .models import Order


def detail(request, pk):
    o = Order.objects.get(pk=pk)
    return JsonResponse({"id": o.pk, "customer": o.customer, "gross": str(o.gross())})
"""
_DJ_TESTS = """\
from decimal import Decimal

from django.test import TestCase

from .models import Order


class OrderModelTests(TestCase):
    def test_gross_adds_vat(self):
        o = Order(customer="ada", net=Decimal("100.00"))
        self.assertEqual(o.gross(), Decimal("120.00"))

    def test_default_not_shipped(self):
        self.assertFalse(Order(customer="bob", net=1).shipped)


class OrderViewTests(TestCase):
    def test_detail_ok(self):
        o = Order.objects.create(customer="ada", net=Decimal("10.00"))
        r = self.client.get(f"/orders/{o.pk}/")
        self.assertEqual(r.status_code, 200)

    def test_detail_missing_is_404(self):
        r = self.client.get("/orders/999/")
        self.assertEqual(r.status_code, 404)
"""

# --- flask app fails to import at startup
_FL_WSGI = """\
from shopapp import create_app

app = create_app()
"""
_FL_INIT = """\
from flask import Flask

from .settings import load_settings


def create_app():
    app = Flask(__name__)
    app.config.update(load_settings())
    from .routes import bp
    app.register_blueprint(bp)
    return app
"""
_FL_SETTINGS = """\
import os


def load_settings():
    return {
        "SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"],
        "CACHE_TTL": int(os.environ.get("CACHE_TTL", "60")),
    }
"""
_FL_ROUTES = """\
from flask import Blueprint

bp = Blueprint("main", __name__)


@bp.get("/health")
def health():
    return {"ok": True}
"""
_FL_SMOKE = """\
#!/bin/bash
set -euo pipefail
echo "--- checking that the app boots"
export FLASK_APP=wsgi
export CACHE_TTL=30
flask routes
echo "app boots"
"""

# --- alembic: second migration adds a column the first already created
_AL_INI = """\
[alembic]
script_location = migrations
sqlalchemy.url = sqlite:///ci.db

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
"""
_AL_ENV = """\
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if config.config_file_name is not None:
    from logging.config import fileConfig
    fileConfig(config.config_file_name)


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
"""
_AL_MAKO = """\
\"\"\"${message}\"\"\"
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
"""
_AL_V1 = """\
\"\"\"create accounts\"\"\"
import sqlalchemy as sa
from alembic import op

revision = "1a2b3c4d5e6f"
down_revision = None


def upgrade():
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("plan", sa.String(20), nullable=False, server_default="free"),
    )


def downgrade():
    op.drop_table("accounts")
"""
_AL_V2 = """\
\"\"\"index accounts.email\"\"\"
from alembic import op

revision = "7f8e9d0c1b2a"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.create_index("ix_accounts_email", "accounts", ["email"], unique=True)


def downgrade():
    op.drop_index("ix_accounts_email")
"""
_AL_V3 = """\
\"\"\"add plan to accounts\"\"\"
import sqlalchemy as sa
from alembic import op

revision = "c0ffee123456"
down_revision = "7f8e9d0c1b2a"


def upgrade():
    op.add_column("accounts", sa.Column("plan", sa.String(20), nullable=True))
    op.add_column("accounts", sa.Column("trial_ends", sa.DateTime, nullable=True))


def downgrade():
    op.drop_column("accounts", "trial_ends")
    op.drop_column("accounts", "plan")
"""

# --- mypy --strict on an untyped module
_MY_CFG = """\
[mypy]
strict = True
python_version = 3.11
"""
_MY_A = """\
import json
from dataclasses import dataclass
from typing import Any


@dataclass
class Job:
    id: int
    name: str
    retries: int = 0


def load(path):
    with open(path) as f:
        return [Job(**j) for j in json.load(f)]


def by_name(jobs: list[Job], name: str) -> Job:
    for j in jobs:
        if j.name == name:
            return j


def retry_budget(jobs: list[Job]) -> int:
    return sum(j.retries for j in jobs) / len(jobs)


def config() -> dict:
    return {"workers": 4}


def raw(x: Any) -> str:
    return x["name"]
"""
_MY_B = """\
from jobs.model import Job, by_name, load


def run(path: str, name: str) -> None:
    jobs = load(path)
    job = by_name(jobs, name)
    print(job.id + ":" + job.name)


def names(jobs):
    return [j.name for j in jobs]
"""

# --- coverage combine after the parallel shards' artifacts were not downloaded
_COV_SH = """\
#!/bin/bash
set -eo pipefail
echo "--- downloading coverage shards"
mkdir -p shards
for i in 1 2 3 4; do
  cp artifacts/coverage-shard-$i/.coverage.* shards/ 2>/dev/null || echo "no artifact for shard $i"
done
echo "--- combining"
coverage combine shards/
coverage xml -o coverage.xml
coverage report --fail-under=85
"""

# --- pip cannot resolve the private index's host name
_PIP_REQ = """\
requests==2.32.3
acme-auth==3.4.1
"""

# --- unittest: setUp fails in every test of one class
_UT_TESTS = """\
import os
import sqlite3
import unittest


class ExportTests(unittest.TestCase):
    def setUp(self):
        self.db = sqlite3.connect(":memory:")
        with open(os.path.join("fixtures", "export_schema.sql")) as f:
            self.db.executescript(f.read())

    def test_export_empty(self):
        self.assertEqual(self.db.execute("select count(*) from exports").fetchone()[0], 0)

    def test_export_one(self):
        self.db.execute("insert into exports values (1, 'a')")

    def test_export_unique(self):
        self.db.execute("insert into exports values (1, 'a')")


class FormatTests(unittest.TestCase):
    def test_csv_line(self):
        self.assertEqual(",".join(["a", "b"]), "a,b")

    def test_tsv_line(self):
        self.assertEqual("\\t".join(["a", "b"]), "a\\tb")
"""


def register(case):
    case(
        name="pytest-failures-three-files-warnings",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="shop",
        command="pytest -ra tests/",
        setup="mkdir -p tests/data",
        files={"shop/__init__.py": "", "shop/ledger.py": _PT_LEDGER, "shop/report.py": _PT_REPORT,
               "tests/conftest.py": _PT_CONFTEST, "tests/test_ledger.py": _PT_T_LEDGER,
               "tests/test_rates.py": _PT_T_RATES, "tests/test_report.py": _PT_T_REPORT,
               "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["FAILED tests/test_ledger.py::test_refund_first", "assert -24.0 == -12",
              "ERROR tests/test_rates.py::test_eur_usd", "FAILED tests/test_report.py::test_render_rows[1]",
              "4 failed, 4 passed, 1 warning, 1 error"],
        cause=[
            has(r"_+ ERROR at setup of test_eur_usd _+", rx=True),
            has(r'^>\s+return json.loads\(pathlib.Path\("tests/data/rates.json"\)', rx=True),
            has("tests/conftest.py:13:"),
            has(r"^E\s+FileNotFoundError: \[Errno 2\]", rx=True),
            has(r"_+ test_refund_first _+", rx=True),
            has(r"^>\s+assert ledger.refund\(0\) == -12", rx=True),
            has(r"^E\s+assert -24.0 == -12", rx=True),
            has("tests/test_ledger.py:15: AssertionError"),
            has(r"_+ test_render_rows\[\d\] _+", rx=True),
            has(r'^>\s+assert render\(\["x"\] \* n\)', rx=True),
            has(r"^E\s+AssertionError: assert \d == \d", rx=True),
            has("tests/test_report.py:8: AssertionError"),
            has(r"^FAILED |^ERROR ", rx=True),
            has("4 failed, 4 passed, 1 warning, 1 error"),
        ],
        exit_status=1,
    )
    case(
        name="django-manage-test-failure-and-error",
        tool="django",
        category="test",
        label=":django: Tests",
        repo="orders-site",
        tty=False,
        command="python manage.py test --noinput -v 2",
        files={"manage.py": _DJ_MANAGE, "site_cfg/__init__.py": "", "site_cfg/settings.py": _DJ_SETTINGS,
               "site_cfg/urls.py": _DJ_URLS, "orders/__init__.py": "", "orders/models.py": _DJ_MODELS,
               "orders/views.py": _DJ_VIEWS, "orders/tests.py": _DJ_TESTS,
               "orders/migrations/__init__.py": ""},
        setup="python manage.py makemigrations orders",
        keys=["FAIL: test_gross_adds_vat (orders.tests.OrderModelTests", "AssertionError: Decimal('119.00') != Decimal('120.00')",
              "ERROR: test_detail_missing_is_404 (orders.tests.OrderViewTests",
              "orders.models.Order.DoesNotExist: Order matching query does not exist.", "FAILED (failures=1, errors=1)"],
        cause=[
            has("ERROR: test_detail_missing_is_404"),
            has('orders/tests.py", line 24, in test_detail_missing_is_404'),
            has('r = self.client.get("/orders/999/")'),
            has('orders/views.py", line'),
            has("o = Order.objects.get(pk=pk)"),
            has("orders.models.Order.DoesNotExist: Order matching query does not exist."),
            has("FAIL: test_gross_adds_vat"),
            has('orders/tests.py", line 11, in test_gross_adds_vat'),
            has('self.assertEqual(o.gross(), Decimal("120.00"))'),
            has("AssertionError: Decimal('119.00') != Decimal('120.00')"),
            has("FAILED (failures=1, errors=1)"),
        ],
        exit_status=1,
    )
    case(
        name="flask-app-boot-missing-env",
        tool="flask",
        category="config",
        ci="github",
        repo="shopapp",
        tty=False,
        command="./ci/smoke.sh",
        env={"PYTHONPATH": "."},
        files={"wsgi.py": _FL_WSGI, "shopapp/__init__.py": _FL_INIT, "shopapp/settings.py": _FL_SETTINGS,
               "shopapp/routes.py": _FL_ROUTES, "ci/smoke.sh": _FL_SMOKE},
        keys=["KeyError: 'DATABASE_URL'", 'shopapp/settings.py", line 6, in load_settings'],
        cause=[
            has('wsgi.py", line 3, in <module>'),
            has("app = create_app()"),
            has('shopapp/__init__.py", line 8, in create_app'),
            has("app.config.update(load_settings())"),
            has('shopapp/settings.py", line 6, in load_settings'),
            has('"SQLALCHEMY_DATABASE_URI": os.environ["DATABASE_URL"]'),
            has("KeyError: 'DATABASE_URL'"),
        ],
        exit_status=1,
    )
    case(
        name="alembic-upgrade-duplicate-column",
        tool="alembic",
        category="runtime",
        label=":database: Migrate (ephemeral db)",
        repo="accounts",
        tty=False,
        command="alembic upgrade head",
        files={"alembic.ini": _AL_INI, "migrations/env.py": _AL_ENV, "migrations/script.py.mako": _AL_MAKO,
               "migrations/versions/1a2b3c4d5e6f_create_accounts.py": _AL_V1,
               "migrations/versions/7f8e9d0c1b2a_index_email.py": _AL_V2,
               "migrations/versions/c0ffee123456_add_plan.py": _AL_V3},
        keys=["duplicate column name: plan", "7f8e9d0c1b2a -> c0ffee123456, add plan to accounts"],
        cause=[
            has("Running upgrade 7f8e9d0c1b2a -> c0ffee123456"),
            has("c0ffee123456_add_plan.py\", line"),
            has('op.add_column("accounts", sa.Column("plan"'),
            has("sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) duplicate column name: plan"),
            has('[SQL: ALTER TABLE accounts ADD COLUMN "plan" VARCHAR(20)]'),
            has("sqlite3.OperationalError: duplicate column name: plan"),
        ],
        exit_status=1,
    )
    case(
        name="mypy-strict-many-errors",
        tool="mypy",
        category="lint",
        label=":mypy: Type check (strict)",
        repo="jobrunner",
        command="mypy jobs",
        env={"MYPY_CACHE_DIR": "/dev/null"},
        files={"mypy.ini": _MY_CFG, "jobs/__init__.py": "", "jobs/model.py": _MY_A, "jobs/cli.py": _MY_B},
        keys=["jobs/model.py:13: error: Function is missing a type annotation", "[no-untyped-def]",
              "Found 8 errors in 2 files"],
        cause=[has(r": error: ", rx=True), has("Found 8 errors in 2 files")],
        exit_status=1,
    )
    case(
        name="coverage-combine-no-shards",
        tool="coverage",
        category="config",
        label=":coverage: Coverage report",
        repo="api",
        tty=False,
        command="./ci/coverage.sh",
        setup="mkdir -p artifacts",
        files={"ci/coverage.sh": _COV_SH},
        keys=["No data to combine", "no artifact for shard 1"],
        cause=[has("no artifact for shard"), has("No data to combine")],
        exit_status=1,
    )
    case(
        name="pip-index-dns-failure",
        tool="pip",
        category="infrastructure",
        ci="gitlab",
        repo="auth-proxy",
        tty=False,
        command="pip install --retries 2 --timeout 5 -r requirements.txt",
        run="pip install --no-cache-dir --retries 2 --timeout 5 --index-url https://pypi.acme-internal.example/simple -r requirements.txt",
        files={"requirements.txt": _PIP_REQ},
        keys=["[Errno -2] Name or service not known", "No matching distribution found for requests==2.32.3"],
        cause=[
            has("Name or service not known"),
            has("ERROR: Could not find a version that satisfies the requirement requests==2.32.3"),
            has("ERROR: No matching distribution found for requests==2.32.3"),
        ],
        exit_status=1,
    )
    case(
        name="unittest-setup-missing-fixture",
        tool="unittest",
        category="test",
        label=":python: unittest",
        repo="exporter",
        tty=False,
        command="python -m unittest discover -s tests -v",
        files={"tests/__init__.py": "", "tests/test_export.py": _UT_TESTS},
        keys=["FileNotFoundError: [Errno 2] No such file or directory: 'fixtures/export_schema.sql'",
              "ERROR: test_export_empty (test_export.ExportTests", "FAILED (errors=3)"],
        cause=[
            has(r"^ERROR: test_export_\w+ \(", rx=True),
            has(", in setUp"),
            has('with open(os.path.join("fixtures", "export_schema.sql")) as f:'),
            has("FileNotFoundError: [Errno 2] No such file or directory: 'fixtures/export_schema.sql'"),
            has("FAILED (errors=3)"),
        ],
        exit_status=1,
    )
