"""Node cases for the tenth held-out corpus (real tools from /work/scratch/h9/npm: jest 29,
mocha 10 + chai 4, eslint 8; npm 11 and Node 20 from the system)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_LINK = "ln -s /work/scratch/h9/npm/node_modules node_modules"

# --- jest: every test passes, coverage thresholds are not met
_CV_PKG = """\
{
  "name": "slugger",
  "version": "2.0.1",
  "private": true,
  "scripts": {"test": "jest --ci --coverage"},
  "jest": {
    "collectCoverageFrom": ["src/**/*.js"],
    "coverageThreshold": {"global": {"lines": 90, "branches": 80}}
  }
}
"""
_CV_SRC = """\
function slugify(text, opts = {}) {
  const sep = opts.separator || '-';
  let s = text.toLowerCase().normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '');
  s = s.replace(/[^a-z0-9]+/g, sep);
  if (opts.maxLength) {
    s = s.slice(0, opts.maxLength);
  }
  return s.replace(new RegExp(`^${sep}+|${sep}+$`, 'g'), '');
}

function unique(slug, taken) {
  if (!taken.has(slug)) {
    return slug;
  }
  let n = 2;
  while (taken.has(`${slug}-${n}`)) {
    n += 1;
  }
  return `${slug}-${n}`;
}

function fromTitle(title, taken) {
  if (!title) {
    throw new Error('title required');
  }
  return unique(slugify(title), taken || new Set());
}

module.exports = {slugify, unique, fromTitle};
"""
_CV_TEST = """\
const {slugify, fromTitle} = require('../src/slug');

test('lowercases and joins words', () => {
  expect(slugify('Hello World')).toBe('hello-world');
});

test('strips accents', () => {
  expect(slugify('Crème Brûlée')).toBe('creme-brulee');
});

test('trims separators', () => {
  expect(slugify('  spaced out  ')).toBe('spaced-out');
});

test('fromTitle with nothing taken', () => {
  expect(fromTitle('New Post')).toBe('new-post');
});
"""

# --- mocha + chai: a failing beforeEach hook and a deep-equal diff
_MO_SRC = """\
class Cart {
  constructor(prices) {
    this.prices = prices;
    this.lines = [];
  }

  add(sku, qty = 1) {
    const line = this.lines.find(l => l.sku === sku);
    if (line) {
      line.qty += qty;
    } else {
      this.lines.push({sku, qty, unit: this.prices[sku]});
    }
  }

  summary() {
    return this.lines.map(l => ({sku: l.sku, qty: l.qty, total: l.unit * l.qty}));
  }
}

function loadPrices(config) {
  return Object.fromEntries(config.catalog.items.map(i => [i.sku, i.cents]));
}

module.exports = {Cart, loadPrices};
"""
_MO_TEST_CART = """\
const {expect} = require('chai');
const {Cart} = require('../src/cart');

describe('Cart', () => {
  it('adds a line', () => {
    const c = new Cart({A: 100});
    c.add('A');
    expect(c.summary()).to.deep.equal([{sku: 'A', qty: 1, total: 100}]);
  });

  it('merges repeated skus', () => {
    const c = new Cart({A: 100, B: 250});
    c.add('A');
    c.add('B', 2);
    c.add('A', 2);
    expect(c.summary()).to.deep.equal([
      {sku: 'A', qty: 3, total: 300},
      {sku: 'B', qty: 2, total: 500},
    ]);
  });

  it('prices unknown skus at zero', () => {
    const c = new Cart({});
    c.add('Z');
    expect(c.summary()).to.deep.equal([{sku: 'Z', qty: 1, total: 0}]);
  });
});
"""
_MO_TEST_PRICES = """\
const {expect} = require('chai');
const {loadPrices} = require('../src/cart');
const config = {catalog: {products: [{sku: 'A', cents: 100}]}};

describe('loadPrices', () => {
  let prices;

  beforeEach(() => {
    prices = loadPrices(config);
  });

  it('maps skus to cents', () => {
    expect(prices).to.deep.equal({A: 100});
  });

  it('has no extra keys', () => {
    expect(Object.keys(prices)).to.have.length(1);
  });
});
"""

# --- eslint --max-warnings 0: only warnings
_ES_RC = """\
{
  "root": true,
  "env": {"node": true, "es2022": true},
  "parserOptions": {"ecmaVersion": 2022, "sourceType": "module"},
  "extends": "eslint:recommended",
  "rules": {
    "no-unused-vars": "warn",
    "eqeqeq": "warn",
    "no-console": "warn",
    "prefer-const": "warn"
  }
}
"""
_ES_A = """\
import {readFile} from 'node:fs/promises';
import path from 'node:path';

export async function loadConfig(file) {
  let raw = await readFile(file, 'utf8');
  const cfg = JSON.parse(raw);
  if (cfg.version == 2) {
    return cfg;
  }
  return {version: 2, ...cfg};
}
"""
_ES_B = """\
export function retry(fn, attempts = 3) {
  let lastError;
  for (let i = 0; i < attempts; i++) {
    try {
      return fn();
    } catch (err) {
      lastError = err;
      console.log(`attempt ${i + 1} failed`);
    }
  }
  throw lastError;
}
"""
_ES_C = """\
export function formatBytes(n, unit) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}
"""

# --- npm run build: the prebuild lifecycle script throws
_NB_PKG = """\
{
  "name": "status-page",
  "version": "3.4.0",
  "private": true,
  "scripts": {
    "prebuild": "node scripts/gen-version.js",
    "build": "node scripts/build.js"
  }
}
"""
_NB_GEN = """\
const fs = require('node:fs');
const pkg = require('../package.json');

const changelog = fs.readFileSync('CHANGELOG.md', 'utf8');
const latest = changelog.split('\\n').find(l => l.startsWith('## '));
fs.writeFileSync('src/version.json', JSON.stringify({version: pkg.version, notes: latest}));
console.log(`wrote src/version.json for ${pkg.version}`);
"""
_NB_BUILD = "console.log('building');\n"

# --- mocha never exits (a server left open); `timeout` kills it
_MT_SRC = """\
const http = require('node:http');

function createServer() {
  return http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ok: true, path: req.url}));
  });
}

module.exports = {createServer};
"""
_MT_TEST = """\
const assert = require('node:assert');
const {createServer} = require('../src/server');

describe('status server', function () {
  let server;
  let base;

  before(done => {
    server = createServer().listen(0, () => {
      base = `http://127.0.0.1:${server.address().port}`;
      done();
    });
  });

  it('answers /health', async () => {
    const res = await fetch(`${base}/health`, {keepalive: true});
    assert.deepStrictEqual(await res.json(), {ok: true, path: '/health'});
  });

  it('echoes the path', async () => {
    const res = await fetch(`${base}/a/b`);
    assert.strictEqual((await res.json()).path, '/a/b');
  });

  it('sets json content type', async () => {
    const res = await fetch(`${base}/`);
    assert.match(res.headers.get('content-type'), /json/);
  });
});
"""

# --- npm install against a registry mirror that answers 503
_RG_SERVER = """\
import http.server
import sys


class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>"
        self.send_response(503)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""
_RG_PKG = """\
{
  "name": "report-cli",
  "version": "0.3.0",
  "private": true,
  "dependencies": {"left-pad": "^1.3.0", "ms": "^2.1.3"}
}
"""
_RG_NPMRC = """\
registry=http://127.0.0.1:18593/
fetch-retries=1
fetch-retry-mintimeout=1000
fetch-retry-maxtimeout=2000
"""

# --- jest: one suite fails to run, another has a toEqual diff
_JS_PKG = """\
{"name": "invoice-core", "version": "1.0.0", "private": true}
"""
_JS_SRC = """\
function lineTotal(line) {
  return line.qty * line.unitCents;
}

function invoiceTotals(lines, taxRate) {
  const net = lines.reduce((s, l) => s + lineTotal(l), 0);
  const tax = Math.round(net * taxRate);
  return {net, tax, gross: net + tax, currency: 'EUR'};
}

module.exports = {lineTotal, invoiceTotals};
"""
_JS_T1 = """\
const {invoiceTotals, lineTotal} = require('../src/totals');

describe('totals', () => {
  test('line total', () => {
    expect(lineTotal({qty: 3, unitCents: 250})).toBe(750);
  });

  test('invoice totals with tax', () => {
    const lines = [{qty: 2, unitCents: 1000}, {qty: 1, unitCents: 499}];
    expect(invoiceTotals(lines, 0.2)).toEqual({net: 2499, tax: 500, gross: 2999, currency: 'EUR', rounding: 'half-up'});
  });

  test('empty invoice', () => {
    expect(invoiceTotals([], 0.2).gross).toBe(0);
  });
});
"""
_JS_T2 = """\
const {formatInvoiceNumber} = require('../src/numbering');

test('pads the sequence', () => {
  expect(formatInvoiceNumber(2026, 7)).toBe('INV-2026-00007');
});
"""
_JS_T3 = """\
const {lineTotal} = require('../src/totals');

test.each([[1, 100, 100], [2, 50, 100], [0, 999, 0]])('qty %i x %i', (qty, unit, want) => {
  expect(lineTotal({qty, unitCents: unit})).toBe(want);
});
"""


def register(case):
    case(
        name="jest-coverage-thresholds-not-met-all-pass",
        tool="jest",
        category="test",
        label=":jest: Unit tests",
        repo="slugger",
        command="npm test",
        setup=_LINK,
        files={"package.json": _CV_PKG, "src/slug.js": _CV_SRC, "test/slug.test.js": _CV_TEST},
        keys=['coverage threshold for lines (90%) not met', 'coverage threshold for branches (80%) not met'],
        cause=[has("coverage threshold for")],
        exit_status=1,
    )
    case(
        name="mocha-before-each-hook-and-chai-deep-equal",
        tool="mocha",
        category="test",
        ci="github",
        repo="cart",
        command="npx mocha --colors",
        setup=_LINK,
        files={"package.json": '{"name": "cart", "private": true}\n', "src/cart.js": _MO_SRC,
               "test/cart.test.js": _MO_TEST_CART, "test/prices.test.js": _MO_TEST_PRICES},
        keys=['"before each" hook for "maps skus to cents"', "Cannot read properties of undefined (reading 'map')",
              "prices unknown skus at zero", "total: NaN"],
        cause=[has(r"^\s+\d\) ", rx=True), has(r"^\s+(prices unknown skus at zero|\"before each\" hook for)", rx=True),
               has("TypeError: Cannot read properties of undefined"), has("AssertionError: expected"),
               has(r'^\s+[-+]\s+"total"', rx=True), has("src/cart.js:22"), has("test/prices.test.js:9"),
               has("test/cart.test.js:25"), has(r"^\s+\d+ failing", rx=True)],
        exit_status=2,
    )
    case(
        name="eslint-max-warnings-zero-only-warnings",
        tool="eslint",
        category="lint",
        ci="gitlab",
        repo="cfg-tools",
        tty=False,
        command="npx eslint --max-warnings 0 src",
        setup=_LINK,
        files={"package.json": '{"name": "cfg-tools", "private": true, "type": "module"}\n', ".eslintrc.json": _ES_RC,
               "src/config.js": _ES_A, "src/retry.js": _ES_B, "src/units.js": _ES_C},
        keys=["'path' is defined but never used", "Expected '===' and instead saw '=='",
              "'raw' is never reassigned. Use 'const' instead", "Unexpected console statement",
              "ESLint found too many warnings (maximum: 0)."],
        cause=[has(r"^\s+\d+:\d+\s+warning", rx=True), has("ESLint found too many warnings"), has("problems (0 errors")],
        exit_status=1,
    )
    case(
        name="npm-prebuild-lifecycle-script-enoent",
        tool="npm",
        category="runtime",
        label=":package: Build",
        repo="status-page",
        tty=False,
        command="npm run build",
        files={"package.json": _NB_PKG, "scripts/gen-version.js": _NB_GEN, "scripts/build.js": _NB_BUILD,
               "src/index.js": "// app\n"},
        keys=["ENOENT: no such file or directory, open 'CHANGELOG.md'", "scripts/gen-version.js:4",
              "status-page@3.4.0 prebuild"],
        cause=[has("Error: ENOENT"), has("scripts/gen-version.js:4"), has("> status-page@3.4.0 prebuild")],
        exit_status=1,
    )
    case(
        name="mocha-open-server-killed-by-timeout-124",
        tool="mocha",
        category="timeout",
        label=":mocha: API tests",
        repo="status-api",
        tty=False,
        command="timeout --verbose 20s npx mocha",
        setup=_LINK,
        files={"package.json": '{"name": "status-api", "private": true}\n', "src/server.js": _MT_SRC,
               "test/server.test.js": _MT_TEST},
        keys=["3 passing", "sending signal TERM"],
        cause=[has("3 passing"), has("sending signal TERM")],
        exit_status=124,
    )
    case(
        name="npm-install-registry-mirror-503",
        tool="npm",
        category="infrastructure",
        ci="travis",
        repo="report-cli",
        tty=False,
        command="npm install",
        run="python3 .ci/mirror.py 18593 >/dev/null 2>&1 & sleep 1; npm install; rc=$?; kill %1; exit $rc",
        files={"package.json": _RG_PKG, ".npmrc": _RG_NPMRC, ".ci/mirror.py": _RG_SERVER},
        env={"npm_config_cache": "/work/scratch/h9/npm-cache-empty"},
        keys=["E503", "503 Service Unavailable - GET http://127.0.0.1:18593/"],
        cause=[has("npm error code E503"), has("npm error 503 Service Unavailable")],
        exit_status=1,
    )
    case(
        name="jest-suite-failed-to-run-and-toequal-diff",
        tool="jest",
        category="test",
        ci="gitlab",
        repo="invoice-core",
        command="npx jest --ci --colors",
        setup=_LINK,
        files={"package.json": _JS_PKG, "src/totals.js": _JS_SRC, "test/totals.test.js": _JS_T1,
               "test/numbering.test.js": _JS_T2, "test/lines.test.js": _JS_T3},
        keys=["Test suite failed to run", "Cannot find module '../src/numbering'",
              "totals › invoice totals with tax", '"rounding": "half-up"'],
        cause=[has(r"FAIL\s+test/", rx=True), has("Test suite failed to run"), has("Cannot find module '../src/numbering'"),
               has("totals › invoice totals with tax"), has("expect(received).toEqual(expected)"),
               has('-   "rounding": "half-up"'), has(r"test/(totals|numbering)\.test\.js:\d+:\d+\)", rx=True),
               has("Test Suites: 2 failed"), has("Tests:       1 failed")],
        exit_status=1,
    )
