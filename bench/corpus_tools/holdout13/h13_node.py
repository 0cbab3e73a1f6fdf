"""Node cases for the fourteenth held-out corpus (Node 20 with npm 11; tape, cspell, madge,
htmlhint, tsx, oxlint, @bufbuild/buf, wait-on, jsonlint from /work/scratch/h13/npm; the npm
registry reached for `npm install`)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

NODE_ENV = {"NODE_PATH": "/work/scratch/h13/npm/node_modules"}

# --- tape: two failing assertions among ~90
_TP_SRC = """\
function parseQuery(qs) {
  const out = {};
  for (const part of qs.replace(/^\\?/, '').split('&')) {
    if (!part) continue;
    const [k, v = ''] = part.split('=');
    out[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return out;
}

function buildQuery(obj) {
  return Object.keys(obj)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(obj[k])}`)
    .join('&');
}

module.exports = { parseQuery, buildQuery };
"""
_TP_TEST = """\
const test = require('tape');
const { parseQuery, buildQuery } = require('../lib/query');

test('parseQuery: simple pairs', (t) => {
  for (let i = 0; i < 40; i++) {
    t.deepEqual(parseQuery(`a=${i}&b=x${i}`), { a: String(i), b: `x${i}` }, `pair ${i}`);
  }
  t.end();
});

test('parseQuery: plus means space', (t) => {
  t.deepEqual(parseQuery('q=hello+world'), { q: 'hello world' });
  t.end();
});

test('parseQuery: repeated keys become arrays', (t) => {
  t.deepEqual(parseQuery('tag=a&tag=b'), { tag: ['a', 'b'] });
  t.end();
});

test('buildQuery: round trip', (t) => {
  for (let i = 0; i < 40; i++) {
    const obj = { id: String(i), name: `n ${i}` };
    t.deepEqual(parseQuery(buildQuery(obj)), obj, `round trip ${i}`);
  }
  t.equal(buildQuery({}), '', 'empty object');
  t.end();
});
"""

# --- cspell
_CS_README = """\
# Ledger service

The ledger servce records every payment and refund in an append-only journal.
Balances are recomputed nightly by the reconcilation job.

## Running locally

    make dev

Environment variables are read from `.env`; see `docs/configuration.md`.
"""
_CS_SRC = """\
// Compute the running balance of an acount from its journal entries.
export function runningBalance(entries) {
  let balence = 0;
  return entries.map((e) => {
    balence += e.amount;
    return { ...e, balence };
  });
}
"""

# --- madge --circular
_MD = {
    "src/index.js": "const orders = require('./orders');\nmodule.exports = { orders };\n",
    "src/orders.js": "const { notify } = require('./notify');\nconst { price } = require('./pricing');\n"
    "exports.place = (o) => { notify(o); return price(o); };\n",
    "src/notify.js": "const orders = require('./orders');\nexports.notify = (o) => orders.place ? o : null;\n",
    "src/pricing.js": "const { discounts } = require('./discounts');\nexports.price = (o) => o.total - discounts(o);\n",
    "src/discounts.js": "const { price } = require('./pricing');\nexports.discounts = (o) => (o.coupon ? price({ total: 0 }) : 0);\n",
    "src/util.js": "exports.id = (x) => x;\n",
}

# --- htmlhint
_HH_INDEX = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Status</title>
</head>
<body>
<div id="main" class="status">
  <h1>Service status</h1>
  <img src="/img/ok.svg">
  <div id="main"><p>All systems operational</p></div>
  <a href="/history" onclick="track()">History</a>
</div>
</body>
</html>
"""
_HH_ABOUT = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>About</title></head>
<body>
<P>About this page</p>
<span class=note>Maintained by the platform team</span>
</body>
</html>
"""

# --- tsx: a runtime TypeError inside a TypeScript release script
_TX_SRC = """\
import { readFileSync } from "node:fs";

interface Release {
  version: string;
  notes?: { title: string; items: string[] };
}

function render(r: Release): string {
  const lines = [`## ${r.version}`];
  for (const item of r.notes!.items) {
    lines.push(`- ${item}`);
  }
  return lines.join("\\n");
}

const releases: Release[] = JSON.parse(readFileSync("releases.json", "utf8"));
for (const r of releases) {
  console.log(`rendering ${r.version}`);
  console.log(render(r));
}
"""
_TX_JSON = """\
[
  {"version": "3.2.0", "notes": {"title": "Features", "items": ["Bulk export", "Dark mode"]}},
  {"version": "3.1.1", "notes": {"title": "Fixes", "items": ["Timezone in reports"]}},
  {"version": "3.1.0"},
  {"version": "3.0.0", "notes": {"title": "Breaking", "items": ["Node 20 required"]}}
]
"""

# --- oxlint
_OX_SRC = """\
import { readFile } from 'node:fs/promises';

export async function loadUsers(path) {
  const raw = await readFile(path, 'utf8');
  const users = JSON.parse(raw);
  if (users.length == 0) {
    debugger;
  }
  return users.filter((u) => u.active = true);
}

export function byId(users, id) {
  for (const u of users) {
    if (u.id === id) return u;
    else return null;
  }
}

export function isNaNId(id) {
  return id === NaN;
}
"""

# --- buf lint
_BF_YAML = """\
version: v2
lint:
  use:
    - STANDARD
"""
_BF_PROTO = """\
syntax = "proto3";

package acme.orders;

message order {
  string ID = 1;
  int64 total_cents = 2;
  OrderStatus status = 3;
}

enum OrderStatus {
  PENDING = 0;
  PAID = 1;
  SHIPPED = 2;
}

service Orders {
  rpc GetOrder(GetOrderRequest) returns (order);
}

message GetOrderRequest {
  string id = 1;
}
"""

# --- wait-on: the app server never comes up
_WO_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- starting preview server"
node server.js &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
echo "waiting for http://127.0.0.1:18741/health (up to 8s)"
wait-on --timeout 8000 --interval 500 --verbose http-get://127.0.0.1:18741/health
echo "--- running e2e suite"
npm run e2e
"""
_WO_SERVER = """\
const http = require('node:http');
const port = Number(process.env.PORT || 18740);
console.log(`preview server: warming caches...`);
setTimeout(() => {
  http.createServer((req, res) => res.end('ok')).listen(port, '127.0.0.1', () => {
    console.log(`preview server listening on http://127.0.0.1:${port}`);
  });
}, 300);
setTimeout(() => process.exit(0), 12000);
"""

# --- jsonlint
_JL_JSON = """\
{
  "service": "orders",
  "replicas": 3,
  "env": {
    "LOG_LEVEL": "info",
    "DB_POOL": 10,
  },
  "healthcheck": {"path": "/health", "interval": 10}
}
"""

# --- npm ETARGET
_NT_PKG = """\
{
  "name": "dashboard",
  "version": "1.4.0",
  "private": true,
  "dependencies": {
    "ms": "^2.1.3",
    "left-pad": "^1.3.0",
    "debug": "^9.4.0"
  }
}
"""


def register(case):
    case(
        name="tape-two-failing-assertions-of-83",
        tool="tape",
        category="test",
        label=":nodejs: Unit tests",
        repo="querystring",
        tty=False,
        command="tape 'test/**/*.test.js'",
        env=NODE_ENV,
        files={"lib/query.js": _TP_SRC, "test/query.test.js": _TP_TEST},
        keys=["# fail  2", "not ok 41 should be deeply equivalent", "not ok 42 should be deeply equivalent"],
        cause=[
            has(r"^not ok \d+ ", rx=True),
            has(r"^# parseQuery: (plus means space|repeated keys)", rx=True),
            has(r"^\s+(expected|actual):", rx=True),
            has(r"^\s+\{ (q|tag): ", rx=True),
            has(r"^\s+at: Test\.<anonymous> \(\S+/test/query\.test\.js:\d+:\d+\)", rx=True),
            has(r"^# fail\s+2", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="cspell-six-unknown-words-readme-and-source",
        tool="cspell",
        category="lint",
        ci="github",
        repo="ledger",
        tty=False,
        command="cspell --no-progress --no-color 'README.md' 'src/**/*.js'",
        files={"README.md": _CS_README, "src/balance.js": _CS_SRC},
        keys=["Unknown word (servce)", "Unknown word (reconcilation)", "CSpell: Files checked: 2, Issues found: 6 in 2 files."],
        cause=[has(r"Unknown word \(", rx=True), has("Issues found:")],
        exit_status=1,
    )
    case(
        name="madge-circular-two-cycles",
        tool="madge",
        category="lint",
        label=":recycle: Dependency cycles",
        repo="orders-js",
        tty=False,
        command="madge --circular --no-color --no-spinner src/",
        files=_MD,
        keys=["Found 2 circular dependencies!"],
        cause=[has("Found 2 circular dependencies!"), has(r"^\d+\) \S+", rx=True)],
        exit_status=1,
    )
    case(
        name="htmlhint-three-errors-two-pages",
        tool="htmlhint",
        category="lint",
        ci="gitlab",
        repo="status-page",
        tty=False,
        command="htmlhint --nocolor public",
        files={"public/index.html": _HH_INDEX, "public/about.html": _HH_ABOUT},
        keys=["(id-unique)", "(tagname-lowercase)", "(attr-value-double-quotes)", "Scanned 2 files, found 3 errors in 2 files"],
        cause=[
            has(r"^\s+/builds/acme/status-page/public/\S+\.html$", rx=True),
            has(r"^\s+L\d+ \|", rx=True),
            has(r"\((id-unique|tagname-lowercase|attr-value-double-quotes)\)$", rx=True),
            has(r"^Scanned \d+ files, found \d+ errors", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="tsx-typeerror-non-null-assertion-notes-undefined",
        tool="tsx",
        category="runtime",
        label=":memo: Release notes",
        repo="changelog",
        tty=False,
        command="tsx scripts/release-notes.ts",
        files={"scripts/release-notes.ts": _TX_SRC, "releases.json": _TX_JSON},
        keys=["TypeError: Cannot read properties of undefined (reading 'items')"],
        cause=[
            has("TypeError: Cannot read properties of undefined (reading 'items')"),
            has(r"^\s+at .*\(/\S+/scripts/release-notes\.ts:\d+:\d+\)", rx=True),
            has(r"/scripts/release-notes\.ts:10$", rx=True),
            has("for (const item of r.notes!.items) {"),
            last("rendering 3.1.0"),
        ],
        exit_status=1,
    )
    case(
        name="oxlint-deny-warnings-two-diagnostics",
        tool="oxlint",
        category="lint",
        label=":ox: oxlint",
        repo="users-js",
        tty=False,
        command="oxlint --deny-warnings src",
        files={"src/users.js": _OX_SRC},
        keys=["no-debugger", "use-isnan"],
        cause=[
            has(r"^\s*⚠ eslint\(", rx=True),
            has(r"^\s+╭─\[src/users\.js:\d+:\d+\]", rx=True),
            has(r"^\s*\d+ │\s+(debugger;|return id === NaN;)", rx=True),
            has("Found 2 warnings and 0 errors."),
        ],
        exit_status=1,
    )
    case(
        name="buf-lint-ten-findings-package-and-naming",
        tool="buf",
        category="lint",
        ci="travis",
        repo="orders-proto",
        tty=False,
        command="buf lint",
        files={"buf.yaml": _BF_YAML, "acme/orders/v1/orders.proto": _BF_PROTO},
        keys=["acme/orders/v1/orders.proto:5:9:Message name \"order\" should be PascalCase"],
        cause=[has(r"^acme/orders/v1/orders\.proto:\d+:\d+:", rx=True)],
        exit_status=100,
    )
    case(
        name="wait-on-timed-out-preview-server-health",
        tool="wait-on",
        category="timeout",
        label=":hourglass: E2E",
        repo="web-preview",
        tty=False,
        command="./ci/e2e.sh",
        env=NODE_ENV,
        files={
            "ci/e2e.sh": _WO_SCRIPT,
            "server.js": _WO_SERVER,
            "package.json": '{"name":"web-preview","private":true,"scripts":{"e2e":"node e2e.js"}}\n',
        },
        keys=["Error: Timed out waiting for: http-get://127.0.0.1:18741/health"],
        cause=[
            has("Timed out waiting for: http-get://127.0.0.1:18741/health"),
            last("HTTP(S) error for http://127.0.0.1:18741/health"),
            has("preview server listening on http://127.0.0.1:18740"),
        ],
        exit_status=1,
    )
    case(
        name="jsonlint-trailing-comma-deploy-config",
        tool="jsonlint",
        category="config",
        ci="gitlab",
        repo="orders-deploy",
        tty=False,
        command="jsonlint -q deploy/orders.json",
        files={"deploy/orders.json": _JL_JSON},
        keys=["Parse error on line 6", "Expecting 'STRING', got '}'"],
        cause=[has("Error: Parse error on line 6"), has("Expecting 'STRING', got '}'"), above_caret_line],
        exit_status=1,
    )
    case(
        name="npm-install-etarget-no-matching-version-debug",
        tool="npm",
        category="dependency",
        label=":npm: Install",
        repo="dashboard",
        tty=False,
        command="npm install --no-audit --no-fund",
        env={"npm_config_cache": "/work/scratch/h13/npmcache-etarget"},
        files={"package.json": _NT_PKG},
        keys=["npm error code ETARGET", "No matching version found for debug@^9.4.0"],
        cause=[has("npm error code ETARGET"), has("npm error notarget No matching version found for debug@^9.4.0")],
        exit_status=1,
    )


def above_caret_line(region):
    """jsonlint's excerpt line right above its `---^` marker."""
    import re

    return {region[i - 1][0] for i, (_, t) in enumerate(region) if i and re.fullmatch(r"-*\^", t.strip())}
