"""Node cases for the seventeenth held-out corpus (node 20 and npm 11; qunit and lockfile-lint
from /work/scratch/h16/npm)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- node --env-file with a file that is not in the checkout
_EF_PKG = """\
{
  "name": "checkout-api",
  "version": "3.2.0",
  "private": true,
  "scripts": {
    "smoke": "node --env-file=.env.ci scripts/smoke.js"
  }
}
"""
_EF_SRC = "console.log(`smoke against ${process.env.API_URL}`);\n"

# --- qunit
_QU_TESTS = """\
const { slugify, truncate } = require('../src/text');

QUnit.module('slugify', () => {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa',
    'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'];
  for (const w of words) {
    QUnit.test(`keeps ${w}`, (assert) => assert.equal(slugify(w), w));
  }
  QUnit.test('joins words with dashes', (assert) => {
    assert.equal(slugify('Hello World'), 'hello-world');
  });
  QUnit.test('strips accents', (assert) => {
    assert.equal(slugify('Crème Brûlée'), 'creme-brulee');
  });
});

QUnit.module('truncate', () => {
  QUnit.test('short text unchanged', (assert) => assert.equal(truncate('abc', 10), 'abc'));
  QUnit.test('adds an ellipsis', (assert) => {
    assert.deepEqual({ text: truncate('abcdefghijkl', 8) }, { text: 'abcde...' });
  });
  QUnit.test('error text kept', (assert) => assert.equal(truncate('error', 10), 'error'));
});
"""
_QU_SRC = """\
exports.slugify = (s) => s.toLowerCase().replace(/\\s+/g, '-');
exports.truncate = (s, n) => (s.length <= n ? s : s.slice(0, n) + '...');
"""

# --- a subpath the package's "exports" does not list
_EX_PKG = """\
{
  "name": "@acme/money",
  "version": "4.0.0",
  "main": "./index.js",
  "exports": { ".": "./index.js", "./package.json": "./package.json" }
}
"""
_EX_SRC = """\
const money = require('@acme/money');
console.log(`@acme/money ${require('@acme/money/package.json').version}`);
console.log('building price table for 4 regions');
const { roundHalfEven } = require('@acme/money/lib/round');
for (const r of ['eu', 'us', 'uk', 'ch']) console.log(r, roundHalfEven(money.parse('10.005')));
"""

# --- RangeError: Invalid time value from toISOString, far below a long listing
_RT_SRC = """\
const fs = require('fs');
const posts = JSON.parse(fs.readFileSync('content/posts.json', 'utf8'));
console.log(`sitemap: ${posts.length} posts`);
const out = [];
for (const p of posts) {
  const lastmod = new Date(p.updated).toISOString();
  console.log(`  /blog/${p.slug} lastmod=${lastmod}`);
  out.push(`<url><loc>https://acme.test/blog/${p.slug}</loc><lastmod>${lastmod}</lastmod></url>`);
}
fs.writeFileSync('dist/sitemap.xml', `<urlset>${out.join('')}</urlset>`);
"""


def _posts() -> str:
    import json

    posts = []
    for i in range(1, 181):
        d = f"2025-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}T09:00:00Z"
        posts.append({"slug": f"post-{i:03d}", "updated": d})
    posts[150]["updated"] = "31.01.2026 10:15"
    return json.dumps(posts, indent=1) + "\n"


# --- fetch with AbortSignal.timeout against a slow local service
_AT_SRC = """\
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  setTimeout(() => res.end(JSON.stringify({ rates: 42 })), 3000);
});

server.listen(0, async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(`mock pricing service on ${base}`);
  console.log('health:', await (await fetch(`${base}/healthz`)).text());
  for (const path of ['/rates/eur', '/rates/usd']) {
    console.log(`GET ${path} (budget 750 ms)`);
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(750) });
    console.log(path, await res.json());
  }
  server.close();
});
"""

# --- lockfile-lint
_LL_LOCK = """\
{
  "name": "web-admin",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": { "name": "web-admin", "version": "1.0.0", "dependencies": { "left-pad": "^1.3.0", "ms": "^2.1.3", "acme-ui": "^2.0.0", "debug": "^4.3.4" } },
    "node_modules/left-pad": {
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQ9+dvx5CqJbNU5bWWDGuPuWgbU5lDXyJlm+Bqn+dQ7H2XVA=="
    },
    "node_modules/ms": {
      "version": "2.1.3",
      "resolved": "http://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
      "integrity": "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="
    },
    "node_modules/acme-ui": {
      "version": "2.0.1",
      "resolved": "https://npm.pkg.acme-mirror.example/acme-ui/-/acme-ui-2.0.1.tgz",
      "integrity": "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
    },
    "node_modules/debug": {
      "version": "4.3.4",
      "resolved": "https://registry.npmjs.org/debug/-/debug-4.3.4.tgz",
      "integrity": "sha512-PRWFHuSU3eDtQJPvnNY7Jcket1j0t5OuOsFzPPzsekD52Zl8qUfFIPEiswXqIvHWGVHOgX+7G/vCNNhehwxfkQ=="
    }
  }
}
"""


def register(case):
    case(
        name="node-env-file-not-found-npm-smoke-script",
        tool="node",
        category="config",
        ci="github",
        repo="checkout-api",
        tty=False,
        command="npm run smoke",
        files={"package.json": _EF_PKG, "scripts/smoke.js": _EF_SRC, ".env.example": "API_URL=http://localhost:3000\n"},
        keys=[".env.ci: not found"],
        cause=[has(".env.ci: not found")],
    )
    case(
        name="qunit-two-failed-of-29-slugify-accents-truncate",
        tool="qunit",
        category="test",
        label=":nodejs: Unit tests",
        repo="text-utils",
        tty=False,
        command="qunit test/",
        files={"package.json": '{"name":"text-utils","private":true}\n', "src/text.js": _QU_SRC, "test/text.test.js": _QU_TESTS},
        keys=["strips accents", "adds an ellipsis", "creme-brulee"],
        cause=[has("not ok "), has("actual"), has("expected"), has("\"text\": \"abcde"), has("test/text.test.js:"), has("# fail 2")],
    )
    case(
        name="node-err-package-path-not-exported-money-lib-round",
        tool="node",
        category="dependency",
        label=":nodejs: Price table",
        repo="pricing",
        tty=False,
        command="node scripts/prices.js",
        files={
            "scripts/prices.js": _EX_SRC,
            "node_modules/@acme/money/package.json": _EX_PKG,
            "node_modules/@acme/money/index.js": "exports.parse = (s) => Number(s);\n",
            "node_modules/@acme/money/lib/round.js": "exports.roundHalfEven = (n) => Math.round(n * 100) / 100;\n",
        },
        keys=["ERR_PACKAGE_PATH_NOT_EXPORTED", "./lib/round"],
        cause=[has("Error [ERR_PACKAGE_PATH_NOT_EXPORTED]"), has("scripts/prices.js:4"), has("code: 'ERR_PACKAGE_PATH_NOT_EXPORTED'")],
    )
    case(
        name="node-rangeerror-invalid-time-value-sitemap-post-151",
        tool="node",
        category="runtime",
        label=":nodejs: Build sitemap",
        repo="blog",
        tty=False,
        setup="mkdir -p dist",
        command="node scripts/sitemap.js",
        files={"scripts/sitemap.js": _RT_SRC, "content/posts.json": _posts()},
        keys=["RangeError: Invalid time value", "scripts/sitemap.js:6"],
        cause=[has("RangeError: Invalid time value"), has("scripts/sitemap.js:6:39"), has("at Date.toISOString")],
    )
    case(
        name="node-fetch-abortsignal-timeout-rates-750ms",
        tool="node",
        category="timeout",
        ci="github",
        repo="pricing-client",
        tty=False,
        command="node scripts/contract-check.js",
        files={"scripts/contract-check.js": _AT_SRC},
        keys=["TimeoutError", "The operation was aborted due to timeout"],
        cause=[has("The operation was aborted due to timeout"), has("scripts/contract-check.js:14")],
    )
    case(
        name="lockfile-lint-http-scheme-and-unknown-host",
        tool="lockfile-lint",
        category="lint",
        ci="gitlab",
        repo="web-admin",
        tty=False,
        command="lockfile-lint --path package-lock.json --type npm --allowed-hosts npm --validate-https",
        files={"package-lock.json": _LL_LOCK, "package.json": '{"name":"web-admin","version":"1.0.0"}\n'},
        keys=["npm.pkg.acme-mirror.example", "detected invalid protocol for package: ms@2.1.3"],
        cause=[has("detected invalid"), has("expected: "), has("actual: "), has("security issues detected")],
    )
