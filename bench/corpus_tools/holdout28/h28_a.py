"""Cases for the twenty-ninth held-out corpus, part A: Python-installed pipeline tools (yamllint,
ansible-core, sqlfluff, pre-commit, cfn-lint, build, pytest)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

ANSIBLE_ENV = {
    "ANSIBLE_NOCOLOR": "0",
    "ANSIBLE_LOCAL_TEMP": "/tmp/h28-ansible-local",
    "ANSIBLE_REMOTE_TEMP": "/tmp/h28-ansible-remote",
    "ANSIBLE_RETRY_FILES_ENABLED": "0",
    "ANSIBLE_PYTHON_INTERPRETER": "auto_silent",
}

# -- yamllint ------------------------------------------------------------------------------------

_YAMLLINT_CONF = """extends: default
rules:
  truthy:
    level: error
  line-length:
    max: 100
  comments:
    level: warning
  document-start: disable
"""
_VALUES = """# values for the api chart
replicaCount: 3
image:
  repository: ghcr.io/acme/api
  tag: "1.4.2"
ingress:
  enabled: yes
  hosts:
    - api.acme.example
#a comment without space
resources:
  limits:
    cpu: 500m
    memory: 512Mi
"""
_WORKFLOW = """name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ./ci/publish.sh --channel stable --notes "$(git log -1 --pretty=%B)" --sign --verbose --retries 3
"""
_STAGING = """api:
  host: staging.acme.example
  debug: false
  workers: 4
  workers: 8
"""

# -- ansible -------------------------------------------------------------------------------------

_INVENTORY = "[local]\nlocalhost ansible_connection=local\n"
_SITE_TYPO = """- name: Configure web nodes
  hosts: local
  gather_facts: false
  tasks:
    - name: Create release directory
      ansible.builtin.file:
        path: /tmp/h28-release
        state: directory
    - name: Install nginx site
      ansible.builtin.copyy:
        src: files/site.conf
        dest: /tmp/h28-release/site.conf
"""
_SCALE_PLAY = """- name: Validate autoscaling settings
  hosts: local
  gather_facts: false
  vars_files:
    - vars/services.yml
  tasks:
    - name: Render service defaults
      ansible.builtin.debug:
        msg: "{{ item.name }}: min={{ item.min_replicas }} max={{ item.max_replicas }}"
      loop: "{{ services }}"
      loop_control:
        label: "{{ item.name }}"
    - name: Check replica bounds
      ansible.builtin.assert:
        that:
          - item.min_replicas <= item.max_replicas
        fail_msg: "{{ item.name }}: min_replicas ({{ item.min_replicas }}) exceeds max_replicas ({{ item.max_replicas }})"
        success_msg: "{{ item.name }} ok"
      loop: "{{ services }}"
      loop_control:
        label: "{{ item.name }}"
"""
_SERVICES = "services:\n" + "".join(
    f"  - {{name: {n}, min_replicas: {lo}, max_replicas: {hi}}}\n"
    for n, lo, hi in [
        ("api", 2, 6), ("web", 2, 4), ("billing", 1, 3), ("search", 3, 8), ("mailer", 1, 2),
        ("auth", 2, 5), ("reports", 6, 4), ("ingest", 2, 10), ("thumbs", 1, 4), ("ledger", 2, 2),
    ]
)
_WAIT_PLAY = """- name: Smoke test the local stack
  hosts: local
  gather_facts: false
  tasks:
    - name: Write smoke config
      ansible.builtin.copy:
        content: "endpoint: http://127.0.0.1:6543\\n"
        dest: /tmp/h28-smoke.yml
    - name: Wait for the api to listen
      ansible.builtin.wait_for:
        host: 127.0.0.1
        port: 6543
        timeout: 6
    - name: Hit health endpoint
      ansible.builtin.uri:
        url: http://127.0.0.1:6543/healthz
"""
_GALAXY_REQ = """collections:
  - name: community.general
    version: ">=8.0.0"
    source: https://galaxy.acme-internal.invalid/api/
  - name: acme.platform
    version: "2.3.1"
    source: https://galaxy.acme-internal.invalid/api/
"""

# -- sqlfluff ------------------------------------------------------------------------------------

_SQLFLUFF_CFG = "[sqlfluff]\ndialect = postgres\nmax_line_length = 100\n"
_SQL_OK = "select\n    id,\n    email\nfrom users\nwhere active\n"
_SQL_PARSE = """select
    o.id,
    o.total
from orders as o
where o.created_at > now() - interval '7 days' and and o.total > 0
"""
_SQL_STYLE = """SELECT c.id, c.name, SUM(o.total) AS revenue
from customers c join orders o on o.customer_id = c.id
group by 1,2
"""

# -- pre-commit ----------------------------------------------------------------------------------

_PC_BAD = """repos:
  - repo: local
    hooks:
      - id: check-json
        name: check json
        entry: python -m json.tool
        language: system
        files: \\.json$
  - repo: local
    hook:
      - id: no-todo
        name: no TODO
        entry: TODO
        language: pygrep
"""
_PC_FAIL = """repos:
  - repo: local
    hooks:
      - id: no-merge-leftovers
        name: forbid merge leftovers
        entry: merge leftovers (*.orig, *.rej) must not be committed
        language: fail
        files: '\\.(orig|rej)$'
      - id: no-breakpoint
        name: no breakpoint() calls
        entry: 'breakpoint\\(\\)'
        language: pygrep
        types: [python]
      - id: json-valid
        name: json files parse
        entry: python -m json.tool
        language: system
        files: \\.json$
"""
_APP_PY = '''def total(items):
    breakpoint()
    return sum(i.price for i in items)


def count(items):
    return len(items)
'''

# -- cfn-lint ------------------------------------------------------------------------------------

_CFN = """AWSTemplateFormatVersion: "2010-09-09"
Description: Thumbnail workers
Parameters:
  Env:
    Type: String
    AllowedValues: [staging, prod]
Resources:
  ThumbsBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "acme-thumbs-${Env}"
  ThumbsQueue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 120
  ThumbsBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "acme-thumbs-archive-${Env}"
Outputs:
  QueueUrl:
    Value: !Ref ThumbsQueue
"""

# -- build ---------------------------------------------------------------------------------------

_PYPROJECT_NAME = """[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "acme widgets"
version = "2.1.0"
description = "Widget helpers"
requires-python = ">=3.9"
"""

# -- pytest (jinja2 manifests, jsonschema) --------------------------------------------------------

_J2 = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ svc.name }}
  namespace: {{ env }}
spec:
  replicas: {{ svc.replicas[env] }}
  template:
    spec:
      containers:
        - name: {{ svc.name }}
          image: ghcr.io/acme/{{ svc.name }}:{{ svc.tag }}
          ports:
            - containerPort: {{ svc.port }}
"""
_RENDER_PY = '''import pathlib

import jinja2
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(ROOT / "templates"), undefined=jinja2.StrictUndefined
)


def services():
    return yaml.safe_load((ROOT / "services.yml").read_text())["services"]


def render(svc, env):
    text = _env.get_template("deployment.yaml.j2").render(svc=svc, env=env)
    return yaml.safe_load(text)
'''
_SVC_NAMES = [
    "api", "web", "auth", "billing", "search", "mailer", "ingest", "thumbs", "ledger", "reports",
    "gateway", "notify", "export", "import", "audit", "quota", "pricing", "catalog", "cart", "orders",
    "invoices", "payouts", "tax", "geo", "media", "feeds", "sessions", "profiles", "admin", "status",
    "cron", "webhooks", "metrics", "tracing", "flags", "config", "secrets", "backup", "archive", "queue",
]
_SERVICES_YML = "services:\n" + "".join(
    f"  - name: {n}\n    tag: '1.{i}.0'\n"
    + ("" if n == "webhooks" else f"    port: {8000 + i}\n")
    + "    replicas: {dev: 1, staging: 2, prod: 3}\n"
    for i, n in enumerate(_SVC_NAMES)
)
_TEST_MANIFESTS = '''import pytest

from deploy.render import render, services

ENVS = ["dev", "staging", "prod"]
SERVICES = services()


@pytest.mark.parametrize("env", ENVS)
@pytest.mark.parametrize("svc", SERVICES, ids=[s["name"] for s in SERVICES])
def test_deployment_renders(svc, env):
    doc = render(svc, env)
    assert doc["kind"] == "Deployment"
    assert doc["metadata"]["namespace"] == env
'''

_SCHEMA = """{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["name", "schedule", "timeout_s"],
  "properties": {
    "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]+$"},
    "schedule": {"type": "string"},
    "timeout_s": {"type": "integer", "minimum": 1, "maximum": 3600},
    "retries": {"type": "integer", "minimum": 0}
  },
  "additionalProperties": false
}
"""
_JOBS = {
    "nightly-backup": '{"name": "nightly-backup", "schedule": "0 2 * * *", "timeout_s": 1800}',
    "reindex": '{"name": "reindex", "schedule": "*/30 * * * *", "timeout_s": 600, "retries": 2}',
    "purge-sessions": '{"name": "purge-sessions", "schedule": "15 * * * *", "timeout_s": 120}',
    "export-ledger": '{"name": "export-ledger", "schedule": "0 5 * * 1", "timeout_s": 7200}',
    "rotate-keys": '{"name": "rotate-keys", "schedule": "0 0 1 * *", "timeout_s": 300}',
}
_TEST_JOBS = '''import json
import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "job.schema.json").read_text())
JOBS = sorted((ROOT / "jobs").glob("*.json"))


@pytest.mark.parametrize("path", JOBS, ids=[p.stem for p in JOBS])
def test_job_matches_schema(path):
    job = json.loads(path.read_text())
    jsonschema.validate(job, SCHEMA)
'''


def register(case) -> None:
    case(
        name="yamllint-github-annotations-truthy-comments-line-length-duplicate-key-three-files",
        tool="yamllint", category="lint", ci="github", command="yamllint .", repo="charts", tty=False,
        env={"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "lint"},
        files={".yamllint": _YAMLLINT_CONF, "deploy/values.yaml": _VALUES,
               ".github/workflows/release.yml": _WORKFLOW, "deploy/staging.yaml": _STAGING},
        keys=["[truthy] truthy value should be one of", "[key-duplicates] duplication of key", "[line-length]"],
        cause=[has("::error file=")],
    )  # fmt: skip
    case(
        name="ansible-playbook-syntax-check-couldnt-resolve-module-copyy",
        tool="ansible-playbook", category="config", ci="buildkite", label=":ansible: Syntax check",
        command="ansible-playbook -i inventory.ini site.yml --syntax-check", repo="infra", tty=True,
        env=ANSIBLE_ENV, files={"inventory.ini": _INVENTORY, "site.yml": _SITE_TYPO, "files/site.conf": "server {}\n"},
        keys=["couldn't resolve module/action 'ansible.builtin.copyy'"],
        cause=[has("couldn't resolve module/action"), has("Origin:"), has("9     - name: Install nginx site")],
    )  # fmt: skip
    case(
        name="ansible-assert-loop-reports-min-replicas-exceed-max-after-ten-items",
        tool="ansible-playbook", category="config", ci="buildkite", label=":ansible: Validate",
        command="ansible-playbook -i inventory.ini validate.yml", repo="infra", tty=True, env=ANSIBLE_ENV,
        files={"inventory.ini": _INVENTORY, "validate.yml": _SCALE_PLAY, "vars/services.yml": _SERVICES},
        keys=["min_replicas (6) exceeds max_replicas (4)", "Task failed: Action failed"],
        cause=[has("[ERROR]: Task failed"), has("Origin:"), has("13     - name: Check replica bounds"),
               has("failed: [localhost] (item=reports)"), has('"assertion": "item.min_replicas'),
               has("exceeds max_replicas (4)"), has("failed=1")],
    )  # fmt: skip
    case(
        name="ansible-wait-for-port-6543-timeout-smoke-stack",
        tool="ansible-playbook", category="timeout", ci="gitlab", command="ansible-playbook -i inventory.ini smoke.yml",
        repo="infra", tty=False, env=ANSIBLE_ENV, files={"inventory.ini": _INVENTORY, "smoke.yml": _WAIT_PLAY},
        keys=["Timeout when waiting for 127.0.0.1:6543"],
        cause=[has("TASK [Wait for the api to listen]"), has("Timeout when waiting for 127.0.0.1:6543"),
               has("Origin:"), has("9     - name: Wait for the api"), has("failed=1")],
    )  # fmt: skip
    case(
        name="ansible-galaxy-collection-install-internal-server-unresolvable",
        tool="ansible-galaxy", category="infrastructure", ci="buildkite", label=":ansible: Collections",
        command="ansible-galaxy collection install -r requirements.yml -p collections", repo="infra", tty=False,
        env=ANSIBLE_ENV, files={"requirements.yml": _GALAXY_REQ},
        keys=["Unknown error when attempting to call Galaxy", "Name or service not known"],
        cause=[has("Skipping Galaxy server"), has("Unknown error when attempting to call Galaxy"),
               has("<urlopen error [Errno -2] Name or service not known>")],
    )  # fmt: skip
    case(
        name="sqlfluff-lint-tty-progress-prs-unparsable-and-and-plus-style-findings-two-files",
        tool="sqlfluff", category="lint", ci="buildkite", label=":sql: sqlfluff", command="sqlfluff lint models",
        repo="warehouse", tty=True,
        files={".sqlfluff": _SQLFLUFF_CFG, "models/active_users.sql": _SQL_OK,
               "models/recent_orders.sql": _SQL_PARSE, "models/revenue.sql": _SQL_STYLE},
        keys=["PRS", "Found unparsable section: 'and and", "Parsing errors found"],
        cause=[has("== [models/recent_orders.sql] FAIL"), has("== [models/revenue.sql] FAIL"),
               has(r"^L:\s+\d+ \| P:", rx=True), has(r"^\s+\| \S", rx=True), has("Parsing errors found")],
    )  # fmt: skip
    case(
        name="pre-commit-invalid-config-repository-local-missing-hooks-key",
        tool="pre-commit", category="config", ci="buildkite", label=":pre-commit: Hooks",
        command="pre-commit run --all-files", repo="widgets", tty=False,
        env={"PRE_COMMIT_HOME": "/tmp/h28-pre-commit-home"},
        files={".pre-commit-config.yaml": _PC_BAD, "app.json": "{}\n"},
        setup="git init -q . && git add -A",
        keys=["InvalidConfigError", "hooks"],
        cause=[has("InvalidConfigError"), has("==>")],
    )  # fmt: skip
    case(
        name="pre-commit-language-fail-orig-file-and-pygrep-breakpoint-two-hooks",
        tool="pre-commit", category="lint", ci="travis", command="pre-commit run --all-files --color always",
        repo="widgets", tty=True, env={"PRE_COMMIT_HOME": "/tmp/h28-pre-commit-home"},
        files={".pre-commit-config.yaml": _PC_FAIL, "src/cart.py": _APP_PY, "src/cart.py.orig": _APP_PY,
               "config/app.json": '{"debug": false}\n', "src/util.py": "def f():\n    return 1\n"},
        setup="git init -q . && git add -A",
        keys=["forbid merge leftovers", "src/cart.py.orig", "src/cart.py:2:    breakpoint()"],
        cause=[has("forbid merge leftovers"), has("no breakpoint() calls"), has("- hook id: no-"),
               has("merge leftovers (*.orig, *.rej) must not be committed"), has("src/cart.py.orig"),
               has("src/cart.py:2:")],
    )  # fmt: skip
    case(
        name="cfn-lint-e0000-duplicate-resource-thumbsbucket",
        tool="cfn-lint", category="lint", ci="github", command="cfn-lint templates/thumbs.yml", repo="stacks",
        tty=False, files={"templates/thumbs.yml": _CFN},
        keys=["E0000", "ThumbsBucket"],
        cause=[has("E0000"), has("templates/thumbs.yml:")],
    )  # fmt: skip
    case(
        name="python-build-project-name-not-pep508-identifier-acme-widgets-with-space",
        tool="python -m build", category="config", ci="buildkite", label=":python: Package",
        command="python -m build --sdist", repo="widgets", tty=False,
        files={"pyproject.toml": _PYPROJECT_NAME, "src/acme_widgets/__init__.py": "__version__ = '2.1.0'\n"},
        keys=["project.name", "pep508-identifier"],
        cause=[has("project.name"), has("GIVEN VALUE:"), has('"acme widgets"'),
               has("ERROR Backend subprocess")],
    )  # fmt: skip
    case(
        name="pytest-jinja2-strictundefined-webhooks-port-three-of-120-renders",
        tool="pytest", category="test", ci="buildkite", label=":pytest: Manifests",
        command="pytest -q -p no:cacheprovider --color=yes tests", repo="deploy", tty=True,
        files={"deploy/__init__.py": "", "deploy/render.py": _RENDER_PY, "templates/deployment.yaml.j2": _J2,
               "services.yml": _SERVICES_YML, "tests/test_manifests.py": _TEST_MANIFESTS,
               "tests/__init__.py": "", "conftest.py": ""},
        keys=["UndefinedError", "has no attribute 'port'", "test_deployment_renders[webhooks-"],
        cause=[has("test_deployment_renders[webhooks-"), has(">       doc = render(svc, env)"),
               has("tests/test_manifests.py:12:"), has("deploy/render.py:17: in render"),
               has('text = _env.get_template("deployment.yaml.j2")'), has(">               - containerPort"),
               has("jinja2.exceptions.UndefinedError"), has("templates/deployment.yaml.j2:14: UndefinedError"),
               has("3 failed, 117 passed")],
    )  # fmt: skip
    case(
        name="pytest-jsonschema-validationerror-timeout-s-7200-maximum-3600-export-ledger",
        tool="pytest", category="test", ci="gitlab", command="pytest -q -p no:cacheprovider tests",
        repo="jobs", tty=False,
        files={"schemas/job.schema.json": _SCHEMA, "tests/test_jobs.py": _TEST_JOBS,
               **{f"jobs/{k}.json": v + "\n" for k, v in _JOBS.items()}},
        keys=["7200 is greater than the maximum of 3600", "test_job_matches_schema[export-ledger]"],
        cause=[has("test_job_matches_schema[export-ledger]"), has(">       jsonschema.validate(job, SCHEMA)"),
               has("tests/test_jobs.py:15"), has(r"^E\s+\S", rx=True), has("1 failed, 4 passed")],
    )  # fmt: skip
