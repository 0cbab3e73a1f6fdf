"""Node cases for the thirteenth held-out corpus (Node 20 with npm 11; uvu 0.5, ts-node 10 with
TypeScript 5.9, less 4.9 and c8 12 from /work/scratch/h12/npm; the npm registry reached for
`npm ci`)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

NODE_ENV = {"NODE_PATH": "/work/scratch/h12/npm/node_modules"}

# --- uvu: two failing assertions in two suites
_UV_SRC = """\
exports.parseDuration = (text) => {
  const m = /^(\\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`bad duration: ${text}`);
  const n = Number(m[1]);
  return { ms: 1, s: 1000, m: 60000, h: 3600 * 1000 }[m[2]] * n;
};

exports.formatDuration = (ms) => {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60000) return `${ms / 1000}s`;
  return `${Math.floor(ms / 60000)}m`;
};
"""
_UV_TEST_A = """\
const { test } = require('uvu');
const assert = require('uvu/assert');
const { parseDuration } = require('../src/duration');

for (let i = 1; i <= 30; i++) {
  test(`parses ${i}s`, () => assert.is(parseDuration(`${i}s`), i * 1000));
}
test('parses hours', () => assert.is(parseDuration('2h'), 7200000));
test('parses compound', () => assert.is(parseDuration('1h30m'), 5400000));
test.run();
"""
_UV_TEST_B = """\
const { suite } = require('uvu');
const assert = require('uvu/assert');
const { formatDuration } = require('../src/duration');

const fmt = suite('formatDuration');
fmt('milliseconds', () => assert.is(formatDuration(250), '250ms'));
fmt('seconds', () => assert.is(formatDuration(1500), '1.5s'));
fmt('minutes keep seconds', () => assert.equal(formatDuration(90000), '1m30s'));
fmt.run();
"""

# --- ts-node: a type error when the migration script is run
_TN_SRC = """\
interface Migration {
  id: number;
  name: string;
  up: (db: Db) => Promise<void>;
}

interface Db {
  exec(sql: string): Promise<void>;
}

const migrations: Migration[] = [
  { id: 1, name: "create_users", up: async (db) => db.exec("CREATE TABLE users (id int)") },
  { id: "2", name: "add_email", up: async (db) => db.exec("ALTER TABLE users ADD email text") },
];

export async function migrate(db: Db, current: number): Promise<number> {
  for (const m of migrations.filter((m) => m.id > current)) {
    console.log(`applying ${m.id} ${m.name}`);
    await m.up(db);
  }
  return migrations.length;
}

migrate({ exec: async (sql) => console.log(sql) }, 0).then((n) => console.log(`at ${n}`));
"""
_TN_TSCONFIG = '{"compilerOptions": {"target": "ES2022", "module": "commonjs", "strict": true}}\n'

# --- lessc: an undefined mixin in a theme file
_LS_MAIN = """\
@import "tokens.less";
@import "buttons.less";

body {
  font-family: @font-body;
  color: @text;
}
"""
_LS_TOKENS = """\
@font-body: "Inter", sans-serif;
@text: #1d2330;
@brand: #3a5bd9;
@radius: 6px;
"""
_LS_BUTTONS = """\
.button-base() {
  display: inline-flex;
  padding: 0.5rem 1rem;
  border-radius: @radius;
}

.btn {
  .button-base();
  background: @brand;

  &:hover {
    background: darken(@brand, 8%);
  }

  &--ghost {
    .button-outline(@brand);
    background: transparent;
  }
}
"""

# --- c8: coverage thresholds after the tests pass
_C8_SRC = """\
function applyDiscount(cents, code) {
  if (code === 'WELCOME10') return Math.round(cents * 0.9);
  if (code === 'FREESHIP') return cents;
  if (code && code.startsWith('STAFF')) return Math.round(cents * 0.7);
  return cents;
}

function shippingFor(cents, country) {
  if (country === 'DE') return cents > 5000 ? 0 : 499;
  if (country === 'FR') return cents > 6000 ? 0 : 599;
  if (country === 'US') return 1299;
  throw new Error(`no shipping to ${country}`);
}

function total(cents, code, country) {
  const discounted = applyDiscount(cents, code);
  const ship = code === 'FREESHIP' ? 0 : shippingFor(discounted, country);
  return discounted + ship;
}

module.exports = { applyDiscount, shippingFor, total };
"""
_C8_TEST = """\
const test = require('node:test');
const assert = require('node:assert');
const { total, applyDiscount } = require('../src/pricing');

test('welcome code', () => assert.strictEqual(applyDiscount(1000, 'WELCOME10'), 900));
test('germany free shipping', () => assert.strictEqual(total(6000, null, 'DE'), 6000));
test('germany small order', () => assert.strictEqual(total(1000, null, 'DE'), 1499));
"""
_C8_RC = '{"check-coverage": true, "lines": 90, "functions": 90, "branches": 85, "statements": 90, "reporter": ["text"]}\n'

# --- npm ci: the lockfile's integrity for one package does not match the registry tarball
_NI_PKG = """\
{
  "name": "status-page",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "ms": "2.1.3",
    "escape-html": "1.0.3"
  }
}
"""
_NI_SETUP = (
    "rm -rf /work/scratch/h12/npmcache-eintegrity && npm install --package-lock-only --no-audit --no-fund >/dev/null && "
    "python3 -c \"import json; p='package-lock.json'; d=json.load(open(p)); "
    "e=d['packages']['node_modules/ms']; e['integrity']='sha512-' + 'A'*86 + '=='; "
    "json.dump(d, open(p, 'w'), indent=2)\""
)

# --- node --check: a syntax error in one of the build scripts
_NC_GOOD = (
    "const fs = require('fs');\nmodule.exports = (p) => fs.readFileSync(p, 'utf8').split('\\n').length;\n"
)
_NC_BAD = """\
const path = require('path');

function outName(file, hash) {
  const ext = path.extname(file);
  return `${path.basename(file, ext)}.${hash.slice(0, 8)}${ext}`;
}

module.exports = async function rename(files, hashes) {
  const out = {};
  for (const f of files) {
    out[f] = outName(f, hashes[f]);
  }
  await Promise.all(Object.entries(out).map(([from, to]) => {
    console.log(`${from} -> ${to}`);
  });
  return out;
};
"""
_NC_SH = """\
#!/usr/bin/env bash
set -euo pipefail
for f in scripts/*.js; do
  echo "node --check $f"
  node --check "$f"
done
echo "all scripts parse"
"""


def register(case):
    case(
        name="uvu-two-failing-assertions-of-35",
        tool="uvu",
        category="test",
        label=":test_tube: Unit tests",
        repo="durations",
        command="uvu tests",
        env=NODE_ENV,
        files={
            "src/duration.js": _UV_SRC,
            "tests/parse.test.js": _UV_TEST_A,
            "tests/format.test.js": _UV_TEST_B,
            "package.json": '{"name": "durations", "version": "0.3.0", "private": true}\n',
        },
        keys=["parses compound", "minutes keep seconds", "bad duration: 1h30m"],
        cause=[
            has(r"FAIL.*(parses compound|minutes keep seconds)", rx=True),
            has("bad duration: 1h30m"),
            has(r"Expected values to be deeply equal", rx=True),
            has(r"^\s+(\+\+|--)1m", rx=True),
            has(r"at .*/acme/durations/(src|tests)/", rx=True),
            has(r"^\s+(Total|Passed):\s+\d+", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="ts-node-tserror-string-id-not-assignable",
        tool="ts-node",
        category="compile",
        ci="github",
        repo="migrator",
        tty=False,
        command="ts-node src/migrate.ts",
        env=NODE_ENV,
        files={"src/migrate.ts": _TN_SRC, "tsconfig.json": _TN_TSCONFIG},
        keys=[
            "TSError: ⨯ Unable to compile TypeScript",
            "error TS2322: Type 'string' is not assignable to type 'number'",
        ],
        cause=[
            has("TSError: ⨯ Unable to compile TypeScript"),
            has(r"src/migrate\.ts\(\d+,\d+\): error TS\d+", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="lessc-undefined-mixin-in-imported-file",
        tool="lessc",
        category="compile",
        ci="travis",
        repo="theme",
        tty=False,
        command="lessc --no-color styles/main.less dist/main.css",
        files={
            "styles/main.less": _LS_MAIN,
            "styles/tokens.less": _LS_TOKENS,
            "styles/buttons.less": _LS_BUTTONS,
        },
        keys=[".button-outline is undefined"],
        cause=[has(".button-outline is undefined"), has(r"^\d+\s+\.button-outline\(@brand\);", rx=True)],
        exit_status=1,
    )
    case(
        name="c8-check-coverage-thresholds-after-passing-tests",
        tool="c8",
        category="test",
        ci="gitlab",
        repo="pricing",
        command="c8 node --test test/",
        env=NODE_ENV,
        files={
            "src/pricing.js": _C8_SRC,
            "test/pricing.test.js": _C8_TEST,
            ".c8rc.json": _C8_RC,
            "package.json": '{"name": "pricing", "version": "2.0.0", "private": true}\n',
        },
        keys=["ERROR: Coverage for lines", "does not meet global threshold (90%)"],
        cause=[has(r"ERROR: Coverage for \w+ \(", rx=True), has(" pricing.js |")],
        exit_status=1,
    )
    case(
        name="npm-ci-eintegrity-lockfile-sha512-mismatch",
        tool="npm",
        category="dependency",
        label=":npm: Install",
        repo="status-page",
        tty=False,
        command="npm ci --no-audit --no-fund",
        setup=_NI_SETUP,
        env={"npm_config_cache": "/work/scratch/h12/npmcache-eintegrity"},
        files={"package.json": _NI_PKG},
        keys=["npm error code EINTEGRITY"],
        cause=[has("code EINTEGRITY"), has("Integrity checksum failed")],
        exit_status=1,
    )
    case(
        name="node-check-syntaxerror-missing-paren-second-script",
        tool="node",
        category="compile",
        ci="github",
        repo="asset-pipeline",
        tty=False,
        command="./ci/check-syntax.sh",
        files={"ci/check-syntax.sh": _NC_SH, "scripts/count.js": _NC_GOOD, "scripts/rename.js": _NC_BAD},
        keys=["SyntaxError: missing ) after argument list"],
        cause=[has(r"scripts/rename\.js:\d+", rx=True), has(r"^\s+\}\);$", rx=True), has("SyntaxError:")],
        exit_status=1,
    )
