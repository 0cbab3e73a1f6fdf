"""Python-tool cases for the eighth held-out corpus (real tools from /work/scratch/h7venv:
pytest, sphinx, build + setuptools, gunicorn, Robot Framework, uv, codespell, ansible-core;
the interpreter itself)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest --strict-markers: a marker missing from the markers list
_SM_INI = """\
[pytest]
addopts = --strict-markers -ra
pythonpath = .
markers =
    slow: takes more than a second
    db: needs the sqlite fixture
"""
_SM_LIB = """\
def normalise(row):
    return {k.strip().lower(): (v.strip() if isinstance(v, str) else v) for k, v in row.items()}


def merge(a, b):
    out = dict(a)
    out.update({k: v for k, v in b.items() if v not in (None, "")})
    return out
"""
_SM_T1 = """\
import pytest

from rows import merge, normalise


def test_normalise_keys():
    assert normalise({" Name ": "x"}) == {"name": "x"}


@pytest.mark.slow
def test_merge_big():
    a = {str(i): i for i in range(10000)}
    assert merge(a, {"1": None})["1"] == 1
"""
_SM_T2 = """\
import pytest

from rows import merge


@pytest.mark.integration
def test_merge_from_remote_export():
    assert merge({"a": 1}, {"a": 2}) == {"a": 2}


def test_merge_keeps_empty():
    assert merge({"a": 1}, {"a": ""}) == {"a": 1}
"""

# --- sphinx-build -W: warnings treated as errors
_SP_CONF = """\
project = "Widgets"
author = "ACME"
release = "2.3"
extensions = []
exclude_patterns = ["_build"]
html_theme = "alabaster"
nitpicky = False
"""
_SP_INDEX = """\
Widgets
=======

Widgets turns CSV exports into dashboards. See :ref:`install-guide` to get started.

.. toctree::
   :maxdepth: 2

   usage
   api
   changelog
"""
_SP_USAGE = """\
.. _usage:

Usage
=====

Run ``widgets build data.csv`` and open ``out/index.html``.

Options
-------

``--theme``
   The dashboard theme (``light`` or ``dark``).

.. note::
   Large files are streamed.
"""
_SP_API = """\
API
===

.. code-block:: python

   from widgets import build
   build("data.csv", theme="dark")

Configuration keys are listed in :doc:`configuration`.

Options
-------

See :ref:`usage`.

.. warning:
   The ``legacy`` backend is removed in 3.0.
"""

# --- python -m build: setuptools auto-discovery refuses a flat layout with several packages
_BD_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "acme-billing"
version = "1.8.0"
requires-python = ">=3.10"
dependencies = []
"""

# --- gunicorn: the app module hits a circular import in both workers
_GU_APP = """\
from models import Invoice


def app(environ, start_response):
    body = f"{Invoice.__name__} service ok\\n".encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
"""
_GU_MODELS = """\
from db import session


class Invoice:
    table = "invoices"

    @classmethod
    def all(cls):
        return session.query(cls.table)
"""
_GU_DB = """\
from models import Invoice


class _Session:
    def query(self, table):
        return []


session = _Session()
REGISTERED = [Invoice]
"""

# --- Robot Framework: two failing tests out of six
_RB_SUITE = """\
*** Settings ***
Documentation     Checkout rules for the basket service.
Library           Collections
Library           String

*** Variables ***
${VAT}            0.21

*** Test Cases ***
Empty Basket Has Zero Total
    ${items}=    Create List
    ${total}=    Basket Total    ${items}
    Should Be Equal As Numbers    ${total}    0

Single Item Total Includes VAT
    ${items}=    Create List    100
    ${total}=    Basket Total    ${items}
    Should Be Equal As Numbers    ${total}    121

Discount Code Is Case Insensitive
    ${code}=    Convert To Upper Case    spring24
    Should Be Equal    ${code}    SPRING24

Free Shipping Above Fifty
    ${items}=    Create List    20    20    15
    ${total}=    Basket Total    ${items}
    Should Be True    ${total} > 50

Coupon Cannot Make Total Negative
    ${items}=    Create List    10
    ${total}=    Basket Total    ${items}
    ${after}=    Evaluate    ${total} - 20
    Should Be True    ${after} >= 0    msg=Total after coupon went negative: ${after}

Currency Is Rendered With Two Decimals
    ${text}=    Format Price    7.5
    Should Be Equal    ${text}    EUR 7.50

*** Keywords ***
Basket Total
    [Arguments]    ${items}
    ${sum}=    Evaluate    sum(int(i) for i in $items)
    ${total}=    Evaluate    round(${sum} * (1 + ${VAT}), 2)
    RETURN    ${total}

Format Price
    [Arguments]    ${amount}
    ${text}=    Evaluate    "EUR %.1f" % ${amount}
    RETURN    ${text}
"""

# --- uv pip compile: an impossible pin
_UV_IN = """\
# web app runtime dependencies
flask==3.0.3
werkzeug==2.3.8
gunicorn>=22
"""

# --- codespell: typos in code and docs
_CS_PY = """\
def recieve(queue, timeout=5):
    \"\"\"Block until a message arrives or the timout expires.\"\"\"
    return queue.get(timeout=timeout)


def send(queue, message):
    queue.put(message)
"""
_CS_MD = """\
# Broker

The broker forwards messages between services. It is seperate from the
scheduler and can be deployed independantly.

## Configuration

Set `BROKER_URL`; the default is `amqp://localhost`.
"""
_CS_UTIL = """\
def backoff(attempt):
    return min(2 ** attempt, 60)
"""

# --- ansible-playbook: undefined variable in a template
_AN_INV = "[local]\nlocalhost ansible_connection=local ansible_python_interpreter=/work/scratch/h7venv/bin/python\n"
_AN_PLAY = """\
- name: Render service configuration
  hosts: local
  gather_facts: false
  vars:
    app_name: billing
    app_env: staging
    out_dir: "{{ playbook_dir }}/out"
  tasks:
    - name: Create output directory
      ansible.builtin.file:
        path: "{{ out_dir }}"
        state: directory
        mode: "0755"

    - name: Render environment file
      ansible.builtin.copy:
        dest: "{{ out_dir }}/{{ app_name }}.env"
        content: "APP_ENV={{ app_env }}\\n"
        mode: "0644"

    - name: Render systemd unit
      ansible.builtin.template:
        src: templates/app.service.j2
        dest: "{{ out_dir }}/{{ app_name }}.service"
        mode: "0644"

    - name: Render nginx site
      ansible.builtin.template:
        src: templates/site.conf.j2
        dest: "{{ out_dir }}/{{ app_name }}.conf"
        mode: "0644"
"""
_AN_UNIT = """\
[Unit]
Description={{ app_name }} ({{ app_env }})

[Service]
ExecStart=/opt/{{ app_name }}/bin/server --port {{ app_port }}
Restart=on-failure
"""
_AN_SITE = "server {\n  listen 80;\n  server_name {{ app_name }}.example.com;\n}\n"

# --- python: RLIMIT_FSIZE (ulimit -f) makes a write fail with EFBIG
_FS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
# keep runaway exports from filling the agent's disk
ulimit -f 4096
python tools/export_events.py out/events.csv
"""
_FS_EXPORT = """\
import csv
import random
import sys

TABLES = ["accounts", "sessions", "clicks", "orders"]


def rows(table, n):
    rnd = random.Random(table)
    for i in range(n):
        yield [table, i, rnd.randrange(10**9), "x" * rnd.randrange(40, 120)]


def export(path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        for table in TABLES:
            n = 15000
            for row in rows(table, n):
                w.writerow(row)
            print(f"exported {n} rows from {table}", flush=True)


if __name__ == "__main__":
    export(sys.argv[1])
"""


def register(case):
    case(
        name="pytest-strict-markers-unregistered-mark",
        tool="pytest",
        category="config",
        label=":pytest: Unit tests",
        repo="rowtools",
        tty=True,
        command="pytest --color=yes -p no:cacheprovider tests/",
        files={"pytest.ini": _SM_INI, "rows.py": _SM_LIB, "tests/test_rows.py": _SM_T1,
               "tests/test_merge.py": _SM_T2},
        keys=["'integration' not found in `markers` configuration option", "ERROR collecting tests/test_merge.py"],
        cause=[has("ERROR collecting tests/test_merge.py"), has("'integration' not found in `markers`"),
               has("Interrupted: 1 error during collection")],
        exit_status=2,
    )
    case(
        name="sphinx-build-warnings-treated-as-errors",
        tool="sphinx",
        category="lint",
        ci="github",
        repo="widgets",
        tty=False,
        command="sphinx-build -W --keep-going -b html docs docs/_build/html",
        files={"docs/conf.py": _SP_CONF, "docs/index.rst": _SP_INDEX, "docs/usage.rst": _SP_USAGE,
               "docs/api.rst": _SP_API},
        keys=["toctree contains reference to nonexisting document 'changelog'", "undefined label: 'install-guide'",
              "unknown document: 'configuration'"],
        cause=[has("WARNING:"), has("build finished with problems")],
        exit_status=1,
    )
    case(
        name="python-build-flat-layout-multiple-packages",
        tool="setuptools",
        category="config",
        label=":package: Build sdist and wheel",
        repo="acme-billing",
        tty=False,
        command="python -m build",
        files={"pyproject.toml": _BD_PYPROJECT, "acme_billing/__init__.py": "__version__ = '1.8.0'\n",
               "acme_billing/invoice.py": "def total(lines):\n    return sum(lines)\n",
               "migrations/__init__.py": "", "migrations/0001_initial.py": "STEPS = []\n",
               "README.md": "# acme-billing\n"},
        keys=["Multiple top-level packages discovered in a flat-layout: ['migrations', 'acme_billing']"],
        cause=[has("error: Multiple top-level packages discovered in a flat-layout"),
               has("ERROR Backend subprocess exited when trying to invoke")],
        exit_status=1,
    )
    case(
        name="gunicorn-worker-failed-to-boot-circular-import",
        tool="gunicorn",
        category="runtime",
        label=":rocket: Smoke test (gunicorn)",
        repo="invoices-svc",
        tty=False,
        command="gunicorn --workers 2 --bind 127.0.0.1:18457 app:app",
        files={"app.py": _GU_APP, "models.py": _GU_MODELS, "db.py": _GU_DB},
        keys=["ImportError: cannot import name 'Invoice' from partially initialized module 'models'",
              "Worker failed to boot."],
        cause=[has("Exception in worker process"), has('/app.py", line 1, in <module>'),
               has('/models.py", line 1, in <module>'), has('/db.py", line 1, in <module>'),
               has("cannot import name 'Invoice' from partially initialized module"),
               last("gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>")],
        exit_status=1,
    )
    case(
        name="robot-two-failed-checkout-tests",
        tool="robot",
        category="test",
        ci="gitlab",
        repo="basket-acceptance",
        tty=True,
        command="robot --console-colors on --outputdir results tests/",
        files={"tests/checkout.robot": _RB_SUITE},
        keys=["Coupon Cannot Make Total Negative", "Total after coupon went negative", "Currency Is Rendered With Two Decimals",
              "EUR 7.5 != EUR 7.50", "6 tests, 4 passed, 2 failed"],
        cause=[has(r"^(Coupon Cannot|Currency Is Rendered).*\| FAIL \|", rx=True),
               has("Total after coupon went negative"), has("EUR 7.5 != EUR 7.50"),
               has("6 tests, 4 passed, 2 failed")],
        exit_status=2,
    )
    case(
        name="uv-pip-compile-no-solution-werkzeug",
        tool="uv",
        category="dependency",
        label=":package: Lock requirements",
        repo="webapp",
        tty=True,
        command="uv pip compile requirements.in -o requirements.txt",
        files={"requirements.in": _UV_IN},
        keys=["No solution found when resolving dependencies", "flask==3.0.3 depends on werkzeug>=3.0.0",
              "werkzeug==2.3.8"],
        cause=[has("No solution found when resolving dependencies"), has("Because"), has(r"^\s+werkzeug>=3\.0\.0\.$", rx=True),
               has("unsatisfiable")],
        exit_status=1,
    )
    case(
        name="codespell-four-typos",
        tool="codespell",
        category="lint",
        ci="travis",
        repo="broker",
        tty=False,
        command="codespell src docs",
        files={"src/broker/queue.py": _CS_PY, "src/broker/util.py": _CS_UTIL, "docs/index.md": _CS_MD},
        keys=["recieve ==> receive", "timout ==> timeout", "seperate ==> separate", "independantly ==> independently"],
        cause=[has(" ==> ")],
        exit_status=65,
    )
    case(
        name="ansible-template-undefined-variable",
        tool="ansible",
        category="config",
        label=":ansible: Render config",
        repo="deploy",
        tty=True,
        command="ansible-playbook -i inventory.ini site.yml",
        env={"ANSIBLE_FORCE_COLOR": "1", "ANSIBLE_NOCOWS": "1"},
        files={"inventory.ini": _AN_INV, "site.yml": _AN_PLAY, "templates/app.service.j2": _AN_UNIT,
               "templates/site.conf.j2": _AN_SITE},
        keys=["TASK [Render systemd unit]", "'app_port' is undefined", "failed=1"],
        cause=[has("TASK [Render systemd unit]"), has("'app_port' is undefined"), has("Origin: "),
               has(r"^localhost\s+:.*failed=1", rx=True)],
        exit_status=2,
    )
    case(
        name="python-efbig-ulimit-file-size",
        tool="python",
        category="resource",
        ci="gitlab",
        repo="events-export",
        tty=False,
        command="./ci/export.sh",
        setup="mkdir -p out",
        files={"ci/export.sh": _FS_SCRIPT, "tools/export_events.py": _FS_EXPORT},
        keys=["OSError: [Errno 27] File too large"],
        cause=[has('tools/export_events.py", line'), has("OSError: [Errno 27] File too large"),
               has("w.writerow(row)"), has('with open(path, "w", newline="") as f:')],
        exit_status=1,
    )
