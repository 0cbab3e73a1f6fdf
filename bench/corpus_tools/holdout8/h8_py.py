"""Python-tool cases for the ninth held-out corpus (real tools from /work/scratch/h8venv: pytest,
mkdocs, build + twine, Django, nox, poetry; the interpreter itself)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest: a session-scoped fixture asks for a function-scoped one
_SM_CONFTEST = """\
import pytest

from shop.app import make_app


@pytest.fixture
def tmp_db(tmp_path):
    path = tmp_path / "shop.sqlite"
    path.write_text("")
    return path


@pytest.fixture(scope="session")
def app(tmp_db):
    return make_app(database=str(tmp_db))
"""
_SM_APP = """\
class App:
    def __init__(self, database):
        self.database = database
        self.routes = {"/health": lambda: "ok", "/cart": lambda: []}

    def get(self, path):
        return self.routes[path]()


def make_app(database):
    return App(database)
"""
_SM_UTIL = """\
def cents(amount):
    return round(amount * 100)


def money(c):
    return f"{c // 100}.{c % 100:02d}"
"""
_SM_T_UTIL = """\
import pytest

from shop.util import cents, money


@pytest.mark.parametrize("amount,expected", [(0, 0), (1, 100), (1.5, 150), (19.99, 1999), (0.1, 10), (2.675, 268)])
def test_cents(amount, expected):
    assert cents(amount) == expected


@pytest.mark.parametrize("c,text", [(0, "0.00"), (5, "0.05"), (1999, "19.99"), (100000, "1000.00")])
def test_money(c, text):
    assert money(c) == text
"""
_SM_T_API = """\
def test_health(app):
    assert app.get("/health") == "ok"


def test_empty_cart(app):
    assert app.get("/cart") == []
"""

# --- mkdocs build --strict: a broken link and a nav entry without a file
_MK_YML = """\
site_name: Widgets
site_url: https://docs.example.com/widgets/
nav:
  - Home: index.md
  - Guide:
      - Getting started: guide/start.md
      - Configuration: guide/config.md
  - Reference:
      - CLI: reference/cli.md
"""
_MK_INDEX = """\
# Widgets

Widgets turns CSV exports into dashboards.

- [Getting started](guide/start.md)
- [Configuration](guide/config.md)
- [Upgrading from 1.x](guide/upgrade.md)
"""
_MK_START = """\
# Getting started

Install with `pip install widgets`, then run `widgets build data.csv`.

See [configuration](config.md#themes) for themes.
"""
_MK_CONFIG = """\
# Configuration

## Themes

`light` (default) or `dark`.

## Output

Files go to `out/`.
"""

# --- build + twine check: README.rst that PyPI would not render
_TW_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "acme-geofence"
version = "0.9.2"
description = "Point-in-polygon checks for delivery zones"
readme = "README.rst"
requires-python = ">=3.10"

[tool.setuptools]
packages = ["geofence"]
"""
_TW_README = """\
acme-geofence
=============

Point-in-polygon checks for delivery zones.

Usage
-----

.. code-block:: python

   from geofence import inside
   inside((52.52, 13.40), zone)

See the `changelog`_ and the `zone format`_ for details.

.. _changelog: https://example.com/geofence/changelog
"""
_TW_INIT = """\
def inside(point, polygon):
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit
"""
_TW_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
rm -rf dist
python -m build
twine check --strict dist/*
"""

# --- Django system checks: three errors (and a warning that is not the cause)
_DJ_MANAGE = """\
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
"""
_DJ_SETTINGS = """\
SECRET_KEY = "ci-only-not-secret"
DEBUG = True
ALLOWED_HOSTS = []
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "shop",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
USE_TZ = True
"""
_DJ_MODELS = """\
from django.db import models


class Address(models.Model):
    street = models.CharField(max_length=200)
    city = models.CharField(max_length=100)


class Order(models.Model):
    number = models.CharField()
    billing_address = models.ForeignKey(Address, on_delete=models.PROTECT)
    shipping_address = models.ForeignKey(Address, on_delete=models.PROTECT)
    placed_at = models.DateTimeField(auto_now_add=True)
"""

# --- python urllib against a self-signed HTTPS endpoint
_SSL_SETUP = """\
openssl req -x509 -newkey rsa:2048 -nodes -keyout /work/scratch/h8/ssl-key.pem -out /work/scratch/h8/ssl-cert.pem \
  -days 30 -subj "/CN=localhost" >/dev/null 2>&1
"""
_SSL_SERVER = """\
import http.server
import ssl

httpd = http.server.HTTPServer(("127.0.0.1", 18461), http.server.SimpleHTTPRequestHandler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("/work/scratch/h8/ssl-cert.pem", "/work/scratch/h8/ssl-key.pem")
httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
httpd.serve_forever()
"""
_SSL_FETCH = """\
import json
import sys
import urllib.request


def fetch_manifest(url):
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.load(resp)


def main():
    url = sys.argv[1]
    print(f"fetching release manifest from {url}")
    manifest = fetch_manifest(url)
    for name, digest in manifest["artifacts"].items():
        print(f"  {name}: {digest}")


if __name__ == "__main__":
    main()
"""
_SSL_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "starting artifact mirror on 127.0.0.1:18461"
python ci/mirror.py >/dev/null 2>&1 &
trap 'kill $!' EXIT
sleep 1
echo '{"artifacts": {}}' > manifest.json
python scripts/fetch_manifest.py https://localhost:18461/manifest.json
"""

# --- nox: lint session passes, tests session fails
_NX_NOXFILE = """\
import nox


@nox.session(python=False)
def lint(session):
    session.run("python", "-m", "compileall", "-q", "src")


@nox.session(python=False)
def tests(session):
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
"""
_NX_SRC = """\
def slugify(title):
    return "-".join(title.lower().split())
"""
_NX_TEST = """\
import sys

sys.path.insert(0, "src")
from slug import slugify


def test_simple():
    assert slugify("Hello World") == "hello-world"


def test_punctuation():
    assert slugify("Release 2.0: Faster!") == "release-2-0-faster"


def test_spaces():
    assert slugify("  many   spaces ") == "many-spaces"
"""

# --- poetry install: pyproject changed after the lock file was written
_PO_PYPROJECT = """\
[tool.poetry]
name = "acme-notifier"
version = "0.4.0"
description = "Sends release notifications"
authors = ["ACME <dev@example.com>"]
package-mode = false

[tool.poetry.dependencies]
python = "^3.10"

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
"""


def register(case):
    case(
        name="pytest-scopemismatch-session-fixture",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="shop",
        command="pytest --color=yes -p no:cacheprovider",
        files={"pytest.ini": "[pytest]\npythonpath = src\ntestpaths = tests\n", "tests/conftest.py": _SM_CONFTEST,
               "src/shop/__init__.py": "", "src/shop/app.py": _SM_APP, "src/shop/util.py": _SM_UTIL,
               "tests/test_util.py": _SM_T_UTIL, "tests/test_api.py": _SM_T_API},
        keys=["ScopeMismatch: You tried to access the function scoped fixture tmp_db with a session scoped request object",
              "tests/conftest.py:13:  def app(tmp_db)", "10 passed, 2 errors"],
        cause=[has("ERROR at setup of"), has("ScopeMismatch: You tried to access"), has("tests/conftest.py:13:  def app(tmp_db)"),
               has("tests/conftest.py:6:  def tmp_db(tmp_path)"), has("10 passed, 2 errors")],
        exit_status=1,
    )
    case(
        name="mkdocs-strict-missing-nav-file-and-link",
        tool="mkdocs",
        category="lint",
        ci="github",
        repo="widgets",
        tty=False,
        command="mkdocs build --strict",
        files={"mkdocs.yml": _MK_YML, "docs/index.md": _MK_INDEX, "docs/guide/start.md": _MK_START,
               "docs/guide/config.md": _MK_CONFIG},
        keys=["A reference to 'reference/cli.md' is included in the 'nav' configuration",
              "Doc file 'index.md' contains a link 'guide/upgrade.md', but the target is not found",
              "Aborted with 2 warnings in strict mode!"],
        cause=[has("WARNING -  "), has("Aborted with 2 warnings in strict mode!")],
        exit_status=1,
    )
    case(
        name="twine-check-strict-readme-unknown-target",
        tool="twine",
        category="lint",
        label=":package: Build distributions",
        repo="geofence",
        tty=False,
        command="./ci/build-dist.sh",
        files={"pyproject.toml": _TW_PYPROJECT, "README.rst": _TW_README, "geofence/__init__.py": _TW_INIT,
               "ci/build-dist.sh": _TW_SCRIPT},
        keys=["`long_description` has syntax errors in markup", 'line 14: Error: Unknown target name: "zone format".'],
        cause=[has(": FAILED"), has("`long_description` has syntax errors in markup"), has("rendered on PyPI."),
               has('Unknown target name: "zone format"')],
        exit_status=1,
    )
    case(
        name="django-check-reverse-accessor-clash-with-warnings",
        tool="django",
        category="config",
        ci="gitlab",
        repo="shop",
        tty=False,
        command="python manage.py check",
        files={"manage.py": _DJ_MANAGE, "config/__init__.py": "", "config/settings.py": _DJ_SETTINGS,
               "shop/__init__.py": "", "shop/models.py": _DJ_MODELS},
        keys=["SystemCheckError: System check identified some issues", "(fields.E304) Reverse accessor 'Address.order_set'",
              "shop.Order.billing_address", "shop.Order.shipping_address"],
        cause=[has("SystemCheckError:"), has("(fields.E304)"), has("HINT: Add or change a related_name"),
               has("System check identified 4 issues")],
        exit_status=1,
    )
    case(
        name="python-urlopen-self-signed-certificate",
        tool="python",
        category="infrastructure",
        label=":lock: Fetch release manifest",
        repo="release-tools",
        tty=False,
        command="./ci/fetch.sh",
        setup=_SSL_SETUP,
        files={"ci/fetch.sh": _SSL_SCRIPT, "ci/mirror.py": _SSL_SERVER, "scripts/fetch_manifest.py": _SSL_FETCH},
        keys=["[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate",
              "urllib.error.URLError", "https://localhost:18461/manifest.json"],
        cause=[has("fetching release manifest from"), has("ssl.SSLCertVerificationError:"),
               has("scripts/fetch_manifest.py\", line"), has("manifest = fetch_manifest(url)"),
               has("with urllib.request.urlopen(url, timeout=10) as resp:"), has("urllib.error.URLError:")],
        exit_status=1,
    )
    case(
        name="nox-tests-session-failed-after-lint",
        tool="nox",
        category="test",
        label=":snake: nox",
        repo="slugs",
        command="nox --non-interactive",
        files={"noxfile.py": _NX_NOXFILE, "src/slug.py": _NX_SRC, "tests/test_slug.py": _NX_TEST},
        keys=["test_punctuation", "assert 'release-2.0:-faster!' == 'release-2-0-faster'", "nox > Session tests failed."],
        cause=[has("_ test_punctuation _", rx=False), has(">       assert slugify"), has("E       AssertionError:"),
               has("tests/test_slug.py:12: AssertionError"), has("FAILED tests/test_slug.py::test_punctuation"),
               has("1 failed, 2 passed"), has("failed with exit code 1"), has("nox > Session tests failed."),
               has("nox > * tests: failed")],
        exit_status=1,
    )
    case(
        name="poetry-install-lock-file-out-of-date",
        tool="poetry",
        category="dependency",
        ci="github",
        repo="notifier",
        tty=False,
        command="poetry install --no-root",
        setup=("poetry lock >/dev/null && "
               "sed -i 's/^python = \"^3.10\"$/&\\nhttpx = \"^0.27\"/' pyproject.toml"),
        env={"POETRY_CACHE_DIR": "/work/scratch/h8/poetry-cache", "POETRY_VIRTUALENVS_CREATE": "false",
             "POETRY_NO_INTERACTION": "1"},
        files={"pyproject.toml": _PO_PYPROJECT},
        keys=["pyproject.toml changed significantly since poetry.lock was last generated", "Run `poetry lock` to fix the lock file."],
        cause=[has("pyproject.toml changed significantly")],
        exit_status=1,
    )
