"""Python-tool cases for the sixth held-out corpus (real tools from /work/scratch/h5venv: pytest 9.2
+ pytest-rerunfailures, pydantic-settings, behave, ansible-core, pip; pyright from
/work/scratch/h5/npm)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- pyright: type errors in a small package
_PR_CFG = """\
{
  "include": ["inventory"],
  "pythonVersion": "3.11",
  "typeCheckingMode": "standard"
}
"""
_PR_MODELS = """\
from dataclasses import dataclass
from typing import Optional


@dataclass
class Item:
    sku: str
    qty: int
    location: Optional[str] = None


def parse(line: str) -> Item:
    sku, qty, *rest = line.split(",")
    return Item(sku=sku, qty=qty, location=rest[0] if rest else None)
"""
_PR_STOCK = """\
from inventory.models import Item, parse


def total(items: list[Item]) -> int:
    return sum(i.qty for i in items)


def shelf(item: Item) -> str:
    return item.location.upper()


def load(path: str) -> list[Item]:
    with open(path) as f:
        return [parse(line) for line in f if line.strip()]


def report(path: str) -> str:
    items = load(path)
    return "total: " + total(items)


def restock(item: Item, n: int) -> Item:
    return item.replace(qty=item.qty + n)
"""

# --- pydantic-settings: the service refuses to boot with three invalid settings
_PD_SETTINGS = """\
from pydantic import AnyHttpUrl, Field, PositiveInt
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_")

    database_url: str
    payments_api: AnyHttpUrl
    worker_count: PositiveInt = 4
    request_timeout_s: float = Field(10.0, gt=0, le=60)
    feature_flags: list[str] = []
"""
_PD_MAIN = """\
import logging

from billing.settings import Settings

log = logging.getLogger("billing")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    log.info("starting billing worker")
    settings = Settings()
    log.info("settings loaded: %d workers", settings.worker_count)


if __name__ == "__main__":
    main()
"""

# --- behave: one failing assertion step and one undefined step
_BH_FEATURE = """\
Feature: Shopping cart totals

  Scenario: Empty cart
    Given an empty cart
    Then the total is 0.00

  Scenario: Two items
    Given an empty cart
    When I add 2 of "apple" at 0.50
    And I add 1 of "apple" at 0.50
    And I add 1 of "bread" at 2.20
    Then the total is 3.70

  Scenario: Discount code
    Given an empty cart
    When I add 4 of "apple" at 0.50
    And I apply the code "SPRING10"
    Then the total is 1.80

  Scenario: Remove an item
    Given an empty cart
    When I add 1 of "milk" at 1.10
    And I remove "milk"
    Then the total is 0.00
"""
_BH_STEPS = """\
from decimal import Decimal

from behave import given, then, when


@given("an empty cart")
def empty(context):
    context.cart = {}


@when('I add {n:d} of "{name}" at {price}')
def add(context, n, name, price):
    context.cart[name] = (n, Decimal(price))


@when('I apply the code "{code}"')
def discount(context, code):
    context.discount = Decimal("0.1") if code.startswith("SPRING") else Decimal(0)


@then("the total is {expected}")
def total(context, expected):
    got = sum(n * p for n, p in context.cart.values())
    got -= got * getattr(context, "discount", 0)
    assert got == Decimal(expected), f"cart total {got} != {expected}"
"""

# --- pytest with reruns: 400 passing cases, one flaky test recovered, one that fails every rerun
_RR_TESTS = """\
import pathlib

import pytest

from pricing import round_price, tier


@pytest.mark.parametrize("cents", range(400))
def test_round_price_is_idempotent(cents):
    assert round_price(round_price(cents / 100)) == round_price(cents / 100)


def test_quote_service_eventually_answers():
    marker = pathlib.Path(".quote-service-warm")
    if not marker.exists():
        marker.write_text("1")
        raise ConnectionResetError("quote service reset the connection")


@pytest.mark.parametrize("qty,expected", [(1, "retail"), (50, "bulk"), (500, "wholesale")])
def test_tier(qty, expected):
    assert tier(qty) == expected
"""
_RR_PRICING = """\
def round_price(x):
    return round(x * 20) / 20


def tier(qty):
    if qty >= 1000:
        return "wholesale"
    if qty >= 50:
        return "bulk"
    return "retail"
"""

# --- faulthandler: a deadlock, dumped and killed by dump_traceback_later
_DL_MAIN = """\
import faulthandler
import threading
import time

faulthandler.dump_traceback_later(5, exit=True)

accounts = threading.Lock()
ledger = threading.Lock()


def transfer():
    with accounts:
        time.sleep(0.1)
        with ledger:
            print("transfer booked")


def audit():
    with ledger:
        time.sleep(0.1)
        with accounts:
            print("audit done")


print("reconciling 2 queues ...", flush=True)
workers = [threading.Thread(target=transfer, name="transfer"), threading.Thread(target=audit, name="audit")]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("reconciled")
"""

# --- too many open files under the job's descriptor limit
_FD_SCRIPT = """\
#!/bin/bash
set -e
ulimit -n 256
echo "open file limit: $(ulimit -n)"
python3 tools/checksum_all.py assets
"""
_FD_TOOL = """\
import hashlib
import pathlib
import sys

handles = []
root = pathlib.Path(sys.argv[1])
for n, path in enumerate(sorted(root.rglob("*.bin"))):
    f = open(path, "rb")
    handles.append(f)
    digest = hashlib.sha256(f.read()).hexdigest()
    if n % 50 == 0:
        print(f"{n:5d} {path} {digest[:12]}", flush=True)
print(f"checked {len(handles)} files")
"""

# --- pip: pyproject.toml that setuptools rejects
_PP_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "acme-tools"
version = "0.9.1"
requires-python = ">=3.9"
dependencies = "requests>=2.31"

[project.scripts]
acme-sync = "acme_tools.sync:main"
"""

# --- ansible: a command task fails on localhost
_AN_PLAY = """\
- name: Prepare release on the build host
  hosts: localhost
  connection: local
  gather_facts: false
  vars:
    release: "2.8.0"
  tasks:
    - name: Create work dirs
      ansible.builtin.file:
        path: "build/{{ item }}"
        state: directory
      loop: [dist, logs]

    - name: Write release marker
      ansible.builtin.copy:
        dest: build/dist/RELEASE
        content: "{{ release }}\\n"

    - name: Run schema migration check
      ansible.builtin.command: ./scripts/check_migrations.sh {{ release }}
      changed_when: false

    - name: Package
      ansible.builtin.command: tar czf build/app.tgz build/dist
"""
_AN_CHECK = """\
#!/bin/bash
echo "checking migrations for $1"
echo "migration 0042_add_invoice_index: pending"
echo "error: 1 migration(s) not applied to staging; refusing to release $1" >&2
exit 3
"""


def register(case):
    case(
        name="pyright-four-errors",
        tool="pyright",
        category="lint",
        label=":python: pyright",
        repo="inventory",
        tty=False,
        command="pyright",
        files={"pyrightconfig.json": _PR_CFG, "inventory/__init__.py": "", "inventory/models.py": _PR_MODELS,
               "inventory/stock.py": _PR_STOCK},
        keys=["inventory/models.py:14:30", 'reportArgumentType', 'reportOptionalMemberAccess',
              'Cannot access attribute "replace" for class "Item"', "4 errors, 0 warnings"],
        cause=[has(r"^\s+/.*\.py:\d+:\d+ - error: ", rx=True), has(r"^\s{4}\S", rx=True), has(r"^\d+ errors?, ", rx=True)],
        exit_status=1,
    )
    case(
        name="pydantic-settings-three-validation-errors",
        tool="pydantic",
        category="config",
        label=":python: Boot billing worker",
        repo="billing",
        tty=False,
        command="python -m billing.main",
        env={"BILLING_PAYMENTS_API": "payments.internal:8443", "BILLING_WORKER_COUNT": "0"},
        files={"billing/__init__.py": "", "billing/settings.py": _PD_SETTINGS, "billing/main.py": _PD_MAIN},
        keys=["3 validation errors for Settings", "database_url", "payments_api", "worker_count"],
        cause=[
            has('billing/main.py", line 11, in main'),
            has("settings = Settings()"),
            has("pydantic_core._pydantic_core.ValidationError: 3 validation errors for Settings"),
            has(r"^(database_url|payments_api|worker_count)$", rx=True),
            has(r"^  (Field required|URL scheme should be|Input should be greater than 0)", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="behave-failed-and-undefined-steps",
        tool="behave",
        category="test",
        ci="gitlab",
        repo="cart",
        tty=False,
        command="behave --no-color --no-capture features/",
        files={"features/cart.feature": _BH_FEATURE, "features/steps/cart_steps.py": _BH_STEPS},
        keys=["ASSERT FAILED: cart total 2.70 != 3.70", 'And I remove "milk"', "features/cart.feature:7  Two items",
              "features/cart.feature:20  Remove an item"],
        cause=[
            has(r"Then the total is 3.70\s+# features/steps", rx=True),
            has("ASSERT FAILED: cart total 2.70 != 3.70"),
            has(r'And I remove "milk"\s+# None', rx=True),
            has("You can implement step definitions for undefined steps"),
            has("Failing scenarios:"),
            has("features/cart.feature:7  Two items"),
            has("Errored scenarios:"),
            has("features/cart.feature:20  Remove an item"),
            has(r"^\d+ (features|scenarios|steps) passed, \d+ failed", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="pytest-reruns-400-passing-one-fails",
        tool="pytest",
        category="test",
        label=":pytest: Tests (with reruns)",
        repo="pricing",
        command="pytest -v --color=yes --reruns 2 -ra -p no:cacheprovider tests/",
        files={"pricing.py": _RR_PRICING, "tests/test_pricing.py": _RR_TESTS, "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["FAILED tests/test_pricing.py::test_tier[500-wholesale]", "AssertionError: assert 'bulk' == 'wholesale'"],
        cause=[
            has("tests/test_pricing.py::test_tier[500-wholesale] FAILED"),
            has(r"_+ test_tier\[500-wholesale\] _+", rx=True),
            has(r"^>\s+assert tier\(qty\) == expected", rx=True),
            has("E       AssertionError: assert 'bulk' == 'wholesale'"),
            has(r"^E\s+[-+] (wholesale|bulk)$", rx=True),
            has(r"^tests/test_pricing.py:\d+: AssertionError$", rx=True),
            has("FAILED tests/test_pricing.py::test_tier[500-wholesale] - AssertionError"),
            has(r"1 failed, 403 passed, \d rerun", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="python-faulthandler-deadlock-timeout",
        tool="python",
        category="timeout",
        label=":python: Reconcile queues",
        repo="ledger-sync",
        tty=False,
        command="python reconcile.py",
        files={"reconcile.py": _DL_MAIN},
        keys=["Timeout (0:00:05)!", 'reconcile.py", line 21 in audit', 'reconcile.py", line 14 in transfer'],
        cause=[has("Timeout (0:00:05)!"), has(r'reconcile.py", line \d+ in (transfer|audit)', rx=True)],
        exit_status=1,
    )
    case(
        name="python-emfile-too-many-open-files",
        tool="python",
        category="resource",
        ci="travis",
        repo="asset-check",
        tty=False,
        command="./ci/checksums.sh",
        setup="mkdir -p assets && for d in a b c d e f; do mkdir -p assets/$d; for i in $(seq 1 60); do head -c 64 /dev/urandom > assets/$d/f$i.bin; done; done",
        files={"ci/checksums.sh": _FD_SCRIPT, "tools/checksum_all.py": _FD_TOOL},
        keys=["OSError: [Errno 24] Too many open files", 'tools/checksum_all.py", line 8'],
        cause=[has('tools/checksum_all.py", line 8, in <module>'), has("OSError: [Errno 24] Too many open files")],
        exit_status=1,
    )
    case(
        name="pip-install-pyproject-dependencies-not-array",
        tool="pip",
        category="config",
        label=":pip: Install package",
        repo="acme-tools",
        tty=False,
        command="pip install --no-cache-dir .",
        files={"pyproject.toml": _PP_PYPROJECT, "acme_tools/__init__.py": "", "acme_tools/sync.py": "def main():\n    pass\n"},
        keys=["`project.dependencies` must be array", "Getting requirements to build wheel did not run successfully"],
        cause=[
            has("Getting requirements to build wheel: finished with status 'error'"),
            has("error: subprocess-exited-with-error"),
            has("Getting requirements to build wheel did not run successfully"),
            has("configuration error: `project.dependencies` must be array"),
            has(r'^\s+"requests>=2.31"$', rx=True),
            has("ValueError: invalid pyproject.toml config"),
        ],
        exit_status=1,
    )
    case(
        name="pip-check-incompatible-urllib3",
        tool="pip",
        category="dependency",
        ci="github",
        repo="crawler",
        tty=False,
        command="pip check",
        run=".venv/bin/pip check",
        setup="python3 -m venv .venv && .venv/bin/pip install -q requests==2.32.3 pyyaml==6.0.2 && .venv/bin/pip install -q --no-deps urllib3==1.20 'chardet==3.0.4'",
        keys=["requests 2.32.3 has requirement urllib3<3,>=1.21.1, but you have urllib3 1.20."],
        cause=[has("has requirement")],
        exit_status=1,
    )
    case(
        name="ansible-playbook-command-task-rc3",
        tool="ansible",
        category="runtime",
        label=":ansible: Prepare release",
        repo="release-tools",
        command="ansible-playbook -i localhost, release.yml",
        env={"ANSIBLE_FORCE_COLOR": "1", "ANSIBLE_NOCOWS": "1", "ANSIBLE_LOCAL_TEMP": "/tmp/ansible-local",
             "ANSIBLE_HOME": "/tmp/ansible-home"},
        files={"release.yml": _AN_PLAY, "scripts/check_migrations.sh": _AN_CHECK},
        keys=["TASK [Run schema migration check]", "[ERROR]: Task failed: Module failed: non-zero return code",
              "release.yml:19:7", "refusing to release 2.8.0", "failed=1"],
        cause=[
            has("TASK [Run schema migration check]"),
            has("[ERROR]: Task failed: Module failed: non-zero return code"),
            has("Origin: "),
            has("- name: Run schema migration check"),
            has("fatal: [localhost]: FAILED!"),
            has(r"^localhost\s+: ok=\d+.*failed=1", rx=True),
        ],
        exit_status=2,
    )
