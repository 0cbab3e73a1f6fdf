"""Cases for the twenty-sixth held-out corpus, part B: TypeScript, esbuild, eslint 8, mocha with
chai, vitest and Node 20; Ruby 3.1; PHP 8.2; shellcheck, make, tar, curl, pg_isready and psql
against the local PostgreSQL 15."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_NM = "ln -s /work/scratch/h25/npm/node_modules node_modules"

# -- TypeScript / JavaScript --------------------------------------------------------------------

_TSCONFIG = '''{
  "compilerOptions": {
    "target": "ES2020",
    "module": "commonjs",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true
  },
  "include": ["src"]
}
'''

_CART_TS = '''export interface Item {
  sku: string;
  priceCents: number;
}

export function priceOf(items: Item[], sku: string): number {
  return items.find((i) => i.sku === sku).priceCents;
}

export function total(items: Item[]): number {
  return items.reduce((sum, i) => sum + i.priceCents, 0);
}
'''

_PORT_TS = '''const env: Record<string, string | undefined> = { PORT: "8080" };

export function listenPort(): number {
  return parseInt(env.PORT, 10);
}

export const banner = `listening on ${listenPort()}`;
'''

_INDEX_TS = '''import { formatCents } from "./utils/format";
import { fetchUser } from "./api";

export async function header(id: string): Promise<string> {
  const user = await fetchUser(id);
  return `${user.name}: ${formatCents(user.balanceCents)}`;
}
'''

_API_TS = '''export interface User {
  name: string;
  balanceCents: number;
}

export async function fetchUsers(ids: string[]): Promise<User[]> {
  return ids.map((id) => ({ name: `user-${id}`, balanceCents: 0 }));
}
'''

_FORMATTING_TS = '''export function formatCents(c: number): string {
  return (c / 100).toFixed(2);
}
'''

_ESB_MAIN = '''import { renderHeader } from "./components/Header";
import { renderFooter } from "./components/footer";

document.body.innerHTML = renderHeader("Acme") + renderFooter(2026);
'''

_ESB_HEADER = 'export const renderHeader = (t) => `<header>${t}</header>`;\n'
_ESB_FOOTER = 'export const renderFooter = (y) => `<footer>&copy; ${y}</footer>`;\n'

_DB_MJS = '''export function connect(url) {
  console.log(`db: connecting to ${url}`);
  return { url };
}

export function runMigrations(conn) {
  console.log(`db: migrating ${conn.url}`);
}
'''

_MAIN_MJS = '''import { connect, migrate } from "./db.mjs";

console.log("release: applying migrations");
migrate(connect(process.env.DATABASE_URL ?? "postgres://localhost/app"));
'''

_ESLINTRC = '''{
  "root": true,
  "env": { "node": true, "es2022": true },
  "parserOptions": { "ecmaVersion": 2022, "sourceType": "module" },
  "extends": "eslint:recommended",
  "rules": { "no-console": "warn" }
}
'''

_ESL_ROUTES = '''const routes = {
  home: "/",
  about: "/about",,
  contact: "/contact",
};

export default routes;
'''

_ESL_SERVER = '''import routes from "./routes.js";

const unusedTimeout = 30;

export function start(port) {
  console.log(`server on ${port}`);
  return Object.keys(routes).length;
}
'''

_ESL_UTIL = '''export function clamp(n, lo, hi) {
  return Math.min(Math.max(n, lo), hi);
}
'''

_CART_MJS = '''export function addItem(cart, sku, qty = 1) {
  const items = cart.items.filter((i) => i.sku !== sku);
  return { ...cart, items: [...items, { sku, qty }] };
}

export function removeItem(cart, sku) {
  return { ...cart, items: cart.items.filter((i) => i.sku === sku) };
}

export function tags(cart) {
  return cart.items.map((i) => i.sku.split("-")[0]);
}
'''


def _mocha_test() -> str:
    out = ['import { expect } from "chai";', 'import { addItem, removeItem, tags } from "../src/cart.mjs";', "",
           'describe("cart", function () {', '  const empty = { id: "c1", items: [] };', ""]  # fmt: skip
    for i in range(22):
        out += [f'  it("adds sku-{i}", function () {{',
                f'    expect(addItem(empty, "sku-{i}").items).to.have.lengthOf(1);', "  });", ""]  # fmt: skip
    out += ['  it("removes an item", function () {',
            '    const cart = addItem(addItem(empty, "pen-1"), "ink-2");',
            '    expect(removeItem(cart, "pen-1").items).to.have.lengthOf(1);', "  });", "",
            '  it("lists tags", function () {',
            '    const cart = addItem(addItem(empty, "pen-1"), "ink-2");',
            '    expect(tags(cart)).to.include("paper");', "  });", "});", ""]  # fmt: skip
    return "\n".join(out)


_VITE_SRC = '''export async function saveDraft(store, draft) {
  store.drafts.push(draft);
  return draft.id;
}

export function scheduleSync(store) {
  Promise.resolve().then(() => {
    if (!store.remote) {
      throw new Error("sync: remote store not configured (SYNC_URL unset)");
    }
  });
}
'''

_VITE_TEST = '''import { describe, expect, it } from "vitest";
import { saveDraft, scheduleSync } from "../src/drafts.js";

describe("drafts", () => {
  it("saves a draft", async () => {
    const store = { drafts: [] };
    expect(await saveDraft(store, { id: 7 })).toBe(7);
  });

  it("keeps order", async () => {
    const store = { drafts: [] };
    await saveDraft(store, { id: 1 });
    await saveDraft(store, { id: 2 });
    expect(store.drafts.map((d) => d.id)).toEqual([1, 2]);
  });

  it("schedules a sync", () => {
    const store = { drafts: [] };
    scheduleSync(store);
    expect(store.drafts).toHaveLength(0);
  });
});
'''

_VITE_INDEX = '''<!doctype html>
<html><body><div id="app"></div><script type="module" src="/src/main.js"></script></body></html>
'''

_VITE_MAIN = '''import { render } from "./render.js";
import { Banner } from "./banner.js";

render(document.getElementById("app"), Banner({ title: "Acme" }));
'''

_VITE_RENDER = '''export function render(el, html) {
  el.innerHTML = html;
}
'''

_VITE_BANNER = '''export function Banner({ title }) {
  return (
    <header className="banner">
      <h1>{title}</h1>
    </header>
  );
}
'''

_PRICE_JS = '''export function parsePrice(text) {
  const m = /^(\\d+)(?:\\.(\\d{1,2}))?$/.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

export function lineItem(sku, qty, priceText) {
  return { sku, qty, cents: parsePrice(priceText) * qty, note: qty > 10 ? "bulk" : undefined };
}
'''

_PRICE_TEST = '''import { describe, expect, it } from "vitest";
import { lineItem, parsePrice } from "../src/price.js";

describe("parsePrice", () => {
  it("parses whole numbers", () => expect(parsePrice("12")).toBe(1200));
  it("parses cents", () => expect(parsePrice("3.5")).toBe(350));
  it("rejects garbage", () => {
    expect(() => parsePrice("abc")).toThrowError(/invalid price/);
  });
});
'''

_ITEM_TEST = '''import { expect, it } from "vitest";
import { lineItem } from "../src/price.js";

it("builds a line item", () => {
  expect(lineItem("pen", 2, "1.25")).toStrictEqual({ sku: "pen", qty: 2, cents: 250 });
});

it("marks bulk orders", () => {
  expect(lineItem("pen", 12, "1.00").note).toBe("bulk");
});
'''

# -- Ruby, PHP ----------------------------------------------------------------------------------

_RB_OK = '''module Shipping
  def self.zones
    %w[domestic eu world]
  end
end
'''

_RB_BAD = '''module Billing
  class Invoice
    def initialize(lines)
      @lines = lines
    end

    def total
      @lines.sum do |l|
        l[:qty] * l[:price]
    end
  end
end
'''

_RB_SYNTAX_SH = '''#!/usr/bin/env bash
status=0
for f in lib/*.rb; do
  ruby -c "$f" || status=1
done
exit $status
'''

_RB_NAN = '''require "json"

scores = {
  "search" => [0.91, 0.88, 0.93],
  "checkout" => [],
  "profile" => [0.71, 0.75],
}

report = scores.to_h do |name, runs|
  avg = runs.sum / runs.size.to_f
  puts "perf: #{name} avg=#{avg.round(3)}"
  [name, { "runs" => runs.size, "avg" => avg }]
end

File.write("perf-report.json", JSON.generate(report))
puts "perf: wrote perf-report.json"
'''

_PHP_REPORT = '''<?php
declare(strict_types=1);

function banner(string $title, int $width = 40): string
{
    $pad = intdiv($width - strlen($title), 2);
    return str_repeat("=", $pad) . " $title " . str_repeat("=", $pad);
}

$sections = ["Summary", "Orders by region", "Refunds and chargebacks for the quarter ending 2026-09-30"];
foreach ($sections as $s) {
    echo banner($s), PHP_EOL;
    echo "  (rows omitted)", PHP_EOL;
}
'''

# -- shell, make, curl --------------------------------------------------------------------------

_RELEASE_SH = '''#!/bin/bash
set -e
VERSION=$(cat VERSION)
DEST=/srv/releases/$VERSION

cd build
tar -czf app-$VERSION.tar.gz $(ls *.js)
for host in $DEPLOY_HOSTS; do
  scp app-$VERSION.tar.gz deploy@$host:$DEST/
done
echo "released $VERSION"
'''

_MAKE_DIST = '''VERSION := 4.2.1
DIST := dist/acme-$(VERSION).tar.gz

.PHONY: all build dist clean

all: dist

build:
\tmkdir -p build
\tcp src/*.py build/

dist: $(DIST)

$(DIST):
\t@echo "==> packaging acme $(VERSION)"
\tmkdir -p dist
\ttar -czf $@ build/ config/ README.md
\t@echo "==> wrote $@"
'''

_WAIT_DB = '''#!/usr/bin/env bash
host=127.0.0.1
port="${DB_PORT:-5432}"
echo "wait-for-db: waiting for postgres at $host:$port"
until pg_isready -h "$host" -p "$port" -t 1; do
  echo "wait-for-db: not ready yet, retrying in 1s"
  sleep 1
done
echo "wait-for-db: postgres is up"
'''

_ARTIFACT_SRV = '''import http.server


class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.endswith("proto-gen.tgz"):
            self.send_response(503)
            self.send_header("Retry-After", "1")
            self.end_headers()
            self.wfile.write(b"upstream unavailable")
            return
        body = b"x" * 2048
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


http.server.HTTPServer(("127.0.0.1", 8931), H).serve_forever()
'''

_FETCH_SH = '''#!/usr/bin/env bash
set -euo pipefail
base=http://127.0.0.1:8931/artifacts/4.2.1
mkdir -p vendor
for a in schema.tgz fixtures.tgz proto-gen.tgz assets.tgz; do
  echo "fetch: $a"
  curl -fsS --retry 2 --retry-delay 1 -o "vendor/$a" "$base/$a"
done
echo "fetch: all artifacts present"
'''

# -- PostgreSQL ---------------------------------------------------------------------------------

_PARTITIONS_SQL = '''\\echo 0042: tenant partitions for events
CREATE TABLE events (tenant_id int NOT NULL, at timestamptz NOT NULL, payload jsonb)
  PARTITION BY LIST (tenant_id);
BEGIN;
DO $$
BEGIN
  FOR t IN 1..20000 LOOP
    EXECUTE format('CREATE TABLE events_t%s PARTITION OF events FOR VALUES IN (%s)', t, t);
  END LOOP;
END $$;
COMMIT;
'''

_DROP_SQL = '''\\echo 0017: merge customers into accounts
INSERT INTO accounts (id, name) SELECT id, name FROM customers;
ALTER TABLE orders RENAME COLUMN customer_id TO account_id;
DROP TABLE customers;
'''

_DROP_SETUP = ("dropdb --if-exists h25_crm && createdb h25_crm && psql -q -d h25_crm -c \""
               "CREATE TABLE customers (id int PRIMARY KEY, name text, active bool DEFAULT true);"
               "CREATE TABLE accounts (id int PRIMARY KEY, name text);"
               "CREATE TABLE orders (id int PRIMARY KEY, customer_id int);"
               "INSERT INTO customers VALUES (1, 'acme'), (2, 'globex');"
               "CREATE VIEW active_customers AS SELECT id, name FROM customers WHERE active;\"")  # fmt: skip

_MIGRATE_SH = '''#!/usr/bin/env bash
set -euo pipefail
for f in db/migrations/*.sql; do
  echo "==> applying $f"
  psql -X -q -v ON_ERROR_STOP=1 -d h25_users -f "$f"
done
echo "==> all migrations applied"
'''

_USERS_MIGRATIONS = {
    "db/migrations/0001_users.sql": "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);\n",
    "db/migrations/0002_seed.sql": ("INSERT INTO users (email) SELECT 'user' || g || '@example.com' "
                                    "FROM generate_series(1, 500) g;\n"
                                    "INSERT INTO users (email) VALUES ('Ann@Example.com'), ('ann@example.com');\n"),
    "db/migrations/0003_names.sql": "ALTER TABLE users ADD COLUMN display_name text;\n",
    "db/migrations/0004_unique_email.sql": ("\\echo 0004: case-insensitive unique emails\n"
                                            "CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));\n"),
    "db/migrations/0005_last_login.sql": "ALTER TABLE users ADD COLUMN last_login timestamptz;\n",
}  # fmt: skip


def register(case) -> None:
    case(
        name="tsc-strict-ts2532-find-possibly-undefined-and-ts2345-parseint-env",
        tool="tsc", category="compile", ci="buildkite", label=":typescript: Typecheck",
        command="tsc -p . --pretty", repo="shop-web",
        files={"tsconfig.json": _TSCONFIG, "src/cart.ts": _CART_TS, "src/port.ts": _PORT_TS},
        keys=["TS2532", "TS2345", "Found 2 errors in 2 files."],
        cause=[has("error TS2532"), has("error TS2345"), has("return items.find((i) => i.sku === sku).priceCents;"),
               has("return parseInt(env.PORT, 10);"), has("Found 2 errors in 2 files."),
               has(r"src/(cart|port)\.ts:\d+", True),
               has("Type 'undefined' is not assignable to type 'string'.")],
    )  # fmt: skip
    case(
        name="tsc-ts2307-renamed-utils-format-and-ts2724-fetchuser-did-you-mean",
        tool="tsc", category="compile", ci="gitlab", command="tsc -p .", repo="dash", tty=False,
        files={"tsconfig.json": _TSCONFIG, "src/index.ts": _INDEX_TS, "src/api.ts": _API_TS,
               "src/utils/formatting.ts": _FORMATTING_TS},
        keys=["TS2307", "Cannot find module './utils/format'", "TS2724"],
        cause=[has("error TS2307"), has("error TS2724")],
    )  # fmt: skip
    case(
        name="esbuild-cannot-read-file-components-header-case-mismatch-with-warning",
        tool="esbuild", category="compile", ci="buildkite", label=":package: Bundle",
        command="esbuild src/main.js --bundle --outfile=dist/app.js", repo="site",
        files={"src/main.js": _ESB_MAIN, "src/components/header.js": _ESB_HEADER,
               "src/components/footer.js": _ESB_FOOTER},
        keys=["Cannot read file:", 'Use "src/components/header.js" instead of "src/components/Header.js"'],
        cause=[has('[WARNING] Use "src/components/header.js"'), has("[ERROR] Cannot read file"),
               has("src/main.js:1:29:"), has("1 │ import { renderHeader }"), has("1 warning and 1 error")],
    )  # fmt: skip
    case(
        name="node-esm-requested-module-does-not-provide-export-migrate",
        tool="node", category="compile", ci="github", command="node src/main.mjs", repo="release-tool",
        files={"src/main.mjs": _MAIN_MJS, "src/db.mjs": _DB_MJS},
        keys=["does not provide an export named 'migrate'"],
        cause=[has("src/main.mjs:1"), has('import { connect, migrate } from "./db.mjs";'),
               has("SyntaxError: The requested module './db.mjs' does not provide an export named 'migrate'")],
    )  # fmt: skip
    case(
        name="eslint8-parsing-error-double-comma-and-no-unused-vars-with-console-warning",
        tool="eslint", category="lint", ci="buildkite", label=":eslint: Lint", command="eslint --color src",
        repo="server", setup=_NM, env={"ESLINT_USE_FLAT_CONFIG": "false"},
        files={".eslintrc.json": _ESLINTRC, "src/routes.js": _ESL_ROUTES, "src/server.js": _ESL_SERVER,
               "src/util.js": _ESL_UTIL, "package.json": '{"name": "server", "type": "module"}\n'},
        keys=["Parsing error: Unexpected token ,", "'unusedTimeout' is assigned a value but never used"],
        cause=[has("src/routes.js"), has("Parsing error: Unexpected token"), has("src/server.js"),
               has("'unusedTimeout' is assigned a value but never used"), has(r"problems? \(2 errors", True)],
    )  # fmt: skip
    case(
        name="mocha-chai-include-failure-after-23-passing-tags-paper",
        tool="mocha", category="test", ci="travis", command="mocha --color test/", repo="cart",
        setup=_NM, files={"src/cart.mjs": _CART_MJS, "test/cart.test.mjs": _mocha_test(),
                          "package.json": '{"name": "cart", "type": "module"}\n'},
        keys=["23 passing", "1 failing", "expected [ 'pen', 'ink' ] to include 'paper'"],
        cause=[has("1) lists tags"), has("1) cart"), has("lists tags:"), has("AssertionError: expected"),
               has(r"test/cart\.test\.mjs:\d+", True), has("1 failing")],
    )  # fmt: skip
    case(
        name="vitest-unhandled-rejection-sync-remote-not-configured-all-3-pass",
        tool="vitest", category="test", ci="buildkite", label=":vitest: Unit tests", command="vitest run",
        repo="drafts", setup=_NM,
        files={"src/drafts.js": _VITE_SRC, "test/drafts.test.js": _VITE_TEST,
               "package.json": '{"name": "drafts", "type": "module"}\n'},
        keys=["Unhandled Rejection", "sync: remote store not configured (SYNC_URL unset)"],
        cause=[has("Unhandled Rejection"), has("Error: sync: remote store not configured"),
               has(r"src/drafts\.js:9", True), has('throw new Error("sync: remote store'),
               has("Vitest caught 1 unhandled error"), has("Errors  1 error")],
    )  # fmt: skip
    case(
        name="ruby-c-syntax-error-unexpected-end-of-input-billing-invoice",
        tool="ruby", category="compile", ci="buildkite", label=":ruby: Syntax check",
        command="./ci/syntax-check.sh", repo="billing-rb", tty=False,
        files={"ci/syntax-check.sh": _RB_SYNTAX_SH, "lib/shipping.rb": _RB_OK, "lib/billing.rb": _RB_BAD,
               "lib/zones.rb": _RB_OK.replace("Shipping", "Zones")},
        keys=["lib/billing.rb", "syntax error"],
        cause=[has("lib/billing.rb:"), has("syntax error")],
    )  # fmt: skip
    case(
        name="ruby-json-generatorerror-nan-not-allowed-empty-checkout-runs",
        tool="ruby", category="runtime", ci="github", command="ruby script/perf_report.rb", repo="perf",
        tty=False, files={"script/perf_report.rb": _RB_NAN},
        keys=["NaN not allowed in JSON", "JSON::GeneratorError"],
        cause=[has("NaN not allowed in JSON"), has("perf_report.rb:15"), has("perf: checkout avg=NaN")],
    )  # fmt: skip
    case(
        name="php-valueerror-str-repeat-times-negative-long-section-title",
        tool="php", category="runtime", ci="buildkite", command="php bin/report.php", repo="reports",
        tty=False, files={"bin/report.php": _PHP_REPORT},
        keys=["str_repeat(): Argument #2 ($times) must be greater than or equal to 0"],
        cause=[has("Uncaught ValueError: str_repeat()"), has("#0 "), has("#1 "), has("thrown in")],
    )  # fmt: skip
    case(
        name="shellcheck-sc2086-sc2046-sc2035-release-script",
        tool="shellcheck", category="lint", ci="buildkite", label=":bash: shellcheck",
        command="shellcheck --color=always scripts/release.sh", repo="ops2",
        files={"scripts/release.sh": _RELEASE_SH, "VERSION": "4.2.1\n"},
        keys=["SC2035", "SC2046", "SC2086"],
        cause=[has(r"^In scripts/release.sh line \d+", True), has(r"\^-*\^? SC\d{4}", True),
               has("tar -czf app-$VERSION.tar.gz $(ls *.js)"), has("  scp app-$VERSION.tar.gz deploy@$host:$DEST/")],
    )  # fmt: skip
    case(
        name="make-dist-tar-build-cannot-stat-missing-prerequisite",
        tool="make", category="runtime", ci="gitlab", command="make dist", repo="packager", tty=False,
        files={"Makefile": _MAKE_DIST, "src/app.py": "print('hi')\n", "config/app.ini": "[app]\n",
               "README.md": "# acme\n"},
        keys=["tar: build: Cannot stat: No such file or directory", "Error 2"],
        cause=[has("Cannot stat"), has("Exiting with failure status"), has(r"make: \*\*\*", True)],
    )  # fmt: skip
    case(
        name="curl-retry-503-proto-gen-artifact-after-two-fetched",
        tool="curl", category="infrastructure", ci="buildkite", label=":arrow_down: Fetch artifacts",
        command="./ci/fetch-artifacts.sh", repo="api-gen", tty=False,
        run="(python ci/artifact_server.py & echo $! > /tmp/h25_srv.pid); sleep 0.7; ./ci/fetch-artifacts.sh; "
            "s=$?; kill $(cat /tmp/h25_srv.pid); exit $s",
        files={"ci/fetch-artifacts.sh": _FETCH_SH, "ci/artifact_server.py": _ARTIFACT_SRV},
        keys=["The requested URL returned error: 503"],
        cause=[has("returned error: 503"), has("fetch: proto-gen.tgz")],
    )  # fmt: skip
    case(
        name="timeout-pg-isready-wait-loop-port-5433-no-response-124",
        tool="pg_isready", category="timeout", ci="buildkite", label=":postgres: Wait for DB",
        command="timeout 6 ./ci/wait-for-db.sh", repo="api-db", tty=False, env={"DB_PORT": "5433"},
        files={"ci/wait-for-db.sh": _WAIT_DB},
        keys=["127.0.0.1:5433 - no response"],
        cause=[last("127.0.0.1:5433 - no response"), last("not ready yet, retrying")],
    )  # fmt: skip
    case(
        name="psql-out-of-shared-memory-max-locks-per-transaction-tenant-partitions",
        tool="psql", category="resource", ci="buildkite", label=":postgres: Migrate",
        command="psql -X -v ON_ERROR_STOP=1 -d h25_events -f db/migrate/0042_tenant_partitions.sql",
        repo="events", tty=False, files={"db/migrate/0042_tenant_partitions.sql": _PARTITIONS_SQL},
        setup="dropdb --if-exists h25_events && createdb h25_events",
        keys=["out of shared memory", "max_locks_per_transaction"],
        cause=[has("ERROR:  out of shared memory"), has("HINT:  You might need to increase max_locks_per_transaction"),
               has("CONTEXT:  SQL statement")],
    )  # fmt: skip
    case(
        name="psql-cannot-drop-table-customers-view-depends-on-it",
        tool="psql", category="runtime", ci="travis", label=":postgres: Migrate",
        command="psql -X -v ON_ERROR_STOP=1 -d h25_crm -f db/0017_merge_customers.sql", repo="crm2", tty=False,
        files={"db/0017_merge_customers.sql": _DROP_SQL}, setup=_DROP_SETUP,
        keys=["cannot drop table customers because other objects depend on it",
              "view active_customers depends on table customers"],
        cause=[has("ERROR:  cannot drop table customers"), has("DETAIL:  view active_customers depends"),
               has("HINT:  Use DROP ... CASCADE")],
    )  # fmt: skip
    case(
        name="psql-migrate-sh-create-unique-index-lower-email-duplicated-ann",
        tool="psql", category="runtime", ci="github", command="./ci/migrate.sh", repo="users", tty=False,
        files={"ci/migrate.sh": _MIGRATE_SH, **_USERS_MIGRATIONS},
        setup="dropdb --if-exists h25_users && createdb h25_users",
        keys=['could not create unique index "users_email_lower_key"', "is duplicated"],
        cause=[has("ERROR:  could not create unique index"), has("DETAIL:  Key (lower(email))"),
               has("==> applying db/migrations/0004_unique_email.sql")],
    )  # fmt: skip
    case(
        name="vite-8-rolldown-parse-error-unexpected-jsx-expression-in-banner-js",
        tool="vite", category="compile", ci="buildkite", label=":vite: Build", command="vite build",
        repo="landing", setup=_NM,
        files={"index.html": _VITE_INDEX, "src/main.js": _VITE_MAIN, "src/render.js": _VITE_RENDER,
               "src/banner.js": _VITE_BANNER, "package.json": '{"name": "landing", "type": "module"}\n'},
        keys=["[PARSE_ERROR] Unexpected JSX expression", "src/banner.js:3:5"],
        cause=[has("Build failed in"), has("Build failed with 1 error:"), has("[PARSE_ERROR] Unexpected JSX expression"),
               has("src/banner.js:3:5"), has('3 │     <header className="banner">'),
               has("Help: JSX syntax is disabled")],
    )  # fmt: skip
    case(
        name="vitest-two-files-tothrowerror-did-not-throw-and-tostrictequal-undefined-note",
        tool="vitest", category="test", ci="github", command="vitest run", repo="pricing", setup=_NM,
        files={"src/price.js": _PRICE_JS, "test/price.test.js": _PRICE_TEST, "test/item.test.js": _ITEM_TEST,
               "package.json": '{"name": "pricing", "type": "module"}\n'},
        keys=["rejects garbage", "builds a line item", "to strictly equal", "expected [Function] to throw an error",
              "2 failed | 3 passed"],
        cause=[has("× rejects garbage"), has("× builds a line item"), has("| 1 failed)"), has(" FAIL  test/"),
               has("AssertionError: expected"), has('+   "note": undefined,'), has(r"❯ test/(item|price)\.test\.js:\d+", True),
               has('5|   expect(lineItem("pen", 2, "1.25"))'), has('8|     expect(() => parsePrice("abc"))'),
               has("Tests  2 failed | 3 passed")],
    )  # fmt: skip
