"""Python-tool cases for the seventh held-out corpus (real tools from /work/scratch/h6venv:
pytest, alembic + SQLAlchemy, requests/urllib3, pip; the interpreter itself)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pytest: two xfail(strict=True) tests that now pass, among passing tests
_XP_TESTS = """\
import pytest

from units import to_celsius, to_fahrenheit, parse_temp


@pytest.mark.parametrize("f", range(-40, 120, 4))
def test_round_trip(f):
    assert round(to_fahrenheit(to_celsius(f)), 6) == f


@pytest.mark.xfail(strict=True, reason="kelvin parsing not implemented (#412)")
def test_parse_kelvin():
    assert parse_temp("300K") == pytest.approx(26.85)


def test_parse_celsius():
    assert parse_temp("21C") == 21


@pytest.mark.xfail(strict=True, reason="negative zero rounds to -0.0 (#398)")
def test_negative_zero():
    assert str(to_celsius(32)) == "0.0"
"""
_XP_UNITS = """\
def to_celsius(f):
    return (f - 32) * 5 / 9


def to_fahrenheit(c):
    return c * 9 / 5 + 32


def parse_temp(text):
    value, unit = float(text[:-1]), text[-1].upper()
    if unit == "C":
        return value
    if unit == "F":
        return to_celsius(value)
    if unit == "K":
        return value - 273.15
    raise ValueError(f"unknown unit {unit!r}")
"""

# --- unittest: subTest failures inside one test method
_ST_TESTS = """\
import unittest

from slugify_lite import slugify


class SlugifyTest(unittest.TestCase):
    def test_basic(self):
        self.assertEqual(slugify("Hello World"), "hello-world")

    def test_titles(self):
        cases = {
            "Release 2.0 is out!": "release-2-0-is-out",
            "  trailing spaces  ": "trailing-spaces",
            "Caf\\u00e9 au lait": "cafe-au-lait",
            "C++ & Rust": "c-rust",
            "already-slugged": "already-slugged",
            "Multiple   spaces": "multiple-spaces",
            "--leading dashes": "leading-dashes",
        }
        for title, expected in cases.items():
            with self.subTest(title=title):
                self.assertEqual(slugify(title), expected)

    def test_empty(self):
        self.assertEqual(slugify(""), "")


if __name__ == "__main__":
    unittest.main()
"""
_ST_IMPL = """\
import re


def slugify(text):
    text = text.strip().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text
"""

# --- alembic: two migrations branched from the same parent
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

connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                 poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
"""
_AL_MAKO = """\
\"\"\"${message}\"\"\"
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
"""
_AL_REV = """\
\"\"\"{msg}\"\"\"
from alembic import op
import sqlalchemy as sa

revision = "{rev}"
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade():
    {body}


def downgrade():
    pass
"""

# --- a CSV importer that meets a Latin-1 file after many good ones
_UD_IMPORT = """\
import csv
import pathlib
import sys

total = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    total += len(rows)
    print(f"imported {path.name}: {len(rows)} rows (total {total})", flush=True)
print(f"done: {total} rows")
"""
_UD_SETUP = r"""
mkdir -p data
for i in $(seq -w 1 640); do printf 'sku,name,qty\nA%s,widget %s,%d\nB%s,gadget %s,%d\n' $i $i $((i%7)) $i $i $((i%5)) > data/batch_$i.csv; done
printf 'sku,name,qty\nC001,Cr\xe8me br\xfbl\xe9e,3\n' > data/batch_641.csv
for i in $(seq 642 700); do printf 'sku,name,qty\nD%s,thing,1\n' $i > data/batch_$i.csv; done
"""

# --- requests with urllib3 Retry against an API answering 503
_RT_SERVER = """\
import http.server


class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(503)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Retry-After", "0")
        self.end_headers()
        self.wfile.write(b"upstream unavailable")

    def log_message(self, *a):
        pass


http.server.HTTPServer(("127.0.0.1", 8931), H).serve_forever()
"""
_RT_PUBLISH = """\
import logging
import sys

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("publish")

session = requests.Session()
retry = Retry(total=3, backoff_factor=0.2, status_forcelist=[502, 503, 504], allowed_methods=["POST"])
session.mount("http://", HTTPAdapter(max_retries=retry))

version = sys.argv[1]
log.info("publishing release %s to the release registry", version)
resp = session.post("http://127.0.0.1:8931/v1/releases", json={"version": version}, timeout=5)
resp.raise_for_status()
log.info("published %s", version)
"""

# --- a process pool whose worker dies
_PP_BUILD = """\
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor


def render(page):
    if page == 37:
        # the native renderer takes the worker down
        os.kill(os.getpid(), signal.SIGKILL)
    return page, f"<html>{page}</html>"


def main():
    pages = range(1, 81)
    done = 0
    with ProcessPoolExecutor(max_workers=4) as pool:
        for page, html in pool.map(render, pages, chunksize=4):
            done += 1
            if done % 10 == 0:
                print(f"rendered {done}/80 pages", flush=True)
    print("site built")


if __name__ == "__main__":
    sys.exit(main())
"""


def register(case):
    case(
        name="pytest-xfail-strict-two-xpass",
        tool="pytest",
        category="test",
        label=":pytest: Unit tests",
        repo="thermo",
        command="pytest -rfE --color=yes -p no:cacheprovider tests/",
        files={"units.py": _XP_UNITS, "tests/test_units.py": _XP_TESTS, "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["tests/test_units.py::test_parse_kelvin", "tests/test_units.py::test_negative_zero",
              "[XPASS(strict)] kelvin parsing not implemented (#412)"],
        cause=[has(r"_+ test_(parse_kelvin|negative_zero) _+", rx=True), has("[XPASS(strict)]"),
               has(r"2 failed, \d+ passed", rx=True)],
        exit_status=1,
    )
    case(
        name="unittest-subtest-three-failures",
        tool="unittest",
        category="test",
        ci="gitlab",
        repo="slugify-lite",
        tty=False,
        command="python -m unittest -v test_slugify",
        files={"slugify_lite.py": _ST_IMPL, "test_slugify.py": _ST_TESTS},
        keys=["test_titles (test_slugify.SlugifyTest.test_titles) (title='Release 2.0 is out!')", "FAILED (failures=3)",
              "AssertionError: 'release-2-0-is-out-' != 'release-2-0-is-out'"],
        cause=[
            has(r"^FAIL: test_titles", rx=True),
            has(r'test_slugify.py", line \d+, in test_titles', rx=True),
            has("self.assertEqual(slugify(title), expected)"),
            has(r"^AssertionError: ", rx=True),
            has(r"^[-+] ", rx=True),
            has("FAILED (failures=3)"),
        ],
        exit_status=1,
    )
    revs = {
        "migrations/script.py.mako": _AL_MAKO,
        "migrations/env.py": _AL_ENV,
        "migrations/versions/a1c0_create_accounts.py": _AL_REV.format(
            msg="create accounts", rev="a1c04e2b7f10", down="None",
            body='op.create_table("accounts", sa.Column("id", sa.Integer, primary_key=True), sa.Column("email", sa.String(200)))'),
        "migrations/versions/b7e2_add_invoices.py": _AL_REV.format(
            msg="add invoices", rev="b7e2d91c3a55", down='"a1c04e2b7f10"',
            body='op.create_table("invoices", sa.Column("id", sa.Integer, primary_key=True), sa.Column("total", sa.Numeric))'),
        "migrations/versions/c93f_add_account_status.py": _AL_REV.format(
            msg="add account status", rev="c93f0a6e1d42", down='"a1c04e2b7f10"',
            body='op.add_column("accounts", sa.Column("status", sa.String(20)))'),
        "alembic.ini": _AL_INI,
    }
    case(
        name="alembic-upgrade-multiple-heads",
        tool="alembic",
        category="config",
        label=":database: Migrate",
        repo="billing-db",
        tty=False,
        command="alembic upgrade head",
        files=revs,
        keys=["Multiple head revisions are present for given argument 'head'"],
        cause=[has("Multiple head revisions are present for given argument")],
    )
    case(
        name="python-unicodedecodeerror-after-640-files",
        tool="python",
        category="runtime",
        label=":python: Import catalogue",
        repo="catalogue",
        tty=False,
        command="python tools/import_csv.py data",
        setup=_UD_SETUP,
        files={"tools/import_csv.py": _UD_IMPORT},
        keys=["UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe8", 'tools/import_csv.py", line 8'],
        cause=[has('tools/import_csv.py", line 8, in <module>'), has("rows = list(csv.DictReader(f))"),
               has("UnicodeDecodeError: 'utf-8' codec")],
        exit_status=1,
    )
    case(
        name="requests-retry-exhausted-503",
        tool="python",
        category="infrastructure",
        ci="github",
        repo="release-bot",
        tty=False,
        command="python scripts/publish.py 3.4.1",
        run="python tests/fake_registry.py >/dev/null 2>&1 & srv=$!; sleep 1; python scripts/publish.py 3.4.1; s=$?; kill $srv; exit $s",
        files={"tests/fake_registry.py": _RT_SERVER, "scripts/publish.py": _RT_PUBLISH},
        keys=["too many 503 error responses", "Max retries exceeded with url: /v1/releases"],
        cause=[has(r"^(requests|urllib3).exceptions.(RetryError|MaxRetryError|ResponseError): ", rx=True),
               has('scripts/publish.py", line 17, in <module>'),
               has("resp = session.post(")],
        exit_status=1,
    )
    case(
        name="pip-requires-python-no-matching-django",
        tool="pip",
        category="dependency",
        ci="travis",
        repo="cms",
        tty=False,
        command="pip install -r requirements.txt",
        files={"requirements.txt": "requests>=2.31\ndjango==6.0\n"},
        keys=["django==6.0", "6.0 Requires-Python >=3.12", "No matching distribution found for django==6.0"],
        cause=[has("ERROR: Ignored the following versions that require a different python version"),
               has("ERROR: Could not find a version that satisfies the requirement django==6.0"),
               has("ERROR: No matching distribution found for django==6.0")],
        exit_status=1,
    )
    case(
        name="python-brokenprocesspool-sigkill-worker",
        tool="python",
        category="crash",
        label=":python: Build static site",
        repo="docs-site",
        tty=False,
        post_hook=True,
        command="python build_site.py",
        files={"build_site.py": _PP_BUILD},
        keys=["BrokenProcessPool", "A process in the process pool was terminated abruptly"],
        cause=[has('build_site.py", line 18, in main'), has("for page, html in pool.map("),
               has("concurrent.futures.process.BrokenProcessPool: A process in the process pool was terminated abruptly")],
        exit_status=1,
    )
