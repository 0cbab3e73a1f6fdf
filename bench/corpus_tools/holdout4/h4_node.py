"""Node-tool cases for the fourth held-out corpus (node 20, npm tools in /work/scratch/h4npm)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- node runs out of heap building a search index
_OOM_JS = """\
const fs = require("fs");

function tokens(doc) {
  return doc.body.toLowerCase().split(/\\W+/).filter(Boolean);
}

const docs = [];
for (let i = 0; i < 2000; i++) {
  docs.push({ id: i, body: "lorem ipsum dolor sit amet ".repeat(40) + i });
}
console.log(`indexing ${docs.length} documents`);
const index = new Map();
let n = 0;
for (;;) {
  for (const d of docs) {
    for (const t of tokens(d)) {
      const key = t + ":" + n;
      if (!index.has(key)) index.set(key, []);
      index.get(key).push({ doc: d.id, pos: n, text: d.body });
    }
  }
  n++;
  if (n % 5 === 0) console.log(`pass ${n}: ${index.size} keys`);
}
fs.writeFileSync("dist/index.json", JSON.stringify([...index]));
"""

# --- tsc -b with a referenced project that is not composite
_TS_ROOT = """\
{
  "files": [],
  "references": [{ "path": "./packages/core" }, { "path": "./packages/api" }]
}
"""
_TS_CORE = """\
{
  "compilerOptions": {
    "target": "es2022",
    "module": "nodenext",
    "outDir": "dist",
    "rootDir": "src",
    "declaration": true,
    "strict": true
  },
  "include": ["src"]
}
"""
_TS_API = """\
{
  "compilerOptions": {
    "target": "es2022",
    "module": "nodenext",
    "outDir": "dist",
    "rootDir": "src",
    "composite": true,
    "strict": true
  },
  "references": [{ "path": "../core" }],
  "include": ["src"]
}
"""
_TS_CORE_SRC = """\
export interface Money {
  cents: number;
  currency: string;
}

export function add(a: Money, b: Money): Money {
  return { cents: a.cents + b.cents, currency: a.currency };
}
"""
_TS_API_SRC = """\
import { add, type Money } from "../../core/src/index.js";

export function total(items: Money[]): Money {
  return items.reduce(add, { cents: 0, currency: "EUR" });
}
"""

# --- eslint: the flat config itself cannot load
_ESLINT_CFG = """\
import js from "@eslint/js";
import react from "eslint-plugin-react";

export default [
  js.configs.recommended,
  {
    files: ["src/**/*.js"],
    plugins: { react },
    rules: { "react/jsx-key": "error", "no-unused-vars": "warn" },
  },
];
"""

# --- webpack: a module that cannot be resolved and a syntax error
_WP_CFG = """\
const path = require("path");

module.exports = {
  mode: "production",
  entry: "./src/index.js",
  output: { path: path.resolve(__dirname, "dist"), filename: "bundle.js" },
};
"""
_WP_INDEX = """\
import { formatPrice } from "./utils/format";
import { cart } from "./cart";

document.querySelector("#total").textContent = formatPrice(cart.total());
"""
_WP_CART = """\
export const cart = {
  items: [],
  add(item) { this.items.push(item); },
  total() {
    return this.items.reduce((s, i) => s + i.price, 0;
  },
};
"""
_WP_UTIL = """\
export function formatPrice(c) {
  return (c / 100).toFixed(2);
}
"""

# --- jest --ci: a new snapshot is not written, an obsolete one is reported
_JEST_TEST = """\
const { renderBadge, renderLabel } = require("./badge");

test("badge for passing build", () => {
  expect(renderBadge("passing")).toMatchSnapshot();
});

test("badge for failing build", () => {
  expect(renderBadge("failing")).toMatchSnapshot();
});

test("label", () => {
  expect(renderLabel("main")).toBe("branch: main");
});
"""
_JEST_SRC = """\
function renderBadge(state) {
  const color = state === "passing" ? "green" : "red";
  return `<svg class="badge badge-${color}"><text>${state}</text></svg>`;
}

function renderLabel(b) {
  return `branch: ${b}`;
}

module.exports = { renderBadge, renderLabel };
"""
_JEST_SNAP = """\
// Jest Snapshot v1, https://jestjs.io/docs/snapshot-testing

exports[`badge for passing build 1`] = `"<svg class="badge badge-green"><text>passing</text></svg>"`;

exports[`badge for unknown build 1`] = `"<svg class="badge badge-grey"><text>unknown</text></svg>"`;
"""


def register(case):
    case(
        name="node-heap-limit-oom",
        tool="node",
        category="resource",
        label=":mag: Build search index",
        repo="docs-site",
        tty=False,
        command="node --max-old-space-size=64 scripts/build-index.js",
        setup="mkdir -p dist",
        files={"scripts/build-index.js": _OOM_JS},
        run="node --max-old-space-size=64 scripts/build-index.js; exit $?",
        keys=["FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory"],
        cause=[
            has("FATAL ERROR: Ineffective mark-compacts near heap limit"),
            has("Mark-Compact (reduce)"),
        ],
        exit_status=134,
    )
    case(
        name="tsc-build-reference-not-composite",
        tool="tsc",
        category="config",
        label=":typescript: Typecheck",
        repo="ledger",
        command="tsc -b --pretty false",
        files={"tsconfig.json": _TS_ROOT, "packages/core/tsconfig.json": _TS_CORE,
               "packages/api/tsconfig.json": _TS_API, "packages/core/src/index.ts": _TS_CORE_SRC,
               "packages/api/src/index.ts": _TS_API_SRC},
        keys=["TS6306", 'must have setting "composite": true'],
        cause=[has("TS6306")],
    )
    case(
        name="eslint-flat-config-missing-plugin",
        tool="eslint",
        category="config",
        label=":eslint: Lint",
        repo="storefront",
        tty=False,
        command="npx eslint src",
        run="eslint src",
        setup="ln -s /work/scratch/h4npm/node_modules node_modules",
        files={"eslint.config.mjs": _ESLINT_CFG, "src/app.js": "export const x = 1;\n",
               "package.json": '{"name": "storefront", "private": true, "type": "module"}\n'},
        keys=["Oops! Something went wrong! :(", "eslint-plugin-react"],
        cause=[has("Oops! Something went wrong!"), has("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'eslint-plugin-react'")],
        exit_status=2,
    )
    case(
        name="webpack-module-not-found-and-syntax",
        tool="webpack",
        category="compile",
        ci="travis",
        repo="checkout-ui",
        tty=False,
        command="npx webpack --no-color",
        run="webpack --no-color",
        setup="ln -s /work/scratch/h4npm/node_modules node_modules",
        files={"webpack.config.js": _WP_CFG, "src/index.js": _WP_INDEX, "src/cart.js": _WP_CART,
               "src/utils/formatting.js": _WP_UTIL},
        keys=["Module not found: Error: Can't resolve './utils/format'", "ERROR in ./src/cart.js"],
        cause=[
            has("ERROR in ./src/"),
            has("Module not found: Error: Can't resolve './utils/format'"),
            has("Module parse failed"),
            has("> 5 |     return this.items.reduce"),
            has("compiled with 2 errors"),
        ],
        exit_status=1,
    )
    case(
        name="jest-ci-snapshot-not-written-obsolete",
        tool="jest",
        category="test",
        label=":jest: Unit tests",
        repo="badges",
        tty=False,
        command="npx jest --ci",
        run="jest --ci",
        files={"badge.test.js": _JEST_TEST, "badge.js": _JEST_SRC, "__snapshots__/badge.test.js.snap": _JEST_SNAP,
               "package.json": '{"name": "badges", "private": true}\n'},
        keys=["badge for failing build", "New snapshot was not written", "1 snapshot obsolete"],
        cause=[
            has("● badge for failing build"),
            has("New snapshot was not written"),
            has(">  8 |   expect(renderBadge(\"failing\")).toMatchSnapshot();"),
            has("at Object.toMatchSnapshot (badge.test.js:8:34)"),
            has("1 snapshot failed"),
            has("1 snapshot obsolete"),
            has("badge for unknown build 1"),
            has("Tests:       1 failed"),
        ],
        exit_status=1,
    )
