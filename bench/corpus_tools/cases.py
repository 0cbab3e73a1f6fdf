"""The corpus cases: small projects with a planted fault, the command that fails, and the labels.

Rules of labelling (see bench/corpus/README.md): `cause` locators pick the lines a
person would mark as the cause (the error lines and the lines that explain them:
diagnostic blocks, failing test headers, assertion and exception lines,
traceback frames, the tool's failure summary), searched only inside the tool's
own output. Lines that are blank or only separators (=== --- ___) are never
cause lines. `keys` are strings a good triage must show.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

Region = list[tuple[int, str]]
SEPARATOR = re.compile(r"^[\s=\-_~*#.+|^]*$")


def _keep(text: str) -> bool:
    return not SEPARATOR.match(text)


@dataclass(frozen=True)
class has:
    """Every line containing `text` (or matching regex `rx`)."""

    text: str
    rx: bool = False

    def match(self, line: str) -> bool:
        return bool(re.search(self.text, line)) if self.rx else self.text in line

    def __call__(self, region: Region) -> set[int]:
        return {n for n, t in region if self.match(t) and _keep(t)}


@dataclass(frozen=True)
class first(has):
    """Only the first line containing `text`."""

    def __call__(self, region: Region) -> set[int]:
        return {min(has.__call__(self, region), default=0)} - {0}


@dataclass(frozen=True)
class span:
    """From the first line containing `start` through the next line containing `end`;
    `nth` picks a later occurrence of `start`."""

    start: str
    end: str
    nth: int = 0

    def __call__(self, region: Region) -> set[int]:
        starts = [i for i, (_, t) in enumerate(region) if self.start in t]
        if len(starts) <= self.nth:
            return set()
        i = starts[self.nth]
        for j in range(i, len(region)):
            if self.end in region[j][1] and (j > i or self.end in region[i][1]):
                return {n for n, t in region[i : j + 1] if _keep(t)}
        return set()


Locator = Callable[[Region], set[int]]


@dataclass
class Case:
    name: str
    tool: str
    category: str
    command: str  # shown after the CI system's `$` prompt
    keys: list[str]
    cause: list[Locator]
    files: dict[str, str] = field(default_factory=dict)
    run: str = ""  # what really runs, when it differs from `command` (e.g. extra env)
    setup: str = ""  # runs first, not captured
    cleanup: str = ""
    tty: bool = True
    ci: str = "buildkite"
    label: str = ":hammer: Build"
    repo: str = "widgets"
    env: dict[str, str] = field(default_factory=dict)
    gh_env: dict[str, str] = field(default_factory=dict)
    exit_status: int | None = None
    decoys: int = 12
    post_hook: bool = False


CASES: list[Case] = []


def case(**kw: object) -> None:
    CASES.append(Case(**kw))  # type: ignore[arg-type]


# ------------------------------------------------------------------ Python

_CALC = """\
def add(a, b):
    return a + b


def mean(xs):
    return sum(xs) / len(xs)


def round_half_up(x):
    return round(x)


def parse_money(s):
    return int(s.replace("$", ""))
"""

_CALC_TESTS = (
    """\
import unittest

import calc


class TestCalc(unittest.TestCase):
"""
    + "".join(
        f"""
    def test_add_{i}(self):
        self.assertEqual(calc.add({i}, {i}), {2 * i})
"""
        for i in range(24)
    )
    + """
    def test_mean_empty(self):
        self.assertEqual(calc.mean([]), 0)

    def test_round_half_up(self):
        self.assertEqual(calc.round_half_up(2.5), 3)

    def test_parse_money(self):
        self.assertEqual(calc.parse_money("$12"), 12)


if __name__ == "__main__":
    unittest.main()
"""
)

case(
    name="python-unittest-failure",
    tool="unittest",
    category="test",
    ci="travis",
    tty=False,
    command="python -m unittest -v test_calc",
    files={"calc.py": _CALC, "test_calc.py": _CALC_TESTS},
    keys=["test_mean_empty", "ZeroDivisionError", "test_round_half_up", "AssertionError: 2 != 3"],
    cause=[
        span("ERROR: test_mean_empty", "ZeroDivisionError: division by zero", 0),
        span("FAIL: test_round_half_up", "AssertionError: 2 != 3"),
        has("FAILED (failures=1, errors=1)"),
    ],
    exit_status=1,
)

_CONFIG = """\
def build_config(env):
    cfg = {
        "region": "eu-west-1",
        "replicas": 3,
        "timeout_seconds": 30,
        "retries": 5,
        "features": ["search", "billing", "exports", "audit-log", "sso"],
        "database": {"host": "db.internal", "port": 5432, "pool": 10, "sslmode": "require"},
        "cache": {"backend": "redis", "ttl": 300, "max_entries": 100000},
    }
    if env == "staging":
        cfg["replicas"] = 1
        cfg["features"] = ["search", "billing", "exports", "sso"]
        cfg["database"]["pool"] = 5
    return cfg
"""

_CONFIG_TESTS = """\
import pytest

from config import build_config


@pytest.mark.parametrize("n", range(40))
def test_defaults_stable(n):
    assert build_config("prod")["region"] == "eu-west-1"


def test_staging_config():
    assert build_config("staging") == {
        "region": "eu-west-1",
        "replicas": 1,
        "timeout_seconds": 30,
        "retries": 5,
        "features": ["search", "billing", "exports", "audit-log", "sso"],
        "database": {"host": "db.internal", "port": 5432, "pool": 5, "sslmode": "require"},
        "cache": {"backend": "redis", "ttl": 300, "max_entries": 100000},
    }
"""

case(
    name="pytest-long-diff",
    tool="pytest",
    category="test",
    label=":pytest: Run tests",
    command="pytest -vv --color=yes -p no:cacheprovider",
    files={"config.py": _CONFIG, "test_config.py": _CONFIG_TESTS},
    keys=["test_staging_config", "audit-log"],
    cause=[
        has(r"^E\s+(AssertionError|Differing items|\{'features'|-\s+'audit-log')", rx=True),
        has("test_config.py:12: AssertionError"),
        has(r"^>\s", rx=True),
        has("FAILED test_config.py::test_staging_config"),
    ],
    exit_status=1,
)

case(
    name="pytest-collection-importerror",
    tool="pytest",
    category="test",
    label=":pytest: Run tests",
    command="pytest --color=yes -p no:cacheprovider tests",
    files={
        "app/__init__.py": "",
        "app/payments.py": "def charge(amount):\n    return {'charged': amount}\n",
        "tests/test_charge.py": "from app.payments import charge\n\n\ndef test_charge():\n    "
        "assert charge(5) == {'charged': 5}\n",
        "tests/test_refund.py": "from app.payments import charge, refund\n\n\ndef test_refund():\n    "
        "assert refund(charge(5)) == {'charged': 0}\n",
        "conftest.py": "",
    },
    keys=["tests/test_refund.py", "cannot import name 'refund'"],
    cause=[
        has("ERROR collecting tests/test_refund.py"),
        has("ImportError while importing test module"),
        span("tests/test_refund.py:1: in <module>", "E   ImportError"),
        has("ERROR tests/test_refund.py"),
        has("Interrupted: 1 error during collection"),
    ],
    exit_status=2,
)

_RELEASE = """\
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def notes(meta):
    lines = [f"# {meta['name']} {meta['version']}", ""]
    for change in meta["changes"]:
        lines.append(f"- {change['summary']} ({change['pr']})")
    return "\\n".join(lines)


def main():
    meta = load(sys.argv[1])
    print(f"building release notes for {meta['name']}")
    print(notes(meta))


if __name__ == "__main__":
    main()
"""

case(
    name="python-keyerror-script",
    tool="python",
    category="runtime",
    label=":memo: Release notes",
    command="python scripts/release_notes.py release.json",
    files={
        "scripts/release_notes.py": _RELEASE,
        "release.json": '{"name": "widgets", "tag": "v2.4.0", "changes": [{"summary": "x", "pr": 1}]}\n',
    },
    keys=["KeyError: 'version'"],
    cause=[span("Traceback (most recent call last)", "KeyError: 'version'")],
    exit_status=1,
)

_MODELS = """\
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class User:
    id: int
    email: str | None


def display_email(u: User) -> str:
    return u.email


def user_ids(users: list[User]) -> list[str]:
    return [u.id for u in users]
"""

_SERVICE = """\
from app.models import User, display_email


def welcome(u: User) -> str:
    return "hi " + display_email(u, True)
"""

case(
    name="mypy-errors",
    tool="mypy",
    category="lint",
    ci="gitlab",
    tty=False,
    command="mypy --strict app",
    run="/work/main/.venv/bin/mypy --strict app",
    files={"app/__init__.py": "", "app/models.py": _MODELS, "app/service.py": _SERVICE},
    keys=["Incompatible return value type", "Too many arguments", "Found 3 errors"],
    cause=[has(": error:"), has("Found 3 errors")],
    exit_status=1,
)

_LINTME = """\
import os
import sys
import json


def load(path):
    data = json.load(open(path))
    unused = 3
    if data == None:
        return {}
    return data
"""

case(
    name="ruff-lint",
    tool="ruff",
    category="lint",
    label=":python: Lint",
    command="ruff check --no-cache .",
    run="/work/main/.venv/bin/ruff check --no-cache --select F,E .",
    files={"app/loader.py": _LINTME, "pyproject.toml": "[project]\nname='w'\nversion='0'\n"},
    keys=["F401", "F841", "E711"],
    cause=[has(r"^(F401|F841|E711) ", rx=True), has("-->"), has("Found 4 errors")],
    exit_status=1,
)

case(
    name="flake8-lint",
    tool="flake8",
    category="lint",
    ci="github",
    tty=False,
    command="flake8 app/",
    files={"app/__init__.py": "", "app/loader.py": _LINTME},
    keys=["F401 'os' imported but unused", "E711 comparison to None"],
    cause=[has("app/loader.py:")],
    exit_status=1,
)

_PARAM_TESTS = """\
import pytest


def slugify(s):
    return "-".join(s.lower().split())


@pytest.mark.parametrize("n", range(2000))
def test_slug_roundtrip(n):
    assert slugify(f"Item {n}") == f"item-{n}"


def test_slug_unicode():
    assert slugify("Crème Brûlée") == "creme-brulee"
"""

case(
    name="pytest-2000-passing-then-fail",
    tool="pytest",
    category="test",
    ci="github",
    tty=False,
    command="pytest -v -p no:cacheprovider",
    gh_env={"PYTHONUNBUFFERED": "1"},
    files={"test_slug.py": _PARAM_TESTS},
    keys=["test_slug_unicode", "creme-brulee"],
    cause=[
        has(r"^E\s", rx=True),
        has(r"^>\s", rx=True),
        has("test_slug.py:14: AssertionError"),
        has("FAILED test_slug.py::test_slug_unicode"),
    ],
    exit_status=1,
)

case(
    name="yaml-config-error",
    tool="pyyaml",
    category="config",
    label=":gear: Render config",
    command="python -c 'import yaml,sys; yaml.safe_load(open(sys.argv[1]))' deploy/values.yaml",
    files={
        "deploy/values.yaml": 'replicas: 3\nimage:\n  repository: ghcr.io/acme/widgets\n  tag: "2.4.0\n'
        "resources:\n  limits:\n    memory: 512Mi\n"
    },
    keys=["while scanning a quoted scalar", "found unexpected end of stream"],
    cause=[
        span("yaml.scanner.ScannerError", "found unexpected end of stream"),
        has('in "deploy/values.yaml"'),
    ],
    exit_status=1,
)

case(
    name="pip-missing-package",
    tool="pip",
    category="dependency",
    label=":python: Install dependencies",
    command="pip install -r requirements.txt",
    tty=False,
    setup="python -m venv .venv",
    run=".venv/bin/pip install -r requirements.txt",
    files={"requirements.txt": "nonexistent-pkg-xyz==9.9\n"},
    keys=["nonexistent-pkg-xyz==9.9", "No matching distribution found"],
    cause=[has("ERROR: Could not find a version"), has("ERROR: No matching distribution found")],
    exit_status=1,
)

case(
    name="pip-resolution-impossible",
    tool="pip",
    category="dependency",
    ci="gitlab",
    tty=False,
    command="pip install --dry-run -r requirements.txt",
    setup="python -m venv .venv",
    run=".venv/bin/pip install --dry-run -r requirements.txt",
    files={"requirements.txt": "flask==3.0.0\nwerkzeug==2.0.3\n"},
    keys=["ResolutionImpossible", "werkzeug==2.0.3"],
    cause=[
        has("ERROR: Cannot install"),
        has("The conflict is caused by"),
        has("The user requested"),
        has("flask 3.0.0 depends on"),
        has("ERROR: ResolutionImpossible"),
    ],
    exit_status=1,
)

# ------------------------------------------------------------------ shell and the OS

case(
    name="shell-command-not-found",
    tool="bash",
    category="infrastructure",
    label=":package: Generate protos",
    command="./ci/gen.sh",
    tty=False,
    files={
        "ci/gen.sh": "#!/bin/bash\nset -e\necho 'generating protobuf stubs'\nmkdir -p gen\n"
        "protoc --python_out=gen proto/*.proto\necho done\n",
        "proto/a.proto": 'syntax = "proto3";\n',
    },
    keys=["protoc: command not found"],
    cause=[has("protoc: command not found")],
    exit_status=127,
)

_SETE = """\
#!/usr/bin/env bash
set -euo pipefail
echo "Packaging widgets $(cat VERSION)"
mkdir -p out
for f in README.md LICENSE; do
  cp "$f" out/
done
cp dist/widgets.js out/
tar -czf widgets.tgz out
echo "packaged"
"""

case(
    name="bash-set-e-cp",
    tool="bash",
    category="runtime",
    label=":package: Package",
    command="./scripts/package.sh",
    tty=False,
    files={"scripts/package.sh": _SETE, "VERSION": "2.4.0\n", "README.md": "w\n", "LICENSE": "MIT\n"},
    keys=["cannot stat 'dist/widgets.js'"],
    cause=[has("cannot stat 'dist/widgets.js'")],
    exit_status=1,
)

case(
    name="bash-no-such-file",
    tool="bash",
    category="config",
    label=":rocket: Deploy",
    command="bash ./scripts/deploy-staging.sh",
    tty=False,
    files={"scripts/deploy.sh": "#!/bin/bash\necho deploy\n"},
    keys=["./scripts/deploy-staging.sh: No such file or directory"],
    cause=[has("No such file or directory")],
    exit_status=127,
)

_TRAIN = """\
#!/bin/bash
echo "loading dataset shards"
for i in 1 2 3 4; do echo "  shard $i/4 loaded (2.1 GiB)"; done
echo "building feature matrix"
python3 train.py
"""

# The kernel's OOM killer sends SIGKILL; here the process sends it to itself.
_TRAIN_PY = """\
import os
import signal

print("allocating 38.4 GiB feature matrix", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""

case(
    name="oom-killed-137",
    tool="bash",
    category="resource",
    label=":brain: Train model",
    command="./train.sh",
    tty=False,
    files={"train.sh": _TRAIN, "train.py": _TRAIN_PY},
    keys=["Killed"],
    cause=[has("Killed"), has("allocating 38.4 GiB")],
    exit_status=137,
)

_SEGV = """\
#include <stdio.h>
#include <string.h>

struct node { const char *name; struct node *next; };

static size_t total_len(struct node *n) {
    size_t t = 0;
    while (1) { t += strlen(n->name); n = n->next; }
    return t;
}

int main(void) {
    struct node b = {"beta", NULL}, a = {"alpha", &b};
    printf("indexing 2 nodes\\n");
    fflush(stdout);
    printf("%zu\\n", total_len(&a));
    return 0;
}
"""

case(
    name="c-segfault-139",
    tool="gcc",
    category="crash",
    label=":c: Run indexer",
    command="./ci/run-indexer.sh",
    tty=False,
    files={
        "indexer.c": _SEGV,
        "ci/run-indexer.sh": "#!/bin/bash\nset -e\ngcc -O0 -g -o indexer indexer.c\n./indexer\n",
    },
    keys=["Segmentation fault"],
    cause=[has("Segmentation fault")],
    exit_status=139,
)

case(
    name="timeout-124",
    tool="timeout",
    category="timeout",
    label=":hourglass: Integration tests",
    command="timeout --verbose 3 ./scripts/wait-for-api.sh",
    tty=False,
    files={
        "scripts/wait-for-api.sh": '#!/bin/bash\nfor i in $(seq 1 100); do\n  echo "waiting for api on '
        ':8080 (attempt $i)"\n  sleep 1\ndone\n'
    },
    keys=["sending signal TERM"],
    cause=[has("sending signal TERM"), has("waiting for api on :8080 (attempt 3)")],
    exit_status=124,
)

case(
    name="curl-dns-failure",
    tool="curl",
    category="infrastructure",
    label=":arrow_down: Fetch toolchain",
    command="curl -fsSL -o toolchain.tgz https://artifacts.acme-internal.invalid/toolchain/1.4.2.tgz",
    tty=False,
    keys=["Could not resolve host"],
    cause=[has("Could not resolve host")],
    exit_status=6,
)

_FILLDISK = """\
#!/bin/bash
set -e
echo "writing build cache to $CACHE_DIR"
dd if=/dev/zero of="$CACHE_DIR/layer-0001.bin" bs=64k count=64 status=none
echo "layer 1 cached"
dd if=/dev/zero of="$CACHE_DIR/layer-0002.bin" bs=64k count=64 status=none
echo "layer 2 cached"
"""

case(
    name="no-space-left",
    tool="dd",
    category="resource",
    label=":docker: Cache layers",
    command="./ci/cache-layers.sh",
    tty=False,
    setup="mkdir -p /mnt/ci-cache && mount -t tmpfs -o size=6m tmpfs /mnt/ci-cache",
    cleanup="umount /mnt/ci-cache; rmdir /mnt/ci-cache",
    env={"CACHE_DIR": "/mnt/ci-cache"},
    files={"ci/cache-layers.sh": _FILLDISK},
    keys=["No space left on device"],
    cause=[has("No space left on device")],
    exit_status=1,
)

case(
    name="docker-pull-no-daemon",
    tool="docker",
    category="infrastructure",
    label=":docker: Pull builder",
    command="docker pull ghcr.io/acme/builder:1.4",
    tty=False,
    keys=["Cannot connect to the Docker daemon"],
    cause=[has("Cannot connect to the Docker daemon")],
    exit_status=1,
)

_CHECKSUM = """\
#!/bin/bash
set -euo pipefail
python3 -m http.server 8765 --bind 127.0.0.1 --directory mirror >/dev/null 2>&1 &
srv=$!
trap 'kill $srv' EXIT
sleep 1
curl --progress-bar --limit-rate 12M -o node-v20.tar.xz http://127.0.0.1:8765/node-v20.tar.xz
sha256sum -c node-v20.tar.xz.sha256
"""

case(
    name="curl-progress-checksum-mismatch",
    tool="sha256sum",
    category="infrastructure",
    label=":arrow_down: Fetch node",
    command="./ci/fetch-node.sh",
    setup="mkdir -p mirror && head -c 40000000 /dev/urandom > mirror/node-v20.tar.xz && "
    "echo '3f1e0c2b9d8a7f6e5d4c3b2a19081726354453627180a9b8c7d6e5f4a3b2c1d0  node-v20.tar.xz' "
    "> node-v20.tar.xz.sha256",
    env={"PATH": "/usr/bin:/bin"},
    files={"ci/fetch-node.sh": _CHECKSUM},
    keys=["FAILED", "checksum did NOT match"],
    cause=[has("node-v20.tar.xz: FAILED"), has("checksum did NOT match")],
    exit_status=1,
)

# ------------------------------------------------------------------ make, C, C++

_PARSER_C = """\
#include "parser.h"

int parse_header(const char *buf, struct header *h) {
    h->version = buf[0];
    h->flags = buf[1]
    return 0;
}
"""

case(
    name="make-submake-error",
    tool="make",
    category="compile",
    label=":hammer: make all",
    command="make -j1 all",
    tty=False,
    files={
        "Makefile": "SUBDIRS = util net\n\nall:\n\tfor d in $(SUBDIRS); do $(MAKE) -C $$d || exit 1; done\n",
        "util/Makefile": "util.a: strbuf.o\n\tar rcs $@ $^\n\n%.o: %.c\n\t$(CC) -Wall -c $< -o $@\n",
        "util/strbuf.c": "int strbuf_len(const char *s) { int n = 0; while (s[n]) n++; return n; }\n",
        "net/Makefile": "net.a: parser.o socket.o\n\tar rcs $@ $^\n\n%.o: %.c\n\t$(CC) -Wall -c $< -o $@\n",
        "net/parser.h": "struct header { int version; int flags; };\n"
        "int parse_header(const char *buf, struct header *h);\n",
        "net/parser.c": _PARSER_C,
        "net/socket.c": "int sock_open(void) { return 3; }\n",
    },
    keys=["parser.c:5:22: error: expected", "Error 1"],
    cause=[has("parser.c: In function"), span("parser.c:5:22: error", "~~~~~~"), has("*** [Makefile")],
    exit_status=2,
)

_TMPL = """\
#include <algorithm>
#include <list>
#include <set>
#include <string>

struct Job { std::string name; int priority; };

int main() {
    std::list<Job> jobs{{"lint", 2}, {"test", 1}};
    std::sort(jobs.begin(), jobs.end(),
              [](const Job &a, const Job &b) { return a.priority < b.priority; });
    std::set<Job> seen;
    seen.insert(jobs.front());
    return 0;
}
"""

case(
    name="gxx-template-error",
    tool="g++",
    category="compile",
    label=":cpp: Build scheduler",
    command="g++ -std=c++17 -c scheduler.cpp",
    files={"scheduler.cpp": _TMPL},
    keys=["scheduler.cpp:10:14", "no match for ‘operator-’", "no match for ‘operator<’"],
    cause=[
        span("In instantiation of", "error: no match for ‘operator-’"),
        first("std::__lg(__last - __first)"),
        span("In instantiation of", "error: no match for ‘operator<’", 1),
        first("{ return __x < __y; }"),
        has("scheduler.cpp:13:16:   required from here"),
    ],
    exit_status=1,
)

case(
    name="ld-undefined-symbol-cpp",
    tool="ld",
    category="compile",
    label=":cpp: Link service",
    command="make",
    tty=False,
    files={
        "Makefile": "service: main.o metrics.o\n\t$(CXX) -o $@ $^\n\n"
        "%.o: %.cpp metrics.h\n\t$(CXX) -c $< -o $@\n",
        "metrics.h": "#pragma once\n#include <string>\nnamespace metrics {\n"
        "void incr(const std::string &name);\n"
        "void flush(int fd);\n}\n",
        "metrics.cpp": '#include "metrics.h"\n#include <cstdio>\nnamespace metrics {\n'
        'void incr(const std::string &name) { std::printf("%s\\n", name.c_str()); }\n}\n',
        "main.cpp": '#include "metrics.h"\n'
        'int main() { metrics::incr("boot"); metrics::flush(1); return 0; }\n',
    },
    keys=["undefined reference to `metrics::flush(int)'", "ld returned 1 exit status"],
    cause=[
        has("undefined reference"),
        has("ld returned 1 exit status"),
        has("in function `main'"),
        has("Error 1"),
    ],
    exit_status=2,
)

case(
    name="cmake-configure-error",
    tool="cmake",
    category="config",
    label=":cmake: Configure",
    command="cmake -S . -B build -DCMAKE_BUILD_TYPE=Release",
    files={
        "CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject(widgets CXX)\n\n"
        "find_package(Protobuf 3.21 REQUIRED)\n\nadd_executable(widgets main.cpp)\n",
        "main.cpp": "int main() { return 0; }\n",
    },
    keys=["CMake Error at", "Protobuf"],
    cause=[
        span("CMake Error at", "Call Stack"),
        has("CMakeLists.txt:4 (find_package)"),
        has("Configuring incomplete, errors occurred"),
    ],
    exit_status=1,
)

# ------------------------------------------------------------------ Java

case(
    name="javac-cannot-find-symbol",
    tool="javac",
    category="compile",
    label=":java: Compile",
    command="javac -d out src/com/acme/*.java",
    tty=False,
    files={
        "src/com/acme/Invoice.java": "package com.acme;\n\npublic class Invoice {\n"
        "    private final long cents;\n    public Invoice(long cents) { this.cents = cents; }\n"
        "    public long cents() { return cents; }\n}\n",
        "src/com/acme/Billing.java": "package com.acme;\n\nimport java.util.List;\n\npublic class Billing {\n"
        "    public static long total(List<Invoice> xs) {\n        long t = 0;\n"
        "        for (Invoice i : xs) t += i.amountCents();\n        return t;\n    }\n"
        "    public static String currency() { return Currency.DEFAULT; }\n}\n",
    },
    keys=["cannot find symbol", "amountCents()", "Currency"],
    cause=[
        has(": error:"),
        has("symbol:"),
        has("location:"),
        has("i.amountCents()"),
        has("return Currency.DEFAULT"),
        has("2 errors"),
    ],
    exit_status=1,
)

# ------------------------------------------------------------------ Rust

_CARGO_TOML = '[package]\nname = "{name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n{deps}'

case(
    name="cargo-build-e0308",
    tool="cargo",
    category="compile",
    label=":rust: cargo build",
    command="cargo build --color=always",
    files={
        "Cargo.toml": _CARGO_TOML.format(name="ratelimit", deps=""),
        "src/main.rs": "fn window_ms(rps: u32) -> u64 {\n    1000 / rps\n}\n\n"
        'fn main() {\n    let w: u64 = window_ms(20);\n    println!("{w}");\n}\n',
    },
    keys=["E0308", "mismatched types"],
    cause=[
        span("error[E0308]: mismatched types", "(1000 / rps).into()"),
        has("could not compile `ratelimit`"),
    ],
    exit_status=101,
)

_CARGO_TESTS = """\
pub fn parse_duration(s: &str) -> Option<u64> {
    let (num, unit) = s.split_at(s.len() - 1);
    let n: u64 = num.parse().ok()?;
    match unit {
        "s" => Some(n),
        "m" => Some(n * 60),
        "h" => Some(n * 60),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds() { assert_eq!(parse_duration("5s"), Some(5)); }
    #[test]
    fn minutes() { assert_eq!(parse_duration("2m"), Some(120)); }
    #[test]
    fn hours() { assert_eq!(parse_duration("2h"), Some(7200)); }
    #[test]
    fn empty() { assert_eq!(parse_duration(""), None); }
    #[test]
    fn garbage() { assert_eq!(parse_duration("xs"), None); }
}
"""

case(
    name="cargo-test-multiple",
    tool="cargo",
    category="test",
    ci="gitlab",
    tty=False,
    command="cargo test --color=always",
    files={"Cargo.toml": _CARGO_TOML.format(name="durations", deps=""), "src/lib.rs": _CARGO_TESTS},
    keys=["tests::hours", "tests::empty", "left: Some(120)", "attempt to subtract with overflow"],
    cause=[
        span("---- tests::hours stdout ----", "right: Some(7200)"),
        span("---- tests::empty stdout ----", "attempt to subtract with overflow"),
        has("    tests::hours"),
        has("    tests::empty"),
        has("test result: FAILED"),
        has("error: test failed"),
    ],
    exit_status=101,
)

case(
    name="cargo-dependency-offline",
    tool="cargo",
    category="dependency",
    label=":rust: cargo build",
    command="cargo build --offline --color=always",
    files={
        "Cargo.toml": _CARGO_TOML.format(
            name="ingest", deps='serde = { version = "9.9", features = ["derive"] }\n'
        ),
        "src/main.rs": "fn main() {}\n",
    },
    keys=["no matching package named `serde` found"],
    cause=[
        has("error: no matching package named `serde` found"),
        has("required by package `ingest"),
        has("location searched"),
        has("offline mode"),
    ],
    exit_status=101,
)

case(
    name="cargo-build-progress",
    tool="cargo",
    category="compile",
    ci="buildkite",
    label=":rust: cargo build --workspace",
    command="cargo build --workspace --color=always",
    run="env -u CI cargo build --workspace --color=always",  # cargo hides its progress bar when CI is set
    files={
        "Cargo.toml": '[workspace]\nmembers = ["core", "cli", "store", "net", "api"]\nresolver = "2"\n',
        **{f"{m}/Cargo.toml": _CARGO_TOML.format(name=m, deps="") for m in ["core", "store", "net", "api"]},
        **{
            f"{m}/src/lib.rs": "".join(
                f"pub fn f{i}(x: u64) -> u64 {{ x.wrapping_mul({i}) ^ {i} }}\n" for i in range(12000)
            )
            for m in ["core", "store", "net", "api"]
        },
        "cli/Cargo.toml": _CARGO_TOML.format(
            name="cli",
            deps="".join(f'{m} = {{ path = "../{m}" }}\n' for m in ["core", "store", "net", "api"]),
        ),
        "cli/src/main.rs": "fn main() {\n    let v = core::f1(2);\n    let s: String = v;\n"
        '    println!("{s}");\n}\n',
    },
    keys=["E0308", "expected `String`, found `u64`"],
    cause=[
        span("error[E0308]: mismatched types", "expected due to this"),
        has("expected `String`, found `u64`"),
        has("could not compile `cli`"),
        has("try using a conversion method"),
    ],
    exit_status=101,
)

# ------------------------------------------------------------------ JavaScript / TypeScript

_NODE = "ln -s /tmp/corpus_node/node_modules node_modules"

_CART = """\
function lineTotal(item) {
  return item.price * item.qty;
}

function cartTotal(items, { discount = 0 } = {}) {
  const gross = items.reduce((sum, it) => sum + lineTotal(it), 0);
  return Math.round(gross * (1 - discount));
}

function summary(items) {
  return { count: items.length, skus: items.map((i) => i.sku).sort(), total: cartTotal(items) };
}

module.exports = { lineTotal, cartTotal, summary };
"""

_CART_TEST = (
    """\
const { lineTotal, cartTotal, summary } = require("./cart");

const items = [
  { sku: "B-2", price: 250, qty: 2 },
  { sku: "A-1", price: 1999, qty: 1 },
  { sku: "C-9", price: 5, qty: 10 },
];

describe("lineTotal", () => {
"""
    + "".join(
        f"""  test("multiplies price by qty #{i}", () => {{
    expect(lineTotal({{ price: {i}, qty: 3 }})).toBe({3 * i});
  }});
"""
        for i in range(12)
    )
    + """});

describe("cartTotal", () => {
  test("sums lines", () => {
    expect(cartTotal(items)).toBe(2549);
  });
  test("applies a percentage discount in cents", () => {
    expect(cartTotal(items, { discount: 0.15 })).toBe(2166);
  });
});

describe("summary", () => {
  test("lists skus and total", () => {
    expect(summary(items)).toEqual({ count: 3, skus: ["A-1", "B-2", "C-9"], total: 2549, currency: "EUR" });
  });
});
"""
)

case(
    name="jest-failure",
    tool="jest",
    category="test",
    ci="github",
    tty=False,
    command="npx jest --ci",
    setup=_NODE,
    gh_env={"NODE_ENV": "test"},
    files={
        "cart.js": _CART,
        "cart.test.js": _CART_TEST,
        "package.json": '{"name": "cart", "private": true}\n',
    },
    keys=["applies a percentage discount in cents", "lists skus and total", "Expected: 2166"],
    cause=[
        has("● cartTotal › applies a percentage discount in cents"),
        has("Expected: 2166"),
        has("Received: 2167"),
        has("● summary › lists skus and total"),
        has('-   "currency": "EUR",'),
        has("expect(received).toBe(expected)"),
        has("expect(received).toEqual(expected)"),
        has("Tests:       2 failed"),
        has(r"^\s+> \d+ \|", rx=True),
    ],
    exit_status=1,
)

_SLUG_TEST = (
    """\
const assert = require("assert");

function slugify(s) {
  return s.toLowerCase().trim().replace(/\\s+/g, "-");
}

describe("slugify", function () {
"""
    + "".join(
        f"""  it("keeps simple words #{i}", function () {{
    assert.strictEqual(slugify("Word{i}"), "word{i}");
  }});
"""
        for i in range(15)
    )
    + """  it("strips punctuation", function () {
    assert.strictEqual(slugify("Hello, World!"), "hello-world");
  });
  it("collapses dashes", function () {
    assert.deepStrictEqual(["a - b", "c  --  d"].map(slugify), ["a-b", "c-d"]);
  });
});
"""
)

case(
    name="mocha-failure",
    tool="mocha",
    category="test",
    label=":mocha: Unit tests",
    command="npx mocha --color test/",
    setup=_NODE,
    files={"test/slug.test.js": _SLUG_TEST, "package.json": '{"name": "slug", "private": true}\n'},
    keys=["strips punctuation", "collapses dashes", "hello,-world!"],
    cause=[
        has("1) slugify"),
        has("2) slugify"),
        has("strips punctuation:"),
        has("collapses dashes:"),
        has("AssertionError [ERR_ASSERTION]"),
        has("hello,-world!"),
        has("'a---b'"),
        has("2 failing"),
        has("at Context.<anonymous> (test/slug.test.js"),
    ],
    exit_status=2,
)

_TS_CONFIG = (
    '{"compilerOptions": {"strict": true, "noEmit": true, "target": "es2020", "module": "commonjs"},'
    ' "include": ["src"]}\n'
)

case(
    name="tsc-type-error",
    tool="tsc",
    category="compile",
    ci="gitlab",
    tty=False,
    command="npx tsc -p . --pretty",
    setup=_NODE,
    files={
        "tsconfig.json": _TS_CONFIG,
        "src/order.ts": "export interface Order { id: string; cents: number; note?: string }\n\n"
        "export function total(orders: Order[]): number {\n"
        "  return orders.reduce((s, o) => s + o.cents, 0);\n}\n",
        "src/report.ts": "import { Order, total } from './order';\n\n"
        "export function line(o: Order): string {\n  const n: number = o.note;\n"
        "  return `${o.id}: ${n}`;\n}\n\nexport const sum = total([{ id: 'a', cents: '12' }]);\n",
    },
    keys=["TS2322", "src/report.ts"],
    cause=[
        has("error TS2322"),
        has("const n: number = o.note"),
        has("cents: '12'"),
        has("The expected type comes from property 'cents'"),
        has("export interface Order"),
        has("Found 2 errors"),
    ],
    exit_status=2,
)

_ESLINTRC = (
    '{"root": true, "env": {"node": true, "es2022": true}, "parserOptions": {"ecmaVersion": 2022},'
    ' "extends": "eslint:recommended", "rules": {"eqeqeq": "warn"}}\n'
)

case(
    name="eslint-errors",
    tool="eslint",
    category="lint",
    label=":eslint: Lint",
    command="npx eslint --color src",
    setup=_NODE,
    env={"ESLINT_USE_FLAT_CONFIG": "false"},
    files={
        ".eslintrc.json": _ESLINTRC,
        "src/server.js": "const http = require('http');\nconst path = require('path');\n\n"
        "function handler(req, res) {\n  if (req.url == '/health') {\n    res.end('ok');\n  }\n"
        "  res.end(renderPage(req.url));\n}\n\nhttp.createServer(handler).listen(8080);\n",
    },
    keys=["'path' is assigned a value but never used", "'renderPage' is not defined"],
    cause=[has("src/server.js"), has("no-unused-vars"), has("no-undef"), has("2 errors")],
    exit_status=1,
)

_MIGRATE = """\
const fs = require("fs");

function plan(cfg) {
  return cfg.steps.map((s, i) => `${i + 1}. ${s.name}`);
}

const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
console.log("planning migration for", cfg.database);
for (const line of plan(cfg.migrations)) console.log(line);
"""

case(
    name="node-uncaught-typeerror",
    tool="node",
    category="runtime",
    label=":node: Plan migration",
    command="node scripts/migrate.js db/migrations.json",
    tty=False,
    files={
        "scripts/migrate.js": _MIGRATE,
        "db/migrations.json": '{"database": "orders", "migrations": {"step": [{"name": "add_index"}]}}\n',
    },
    keys=["TypeError: Cannot read properties of undefined (reading 'map')"],
    cause=[
        span("scripts/migrate.js:4", "TypeError: Cannot read properties"),
        has("at plan ("),
        has("at Object.<anonymous> (/var/lib/buildkite-agent/builds/agent-3/acme/widgets/scripts/migrate.js"),
    ],
    exit_status=1,
)


def _bundle() -> str:
    # A one-line bundle, as a minifier writes it, with the fault deep inside it.
    mods = [f"function m{i}(e){{return e.v{i}=(e.v{i}||0)+{i},e}}" for i in range(260)]
    return (
        '!function(){"use strict";var t={};'
        + ";".join(mods)
        + ";function r(e){return e.session.user.id}"
        + ";".join(f"m{i}(t)" for i in range(260))
        + ';console.log("rendering dashboard");console.log(r(t))}();\n'
    )


case(
    name="node-minified-long-line",
    tool="node",
    category="runtime",
    label=":node: Smoke test bundle",
    command="node dist/app.min.js",
    tty=False,
    files={"dist/app.min.js": _bundle()},
    keys=["TypeError: Cannot read properties of undefined (reading 'user')"],
    cause=[
        has("TypeError: Cannot read properties of undefined (reading 'user')"),
        has("dist/app.min.js:1"),
        first("    at r ("),
    ],
    exit_status=1,
)

_CLIENT_TEST = """\
const test = require("node:test");
const assert = require("node:assert");

const BASE = process.env.API_URL || "http://127.0.0.1:59123";

test("health endpoint answers", async () => {
  const res = await fetch(`${BASE}/health`);
  assert.strictEqual(res.status, 200);
});

test("formats ids", () => {
  assert.strictEqual(String(42).padStart(6, "0"), "000042");
});
"""

case(
    name="node-test-econnrefused",
    tool="node --test",
    category="test",
    ci="travis",
    tty=False,
    command="node --test --test-reporter=spec test/",
    files={"test/client.test.js": _CLIENT_TEST},
    keys=["ECONNREFUSED", "health endpoint answers"],
    cause=[
        has("✖ health endpoint answers"),
        has("TypeError [Error]: fetch failed"),
        has("[cause]: Error: connect ECONNREFUSED"),
        has("at async TestContext.<anonymous>"),
        has("ℹ fail 1"),
    ],
    exit_status=1,
)

case(
    name="npm-e404",
    tool="npm",
    category="dependency",
    ci="github",
    tty=False,
    command="npm install --no-audit --no-fund some-nonexistent-package-xyz",
    files={"package.json": '{"name": "web", "version": "1.0.0", "private": true}\n'},
    keys=["E404", "some-nonexistent-package-xyz"],
    cause=[has("npm error code E404"), has("404 Not Found - GET"), has("could not be found")],
    exit_status=1,
)

case(
    name="npm-eresolve",
    tool="npm",
    category="dependency",
    label=":npm: npm ci",
    command="npm install --no-audit --no-fund",
    files={
        "package.json": '{"name": "web", "version": "1.0.0", "private": true, "dependencies": '
        '{"react": "18.2.0", "react-dom": "17.0.2"}}\n'
    },
    keys=["ERESOLVE", "react-dom@17.0.2"],
    cause=[
        has("npm error code ERESOLVE"),
        has("npm error ERESOLVE unable to resolve dependency tree"),
        has("While resolving"),
        has("Found: react@"),
        has("Could not resolve dependency"),
        has('peer react@"17.0.2"'),
        has("Fix the upstream dependency conflict"),
    ],
    exit_status=1,
)

# ------------------------------------------------------------------ Go

_GO_ENV = {
    "GOCACHE": "/tmp/corpus_gocache",
    "GOPATH": "/tmp/corpus_gopath",
    "GOPROXY": "off",
    "GOFLAGS": "-mod=mod",
    "PATH": "/usr/lib/go/bin:/usr/local/bin:/usr/bin:/bin",
}
_GO_MOD = "module github.com/acme/{name}\n\ngo 1.19\n"

_GO_PRICE = """\
package pricing

import "math"

// Apply returns cents after a percentage discount, rounded half away from zero.
func Apply(cents int, pct float64) int {
	return int(float64(cents) * (1 - pct/100))
}

func Round(x float64) float64 { return math.Round(x) }
"""

_GO_PRICE_TEST = """\
package pricing

import "testing"

func TestApply(t *testing.T) {
	cases := []struct {
		name  string
		cents int
		pct   float64
		want  int
	}{
		{"none", 1000, 0, 1000},
		{"half", 1000, 50, 500},
		{"odd", 999, 50, 500},
		{"tiny", 1, 50, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Apply(c.cents, c.pct); got != c.want {
				t.Errorf("Apply(%d, %v) = %d, want %d", c.cents, c.pct, got, c.want)
			}
		})
	}
}

func TestRound(t *testing.T) {
	if Round(2.5) != 3 {
		t.Fatal("round half up")
	}
}
"""

case(
    name="go-test-failure",
    tool="go test",
    category="test",
    ci="github",
    tty=False,
    command="go test ./...",
    env=_GO_ENV,
    gh_env={"GOFLAGS": "-mod=mod"},
    files={
        "go.mod": _GO_MOD.format(name="shop"),
        "pricing/pricing.go": _GO_PRICE,
        "pricing/pricing_test.go": _GO_PRICE_TEST,
        "cart/cart.go": "package cart\n\nfunc Count(xs []int) int { return len(xs) }\n",
        "cart/cart_test.go": 'package cart\n\nimport "testing"\n\nfunc TestCount(t *testing.T) {\n'
        '\tif Count([]int{1, 2}) != 2 {\n\t\tt.Fatal("count")\n\t}\n}\n',
    },
    keys=["TestApply/odd", "Apply(999, 50) = 499, want 500"],
    cause=[
        has("--- FAIL: TestApply "),
        has("--- FAIL: TestApply/odd"),
        has("--- FAIL: TestApply/tiny"),
        has("pricing_test.go:20:"),
        has("FAIL\tgithub.com/acme/shop/pricing"),
    ],
    exit_status=1,
)

case(
    name="go-build-error",
    tool="go build",
    category="compile",
    label=":go: Build",
    command="go build ./...",
    env=_GO_ENV,
    files={
        "go.mod": _GO_MOD.format(name="shop"),
        "cart/cart.go": "package cart\n\ntype Item struct {\n\tCents int\n\tQty   int\n}\n\n"
        "func Total(items []Item) int {\n\tvar total float64\n\tfor _, it := range items {\n"
        "\t\ttotal += float64(it.Cents * it.Qty)\n\t}\n\treturn applyDiscount(total)\n}\n",
        "cart/tax.go": "package cart\n\nfunc Tax(cents int) int {\n\treturn cents * 21 / 100\n}\n",
        "main.go": 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/acme/shop/cart"\n)\n\n'
        "func main() {\n\tfmt.Println(cart.Total(nil))\n}\n",
    },
    keys=["undefined: applyDiscount"],
    cause=[has("# github.com/acme/shop/cart"), has("undefined: applyDiscount")],
    exit_status=2,
)

_GO_PANIC_TEST = (
    """\
package registry

import "testing"

type Registry struct{ byName map[string]int }

func (r *Registry) Add(name string, id int) { r.byName[name] = id }

"""
    + "".join(
        f"""func TestLookup{i}(t *testing.T) {{
	if {i}+1 != {i + 1} {{
		t.Fatal("math")
	}}
}}

"""
        for i in range(30)
    )
    + """func TestAdd(t *testing.T) {
	var r Registry
	r.Add("alpha", 1)
	if r.byName["alpha"] != 1 {
		t.Fatal("missing")
	}
}
"""
)

case(
    name="go-test-panic",
    tool="go test",
    category="test",
    label=":go: Test",
    command="go test -v ./...",
    env=_GO_ENV,
    files={"go.mod": _GO_MOD.format(name="registry"), "registry_test.go": _GO_PANIC_TEST},
    keys=["panic: assignment to entry in nil map", "TestAdd"],
    cause=[
        has("--- FAIL: TestAdd"),
        has("panic: assignment to entry in nil map"),
        has("registry_test.go:7"),
        has("registry_test.go:191"),
        has("github.com/acme/registry.(*Registry).Add(...)"),
        has("github.com/acme/registry.TestAdd("),
        has("FAIL\tgithub.com/acme/registry"),
    ],
    exit_status=1,
)

# ------------------------------------------------------------------ Ruby

_RB_LIB = """\
class Money
  attr_reader :cents, :currency

  def initialize(cents, currency = "EUR")
    @cents = cents
    @currency = currency
  end

  def +(other)
    Money.new(cents + other.cents, currency)
  end

  def to_s
    format("%.2f %s", cents / 100, currency)
  end
end
"""

_RB_SPEC = (
    """\
require_relative "../lib/money"

RSpec.describe Money do
"""
    + "".join(
        f"""  it "adds amounts #{i}" do
    expect((Money.new({i}) + Money.new(1)).cents).to eq({i + 1})
  end

"""
        for i in range(10)
    )
    + """  it "formats cents" do
    expect(Money.new(1999).to_s).to eq("19.99 EUR")
  end

  it "refuses to add different currencies" do
    expect { Money.new(1, "EUR") + Money.new(1, "USD") }.to raise_error(ArgumentError)
  end
end
"""
)

case(
    name="rspec-failures",
    tool="rspec",
    category="test",
    ci="travis",
    command="rspec --force-color",
    files={"lib/money.rb": _RB_LIB, "spec/money_spec.rb": _RB_SPEC},
    keys=["Money formats cents", 'expected: "19.99 EUR"', "refuses to add different currencies"],
    cause=[
        has("1) Money formats cents"),
        has('expected: "19.99 EUR"'),
        has('got: "19.00 EUR"'),
        has("2) Money refuses to add different currencies"),
        has("expected ArgumentError but nothing was raised"),
        has("# ./spec/money_spec.rb"),
        has("12 examples, 2 failures"),
        has("rspec ./spec/money_spec.rb"),
    ],
    exit_status=1,
)

_MT_TEST = """\
require "minitest/autorun"
require_relative "../lib/semver"

class SemverTest < Minitest::Test
  def test_parse
    assert_equal [1, 2, 3], Semver.parse("1.2.3")
  end

  def test_compare
    assert_operator Semver.parse("1.10.0"), :>, Semver.parse("1.9.0")
  end

  def test_prerelease
    assert_equal [2, 0, 0], Semver.parse("2.0.0-rc.1")
  end
end
"""

case(
    name="minitest-failure",
    tool="minitest",
    category="test",
    ci="gitlab",
    tty=False,
    command="ruby -Ilib test/semver_test.rb --seed 4242",
    files={
        "lib/semver.rb": 'module Semver\n  def self.parse(s)\n    s.split(".").map { |p| Integer(p) }\n'
        "  end\nend\n",
        "test/semver_test.rb": _MT_TEST,
    },
    keys=["test_prerelease", "ArgumentError", "test_compare", "NoMethodError"],
    cause=[
        has("SemverTest#test_prerelease"),
        has('ArgumentError: invalid value for Integer(): "0-rc"'),
        has("test/semver_test.rb:14:in `test_prerelease'"),
        has("lib/semver.rb:3:in `Integer'"),
        has("SemverTest#test_compare"),
        has("NoMethodError: undefined method"),
        has("test/semver_test.rb:10:in `test_compare'"),
        has("assert o1.__send__(op, o2)"),
        has("3 runs, 1 assertions, 0 failures, 2 errors"),
    ],
    exit_status=1,
)

# ------------------------------------------------------------------ C with clang

case(
    name="clang-compile-error",
    tool="clang",
    category="compile",
    label=":llvm: clang build",
    command="clang -std=c11 -Wall -Werror -c src/ring.c -o ring.o",
    files={
        "src/ring.c": "#include <stddef.h>\n\nstruct ring { int *buf; size_t cap, head; };\n\n"
        "int ring_push(struct ring *r, int v) {\n    size_t unused_slot = 0;\n"
        "    if (r->head == r->cap) return -1;\n    r->buf[r->head++] = v;\n    return 0;\n}\n\n"
        "int ring_peek(const struct ring *r) {\n    return r->buf[r->tail];\n}\n"
    },
    keys=["no member named 'tail'", "unused variable 'unused_slot'"],
    cause=[
        has("error: unused variable 'unused_slot'"),
        has("size_t unused_slot = 0;"),
        has("error: no member named 'tail'"),
        has("return r->buf[r->tail];"),
        has("2 errors generated"),
    ],
    exit_status=1,
)

# ---------------------------------------------------------- Maven (offline: the local repository only)

_POM = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>ledger</artifactId>
  <version>1.4.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.11.0</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>
    </plugins>
  </build>
</project>
"""

_LEDGER = """\
package com.acme;

import java.util.ArrayList;
import java.util.List;

public class Ledger {
    private final List<Long> entries = new ArrayList<>();

    public void post(long cents) {
        if (cents == 0) {
            throw new IllegalArgumentException("zero entry");
        }
        entries.add(cents);
    }

    public long balance() {
        return entries.stream().mapToLong(Long::longValue).sum();
    }

    public int size() { return entries.size(); }
}
"""

_LEDGER_TEST = """\
package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test void postsCredits() { Ledger l = new Ledger(); l.post(5); assertEquals(5, l.balance()); }
    @Test void sumsEntries() { Ledger l = new Ledger(); l.post(5); l.post(7); assertEquals(12, l.balance()); }
    @Test void countsEntries() { Ledger l = new Ledger(); l.post(1); l.post(2); assertEquals(2, l.size()); }
    @Test void rejectsZero() { assertThrows(IllegalArgumentException.class, () -> new Ledger().post(0)); }
    @Test void rejectsOverdraft() {
        Ledger l = new Ledger();
        l.post(10);
        assertThrows(IllegalStateException.class, () -> l.post(-50));
    }
    @Test void balanceNeverNegative() { Ledger l = new Ledger(); l.post(-5); assertEquals(0, l.balance()); }
}
"""

case(
    name="maven-surefire-failure",
    tool="maven",
    category="test",
    ci="travis",
    tty=False,
    command="mvn -B -o test",
    files={
        "pom.xml": _POM,
        "src/main/java/com/acme/Ledger.java": _LEDGER,
        "src/test/java/com/acme/LedgerTest.java": _LEDGER_TEST,
    },
    keys=["LedgerTest.rejectsOverdraft", "LedgerTest.balanceNeverNegative", "expected: <0> but was: <-5>"],
    cause=[
        has("<<< FAILURE! -- in com.acme.LedgerTest"),
        has("com.acme.LedgerTest.rejectsOverdraft"),
        has("com.acme.LedgerTest.balanceNeverNegative"),
        has("Expected java.lang.IllegalStateException"),
        has("expected: <0> but was: <-5>"),
        has("at com.acme.LedgerTest."),
        has("LedgerTest.rejectsOverdraft:"),
        has("LedgerTest.balanceNeverNegative:"),
        has("[ERROR] Tests run: 6, Failures: 2"),
        has("There are test failures"),
    ],
    exit_status=1,
)

case(
    name="maven-compile-failure",
    tool="maven",
    category="compile",
    label=":maven: Compile",
    tty=False,
    command="mvn -B -o compile",
    files={
        "pom.xml": _POM,
        "src/main/java/com/acme/Ledger.java": _LEDGER.replace(
            "return entries.stream()", "return entries.stream().filter(e -> e > 0L)"
        ).replace(
            "public int size() { return entries.size(); }", "public int size() { return entries.size; }"
        ),
        "src/main/java/com/acme/Report.java": "package com.acme;\n\npublic class Report {\n"
        "    public static String render(Ledger l) {\n"
        "        String total = l.balance();\n"
        '        return "total=" + total;\n    }\n}\n',
    },
    keys=[
        "COMPILATION ERROR",
        "Report.java:[5,33] incompatible types: long cannot be converted to java.lang.String",
        "cannot find symbol",
    ],
    cause=[
        has("COMPILATION ERROR"),
        has("Report.java:[5,33]"),
        has("Ledger.java:[20,39] cannot find symbol"),
        has("symbol:   variable size"),
        has("location: variable entries"),
        has("2 errors"),
        has("Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin"),
    ],
    exit_status=1,
)

# ------------------------------------------------------------------ more tools and shapes

case(
    name="git-missing-ref",
    tool="git",
    category="infrastructure",
    label=":git: Fetch release branch",
    command="git fetch origin release-2.4 && git checkout release-2.4",
    tty=False,
    setup="git init -q --bare /tmp/corpus-origin.git && git init -q . && git config user.email ci@acme.io && "
    "git config user.name ci && git commit -q --allow-empty -m init && "
    "git remote add origin /tmp/corpus-origin.git && git push -q origin HEAD:main",
    cleanup="rm -rf /tmp/corpus-origin.git",
    keys=["couldn't find remote ref release-2.4"],
    cause=[has("fatal: couldn't find remote ref release-2.4")],
    exit_status=128,
)

_SERVER = """\
import importlib
import logging

logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
log = logging.getLogger("worker.boot")

PLUGINS = ["auth", "billing", "exports", "webhooks"]

for name in PLUGINS:
    log.info("loading plugin %s", name)
    importlib.import_module(f"plugins.{name}")
log.info("all plugins loaded")
"""

case(
    name="python-modulenotfound-plugin",
    tool="python",
    category="dependency",
    ci="github",
    tty=False,
    command="python -m worker",
    gh_env={"PYTHONPATH": "."},
    files={
        "worker/__init__.py": "",
        "worker/__main__.py": _SERVER,
        "plugins/__init__.py": "",
        "plugins/auth.py": "import hmac\n",
        "plugins/billing.py": "import decimal\n",
        "plugins/exports.py": "import csv\nimport openpyxl\n",
        "plugins/webhooks.py": "import json\n",
    },
    keys=["ModuleNotFoundError: No module named 'openpyxl'"],
    cause=[
        has('File "/home/runner/work/widgets/widgets/plugins/exports.py", line 2'),
        has("import openpyxl"),
        has("ModuleNotFoundError: No module named 'openpyxl'"),
        has('importlib.import_module(f"plugins.{name}")'),
        has('worker/__main__.py", line 11'),
    ],
    exit_status=1,
)

_GOVET = """\
package main

import (
	"fmt"
	"os"
)

func main() {
	name := os.Getenv("USER")
	fmt.Printf("hello %d\\n", name)
	if len(os.Args) > 1 {
		fmt.Println("args:", os.Args[1:])
	}
	return
	fmt.Println("unreachable")
}
"""

case(
    name="go-vet",
    tool="go vet",
    category="lint",
    ci="gitlab",
    tty=False,
    command="go vet ./...",
    env=_GO_ENV,
    files={"go.mod": _GO_MOD.format(name="hello"), "main.go": _GOVET},
    keys=["fmt.Printf format %d has arg name of wrong type string"],
    cause=[
        has("# github.com/acme/hello"),
        has("format %d has arg name of wrong type string"),
        has("unreachable code"),
    ],
    exit_status=2,
)

_IMPORTER = """\
import logging
import random

logging.basicConfig(format="%(asctime)s %(levelname)-7s %(name)s: %(message)s", level=logging.INFO)
log = logging.getLogger("importer")
rng = random.Random(7)


class Store:
    def __init__(self):
        self.rows = {}

    def upsert(self, key, row):
        if row["amount"] < 0 and key.startswith("inv-"):
            raise ValueError(f"negative amount {row['amount']} for invoice {key}")
        self.rows[key] = row


def main():
    store = Store()
    for batch in range(1, 3001):
        if batch % 400 == 0:
            log.error("upstream returned 503 for batch %d, retrying (error_count=1)", batch)
            log.info("batch %d retry ok", batch)
        key = f"inv-{batch:05d}"
        amount = -125 if batch == 2874 else rng.randint(1, 5000)
        store.upsert(key, {"amount": amount})
        log.info("imported batch %d/3000 (%d rows)", batch, len(store.rows))
    log.info("done")


if __name__ == "__main__":
    main()
"""

case(
    name="python-importer-crash-after-3000-lines",
    tool="python",
    category="runtime",
    label=":inbox_tray: Import invoices",
    command="python importer.py",
    tty=False,
    post_hook=True,
    files={"importer.py": _IMPORTER},
    keys=["ValueError: negative amount -125 for invoice inv-02874"],
    cause=[span("Traceback (most recent call last)", "ValueError: negative amount")],
    exit_status=1,
)

_PROVE = """\
use strict;
use warnings;
use Test::More tests => 4;

sub trim { my $s = shift; $s =~ s/^\\s+//; return $s; }

is(trim("  a"), "a", "leading spaces");
is(trim("b  "), "b", "trailing spaces");
is(trim(" c "), "c", "both sides");
ok(defined trim(""), "empty string");
"""

case(
    name="perl-prove-failure",
    tool="prove",
    category="test",
    ci="travis",
    tty=False,
    command="prove -v t/",
    files={"t/trim.t": _PROVE, "t/basic.t": "use Test::More tests => 1;\nok(1, 'loads');\n"},
    keys=["trailing spaces", "Failed 2/4 subtests"],
    cause=[
        has("not ok 2 - trailing spaces"),
        has("not ok 3 - both sides"),
        has("#   Failed test"),
        has("#   at t/trim.t line"),
        has("#          got:"),
        has("#     expected:"),
        has("# Looks like you failed 2 tests of 4"),
        has("Failed 2/4 subtests"),
        has("t/trim.t (Wstat:"),
        has("Dubious, test returned 2"),
        has("Failed tests:  2-3"),
        has("Result: FAIL"),
    ],
    exit_status=1,
)

case(
    name="ctest-failure",
    tool="ctest",
    category="test",
    label=":cmake: ctest",
    command="cmake -S . -B build >/dev/null && cmake --build build >/dev/null && ctest --test-dir build "
    "--output-on-failure",
    files={
        "CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject(codec C)\nenable_testing()\n"
        "add_executable(test_codec test_codec.c)\nadd_test(NAME roundtrip COMMAND test_codec roundtrip)\n"
        "add_test(NAME empty COMMAND test_codec empty)\nadd_test(NAME utf8 COMMAND test_codec utf8)\n",
        "test_codec.c": "#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char **argv) {\n"
        '    if (strcmp(argv[1], "utf8") == 0) {\n'
        '        fprintf(stderr, "test_codec.c:7: decode(\\"\\\\xc3\\\\xa9\\") returned 2 bytes, '
        'expected 1 code point\\n");\n        return 1;\n    }\n'
        '    printf("%s ok\\n", argv[1]);\n    return 0;\n}\n',
    },
    keys=["utf8", "The following tests FAILED"],
    cause=[
        has("Test #3: utf8 ...."),
        has("returned 2 bytes, expected 1 code point"),
        has("tests passed, 1 tests failed"),
        has("The following tests FAILED"),
        has("3 - utf8 (Failed)"),
    ],
    exit_status=8,
)

case(
    name="cargo-clippy-deny",
    tool="clippy",
    category="lint",
    ci="github",
    tty=False,
    command="cargo clippy --color=always -- -D warnings",
    files={
        "Cargo.toml": _CARGO_TOML.format(name="paths", deps=""),
        "src/lib.rs": "pub fn is_empty_path(p: &String) -> bool {\n    p.len() == 0\n}\n\n"
        'pub fn join(a: &str, b: &str) -> String {\n    return format!("{}/{}", a, b);\n}\n',
    },
    keys=["clippy::ptr_arg", "len_zero", "needless_return"],
    cause=[
        has(r"^error: ", rx=True),
        has("--> src/lib.rs"),
        has("could not compile `paths`"),
        has("-D clippy::ptr-arg"),
    ],
    exit_status=101,
)

_SECTIONS = """\
#!/bin/bash
set -euo pipefail
echo "--- :pip: Installing test dependencies"
python -m venv .venv
.venv/bin/python -m pip install -q -r requirements-test.txt
echo "cache hit: pip wheels (0 errors)"
echo "--- :pytest: Running unit tests"
python -m pytest -q --color=yes -p no:cacheprovider tests/
echo "--- :codecov: Uploading coverage"
"""

case(
    name="buildkite-script-sections-pytest",
    tool="pytest",
    category="test",
    label=":hammer: CI",
    command="./ci/test.sh",
    files={
        "ci/test.sh": _SECTIONS,
        "requirements-test.txt": "# pinned by pip-compile\n",
        "app/__init__.py": "",
        "app/tokens.py": "import secrets\n\n\ndef make_token(n=16):\n    return secrets.token_hex(n)\n",
        "tests/test_tokens.py": "from app.tokens import make_token\n\n\ndef test_length():\n"
        "    assert len(make_token()) == 16\n\n\ndef test_hex():\n    int(make_token(), 16)\n",
    },
    keys=["test_length", "assert 32 == 16"],
    cause=[
        has(r"^>\s", rx=True),
        has(r"^E\s", rx=True),
        has("tests/test_tokens.py:5: AssertionError"),
        has("FAILED tests/test_tokens.py::test_length"),
    ],
    exit_status=1,
)

case(
    name="gofmt-check",
    tool="gofmt",
    category="lint",
    ci="github",
    tty=False,
    command='test -z "$(gofmt -l . | tee /dev/stderr)"',
    env=_GO_ENV,
    files={
        "go.mod": _GO_MOD.format(name="fmtcheck"),
        "main.go": 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("ok")\n}\n',
        "util/strings.go": "package util\n\nfunc Reverse(s string) string{\n  r := []rune(s)\n"
        "  for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 { r[i], r[j] = r[j], r[i] }\n"
        "  return string(r)\n}\n",
    },
    keys=["util/strings.go"],
    cause=[has("util/strings.go")],
    exit_status=1,
)

_JAVA_APP = """\
package com.acme;

import java.util.HashMap;
import java.util.Map;

public class Importer {
    static final Map<String, String> COLUMNS = new HashMap<>();

    static int width(String column) {
        return COLUMNS.get(column).length();
    }

    static void load(String path) {
        try {
            System.out.println("loading " + path);
            System.out.println("width of sku column: " + width("sku"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("failed to load schema from " + path, e);
        }
    }

    public static void main(String[] args) {
        COLUMNS.put("id", "long");
        load("schemas/orders.csvs");
    }
}
"""

case(
    name="java-npe-caused-by",
    tool="java",
    category="runtime",
    label=":java: Import schema",
    tty=False,
    command="javac -d out src/com/acme/Importer.java && java -cp out com.acme.Importer",
    files={"src/com/acme/Importer.java": _JAVA_APP},
    keys=["IllegalStateException: failed to load schema", "NullPointerException"],
    cause=[
        has('Exception in thread "main" java.lang.IllegalStateException'),
        has("at com.acme.Importer.load(Importer.java:18)"),
        has("Caused by: java.lang.NullPointerException"),
        has("at com.acme.Importer.width(Importer.java:10)"),
        has("at com.acme.Importer.load(Importer.java:16)"),
    ],
    exit_status=1,
)

case(
    name="cargo-run-unwrap-panic",
    tool="cargo",
    category="runtime",
    ci="gitlab",
    tty=False,
    command="cargo run --quiet -- config/prod.toml",
    env={"RUST_BACKTRACE": "1"},
    files={
        "Cargo.toml": _CARGO_TOML.format(name="svc", deps=""),
        "config/prod.toml": "port = 8080\n",
        "src/main.rs": "use std::collections::HashMap;\n\nfn parse(text: &str) -> HashMap<String, String> {\n"
        '    text.lines()\n        .filter_map(|l| l.split_once(" = "))\n'
        "        .map(|(k, v)| (k.to_string(), v.to_string()))\n        .collect()\n}\n\n"
        "fn main() {\n    let path = std::env::args().nth(1).unwrap();\n"
        "    let cfg = parse(&std::fs::read_to_string(&path).unwrap());\n"
        '    println!("port {}", cfg["port"]);\n    let host = cfg.get("host").unwrap();\n'
        '    println!("host {host}");\n}\n',
    },
    keys=["called `Option::unwrap()` on a `None` value", "src/main.rs:14"],
    cause=[
        has("panicked at src/main.rs:14"),
        has("called `Option::unwrap()` on a `None` value"),
        has("svc::main"),
        has("at ./src/main.rs:14"),
    ],
    exit_status=101,
)

_FAULT = """\
import ctypes
import faulthandler

faulthandler.enable()


def checksum(buf_addr, n):
    return sum(ctypes.string_at(buf_addr, n))


def main():
    print("verifying 3 blobs", flush=True)
    for addr in (id(main), 8):
        print(checksum(addr, 16))


main()
"""

case(
    name="python-faulthandler-segfault",
    tool="python",
    category="crash",
    label=":python: Verify blobs",
    tty=False,
    command="python verify.py",
    run="python verify.py; exit $?",  # the agent runs commands from a bash script, which reports the signal
    files={"verify.py": _FAULT},
    keys=["Fatal Python error: Segmentation fault"],
    cause=[
        has("Fatal Python error: Segmentation fault"),
        has('File "/var/lib/buildkite-agent/builds/agent-3/acme/widgets/verify.py", line 8 in checksum'),
        has('verify.py", line 14 in main'),
        has("Segmentation fault"),
    ],
    exit_status=139,
)

_PHP = """\
<?php
declare(strict_types=1);

final class Invoice
{
    public function __construct(public readonly string $id, public readonly int $cents) {}
}

function parseInvoice(array $row): Invoice
{
    return new Invoice($row['id'], $row['cents']);
}

$rows = json_decode(file_get_contents(__DIR__ . '/../fixtures/invoices.json'), true);
echo "importing " . count($rows) . " invoices\\n";
foreach ($rows as $row) {
    $inv = parseInvoice($row);
    echo "imported {$inv->id}\\n";
}
"""

case(
    name="php-uncaught-typeerror",
    tool="php",
    category="runtime",
    ci="travis",
    tty=False,
    command="php bin/import.php",
    files={
        "bin/import.php": _PHP,
        "fixtures/invoices.json": '[{"id": "inv-1", "cents": 1200}, {"id": "inv-2", "cents": "12.50"}]\n',
    },
    keys=["Uncaught TypeError", "Argument #2 ($cents) must be of type int, string given"],
    cause=[
        has("Fatal error:  Uncaught TypeError"),
        has("#0 /home/travis/build/acme/widgets/bin/import.php"),
        has("#1 /home/travis/build/acme/widgets/bin/import.php"),
        has("thrown in /home/travis/build/acme/widgets/bin/import.php"),
    ],
    exit_status=255,
)
