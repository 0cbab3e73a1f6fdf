"""Node cases for the ninth held-out corpus (real tools from /work/scratch/h8/npm: ava 6,
@babel/cli 7, rollup 4, typescript 5, ajv-cli 5, yarn 1; Node 20)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- ava: two failing assertions among passing tests
_AV_PKG = """\
{
  "name": "price-rules",
  "version": "1.2.0",
  "type": "module",
  "private": true,
  "ava": {"files": ["test/**/*.test.js"]}
}
"""
_AV_SRC = """\
export function applyDiscount(cents, percent) {
  return Math.round(cents - cents * percent / 100);
}

export function bundlePrice(items) {
  const total = items.reduce((sum, i) => sum + i.cents * i.qty, 0);
  return items.length >= 3 ? applyDiscount(total, 10) : total;
}

export function parsePercent(text) {
  return Number.parseInt(text, 10);
}
"""
_AV_T1 = """\
import test from 'ava';
import {applyDiscount, parsePercent} from '../src/rules.js';

test('no discount', t => {
  t.is(applyDiscount(1000, 0), 1000);
});

test('ten percent', t => {
  t.is(applyDiscount(1999, 10), 1799);
});

test('parses decimal percentages', t => {
  t.is(parsePercent('12.5%'), 12.5);
});
"""
_AV_T2 = """\
import test from 'ava';
import {bundlePrice} from '../src/rules.js';

const item = (cents, qty = 1) => ({cents, qty});

test('two items, no bundle discount', t => {
  t.is(bundlePrice([item(500), item(250)]), 750);
});

test('three items get the bundle discount', t => {
  t.is(bundlePrice([item(500), item(250), item(250)]), 900);
});

test('quantities count towards the bundle', t => {
  t.deepEqual({total: bundlePrice([item(400, 3)])}, {total: 1080});
});
"""

# --- ava: a test that never resolves
_AT_PKG = """\
{
  "name": "queue-client",
  "version": "0.3.0",
  "type": "module",
  "private": true,
  "ava": {"files": ["test/*.test.js"], "timeout": "4s"}
}
"""
_AT_SRC = """\
import {EventEmitter} from 'node:events';

export class Queue extends EventEmitter {
  constructor() {
    super();
    this.items = [];
    this.heartbeat = setInterval(() => this.emit('heartbeat'), 500);
  }
  push(x) { this.items.push(x); if (this.items.length > 1) this.emit('drain'); }
  async next() { return this.items.shift(); }
}
"""
_AT_T = """\
import test from 'ava';
import {once} from 'node:events';
import {Queue} from '../src/queue.js';

test('push and next', async t => {
  const q = new Queue();
  q.push(1);
  t.is(await q.next(), 1);
});

test('fifo order', async t => {
  const q = new Queue();
  q.push('a'); q.push('b');
  t.is(await q.next(), 'a');
  t.is(await q.next(), 'b');
});

test('emits drain after the first push', async t => {
  const q = new Queue();
  const drained = once(q, 'drain');
  q.push('only');
  await drained;
  t.pass();
});
"""

# --- babel: JSX without the react preset
_BB_CONFIG = """\
{
  "presets": [["@babel/preset-env", {"targets": "defaults"}]]
}
"""
_BB_UTIL = """\
export const formatUser = (u) => `${u.first} ${u.last}`;
"""
_BB_APP = """\
import { formatUser } from './util.js';

export function UserBadge({ user }) {
  const name = formatUser(user);
  return <span className="badge">{name}</span>;
}
"""

# --- rollup: an import of a name the module does not export
_RU_CONFIG = """\
export default {
  input: 'src/main.js',
  output: { file: 'dist/bundle.js', format: 'es' },
};
"""
_RU_MAIN = """\
import { formatDate, parseDate } from './dates.js';
import { log } from './log.js';

log(formatDate(parseDate('2026-11-27')));
"""
_RU_DATES = """\
export function parseDate(s) {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatISO(d) {
  return d.toISOString().slice(0, 10);
}
"""
_RU_LOG = """\
export const log = (...args) => console.log('[app]', ...args);
"""

# --- tsc: two bad compiler options in tsconfig.json
_TS_CONFIG = """\
{
  "compilerOptions": {
    "target": "es2099",
    "module": "commonjs",
    "strict": true,
    "strictNullCheck": true,
    "outDir": "dist",
    "rootDir": "src"
  },
  "include": ["src"]
}
"""
_TS_SRC = """\
export function total(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
"""

# --- ajv validate: a service config against its JSON schema, all errors
_AJ_SCHEMA = """\
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["service", "replicas", "ports"],
  "additionalProperties": false,
  "properties": {
    "service": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
    "replicas": {"type": "integer", "minimum": 1, "maximum": 20},
    "ports": {
      "type": "array",
      "items": {"type": "object", "required": ["name", "port"],
                "properties": {"name": {"type": "string"}, "port": {"type": "integer", "maximum": 65535}}}
    },
    "env": {"type": "object", "additionalProperties": {"type": "string"}}
  }
}
"""
_AJ_OK = """\
{"service": "billing-api", "replicas": 3, "ports": [{"name": "http", "port": 8080}], "env": {"LOG_LEVEL": "info"}}
"""
_AJ_BAD = """\
{
  "service": "checkout-web",
  "replicas": 0,
  "ports": [{"name": "http", "port": 80800}],
  "env": {"WORKERS": 4},
  "healthcheck": "/healthz"
}
"""
_AJ_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
status=0
for f in deploy/services/*.json; do
  ajv validate --spec=draft7 --all-errors --errors=text -s deploy/service.schema.json -d "$f" || status=1
done
exit $status
"""

# --- yarn 1: the lock file does not cover package.json
_YN_PKG = """\
{
  "name": "status-page",
  "version": "2.1.0",
  "private": true,
  "dependencies": {
    "left-pad": "^1.3.0",
    "ms": "^2.1.3"
  }
}
"""
_YN_LOCK = """\
# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


left-pad@^1.3.0:
  version "1.3.0"
  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e"
  integrity sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEHYyXaF+Fb7iKGaw9pNo4J2Ui+nmyS0r+MRrNjZTGl+DBA==
"""


def register(case):
    case(
        name="ava-two-failed-assertions",
        tool="ava",
        category="test",
        label=":test_tube: ava",
        repo="price-rules",
        command="npx ava --color",
        run="ava --color",
        setup="ln -s /work/scratch/h8/npm/node_modules node_modules",
        files={"package.json": _AV_PKG, "src/rules.js": _AV_SRC, "test/rules.test.js": _AV_T1,
               "test/bundle.test.js": _AV_T2},
        keys=["bundle › quantities count towards the bundle", "rules › parses decimal percentages",
              "total: 1200,", "2 tests failed"],
        cause=[has("✘ [fail]:"), has(r"^  (bundle › quantities|rules › parses)", rx=True), has("test/bundle.test.js:15"),
               has("15:   t.deepEqual"), has("-   total: 1200,"), has("+   total: 1080,"), has("test/rules.test.js:13"),
               has("13:   t.is(parsePercent"), has(r"^  - 12$", rx=True), has(r"^  \+ 12.5$", rx=True),
               has("2 tests failed")],
        exit_status=1,
    )
    case(
        name="ava-timed-out-waiting-for-event",
        tool="ava",
        category="timeout",
        ci="gitlab",
        repo="queue-client",
        command="npx ava",
        run="ava",
        setup="ln -s /work/scratch/h8/npm/node_modules node_modules",
        files={"package.json": _AT_PKG, "src/queue.js": _AT_SRC, "test/queue.test.js": _AT_T},
        keys=["Timed out while running tests", "1 tests were pending in test/queue.test.js",
              "emits drain after the first push"],
        cause=[has("✘ Timed out while running tests"), has("1 tests were pending in test/queue.test.js"),
               has("◌ emits drain after the first push"), has("1 test remained pending after a timeout")],
        exit_status=1,
    )
    case(
        name="babel-jsx-syntax-not-enabled",
        tool="babel",
        category="compile",
        ci="gitlab",
        repo="account-ui",
        tty=False,
        command="npx babel src --out-dir lib",
        run="babel src --out-dir lib",
        setup="ln -s /work/scratch/h8/npm/node_modules node_modules",
        files={".babelrc": _BB_CONFIG, "src/util.js": _BB_UTIL, "src/UserBadge.js": _BB_APP},
        keys=["Support for the experimental syntax 'jsx' isn't currently enabled (5:10)", "src/UserBadge.js",
              "Add @babel/preset-react"],
        cause=[has("SyntaxError:"), has('> 5 |   return <span className="badge">{name}</span>;'),
               has("Add @babel/preset-react")],
        exit_status=1,
    )
    case(
        name="rollup-missing-export-formatdate",
        tool="rollup",
        category="compile",
        label=":package: Bundle",
        repo="calendar-widget",
        command="npx rollup -c",
        run="rollup -c",
        setup="ln -s /work/scratch/h8/npm/node_modules node_modules",
        files={"rollup.config.mjs": _RU_CONFIG, "src/main.js": _RU_MAIN, "src/dates.js": _RU_DATES, "src/log.js": _RU_LOG},
        keys=['"formatDate" is not exported by "src/dates.js", imported by "src/main.js"', "src/main.js (1:9)"],
        cause=[has("[!] RollupError:"), has("src/main.js (1:9)"), has("1: import { formatDate, parseDate }")],
        exit_status=1,
    )
    case(
        name="tsc-tsconfig-bad-target-and-unknown-option",
        tool="tsc",
        category="config",
        ci="travis",
        repo="stats-lib",
        command="npx tsc -p tsconfig.json",
        run="tsc -p tsconfig.json --pretty",
        files={"tsconfig.json": _TS_CONFIG, "src/index.ts": _TS_SRC},
        keys=["error TS6046: Argument for '--target' option must be:", "error TS5025: Unknown compiler option 'strictNullCheck'",
              "Found 2 errors in the same file"],
        cause=[has("tsconfig.json:3:15 - error TS6046"), has('"target": "es2099",'), has("tsconfig.json:6:5 - error TS5025"),
               has('"strictNullCheck": true,'), has("Found 2 errors")],
        exit_status=2,
    )
    case(
        name="ajv-validate-service-config-four-errors",
        tool="ajv",
        category="config",
        label=":white_check_mark: Validate service configs",
        repo="deploy-configs",
        tty=False,
        command="./ci/validate-configs.sh",
        files={"ci/validate-configs.sh": _AJ_SCRIPT, "deploy/service.schema.json": _AJ_SCHEMA,
               "deploy/services/billing-api.json": _AJ_OK, "deploy/services/checkout-web.json": _AJ_BAD},
        keys=["deploy/services/checkout-web.json invalid", "data/replicas must be >= 1", "data/ports/0/port must be <= 65535",
              "data/env/WORKERS must be string", "data must NOT have additional properties"],
        cause=[has("checkout-web.json invalid"), has("data/replicas must be >= 1")],
        exit_status=1,
    )
    case(
        name="yarn-frozen-lockfile-needs-update",
        tool="yarn",
        category="dependency",
        label=":yarn: Install",
        repo="status-page",
        tty=False,
        command="yarn install --frozen-lockfile --non-interactive",
        env={"YARN_CACHE_FOLDER": "/work/scratch/h8/yarn-cache"},
        files={"package.json": _YN_PKG, "yarn.lock": _YN_LOCK},
        keys=["Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`."],
        cause=[has("error Your lockfile needs to be updated")],
        exit_status=1,
    )
