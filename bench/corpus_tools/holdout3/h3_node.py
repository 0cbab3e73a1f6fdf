"""Node/npm-tool cases for the third held-out corpus."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_LINK = "ln -s /work/scratch/h3npm/node_modules node_modules"
_PKG = '{"name": "%s", "version": "1.0.0", "private": true, "type": "module"}\n'

_FMT_OK = 'export const add = (a, b) => a + b;\n'
_FMT_BAD1 = "export function  total(items){\n  return items.reduce((s,i)=>s+i.price*i.qty,0)\n}\n"
_FMT_BAD2 = 'const cfg = {name:"cart",   retries:3}\nexport default cfg\n'

_CSS_OK = ".btn {\n  color: #fff;\n}\n"
_CSS_BAD = """\
.card {
  color: #FFF;
  margin: 0px;
}

.card .title {
  font-weight: bold;
  colr: red;
}

.card:hover {
  color: #ggg;
}
"""
_STYLELINTRC = '{"extends": "stylelint-config-standard"}\n'

_SLUG = """\
export function slugify(title) {
  return title
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, "-");
}
"""
_SLUG_TEST = """\
import { describe, expect, it } from "vitest";
import { slugify } from "../src/slugify.js";

describe("slugify", () => {
  it("lowercases", () => {
    expect(slugify("Hello")).toBe("hello");
  });

  it("joins words with dashes", () => {
    expect(slugify("Hello World")).toBe("hello-world");
  });

  it("strips leading and trailing punctuation", () => {
    expect(slugify("  Hello, World!  ")).toBe("hello-world");
  });

  it("keeps digits", () => {
    expect(slugify("Top 10 Tips")).toEqual("top-10-tips");
  });
});
"""

_MAIN_JS = """\
import { formatPrice } from "./utils/format.js";
import { cart } from "./cart.js";

document.querySelector("#total").textContent = formatPrice(cart.total());
"""
_CART_JS = "export const cart = { total: () => 42 };\n"
_INDEX_HTML = '<!doctype html><html><body><span id="total"></span><script type="module" src="/src/main.js"></script></body></html>\n'
_FORMATTERS = "export const formatPrice = (n) => `$${n.toFixed(2)}`;\n"

_MD_README = """\
# widgets

## Install
Run `npm install`.

### Usage

```
widgets --help
```

#### Options
* `--verbose`: more output
- `--quiet`: less output

See http://example.com/docs for more.
"""

_NPMRC = "registry=http://127.0.0.1:4873/\nfetch-retries=1\nfetch-retry-mintimeout=200\nfetch-retry-maxtimeout=400\n"
_PKG_DEPS = '{"name": "widgets-web", "version": "1.0.0", "private": true, "dependencies": {"left-pad": "^1.3.0"}}\n'

_LONG_TEST = """\
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseRow } from "../src/parse.js";

for (let i = 0; i < 3200; i++) {
  test(`row ${i} parses`, () => {
    const row = `sku-${i},${i % 7},${(i * 1.25).toFixed(2)}`;
    const r = parseRow(row);
    assert.equal(r.sku, `sku-${i}`);
  });
}

test("row with quoted comma parses", () => {
  const r = parseRow('"sku-9,b",3,4.50');
  assert.deepEqual(r, { sku: "sku-9,b", qty: 3, price: 4.5 });
});
"""
_PARSE = """\
export function parseRow(line) {
  const [sku, qty, price] = line.split(",");
  return { sku, qty: Number(qty), price: Number(price) };
}
"""


def register(case):
    case(
        name="prettier-check-unformatted",
        tool="prettier",
        category="lint",
        label=":prettier: Format check",
        repo="cart",
        tty=False,
        command="npx prettier --check src",
        setup=_LINK,
        files={"package.json": _PKG % "cart", "src/add.js": _FMT_OK, "src/total.js": _FMT_BAD1, "src/config.js": _FMT_BAD2},
        keys=["[warn] src/total.js", "[warn] src/config.js", "Code style issues found in 2 files"],
        cause=[has("[warn] src/"), has("Code style issues found")],
        exit_status=1,
    )
    case(
        name="stylelint-css-errors",
        tool="stylelint",
        category="lint",
        ci="gitlab",
        repo="design",
        tty=False,
        command="npx stylelint 'styles/**/*.css'",
        setup=_LINK,
        files={"package.json": _PKG % "design", ".stylelintrc.json": _STYLELINTRC, "styles/button.css": _CSS_OK, "styles/card.css": _CSS_BAD},
        keys=["styles/card.css", 'Unknown property "colr"', 'Unknown value "#ggg" for property "color"'],
        cause=[has("styles/card.css"), has("✖", rx=False)],
        exit_status=2,
    )
    case(
        name="vitest-assertion-failure",
        tool="vitest",
        category="test",
        label=":vitest: Unit tests",
        repo="slugs",
        command="npx vitest run",
        setup=_LINK,
        files={"package.json": _PKG % "slugs", "src/slugify.js": _SLUG, "test/slugify.test.js": _SLUG_TEST},
        keys=["strips leading and trailing punctuation", "test/slugify.test.js:14:42",
              "expected 'hello-world-' to be 'hello-world'"],
        cause=[
            has("× strips leading and trailing punctuation"),
            has("FAIL  test/slugify.test.js > slugify > strips leading"),
            has("AssertionError: expected 'hello-world-'"),
            has('Expected: "hello-world"'),
            has('Received: "hello-world-"'),
            has("❯ test/slugify.test.js:14:42"),
            has('14|     expect(slugify("  Hello, World!  "))'),
        ],
        exit_status=1,
    )
    case(
        name="vite-build-unresolved-import",
        tool="vite",
        category="compile",
        label=":vite: Build web",
        repo="shop-web",
        tty=False,
        command="npx vite build",
        setup=_LINK,
        files={"package.json": _PKG % "shop-web", "index.html": _INDEX_HTML, "src/main.js": _MAIN_JS, "src/cart.js": _CART_JS,
               "src/utils/formatters.js": _FORMATTERS},
        keys=["Could not resolve './utils/format.js' in src/main.js", "src/main.js:1:29"],
        cause=[
            has("Build failed in"),
            has("[UNRESOLVED_IMPORT] Could not resolve"),
            has("╭─[ src/main.js:1:29 ]"),
            has('1 │ import { formatPrice } from "./utils/format.js";'),
            has("Module not found."),
        ],
        exit_status=1,
    )
    case(
        name="markdownlint-readme",
        tool="markdownlint",
        category="lint",
        ci="travis",
        repo="widgets",
        tty=False,
        command="npx markdownlint '**/*.md' --ignore node_modules",
        run="markdownlint '**/*.md' --ignore node_modules",
        files={"README.md": _MD_README, "docs/release.md": "# Releasing\n\nTag and push.\n"},
        keys=["README.md:3 error MD022/blanks-around-headings", "README.md:14:1 error MD004/ul-style"],
        cause=[has("README.md:")],
        exit_status=1,
    )
    case(
        name="npm-registry-econnrefused",
        tool="npm",
        category="infrastructure",
        label=":npm: Install",
        repo="widgets-web",
        tty=False,
        command="npm install --no-audit --no-fund",
        files={"package.json": _PKG_DEPS, ".npmrc": _NPMRC},
        env={"npm_config_cache": "/work/scratch/h3npmcache-empty"},
        keys=["npm error code ECONNREFUSED", "request to http://127.0.0.1:4873/left-pad failed"],
        cause=[has("npm error code ECONNREFUSED"), has("npm error FetchError: request to")],
        exit_status=1,
    )
    case(
        name="node-test-3200-passing-then-fail",
        tool="node --test",
        category="test",
        label=":node: Tests",
        repo="csvkit-js",
        tty=False,
        command="node --test --test-reporter=spec test/",
        files={"package.json": _PKG % "csvkit-js", "src/parse.js": _PARSE, "test/parse.test.js": _LONG_TEST},
        keys=["row with quoted comma parses", "test/parse.test.js:15:10", "Expected values to be strictly deep-equal"],
        cause=[
            has("✖ row with quoted comma parses"),
            has("AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal"),
            has(r"^\s+[+-]\s+(price|qty|sku):", rx=True),
            has("test/parse.test.js:15:10)"),
            has("ℹ fail 1"),
            has("test at test/parse.test.js:13:1"),
        ],
        exit_status=1,
    )
