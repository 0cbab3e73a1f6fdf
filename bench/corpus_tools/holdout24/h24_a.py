"""Cases for the twenty-fifth held-out corpus: Python (venv with pytest), Node 20, Go, Ruby with
rspec, PHP 8.2, gcc with make, Java 17, bash and coreutils sort."""

from holdout_cases import after, first, has, last, span  # noqa: F401

CIS = ["buildkite"] * 20 + ["github"] * 5 + ["travis"] * 4 + ["gitlab"] * 4 + ["buildkite"] * 2 + ["travis"]
_CI_ORDER = [0, 1, 25, 20, 2, 3, 29, 4, 21, 5, 6, 26, 7, 8, 30, 9, 22, 10, 11, 27, 12, 13, 31, 14, 23, 15, 16, 28,
             17, 24, 18, 32, 19, 33, 35, 34]  # fmt: skip

# -- Python -------------------------------------------------------------------------------------


def _smoke_tests() -> str:
    out = ["import pytest", ""]
    for i in range(30):
        out += ["@pytest.mark.slow" if i % 3 else "@pytest.mark.integration", f"def test_case_{i:02d}():",
                f"    assert {i} + 1 == {i + 1}", ""]  # fmt: skip
    return "\n".join(out)


_ROLES_PY = '''ROLE_PERMS = {
    "viewer": {"read"},
    "editor": {"read", "write"},
    "admin": {"read", "write", "delete", "invite"},
}


def permissions(roles):
    out = set()
    for r in roles:
        out |= ROLE_PERMS[r]
    return out | {"export"}
'''


def _roles_tests() -> str:
    out = ["from app.roles import permissions", ""]
    for i, r in enumerate(["viewer", "editor", "admin"] * 6):
        out += [f"def test_has_read_{i:02d}():", f'    assert "read" in permissions(["{r}"])', ""]
    out += ["def test_admin_exact():",
            '    assert permissions(["admin"]) == {"read", "write", "delete", "invite"}', ""]  # fmt: skip
    return "\n".join(out)


_TENANT_PY = '''import os
import uuid

print("tenants: seeding demo tenants", flush=True)
for name in ("acme", "globex", "initech"):
    key = f"TENANT_{name.upper()}_ID"
    tid = uuid.UUID(os.environ[key])
    print(f"tenants: {name} -> {tid}", flush=True)
'''

_SIGN_PY = '''import base64
import hashlib
import hmac
import os

print("sign: signing release manifest", flush=True)
key = base64.b64decode(os.environ["RELEASE_SIGNING_KEY"])
sig = hmac.new(key, open("manifest.json", "rb").read(), hashlib.sha256).hexdigest()
print("sign:", sig)
'''

_CFG_PY = '''import configparser

print("lint-config: reading tox.ini and setup.cfg", flush=True)
for f in ("tox.ini", "setup.cfg"):
    cp = configparser.ConfigParser()
    cp.read(f)
    print(f"lint-config: {f}: {len(cp.sections())} sections", flush=True)
'''

_PLUGINS_PY = '''import sys
import tarfile

print("plugins: installing bundle", sys.argv[1], flush=True)
with tarfile.open(sys.argv[1]) as tf:
    for m in tf.getmembers():
        print(f"plugins:   {m.name}", flush=True)
    tf.extractall("plugins/", filter="data")
print("plugins: done")
'''
_MKTAR = ("import io, tarfile\nt = tarfile.open('dist/plugins.tar', 'w')\n"
          "for n in ('plugins/a/plugin.py', 'plugins/b/plugin.py', '../../etc/cron.d/acme'):\n"
          "    d = b'x = 1\\n'\n    i = tarfile.TarInfo(n)\n    i.size = len(d)\n    t.addfile(i, io.BytesIO(d))\n"
          "t.close()\n")  # fmt: skip

_COPY_PY = '''import os
import shutil

print("collectstatic: copying app assets", flush=True)
for app in ("core", "billing"):
    src = os.path.join("apps", app, "static")
    print(f"collectstatic: {src} -> dist/static", flush=True)
    shutil.copytree(src, "dist/static")
'''

_DEPLOY_CLI = '''import argparse

p = argparse.ArgumentParser(prog="deploy")
p.add_argument("--env", choices=["dev", "staging", "production"], required=True)
p.add_argument("--version", required=True)
a = p.parse_args()
print("deploy", a.env, a.version)
'''

_SHIP_TEST = '''import unittest

from shipping import rates


class RatesTest(unittest.TestCase):
    def test_zones(self):
        self.assertEqual(len(rates()), 4)

    def test_table(self):
        self.assertDictEqual(rates(), {"domestic": 4.5, "eu": 9.0, "world": 19.0, "express": 25.0})

    def test_positive(self):
        self.assertTrue(all(v > 0 for v in rates().values()))
'''
_SHIP_PY = '''def rates():
    return {"domestic": 4.5, "eu": 9.0, "row": 19.0, "express": 25.0}
'''

_PUSH_PY = '''import http.client
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()


def serve():
    while True:
        c, _ = srv.accept()
        c.recv(4096)
        c.close()


threading.Thread(target=serve, daemon=True).start()
port = srv.getsockname()[1]
print(f"metrics: pushing 41 series to pushgateway 127.0.0.1:{port}", flush=True)
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
conn.request("POST", "/metrics/job/ci", body=b"build_seconds 42\\n")
resp = conn.getresponse()
print("metrics:", resp.status)
'''

_THREADS_PY = '''import threading
import time

print("crawl: starting 64 fetcher threads", flush=True)
threads = []
for i in range(64):
    t = threading.Thread(target=time.sleep, args=(2,), name=f"fetch-{i}")
    t.start()
    threads.append(t)
    if i % 8 == 0:
        print(f"crawl: {i + 1} threads up", flush=True)
for t in threads:
    t.join()
'''

_FMT_PKG = {
    "libs/acme-fmt/pyproject.toml": '[project]\nname = "acme-fmt"\nversion = "2.0.0"\n',
    "libs/acme-fmt/acme_fmt/__init__.py": '"""acme-fmt 2.0: parse_money moved to acme_fmt.money.parse."""\n\n'
    "def format_money(cents):\n    return f'{cents / 100:.2f}'\n",
}
_INVOICE_PY = '''from acme_fmt import format_money, parse_money

print(format_money(parse_money("12.50")))
'''

# -- Node ---------------------------------------------------------------------------------------

_MANIFEST_JS = '''const fs = require("fs");
console.log("build: reading asset manifests");
for (const f of ["dist/manifest.json", "dist/ssr-manifest.json"]) {
  const m = JSON.parse(fs.readFileSync(f, "utf8"));
  console.log(`build: ${f}: ${Object.keys(m).length} entries`);
}
'''
_HDR_JS = '''const fs = require("fs");
const buf = fs.readFileSync("data/tiles.idx");
console.log(`tiles: index ${buf.length} bytes`);
const magic = buf.toString("ascii", 0, 4);
console.log(`tiles: magic ${magic}`);
const count = buf.readUInt32BE(4);
const offset = buf.readUInt32BE(8);
console.log(count, offset);
'''
_TLA_MJS = '''console.log("seed: connecting to queue");
const ready = new Promise(() => {});
console.log("seed: waiting for queue ready event");
await ready;
console.log("seed: queue ready");
'''
_EXEC_JS = '''const { execSync } = require("child_process");
console.log("sync: mirroring upstream tags");
for (const remote of ["origin", "upstream"]) {
  console.log(`sync: fetching ${remote} (timeout 2000 ms)`);
  execSync(remote === "upstream" ? "sleep 10" : "true", { timeout: 2000, stdio: "inherit" });
  console.log(`sync: ${remote} done`);
}
'''
_ABORT_JS = '''const jobs = [{ id: 1, payload: { to: "a@b.test" } }, { id: 2 }];
for (const j of jobs) {
  console.log(`mailer: job ${j.id}`);
  console.log(`mailer: sending to ${j.payload.to}`);
}
'''

# -- Go -----------------------------------------------------------------------------------------

_GOMOD = "module example.com/svc\n\ngo 1.19\n"
_URLPARSE = '''package main

import (
	"log"
	"net/url"
	"os"
)

func main() {
	log.SetFlags(0)
	log.Println("migrate: parsing DATABASE_URL")
	u, err := url.Parse(os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("migrate: %v", err)
	}
	log.Println("migrate: host", u.Host)
}
'''
_LOSTCANCEL = '''package svc

import (
	"context"
	"time"
)

func Ping(parent context.Context, do func(context.Context) error) error {
	ctx, _ := context.WithTimeout(parent, 2*time.Second)
	return do(ctx)
}
'''
_ARGS_GO = '''package svc

func Render(name string, width int) string {
	return name
}

func Page() string {
	return Render("home", 80, true)
}
'''
_SLICE_GO = '''package svc

import "strings"

func Tags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
'''
_SLICE_TEST = '''package svc

import (
	"reflect"
	"testing"
)

func TestTags(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"a,b", []string{"a", "b"}},
		{" x , y ", []string{"x", "y"}},
		{"", []string{}},
	}
	for _, c := range cases {
		if got := Tags(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tags(%q) = %#v, want %#v", c.in, got, c.want)
		}
	}
}
'''
_READTO = '''package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		for {
			c, _ := ln.Accept()
			defer c.Close()
		}
	}()
	fmt.Println("cache: connecting to redis at", ln.Addr())
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	c.SetReadDeadline(time.Now().Add(1500 * time.Millisecond))
	fmt.Fprintf(c, "PING\\r\\n")
	if _, err := bufio.NewReader(c).ReadString('\\n'); err != nil {
		fmt.Fprintln(os.Stderr, "cache: PING failed:", err)
		os.Exit(1)
	}
}
'''

# -- Ruby ---------------------------------------------------------------------------------------

_RATING_RB = '''products = { "A-1" => [5, 4, 4], "B-2" => [3], "C-3" => [] }
puts "ratings: #{products.size} products"
products.each do |sku, stars|
  avg = stars.sum / stars.size
  puts "ratings: #{sku} #{avg}"
end
'''
_INVOICE_RB = '''class Invoice
  def initialize(lines) = @lines = lines
  def subtotal = @lines.sum { |l| l[:qty] * l[:price] }
  def tax = (subtotal * 0.2).round(2)
  def total = subtotal + tax.floor
end
'''


def _invoice_spec() -> str:
    out = ['require_relative "../lib/invoice"', "", "RSpec.describe Invoice do"]
    for i in range(10):
        out += [f"  it 'sums line {i}' do", f"    expect(Invoice.new([{{qty: 1, price: {i}}}]).subtotal).to eq({i})",
                "  end"]  # fmt: skip
    out += [
        "  it 'computes totals', :aggregate_failures do",
        "    inv = Invoice.new([{qty: 3, price: 9.99}])",
        "    expect(inv.tax).to eq(6.0)",
        "    expect(inv.total).to eq(35.96)",
        "  end",
        "end",
        "",
    ]
    return "\n".join(out)


_ENC_RB = '''names = File.binread("data/customers.txt").lines.map(&:chomp)
report = +"Customers report \\u2014 #{names.size} rows\\n"
names.each_with_index do |n, i|
  puts "report: row #{i + 1}"
  report << n << "\\n"
end
puts report
'''

# -- PHP / C / Java / shell ---------------------------------------------------------------------

_CONST_PHP = '''<?php
echo "boot: php " . PHP_VERSION . "\\n";
define("APP_NAME", "widgets");
echo "boot: app " . APP_NAME . "\\n";
if (APP_ENV === "production") {
    echo "boot: production mode\\n";
}
'''
_FMT_C = '''#include <stdio.h>

int main(void) {
    long bytes = 123456789L;
    int files = 42;
    printf("archived %d files, %d bytes\\n", files, bytes);
    return 0;
}
'''
_FMT_MK = "CFLAGS = -Wall -Werror -O2\n\nall: archiver\n\narchiver: archiver.c\n\t$(CC) $(CFLAGS) -o $@ $<\n"
_LEVEL_JAVA = '''import java.util.Map;

public class Logs {
    enum Level { DEBUG, INFO, WARN, ERROR }

    public static void main(String[] args) {
        String raw = System.getenv().getOrDefault("LOG_LEVEL", "INFO");
        System.out.println("logs: LOG_LEVEL=" + raw);
        Level l = Level.valueOf(raw);
        System.out.println("logs: level " + l + " " + Map.of("ok", true));
    }
}
'''
_SHAPE_JAVA = '''package geo;

public abstract class Shape {
    public abstract double area();
}
'''
_APP_JAVA = '''package geo;

public class App {
    public static void main(String[] args) {
        Shape s = new Shape();
        System.out.println(s.area());
    }
}
'''
_BACKUP_SH = '''#!/usr/bin/env bash
set -euo pipefail
month=$(date -d 2026-08-15 +%m)
echo "backup: rotating month $month"
prev=$((month - 1))
echo "backup: previous month $prev"
'''
_ALLOW_TXT = "api.acme.test\nbilling.acme.test\ncdn.acme.test\nauth.acme.test\ndocs.acme.test\n"
_PREMK = "CC = gcc\nCFLAGS = -O2\nLDFLAGS = -lm\n\tmkdir -p build\n\nall: calc\n\ncalc: calc.c\n\t$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS)\n"


_ORDER_TEST = '''from dataclasses import dataclass

import pytest


@dataclass
class Order:
    id: int
    status: str
    total: float
    currency: str


def cancel(o):
    return Order(o.id, "canceled", o.total, o.currency)


@pytest.mark.parametrize("n", range(20))
def test_keeps_id(n):
    assert cancel(Order(n, "paid", 1.0, "EUR")).id == n


def test_cancel_refunds():
    got = cancel(Order(7, "paid", 19.99, "EUR"))
    assert got == Order(7, "cancelled", 0.0, "EUR")
'''
_SLUG_PHP = '''<?php
function slug(string $s): string {
    return strtolower(preg_replace("/[^a-z0-9]+/i", "-", $s));
}

$cases = ["Hello World" => "hello-world", "Caf\\u{e9} au lait" => "cafe-au-lait", "A  B" => "a-b"];
$n = 0;
foreach ($cases as $in => $want) {
    $n++;
    echo "ok $n - slug(" . json_encode($in) . ")\\n";
    assert(slug($in) === $want, "slug of '$in' should be '$want', got '" . slug($in) . "'");
}
'''


def register(case) -> None:
    cis = iter([CIS[i] for i in _CI_ORDER])
    py = "python"

    case(
        name="pytest-m-smoke-marker-deselects-all-30-exit-5",
        tool="pytest", category="config", ci=next(cis), label=":pytest: Smoke tests",
        command='python -m pytest -q -m smoke', repo="api",
        files={"tests/test_api.py": _smoke_tests(),
               "pytest.ini": "[pytest]\nmarkers =\n    slow\n    integration\n    smoke\n"},
        keys=["30 deselected"],
        cause=[has("30 deselected")],
    )  # fmt: skip
    case(
        name="pytest-set-equality-extra-items-in-left-set-export-permission",
        tool="pytest", category="test", ci=next(cis), command="python -m pytest tests", repo="rbac",
        files={"app/__init__.py": "", "app/roles.py": _ROLES_PY, "tests/test_roles.py": _roles_tests(),
               "pytest.ini": "[pytest]\npythonpath = .\n"},
        keys=["test_admin_exact", "Extra items in the left set"],
        cause=[has(r"^>\s+assert permissions", True), has("E       AssertionError"),
               has("Extra items in the left set"), has("E         'export'"), has("tests/test_roles.py:5"),
               has("FAILED tests/test_roles.py::test_admin_exact")],
    )  # fmt: skip
    case(
        name="python-uuid-valueerror-badly-formed-hexadecimal-tenant-globex",
        tool=py, category="config", ci=next(cis), command="python scripts/seed_tenants.py", repo="tenants",
        tty=False, files={"scripts/seed_tenants.py": _TENANT_PY},
        env={"TENANT_ACME_ID": "6f1c2a9e-8d4b-4f0a-9a57-1b2c3d4e5f60",
             "TENANT_GLOBEX_ID": "0b7d4e1a-52c3-4e8f-b1d6-9c0e2f4a6b8", "TENANT_INITECH_ID": "x"},
        keys=["badly formed hexadecimal UUID string"],
        cause=[has("Traceback (most recent call last)"), has('seed_tenants.py", line'),
               has("tid = uuid.UUID(os.environ[key])"), has("ValueError: badly formed hexadecimal UUID string")],
    )  # fmt: skip
    case(
        name="python-binascii-error-incorrect-padding-release-signing-key",
        tool=py, category="config", ci=next(cis), command="python ci/sign.py", repo="release", tty=False,
        env={"RELEASE_SIGNING_KEY": "c2VjcmV0LWtleS1mb3ItcmVsZWFzZXM"},
        files={"ci/sign.py": _SIGN_PY, "manifest.json": "{}\n"},
        keys=["binascii.Error: Incorrect padding"],
        cause=[has("Traceback (most recent call last)"), has('sign.py", line'),
               has('key = base64.b64decode(os.environ["RELEASE_SIGNING_KEY"])'), has("Incorrect padding")],
    )  # fmt: skip
    case(
        name="python-configparser-missingsectionheadererror-setup-cfg-no-header",
        tool=py, category="config", ci=next(cis), command="python ci/lint_config.py", repo="pkg", tty=False,
        files={"ci/lint_config.py": _CFG_PY, "tox.ini": "[tox]\nenvlist = py311\n",
               "setup.cfg": "# metadata\nname = acme-pkg\nversion = 1.2.0\n[options]\npackages = find:\n"},
        keys=["MissingSectionHeaderError: File contains no section headers."],
        cause=[has("Traceback (most recent call last)"), has('lint_config.py", line'), has("cp.read(f)"),
               has("configparser.MissingSectionHeaderError"), has("line: 2")],
    )  # fmt: skip
    case(
        name="python-tarfile-outsidedestinationerror-filter-data-plugin-bundle",
        tool=py, category="runtime", ci=next(cis), command="python tools/install_plugins.py dist/plugins.tar",
        repo="platform", tty=False, files={"tools/install_plugins.py": _PLUGINS_PY, "mktar.py": _MKTAR},
        setup="mkdir -p dist && python mktar.py && rm mktar.py",
        keys=["tarfile.OutsideDestinationError", "would be extracted to"],
        cause=[has("Traceback (most recent call last)"), has('install_plugins.py", line'),
               has('tf.extractall("plugins/", filter="data")'), has("OutsideDestinationError:")],
    )  # fmt: skip
    case(
        name="python-shutil-copytree-fileexistserror-second-app-dist-static",
        tool=py, category="runtime", ci=next(cis), command="python build/collectstatic.py", repo="portal",
        tty=False, files={"build/collectstatic.py": _COPY_PY, "apps/core/static/app.css": "a{}",
                          "apps/billing/static/billing.css": "b{}"},
        keys=["FileExistsError: [Errno 17] File exists: 'dist/static'"],
        cause=[has("Traceback (most recent call last)"), has('collectstatic.py", line'),
               has('shutil.copytree(src, "dist/static")'), has("FileExistsError"),
               has("collectstatic: apps/billing/static")],
    )  # fmt: skip
    case(
        name="python-argparse-invalid-choice-env-staging2",
        tool=py, category="config", ci=next(cis), command="python deploy.py --env staging2 --version 4.2.1",
        repo="deploy", tty=False, files={"deploy.py": _DEPLOY_CLI},
        keys=["argument --env: invalid choice: 'staging2'"],
        cause=[has("invalid choice"), has("usage: deploy")],
    )  # fmt: skip
    case(
        name="unittest-assertdictequal-shipping-zone-row-vs-world",
        tool="unittest", category="test", ci=next(cis), command="python -m unittest -v", repo="shipping",
        tty=False, files={"shipping.py": _SHIP_PY, "test_shipping.py": _SHIP_TEST},
        keys=["test_table", "FAILED (failures=1)"],
        cause=[has("FAIL: test_table"), has('test_shipping.py", line 11'), has("self.assertDictEqual(rates()"),
               has("AssertionError: {"), has(r"^- .*'row'", True), has(r"^\+ .*'world'", True),
               has("test_table (test_shipping.RatesTest"), has("FAILED (failures=1)")],
    )  # fmt: skip
    case(
        name="python-http-client-remotedisconnected-pushgateway-closes",
        tool=py, category="infrastructure", ci=next(cis), command="python ci/push_metrics.py", repo="metrics",
        tty=False, files={"ci/push_metrics.py": _PUSH_PY},
        keys=["http.client.RemoteDisconnected: Remote end closed connection without response"],
        cause=[has("Traceback (most recent call last)"), has('push_metrics.py", line'),
               has("resp = conn.getresponse()"), has("RemoteDisconnected:")],
    )  # fmt: skip
    case(
        name="python-runtimeerror-cant-start-new-thread-ulimit-v-crawler",
        tool=py, category="resource", ci=next(cis), command="ulimit -v 400000; python crawl.py",
        repo="crawler", tty=False, files={"crawl.py": _THREADS_PY},
        keys=["RuntimeError: can't start new thread"],
        cause=[has("Traceback (most recent call last)"), has('crawl.py", line'), has("    t.start()"),
               has("RuntimeError: can't start new thread")],
    )  # fmt: skip
    case(
        name="python-importerror-cannot-import-name-parse-money-acme-fmt-2",
        tool=py, category="dependency", ci=next(cis), command="python invoice.py", repo="invoicing",
        tty=False, files={**_FMT_PKG, "invoice.py": _INVOICE_PY},
        setup="cp -r libs/acme-fmt/acme_fmt \"$(python -c 'import site; print(site.getsitepackages()[0])')\"/ && rm -rf libs",
        keys=["cannot import name 'parse_money' from 'acme_fmt'"],
        cause=[has("Traceback (most recent call last)"), has('invoice.py", line 1'),
               has("from acme_fmt import format_money, parse_money"), has("ImportError: cannot import name")],
    )  # fmt: skip
    case(
        name="node-json-parse-unexpected-end-of-json-input-empty-ssr-manifest",
        tool="node", category="config", ci=next(cis), command="node scripts/check-manifests.js", repo="web",
        files={"scripts/check-manifests.js": _MANIFEST_JS, "dist/manifest.json": '{"app.js": "app.1a2b.js"}\n',
               "dist/ssr-manifest.json": ""},
        keys=["Unexpected end of JSON input"],
        cause=[has("Unexpected end of JSON input"), has("check-manifests.js:4")],
    )  # fmt: skip
    case(
        name="node-err-unknown-file-extension-ts-seed-script",
        tool="node", category="config", ci=next(cis), command="node scripts/seed.ts", repo="web2",
        files={"scripts/seed.ts": 'const n: number = 3;\nconsole.log(n);\n',
               "package.json": '{\n  "name": "web",\n  "type": "module"\n}\n'},
        keys=["ERR_UNKNOWN_FILE_EXTENSION", 'Unknown file extension ".ts"'],
        cause=[has("TypeError [ERR_UNKNOWN_FILE_EXTENSION]"), has("code: 'ERR_UNKNOWN_FILE_EXTENSION'")],
    )  # fmt: skip
    case(
        name="node-buffer-readuint32be-err-out-of-range-truncated-tile-index",
        tool="node", category="runtime", ci=next(cis), command="node tiles.js", repo="maps",
        files={"tiles.js": _HDR_JS}, setup="mkdir -p data && printf 'TIDX\\0\\0\\0\\5\\0\\0' > data/tiles.idx",
        keys=["ERR_OUT_OF_RANGE", "readUInt32BE"],
        cause=[has("RangeError [ERR_OUT_OF_RANGE]"), has("tiles.js:7"), has("code: 'ERR_OUT_OF_RANGE'")],
    )  # fmt: skip
    case(
        name="node-unsettled-top-level-await-silent-exit-13-queue-ready",
        tool="node", category="runtime", ci=next(cis), command="node seed.mjs", repo="queue",
        files={"seed.mjs": _TLA_MJS},
        keys=["waiting for queue ready event"],
        cause=[has("waiting for queue ready event")],
    )  # fmt: skip
    case(
        name="node-execsync-spawnsync-etimedout-upstream-fetch-2000-ms",
        tool="node", category="timeout", ci=next(cis), command="node ci/sync-tags.js", repo="mirror",
        files={"ci/sync-tags.js": _EXEC_JS},
        keys=["ETIMEDOUT"],
        cause=[has("spawnSync /bin/sh ETIMEDOUT"), has("sync-tags.js:5"), has("code: 'ETIMEDOUT'"),
               has("fetching upstream (timeout 2000 ms)")],
    )  # fmt: skip
    case(
        name="node-abort-on-uncaught-exception-typeerror-payload-undefined",
        tool="node", category="crash", ci=next(cis), command="node --abort-on-uncaught-exception mailer.js",
        run="node --abort-on-uncaught-exception mailer.js; exit $?", repo="mailer",
        files={"mailer.js": _ABORT_JS}, tty=False,
        keys=["Cannot read properties of undefined (reading 'to')"],
        cause=[has("Cannot read properties of undefined"), has("mailer.js:4"), has("Trace/breakpoint trap")],
    )  # fmt: skip
    case(
        name="go-run-url-parse-invalid-port-database-url",
        tool="go", category="config", ci=next(cis), command="go run ./cmd/migrate", repo="svc",
        env={"DATABASE_URL": "postgres://app:pw@db.internal:54x2/app"},
        files={"go.mod": _GOMOD, "cmd/migrate/main.go": _URLPARSE}, tty=False,
        keys=['invalid port ":54x2" after host'],
        cause=[has("invalid port")],
    )  # fmt: skip
    case(
        name="go-vet-lostcancel-context-withtimeout-ping",
        tool="go", category="lint", ci=next(cis), label=":go: vet", command="go vet ./...", repo="svc2",
        files={"go.mod": _GOMOD, "ping.go": _LOSTCANCEL}, tty=False,
        keys=["the cancel function returned by context.WithTimeout should be called"],
        cause=[has("cancel function")],
    )  # fmt: skip
    case(
        name="go-build-too-many-arguments-in-call-to-render",
        tool="go", category="compile", ci=next(cis), command="go build ./...", repo="svc3",
        files={"go.mod": _GOMOD, "render.go": _ARGS_GO}, tty=False,
        keys=["too many arguments in call to Render"],
        cause=[has("too many arguments"), has("have (string, number, bool)"), has("want (string, int)")],
    )  # fmt: skip
    case(
        name="go-test-reflect-deepequal-nil-slice-vs-empty-slice-tags",
        tool="go", category="test", ci=next(cis), command="go test ./...", repo="svc4",
        files={"go.mod": _GOMOD, "tags.go": _SLICE_GO, "tags_test.go": _SLICE_TEST}, tty=False,
        keys=["TestTags", 'Tags("") = []string(nil), want []string{}'],
        cause=[has("--- FAIL: TestTags"), has("want []string{}"), has("FAIL\texample.com/svc")],
    )  # fmt: skip
    case(
        name="go-run-conn-read-i-o-timeout-silent-redis-ping",
        tool="go", category="timeout", ci=next(cis), command="go run ./cmd/cachecheck", repo="svc5",
        files={"go.mod": _GOMOD, "cmd/cachecheck/main.go": _READTO}, tty=False,
        keys=["i/o timeout"],
        cause=[has("PING failed")],
    )  # fmt: skip
    case(
        name="ruby-zerodivisionerror-average-rating-no-reviews-c-3",
        tool="ruby", category="runtime", ci=next(cis), command="ruby script/ratings.rb", repo="reviews",
        files={"script/ratings.rb": _RATING_RB},
        keys=["divided by 0 (ZeroDivisionError)"],
        cause=[has("divided by 0"), has("from script/ratings.rb:3")],
    )  # fmt: skip
    case(
        name="rspec-aggregate-failures-tax-and-total-of-eleven",
        tool="rspec", category="test", ci=next(cis), label=":rspec: Specs", command="rspec", repo="invoices",
        files={"lib/invoice.rb": _INVOICE_RB, "spec/invoice_spec.rb": _invoice_spec()},
        keys=["Invoice computes totals", "Got 2 failures"],
        cause=[has("1) Invoice computes totals"), has("Got 2 failures"), has("1.1) Failure/Error"),
               has("1.2) Failure/Error"), has(r"^\s+expected: ", True), has(r"^\s+got: ", True),
               has("rspec ./spec/invoice_spec.rb")],
    )  # fmt: skip
    case(
        name="ruby-encoding-compatibilityerror-utf8-report-binread-names",
        tool="ruby", category="runtime", ci=next(cis), command="ruby script/report.rb", repo="crm",
        files={"script/report.rb": _ENC_RB, "data/customers.txt": "Ada\nZo\u00eb\nRen\u00e9e\n"},
        keys=["incompatible character encodings: UTF-8 and ASCII-8BIT"],
        cause=[has("incompatible character encodings"), has("from script/report.rb:3")],
    )  # fmt: skip
    case(
        name="php-error-undefined-constant-app-env-boot",
        tool="php", category="runtime", ci=next(cis), command="php bootstrap.php", repo="cms",
        files={"bootstrap.php": _CONST_PHP}, tty=False,
        keys=['Undefined constant "APP_ENV"'],
        cause=[has("Undefined constant"), has("#0 {main}"), has("thrown in")],
    )  # fmt: skip
    case(
        name="gcc-make-werror-format-d-expects-int-long-bytes",
        tool="gcc", category="compile", ci=next(cis), command="make", repo="archiver",
        files={"archiver.c": _FMT_C, "Makefile": _FMT_MK},
        keys=["format", "expects argument of type", "-Werror=format="],
        cause=[has("In function"), has("error: format"), has('printf("archived %d files'),
               has("cc1: all warnings being treated as errors"), has("make: ***")],
    )  # fmt: skip
    case(
        name="java-illegalargumentexception-no-enum-constant-log-level-verbose",
        tool="java", category="config", ci=next(cis), command="java Logs.java", repo="logs",
        env={"LOG_LEVEL": "VERBOSE"}, files={"Logs.java": _LEVEL_JAVA}, tty=False,
        keys=["No enum constant Logs.Level.VERBOSE"],
        cause=[has("IllegalArgumentException"), has("at Logs.main"), has("LOG_LEVEL=VERBOSE")],
    )  # fmt: skip
    case(
        name="javac-shape-is-abstract-cannot-be-instantiated",
        tool="javac", category="compile", ci=next(cis), command="javac -d out src/geo/*.java", repo="geo",
        files={"src/geo/Shape.java": _SHAPE_JAVA, "src/geo/App.java": _APP_JAVA}, tty=False,
        keys=["Shape is abstract; cannot be instantiated"],
        cause=[has("is abstract; cannot be instantiated"), has("Shape s = new Shape();"), has("1 error")],
    )  # fmt: skip
    case(
        name="bash-arithmetic-value-too-great-for-base-month-08",
        tool="bash", category="runtime", ci=next(cis), command="./scripts/rotate-backups.sh", repo="ops",
        files={"scripts/rotate-backups.sh": _BACKUP_SH}, tty=False,
        keys=["value too great for base"],
        cause=[has("value too great for base")],
    )  # fmt: skip
    case(
        name="sort-check-disorder-allowlist-hosts-line-4",
        tool="sort", category="lint", ci=next(cis), label=":lint-roller: Lint",
        command="LC_ALL=C sort -c config/allowlist.txt", repo="edge", files={"config/allowlist.txt": _ALLOW_TXT},
        tty=False, keys=["disorder"],
        cause=[has("disorder")],
    )  # fmt: skip
    case(
        name="make-recipe-commences-before-first-target-stray-mkdir",
        tool="make", category="config", ci=next(cis), command="make", repo="calc",
        files={"calc.c": "int main(void){return 0;}\n", "Makefile": _PREMK}, tty=False,
        keys=["recipe commences before first target"],
        cause=[has("recipe commences before first target")],
    )  # fmt: skip
    case(
        name="pytest-dataclass-equality-differing-attributes-status-total-after-20",
        tool="pytest", category="test", ci=next(cis), command="python -m pytest -q -p no:cacheprovider tests",
        repo="orders", files={"tests/test_orders.py": _ORDER_TEST},
        keys=["test_cancel_refunds", "Differing attributes"],
        cause=[has(r"^>\s+assert got == Order", True), has("E       AssertionError"),
               has("Differing attributes"), has("Drill down into differing attribute"), has("['status', 'total']"),
               has("status: 'canceled' != 'cancelled'"), has("total: 19.99 != 0.0"),
               has("tests/test_orders.py:25"), has("FAILED tests/test_orders.py::test_cancel_refunds")],
    )  # fmt: skip
    case(
        name="php-zend-assertions-assertionerror-slug-cafe-accent",
        tool="php", category="test", ci=next(cis), command="php -d zend.assertions=1 tests/slug_test.php",
        repo="slugger", files={"tests/slug_test.php": _SLUG_PHP}, tty=False,
        keys=["AssertionError", "should be 'cafe-au-lait'"],
        cause=[has("AssertionError"), has("#0 "), has("thrown in")],
    )  # fmt: skip
