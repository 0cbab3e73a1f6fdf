"""Node, Ruby, Perl and shell cases for the second held-out corpus."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_NODE_LINK = "ln -s /tmp/corpus_node/node_modules node_modules"

# --- mocha: async test never resolves -> Timeout exceeded (dot reporter)
_CACHE_JS = """\
const { EventEmitter } = require("events");

class Cache extends EventEmitter {
  constructor() {
    super();
    this.store = new Map();
  }
  set(key, value) {
    this.store.set(key, value);
    this.emit("set", key);
  }
  get(key) {
    return this.store.get(key);
  }
  async warm(keys, loader) {
    for (const k of keys) this.store.set(k, await loader(k));
    // bug: never emits "warmed"
  }
}

module.exports = { Cache };
"""
_CACHE_TEST = """\
const assert = require("assert");
const { once } = require("events");
const { Cache } = require("../src/cache");

describe("Cache", function () {
  this.timeout(400);

  it("stores values", function () {
    const c = new Cache();
    c.set("a", 1);
    assert.strictEqual(c.get("a"), 1);
  });

  it("emits set events", async function () {
    const c = new Cache();
    const ev = once(c, "set");
    c.set("b", 2);
    assert.deepStrictEqual(await ev, ["b"]);
  });

  it("emits warmed after warm()", async function () {
    const c = new Cache();
    const done = once(c, "warmed");
    c.warm(["x", "y"], async (k) => k.toUpperCase());
    await done;
    assert.strictEqual(c.get("y"), "Y");
  });

  it("returns undefined for misses", function () {
    assert.strictEqual(new Cache().get("nope"), undefined);
  });
});
"""

# --- tsc: generics across files
_TS_MODELS = """\
export interface Entity {
  id: string;
}

export interface User extends Entity {
  email: string;
  roles: string[];
}

export interface AuditEvent {
  at: Date;
  actor: string;
  action: "login" | "logout" | "delete";
}
"""
_TS_REPO = """\
import { Entity } from "./models";

export class Repository<T extends Entity> {
  private items = new Map<string, T>();

  save(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  find(id: string): T | undefined {
    return this.items.get(id);
  }

  where<K extends keyof T>(key: K, value: T[K]): T[] {
    return [...this.items.values()].filter((i) => i[key] === value);
  }
}
"""
_TS_SERVICE = """\
import { AuditEvent, User } from "./models";
import { Repository } from "./repository";

const users = new Repository<User>();
const audit = new Repository<AuditEvent>();

export function admin(id: string): User {
  return users.find(id);
}

export function byEmail(email: string): User[] {
  return users.where("mail", email);
}

export function record(actor: string): void {
  audit.save({ at: new Date(), actor, action: "login" });
}
"""
_TSCONFIG = """\
{
  "compilerOptions": {
    "target": "ES2020",
    "module": "commonjs",
    "strict": true,
    "outDir": "dist"
  },
  "include": ["src"]
}
"""

# --- npm ci on a package.json with a trailing comma
_PKG_BAD = """\
{
  "name": "dashboard",
  "version": "3.2.0",
  "private": true,
  "scripts": {
    "build": "node build.js",
    "test": "node --test"
  },
  "dependencies": {
    "left-pad": "1.3.0",
  },
  "engines": { "node": ">=20" }
}
"""

# --- minitest: an error (not a failure) with backtrace
_CART_RB = """\
class Cart
  Item = Struct.new(:sku, :price, :qty)

  def initialize(coupons = {})
    @items = []
    @coupons = coupons
  end

  def add(sku, price, qty = 1)
    @items << Item.new(sku, price, qty)
    self
  end

  def subtotal
    @items.sum { |i| i.price * i.qty }
  end

  def total(code = nil)
    return subtotal if code.nil?
    discount = @coupons[code]
    (subtotal * (100 - discount.percent) / 100.0).round(2)
  end
end
"""
_CART_TEST = """\
require "minitest/autorun"
require "cart"

class CartTest < Minitest::Test
  Coupon = Struct.new(:percent)

  def setup
    @cart = Cart.new("SPRING10" => Coupon.new(10))
    @cart.add("tea", 4.5, 2).add("mug", 12.0)
  end

  def test_subtotal
    assert_in_delta 21.0, @cart.subtotal
  end

  def test_total_with_coupon
    assert_in_delta 18.9, @cart.total("SPRING10")
  end

  def test_total_with_expired_coupon
    assert_in_delta 21.0, @cart.total("WINTER5")
  end

  def test_empty_cart
    assert_equal 0, Cart.new.subtotal
  end
end
"""

# --- ruby: SyntaxError raised by require_relative
_SYNC_RB = """\
require_relative "../lib/feed"

puts "syncing feeds"
Feed.new(ARGV.fetch(0, "feeds.txt")).each { |url| puts "  #{url}" }
"""
_FEED_RB = """\
class Feed
  def initialize(path)
    @path = path
  end

  def each
    File.readlines(@path).each do |line|
      url = line.strip
      next if url.empty? || url.start_with?("#")
      yield url
    end
  end
  end
end
"""

# --- perl: die with the input line number
_ROTATE_PL = """\
#!/usr/bin/perl
use strict;
use warnings;

my $conf = shift @ARGV or die "usage: rotate.pl CONFIG\\n";
open(my $fh, "<", $conf) or die "cannot open $conf: $!";
my %cfg;
while (my $line = <$fh>) {
    chomp $line;
    next if $line =~ /^\\s*(#|$)/;
    my ($k, $v) = split /\\s*=\\s*/, $line, 2;
    die "malformed line '$line' in $conf" unless defined $v;
    $cfg{$k} = $v;
}
print "rotating $cfg{path} (keep $cfg{keep})\\n";
"""
_ROTATE_CONF = """\
# log rotation for the api
path = /var/log/acme/api.log
keep = 14
compress: gzip
"""

# --- curl -f 404 with the progress meter
_FETCH_SH = """\
#!/usr/bin/env bash
set -euo pipefail
BASE=http://127.0.0.1:8731/artifacts
mkdir -p .artifacts
for f in schema-1.9.0.json openapi-gen-1.9.0.jar protoc-plugins-1.9.0.tgz; do
  echo "fetching $f"
  curl -fL -o ".artifacts/$f" "$BASE/$f"
done
echo "all artifacts fetched"
"""
_FETCH_RUN = (
    "python3 -m http.server 8731 --bind 127.0.0.1 --directory srv >/dev/null 2>&1 & SRV=$!; "
    "sleep 1; ./ci/fetch-artifacts.sh; rc=$?; kill $SRV; exit $rc"
)
_FETCH_SETUP = (
    "mkdir -p srv/artifacts && head -c 4000 /dev/urandom > srv/artifacts/schema-1.9.0.json && "
    "head -c 300000 /dev/urandom > srv/artifacts/openapi-gen-1.9.0.jar"
)

# --- git apply: a vendored library was upgraded, the local patch no longer applies
_LZ_OLD = """\
#include <stddef.h>
#include "lz.h"

size_t lz_bound(size_t n)
{
    return n + n / 255 + 16;
}

int lz_level(int requested)
{
    if (requested < 1)
        return 1;
    if (requested > 9)
        return 9;
    return requested;
}
"""
_LZ_PATCHED = _LZ_OLD.replace(
    "if (requested < 1)\n        return 1;", "if (requested < 1)\n        return 6; /* acme: default */"
)
_LZ_NEW = _LZ_OLD.replace(
    "int lz_level(int requested)\n{\n    if (requested < 1)\n        return 1;",
    "int lz_level(int requested)\n{\n    if (requested <= 0)\n        return LZ_DEFAULT_LEVEL;",
)
_LZ_H_OLD = "size_t lz_bound(size_t n);\nint lz_level(int requested);\n"
_LZ_H_PATCHED = _LZ_H_OLD + "#define LZ_ACME 1\n"
_APPLY_SH = """\
#!/usr/bin/env bash
set -euo pipefail
for p in patches/*.patch; do
  echo "Applying $p"
  git apply --verbose "$p"
done
echo "all vendor patches applied"
"""
_APPLY_SETUP = (
    "set -e; W=$(mktemp -d); mkdir -p $W/a/vendor/lz $W/b/vendor/lz patches; "
    "printf '%s' \"$LZ_H_OLD\" > $W/a/vendor/lz/lz.h; printf '%s' \"$LZ_H_PATCHED\" > $W/b/vendor/lz/lz.h; "
    "printf '%s' \"$LZ_OLD\" > $W/a/vendor/lz/lz.c; printf '%s' \"$LZ_PATCHED\" > $W/b/vendor/lz/lz.c; "
    "(cd $W && diff -u a/vendor/lz/lz.h b/vendor/lz/lz.h > $OLDPWD/patches/0001-lz-acme-marker.patch || true); "
    "(cd $W && diff -u a/vendor/lz/lz.c b/vendor/lz/lz.c > $OLDPWD/patches/0002-lz-default-level-6.patch || true); "
    "rm -rf $W"
)

# --- tar: truncated cache archive
_RESTORE_SH = """\
#!/usr/bin/env bash
set -euo pipefail
KEY=node-modules-linux-x64-5f1c9e2
echo "restoring cache $KEY"
tar -xzvf "cache/$KEY.tar.gz"
echo "cache restored"
"""
_RESTORE_SETUP = (
    "set -e; W=$(mktemp -d); mkdir -p $W/node_modules/left-pad $W/node_modules/ms $W/node_modules/debug/src cache; "
    'for d in left-pad ms debug; do printf \'{"name":"%s"}\' $d > $W/node_modules/$d/package.json; '
    "head -c 20000 /dev/urandom | base64 > $W/node_modules/$d/index.js; done; "
    "head -c 200000 /dev/urandom | base64 > $W/node_modules/debug/src/browser.js; "
    "tar -czf full.tgz -C $W node_modules; head -c 150000 full.tgz > cache/node-modules-linux-x64-5f1c9e2.tar.gz; "
    "rm -rf $W full.tgz"
)

# --- golden-file test with diff -u
_RENDER_AWK = """\
#!/usr/bin/awk -f
# render: "name,qty,unit_price" -> aligned invoice lines with totals
BEGIN { FS = ","; total = 0 }
{
    line = int($2 * $3 * 100) / 100
    total += line
    printf "%-10s %3d x %7.2f = %8.2f\\n", $1, $2, $3, line
}
END { printf "%-10s %24.2f\\n", "TOTAL", total }
"""
_GOLDEN_SH = """\
#!/usr/bin/env bash
set -uo pipefail
fail=0
for input in tests/golden/*.csv; do
  name=$(basename "$input" .csv)
  expected="tests/golden/$name.txt"
  actual=$(mktemp)
  awk -f bin/render.awk "$input" > "$actual"
  if diff -u "$expected" "$actual" --label "$expected" --label "actual/$name.txt"; then
    echo "ok   $name"
  else
    echo "FAIL $name"
    fail=1
  fi
  rm -f "$actual"
done
exit $fail
"""


def _golden(rows):
    """The expected rendering (what a correct renderer prints: amounts rounded, not truncated)."""
    out, total = [], 0
    for name, qty, price in rows:
        line = round(qty * price + 1e-9, 2)
        total += line
        out.append("%-10s %3d x %7.2f = %8.2f\n" % (name, qty, price, line))
    out.append("%-10s %24.2f\n" % ("TOTAL", total))
    return "".join(out)


# --- jq runtime error
_PORTS_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "rendering port map from deploy/services.json"
jq -r '.services[] | .name as $n | .ports[] | "\\($n) \\(.container)->\\(.host)"' deploy/services.json
"""
_PORTS_JSON = """\
{
  "services": [
    {"name": "api", "ports": [{"container": 8080, "host": 80}, {"container": 8443, "host": 443}]},
    {"name": "metrics", "ports": [{"container": 9090, "host": 9090}]},
    {"name": "worker", "ports": null},
    {"name": "admin", "ports": [{"container": 8081, "host": 8081}]}
  ]
}
"""

# --- watchdog SIGTERM, trap, exit 143
_E2E_SH = """\
#!/usr/bin/env bash
set -uo pipefail
on_term() {
  echo "caught SIGTERM: stopping e2e containers"
  echo "e2e aborted after ${SECONDS}s"
  exit 143
}
trap on_term TERM
( sleep 3; echo "watchdog: e2e budget of 3s exhausted, sending SIGTERM to $$"; kill -TERM $$ ) &
echo "starting e2e stack"
for i in $(seq 1 40); do
  echo "[e2e] waiting for payment-service to become healthy (attempt $i/40)"
  sleep 0.25
done
echo "e2e passed"
"""


def register(case):
    case(
        name="mocha-async-timeout-dot",
        tool="mocha",
        category="test",
        label=":mocha: Unit tests",
        repo="cachelib",
        command="npx mocha --reporter dot --color test/",
        setup=_NODE_LINK,
        files={
            "src/cache.js": _CACHE_JS,
            "test/cache.test.js": _CACHE_TEST,
            "package.json": '{"name": "cachelib", "version": "0.4.0", "private": true}\n',
        },
        keys=["Cache", "emits warmed after warm()", "Timeout of 400ms exceeded"],
        cause=[
            has("1 failing"),
            has("1) Cache"),
            has("emits warmed after warm():"),
            has("Error: Timeout of 400ms exceeded"),
            has("at listOnTimeout (node:internal/timers"),
            has("at process.processTimers (node:internal/timers"),
        ],
        exit_status=1,
    )
    case(
        name="tsc-generic-constraint-errors",
        tool="tsc",
        category="compile",
        ci="github",
        repo="accounts-api",
        tty=False,
        command="npx tsc -p . --noEmit",
        setup=_NODE_LINK,
        files={
            "src/models.ts": _TS_MODELS,
            "src/repository.ts": _TS_REPO,
            "src/service.ts": _TS_SERVICE,
            "tsconfig.json": _TSCONFIG,
            "package.json": '{"name": "accounts-api", "private": true}\n',
        },
        keys=[
            "TS2344",
            "Property 'id' is missing in type 'AuditEvent'",
            "TS2322",
            "TS2345",
            "src/service.ts",
        ],
        cause=[
            has(r"^src/\w+\.ts\(\d+,\d+\): error TS", rx=True),
            has(r"^\s+(Property|Type|Argument) ", rx=True),
        ],
        exit_status=2,
    )
    case(
        name="npm-ci-missing-lockfile",
        tool="npm",
        category="config",
        ci="gitlab",
        repo="dashboard",
        tty=False,
        command="npm ci --no-audit --no-fund",
        files={
            "package.json": '{\n  "name": "dashboard",\n  "version": "3.2.0",\n  "private": true,\n'
            '  "dependencies": {\n    "left-pad": "1.3.0"\n  }\n}\n'
        },
        keys=["EUSAGE", "can only install with an existing package-lock.json"],
        cause=[has("npm error code EUSAGE"), span("The `npm ci` command can only install", "try again.")],
        exit_status=1,
    )
    case(
        name="npm-install-ejsonparse",
        tool="npm",
        category="config",
        label=":npm: Install",
        repo="dashboard",
        tty=False,
        command="npm install --no-audit --no-fund",
        files={"package.json": _PKG_BAD},
        keys=["EJSONPARSE", "Invalid package.json"],
        cause=[has("npm error code EJSONPARSE"), has("JSON.parse")],
        exit_status=1,
    )
    case(
        name="minitest-nomethoderror-nil",
        tool="minitest",
        category="test",
        ci="gitlab",
        repo="shop",
        tty=False,
        command="ruby -Ilib test/cart_test.rb --seed 1701",
        files={"lib/cart.rb": _CART_RB, "test/cart_test.rb": _CART_TEST},
        keys=["CartTest#test_total_with_expired_coupon", "NoMethodError", "lib/cart.rb:21"],
        cause=[
            has("1) Error:"),
            has("CartTest#test_total_with_expired_coupon:"),
            has("NoMethodError: undefined method"),
            has("(subtotal * (100 - discount.percent) / 100.0).round(2)"),
            has("lib/cart.rb:21:in"),
            has("test/cart_test.rb:21:in"),
            has("1 errors"),
        ],
        exit_status=1,
    )
    case(
        name="ruby-syntaxerror-require-relative",
        tool="ruby",
        category="compile",
        ci="travis",
        repo="feeds",
        tty=False,
        command="ruby bin/sync.rb config/feeds.txt",
        files={
            "bin/sync.rb": _SYNC_RB,
            "lib/feed.rb": _FEED_RB,
            "config/feeds.txt": "https://example.com/a.xml\n# disabled\nhttps://example.com/b.xml\n",
        },
        keys=["SyntaxError", "lib/feed.rb:14"],
        cause=[has("syntax error"), has("from bin/sync.rb:1:in")],
        exit_status=1,
    )
    case(
        name="perl-die-malformed-config",
        tool="perl",
        category="config",
        label=":camel: Rotate logs",
        repo="ops",
        tty=False,
        command="perl bin/rotate.pl config/rotate.conf",
        files={"bin/rotate.pl": _ROTATE_PL, "config/rotate.conf": _ROTATE_CONF},
        keys=["malformed line 'compress: gzip'", "bin/rotate.pl line 12", "<$fh> line 4"],
        cause=[has("malformed line")],
        exit_status=25,
    )
    case(
        name="curl-fail-404-progress",
        tool="curl",
        category="infrastructure",
        label=":package: Fetch artifacts",
        repo="codegen",
        tty=False,
        command="./ci/fetch-artifacts.sh",
        run=_FETCH_RUN,
        setup=_FETCH_SETUP,
        files={"ci/fetch-artifacts.sh": _FETCH_SH},
        keys=["curl: (22) The requested URL returned error: 404", "protoc-plugins-1.9.0.tgz"],
        cause=[has("fetching protoc-plugins-1.9.0.tgz"), has("curl: (22)")],
        exit_status=22,
    )
    case(
        name="git-apply-vendor-patch-fails",
        tool="git",
        category="dependency",
        label=":git: Apply vendor patches",
        repo="compressor",
        tty=False,
        command="./ci/apply-patches.sh",
        setup=_APPLY_SETUP,
        env={
            "LZ_OLD": _LZ_OLD,
            "LZ_PATCHED": _LZ_PATCHED,
            "LZ_H_OLD": _LZ_H_OLD,
            "LZ_H_PATCHED": _LZ_H_PATCHED,
        },
        files={"ci/apply-patches.sh": _APPLY_SH, "vendor/lz/lz.c": _LZ_NEW, "vendor/lz/lz.h": _LZ_H_OLD},
        keys=[
            "error: patch failed: vendor/lz/lz.c",
            "vendor/lz/lz.c: patch does not apply",
            "0002-lz-default-level-6.patch",
        ],
        cause=[
            has("Applying patches/0002-lz-default-level-6.patch"),
            span("error: while searching for:", "error: vendor/lz/lz.c: patch does not apply"),
        ],
        exit_status=1,
    )
    case(
        name="tar-truncated-cache-archive",
        tool="tar",
        category="infrastructure",
        ci="github",
        repo="webapp",
        tty=False,
        command="./ci/restore-cache.sh",
        setup=_RESTORE_SETUP,
        files={"ci/restore-cache.sh": _RESTORE_SH},
        keys=["gzip: stdin: unexpected end of file", "Unexpected EOF in archive"],
        cause=[
            has("restoring cache node-modules-linux-x64-5f1c9e2"),
            has("gzip: stdin"),
            has("tar: Unexpected EOF"),
            has("tar: Error is not recoverable"),
        ],
        exit_status=2,
    )
    case(
        name="golden-file-diff-u",
        tool="diff",
        category="test",
        label=":white_check_mark: Golden tests",
        repo="invoicer",
        tty=False,
        command="./tests/golden.sh",
        files={
            "bin/render.awk": _RENDER_AWK,
            "tests/golden.sh": _GOLDEN_SH,
            "tests/golden/basic.csv": "tea,2,4.50\nmug,1,12.00\n",
            "tests/golden/basic.txt": _golden([("tea", 2, 4.50), ("mug", 1, 12.00)]),
            "tests/golden/bulk.csv": "paper,12,3.25\npens,40,0.29\nstapler,1,1.15\n",
            "tests/golden/bulk.txt": _golden([("paper", 12, 3.25), ("pens", 40, 0.29), ("stapler", 1, 1.15)]),
            "tests/golden/empty.csv": "",
            "tests/golden/empty.txt": _golden([]),
        },
        keys=["FAIL bulk", "-stapler      1 x    1.15 =     1.15", "+stapler      1 x    1.15 =     1.14"],
        cause=[
            has("FAIL bulk"),
            has("--- tests/golden/bulk.txt"),
            has("+++ actual/bulk.txt"),
            has(r"^[-+](pens|stapler|TOTAL) ", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="jq-cannot-iterate-null",
        tool="jq",
        category="config",
        label=":gear: Render port map",
        repo="deploy",
        tty=False,
        command="./ci/render-ports.sh",
        files={"ci/render-ports.sh": _PORTS_SH, "deploy/services.json": _PORTS_JSON},
        keys=["Cannot iterate over null", "deploy/services.json"],
        cause=[has("jq: error")],
        exit_status=5,
    )
    case(
        name="watchdog-sigterm-143",
        tool="bash",
        category="timeout",
        label=":docker: E2E",
        repo="checkout",
        tty=False,
        command="./ci/e2e.sh",
        files={"ci/e2e.sh": _E2E_SH},
        keys=["watchdog: e2e budget of 3s exhausted", "caught SIGTERM"],
        cause=[
            last("waiting for payment-service"),
            has("watchdog:"),
            has("caught SIGTERM"),
            has("e2e aborted after"),
        ],
        exit_status=143,
    )


# --- eslint: a flood of warnings around two errors (stylish formatter)
def _eslint_files():
    files = {}
    for i in range(1, 29):
        name = f"src/widgets/widget{i:02d}.js"
        body = [f"// widget {i}", 'const util = require("../util");', ""]
        body.append(f"function render{i}(props, ctx, theme) {{")
        body.append(f'  console.log("render widget{i:02d}", props.id);')
        body.append(f"  const unusedWidth{i} = props.width * 2;")
        body.append("  return util.box(props.label);")
        body.append("}")
        body.append("")
        body.append(f"module.exports = {{ render{i} }};")
        files[name] = "\n".join(body) + "\n"
    files["src/util.js"] = 'function box(s) {\n  return "[" + s + "]";\n}\n\nmodule.exports = { box };\n'
    files["src/widgets/widget17.js"] = files["src/widgets/widget17.js"].replace(
        "  return util.box(props.label);",
        '  if (props.count == 0) return util.box("empty");\n  return util.box(props.label);',
    )
    files["src/widgets/widget23.js"] = files["src/widgets/widget23.js"].replace(
        "  return util.box(props.label);", "  return util.box(formatLabel(props.label));"
    )
    files[".eslintrc.json"] = (
        '{\n  "root": true,\n  "env": {"node": true, "es2022": true},\n  "parserOptions": {"ecmaVersion": 2022},\n'
        '  "rules": {\n    "no-console": "warn",\n    "no-unused-vars": "warn",\n    "no-undef": "error",\n'
        '    "eqeqeq": "error"\n  }\n}\n'
    )
    files["package.json"] = '{"name": "widgets-ui", "version": "2.0.0", "private": true}\n'
    return files


# --- python: sqlite3.OperationalError after a long import
_BACKFILL = """\
import sqlite3
import sys

db = sqlite3.connect(":memory:")
db.executescript(open("db/schema.sql").read())
print("schema loaded")
for i in range(1, 401):
    db.execute("INSERT INTO orders (id, customer, total_cents) VALUES (?, ?, ?)", (i, f"c{i % 37}", i * 125))
    print(f"imported order {i:04d} for c{i % 37}")
db.commit()
print("backfilling order_month")
rows = db.execute(
    "SELECT id, strftime('%Y-%m', created_at) FROM orders WHERE order_month IS NULL"
).fetchall()
print(f"{len(rows)} rows to update")
"""
_SCHEMA = "CREATE TABLE orders (\n  id INTEGER PRIMARY KEY,\n  customer TEXT NOT NULL,\n  total_cents INTEGER NOT NULL,\n  order_month TEXT\n);\n"


def register_more(case):
    case(
        name="eslint-warning-flood-two-errors",
        tool="eslint",
        category="lint",
        label=":eslint: Lint",
        repo="widgets-ui",
        tty=False,
        command="npx eslint src",
        setup=_NODE_LINK,
        files=_eslint_files(),
        keys=[
            "'formatLabel' is not defined",
            "no-undef",
            "Expected '===' and instead saw '=='",
            "eqeqeq",
            "2 errors",
        ],
        cause=[
            has(r"/src/widgets/widget(17|23)\.js$", rx=True),
            has(r"^\s+\d+:\d+\s+error\s", rx=True),
            has(r"problems \(2 errors", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="python-sqlite-no-such-column",
        tool="python",
        category="runtime",
        ci="travis",
        repo="orders",
        tty=False,
        command="python scripts/backfill_month.py",
        env={"PYTHONUNBUFFERED": "1"},
        files={"scripts/backfill_month.py": _BACKFILL, "db/schema.sql": _SCHEMA},
        keys=["sqlite3.OperationalError: no such column: created_at", "backfill_month.py"],
        cause=[span("Traceback (most recent call last):", "sqlite3.OperationalError")],
        exit_status=1,
    )
