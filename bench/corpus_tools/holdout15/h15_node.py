"""Node cases for the sixteenth held-out corpus (real tools from /work/scratch/h15/npm:
concurrently, dependency-cruiser, typescript; npm's own audit against the registry; node 20)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- concurrently: lint, test and an icon build in parallel; the icon build fails
_CC_PKG = """\
{
  "name": "storefront",
  "private": true,
  "scripts": {
    "ci": "concurrently -n lint,test,icons -c blue,green,magenta --kill-others-on-fail \\"node scripts/lint.js\\" \\"node scripts/test.js\\" \\"node scripts/icons.js\\""
  }
}
"""
_CC_LINT = """\
const files = ['src/cart.js', 'src/checkout.js', 'src/errors.js', 'src/search.js', 'src/nav.js', 'src/footer.js'];
let i = 0;
const t = setInterval(() => {
  console.log(`linted ${files[i]}: 0 errors, 0 warnings`);
  if (++i === files.length) { clearInterval(t); console.log('lint ok'); }
}, 40);
"""
_CC_TEST = """\
let n = 0;
const t = setInterval(() => {
  n++;
  console.log(`ok ${n} - cart keeps item ${n}`);
  if (n === 30) { clearInterval(t); console.log('# pass 30'); }
}, 15);
"""
_CC_ICONS = """\
const fs = require('fs');
const path = require('path');

const icons = ['cart', 'search', 'user', 'close', 'arrow-left', 'arrow-right', 'menu'];

function build(name) {
  const svg = fs.readFileSync(path.join('assets', 'icons', `${name}.svg`), 'utf8');
  return svg.replace(/\\s+/g, ' ');
}

let i = 0;
const t = setInterval(() => {
  const name = icons[i++];
  const out = build(name);
  console.log(`icon ${name}: ${out.length} bytes`);
  if (i === icons.length) clearInterval(t);
}, 55);
"""

# --- dependency-cruiser
_DC_CONFIG = """\
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'ui-not-to-db', comment: 'ui talks to the api layer, never to db', severity: 'error',
      from: { path: '^src/ui' }, to: { path: '^src/db' } },
    { name: 'no-orphans', severity: 'warn', from: { orphan: true, pathNot: '\\\\.d\\\\.ts$' }, to: {} },
  ],
  options: { doNotFollow: { path: 'node_modules' } },
};
"""
_DC_FILES = {
    "src/index.js": "const { renderCart } = require('./ui/cart');\nconsole.log(renderCart([]));\n",
    "src/ui/cart.js": "const { cartTotal } = require('../api/cart');\nconst { query } = require('../db/pool');\nexports.renderCart = (items) => `${cartTotal(items)} ${query.name}`;\n",
    "src/api/cart.js": "const { price } = require('../api/pricing');\nexports.cartTotal = (items) => items.reduce((s, i) => s + price(i), 0);\n",
    "src/api/pricing.js": "const { cartTotal } = require('./cart');\nexports.price = (i) => i.cents;\nexports.again = () => cartTotal([]);\n",
    "src/db/pool.js": "exports.query = function query() { return []; };\n",
    "src/util/errors.js": "exports.errorText = (e) => `error: ${e.message}`;\n",
}

# --- npm audit
_NA_PKG = """\
{
  "name": "legacy-admin",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "minimist": "1.2.0",
    "lodash": "4.17.11",
    "ms": "2.1.3"
  }
}
"""

# --- node: spawn of a tool the agent lacks, unhandled 'error' event
_SP_SRC = """\
const { spawn } = require('child_process');
const path = require('path');

const pages = ['index', 'pricing', 'docs', 'errors', 'blog'];
console.log(`rendering ${pages.length} page thumbnails`);
for (const p of pages) console.log(`  queued ${p}.html`);

const child = spawn('wkhtmltoimage', ['--width', '1200', path.join('dist', 'index.html'), 'thumbs/index.png']);
child.on('exit', (code) => {
  console.log(`wkhtmltoimage exited with ${code}`);
});
"""

# --- node: require() of a workspace package that went ESM-only
_ESM_PKG = """\
{
  "name": "@acme/ids",
  "version": "2.0.0",
  "type": "module",
  "exports": "./index.js"
}
"""
_ESM_LIB = """\
const alphabet = await Promise.resolve('0123456789abcdefghijklmnopqrstuvwxyz');

export function newId(prefix) {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}
"""
_ESM_SRC = """\
const { newId } = require('@acme/ids');

console.log('seeding 3 customers');
for (let i = 0; i < 3; i++) console.log(newId('cus'));
"""


def register(case):
    case(
        name="concurrently-three-scripts-icons-enoent-kills-others",
        tool="concurrently",
        category="runtime",
        label=":nodejs: Lint, test, icons",
        repo="storefront",
        tty=True,
        command="npm run ci",
        files={
            "package.json": _CC_PKG,
            "scripts/lint.js": _CC_LINT,
            "scripts/test.js": _CC_TEST,
            "scripts/icons.js": _CC_ICONS,
            "assets/icons/cart.svg": "<svg>\n  <path d='M0 0h1'/>\n</svg>\n",
            "assets/icons/search.svg": "<svg>\n  <circle r='4'/>\n</svg>\n",
            "assets/icons/user.svg": "<svg>\n  <circle r='2'/>\n</svg>\n",
        },
        keys=["ENOENT: no such file or directory, open 'assets/icons/close.svg'", "scripts/icons.js:7"],
        cause=[has("Error: ENOENT"), has("scripts/icons.js:")],
    )
    case(
        name="depcruise-circular-and-ui-to-db-forbidden",
        tool="dependency-cruiser",
        category="lint",
        label=":nodejs: Architecture rules",
        repo="shop-web",
        tty=False,
        command="depcruise src --config .dependency-cruiser.cjs",
        files={".dependency-cruiser.cjs": _DC_CONFIG, **_DC_FILES},
        keys=["no-circular", "ui-not-to-db", "src/ui/cart.js → src/db/pool.js"],
        cause=[has("error no-circular"), after("error no-circular", 2), has("error ui-not-to-db"), has("dependency violations (")],
    )
    case(
        name="node-spawn-enoent-unhandled-error-event-wkhtmltoimage",
        tool="node",
        category="infrastructure",
        ci="github",
        repo="site",
        tty=False,
        command="node scripts/thumbnails.js",
        files={"scripts/thumbnails.js": _SP_SRC},
        keys=["Error: spawn wkhtmltoimage ENOENT", "Unhandled 'error' event"],
        cause=[has("Unhandled 'error' event"), has("Error: spawn wkhtmltoimage ENOENT"), has("Emitted 'error' event on ChildProcess")],
    )
    case(
        name="node-require-esm-top-level-await-err-require-async-module",
        tool="node",
        category="dependency",
        label=":nodejs: Seed fixtures",
        repo="crm",
        tty=False,
        command="node scripts/seed.js",
        files={"scripts/seed.js": _ESM_SRC, "node_modules/@acme/ids/package.json": _ESM_PKG, "node_modules/@acme/ids/index.js": _ESM_LIB},
        keys=["ERR_REQUIRE_ASYNC_MODULE", "require() cannot be used on an ESM graph with top-level await", "node_modules/@acme/ids/index.js"],
        cause=[has("Error [ERR_REQUIRE_ASYNC_MODULE]"), has("  From /"), has("  Requiring /"), has("scripts/seed.js:1:19"), has("code: 'ERR_REQUIRE_ASYNC_MODULE'")],
    )
