"""What kind of work a step's command is: the category of a failure no rule could name.

When no rule recognises the error (a failure with "no known error pattern", a bare
`make: *** [all] Error 1`), the command that failed still tells a reader what broke: `eslint .` is
lint, `pytest -x` is test, `npm ci` is dependency. The step's label says the same when the command
is a script (`--- :pytest: Unit tests`, GitHub's `Run ./ci/check.sh`).

Rules as data, matched on the lower-cased command or label; the first match wins, so the specific
(`npm run lint`, `cargo test`) comes before the general (`npm`, `cargo`).
"""

from __future__ import annotations

import re

from core.models import Category

_W = r"(?<![\w.-])"  # a word start: not inside a path, flag or longer name
_E = r"(?![\w-])"  # a word end

COMMAND_CATEGORIES: tuple[tuple[str, Category], ...] = (
    # Linters, formatters and static analysis (before test: "npm run lint", "make lint").
    (
        rf"{_W}(?:lint|linters?|linting|eslint|tslint|stylelint|prettier|biome|flake8|pylint|ruff|black|"
        r"isort|yapf|autopep8|mypy|pyright|pytype|pyflakes|pycodestyle|pydocstyle|bandit|vulture|"
        r"golangci|gofmt|goimports|go vet|staticcheck|revive|shellcheck|shfmt|hadolint|yamllint|"
        r"markdownlint|rubocop|standardrb|clippy|rustfmt|cargo fmt|ktlint|detekt|checkstyle|spotless|"
        r"pmd|spotbugs|swiftlint|swiftformat|tflint|terraform fmt|cfn|actionlint|pre commit|tidy|"
        rf"cpplint|cppcheck|phpcs|phpstan|psalm|credo|dialyzer|style|fmt|format){_E}",
        Category.LINT,
    ),
    # Installing dependencies (before test: "pip install pytest" installs, it does not test).
    (
        rf"{_W}(?:npm (?:ci|install|i)|yarn install|yarn$|pnpm (?:install|i)|pip3? install|"
        r"python3? -m pip install|poetry (?:install|lock|update)|pipenv (?:install|sync|lock)|"
        r"uv (?:sync|pip|lock)|bundle install|composer (?:install|update|require)|go mod|go get|"
        rf"cargo fetch|conda|mamba|micromamba|dependencies|deps|vendor){_E}",
        Category.DEPENDENCY,
    ),
    # Test runners, and test steps by name.
    (
        rf"{_W}(?:tests?|testing|pytest|py\.test|tox|nox|jest|vitest|mocha|ava|karma|jasmine|cypress|"
        r"playwright|rspec|minitest|phpunit|prove|ctest|nextest|specs?|e2e|integration|unit|verify|"
        rf"make check|gradlew? check|coverage){_E}",
        Category.TEST,
    ),
    # Compiling and building.
    (
        rf"{_W}(?:build|compile|gcc|g\+\+|clang\+\+|clang|cc|c\+\+|make|cmake|ninja|meson|javac|tsc|"
        r"webpack|vite|rollup|esbuild|parcel|msbuild|xcodebuild|bazel|buck2?|sbt|kotlinc|scalac|rustc|"
        rf"cargo check|mvn|mvnw|gradlew?){_E}",
        Category.COMPILE,
    ),
    # Moving things over the network, and deploys.
    (
        rf"{_W}(?:curl|wget|fetch|git (?:clone|fetch|pull|push|submodule|lfs)|ssh|scp|rsync|aws|gcloud|"
        r"gsutil|az|kubectl|helm|terraform (?:init|plan|apply)|docker (?:push|pull|login)|apt-get|apt|"
        rf"apk|yum|dnf|brew|buildkite-agent|upload|download|deploy|publish|release){_E}",
        Category.INFRASTRUCTURE,
    ),
)

_TABLE = tuple((re.compile(pattern), category) for pattern, category in COMMAND_CATEGORIES)
_EMOJI = re.compile(r":([a-z0-9_+-]+):")  # Buildkite labels: ":pytest: Tests" names the tool
_JOINED = re.compile(r"(?<=[a-z0-9])[-_](?=[a-z])")  # run-tests.sh, fetch_deps: words, not flags
_CHAIN = re.compile(r"&&|\|\||;|\|")
# In a step's label these say nothing about the work: every pipeline has a ":hammer: Build".
_LABEL_NOISE = re.compile(r"\b(?:build|builds|package|hammer|ci|step|job|run|pipeline)\b")


def command_category(command: str, *, label: bool = False) -> Category | None:
    """The category a command (or, with `label`, a step's label) names; None when it names none
    we know. In a chain (`pip install -r req.txt && pytest`) the last command that names one
    decides: the earlier ones usually succeeded for the later to run."""
    text = _JOINED.sub(" ", _EMOJI.sub(r" \1 ", command.lower()))
    if label:
        text = _LABEL_NOISE.sub(" ", text)
    for part in reversed(_CHAIN.split(text)):
        for pattern, category in _TABLE:
            if pattern.search(part):
                return category
    return None
