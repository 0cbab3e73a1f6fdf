"""Cases for the twenty-sixth held-out corpus, part A: Python (venv with pytest, Django, Flask,
SQLAlchemy, alembic, tox, nox, click, Jinja2, psycopg2) and the local PostgreSQL."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# -- Django -------------------------------------------------------------------------------------

_MANAGE = '''#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
'''


def _settings(app: str, engine: str = "django.db.backends.sqlite3", name: str = "db.sqlite3") -> str:
    return f'''SECRET_KEY = "ci-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.contenttypes", "{app}"]
DATABASES = {{"default": {{"ENGINE": "{engine}", "NAME": "{name}"}}}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
'''


_CATALOG_MODELS = '''from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=120)
    price_cents = models.IntegerField()
    sku = models.CharField(max_length=32, unique=True, default="")
'''

_CATALOG_0001 = '''from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120)),
                ("price_cents", models.IntegerField()),
            ],
        ),
    ]
'''

_ORDERS_MODELS = '''from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=80)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    total_cents = models.IntegerField()
'''

_ORDERS_REPORT = '''from .models import Order


def order_lines():
    return [f"{o.customer.name}: {o.total_cents}" for o in Order.objects.order_by("id")]
'''

_ORDERS_TESTS = '''from django.test import TestCase

from .models import Customer, Order
from .report import order_lines


class ReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for i in range(5):
            c = Customer.objects.create(name=f"customer-{i}")
            Order.objects.create(customer=c, total_cents=100 * i)

    def test_lines_count(self):
        self.assertEqual(len(order_lines()), 5)

    def test_first_line(self):
        self.assertEqual(order_lines()[0], "customer-0: 0")

    def test_report_queries(self):
        with self.assertNumQueries(1):
            order_lines()
'''

# -- Flask --------------------------------------------------------------------------------------

_FLASK_APP = '''from flask import Flask, jsonify

PLANS = {"basic": 900, "pro": 2900, "enterprise": 9900}


def create_app():
    app = Flask(__name__)
    app.config["TESTING"] = True

    @app.get("/plans/<name>")
    def plan(name):
        return jsonify(name=name, price_cents=PLANS[name])

    return app
'''

_FLASK_TESTS = '''import pytest

from billing_app import create_app


@pytest.fixture
def client():
    return create_app().test_client()


@pytest.mark.parametrize("name", ["basic", "pro", "enterprise"])
def test_plan_ok(client, name):
    assert client.get(f"/plans/{name}").status_code == 200


def test_plan_price(client):
    assert client.get("/plans/pro").json["price_cents"] == 2900


def test_team_plan(client):
    resp = client.get("/plans/team")
    assert resp.json["price_cents"] == 4900


def test_unknown_plan_404(client):
    assert client.get("/nope").status_code == 404
'''

_FLASK_ESCAPE = '''from flask import Flask, escape

app = Flask(__name__)


@app.get("/hello/<name>")
def hello(name):
    return f"Hello, {escape(name)}!"


if __name__ == "__main__":
    print("smoke: importing app and rendering /hello/ci", flush=True)
    with app.test_client() as c:
        print(c.get("/hello/ci").data)
'''

# -- SQLAlchemy / alembic -----------------------------------------------------------------------

_SA_REPORT = '''from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    orders: Mapped[list["Order"]] = relationship(back_populates="customer")


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    total: Mapped[int]
    customer: Mapped[Customer] = relationship(back_populates="orders")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Customer(name="acme", orders=[Order(total=120), Order(total=80)]),
               Customer(name="globex", orders=[Order(total=45)])])
    s.commit()


def load_customers():
    with Session(engine) as session:
        return session.scalars(select(Customer).order_by(Customer.id)).all()


print("report: loading customers", flush=True)
for c in load_customers():
    print(f"report: {c.name}", flush=True)
    print(f"report:   revenue {sum(o.total for o in c.orders)}", flush=True)
'''

_ALEMBIC_INI = '''[alembic]
script_location = migrations
sqlalchemy.url = {url}

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
'''

_ALEMBIC_ENV = '''from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
fileConfig(config.config_file_name)


def run_migrations_online():
    connectable = engine_from_config(
        config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
'''


def _rev(rev: str, down: str | None, msg: str, up: str) -> str:
    down_s = f'"{down}"' if down else "None"
    return f'''"""{msg}

Revision ID: {rev}
Revises: {down or ""}
"""

import sqlalchemy as sa
from alembic import op

revision = "{rev}"
down_revision = {down_s}
branch_labels = None
depends_on = None


def upgrade():
{up}


def downgrade():
    pass
'''


_ALEMBIC_NN = {
    "alembic.ini": _ALEMBIC_INI.format(url="postgresql+psycopg2:///h25_billing"),
    "migrations/env.py": _ALEMBIC_ENV,
    "migrations/versions/5b1e0c2d7a10_create_invoices.py": _rev(
        "5b1e0c2d7a10", None, "create invoices",
        '    op.create_table("invoices", sa.Column("id", sa.Integer, primary_key=True),\n'
        '                    sa.Column("total_cents", sa.Integer, nullable=False))\n'
        '    op.execute("INSERT INTO invoices (total_cents) SELECT g * 100 FROM generate_series(1, 40) g")'),
    "migrations/versions/9c4f2e8b3d21_add_invoice_currency.py": _rev(
        "9c4f2e8b3d21", "5b1e0c2d7a10", "add invoice currency",
        '    op.add_column("invoices", sa.Column("currency", sa.String(3), nullable=False))'),
}  # fmt: skip

_ALEMBIC_REV = {
    "alembic.ini": _ALEMBIC_INI.format(url="sqlite:///ci.db"),
    "migrations/env.py": _ALEMBIC_ENV,
    "migrations/versions/3f2a9c1d0b7e_create_users.py": _rev(
        "3f2a9c1d0b7e", None, "create users",
        '    op.create_table("users", sa.Column("id", sa.Integer, primary_key=True),\n'
        '                    sa.Column("email", sa.String(200), nullable=False))'),
    "migrations/versions/a7d3e9f1c442_add_users_last_login.py": _rev(
        "a7d3e9f1c442", "3f2a9c1d0b7f", "add users last_login",
        '    op.add_column("users", sa.Column("last_login", sa.DateTime, nullable=True))'),
}  # fmt: skip

# -- asyncio, multiprocessing, futures, click, jinja2, pip --------------------------------------

_TASKGROUP = '''import asyncio

REGIONS = [("us-east", 120), ("eu-west", 118), ("ap-south", 97), ("sa-east", 120)]


async def sync_region(name, rows):
    await asyncio.sleep(0.05)
    if name == "eu-west":
        raise ConnectionResetError(f"{name}: replica closed the stream after 64 rows")
    if name == "ap-south":
        raise ValueError(f"{name}: got {rows} rows but the checksum covers 120")
    print(f"sync: {name} ok ({rows} rows)", flush=True)


async def main():
    print("sync: starting 4 region syncs", flush=True)
    async with asyncio.TaskGroup() as tg:
        for name, rows in REGIONS:
            tg.create_task(sync_region(name, rows))
    print("sync: all regions done")


asyncio.run(main())
'''

_POOL = '''from multiprocessing import Pool

JOBS = [{"id": i, "size": "640x480"} for i in range(1, 12)]
JOBS[8]["size"] = "1280x"


def thumb_pixels(job):
    w, h = job["size"].split("x")
    return job["id"], int(w) * int(h)


if __name__ == "__main__":
    with Pool(2) as pool:
        for job_id, px in pool.imap(thumb_pixels, JOBS):
            print(f"thumbs: job {job_id} -> {px} px", flush=True)
'''

_FUTURES = '''import time
from concurrent.futures import ThreadPoolExecutor


def warm(shard):
    time.sleep(6 if shard == 5 else 0.1)
    return shard


print("warmup: warming 8 cache shards", flush=True)
pool = ThreadPoolExecutor(max_workers=8)
futures = {shard: pool.submit(warm, shard) for shard in range(8)}
for shard, fut in futures.items():
    fut.result(timeout=3)
    print(f"warmup: shard {shard} warm", flush=True)
'''

_CLICK = '''import click


@click.group()
def cli():
    """Search index maintenance."""


@cli.command()
@click.option("--workers", type=int, default=2, show_default=True)
@click.option("--index", default="products")
def reindex(workers, index):
    click.echo(f"reindex {index} with {workers} workers")


if __name__ == "__main__":
    cli()
'''

_JINJA_RENDER = '''import json
import pathlib

from jinja2 import Environment, FileSystemLoader, StrictUndefined

env = Environment(loader=FileSystemLoader("deploy/templates"), undefined=StrictUndefined)
values = json.loads(pathlib.Path("deploy/values-staging.json").read_text())
out = pathlib.Path("build/k8s")
out.mkdir(parents=True, exist_ok=True)
for name in ("service.yaml.j2", "deployment.yaml.j2"):
    print(f"render: {name}", flush=True)
    text = env.get_template(name).render(**values)
    (out / name.removesuffix(".j2")).write_text(text)
print("render: done")
'''

_JINJA_DEPLOY = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ app }}
spec:
  replicas: {{ replicas }}
  template:
    metadata:
      labels:
        topology.kubernetes.io/region: {{ region }}
    spec:
      containers:
        - name: {{ app }}
          image: "{{ image }}:{{ tag }}"
'''

_JINJA_SERVICE = '''apiVersion: v1
kind: Service
metadata:
  name: {{ app }}
spec:
  ports:
    - port: {{ port }}
'''

_PKG_PYPROJECT = '''[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "acme-cli"
version = "0.9.0"
requires-python = ">=3.9"

[tool.setuptools]
packages = ["acme_cli"]
'''

_PARAM_TESTS_HEAD = '''import pytest

from slugs import slugify

CASES = [
'''


def _param_tests() -> str:
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
    rows = []
    for i in range(57):
        a, b = words[i % 10], words[(i * 3 + 1) % 10]
        rows.append(f'    ("{a.title()} {b} {i}", "{a}-{b}-{i}"),')
    rows.insert(14, '    ("Crème brûlée 2", "creme-brulee-2"),')
    rows.insert(31, '    ("  spaced   out  ", "spaced-out"),')
    rows.insert(48, '    ("C++ & Rust", "c-and-rust"),')
    return (_PARAM_TESTS_HEAD + "\n".join(rows) + "\n]\n\n\n"
            "@pytest.mark.parametrize(\"title, slug\", CASES)\n"
            "def test_slugify(title, slug):\n    assert slugify(title) == slug\n")  # fmt: skip


_SLUGS = '''import re


def slugify(title):
    s = title.strip().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")
'''

_MOCK_TESTS = '''import unittest
from unittest import mock

import notify


class NotifyTests(unittest.TestCase):
    def test_subject(self):
        self.assertEqual(notify.subject("4.2.0"), "Deploy 4.2.0 finished")

    def test_sends_once(self):
        with mock.patch.object(notify, "send") as send:
            notify.announce("4.2.0", ["ops@acme.io", "dev@acme.io"])
        send.assert_called_once()

    def test_no_recipients(self):
        with mock.patch.object(notify, "send") as send:
            notify.announce("4.2.0", [])
        send.assert_not_called()
'''

_NOTIFY = '''def send(to, subject):
    raise RuntimeError("no SMTP in tests")


def subject(version):
    return f"Deploy {version} finished"


def announce(version, recipients):
    for r in recipients:
        send(r, subject(version))
'''

_PG_CONFTEST = '''import psycopg2
import pytest


@pytest.fixture(scope="module")
def db():
    conn = psycopg2.connect(dbname="h25_ledger_test")
    yield conn
    conn.close()
'''

_PG_TESTS = '''def test_rounding():
    assert round(2.675, 2) == 2.67


def test_balance(db):
    with db.cursor() as cur:
        cur.execute("select 1")
        assert cur.fetchone() == (1,)


def test_transfer(db):
    assert db is not None


def test_refund(db):
    assert db is not None


def test_currency_codes():
    assert "EUR".isupper()
'''

_MMAP = '''import ctypes
import mmap

print("index: mapping data/search.idx", flush=True)
with open("data/search.idx", "r+b") as f:
    mm = mmap.mmap(f.fileno(), 0)
    view = ctypes.c_char.from_buffer(mm)
    base = ctypes.addressof(view)
    print(f"index: header {ctypes.string_at(base, 4)!r}", flush=True)
    del view
    mm.close()
print("index: verifying first entry", flush=True)
entry = ctypes.string_at(base + 4, 16)
print("index: ok", entry)
'''

_MMAP_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "check-index: building search index"
python -c "open('data/search.idx','wb').write(b'SIDX' + bytes(range(256)) * 64)"
python -X faulthandler tools/check_index.py
echo "check-index: done"
"""

_NOX = '''import nox


@nox.session(python=["3.14", "3.11"])
def tests(session):
    session.run("python", "-c", "import sys; print('tests on', sys.version.split()[0])")
'''

_TOX = '''[tox]
env_list = lint
skip_missing_interpreters = false

[testenv:lint]
skip_install = true
commands =
    python -c "print('lint: checking imports')"
    make lint
'''


def register(case) -> None:
    py = "python"

    case(
        name="django-makemigrations-check-missing-migration-product-sku",
        tool="django", category="lint", ci="buildkite", label=":django: Migrations check",
        command="python manage.py makemigrations --check --dry-run", repo="shop", tty=False,
        files={"manage.py": _MANAGE, "site_cfg/__init__.py": "", "site_cfg/settings.py": _settings("catalog"),
               "catalog/__init__.py": "", "catalog/models.py": _CATALOG_MODELS,
               "catalog/migrations/__init__.py": "", "catalog/migrations/0001_initial.py": _CATALOG_0001},
        keys=["Migrations for 'catalog':", "Add field sku to product"],
        cause=[has("Migrations for 'catalog':"), has("0002_product_sku.py"), has("Add field sku to product")],
    )  # fmt: skip
    case(
        name="django-test-assertnumqueries-6-not-1-n-plus-one-report",
        tool="django", category="test", ci="github", command="python manage.py test -v 2 orders",
        repo="orders", tty=False,
        files={"manage.py": _MANAGE, "site_cfg/__init__.py": "", "site_cfg/settings.py": _settings("orders"),
               "orders/__init__.py": "", "orders/models.py": _ORDERS_MODELS, "orders/report.py": _ORDERS_REPORT,
               "orders/tests.py": _ORDERS_TESTS, "orders/migrations/__init__.py": ""},
        setup="python manage.py makemigrations orders",
        keys=["test_report_queries", "6 != 1 : 6 queries executed, 1 expected"],
        cause=[has("FAIL: test_report_queries"), has('orders/tests.py", line'), has("with self.assertNumQueries(1):"),
               has("AssertionError: 6 != 1"), has("FAILED (failures=1)")],
    )  # fmt: skip
    case(
        name="django-migrate-improperlyconfigured-mysqlclient-not-installed",
        tool="django", category="dependency", ci="buildkite", command="python manage.py migrate --noinput",
        repo="cms", tty=False,
        files={"manage.py": _MANAGE, "site_cfg/__init__.py": "", "pages/__init__.py": "",
               "site_cfg/settings.py": _settings("pages", "django.db.backends.mysql", "cms")},
        keys=["No module named 'MySQLdb'", "Did you install mysqlclient?"],
        cause=[has("Traceback (most recent call last)"), has('manage.py", line'),
               has("execute_from_command_line(sys.argv)"), has("ModuleNotFoundError: No module named 'MySQLdb'"),
               has("django.core.exceptions.ImproperlyConfigured"), has("Did you install mysqlclient?")],
    )  # fmt: skip
    case(
        name="pytest-flask-client-keyerror-team-plan-through-werkzeug-frames",
        tool="pytest", category="test", ci="buildkite", label=":pytest: Unit tests",
        command="python -m pytest -p no:cacheprovider tests", repo="billing",
        files={"billing_app.py": _FLASK_APP, "tests/test_plans.py": _FLASK_TESTS, "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["test_team_plan", "KeyError: 'team'"],
        cause=[has('>       resp = client.get("/plans/team")'), has("tests/test_plans.py:21"),
               has("return jsonify(name=name, price_cents=PLANS[name])"), has("E       KeyError: 'team'"),
               has("billing_app.py:12: KeyError"), has("FAILED tests/test_plans.py::test_team_plan")],
    )  # fmt: skip
    case(
        name="python-flask-3-importerror-cannot-import-name-escape-smoke",
        tool=py, category="dependency", ci="travis", command="python app.py", repo="greeter", tty=False,
        files={"app.py": _FLASK_ESCAPE},
        keys=["cannot import name 'escape' from 'flask'"],
        cause=[has("Traceback (most recent call last)"), has('app.py", line 1'),
               has("from flask import Flask, escape"), has("ImportError: cannot import name 'escape'")],
    )  # fmt: skip
    case(
        name="sqlalchemy-detachedinstanceerror-lazy-load-orders-after-session-closed",
        tool=py, category="runtime", ci="buildkite", command="python scripts/revenue_report.py", repo="crm",
        tty=False, files={"scripts/revenue_report.py": _SA_REPORT},
        keys=["DetachedInstanceError", "lazy load operation of attribute 'orders' cannot proceed"],
        cause=[has("Traceback (most recent call last)"), has('revenue_report.py", line'),
               has("sum(o.total for o in c.orders)"), has("sqlalchemy.orm.exc.DetachedInstanceError")],
    )  # fmt: skip
    case(
        name="alembic-upgrade-notnullviolation-add-currency-column-postgres",
        tool="alembic", category="runtime", ci="buildkite", label=":postgres: Migrate",
        command="alembic upgrade head", repo="billing2", tty=False, files=_ALEMBIC_NN,
        setup="dropdb --if-exists h25_billing && createdb h25_billing",
        keys=['column "currency" of relation "invoices" contains null values', "NotNullViolation"],
        cause=[has("Running upgrade 5b1e0c2d7a10 -> 9c4f2e8b3d21"), has('migrations/env.py", line'),
               has("    run_migrations_online()"), has("context.run_migrations()"),
               has('add_invoice_currency.py", line'),
               has('op.add_column("invoices"'), has("psycopg2.errors.NotNullViolation:"),
               has("sqlalchemy.exc.IntegrityError:"), has("[SQL: ALTER TABLE invoices ADD COLUMN currency")],
    )  # fmt: skip
    case(
        name="alembic-upgrade-down-revision-typo-3f2a9c1d0b7f-not-present",
        tool="alembic", category="config", ci="gitlab", command="alembic upgrade head", repo="accounts",
        tty=False, files=_ALEMBIC_REV,
        keys=["Revision 3f2a9c1d0b7f referenced from", "KeyError: '3f2a9c1d0b7f'"],
        cause=[has("3f2a9c1d0b7f"), has('migrations/env.py", line'), has("    run_migrations_online()"),
               has("context.run_migrations()")],
    )  # fmt: skip
    case(
        name="tox-lint-env-make-not-allowed-allowlist-externals",
        tool="tox", category="config", ci="buildkite", label=":python: tox lint", command="tox -e lint",
        repo="toolkit", tty=False,
        files={"tox.ini": _TOX, "Makefile": "lint:\n\t@echo lint ok\n"},
        keys=["make is not allowed, use allowlist_externals to allow it"],
        cause=[has("is not allowed, use allowlist_externals"), has("lint: FAIL code"), has("commands[1]> make lint")],
    )  # fmt: skip
    case(
        name="nox-session-tests-3-14-interpreter-not-found-then-3-11-passes",
        tool="nox", category="infrastructure", ci="github", command="nox -s tests", repo="toolkit2",
        tty=False, files={"noxfile.py": _NOX},
        keys=["Python interpreter 3.14 not found"],
        cause=[has("Python interpreter 3.14 not found"), has(r"tests-3.14: failed", True)],
    )  # fmt: skip
    case(
        name="python-asyncio-taskgroup-exceptiongroup-two-region-sync-errors",
        tool=py, category="runtime", ci="buildkite", command="python sync_regions.py", repo="replica",
        tty=False, files={"sync_regions.py": _TASKGROUP},
        keys=["ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
              "ConnectionResetError: eu-west", "ValueError: ap-south"],
        cause=[has("ExceptionGroup: unhandled errors in a TaskGroup"), has("async with asyncio.TaskGroup() as tg:"),
               has("ConnectionResetError: eu-west"), has("ValueError: ap-south"),
               has(r'sync_regions\.py", line (9|11|17|23)', True), has("asyncio.run(main())"), has(r"raise (ConnectionResetError|ValueError)", True)],
    )  # fmt: skip
    case(
        name="python-multiprocessing-pool-remotetraceback-thumb-size-1280x",
        tool=py, category="runtime", ci="travis", command="python thumbs.py", repo="media", tty=False,
        files={"thumbs.py": _POOL},
        keys=["multiprocessing.pool.RemoteTraceback", "invalid literal for int() with base 10: ''"],
        cause=[has("multiprocessing.pool.RemoteTraceback"), has('thumbs.py", line'),
               has("return job[\"id\"], int(w) * int(h)"), has("for job_id, px in pool.imap"),
               has("ValueError: invalid literal for int() with base 10: ''")],
    )  # fmt: skip
    case(
        name="python-futures-result-timeout-3s-cache-shard-5",
        tool=py, category="timeout", ci="buildkite", command="python ci/warm_caches.py", repo="cache",
        tty=False, files={"ci/warm_caches.py": _FUTURES},
        keys=["TimeoutError", "fut.result(timeout=3)"],
        cause=[has("Traceback (most recent call last)"), has('warm_caches.py", line'),
               has("fut.result(timeout=3)"), has(r"^TimeoutError$", True)],
    )  # fmt: skip
    case(
        name="python-click-invalid-value-workers-four-not-integer",
        tool=py, category="config", ci="buildkite", label=":mag: Reindex",
        command="python search_cli.py reindex --workers four --index products", repo="search", tty=False,
        files={"search_cli.py": _CLICK},
        keys=["Invalid value for '--workers': 'four' is not a valid integer."],
        cause=[has("Error: Invalid value for '--workers'")],
    )  # fmt: skip
    case(
        name="python-jinja2-strictundefined-region-undefined-deployment-template",
        tool=py, category="config", ci="buildkite", label=":kubernetes: Render manifests",
        command="python deploy/render.py", repo="deploy", tty=False,
        files={"deploy/render.py": _JINJA_RENDER, "deploy/templates/deployment.yaml.j2": _JINJA_DEPLOY,
               "deploy/templates/service.yaml.j2": _JINJA_SERVICE,
               "deploy/values-staging.json": '{"app": "api", "replicas": 2, "image": "ghcr.io/acme/api",\n'
                                             ' "tag": "4.2.1", "port": 8080, "regoin": "eu-west-1"}\n'},
        keys=["jinja2.exceptions.UndefinedError: 'region' is undefined"],
        cause=[has("Traceback (most recent call last)"), has('render.py", line'),
               has("text = env.get_template(name).render(**values)"), has('deployment.yaml.j2", line'),
               has("topology.kubernetes.io/region: {{ region }}"), has("UndefinedError: 'region' is undefined"),
               has("render: deployment.yaml.j2")],
    )  # fmt: skip
    case(
        name="pip-install-no-build-isolation-package-directory-acme-cli-does-not-exist",
        tool="pip", category="config", ci="gitlab", command="pip install --no-build-isolation --no-deps .",
        repo="acme-cli", tty=False,
        files={"pyproject.toml": _PKG_PYPROJECT, "src/acme_cli/__init__.py": "__version__ = '0.9.0'\n"},
        keys=["package directory 'acme_cli' does not exist"],
        cause=[has("package directory 'acme_cli' does not exist"), has("did not run successfully"),
               has("error: metadata-generation-failed")],
    )  # fmt: skip
    case(
        name="pytest-parametrize-2-of-60-slugs-fail-verbose-accents-ampersand",
        tool="pytest", category="test", ci="buildkite", label=":pytest: Tests",
        command="python -m pytest -v -p no:cacheprovider", repo="slugs",
        files={"slugs.py": _SLUGS, "tests/test_slugs.py": _param_tests(), "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["2 failed, 58 passed", "creme-brulee-2", "c-and-rust"],
        cause=[has(r"^FAILED tests/test_slugs.py", True), has(r"^tests/test_slugs.py::.* FAILED", True),
               has(">       assert slugify(title) == slug"), has("E       AssertionError: assert"),
               has("tests/test_slugs.py:71: AssertionError")],
    )  # fmt: skip
    case(
        name="unittest-mock-assert-called-once-called-2-times-announce",
        tool="unittest", category="test", ci="travis", command="python -m unittest -v test_notify",
        repo="notify", tty=False, files={"notify.py": _NOTIFY, "test_notify.py": _MOCK_TESTS},
        keys=["Expected 'send' to have been called once. Called 2 times.", "test_sends_once"],
        cause=[has("FAIL: test_sends_once"), has('test_notify.py", line 14'), has("send.assert_called_once()"),
               has("AssertionError: Expected 'send' to have been called once"), has("Calls: [call("),
               has(" call('dev@acme.io'"), has("FAILED (failures=1)")],
    )  # fmt: skip
    case(
        name="pytest-module-fixture-psycopg2-database-ledger-test-does-not-exist-3-errors",
        tool="pytest", category="test", ci="buildkite", label=":pytest: Integration",
        command="python -m pytest -p no:cacheprovider tests", repo="ledger",
        files={"tests/conftest.py": _PG_CONFTEST, "tests/test_ledger.py": _PG_TESTS},
        setup="dropdb --if-exists h25_ledger_test",
        keys=['database "h25_ledger_test" does not exist', "3 errors"],
        cause=[has("ERROR at setup of test_"), has('>       conn = psycopg2.connect(dbname="h25_ledger_test")'),
               has("tests/conftest.py:7"), has("E       psycopg2.OperationalError"),
               has(r"^ERROR tests/test_ledger.py", True)],
    )  # fmt: skip
    case(
        name="python-ctypes-string-at-after-mmap-close-faulthandler-segfault-139",
        tool=py, category="crash", ci="buildkite", label=":mag: Index check", command="./ci/check-index.sh",
        repo="search2", tty=False, files={"tools/check_index.py": _MMAP, "ci/check-index.sh": _MMAP_SH},
        setup="mkdir -p data",
        keys=["Fatal Python error: Segmentation fault", "Segmentation fault"],
        cause=[has("Fatal Python error: Segmentation fault"), has('check_index.py", line 13'),
               has(r"Segmentation fault.*python -X faulthandler", True)],
    )  # fmt: skip
