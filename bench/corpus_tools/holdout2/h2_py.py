"""Python cases for the second held-out corpus."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest: a fixture's teardown raises (tests pass, the run errors)
_EXPORT = """\
import csv
import os


def export_rows(rows, spool_dir, name):
    path = os.path.join(spool_dir, name + ".csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["sku", "qty"])
        for sku, qty in rows:
            w.writerow([sku, qty])
    if name.startswith("partial"):
        open(os.path.join(spool_dir, name + ".lock"), "w").close()
    return path
"""
_EXPORT_CONFTEST = """\
import os
import shutil
import tempfile

import pytest


@pytest.fixture
def spool():
    path = tempfile.mkdtemp(prefix="spool-")
    yield path
    leftovers = sorted(f for f in os.listdir(path) if f.endswith(".lock"))
    shutil.rmtree(path)
    if leftovers:
        raise RuntimeError(f"spool directory not clean after test: {leftovers}")
"""
_EXPORT_TESTS = """\
import csv

from exporter import export_rows


def read(path):
    with open(path) as f:
        return list(csv.reader(f))


def test_header(spool):
    assert read(export_rows([], spool, "empty")) == [["sku", "qty"]]


def test_rows(spool):
    rows = read(export_rows([("A-1", 3), ("B-2", 0)], spool, "daily"))
    assert rows[1:] == [["A-1", "3"], ["B-2", "0"]]


def test_partial_export(spool):
    rows = read(export_rows([("C-9", 12)], spool, "partial-eu"))
    assert rows[-1] == ["C-9", "12"]


def test_unicode_sku(spool):
    rows = read(export_rows([("Ü-7", 1)], spool, "intl"))
    assert rows[1][0] == "Ü-7"
"""

# --- pytest-timeout
_QUEUE = """\
import queue
import threading


class Worker:
    def __init__(self):
        self.jobs = queue.Queue()
        self.results = queue.Queue()
        self._t = threading.Thread(target=self._run, daemon=True)

    def start(self):
        # forgot: self._t.start()
        return self

    def _run(self):
        while True:
            job = self.jobs.get()
            self.results.put(job * 2)

    def submit(self, n):
        self.jobs.put(n)
        return self.results.get()
"""
_QUEUE_TESTS = """\
from worker import Worker


def test_worker_constructs():
    assert Worker().jobs.empty()


def test_submit_doubles():
    w = Worker().start()
    assert w.submit(21) == 42


def test_queue_is_fifo():
    w = Worker()
    w.jobs.put(1)
    w.jobs.put(2)
    assert [w.jobs.get(), w.jobs.get()] == [1, 2]
"""

# --- unittest setUpClass error
_REPO = """\
import csv


class UserRepo:
    def __init__(self, rows):
        self.by_email = {r["email"].lower(): r for r in rows}

    @classmethod
    def from_csv(cls, path):
        with open(path, newline="") as f:
            return cls(list(csv.DictReader(f)))

    def find(self, email):
        return self.by_email.get(email.lower())
"""
_REPO_TESTS = """\
import os
import unittest

from userrepo import UserRepo

HERE = os.path.dirname(__file__)


class UserRepoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.repo = UserRepo.from_csv(os.path.join(HERE, "fixtures", "users.csv"))

    def test_find_is_case_insensitive(self):
        self.assertEqual(self.repo.find("ADA@example.com")["name"], "Ada")

    def test_missing_user(self):
        self.assertIsNone(self.repo.find("nobody@example.com"))


class EmailNormaliseTest(unittest.TestCase):
    def test_lower(self):
        self.assertEqual(UserRepo([{"email": "A@B.C"}]).find("a@b.c")["email"], "A@B.C")

    def test_empty(self):
        self.assertIsNone(UserRepo([]).find("x@y.z"))


if __name__ == "__main__":
    unittest.main()
"""

# --- python -W error
_LOCALE_REPORT = """\
import locale
import sys


def currency_header():
    lang, encoding = locale.getdefaultlocale()
    return f"# report ({lang or 'C'}, {encoding or 'ascii'})"


def main(rows):
    print(currency_header())
    for name, amount in rows:
        print(f"{name:<12}{amount:>10.2f}")


if __name__ == "__main__":
    print("building revenue report", file=sys.stderr)
    main([("north", 1200.5), ("south", 980.0)])
"""

# --- JSON config decode error
_RENDER_MANIFEST = """\
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def main(path):
    cfg = load(path)
    for svc in cfg["services"]:
        print(f"{svc['name']}: {svc['image']} x{svc.get('replicas', 1)}")


if __name__ == "__main__":
    print(f"rendering manifests from {sys.argv[1]}")
    main(sys.argv[1])
"""
_SERVICES_JSON = """\
{
  "cluster": "eu-west-prod",
  "services": [
    {
      "name": "api",
      "image": "ghcr.io/acme/api:2.14.1",
      "replicas": 3
    },
    {
      "name": "worker",
      "image": "ghcr.io/acme/worker:2.14.1",
      "replicas": 2,
    },
    {
      "name": "scheduler",
      "image": "ghcr.io/acme/scheduler:2.14.1"
    }
  ]
}
"""

# --- CalledProcessError
_PACKAGE_SITE = """\
import os
import subprocess
import sys


def build_pages(out):
    os.makedirs(out, exist_ok=True)
    for name in ("index", "about", "pricing"):
        with open(os.path.join(out, name + ".html"), "w") as f:
            f.write(f"<h1>{name}</h1>\\n")
        print(f"  wrote {out}/{name}.html")


def archive(src, dest):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    subprocess.run(["tar", "-czf", dest, src, "static/"], check=True)


if __name__ == "__main__":
    print("building site")
    build_pages("public")
    print("archiving")
    archive("public", "dist/site.tar.gz")
    print("done", file=sys.stderr)
"""

# --- MemoryError under ulimit -v
_DEDUPE = """\
import sys


def load_ids(n):
    return [f"cust-{i:09d}" for i in range(n)]


def dedupe(ids):
    seen = {}
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
    return seen


if __name__ == "__main__":
    n = int(sys.argv[1])
    print(f"loading {n} customer ids")
    ids = load_ids(n)
    print(f"deduplicating {len(ids)} ids")
    counts = dedupe(ids)
    print(f"{sum(1 for c in counts.values() if c > 1)} duplicates")
"""
_DEDUPE_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- limiting address space to 512 MiB (matches the prod worker)"
ulimit -v 524288
python etl/dedupe.py 40000000
"""

# --- black / isort / pylint
_BLACK_A = """\
from dataclasses import dataclass


@dataclass
class Order:
    id: int
    lines: list


def total(order: Order) -> float:
    return sum(l['qty']*l['price'] for l in order.lines)


def describe(order: Order) -> str:
    return "order %d: %d lines, total %.2f" % (order.id, len(order.lines), total(order))
"""
_BLACK_B = """\
def parse_flags(argv):
    flags = {}
    for arg in argv:
        if arg.startswith("--"):
            key, _, value = arg[2:].partition("=")
            flags[key] = value or True
    return flags
"""
_BLACK_C = """\
import os


def config_path(name,
                base=None):
    base = base or os.environ.get("APP_CONFIG_DIR", "/etc/app")
    return os.path.join(base,name + ".toml")
"""
_BLACK_D = """\
VERSION = "1.8.0"
"""

_ISORT_MODELS = """\
from typing import Optional
import os
import json

from app.db import Base
from app import util
import sys


class User(Base):
    email: Optional[str] = None

    def to_json(self):
        return json.dumps({"email": self.email, "pid": os.getpid(), "argv0": sys.argv[0], "v": util.VERSION})
"""
_ISORT_VIEWS = """\
import json
import os

from app.models import User


def show(uid):
    return json.dumps({"uid": uid, "cwd": os.getcwd(), "model": User.__name__})
"""
_ISORT_DB = "class Base:\n    pass\n"
_ISORT_UTIL = 'VERSION = "0.3.1"\n'

_PYLINT_BILLING = '''\
"""Billing helpers."""
import datetime


class Invoice:
    """An invoice."""

    def __init__(self, number, lines):
        self.number = number
        self.lines = lines

    def total(self):
        """Sum of line amounts."""
        return sum(line.amount for line in self.lines)

    def due_date(self):
        """Thirty days after issue."""
        return self.issued + datetime.timedelta(days=30)


def render(invoice):
    """Render an invoice as text."""
    header = f"Invoice {invoice.number}"
    body = "\\n".join(str(l) for l in invoice.lines)
    return header + "\\n" + body + "\\n" + formatted_total
'''
_PYLINT_TAX = '''\
"""Tax helpers."""
import decimal

RATES = {"DE": decimal.Decimal("0.19")}


def rate_for(country, default=[]):
    """Tax rate for a country."""
    try:
        return RATES[country]
    except:
        return default


def apply(amount, country):
    """Amount with tax."""
    return amount * (1 + rate_for(country)).quantise(decimal.Decimal("0.01"))


def split(amount, parts):
    """Split an amount."""
    return [amount / parts for _ in range(parts)], decimal.Decimal.ROUND_HALF_UP_MODE
'''

# --- jinja2 template syntax error
_RENDER_J2 = """\
import sys

from jinja2 import Environment, FileSystemLoader, StrictUndefined

env = Environment(loader=FileSystemLoader("deploy/templates"), undefined=StrictUndefined)
values = {"server_name": "shop.acme.example", "upstreams": ["10.0.3.11:8080", "10.0.3.12:8080"],
          "tls": True}
for name in ["upstream.conf.j2", "nginx.conf.j2"]:
    print(f"rendering {name}", file=sys.stderr)
    out = env.get_template(name).render(**values)
    with open("deploy/out/" + name[:-3], "w") as f:
        f.write(out)
"""
_UPSTREAM_J2 = """\
upstream shop {
{% for u in upstreams %}
    server {{ u }};
{% endfor %}
}
"""
_NGINX_J2 = """\
server {
    listen 80;
    server_name {{ server_name }};

{% if tls %}
    listen 443 ssl;
    ssl_certificate     /etc/ssl/{{ server_name }}.crt;
    ssl_certificate_key /etc/ssl/{{ server_name }}.key;
{% endif %}

    location / {
        proxy_pass http://shop;
{% for header in ["X-Real-IP", "X-Forwarded-For"] %}
        proxy_set_header {{ header }} $remote_addr;
{% endfor %
    }
}
"""


def register(case):
    case(
        name="pytest-fixture-teardown-error",
        tool="pytest",
        category="test",
        label=":pytest: Tests",
        repo="exporter",
        command="pytest -v --color=yes -p no:cacheprovider tests/",
        env={"PYTHONPATH": "src"},
        files={
            "src/exporter.py": _EXPORT,
            "tests/conftest.py": _EXPORT_CONFTEST,
            "tests/test_export.py": _EXPORT_TESTS,
        },
        keys=[
            "ERROR at teardown of test_partial_export",
            "RuntimeError: spool directory not clean after test",
        ],
        cause=[
            has("ERROR at teardown of test_partial_export"),
            has(r"^>\s+raise RuntimeError", rx=True),
            has(r"^E\s+RuntimeError: spool directory not clean", rx=True),
            has(r"conftest\.py:\d+: RuntimeError", rx=True),
            has("ERROR tests/test_export.py::test_partial_export"),
            has("test_export.py::test_partial_export ERROR"),
        ],
        exit_status=1,
    )
    case(
        name="pytest-timeout-hung-worker",
        tool="pytest",
        category="timeout",
        label=":pytest: Tests",
        repo="jobqueue",
        command="pytest --timeout=3 --color=yes -p no:cacheprovider",
        files={"worker.py": _QUEUE, "test_worker.py": _QUEUE_TESTS},
        keys=["Failed: Timeout", "test_submit_doubles"],
        cause=[
            has("___ test_submit_doubles ___"),
            has(r"^>\s+assert w\.submit\(21\) == 42", rx=True),
            has("test_worker.py:10:"),
            has("worker.py:22: in submit"),
            has("    return self.results.get()"),
            has(r"^>\s+waiter\.acquire\(\)", rx=True),
            has("Failed: Timeout (>3.0s) from pytest-timeout"),
            has("threading.py:327: Failed"),
            has("FAILED test_worker.py::test_submit_doubles"),
        ],
        exit_status=1,
    )
    case(
        name="unittest-setupclass-error",
        tool="unittest",
        category="test",
        ci="travis",
        repo="accounts",
        tty=False,
        command="python -m unittest -v tests.test_userrepo",
        env={"PYTHONPATH": "src"},
        files={"src/userrepo.py": _REPO, "tests/__init__.py": "", "tests/test_userrepo.py": _REPO_TESTS},
        keys=["setUpClass", "FileNotFoundError", "fixtures/users.csv"],
        cause=[
            has("ERROR: setUpClass (tests.test_userrepo.UserRepoTest)"),
            has("setUpClass (tests.test_userrepo.UserRepoTest) ... ERROR"),
            has("Traceback (most recent call last):"),
            has(r'^\s+File ".*(test_userrepo|userrepo)\.py", line \d+', rx=True),
            has("cls.repo = UserRepo.from_csv"),
            has('with open(path, newline="") as f:'),
            has("FileNotFoundError: [Errno 2]"),
            has("FAILED (errors=1)"),
        ],
        exit_status=1,
    )
    case(
        name="python-deprecationwarning-as-error",
        tool="python",
        category="runtime",
        label=":chart_with_upwards_trend: Revenue report",
        repo="reports",
        tty=False,
        command="python -W error::DeprecationWarning reports/revenue.py",
        files={"reports/revenue.py": _LOCALE_REPORT},
        keys=["DeprecationWarning", "getdefaultlocale"],
        cause=[
            span("Traceback (most recent call last):", "DeprecationWarning: 'locale.getdefaultlocale'"),
        ],
        exit_status=1,
    )
    case(
        name="python-json-config-trailing-comma",
        tool="python",
        category="config",
        ci="gitlab",
        repo="deploy",
        tty=False,
        command="python deploy/render_manifest.py deploy/services.json",
        files={"deploy/render_manifest.py": _RENDER_MANIFEST, "deploy/services.json": _SERVICES_JSON},
        keys=["json.decoder.JSONDecodeError", "line 13 column 5"],
        cause=[
            span(
                "Traceback (most recent call last):", "json.decoder.JSONDecodeError: Expecting property name"
            ),
        ],
        exit_status=1,
    )
    case(
        name="python-calledprocesserror-tar",
        tool="python",
        category="runtime",
        ci="github",
        repo="site",
        tty=False,
        command="python scripts/package_site.py",
        files={"scripts/package_site.py": _PACKAGE_SITE},
        keys=[
            "static: Cannot stat: No such file or directory",
            "CalledProcessError",
            "returned non-zero exit status 2",
        ],
        cause=[
            has("tar: static: Cannot stat"),
            has("tar: Exiting with failure status"),
            span("Traceback (most recent call last):", "subprocess.CalledProcessError: Command"),
        ],
        exit_status=1,
    )
    case(
        name="python-memoryerror-ulimit",
        tool="python",
        category="resource",
        label=":broom: Dedupe customers",
        repo="crm-etl",
        tty=False,
        command="./ci/dedupe.sh",
        files={"etl/dedupe.py": _DEDUPE, "ci/dedupe.sh": _DEDUPE_SH},
        keys=["MemoryError", "load_ids"],
        cause=[
            span("Traceback (most recent call last):", "MemoryError"),
        ],
        exit_status=1,
    )
    case(
        name="black-check-would-reformat",
        tool="black",
        category="lint",
        label=":black_circle: black",
        repo="orders",
        tty=False,
        command="black --check .",
        files={
            "orders/models.py": _BLACK_A,
            "orders/cli.py": _BLACK_B,
            "orders/config.py": _BLACK_C,
            "orders/__init__.py": _BLACK_D,
        },
        keys=["would reformat", "orders/models.py", "orders/config.py", "2 files would be reformatted"],
        cause=[has("would reformat"), has("Oh no!"), has("files would be reformatted")],
        exit_status=1,
    )
    case(
        name="isort-check-diff",
        tool="isort",
        category="lint",
        ci="travis",
        repo="userservice",
        tty=False,
        command="isort --check-only --diff --profile black app",
        files={
            "app/__init__.py": "",
            "app/models.py": _ISORT_MODELS,
            "app/views.py": _ISORT_VIEWS,
            "app/db.py": _ISORT_DB,
            "app/util.py": _ISORT_UTIL,
        },
        keys=["app/models.py Imports are incorrectly sorted"],
        cause=[has("Imports are incorrectly sorted"), has(r"^[-+](from|import) ", rx=True)],
        exit_status=1,
    )
    case(
        name="pylint-errors-and-warnings",
        tool="pylint",
        category="lint",
        label=":python: pylint",
        repo="billing",
        tty=False,
        command="pylint --disable=C,R --score=y billing",
        files={
            "billing/__init__.py": '"""Billing."""\n',
            "billing/invoice.py": _PYLINT_BILLING,
            "billing/tax.py": _PYLINT_TAX,
        },
        keys=["E0602", "formatted_total", "E1101", "ROUND_HALF_UP_MODE", "W0102"],
        cause=[has(r"^billing/\w+\.py:\d+:\d+: [EWF]\d{4}", rx=True), has("************* Module")],
        exit_status=6,
    )
    case(
        name="jinja2-template-syntax-error",
        tool="jinja2",
        category="config",
        label=":gear: Render nginx config",
        repo="edge",
        tty=False,
        command="python deploy/render.py",
        setup="mkdir -p deploy/out",
        files={
            "deploy/render.py": _RENDER_J2,
            "deploy/templates/upstream.conf.j2": _UPSTREAM_J2,
            "deploy/templates/nginx.conf.j2": _NGINX_J2,
        },
        keys=["jinja2.exceptions.TemplateSyntaxError", "nginx.conf.j2"],
        cause=[
            has("rendering nginx.conf.j2"),
            span("Traceback (most recent call last):", "jinja2.exceptions.TemplateSyntaxError"),
        ],
        exit_status=1,
    )
