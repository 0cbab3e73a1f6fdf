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
# A word end: not inside a longer name; a version may follow (`gcc-12`, `python3.11`, `pip3`).
_E = r"(?:-?\d+(?:\.\d+)*)?(?![\w-])"

COMMAND_CATEGORIES: tuple[tuple[str, Category], ...] = (
    # Linters, formatters and static analysis (before test: "npm run lint", "make lint"). Any
    # `...lint` is a linter (commitlint, jsonlint, golint, xmllint, markdownlint, ...), and so is
    # a `...hint` (jshint, htmlhint, csshint). A documentation checker too: it builds nothing the
    # product runs, it checks the docs' markup and links (`javadoc -Xdoclint`, `mkdocs build
    # --strict`, `sphinx-build -W`, `doxygen`, `cargo doc`, `twine check` of a package's
    # description). Security scanners of code, workflows and commits (`flawfinder`, `zizmor`,
    # `detect-secrets-hook`, `gitleaks`) and checkers of a codebase's module graph (cycles, forbidden
    # imports: `depcruise`, `madge`) report findings in the source, like any linter.
    (
        rf"{_W}(?:[a-z0-9]*lint(?:s|ers?|ing)?|[a-z0-9]+hint|biome|prettier|flake8|pylint|ruff|black|"
        r"isort|yapf|autopep8|autoflake|pyupgrade|mypy|pyright|pytype|pyflakes|pycodestyle|pydocstyle|"
        r"bandit|vulture|interrogate|nbqa|radon|xenon|perlcritic|perltidy|gofmt|goimports|go vet|"
        r"staticcheck|revive|gosec|errcheck|flawfinder|zizmor|detect secrets(?: hook)?|gitleaks|trufflehog|"
        r"depcruise|dependency cruiser|madge|docformatter|"
        r"javadoc|mkdocs|sphinx build|doxygen|typedoc|jsdoc|rustdoc|cargo doc|twine check|"
        r"ineffassign|misspell|shellcheck|shfmt|rubocop|standardrb|brakeman|sorbet|clippy|rustfmt|"
        r"cargo fmt|ktfmt|detekt|checkstyle|spotless|pmd|spotbugs|swiftformat|scalafmt|scalafix|"
        r"terraform fmt|tfsec|checkov|cfn|pre commit|tidy|cppcheck|phpcs|phpstan|psalm|credo|dialyzer|"
        r"codespell|cspell|typos|vale|sqlfluff|semgrep|luacheck|selene|stylua|dprint|taplo|mdformat|"
        rf"editorconfig|(?:dart|flutter) analyze|style|fmt|format(?:s|ting|ted|ter)?){_E}",
        Category.LINT,
    ),
    # Installing dependencies (before test: "pip install pytest" installs, it does not test), and
    # auditing them.
    (
        rf"{_W}(?:(?:npm|pnpm|bun) (?:ci|install|i|add|update)|yarn (?:install|add)|yarn$|"
        r"pip[\d.]* (?:install|sync|compile)|python[\d.]* -m pip install|"
        r"poetry (?:install|lock|update|add)|pipenv (?:install|sync|lock)|pdm (?:install|sync|lock|update)|"
        r"uv (?:sync|pip|lock|add)|rye sync|bundle (?:install|update|lock)|gem install|"
        r"composer (?:install|update|require)|go mod|go get|cargo (?:fetch|update|generate lockfile)|"
        r"dotnet restore|nuget (?:restore|install)|conan install|vcpkg install|pod (?:install|update)|"
        r"carthage|(?:flutter|dart) pub (?:get|upgrade)|swift package resolve|cabal update|bower install|"
        r"(?:npm|yarn|pnpm|cargo|bundle) audit|pip audit|pip check|(?:npm|pnpm) ls|safety check|cargo deny|"
        rf"conda|mamba|micromamba|dependency|dependencies|deps|vendor|lockfile){_E}",
        Category.DEPENDENCY,
    ),
    # Test runners, and test steps by name.
    (
        rf"{_W}(?:tests?|testing|tested|unittest|doctest|runtests?|pytest|py\.test|tox|nox|jest|vitest|mocha|"
        r"ava|karma|jasmine|cypress|playwright|wdio|testcafe|detox|newman|rspec|minitest|phpunit|phpspec|"
        r"pest|codecept(?:ion)?|prove|bats|busted|behave|cucumber|robot|eunit|ct run|testthat|ctest|"
        r"nextest|gotestsum|node --test|specs?|e2e|integration|unit|verify|"
        rf"make check|gradlew? check|coverage){_E}",
        Category.TEST,
    ),
    # Compiling and building (`build/` is a directory: `upload "build/reports"` builds nothing).
    (
        rf"{_W}(?:build(?!/)|compil(?:e|es|ed|ing|ation|er|eall)|gcc|g\+\+|clang\+\+|clang|cc|c\+\+|"
        r"gfortran|ifort|ifx|flang|nvcc|make|gmake|nmake|cmake|ninja|meson|scons|javac|tsc|babel|swc|"
        r"webpack|vite|rollup|esbuild|parcel|sass|lessc|msbuild|xcodebuild|bazel|buck2?|sbt|kotlinc|"
        r"scalac|swiftc|rustc|cargo check|erlc|elixirc|ghc|ocamlc|ocamlopt|ocamlfind|dmd|ldc2|fpc|nasm|"
        rf"yasm|valac|zig|cython|protoc|latexmk|pdflatex|xelatex|lualatex|mvn|mvnw|gradlew?){_E}",
        Category.COMPILE,
    ),
    # Moving things over the network, and deploys.
    (
        rf"{_W}(?:curl|wget|fetch(?:es|ing|ed)?|git (?:clone|fetch|pull|push|submodule|lfs)|"
        r"push(?:es|ing|ed)?|ssh|scp|rsync|aws|gcloud|gsutil|az|kubectl|helm|kustomize|argocd|eksctl|"
        r"terraform (?:init|plan|apply|destroy|import|refresh)|terragrunt|pulumi|"
        r"docker (?:push|pull|login)|docker[- ]compose up|skopeo|crane|oras|"
        r"apt-get|apt|apk|yum|dnf|zypper|brew|choco|"
        r"buildkite[- ]agent|upload(?:s|ing|ed)?|download(?:s|ing|ed)?|deploy(?:s|ing|ed|ments?)?|"
        rf"publish(?:es|ing|ed)?|releas(?:e|es|ed|ing)){_E}",
        Category.INFRASTRUCTURE,
    ),
)

_TABLE = tuple((re.compile(pattern), category) for pattern, category in COMMAND_CATEGORIES)
_EMOJI = re.compile(r":([a-z0-9_+-]+):")  # Buildkite labels: ":pytest: Tests" names the tool
_JOINED = re.compile(r"(?<=[a-z0-9])[-_](?=[a-z])")  # run-tests.sh, fetch_deps: words, not flags
# The separators of a shell chain (`a && b`, `a || b`, `a; b`, `a | b`).
CHAIN = re.compile(r"&&|\|\||;|\|")
# Gradle's and Android's task names are camel case words (`testDebugUnitTest`, `:app:lintRelease`);
# not a brand's (`MyPy`, `ShellCheck`), nor a flag's (`-DskipTests`, `--runInBand`).
_CAMEL = re.compile(r"(?<![\w.=/-])[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+\b")
# In a step's label these say nothing about the work: every pipeline has a ":hammer: Build".
_LABEL_NOISE = re.compile(r"\b(?:build|builds|package|hammer|ci|step|job|run|pipeline)\b")


def command_category(command: str, *, label: bool = False) -> Category | None:
    """The category a command (or, with `label`, a step's label) names; None when it names none
    we know. In a chain (`pip install -r req.txt && pytest`) the last command that names one
    decides: the earlier ones usually succeeded for the later to run."""
    text = _CAMEL.sub(lambda m: re.sub(r"(?=[A-Z])", " ", m[0]), command)
    text = _JOINED.sub(" ", _EMOJI.sub(r" \1 ", text.lower()))
    if label:
        text = _LABEL_NOISE.sub(" ", text)
    for part in reversed(CHAIN.split(text)):
        for pattern, category in _TABLE:
            if pattern.search(part):
                return category
    return None
