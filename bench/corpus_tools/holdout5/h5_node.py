"""Node cases for the sixth held-out corpus (Node 20.20, npm 11; esbuild 0.28, sass 1.108 (dart-sass),
@commitlint/cli with config-conventional, installed in /work/scratch/h5/npm and linked into the
checkout as node_modules where the tool resolves its config from the project)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_LINK = "ln -s /work/scratch/h5/npm/node_modules node_modules"

# --- npm ci: package.json gained dependencies the lock file does not have
_CI_PKG_BEFORE = """\
{
  "name": "webhooks-relay",
  "version": "1.3.0",
  "private": true,
  "dependencies": {
    "ms": "2.1.3"
  }
}
"""
_CI_SETUP = """\
npm install --package-lock-only --no-audit --no-fund >/dev/null
node -e '
const fs = require("fs");
const p = JSON.parse(fs.readFileSync("package.json"));
p.dependencies["left-pad"] = "1.3.0";
p.dependencies["ms"] = "2.1.2";
fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\\n");
'
"""

# --- npm install with engine-strict and a node version the project does not support
_EN_PKG = """\
{
  "name": "edge-renderer",
  "version": "4.0.0",
  "private": true,
  "engines": {
    "node": ">=22.12.0",
    "npm": ">=10"
  },
  "dependencies": {
    "ms": "2.1.3"
  }
}
"""

# --- esbuild: an unresolved import, a syntax error and a bad JSX attribute
_ES_INDEX = """\
import { renderCart } from "./cart";
import { formatPrice } from "./utils/format";
import config from "../config/app.json";

export function main(root: HTMLElement) {
  root.innerHTML = renderCart(config.items, formatPrice);
}
"""
_ES_CART = """\
export function renderCart(items: { name: string; cents: number }[], fmt: (c: number) => string) {
  return items
    .map((i) => `<li>${i.name} ${fmt(i.cents)}</li>`
    .join("");
}
"""
_ES_UTILS = """\
export const formatCents = (c: number) => (c / 100).toFixed(2);
"""

# --- sass: an undefined variable two @use levels down, plus a deprecation warning
_SASS_MAIN = """\
@use "sass:math";
@use "tokens";
@use "components/buttons";

.layout {
  max-width: math.div(1200px, 16px) * 1rem;
  margin: 0 auto;
}
"""
_SASS_TOKENS = """\
$brand: #0b5fff;
$brand-dark: darken($brand, 12%);
$radius: 6px;
"""
_SASS_BUTTONS = """\
@use "../tokens";

.btn {
  border-radius: tokens.$radius;
  background: tokens.$brand;

  &:hover {
    background: tokens.$brand-darker;
  }
}
"""

# --- commitlint over a branch's commits
_CL_CFG = """\
export default { extends: ["@commitlint/config-conventional"] };
"""
_CL_SETUP = """\
git init -q -b main . && git config user.email dev@acme.test && git config user.name dev
git add -A && git commit -qm "chore: initial import"
git checkout -q -b feature/uploader-retry
echo 1 > a.txt && git add a.txt && git commit -qm "feat(uploader): retry failed chunks"
echo 2 > b.txt && git add b.txt && git commit -qm "Fixed the retry backoff."
echo 3 > c.txt && git add c.txt && git commit -qm "fix(uploader) cap backoff at 30s"
echo 4 > d.txt && git add d.txt && git commit -qm "docs: describe retry settings"
"""


def register(case):
    case(
        name="npm-ci-lockfile-out-of-sync",
        tool="npm",
        category="dependency",
        label=":npm: Install",
        repo="webhooks-relay",
        tty=False,
        command="npm ci --no-audit --no-fund",
        setup=_CI_SETUP,
        files={"package.json": _CI_PKG_BEFORE},
        keys=["can only install packages when your package.json and package-lock.json", "Missing: left-pad@1.3.0 from lock file",
              "Invalid: lock file's ms@2.1.3 does not satisfy ms@2.1.2"],
        cause=[has("npm error code EUSAGE"), has("can only install packages when"), has("npm error Missing: left-pad"),
               has("npm error Invalid: lock file's ms@2.1.3")],
        exit_status=1,
    )
    case(
        name="npm-engine-strict-ebadengine",
        tool="npm",
        category="config",
        ci="github",
        repo="edge-renderer",
        tty=False,
        command="npm install --no-audit --no-fund",
        files={"package.json": _EN_PKG, ".npmrc": "engine-strict=true\n"},
        keys=["EBADENGINE", "Not compatible with your version of node/npm: edge-renderer@4.0.0", 'Required: {"node":">=22.12.0","npm":">=10"}'],
        cause=[has(r"^npm error (code EBADENGINE|engine |notsup )", rx=True)],
        exit_status=1,
    )
    case(
        name="esbuild-bundle-three-errors-colour",
        tool="esbuild",
        category="compile",
        label=":esbuild: Bundle",
        repo="shopfront",
        command="esbuild src/index.ts --bundle --format=esm --outfile=dist/app.js --color=true",
        files={"src/index.ts": _ES_INDEX, "src/cart.ts": _ES_CART, "src/utils/fmt.ts": _ES_UTILS},
        keys=['Could not resolve "./utils/format"', "src/index.ts:2:28", 'Could not resolve "../config/app.json"',
              'Expected ")" but found ";"', "src/cart.ts:4:13", "3 errors"],
        cause=[has("✘ [ERROR]"), has(r"^    src/\S+:\d+:\d+:$", rx=True), has(r"^\s+\d+ │ ", rx=True), has("3 errors")],
        exit_status=1,
    )
    case(
        name="sass-undefined-variable-in-use",
        tool="sass",
        category="compile",
        ci="gitlab",
        repo="design-system",
        tty=False,
        command="sass --no-source-map styles/main.scss dist/main.css",
        files={"styles/main.scss": _SASS_MAIN, "styles/_tokens.scss": _SASS_TOKENS,
               "styles/components/_buttons.scss": _SASS_BUTTONS},
        keys=["Error: Undefined variable.", "styles/components/_buttons.scss 8:17", "tokens.$brand-darker"],
        cause=[has("Error: Undefined variable."), has("background: tokens.$brand-darker;"),
               has("styles/components/_buttons.scss 8:17"), has(r"^  styles/main.scss 3:1\s+root stylesheet", rx=True)],
        exit_status=65,
    )
    case(
        name="commitlint-branch-two-bad-messages",
        tool="commitlint",
        category="lint",
        label=":git: Commit messages",
        repo="uploader",
        command="commitlint --from main --to HEAD",
        setup=_CL_SETUP + _LINK,
        files={"commitlint.config.mjs": _CL_CFG, "package.json": '{"name": "uploader", "private": true, "type": "module"}\n',
               ".gitignore": "node_modules\n"},
        keys=["input: Fixed the retry backoff.", "input: fix(uploader) cap backoff at 30s", "[subject-empty]",
              "[type-empty]", "[subject-full-stop]", "found 3 problems, 0 warnings"],
        cause=[has("⧗   input:"), has("✖ ")],
        exit_status=1,
    )
