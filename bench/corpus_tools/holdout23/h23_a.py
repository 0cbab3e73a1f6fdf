"""Cases for the twenty-fourth held-out corpus: Python (venv with pytest and flake8), Node 20, Go,
Ruby with rspec, PHP 8.2, gcc/g++ with make, Java 17, sqlite3, jq, dash and bash."""

from holdout_cases import after, first, has, last, span  # noqa: F401

CIS = ["buildkite"] * 20 + ["github"] * 5 + ["travis"] * 4 + ["gitlab"] * 4 + ["buildkite"] * 3 + ["github"]
_CI_ORDER = [0, 20, 1, 2, 25, 3, 4, 29, 5, 21, 6, 7, 26, 8, 9, 22, 10, 11, 30, 12, 13, 27, 14, 23, 15, 16, 31, 17,
             18, 24, 19, 28, 32, 33, 34, 36, 35]  # fmt: skip


def _steps(prefix: str, n: int) -> str:
    return "".join(f'print("{prefix}: step {i + 1}/{n} ok", flush=True)\n' for i in range(n))


# -- Python -------------------------------------------------------------------------------------

_MAILER = '''def send_email(to, subject, body):
    raise RuntimeError("no SMTP in tests")


def notify(user, event):
    return send_email(user["email"], f"[acme] {event}", "see dashboard")
'''


def _notify_tests() -> str:
    out = ["from app import mailer", ""]
    for i in range(24):
        out += [f"def test_subject_{i:02d}():", f'    assert "[acme] e{i}".startswith("[acme]")', ""]
    out += [
        "def test_notify_sends(monkeypatch):",
        "    sent = []",
        '    monkeypatch.setattr(mailer, "send_mail", lambda *a: sent.append(a))',
        '    mailer.notify({"email": "a@b.test"}, "deploy")',
        "    assert len(sent) == 1",
        "",
    ]
    return "\n".join(out)


_UNPACK = '''import sys
import zipfile

print("unpack: python", sys.version.split()[0], flush=True)
path = sys.argv[1]
print(f"unpack: restoring web assets from {path}", flush=True)
with zipfile.ZipFile(path) as zf:
    zf.extractall("public/")
print("unpack: done")
'''

_ALLOW = '''import ipaddress

print("firewall: loading config/allowlist.txt", flush=True)
nets = []
for n, line in enumerate(open("config/allowlist.txt"), 1):
    line = line.split("#")[0].strip()
    if line:
        nets.append(ipaddress.ip_network(line))
        print(f"firewall: rule {n}: {line}", flush=True)
print(f"firewall: {len(nets)} networks")
'''

_MIGRATE_LOCK = '''import sqlite3
import subprocess
import sys
import time

print("migrate: sqlite", sqlite3.sqlite_version, flush=True)
holder = subprocess.Popen([sys.executable, "-c", """
import sqlite3, time
c = sqlite3.connect("app.db", isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
print("indexer: holding write lock for the reindex", flush=True)
time.sleep(6)
"""])
time.sleep(1.0)
db = sqlite3.connect("app.db", timeout=2.0)
for v in (1, 2, 3):
    print(f"migrate: applying 00{v}_schema.sql (busy timeout 2.0s)", flush=True)
    db.execute(f"CREATE TABLE IF NOT EXISTS t{v} (id INTEGER PRIMARY KEY)")
    db.commit()
holder.kill()
'''

_BARRIER = '''import threading
import time

workers = ["cache", "search", "mailer"]
barrier = threading.Barrier(len(workers) + 2, timeout=1.5)


def run(name):
    print(f"warmup: {name} ready, waiting at barrier", flush=True)
    barrier.wait()


for w in workers:
    threading.Thread(target=run, args=(w,), name=f"warm-{w}").start()
time.sleep(0.2)
print(f"warmup: main waiting for {barrier.parties} parties", flush=True)
barrier.wait()
print("warmup: all warm")
'''

_ROUTES_PY = '''import re

print("router: compiling config/routes.txt", flush=True)
table = []
for line in open("config/routes.txt"):
    name, pattern = line.split(None, 1)
    print(f"router: {name:10s} {pattern.strip()}", flush=True)
    table.append((name, re.compile(pattern.strip())))
print(f"router: {len(table)} routes")
'''
_ROUTES_TXT = (
    "home ^/$\nlogin ^/login$\norders ^/orders/(?P<id>[0-9]+$\n"
    "export ^/orders/export\\.csv$\nhealth ^/healthz$\n"
)

_THUMB_CACHE = '''import hashlib
import os

TITLES = [
    "Quarterly report",
    "Release notes 4.2",
    "A very long onboarding guide for the new warehouse staff " * 6,
]
os.makedirs("cache/thumbs", exist_ok=True)
for t in TITLES:
    slug = "-".join(t.lower().split())
    path = os.path.join("cache/thumbs", slug + ".png")
    print(f"thumbs: {hashlib.sha1(t.encode()).hexdigest()[:8]} -> {path[:60]}", flush=True)
    with open(path, "wb") as fh:
        fh.write(b"PNG")
'''

_PICKLE = '''import json
import pickle

print("features: building feature cache", flush=True)
with open(".cache/features.bin", "w") as fh:
    json.dump({"rows": 1200, "cols": ["a", "b"]}, fh)
print("features: cache written by the v2 exporter", flush=True)
print("features: loading .cache/features.bin", flush=True)
with open(".cache/features.bin", "rb") as fh:
    feats = pickle.load(fh)
print(feats)
'''


def _complex_py() -> str:
    out = ["def classify(order):"]
    for i in range(9):
        out += [f"    if order.get('k{i}') == {i}:", f"        return 'c{i}'"]
    out += ["    return 'other'", "", "", "def label(order):",
            "    return f\"order {order['id']} for {order['customer']} shipped via {order['carrier']} on {order['date']}\"",
            ""]  # fmt: skip
    return "\n".join(out)


# -- Node ---------------------------------------------------------------------------------------

_BIGINT_JS = '''const rows = [];
for (let i = 0; i < 5; i++) rows.push({ id: i, cents: BigInt(1000 + i) * 10n ** 12n });
console.log(`ledger: node ${process.version}, ${rows.length} rows`);
for (const r of rows) console.log(`ledger: row ${r.id} ok`);
const body = JSON.stringify({ rows });
console.log(body.length);
'''

_GUNZIP_JS = '''const fs = require("fs");
const zlib = require("zlib");
console.log("cache: restoring node_modules cache");
const buf = fs.readFileSync("cache/modules.tar.gz");
console.log(`cache: ${buf.length} bytes downloaded`);
const out = zlib.gunzipSync(buf);
console.log(`cache: ${out.length} bytes unpacked`);
'''

_HASH_JS = '''const crypto = require("crypto");
const fs = require("fs");
const algo = process.env.ASSET_HASH || "sha256";
console.log(`assets: fingerprinting with ${algo}`);
for (const f of fs.readdirSync("public")) {
  const h = crypto.createHash(algo).update(fs.readFileSync(`public/${f}`)).digest("hex");
  console.log(`assets: ${f} -> ${h.slice(0, 10)}`);
}
'''

_WORKER_JS = '''const { Worker } = require("worker_threads");
console.log("index: spawning tokenizer worker (64 MB old space)");
const w = new Worker(`
  const chunks = [];
  for (let i = 0; ; i++) {
    chunks.push(new Array(100000).fill("token-" + i));
  }
`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 64 } });
w.on("error", (err) => { console.error("index: tokenizer failed"); throw err; });
'''

_EISDIR_JS = '''const fs = require("fs");
const path = process.env.APP_CONFIG || "config/app.json";
console.log(`server: node ${process.version}`);
console.log(`server: loading ${path}`);
const cfg = JSON.parse(fs.readFileSync(path, "utf8"));
console.log(`server: listening on ${cfg.port}`);
'''

_BIGFILE_JS = '''const fs = require("fs");
console.log("import: reading fixtures/events.ndjson");
const text = fs.readFileSync("fixtures/events.ndjson", "utf8");
console.log(text.split("\\n").length);
'''

# -- Go -----------------------------------------------------------------------------------------

_GOMOD = "module example.com/widgets\n\ngo 1.19\n"
_COPYLOCK = '''package widgets

import "sync"

type Cache struct {
	mu    sync.Mutex
	items map[string]int
}

func (c Cache) Snapshot() map[string]int {
	out := map[string]int{}
	for k, v := range c.items {
		out[k] = v
	}
	return out
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}
'''
_MISSRET = '''package widgets

import "strings"

func ParseLevel(s string) int {
	switch strings.ToLower(s) {
	case "debug":
		return 0
	case "info":
		return 1
	case "warn":
		return 2
	}
}
'''
_ATOI = '''package main

import (
	"log"
	"os"
	"strconv"
)

func main() {
	log.SetFlags(0)
	log.Printf("crawler: queue %s", os.Getenv("QUEUE"))
	n, err := strconv.Atoi(os.Getenv("CRAWL_WORKERS"))
	if err != nil {
		log.Fatalf("crawler: bad CRAWL_WORKERS: %v", err)
	}
	log.Printf("crawler: %d workers", n)
}
'''
_IDGEN = '''package widgets

var next int

func NextID() int {
	next++
	return next
}
'''
_IDGEN_TEST = '''package widgets

import "testing"

func TestNextID(t *testing.T) {
	if got := NextID(); got != 1 {
		t.Errorf("NextID() = %d, want 1", got)
	}
}

func TestUpper(t *testing.T) {
	if 2+2 != 4 {
		t.Fatal("math")
	}
}
'''
_HTTPGET = '''package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
)

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 512)
			c.Read(buf)
			c.Close()
		}
	}()
	url := fmt.Sprintf("http://%s/artifacts/web-4.2.1.tar.gz", ln.Addr())
	fmt.Println("fetch: downloading", url)
	resp, err := http.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fetch: download failed:", err)
		os.Exit(1)
	}
	io.Copy(io.Discard, resp.Body)
}
'''

# -- Ruby ---------------------------------------------------------------------------------------

_JSON_RB = '''require "json"
puts "fixtures: ruby #{RUBY_VERSION}"
Dir["spec/fixtures/*.json"].sort.each do |f|
  puts "fixtures: loading #{f}"
  data = JSON.parse(File.read(f))
  puts "fixtures: #{f}: #{data.size} records"
end
'''
_STACK_RB = '''class Settings
  def initialize(h)
    @h = h
  end

  def method_missing(name, *args)
    @h.key?(name) ? @h[name] : send(:"default_#{name}")
  end

  def respond_to_missing?(*) = true
end

s = Settings.new(region: "eu")
puts "settings: region #{s.region}"
puts "settings: retries #{s.retries}"
'''
_CART_RB = '''class Cart
  attr_reader :items
  def initialize = @items = []
  def add(sku, qty = 1)
    return self if qty > 5
    @items << [sku, qty]
    self
  end
  def total = @items.sum { |_, q| q }
end
'''


def _cart_spec() -> str:
    out = ['require_relative "../lib/cart"', "", "RSpec.describe Cart do"]
    for i in range(14):
        out += [f"  it 'counts item {i}' do", f"    expect(Cart.new.add('s{i}', 1).total).to eq(1)", "  end"]
    out += [
        "  it 'adds a bulk line' do",
        "    cart = Cart.new",
        "    expect { cart.add('pallet', 12) }.to change { cart.items.size }.by(1)",
        "  end",
        "end",
        "",
    ]
    return "\n".join(out)


# -- PHP ----------------------------------------------------------------------------------------

_MATCH_PHP = '''<?php
$regions = ["eu", "us", "apac"];
echo "pricing: php " . PHP_VERSION . "\\n";
foreach ($regions as $r) {
    $vat = match ($r) {
        "eu" => 0.21,
        "us" => 0.0,
    };
    echo "pricing: $r vat $vat\\n";
}
'''
_INTERVAL_PHP = '''<?php
$cfg = parse_ini_file(__DIR__ . "/config/retention.ini");
echo "retention: keep backups for {$cfg['keep']}\\n";
$cut = (new DateTimeImmutable("2026-11-27"))->sub(new DateInterval($cfg["keep"]));
echo "retention: deleting backups older than " . $cut->format("Y-m-d") . "\\n";
'''

# -- C / C++ / make -----------------------------------------------------------------------------

_COPY_C = '''#include <stdio.h>
#include <string.h>

struct tag { char name[16]; };

void tag_set(struct tag *t, const char *s) {
    strlcpy(t->name, s, sizeof t->name);
}

int main(void) {
    struct tag t;
    tag_set(&t, "release");
    puts(t.name);
    return 0;
}
'''
_COPY_MK = (
    "CC = gcc\nCFLAGS = -std=c11 -Wall -O2 -Werror=implicit-function-declaration\n\n"
    "all: tagger\n\ntagger: main.o util.o\n\t$(CC) -o $@ $^\n\n%.o: %.c\n\t$(CC) $(CFLAGS) -c $<\n"
)
_UTIL_C = "int util_version(void) { return 3; }\n"
_RECUR_MK = "CC = gcc\nCFLAGS = -O2\nCFLAGS = $(CFLAGS) -Wall -g\n\nall: app\n\napp: app.c\n\t$(CC) $(CFLAGS) -o $@ $<\n"
_PURE_CPP = '''#include <cstdio>

struct Sink {
    virtual void write(const char *s) = 0;
    Sink() { }
    virtual ~Sink() { flush_all(); }
    void flush_all() { write("bye"); }
};

struct FileSink : Sink {
    void write(const char *s) override { std::printf("sink: %s\\n", s); }
};

int main() {
    for (int i = 0; i < 3; i++) {
        FileSink f;
        f.write("batch");
        std::printf("export: batch %d written\\n", i + 1);
    }
}
'''

# -- Java ---------------------------------------------------------------------------------------

_SPLIT_JAVA = '''import java.math.BigDecimal;

public class Split {
    static BigDecimal share(BigDecimal total, int people) {
        return total.divide(BigDecimal.valueOf(people));
    }

    public static void main(String[] args) {
        BigDecimal bill = new BigDecimal("100.00");
        for (int n : new int[] {2, 4, 5, 3}) {
            System.out.println("split: " + n + " people pay " + share(bill, n));
        }
    }
}
'''
_TIER_JAVA = '''package acme;

public class Tier {
    public static String of(int points) {
        if (points >= 1000) {
            return "gold";
        } else if (points >= 500) {
            return "silver";
        } else if (points >= 0) {
            return "bronze";
        }
    }
}
'''
_MAIN_JAVA = '''package acme;

public class Main {
    public static void main(String[] args) {
        System.out.println(Tier.of(700));
    }
}
'''

# -- sqlite / jq / shell ------------------------------------------------------------------------

_SEED_SQL = """PRAGMA foreign_keys = ON;
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), total REAL);
INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO orders VALUES (10, 1, 12.5);
INSERT INTO orders VALUES (11, 2, 99.0);
SELECT 'seeded ' || count(*) || ' orders' FROM orders;
INSERT INTO orders VALUES (12, 7, 40.0);
SELECT 'seeded ' || count(*) || ' orders' FROM orders;
"""
_TARGETS_JSON = '{\n  "service": "widgets",\n  "targets": [\n    {"name": "eu", "region": eu-west-1, "replicas": 3},\n    {"name": "us", "region": "us-east-1", "replicas": 2}\n  ]\n}\n'
_GEMFILE = 'source "https://rubygems.org"\n\nruby "3.3.0"\n'
_WORKER_RB = '''require "bundler/setup"

puts "worker: booting"
'''
_PIPE_PY = '''def steps(kind):
    base = ["checkout", "restore-cache", "install", "test", "save-cache"]
    if kind == "release":
        base.insert(3, "build")
        base.append("publish")
    return base
'''
_PIPE_TEST = '''import unittest

from pipeline import steps


class StepsTest(unittest.TestCase):
    def test_pr(self):
        self.assertEqual(steps("pr")[0], "checkout")

    def test_release_order(self):
        self.assertSequenceEqual(
            steps("release"),
            ["checkout", "restore-cache", "install", "build", "test", "publish", "save-cache"],
        )
'''
_BACKENDS_TEST = '''import pytest


class Store:
    def __init__(self, kind):
        self.kind, self.data = kind, {}

    def put(self, k, v):
        self.data[k.lower() if self.kind == "redis" else k] = v

    def get(self, k):
        return self.data.get(k)


@pytest.fixture(params=["memory", "sqlite", "redis"])
def store(request):
    return Store(request.param)


@pytest.mark.parametrize("key", ["a", "b", "c", "d"])
def test_roundtrip(store, key):
    store.put(key, 1)
    assert store.get(key) == 1


def test_case_sensitive_keys(store):
    store.put("Token", "x")
    assert store.get("Token") == "x"
'''
_SUM_GO = '''package widgets

import "crypto/sha256"

func Digest(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:16]
}
'''
_SUM_TEST = '''package widgets

import (
	"bytes"
	"encoding/hex"
	"testing"
)

func TestDigest(t *testing.T) {
	want, _ := hex.DecodeString("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
	if got := Digest([]byte("hello")); !bytes.Equal(got, want) {
		t.Fatalf("Digest(hello) has %d bytes, want %d\\n got  %x\\n want %x", len(got), len(want), got, want)
	}
}
'''
_RELEASE_SH = '''#!/bin/sh
set -e
VERSION=$(cat VERSION)
echo "release: version $VERSION"
TAG=${VERSION//./-}
echo "release: tag $TAG"
'''


def register(case) -> None:
    cis = iter([CIS[i] for i in _CI_ORDER])
    py = "python"

    case(
        name="pytest-monkeypatch-setattr-no-attribute-send-mail-after-24-passing",
        tool="pytest", category="test", ci=next(cis), label=":pytest: Unit tests",
        command="python -m pytest -q tests", repo="notify",
        files={"app/__init__.py": "", "app/mailer.py": _MAILER, "tests/test_notify.py": _notify_tests(),
               "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["has no attribute 'send_mail'", "test_notify_sends"],
        cause=[has(r"^>\s+monkeypatch\.setattr", True), has("has no attribute 'send_mail'"),
               has("tests/test_notify.py:", False), has("FAILED tests/test_notify.py")],
    )  # fmt: skip
    case(
        name="python-zipfile-badzipfile-truncated-assets-zip",
        tool=py, category="runtime", ci=next(cis), command="python tools/unpack.py dist/assets.zip",
        repo="storefront", tty=False,
        files={"tools/unpack.py": _UNPACK},
        setup="mkdir -p dist && python -c \"import zipfile;z=zipfile.ZipFile('dist/a.zip','w');"
        "[z.writestr(f'f{i}.js','x'*4000) for i in range(20)];z.close()\" && head -c 30000 dist/a.zip > dist/assets.zip",
        keys=["zipfile.BadZipFile: File is not a zip file"],
        cause=[has("Traceback (most recent call last)"), has('tools/unpack.py", line'),
               has("with zipfile.ZipFile(path) as zf"), has("BadZipFile: File is not a zip file")],
    )  # fmt: skip
    case(
        name="python-ipaddress-valueerror-allowlist-prefix-33",
        tool=py, category="config", ci=next(cis), command="python scripts/firewall.py", repo="edge",
        tty=False, files={"scripts/firewall.py": _ALLOW,
                          "config/allowlist.txt": "# office\n10.0.0.0/8\n192.168.10.0/24  # vpn\n172.16.0.0/33\n"},
        keys=["'172.16.0.0/33' does not appear to be an IPv4 or IPv6 network"],
        cause=[has("Traceback (most recent call last)"), has('firewall.py", line'),
               has("nets.append(ipaddress.ip_network(line))"), has("ValueError: '172.16.0.0/33'")],
    )  # fmt: skip
    case(
        name="python-sqlite3-database-is-locked-busy-timeout-migration",
        tool=py, category="timeout", ci=next(cis), command="python db/migrate.py", repo="ledger", tty=False,
        files={"db/migrate.py": _MIGRATE_LOCK},
        keys=["sqlite3.OperationalError: database is locked"],
        cause=[has("Traceback (most recent call last)"), has('migrate.py", line'),
               has("db.execute(f\"CREATE TABLE"), has("database is locked"), has("holding write lock")],
    )  # fmt: skip
    case(
        name="python-threading-brokenbarriererror-warmup-five-parties-three-workers",
        tool=py, category="timeout", ci=next(cis), command="python warmup.py", repo="search", tty=False,
        files={"warmup.py": _BARRIER},
        keys=["threading.BrokenBarrierError", "waiting for 5 parties"],
        cause=[has("threading.BrokenBarrierError"), has("waiting for 5 parties"), has('warmup.py", line')],
    )  # fmt: skip
    case(
        name="python-re-error-missing-paren-unterminated-subpattern-orders-route",
        tool=py, category="config", ci=next(cis), command="python router.py", repo="gateway", tty=False,
        files={"router.py": _ROUTES_PY, "config/routes.txt": _ROUTES_TXT},
        keys=["missing ), unterminated subpattern at position 9"],
        cause=[has("Traceback (most recent call last)"), has('router.py", line'),
               has("table.append((name, re.compile"), has("re.error: missing ), unterminated subpattern"),
               has("router: orders")],
    )  # fmt: skip
    case(
        name="python-oserror-errno-36-file-name-too-long-thumb-slug",
        tool=py, category="runtime", ci=next(cis), command="python thumbs.py", repo="cms", tty=False,
        files={"thumbs.py": _THUMB_CACHE},
        keys=["[Errno 36] File name too long"],
        cause=[has("Traceback (most recent call last)"), has('thumbs.py", line'),
               has('with open(path, "wb") as fh'), has("[Errno 36] File name too long")],
    )  # fmt: skip
    case(
        name="python-pickle-unpicklingerror-invalid-load-key-json-feature-cache",
        tool=py, category="runtime", ci=next(cis), command="python features.py", repo="ml", tty=False,
        files={"features.py": _PICKLE}, setup="mkdir -p .cache",
        keys=["_pickle.UnpicklingError: invalid load key, '{'."],
        cause=[has("Traceback (most recent call last)"), has('features.py", line'),
               has("feats = pickle.load(fh)"), has("invalid load key")],
    )  # fmt: skip
    case(
        name="flake8-c901-too-complex-and-e501-max-complexity-5",
        tool="flake8", category="lint", ci=next(cis), label=":lint-roller: Lint",
        command="flake8 --max-complexity 5 --max-line-length 100 src", repo="orders", tty=False,
        files={"src/orders/__init__.py": "", "src/orders/rules.py": _complex_py()},
        keys=["C901 'classify' is too complex (10)", "E501 line too long"],
        cause=[has(" C901 "), has(" E501 ")],
    )  # fmt: skip
    case(
        name="node-json-stringify-typeerror-do-not-know-how-to-serialize-bigint",
        tool="node", category="runtime", ci=next(cis), command="node ledger.js", repo="ledger2",
        files={"ledger.js": _BIGINT_JS},
        keys=["TypeError: Do not know how to serialize a BigInt"],
        cause=[has("Do not know how to serialize a BigInt"), has("const body = JSON.stringify"),
               has("ledger.js:5")],
    )  # fmt: skip
    case(
        name="node-zlib-gunzipsync-unexpected-end-of-file-truncated-cache",
        tool="node", category="infrastructure", ci=next(cis), command="node ci/restore-cache.js",
        repo="webapp", files={"ci/restore-cache.js": _GUNZIP_JS},
        setup="mkdir -p cache && head -c 200000 /dev/urandom | base64 | gzip > full.gz"
        " && head -c 40000 full.gz > cache/modules.tar.gz && rm full.gz",
        keys=["unexpected end of file", "Z_BUF_ERROR"],
        cause=[has("Error: unexpected end of file"),
               has("restore-cache.js:6"), has("Z_BUF_ERROR")],
    )  # fmt: skip
    case(
        name="node-crypto-createhash-digest-method-not-supported-sha265",
        tool="node", category="config", ci=next(cis), command="node build/fingerprint.js", repo="site",
        env={"ASSET_HASH": "sha265"}, files={"build/fingerprint.js": _HASH_JS, "public/app.js": "x",
                                             "public/app.css": "y"},
        keys=["Digest method not supported", "fingerprinting with sha265"],
        cause=[has("Digest method not supported"), has("fingerprinting with sha265"),
               has("fingerprint.js:6")],
    )  # fmt: skip
    case(
        name="node-worker-err-worker-out-of-memory-resourcelimits-64mb",
        tool="node", category="resource", ci=next(cis), command="node index-build.js", repo="search2",
        files={"index-build.js": _WORKER_JS}, tty=False,
        keys=["ERR_WORKER_OUT_OF_MEMORY"],
        cause=[has("ERR_WORKER_OUT_OF_MEMORY"), has("reaching memory limit"), has("tokenizer failed")],
    )  # fmt: skip
    case(
        name="node-readfilesync-eisdir-app-config-points-at-directory",
        tool="node", category="config", ci=next(cis), command="node server.js", repo="api",
        env={"APP_CONFIG": "config/"}, files={"server.js": _EISDIR_JS, "config/app.json": '{"port": 8080}\n'},
        keys=["EISDIR: illegal operation on a directory, read", "loading config/"],
        cause=[has("EISDIR: illegal operation on a directory"), has("server.js:5"),
               has("server: loading config/")],
    )  # fmt: skip
    case(
        name="node-readfilesync-utf8-err-string-too-long-3-gib-events",
        tool="node", category="resource", ci=next(cis), command="node import.js", repo="analytics",
        files={"import.js": _BIGFILE_JS}, setup="mkdir -p fixtures && truncate -s 3G fixtures/events.ndjson",
        keys=["Cannot create a string longer than 0x1fffffe8 characters", "ERR_STRING_TOO_LONG"],
        cause=[has("Cannot create a string longer"), has("import.js:3"), has("ERR_STRING_TOO_LONG")],
    )  # fmt: skip
    case(
        name="go-vet-copylocks-snapshot-passes-lock-by-value",
        tool="go", category="lint", ci=next(cis), label=":go: vet", command="go vet ./...", repo="widgets",
        files={"go.mod": _GOMOD, "cache.go": _COPYLOCK}, tty=False,
        keys=["Snapshot passes lock by value"],
        cause=[has("passes lock by value")],
    )  # fmt: skip
    case(
        name="go-build-missing-return-parse-level-switch",
        tool="go", category="compile", ci=next(cis), command="go build ./...", repo="widgets2",
        files={"go.mod": _GOMOD, "level.go": _MISSRET}, tty=False,
        keys=["missing return"],
        cause=[has("missing return")],
    )  # fmt: skip
    case(
        name="go-run-strconv-atoi-invalid-syntax-crawl-workers-eight",
        tool="go", category="config", ci=next(cis), command="go run ./cmd/crawler", repo="crawler",
        env={"CRAWL_WORKERS": "eight", "QUEUE": "urls"},
        files={"go.mod": _GOMOD, "cmd/crawler/main.go": _ATOI}, tty=False,
        keys=['strconv.Atoi: parsing "eight": invalid syntax'],
        cause=[has("bad CRAWL_WORKERS")],
    )  # fmt: skip
    case(
        name="go-test-count-3-package-counter-fails-second-and-third-run",
        tool="go", category="test", ci=next(cis), command="go test -count=3 -v ./...", repo="widgets3",
        files={"go.mod": _GOMOD, "id.go": _IDGEN, "id_test.go": _IDGEN_TEST}, tty=False,
        keys=["TestNextID", "NextID() = 2, want 1"],
        cause=[has("--- FAIL: TestNextID"), has("want 1"), has("FAIL\texample.com/widgets")],
    )  # fmt: skip
    case(
        name="go-run-http-get-eof-artifact-server-closes-connection",
        tool="go", category="infrastructure", ci=next(cis), command="go run ./cmd/fetch", repo="deploy",
        files={"go.mod": _GOMOD, "cmd/fetch/main.go": _HTTPGET}, tty=False,
        keys=["EOF", "download failed"],
        cause=[has("fetch: download failed")],
    )  # fmt: skip
    case(
        name="ruby-json-parsererror-single-quoted-fixture",
        tool="ruby", category="config", ci=next(cis), command="ruby script/load_fixtures.rb", repo="shop",
        files={"script/load_fixtures.rb": _JSON_RB, "spec/fixtures/a_users.json": '[{"id": 1}]\n',
               "spec/fixtures/b_products.json": "[{'sku': 'A-1', 'price': 3}]\n"},
        keys=["JSON::ParserError"],
        cause=[has("JSON::ParserError"), has("load_fixtures.rb:5"), has("loading spec/fixtures/b_products.json")],
    )  # fmt: skip
    case(
        name="ruby-systemstackerror-method-missing-default-retries",
        tool="ruby", category="runtime", ci=next(cis), command="ruby config/settings.rb", repo="shop2",
        files={"config/settings.rb": _STACK_RB},
        keys=["stack level too deep (SystemStackError)"],
        cause=[has("stack level too deep"), first("settings.rb:15")],
    )  # fmt: skip
    case(
        name="rspec-expect-change-by-1-was-changed-by-0-bulk-line-of-15",
        tool="rspec", category="test", ci=next(cis), label=":rspec: Specs", command="rspec --format progress",
        repo="cart", files={"lib/cart.rb": _CART_RB, "spec/cart_spec.rb": _cart_spec()},
        keys=["Cart adds a bulk line", "to have changed by 1, but was changed by 0"],
        cause=[has("1) Cart adds a bulk line"), has("Failure/Error"), has("to have changed by 1"),
               has("# ./spec/cart_spec.rb:"), has("rspec ./spec/cart_spec.rb")],
    )  # fmt: skip
    case(
        name="php-unhandledmatcherror-region-apac-no-arm",
        tool="php", category="runtime", ci=next(cis), command="php bin/pricing.php", repo="billing",
        files={"bin/pricing.php": _MATCH_PHP}, tty=False,
        keys=["UnhandledMatchError", "Unhandled match case"],
        cause=[has("UnhandledMatchError"), has("#0 {main}"), has("thrown in")],
    )  # fmt: skip
    case(
        name="php-dateinterval-unknown-or-bad-format-p30-retention-ini",
        tool="php", category="config", ci=next(cis), command="php bin/retention.php", repo="backups",
        files={"bin/retention.php": _INTERVAL_PHP, "bin/config/retention.ini": "keep = P30\n"}, tty=False,
        keys=["Unknown or bad format (P30)"],
        cause=[has("Unknown or bad format"), has("DateInterval->__construct"), has("thrown in")],
    )  # fmt: skip
    case(
        name="gcc-make-werror-implicit-declaration-strlcpy-glibc",
        tool="gcc", category="compile", ci=next(cis), command="make", repo="tagger",
        files={"main.c": _COPY_C, "util.c": _UTIL_C, "Makefile": _COPY_MK},
        keys=["implicit declaration of function", "strlcpy"],
        cause=[has("In function"), has("implicit declaration of function"),
               has("strlcpy(t->name, s, sizeof t->name);"), has("make: ***")],
    )  # fmt: skip
    case(
        name="make-recursive-variable-cflags-references-itself",
        tool="make", category="config", ci=next(cis), command="make", repo="tool",
        files={"app.c": "int main(void){return 0;}\n", "Makefile": _RECUR_MK}, tty=False,
        keys=["Recursive variable 'CFLAGS' references itself (eventually)"],
        cause=[has("Recursive variable")],
    )  # fmt: skip
    case(
        name="gxx-pure-virtual-method-called-from-destructor-abort-134",
        tool="g++", category="crash", ci=next(cis), command="g++ -O0 -o export sink.cpp && ./export",
        run="g++ -O0 -o export sink.cpp && ./export; exit $?",
        repo="exporter", files={"sink.cpp": _PURE_CPP}, tty=False,
        keys=["pure virtual method called"],
        cause=[has("pure virtual method called"), has("terminate called"), has("Aborted")],
    )  # fmt: skip
    case(
        name="java-arithmeticexception-bigdecimal-non-terminating-split-by-3",
        tool="java", category="runtime", ci=next(cis), command="java Split.java", repo="billing2",
        files={"Split.java": _SPLIT_JAVA}, tty=False,
        keys=["java.lang.ArithmeticException: Non-terminating decimal expansion"],
        cause=[has("ArithmeticException"), has("at Split.share"), has("at Split.main")],
    )  # fmt: skip
    case(
        name="javac-missing-return-statement-tier-of-points",
        tool="javac", category="compile", ci=next(cis), command="javac -d out src/acme/*.java", repo="loyalty",
        files={"src/acme/Tier.java": _TIER_JAVA, "src/acme/Main.java": _MAIN_JAVA}, tty=False,
        keys=["missing return statement"],
        cause=[has("missing return statement"), has("1 error")],
    )  # fmt: skip
    case(
        name="sqlite3-bail-foreign-key-constraint-failed-order-12-customer-7",
        tool="sqlite3", category="runtime", ci=next(cis), command="sqlite3 -bail dev.db < db/seed.sql",
        repo="shop3", files={"db/seed.sql": _SEED_SQL}, tty=False,
        keys=["FOREIGN KEY constraint failed"],
        cause=[has("FOREIGN KEY constraint failed")],
    )  # fmt: skip
    case(
        name="jq-parse-error-invalid-literal-unquoted-region-targets",
        tool="jq", category="config", ci=next(cis), command="jq -r '.targets[].name' deploy/targets.json",
        repo="deploy2", files={"deploy/targets.json": _TARGETS_JSON}, tty=False,
        keys=["parse error"],
        cause=[has("parse error")],
    )  # fmt: skip
    case(
        name="dash-bad-substitution-bash-pattern-replace-release-script",
        tool="sh", category="config", ci=next(cis), command="sh scripts/release.sh", repo="cli",
        files={"scripts/release.sh": _RELEASE_SH, "VERSION": "4.2.1\n"}, tty=False,
        keys=["Bad substitution"],
        cause=[has("Bad substitution")],
    )  # fmt: skip
    case(
        name="ruby-bundler-setup-rubyversionmismatch-gemfile-3-3-0-running-3-1-2",
        tool="ruby", category="dependency", ci=next(cis), command="ruby bin/worker.rb", repo="jobs",
        files={"Gemfile": _GEMFILE, "bin/worker.rb": _WORKER_RB}, tty=False,
        keys=["Your Ruby version is 3.1.2, but your Gemfile specified 3.3.0", "Bundler::RubyVersionMismatch"],
        cause=[has("Bundler::RubyVersionMismatch"), has("from bin/worker.rb:1")],
    )  # fmt: skip
    case(
        name="unittest-assertsequenceequal-release-steps-build-before-test-publish-order",
        tool="unittest", category="test", ci=next(cis), command="python -m unittest discover -v", repo="ci-steps",
        files={"pipeline.py": _PIPE_PY, "test_pipeline.py": _PIPE_TEST}, tty=False,
        keys=["test_release_order", "First differing element 5"],
        cause=[has("FAIL: test_release_order"), has('test_pipeline.py", line'), has("self.assertSequenceEqual("),
               has("AssertionError: Sequences differ"), has("First differing element 5"), after("First differing element 5", 2), has("FAILED (failures=1)"),
               has("test_release_order (test_pipeline")],
    )  # fmt: skip
    case(
        name="pytest-fixture-params-redis-backend-one-of-15-case-sensitive-key",
        tool="pytest", category="test", ci=next(cis), command="python -m pytest -q -p no:cacheprovider",
        repo="kvstore", files={"tests/test_store.py": _BACKENDS_TEST},
        keys=["test_case_sensitive_keys[redis]", "assert None == 'x'"],
        cause=[has(r"^>\s+assert store.get", True), has("E       AssertionError"), has("assert None =="),
               has("tests/test_store.py:28"), has("FAILED tests/test_store.py")],
    )  # fmt: skip
    case(
        name="go-test-fatalf-digest-16-bytes-want-32-hex",
        tool="go", category="test", ci=next(cis), command="go test -v ./...", repo="widgets4",
        files={"go.mod": _GOMOD, "digest.go": _SUM_GO, "digest_test.go": _SUM_TEST}, tty=False,
        keys=["TestDigest", "has 16 bytes, want 32"],
        cause=[has("--- FAIL: TestDigest"), has("has 16 bytes, want 32"), has(r"^\s+got\s+", True),
               has(r"^\s+want\s+[0-9a-f]", True), has("FAIL\texample.com/widgets")],
    )  # fmt: skip
