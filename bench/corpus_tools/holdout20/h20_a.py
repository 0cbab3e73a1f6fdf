"""Config, test and compile cases for the twenty-first held-out corpus (Node 20, Java 17, Go 1.19,
git, bash, pip, pytest, Ruby 3.1 minitest, C, cargo, gcc 12, rustc, javac 17)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# ---------------------------------------------------------------- config
_NODE_PKG_BAD = """{
  "name": "@acme/icons",
  "version": "2.3.0",
  "type": "module",
  "exports": {
    ".": "./index.js",
  }
}
"""
_NODE_BUILD = """import { readdir } from "node:fs/promises";
console.log("sprites: scanning assets/");
const files = await readdir("assets");
console.log(`sprites: ${files.length} svg files`);
const { icons } = await import("@acme/icons");
console.log(`sprites: ${Object.keys(icons).length} icons registered`);
"""

_JRE_SRC = """import java.io.FileReader;
import java.util.Properties;
import java.util.regex.Pattern;

public class Router {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (FileReader r = new FileReader("config/routes.properties")) {
            p.load(r);
        }
        System.out.println("router: " + p.size() + " routes in config/routes.properties");
        for (String name : new java.util.TreeSet<>(p.stringPropertyNames())) {
            Pattern pat = Pattern.compile(p.getProperty(name));
            System.out.println("router: " + name + " -> " + pat.pattern());
        }
    }
}
"""
_JRE_PROPS = """# route name = path regex
route.health=^/healthz$
route.orders=^/api/v1/orders/[0-9]+$
route.search=^/api/v1/search$
route.static=^/static/[a-z0-9_-+/.]+$
route.users=^/api/v1/users/[a-f0-9]{24}$
"""
_JRE_SH = """#!/usr/bin/env bash
set -euo pipefail
mkdir -p out
javac -d out src/Router.java
echo "compiled Router"
java -cp out Router
"""

_DUR_GO = '''package main

import (
	"fmt"
	"log"
	"os"
	"time"
)

func mustDuration(key, def string) time.Duration {
	v := os.Getenv(key)
	if v == "" {
		v = def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		log.Fatalf("config: %s: %v", key, err)
	}
	return d
}

func main() {
	log.SetFlags(0)
	poll := mustDuration("SYNC_POLL_INTERVAL", "30s")
	fmt.Println("sync: poll interval", poll)
	ttl := mustDuration("SYNC_LOCK_TTL", "2m")
	fmt.Println("sync: lock ttl", ttl)
	grace := mustDuration("SYNC_SHUTDOWN_GRACE", "10s")
	fmt.Println("sync: shutdown grace", grace)
}
'''

_GITCONF = """[user]
\tname = CI Bot
\temail = ci@acme.test
[core]
\tautocrlf = input
\tcompression = fast
[init]
\tdefaultBranch = main
"""
_GIT_SH = """#!/usr/bin/env bash
set -euo pipefail
export GIT_CONFIG_GLOBAL="$PWD/ci/gitconfig"
echo "snapshot: $(git --version)"
mkdir -p snapshot && cp -r site snapshot/
cd snapshot
git init -q
echo "snapshot: staging $(find site -type f | wc -l) files"
git add site
git commit -q -m "site snapshot"
"""

_ENV_FILE = """# deploy settings, sourced by ci/deploy.sh
APP_NAME=storefront
APP_REGION=eu-west-1
REPLICAS=3
HEALTH_PATH=/healthz
SUPPORT_HOURS=Mon-Fri (09:00-17:00 CET)
LOG_LEVEL=info
"""
_ENV_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "deploy: loading deploy/production.env"
set -a
source deploy/production.env
set +a
echo "deploy: $APP_NAME to $APP_REGION with $REPLICAS replicas"
"""

_PIP_CONF = """[global]
index-url = https://pypi.internal.acme.test/simple
timeout = thirty
retries = 2
"""

# ---------------------------------------------------------------- test
_MANIFEST_PY = '''def build_manifest(files, version):
    entries = {}
    for f in sorted(files):
        kind = "css" if f.endswith(".css") else "js" if f.endswith(".js") else "asset"
        entries[f] = {"kind": kind, "cache": "immutable" if kind != "asset" else "short"}
    return {"version": version, "entries": entries, "count": len(entries)}
'''
_MANIFEST_TEST = '''import json
from pathlib import Path

import pytest

from app.manifest import build_manifest

FILES = ["app.js", "app.css", "logo.svg", "vendor.js"]


@pytest.mark.parametrize("n", range(24))
def test_count(n):
    assert build_manifest(FILES[: n % 5], "1.0")["count"] == len(FILES[: n % 5])


def test_manifest_matches_golden():
    golden = json.loads(Path("tests/golden/manifest.json").read_text())
    assert build_manifest(FILES, "4.2.0") == golden


def test_version_passthrough():
    assert build_manifest([], "9.9.9")["version"] == "9.9.9"
'''
_MANIFEST_GOLDEN = """{
  "version": "4.2.0",
  "count": 4,
  "entries": {
    "app.css": {"kind": "css", "cache": "immutable"},
    "app.js": {"kind": "js", "cache": "immutable"},
    "logo.svg": {"kind": "asset", "cache": "immutable"},
    "vendor.js": {"kind": "js", "cache": "immutable"}
  }
}
"""

_MOCK_SRC = '''export async function notifyAll(users, send) {
  let sent = 0;
  for (const u of users) {
    if (!u.email) continue;
    if (u.optedOut) continue;
    await send(u.email, "weekly digest");
    sent++;
  }
  return sent;
}
'''
_MOCK_TEST = '''import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { notifyAll } from "../src/notify.js";

const users = [
  { email: "a@acme.test" },
  { email: "b@acme.test", optedOut: true },
  { email: "" },
  { email: "c@acme.test", suspended: true },
  { email: "d@acme.test" },
];

test("returns the number sent", async () => {
  const send = mock.fn(async () => {});
  assert.equal(await notifyAll(users.slice(0, 1), send), 1);
});

test("skips opted-out and suspended users", async () => {
  const send = mock.fn(async () => {});
  await notifyAll(users, send);
  assert.equal(send.mock.callCount(), 2);
});

test("no users, no sends", async () => {
  const send = mock.fn(async () => {});
  assert.equal(await notifyAll([], send), 0);
});
'''

_SETENV_GO = '''package config

import "os"

func Region() string {
	if r := os.Getenv("APP_REGION"); r != "" {
		return r
	}
	return "eu-west-1"
}
'''
_SETENV_TEST = '''package config

import "testing"

func TestDefaultRegion(t *testing.T) {
	t.Parallel()
	if got := Region(); got != "eu-west-1" {
		t.Errorf("Region() = %q", got)
	}
}

func TestRegionFromEnv(t *testing.T) {
	t.Parallel()
	t.Setenv("APP_REGION", "us-east-2")
	if got := Region(); got != "us-east-2" {
		t.Errorf("Region() = %q", got)
	}
}
'''
_SETENV_OTHER = '''package config

import "testing"

func TestRegionNotEmpty(t *testing.T) {
	if Region() == "" {
		t.Fatal("empty region")
	}
}
'''

_MT_MAILER = '''class Reminder
  def initialize(mailer)
    @mailer = mailer
  end

  def run(invoices)
    invoices.each do |inv|
      next if inv[:paid]
      @mailer.deliver(inv[:email], "Invoice #{inv[:id]} is overdue")
    end
  end
end
'''
_MT_TEST = '''require "minitest/autorun"
require "minitest/mock"
require_relative "../lib/reminder"

class ReminderTest < Minitest::Test
  def test_skips_paid
    mailer = Minitest::Mock.new
    Reminder.new(mailer).run([{ id: 1, email: "a@x.test", paid: true }])
    mailer.verify
  end

  def test_sends_overdue_notice
    mailer = Minitest::Mock.new
    mailer.expect(:deliver, true, ["b@x.test", "Invoice 2 is overdue (14 days)"])
    Reminder.new(mailer).run([{ id: 2, email: "b@x.test", paid: false, days: 14 }])
    mailer.verify
  end

  def test_empty
    mailer = Minitest::Mock.new
    Reminder.new(mailer).run([])
    mailer.verify
  end
end
'''

_JA_SRC = """import java.util.*;

public class SplitterTest {
    static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    static void check(String name, Runnable r) {
        System.out.println("RUN  " + name);
        r.run();
        System.out.println("PASS " + name);
    }

    public static void main(String[] args) {
        check("splitsSimple", () -> { assert split("a,b").size() == 2; });
        check("trims", () -> { assert split(" a , b ").get(0).equals("a"); });
        check("keepsEmptyMiddleField", () -> {
            List<String> got = split("a,,c");
            assert got.size() == 3 : "expected 3 fields but got " + got.size() + " " + got;
        });
        check("emptyInput", () -> { assert split("").isEmpty(); });
        System.out.println("ALL PASSED");
    }
}
"""
_JA_SH = """#!/usr/bin/env bash
set -euo pipefail
mkdir -p out
javac -d out test/SplitterTest.java
java -ea -cp out SplitterTest
"""

_CT_RING = r'''#include <string.h>
#include "ring.h"
void rb_init(rb_t *r) { memset(r, 0, sizeof *r); }
int rb_push(rb_t *r, int v) { if (r->n == RB_CAP) return -1; r->buf[(r->h + r->n) % RB_CAP] = v; r->n++; return 0; }
int rb_pop(rb_t *r, int *v) { if (!r->n) return -1; *v = r->buf[r->h]; r->h = (r->h + 1) % RB_CAP; r->n--; return 0; }
int rb_len(const rb_t *r) { return r->n; }
int rb_free(const rb_t *r) { return RB_CAP - r->n - 1; }
'''
_CT_H = "#define RB_CAP 8\ntypedef struct { int buf[RB_CAP]; int h, n; } rb_t;\nvoid rb_init(rb_t *);\nint rb_push(rb_t *, int);\nint rb_pop(rb_t *, int *);\nint rb_len(const rb_t *);\nint rb_free(const rb_t *);\n"
_CT_TEST = r'''#include <stdio.h>
#include "ring.h"
static int failed, run;
#define CHECK_EQ(a, b) do { long _a = (a), _b = (b); if (_a != _b) { \
  printf("    %s:%d: CHECK_EQ(%s, %s) failed: %ld != %ld\n", __FILE__, __LINE__, #a, #b, _a, _b); ok = 0; } } while (0)
#define TEST(fn) static void fn(int *okp)
#define RUN(fn) do { int ok = 1; run++; fn(&ok); printf("%s %s\n", ok ? "[ OK ]" : "[FAIL]", #fn); if (!ok) failed++; } while (0)

TEST(test_empty) { int ok = 1; rb_t r; rb_init(&r); CHECK_EQ(rb_len(&r), 0); *okp = ok; }
TEST(test_push_pop) { int ok = 1, v; rb_t r; rb_init(&r); rb_push(&r, 7); rb_pop(&r, &v); CHECK_EQ(v, 7); *okp = ok; }
TEST(test_fifo) { int ok = 1, v; rb_t r; rb_init(&r); rb_push(&r, 1); rb_push(&r, 2); rb_pop(&r, &v); CHECK_EQ(v, 1); *okp = ok; }
TEST(test_full) { int ok = 1; rb_t r; rb_init(&r); for (int i = 0; i < 8; i++) rb_push(&r, i); CHECK_EQ(rb_push(&r, 9), -1); *okp = ok; }
TEST(test_wrap) { int ok = 1, v; rb_t r; rb_init(&r); for (int i = 0; i < 12; i++) { rb_push(&r, i); rb_pop(&r, &v); } CHECK_EQ(v, 11); *okp = ok; }
TEST(test_free_empty) { int ok = 1; rb_t r; rb_init(&r); CHECK_EQ(rb_free(&r), 8); *okp = ok; }
TEST(test_free_after_push) { int ok = 1; rb_t r; rb_init(&r); rb_push(&r, 1); rb_push(&r, 2); CHECK_EQ(rb_free(&r), 6); *okp = ok; }
TEST(test_pop_empty) { int ok = 1, v; rb_t r; rb_init(&r); CHECK_EQ(rb_pop(&r, &v), -1); *okp = ok; }
TEST(test_len_after_wrap) { int ok = 1, v; rb_t r; rb_init(&r); for (int i = 0; i < 10; i++) rb_push(&r, i); rb_pop(&r, &v); CHECK_EQ(rb_len(&r), 7); *okp = ok; }

int main(void) {
  RUN(test_empty); RUN(test_push_pop); RUN(test_fifo); RUN(test_full); RUN(test_wrap);
  RUN(test_free_empty); RUN(test_free_after_push); RUN(test_pop_empty); RUN(test_len_after_wrap);
  printf("%d of %d tests failed\n", failed, run);
  return failed ? 1 : 0;
}
'''
_CT_MAKE = """CFLAGS = -O1 -Wall -std=c11
.PHONY: check
check: build/test_ring
\t./build/test_ring
build/test_ring: tests/test_ring.c src/ring.c src/ring.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -Isrc -o $@ tests/test_ring.c src/ring.c
"""

_RS_CLI_LIB = '''pub fn render_table(rows: &[(&str, u32)]) -> String {
    let mut out = String::from("name      count\\n");
    for (name, count) in rows {
        out.push_str(&format!("{:<9} {}\\n", name, count));
    }
    out
}
'''
_RS_CLI_TEST = '''use report::render_table;

#[test]
fn renders_header_only() {
    assert_eq!(render_table(&[]), "name      count\\n");
}

#[test]
fn renders_aligned_rows() {
    let got = render_table(&[("alpha", 3), ("beta", 12), ("gamma", 7)]);
    let want = "name      count\\nalpha         3\\nbeta         12\\ngamma         7\\n";
    assert_eq!(got, want);
}
'''

# ---------------------------------------------------------------- compile
_GO_PTR_TYPES = '''package billing

type Invoice struct {
	ID    string
	Cents int64
}

func Total(invs []Invoice) int64 {
	var t int64
	for _, i := range invs {
		t += i.Cents
	}
	return t
}

func Archive(inv Invoice) string { return "archived " + inv.ID }
'''
_GO_PTR_MAIN = '''package main

import (
	"fmt"

	"example.com/billing/billing"
)

func load() *billing.Invoice { return &billing.Invoice{ID: "INV-1", Cents: 1200} }

func main() {
	inv := load()
	fmt.Println(billing.Total([]billing.Invoice{*inv}))
	fmt.Println(billing.Archive(inv))
}
'''

_C_SEMI = r'''#include <stdio.h>
#include <string.h>
#include "cfg.h"

int cfg_parse_line(struct cfg *c, const char *line) {
    char key[64], val[192];
    if (sscanf(line, " %63[^=]=%191[^\n]", key, val) != 2)
        return -1;
    if (strcmp(key, "port") == 0)
        c->port = atoi(val)
    else if (strcmp(key, "host") == 0)
        snprintf(c->host, sizeof c->host, "%s", val);
    return 0;
}
'''
_C_CFG_H = "struct cfg { int port; char host[128]; };\nint cfg_parse_line(struct cfg *c, const char *line);\n"
_C_SEMI_MAKE = """CC = gcc
CFLAGS = -O2 -Wall -Wextra
OBJS = build/main.o build/cfg.o build/log.o
all: build/cfgd
build/cfgd: $(OBJS)
\t$(CC) -o $@ $(OBJS)
build/%.o: src/%.c
\t@mkdir -p build
\t$(CC) $(CFLAGS) -Isrc -c $< -o $@
"""

_RS_IMM = '''fn checksum(data: &[u8]) -> u32 {
    let sum = 0u32;
    for b in data {
        sum = sum.wrapping_mul(31).wrapping_add(*b as u32);
    }
    sum
}

fn main() {
    let unused_buffer = vec![0u8; 16];
    println!("{:08x}", checksum(b"release-7.2.0"));
}
'''

_J_STATIC = """package com.acme.stock;

import java.util.HashMap;
import java.util.Map;

public class Restock {
    private final Map<String, Integer> levels = new HashMap<>();

    int reorderPoint(String sku) {
        return levels.getOrDefault(sku, 0) < 10 ? 50 : 0;
    }

    public static void main(String[] args) {
        for (String sku : args) {
            System.out.println(sku + " " + reorderPoint(sku));
        }
    }
}
"""
_J_STATIC_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "build: javac $(javac -version 2>&1 | cut -d' ' -f2)"
mkdir -p out
for pkg in src/com/acme/stock; do echo "build: $pkg ($(ls $pkg | wc -l) files)"; done
javac -Xlint:unchecked -d out $(find src -name '*.java')
"""


def register(case):
    case(
        name="node-err-invalid-package-config-vendored-icons-trailing-comma",
        tool="node",
        category="config",
        repo="sprites",
        tty=False,
        command="node scripts/build-sprites.mjs",
        files={"scripts/build-sprites.mjs": _NODE_BUILD, "node_modules/@acme/icons/package.json": _NODE_PKG_BAD,
               "node_modules/@acme/icons/index.js": "export const icons = { cart: 1, user: 2 };\n",
               "assets/cart.svg": "<svg/>\n", "assets/user.svg": "<svg/>\n", "package.json": '{"name": "sprites", "private": true}\n'},
        keys=["ERR_INVALID_PACKAGE_CONFIG", "node_modules/@acme/icons/package.json"],
        cause=[has("Error [ERR_INVALID_PACKAGE_CONFIG]: Invalid package config"), has("code: 'ERR_INVALID_PACKAGE_CONFIG'")],
    )
    case(
        name="java-patternsyntaxexception-illegal-range-route-static",
        tool="java",
        category="config",
        ci="github",
        repo="router",
        tty=False,
        command="./ci/routes.sh",
        files={"ci/routes.sh": _JRE_SH, "src/Router.java": _JRE_SRC, "config/routes.properties": _JRE_PROPS},
        keys=["PatternSyntaxException", "/static/[a-z0-9_-+/.]+$"],
        cause=[has("java.util.regex.PatternSyntaxException"), has("^/static/[a-z0-9_-+/.]+$"), has("at Router.main(Router.java:")],
    )
    case(
        name="go-run-time-parseduration-unknown-unit-mins-lock-ttl",
        tool="go",
        category="config",
        repo="syncd",
        tty=False,
        command="go run ./cmd/syncd",
        env={"SYNC_POLL_INTERVAL": "45s", "SYNC_LOCK_TTL": "5mins"},
        files={"go.mod": "module example.com/syncd\n\ngo 1.19\n", "cmd/syncd/main.go": _DUR_GO},
        keys=['unknown unit "mins"', "SYNC_LOCK_TTL"],
        cause=[has("config: SYNC_LOCK_TTL")],
    )
    case(
        name="git-bad-numeric-config-value-core-compression-fast",
        tool="git",
        category="config",
        ci="travis",
        repo="site",
        tty=False,
        command="./ci/snapshot.sh",
        files={"ci/snapshot.sh": _GIT_SH, "ci/gitconfig": _GITCONF, "site/index.html": "<h1>hi</h1>\n", "site/about.html": "<p>about</p>\n"},
        keys=["bad numeric config value 'fast' for 'core.compression'"],
        cause=[has("bad numeric config value")],
    )
    case(
        name="bash-source-env-file-syntax-error-near-unexpected-token",
        tool="bash",
        category="config",
        repo="storefront-deploy",
        tty=False,
        command="./ci/deploy.sh",
        files={"ci/deploy.sh": _ENV_SH, "deploy/production.env": _ENV_FILE},
        keys=["deploy/production.env: line 6", "syntax error near unexpected token"],
        cause=[has("deploy/production.env: line 6")],
    )
    case(
        name="pip-config-file-invalid-timeout-value-thirty",
        tool="pip",
        category="config",
        ci="gitlab",
        repo="pipeline-tools",
        tty=False,
        command="pip install --no-index -r requirements.txt",
        env={"PIP_CONFIG_FILE": "ci/pip.conf"},
        files={"ci/pip.conf": _PIP_CONF, "requirements.txt": "pytest\n"},
        keys=["thirty"],
        cause=[has("thirty")],
    )
    # ---- test
    case(
        name="pytest-golden-manifest-dict-mismatch-logo-cache-after-24",
        tool="pytest",
        category="test",
        repo="assets",
        tty=False,
        command="python -m pytest -p no:cacheprovider -q tests",
        files={"app/__init__.py": "", "app/manifest.py": _MANIFEST_PY, "tests/test_manifest.py": _MANIFEST_TEST, "tests/golden/manifest.json": _MANIFEST_GOLDEN},
        keys=["test_manifest_matches_golden", "logo.svg"],
        cause=[has("_ test_manifest_matches_golden _"), has(">       assert build_manifest(FILES"), has("E       AssertionError: assert"), has("E         Differing items:"),
               has("E         {'entries'"), has("E         -             'cache': 'immutable'"), has("E         +             'cache': 'short'"), has("tests/test_manifest.py:"),
               has("FAILED tests/test_manifest.py::test_manifest_matches_golden")],
    )
    case(
        name="node-test-mock-fn-call-count-3-not-2-suspended-users",
        tool="node --test",
        category="test",
        repo="digest",
        tty=False,
        command="node --test test/",
        files={"package.json": '{"name": "digest", "type": "module"}\n', "src/notify.js": _MOCK_SRC, "test/notify.test.js": _MOCK_TEST},
        keys=["skips opted-out and suspended users", "3 !== 2"],
        cause=[has("not ok 2 - skips opted-out and suspended users"), has("3 !== 2"), has("notify.test.js:21")],
    )
    case(
        name="go-test-setenv-after-parallel-panic-region-from-env",
        tool="go test",
        category="test",
        ci="github",
        repo="regions",
        tty=False,
        command="go test -count=1 ./...",
        files={"go.mod": "module example.com/regions\n\ngo 1.19\n", "config/config.go": _SETENV_GO, "config/config_test.go": _SETENV_TEST,
               "config/extra_test.go": _SETENV_OTHER},
        keys=["TestRegionFromEnv", "t.Setenv"],
        cause=[has("--- FAIL: TestRegionFromEnv"), has("panic: testing: t.Setenv called after t.Parallel"), has("config_test.go:14"),
               has("FAIL\texample.com/regions/config")],
    )
    case(
        name="minitest-mock-expectationerror-deliver-unexpected-arguments",
        tool="minitest",
        category="test",
        repo="billing-reminders",
        tty=False,
        command="ruby -Ilib test/reminder_test.rb --seed 2020",
        files={"lib/reminder.rb": _MT_MAILER, "test/reminder_test.rb": _MT_TEST},
        keys=["test_sends_overdue_notice", "MockExpectationError"],
        cause=[has("ReminderTest#test_sends_overdue_notice"), has("MockExpectationError"), has("lib/reminder.rb:9"), has("3 runs")],
    )
    case(
        name="java-ea-assertionerror-keeps-empty-middle-field",
        tool="java",
        category="test",
        ci="travis",
        repo="csvkit",
        tty=False,
        command="./ci/test.sh",
        files={"ci/test.sh": _JA_SH, "test/SplitterTest.java": _JA_SRC},
        keys=["keepsEmptyMiddleField", "expected 3 fields but got 2"],
        cause=[has("RUN  keepsEmptyMiddleField"), has("java.lang.AssertionError: expected 3 fields but got 2"), has("SplitterTest.java:21")],
    )
    case(
        name="c-make-check-handrolled-two-failed-of-nine-rb-free",
        tool="make",
        category="test",
        repo="ringbuf",
        tty=False,
        command="make check",
        files={"Makefile": _CT_MAKE, "src/ring.c": _CT_RING, "src/ring.h": _CT_H, "tests/test_ring.c": _CT_TEST},
        keys=["test_free_empty", "2 of 9 tests failed"],
        cause=[has("CHECK_EQ(rb_free"), has("[FAIL]"), has("2 of 9 tests failed")],
    )
    case(
        name="cargo-test-integration-render-table-multiline-string-mismatch",
        tool="cargo",
        category="test",
        ci="gitlab",
        repo="report",
        tty=False,
        command="cargo test --offline --target-dir /work/scratch/h20/report-target",
        setup="rm -rf /work/scratch/h20/report-target",
        files={"Cargo.toml": '[package]\nname = "report"\nversion = "0.5.0"\nedition = "2021"\n', "src/lib.rs": _RS_CLI_LIB, "tests/table.rs": _RS_CLI_TEST},
        keys=["renders_aligned_rows", "assertion `left == right` failed"],
        cause=[has("---- renders_aligned_rows stdout ----"), has("panicked at tests/table.rs"), has("assertion `left == right` failed"),
               has("  left:"), has(" right:"), has("test result: FAILED")],
    )
    # ---- compile
    case(
        name="go-build-cannot-use-pointer-invoice-as-value-archive",
        tool="go",
        category="compile",
        repo="billing",
        tty=False,
        command="go build ./... && go test ./...",
        files={"go.mod": "module example.com/billing\n\ngo 1.19\n", "billing/billing.go": _GO_PTR_TYPES, "cmd/archive/main.go": _GO_PTR_MAIN},
        keys=["cannot use inv (variable of type *billing.Invoice) as type billing.Invoice"],
        cause=[has("cmd/archive/main.go:14")],
    )
    case(
        name="gcc-make-expected-semicolon-before-else-cfg-parse",
        tool="gcc",
        category="compile",
        repo="cfgd",
        tty=False,
        command="make",
        files={"Makefile": _C_SEMI_MAKE, "src/cfg.c": _C_SEMI, "src/cfg.h": _C_CFG_H,
               "src/main.c": '#include <stdio.h>\n#include "cfg.h"\nint main(void){struct cfg c={0};cfg_parse_line(&c,"port=80");printf("%d\\n",c.port);return 0;}\n',
               "src/log.c": "#include <stdio.h>\nvoid log_line(const char *s){fprintf(stderr, \"%s\\n\", s);}\n"},
        keys=["expected ‘;’ before ‘else’"],
        cause=[has("src/cfg.c: In function"), has("error: expected ‘;’ before ‘else’")],
    )
    case(
        name="rustc-e0384-cannot-assign-twice-to-immutable-sum",
        tool="cargo",
        category="compile",
        ci="github",
        repo="checksum",
        tty=False,
        command="cargo build --offline --target-dir /work/scratch/h20/checksum-target",
        setup="rm -rf /work/scratch/h20/checksum-target",
        files={"Cargo.toml": '[package]\nname = "checksum"\nversion = "1.0.0"\nedition = "2021"\n', "src/main.rs": _RS_IMM},
        keys=["E0384", "cannot assign twice to immutable variable `sum`"],
        cause=[has("error[E0384]"), has("src/main.rs:4"), has("error: could not compile")],
    )
    case(
        name="javac-non-static-method-reorderpoint-from-static-context",
        tool="javac",
        category="compile",
        repo="stock",
        tty=False,
        command="./ci/build.sh",
        files={"ci/build.sh": _J_STATIC_SH, "src/com/acme/stock/Restock.java": _J_STATIC},
        keys=["non-static method reorderPoint(String) cannot be referenced from a static context"],
        cause=[has("Restock.java:15: error"), has("reorderPoint(sku));"), has("1 error")],
    )
