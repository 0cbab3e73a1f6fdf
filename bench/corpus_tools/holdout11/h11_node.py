"""Node cases for the twelfth held-out corpus (Node 20.20, npm 11; no packages from the registry:
npm workspaces and `npm ls` run on what the checkout holds)."""

import json

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- npm ls: one dependency missing, one installed at a version outside the range
_LS_PKG = json.dumps({
    "name": "storefront", "version": "3.2.0", "private": True,
    "dependencies": {"left-pad": "^1.3.0", "lodash": "^4.17.21", "ms": "^2.1.3", "uuid": "^9.0.1"},
}, indent=2) + "\n"


def _ls_modules():
    files = {}
    for name, version in (("lodash", "3.10.1"), ("ms", "2.1.3"), ("uuid", "9.0.1")):
        files[f"node_modules/{name}/package.json"] = json.dumps({"name": name, "version": version}) + "\n"
        files[f"node_modules/{name}/index.js"] = "module.exports = {};\n"
    return files


# --- npm workspaces: test in three workspaces, one fails with a deepStrictEqual diff
_WS_ROOT = json.dumps({"name": "acme-monorepo", "private": True, "workspaces": ["packages/*"]}, indent=2) + "\n"


def _ws_pkg(name):
    return json.dumps({"name": f"@acme/{name}", "version": "1.2.0", "scripts": {"test": "node test.js"}}, indent=2) + "\n"


_WS_CART = """\
const assert = require('node:assert');
const {addItem} = require('./index');
let cart = [];
for (let i = 0; i < 5; i++) cart = addItem(cart, {sku: 'A' + i, qty: 1});
assert.strictEqual(cart.length, 5);
console.log('cart: 5 assertions passed');
"""
_WS_CART_SRC = "exports.addItem = (cart, item) => [...cart, item];\n"
_WS_PRICING = """\
const assert = require('node:assert');
const {applyDiscounts} = require('./index');
console.log('pricing: applying discounts to 3 lines');
const lines = applyDiscounts([
  {sku: 'A', cents: 1000, qty: 2},
  {sku: 'B', cents: 250, qty: 4},
  {sku: 'C', cents: 999, qty: 1},
], {percent: 10, minCents: 500});
assert.deepStrictEqual(lines, [
  {sku: 'A', cents: 900, qty: 2},
  {sku: 'B', cents: 250, qty: 4},
  {sku: 'C', cents: 899, qty: 1},
]);
console.log('pricing: ok');
"""
_WS_PRICING_SRC = """\
exports.applyDiscounts = (lines, {percent, minCents}) =>
  lines.map((l) => (l.cents * l.qty >= minCents ? {...l, cents: Math.round(l.cents * (100 - percent) / 100)} : l));
"""
_WS_SHIP = """\
const assert = require('node:assert');
const {zone} = require('./index');
assert.strictEqual(zone('DE'), 'eu');
assert.strictEqual(zone('US'), 'na');
console.log('shipping: 2 assertions passed');
"""
_WS_SHIP_SRC = "exports.zone = (c) => (['DE', 'FR', 'NL'].includes(c) ? 'eu' : 'na');\n"

# --- node fetch: the smoke test's API is not listening
_FE_SCRIPT = """\
const base = process.env.API_URL || 'http://127.0.0.1:18999';

async function check(path) {
  const res = await fetch(base + path, {signal: AbortSignal.timeout(3000)});
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

async function main() {
  console.log(`smoke testing ${base}`);
  const health = await check('/healthz');
  console.log('health', health.status);
  const version = await check('/version');
  console.log('version', version.sha);
}

main();
"""

# --- node: RangeError: Maximum call stack size exceeded (a menu tree with a cycle)
_RS_SCRIPT = """\
const menu = require('../config/menu.json');

const byId = new Map(menu.items.map((item) => [item.id, item]));

function flatten(id, depth = 0) {
  const item = byId.get(id);
  const out = [{id, title: item.title, depth}];
  for (const child of item.children || []) out.push(...flatten(child, depth + 1));
  return out;
}

console.log(`building sitemap from ${menu.items.length} menu items`);
const rows = flatten('root');
console.log(`sitemap: ${rows.length} entries`);
"""
_RS_MENU = json.dumps({"items": [
    {"id": "root", "title": "Home", "children": ["shop", "help"]},
    {"id": "shop", "title": "Shop", "children": ["shoes", "bags"]},
    {"id": "shoes", "title": "Shoes"},
    {"id": "bags", "title": "Bags", "children": ["sale"]},
    {"id": "help", "title": "Help", "children": ["faq", "contact"]},
    {"id": "faq", "title": "FAQ"},
    {"id": "contact", "title": "Contact"},
    {"id": "sale", "title": "Sale", "children": ["shop"]},
]}, indent=2) + "\n"

# --- node: JSON.parse of a config file with a trailing comma
_JP_SCRIPT = """\
const fs = require('node:fs');
const path = require('node:path');

function loadConfig(env) {
  const file = path.join(__dirname, '..', 'config', `${env}.json`);
  console.log(`loading ${path.relative(process.cwd(), file)}`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const cfg = loadConfig(process.argv[2] || 'staging');
console.log(`rendering nginx config for ${cfg.upstreams.length} upstreams`);
"""
_JP_CONFIG = """\
{
  "name": "staging",
  "upstreams": [
    {"host": "10.0.1.10", "port": 8080},
    {"host": "10.0.1.11", "port": 8080},
  ],
  "tls": true
}
"""

# --- node --test with the TAP reporter: 2 of 302 subtests fail
_TAP_SRC = """\
exports.slugify = (s) => s.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-');
exports.truncate = (s, n) => (s.length <= n ? s : s.slice(0, n) + '...');
"""
_TAP_TEST = """\
const test = require('node:test');
const assert = require('node:assert');
const {slugify, truncate} = require('../src/text');

for (let i = 0; i < 300; i++) {
  test(`slugify keeps word ${i}`, () => {
    assert.strictEqual(slugify(`Word${i}`), `word${i}`);
  });
}

test('slugify drops leading and trailing punctuation', () => {
  assert.strictEqual(slugify('  Hello, World!  '), 'hello-world');
});

test('truncate counts the ellipsis in the limit', () => {
  assert.strictEqual(truncate('abcdefghij', 8), 'abcde...');
});
"""


def register(case):
    case(
        name="npm-ls-elsproblems-missing-and-invalid",
        tool="npm",
        category="dependency",
        label=":npm: Dependency check",
        repo="storefront",
        tty=False,
        command="npm ls",
        files={"package.json": _LS_PKG, **_ls_modules()},
        keys=["ELSPROBLEMS", "missing: left-pad@^1.3.0", "invalid: lodash@3.10.1"],
        cause=[has("UNMET DEPENDENCY left-pad"), has("lodash@3.10.1 invalid"), has("code ELSPROBLEMS"),
               has("missing: left-pad@^1.3.0"), has("invalid: lodash@3.10.1")],
        exit_status=1,
    )
    case(
        name="npm-workspaces-test-one-of-three-deepstrictequal",
        tool="npm",
        category="test",
        ci="github",
        repo="acme-monorepo",
        tty=False,
        command="npm test --workspaces",
        files={"package.json": _WS_ROOT,
               "packages/cart/package.json": _ws_pkg("cart"), "packages/cart/index.js": _WS_CART_SRC,
               "packages/cart/test.js": _WS_CART,
               "packages/pricing/package.json": _ws_pkg("pricing"), "packages/pricing/index.js": _WS_PRICING_SRC,
               "packages/pricing/test.js": _WS_PRICING,
               "packages/shipping/package.json": _ws_pkg("shipping"), "packages/shipping/index.js": _WS_SHIP_SRC,
               "packages/shipping/test.js": _WS_SHIP},
        setup="npm install --offline --no-audit --no-fund",
        keys=["AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal",
              "@acme/pricing@1.2.0", "packages/pricing/test.js"],
        cause=[has("AssertionError [ERR_ASSERTION]"), has(r"^\s*[+-]\s+cents: \d+", rx=True),
               has(r"at Object\.<anonymous> \(\S+/packages/pricing/test\.js:\d+:\d+\)", rx=True),
               has(r"^\s+\{ sku: 'B', cents: (225|250), qty: 4 \}", rx=True),
               has("npm error Lifecycle script `test` failed"), has("npm error workspace @acme/pricing"),
               has("npm error command sh -c node test.js")],
        exit_status=1,
    )
    case(
        name="node-fetch-failed-cause-econnrefused-smoke",
        tool="node",
        category="infrastructure",
        label=":satellite: Smoke test",
        repo="edge-api",
        tty=False,
        command="node scripts/smoke.js",
        files={"scripts/smoke.js": _FE_SCRIPT},
        keys=["TypeError: fetch failed", "connect ECONNREFUSED 127.0.0.1:18999"],
        cause=[has("TypeError: fetch failed"), has(r"at (async )?check \(\S+/scripts/smoke\.js", rx=True),
               has(r"at async main \(\S+/scripts/smoke\.js", rx=True),
               has("[cause]: Error: connect ECONNREFUSED")],
        exit_status=1,
    )
    case(
        name="node-rangeerror-maximum-call-stack-menu-cycle",
        tool="node",
        category="runtime",
        ci="travis",
        repo="sitemap",
        tty=False,
        command="node scripts/sitemap.js",
        files={"scripts/sitemap.js": _RS_SCRIPT, "config/menu.json": _RS_MENU},
        keys=["RangeError: Maximum call stack size exceeded", "scripts/sitemap.js"],
        cause=[has(r"^/\S+/scripts/sitemap\.js:7$", rx=True), has("const out = [{id, title: item.title, depth}];"),
               has("RangeError: Maximum call stack size exceeded"),
               first(r"at flatten \(\S+/scripts/sitemap\.js:7:\d+\)", rx=True), first("sitemap.js:8:56")],
        exit_status=1,
    )
    case(
        name="node-json-parse-config-trailing-comma",
        tool="node",
        category="config",
        label=":nginx: Render config",
        repo="edge-config",
        tty=False,
        command="node scripts/render.js staging",
        files={"scripts/render.js": _JP_SCRIPT, "config/staging.json": _JP_CONFIG},
        keys=["SyntaxError: Unexpected token ']'", "is not valid JSON", "scripts/render.js:7:15"],
        cause=[has("<anonymous_script>:6"), has(r"^  \],$", rx=True), span("SyntaxError:", "is not valid JSON"), has(r"at loadConfig \(\S+/scripts/render\.js:\d+:\d+\)", rx=True),
               has(r"at Object\.<anonymous> \(\S+/scripts/render\.js:\d+:\d+\)", rx=True)],
        exit_status=1,
    )
    case(
        name="node-test-tap-reporter-two-not-ok-of-302",
        tool="node",
        category="test",
        label=":nodejs: Unit tests",
        repo="textkit",
        tty=False,
        command="node --test --test-reporter=tap test/",
        files={"package.json": '{"name": "textkit", "version": "0.3.0", "private": true}\n', "src/text.js": _TAP_SRC,
               "test/text.test.js": _TAP_TEST},
        keys=["not ok 301 - slugify drops leading and trailing punctuation", "not ok 302 - truncate counts the ellipsis in the limit",
              "# fail 2"],
        cause=[has(r"^\s*not ok \d+ - (slugify drops|truncate counts)", rx=True), has(r"^\s+location: '", rx=True),
               has("Expected values to be strictly equal:"),
               has(r"^\s+[+-] '(hello-world-?|abcde\.\.\.|abcdefgh\.\.\.)'$", rx=True),
               has(r"^\s+TestContext\.<anonymous> \(\S+/test/text\.test\.js", rx=True), has("# fail 2")],
        exit_status=1,
    )
