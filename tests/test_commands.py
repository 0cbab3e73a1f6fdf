"""The failing command as the category of a failure no rule names (core/commands.py)."""

from __future__ import annotations

import pytest

from core.analysis import analyse
from core.commands import command_category
from core.models import Category
from tests.joblog import BK, RULES, bk_log


@pytest.mark.parametrize(
    ("command", "category"),
    [
        ("npx eslint --color src", Category.LINT),
        ("black --check .", Category.LINT),
        ('test -z "$(gofmt -l . | tee /dev/stderr)"', Category.LINT),
        ("cargo fmt --all -- --check", Category.LINT),
        ("bundle exec rubocop", Category.LINT),
        ("pytest -q tests/", Category.TEST),
        ("bundle exec rspec", Category.TEST),
        ("./ci/run-tests.sh", Category.TEST),
        ("make test", Category.TEST),
        ("mvn -B verify", Category.TEST),
        ("pip install -r requirements.txt && pytest -x", Category.TEST),  # the last one ran last
        ("npm ci --no-audit", Category.DEPENDENCY),
        ("npm install test-utils", Category.DEPENDENCY),  # a package's name is not the work
        ("pip install pytest", Category.DEPENDENCY),
        ("make", Category.COMPILE),
        ("cargo build --release", Category.COMPILE),
        ("./gradlew assemble", Category.COMPILE),
        ("./ci/fetch-artifacts.sh", Category.INFRASTRUCTURE),
        ("curl -fsSL https://example.com/x.tgz -o x.tgz", Category.INFRASTRUCTURE),
        ("bash check.sh", None),
        ("python tools/render.py --format json", None),  # a flag is not a formatter
        ("./script --test-output out", None),
        # Any `...lint` is a linter; more tools of each kind.
        ("commitlint --from main --to HEAD", Category.LINT),
        ("npx jsonlint -q data/a.json", Category.LINT),
        ("htmlhint --nocolor public", Category.LINT),  # and any `...hint`
        ("npx jshint src", Category.LINT),
        ("./ci/hint.sh", None),  # not a bare `hint`
        ("perlcritic --severity 4 lib", Category.LINT),
        ("codespell src docs", Category.LINT),
        ("python -m doctest ledger/money.py", Category.TEST),
        ("dune runtest", Category.TEST),
        ("node --test", Category.TEST),
        ("bats test/cli.bats", Category.TEST),
        ("erlc -Werror -o ebin src/billing.erl", Category.COMPILE),
        ("python -m compileall -q src", Category.COMPILE),
        ("nvcc -o kern kern.cu", Category.COMPILE),
        ("bun install --frozen-lockfile", Category.DEPENDENCY),
        ("dotnet restore", Category.DEPENDENCY),
        ("pip-compile requirements.in", Category.DEPENDENCY),
        ("npm audit --audit-level=high", Category.DEPENDENCY),
        ("terraform destroy -auto-approve", Category.INFRASTRUCTURE),
        # Versions and wrappers do not hide the tool.
        ("gcc-12 -O2 -c a.c", Category.COMPILE),
        ("gfortran-13 -o report src/report.f90", Category.COMPILE),
        ("python3.11 -m pip install -r requirements.txt", Category.DEPENDENCY),
        ("pip3.12 install .", Category.DEPENDENCY),
        ("poetry run mypy src", Category.LINT),
        ("uv run pytest -x", Category.TEST),
        ("tox -e lint", Category.LINT),
        ("just test", Category.TEST),
        ("pre-commit run --all-files", Category.LINT),
        # Gradle's camel case tasks name the work; a flag's camel case does not.
        ("./gradlew :app:testDebugUnitTest", Category.TEST),
        ("./gradlew :app:lintRelease", Category.LINT),
        ("./gradlew assembleRelease", Category.COMPILE),
        ("mvn install -DskipTests", Category.COMPILE),
        # A `build/` directory is where a build went, not the work of this command.
        ('buildkite-agent artifact upload "build/reports/**/*"', Category.INFRASTRUCTURE),
        ("ls build/", None),
        # Starting a stack of services is the infrastructure's work; reading its logs names none.
        ("docker compose up -d --wait", Category.INFRASTRUCTURE),
        ("docker-compose up --abort-on-container-exit", Category.INFRASTRUCTURE),
        ("docker compose logs --tail 12 db", None),
        ("python tools/flintstone.py", None),  # a longer word is not a linter
    ],
)
def test_commands_name_the_work(command: str, category: Category | None) -> None:
    assert command_category(command) is category


@pytest.mark.parametrize(
    ("label", "category"),
    [
        (":pytest: Unit tests", Category.TEST),
        (":eslint: Lint", Category.LINT),
        (":package: Fetch artifacts", Category.INFRASTRUCTURE),
        (":hammer: Build", None),  # every pipeline has one: it says nothing
        (":docker: Build image", None),
        (":git: Pushing to origin/main", Category.INFRASTRUCTURE),
        ("Deploying to staging", Category.INFRASTRUCTURE),
        ("Uploading site artifacts", Category.INFRASTRUCTURE),
        ("Check formatting", Category.LINT),
        ("Compiling assets", Category.COMPILE),
        (":python: MyPy", Category.LINT),  # a brand's camel case is one word
        (":scroll: License check", None),
    ],
)
def test_step_labels_name_the_work_only_when_they_say_it(label: str, category: Category | None) -> None:
    assert command_category(label, label=True) is category


def _bk_log(label: str, command: str, output: list[str], status: int = 1) -> bytes:
    return bk_log(output, status=status, section=f"--- {label}", command=command)


def test_an_unrecognised_failure_takes_the_category_of_the_command_that_failed() -> None:
    log = _bk_log(":hammer: Check", "isort --check-only --diff src", ["would rewrite src/app/models.py"])
    cards = analyse(log, RULES, exit_status=1)
    assert cards[0].rule == "fallback.tail"
    assert cards[0].category is Category.LINT


def test_the_label_decides_when_the_command_is_a_script() -> None:
    log = _bk_log(":pytest: Unit tests", "./ci/step.sh", ["something odd happened"])
    assert analyse(log, RULES, exit_status=1)[0].category is Category.TEST


def test_a_command_from_an_earlier_section_does_not_count() -> None:
    # The checkout's `$ git ...` is another section's command; this one names no work.
    log = _bk_log(":hammer: Build", "bash check.sh", ["checking generated files are up to date"])
    assert analyse(log, RULES, exit_status=1)[0].category is Category.UNKNOWN


def test_a_section_the_commands_own_output_opened_is_still_that_commands() -> None:
    # The command echoes `--- docker compose logs db` itself: no CI step began, the command is
    # still the one that failed (and its label says nothing).
    log = _bk_log(
        ":hammer: Integration services",
        "docker compose up -d --wait || docker compose logs --tail 12 db",
        ["container db-1 is unhealthy", "--- docker compose logs db", "db-1  | up"],
    )
    assert analyse(log, RULES, exit_status=1)[0].category is Category.INFRASTRUCTURE


def test_a_step_after_the_checkout_does_not_take_the_checkout_command() -> None:
    # A step's section with no command echoed: the agent's `git checkout` above is no step's work.
    lines = [
        "~~~ Preparing working directory",
        "\x1b[90m$\x1b[0m git fetch -v --prune -- origin 3f9c2e1a7d",
        "--- :scroll: License check",
        "checking generated files are up to date",
        "^^^ +++",
        "user command error: exit status 1",
    ]
    log = b"".join(BK + line.encode() + b"\r\n" for line in lines)
    assert analyse(log, RULES, exit_status=1)[0].category is Category.UNKNOWN


def test_a_rule_category_is_never_overridden() -> None:
    log = _bk_log(":eslint: Lint", "npm test", ["FAILED tests/test_x.py::test_y - AssertionError: boom"])
    cards = analyse(log, RULES, exit_status=1)
    assert cards[0].category is Category.TEST


def test_github_group_titles_are_commands() -> None:
    ts = "2026-02-12T13:07:03.6231586Z "
    lines = [
        "##[group]Run actions/checkout@v4",
        "##[endgroup]",
        '##[group]Run test -z "$(gofmt -l . | tee /dev/stderr)"',
        "shell: /usr/bin/bash -e {0}",
        "##[endgroup]",
        "util/strings.go",
        "##[error]Process completed with exit code 1.",
    ]
    log = "".join(f"{ts}{line}\n" for line in lines).encode()
    assert analyse(log, RULES, exit_status=1)[0].category is Category.LINT
