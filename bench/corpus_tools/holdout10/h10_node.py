"""Node cases for the eleventh held-out corpus (Node 20 + npm; /work/scratch/h10/npm from the npm
registry: jest 29, typescript 5)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_LINK = "ln -s /work/scratch/h10/npm/node_modules node_modules"

# --- jest: three suites, two fail (toHaveBeenCalledWith, toThrow)
_JT_NOTIFY = """\
function notifyOverdue(invoices, mailer, today) {
  for (const inv of invoices) {
    if (inv.due < today && !inv.paid) {
      mailer.send(inv.email, 'Invoice overdue', {id: inv.id, days: Math.round((today - inv.due) / 86400000)});
    }
  }
}
module.exports = {notifyOverdue};
"""
_JT_NOTIFY_TEST = """\
const {notifyOverdue} = require('../src/notify');

describe('notifyOverdue', () => {
  test('mails each unpaid overdue invoice once', () => {
    const mailer = {send: jest.fn()};
    const today = Date.UTC(2026, 10, 27);
    notifyOverdue([
      {id: 'A1', email: 'a@example.com', due: Date.UTC(2026, 10, 20), paid: false},
      {id: 'A2', email: 'b@example.com', due: Date.UTC(2026, 10, 20), paid: true},
    ], mailer, today);
    expect(mailer.send).toHaveBeenCalledWith('a@example.com', 'Invoice overdue', {id: 'A1', daysOverdue: 7});
  });

  test('ignores invoices not yet due', () => {
    const mailer = {send: jest.fn()};
    notifyOverdue([{id: 'B1', email: 'c@example.com', due: 10, paid: false}], mailer, 5);
    expect(mailer.send).not.toHaveBeenCalled();
  });
});
"""
_JT_PARSE = """\
function parseAmount(text) {
  const n = Number(String(text).replace(',', '.'));
  return Math.round(n * 100);
}
module.exports = {parseAmount};
"""
_JT_PARSE_TEST = """\
const {parseAmount} = require('../src/parse');

test.each([['12.50', 1250], ['0,99', 99], ['3', 300]])('parses %s', (text, cents) => {
  expect(parseAmount(text)).toBe(cents);
});

test('rejects text that is not a number', () => {
  expect(() => parseAmount('12 EUR')).toThrow('invalid amount');
});
"""
_JT_OK_TEST = """\
test.each(Array.from({length: 25}, (_, i) => i))('slot %i is free', (i) => {
  expect(i).toBeGreaterThanOrEqual(0);
});
"""

# --- tsc: noImplicitAny, a missing module and an argument type, in three files
_TS_CONFIG = """\
{
  "compilerOptions": {
    "target": "ES2020",
    "module": "commonjs",
    "strict": true,
    "noEmit": true,
    "esModuleInterop": true,
    "skipLibCheck": true
  },
  "include": ["src"]
}
"""
_TS_A = """\
import { formatMoney } from "./money";
import { retry } from "./lib/retry";

export function summary(items: { cents: number }[]): string {
  const total = items.reduce((acc, i) => acc + i.cents, 0);
  return formatMoney(total, "EUR");
}

export const fetchWithRetry = (url: string) => retry(() => fetch(url), 3);
"""
_TS_B = """\
export function formatMoney(cents: number, currency: "EUR" | "USD"): string {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

export function sumAll(values) {
  return values.reduce((a, b) => a + b, 0);
}
"""
_TS_C = """\
import { formatMoney } from "./money";

export function report(rows: { cents: string }[]): string[] {
  return rows.map((r) => formatMoney(r.cents, "GBP"));
}
"""

# --- node: an ES module import in a CommonJS package
_ESM_PKG = '{"name": "docs-index", "version": "1.0.0", "private": true, "type": "module"}\n'
_ESM_SCRIPT = """\
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2] || 'docs';
const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
fs.writeFileSync('index.json', JSON.stringify(pages.map((p) => path.basename(p, '.md'))));
console.log(`indexed ${pages.length} pages`);
"""

# --- node --test: spec reporter, two failing subtests
_NT_SRC = """\
function parseDuration(text) {
  const m = /^(\\d+)(ms|s|m)$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60 * 1000;
}

function humanize(ms) {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60000) return `${ms / 1000}s`;
  return `${Math.floor(ms / 60000)}m`;
}
module.exports = {parseDuration, humanize};
"""
_NT_TEST = """\
const test = require('node:test');
const assert = require('node:assert');
const {parseDuration, humanize} = require('../src/duration');

test('parseDuration', async (t) => {
  await t.test('milliseconds', () => assert.strictEqual(parseDuration('250ms'), 250));
  await t.test('seconds', () => assert.strictEqual(parseDuration('3s'), 3000));
  await t.test('hours', () => assert.strictEqual(parseDuration('2h'), 7200000));
  await t.test('garbage', () => assert.strictEqual(parseDuration('soon'), null));
});

test('humanize', async (t) => {
  await t.test('under a second', () => assert.strictEqual(humanize(900), '900ms'));
  await t.test('minutes and seconds', () => assert.strictEqual(humanize(90500), '1m 30s'));
  await t.test('seconds', () => assert.strictEqual(humanize(1500), '1.5s'));
});
"""


def register(case):
    case(
        name="jest-two-of-three-suites-calledwith-and-tothrow",
        tool="jest",
        category="test",
        label=":jest: Unit tests",
        repo="billing-ui",
        command="npx jest --ci --colors",
        setup=_LINK,
        files={"package.json": '{"name": "billing-ui", "private": true}\n', "src/notify.js": _JT_NOTIFY,
               "src/parse.js": _JT_PARSE, "test/notify.test.js": _JT_NOTIFY_TEST,
               "test/parse.test.js": _JT_PARSE_TEST, "test/slots.test.js": _JT_OK_TEST},
        keys=["notifyOverdue › mails each unpaid overdue invoice once", "rejects text that is not a number",
              "Received function did not throw", "Tests:       2 failed"],
        cause=[has(r"FAIL\s+test/(notify|parse)\.test\.js", rx=True), has(r"● (notifyOverdue › mails|rejects text)", rx=True),
               has("expect(jest.fn()).toHaveBeenCalledWith(...expected)"), has("expect(received).toThrow(expected)"),
               has("Received function did not throw"), has('Expected substring: "invalid amount"'), has(r"^\s+[-+]\s+\"days", rx=True),
               has(r"^\s+> \d+ \|", rx=True), has(r"at Object\.<?\w*>? \(test/(notify|parse)\.test\.js", rx=True),
               has(r"at Object\.toThrow \(test/parse", rx=True), has(r"at Object\.toHaveBeenCalledWith \(test/notify", rx=True),
               has("Test Suites: 2 failed"), has("Tests:       2 failed")],
        exit_status=1,
    )
    case(
        name="tsc-strict-five-errors-three-files-pretty",
        tool="tsc",
        category="compile",
        ci="gitlab",
        repo="ledger-web",
        command="npx tsc -p tsconfig.json",
        setup=_LINK,
        files={"package.json": '{"name": "ledger-web", "private": true}\n', "tsconfig.json": _TS_CONFIG,
               "src/summary.ts": _TS_A, "src/money.ts": _TS_B, "src/report.ts": _TS_C},
        keys=["TS2307", "Cannot find module './lib/retry'", "TS7006", "TS2345"],
        cause=[has(r"error.*TS\d+", rx=True), has(r"Found \d+ errors in 3 files", rx=True),
               has(r"^\s+\d+\s+src/\w+\.ts:\d+", rx=True)],
        exit_status=2,
    )
    case(
        name="node-require-not-defined-in-es-module-scope",
        tool="node",
        category="runtime",
        ci="github",
        repo="docs-index",
        tty=False,
        command="node scripts/build-index.js docs",
        files={"package.json": _ESM_PKG, "scripts/build-index.js": _ESM_SCRIPT, "docs/a.md": "# a\n"},
        keys=["ReferenceError: require is not defined in ES module scope", "scripts/build-index.js:1"],
        cause=[has("scripts/build-index.js:1"), has("const fs = require('node:fs');"), has("ReferenceError: require is not defined in ES module scope"),
               has("This file is being treated as an ES module")],
        exit_status=1,
    )
    case(
        name="node-test-runner-spec-two-failed-subtests",
        tool="node",
        category="test",
        label=":node: node --test",
        repo="durations",
        command="node --test",
        files={"package.json": '{"name": "durations", "private": true}\n', "src/duration.js": _NT_SRC,
               "test/duration.test.js": _NT_TEST},
        keys=["hours", "minutes and seconds", "null !== 7200000", "ℹ fail 4"],
        cause=[has(r"✖ (hours|minutes and seconds)", rx=True), has("AssertionError [ERR_ASSERTION]"),
               has(r"^\s+(null !== 7200000|'1m' !== '1m 30s')", rx=True), has("test/duration.test.js:"),
               has("test at test/duration.test.js:"), has("ℹ fail 4")],
        exit_status=1,
    )
