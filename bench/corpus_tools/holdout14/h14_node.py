"""Node cases for the fifteenth held-out corpus (real tools from /work/scratch/h14/npm: jest,
depcheck, html-validate, @stoplight/spectral-cli, @swc/cli with @swc/core; node 20)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- jest: two tests never settle, jest's 5 s timeout fires
_JT_SRC = """\
const EventEmitter = require('events');

class JobQueue extends EventEmitter {
  constructor() {
    super();
    this.jobs = [];
  }
  push(job) {
    this.jobs.push(job);
    if (job.priority === 'high') this.emit('drained');
  }
  async drain() {
    if (this.jobs.length === 0) return;
    await new Promise((resolve) => this.once('drained', resolve));
  }
}

module.exports = { JobQueue };
"""
_JT_TEST = """\
const { JobQueue } = require('../src/queue');

describe('JobQueue', () => {
  for (let i = 0; i < 24; i++) {
    test(`keeps job ${i} in order`, () => {
      const q = new JobQueue();
      q.push({ id: i });
      expect(q.jobs[0].id).toBe(i);
    });
  }

  test('drain resolves on an empty queue', async () => {
    await new JobQueue().drain();
  });

  test('drain waits for low-priority jobs', async () => {
    const q = new JobQueue();
    q.push({ id: 1, priority: 'low' });
    await q.drain();
    expect(q.jobs).toHaveLength(1);
  });

  test('drain resolves after the error handler job', async () => {
    const q = new JobQueue();
    q.push({ id: 'error-handler', priority: 'normal' });
    await q.drain();
  });
});
"""

# --- depcheck: a dependency used but not declared, two declared but unused
_DC_PKG = """\
{
  "name": "invoice-api",
  "version": "1.4.0",
  "private": true,
  "dependencies": {
    "express": "^4.19.0",
    "lodash": "^4.17.21",
    "moment": "^2.30.1",
    "pg": "^8.11.0"
  },
  "devDependencies": {
    "jest": "^29.7.0",
    "nodemon": "^3.0.0"
  },
  "scripts": {"test": "jest"}
}
"""
_DC_APP = """\
const express = require('express');
const { Pool } = require('pg');
const dayjs = require('dayjs');
const { nanoid } = require('nanoid');

const app = express();
const pool = new Pool();

app.post('/invoices', async (req, res) => {
  const id = nanoid();
  const due = dayjs().add(30, 'day').toISOString();
  await pool.query('INSERT INTO invoices (id, due) VALUES ($1, $2)', [id, due]);
  res.status(201).json({ id, due });
});

module.exports = app;
"""
_DC_TEST = """\
const app = require('../src/app');

test('exports an app', () => {
  expect(typeof app).toBe('function');
});
"""

# --- html-validate
_HV_INDEX = """\
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Status</title>
  </head>
  <body>
    <main>
      <h1>Service status</h1>
      <img src="/img/ok.png">
      <p>All systems operational. <a href="/errors">0 errors</a> in the last 24h.</p>
      <button>Refresh</button>
      <div id="incidents"></div>
      <div id="incidents"></div>
    </main>
  </body>
</html>
"""
_HV_CONTACT = """\
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Contact</title>
  </head>
  <body>
    <form action="/contact" method="post">
      <input type="email" name="email">
      <p><div class="hint">We reply within a day.</div></p>
      <button type="submit">Send</button>
    </form>
  </body>
</html>
"""
_HV_RC = '{\n  "extends": ["html-validate:recommended"]\n}\n'

# --- spectral: OpenAPI ruleset findings
_SP_SPEC = """\
openapi: 3.0.3
info:
  title: Orders API
  version: 1.2.0
servers:
  - url: https://api.example.com/v1
paths:
  /orders:
    get:
      operationId: listOrders
      tags: [orders]
      responses:
        "200":
          description: the orders
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/Order"
  /orders/{orderId}:
    get:
      operationId: listOrders
      tags: [orders]
      parameters:
        - name: orderId
          in: path
          required: true
          schema: {type: string}
      responses:
        "200":
          description: one order
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Ordr"
  /orders/{orderId}/refunds:
    post:
      tags: [refunds]
      description: refund an order
      responses:
        "201":
          description: created
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: string}
        total_cents: {type: integer, example: "1999"}
"""

# --- swc: TypeScript sources, one file with a syntax error
_SW_RC = """\
{
  "jsc": {
    "parser": {"syntax": "typescript"},
    "target": "es2020"
  },
  "module": {"type": "commonjs"}
}
"""
_SW_OK = """\
export interface Money {
  cents: number;
  currency: string;
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`currency mismatch: ${a.currency} != ${b.currency}`);
  return { cents: a.cents + b.cents, currency: a.currency };
}
"""
_SW_BAD = """\
import { Money, add } from './money';

export function total(items: Money[]): Money {
  return items.reduce((acc, m) => add(acc, m), { cents: 0, currency: 'EUR' };
}

export function format(m: Money): string {
  return `${(m.cents / 100).toFixed(2)} ${m.currency}`;
}
"""
_SW_OK2 = """\
export const errorCodes = { NOT_FOUND: 404, CONFLICT: 409 } as const;
"""

# --- node: Promise.any over three mirrors, all rejected
_AG_SRC = """\
const fs = require('fs/promises');
const path = require('path');

const MIRRORS = ['mirrors/eu.json', 'mirrors/us.json', 'mirrors/ap.json'];

async function readMirror(file) {
  const text = await fs.readFile(path.join(__dirname, '..', file), 'utf8');
  const data = JSON.parse(text);
  if (!data.baseUrl) throw new Error(`${file}: no baseUrl`);
  return data;
}

async function main() {
  console.log(`probing ${MIRRORS.length} mirrors`);
  const mirror = await Promise.any(MIRRORS.map(readMirror));
  console.log(`using ${mirror.baseUrl}`);
}

main();
"""


def register(case):
    case(
        name="jest-two-tests-exceeded-timeout-of-5000-ms",
        tool="jest",
        category="timeout",
        label=":jest: Unit tests",
        repo="job-queue",
        tty=True,
        command="jest --ci --colors",
        files={"package.json": '{"name": "job-queue", "version": "0.1.0", "private": true}\n', "src/queue.js": _JT_SRC, "test/queue.test.js": _JT_TEST},
        keys=["Exceeded timeout of 5000 ms for a test.", "JobQueue › drain waits for low-priority jobs", "JobQueue › drain resolves after the error handler job", "Tests:       2 failed, 25 passed, 27 total"],
        cause=[
            has("✕ drain"),
            has(r"^\s+● JobQueue › ", rx=True),
            has(r'^    thrown: "Exceeded timeout of 5000 ms', rx=True),
            has(r"^\s+> \d+ \|\s+test\(", rx=True),
            has(r"^\s+at test \(test/queue\.test\.js:", rx=True),
            has("Tests:       2 failed"),
        ],
        exit_status=1,
    )
    case(
        name="depcheck-missing-dayjs-nanoid-unused-lodash-moment",
        tool="depcheck",
        category="dependency",
        ci="github",
        repo="invoice-api",
        tty=False,
        command="depcheck --ignores=jest",
        files={"package.json": _DC_PKG, "src/app.js": _DC_APP, "test/app.test.js": _DC_TEST},
        keys=["Missing dependencies", "* dayjs: ./src/app.js", "* nanoid: ./src/app.js", "Unused dependencies", "* lodash", "* moment"],
        cause=[
            has(r"^(Unused dependencies|Unused devDependencies|Missing dependencies)$", rx=True),
            has(r"^\* ", rx=True),
        ],
    )
    case(
        name="html-validate-two-pages-five-rules",
        tool="html-validate",
        category="lint",
        ci="gitlab",
        repo="status-page",
        tty=False,
        command="html-validate 'public/**/*.html'",
        files={"public/index.html": _HV_INDEX, "public/contact.html": _HV_CONTACT, ".htmlvalidate.json": _HV_RC},
        keys=['Duplicate ID "incidents"', '<img> is missing required "alt" attribute', "Element <p> is implicitly closed by adjacent <div>", "5 problems (5 errors, 0 warnings)"],
        cause=[
            has(r"^/builds/acme/status-page/public/\w+\.html$", rx=True),
            has(r"^\s+\d+:\d+\s+error\s", rx=True),
            has("5 problems (5 errors, 0 warnings)"),
        ],
    )
    case(
        name="spectral-lint-openapi-duplicate-operation-id-and-bad-ref",
        tool="spectral",
        category="lint",
        label=":openapi: API lint",
        repo="orders-api",
        tty=False,
        command="spectral lint openapi.yaml --fail-severity=error",
        files={"openapi.yaml": _SP_SPEC, ".spectral.yaml": 'extends: ["spectral:oas"]\n'},
        keys=['Every operation must have unique "operationId".', "'#/components/schemas/Ordr' does not exist", 'Operation must define parameter "{orderId}"', "12 problems (4 errors, 8 warnings"],
        cause=[
            has(r"/orders-api/openapi\.yaml$", rx=True),
            has(r"^\s*\d+:\d+\s+error\s", rx=True),
            has("12 problems (4 errors, 8 warnings"),
        ],
    )
    case(
        name="swc-compile-typescript-missing-paren",
        tool="swc",
        category="compile",
        label=":typescript: Build",
        repo="money-ts",
        tty=False,
        command="swc src -d dist --strip-leading-paths",
        files={".swcrc": _SW_RC, "src/money.ts": _SW_OK, "src/totals.ts": _SW_BAD, "src/errors.ts": _SW_OK2},
        keys=["Expected ',', got ';'", "src/totals.ts:4:1", "Failed to compile 1 file with swc."],
        cause=[
            has("x Expected ',', got ';'"),
            has("[src/totals.ts:4:1]"),
            has(" 4 |   return items.reduce((acc, m) => add(acc, m), { cents: 0, currency: 'EUR' };"),
            has("Syntax Error"),
            has("Failed to compile 1 file with swc."),
            has("Error: Failed to compile:"),
            has(r"^src/totals\.ts$", rx=True),
        ],
    )
    case(
        name="node-promise-any-aggregateerror-all-mirrors-rejected",
        tool="node",
        category="runtime",
        ci="travis",
        repo="mirror-probe",
        tty=False,
        command="node scripts/pick-mirror.js",
        files={
            "scripts/pick-mirror.js": _AG_SRC,
            "mirrors/eu.json": '{"region": "eu", "baseUrl": ""}\n',
            "mirrors/us.json": '{"region": "us", "baseUrl": "https://us.mirror.example",}\n',
        },
        keys=["AggregateError: All promises were rejected", "mirrors/eu.json: no baseUrl", "Expected double-quoted property name in JSON at position 56", "no such file or directory, open"],
        cause=[
            has("[AggregateError: All promises were rejected]"),
            has(r"^\s+(Error|SyntaxError): ", rx=True),
            has(r"^\s+at (async )?readMirror \(", rx=True),
        ],
        exit_status=1,
    )
