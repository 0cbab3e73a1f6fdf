"""Dependency, runtime, infrastructure, timeout, crash, resource and lint cases for the twentieth
held-out corpus (Go 1.19, Perl 5.36, javac 17, pip, Python 3.11, Node 20, Ruby 3.1, git, apt,
rustc/cargo, PHP 8.2, g++ 12, Java 17, zstd, docformatter, rstcheck)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# ---------------------------------------------------------------- dependency
_GOSUM_MAIN = '''package main

import (
	"fmt"

	"golang.org/x/text/language"
)

func main() {
	fmt.Println(language.English)
}
'''
_GOSUM_MOD = "module example.com/greeter\n\ngo 1.19\n\nrequire golang.org/x/text v0.3.8\n"
_GOSUM_SH = """#!/usr/bin/env bash
set -euo pipefail
go version
go env GOFLAGS GOPROXY
echo "--- vet"
go vet ./internal/... 2>&1 || true
echo "--- build"
go build -o bin/greeter .
"""

_PERL_LU = r'''package Acme::Report;
use strict;
use warnings;
use List::Util 1.99 qw(uniqint zip);
sub columns { my @a = @_; return uniqint @a }
1;
'''
_PERL_LU_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "perl $(perl -e 'print $^V')"
for m in strict warnings POSIX Data::Dumper; do perl -M$m -e1 && echo "module ok: $m"; done
echo "compiling lib/"
for f in lib/Acme/*.pm; do perl -Ilib -c "$f"; done
perl -Ilib -MAcme::Report -e 'print join(",", Acme::Report::columns(3,1,3)), "\\n"'
"""

_JMOD_INFO = """module com.acme.feeds {
    requires java.net.http;
    requires org.json;
    exports com.acme.feeds;
}
"""
_JMOD_SRC = """package com.acme.feeds;

public class Feed {
    public static void main(String[] args) {
        System.out.println("feed");
    }
}
"""
_JMOD_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "JDK: $(javac -version 2>&1)"
mkdir -p out lib
echo "module path: lib/ ($(ls lib | wc -l) jars)"
javac -d out --module-path lib $(find src -name '*.java')
"""

_WHEEL_PY = r'''import base64, hashlib, os, zipfile
os.makedirs("wheels", exist_ok=True)
def rec(name, data):
    h = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={h},{len(data)}"
for ver, rp in [("1.8.2", ">=3.8"), ("2.0.0", ">=3.12")]:
    di = f"acme_sdk-{ver}.dist-info"
    files = {
        "acme_sdk/__init__.py": f"__version__ = '{ver}'\n".encode(),
        f"{di}/METADATA": f"Metadata-Version: 2.1\nName: acme-sdk\nVersion: {ver}\nRequires-Python: {rp}\n".encode(),
        f"{di}/WHEEL": b"Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    lines = [rec(k, v) for k, v in files.items()] + [f"{di}/RECORD,,"]
    files[f"{di}/RECORD"] = ("\n".join(lines) + "\n").encode()
    with zipfile.ZipFile(f"wheels/acme_sdk-{ver}-py3-none-any.whl", "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
'''
_PIPREQ = "acme-sdk==2.0.0\n"

# ---------------------------------------------------------------- runtime
_DEC_PY = '''import csv
from decimal import Decimal

total = Decimal("0")
with open("data/invoices.csv", newline="") as f:
    for n, row in enumerate(csv.DictReader(f), 1):
        amount = Decimal(row["amount"])
        total += amount
        if n % 40 == 0:
            print(f"invoices: {n} rows, running total {total}", flush=True)
print(f"invoices: total {total}")
'''


def _invoices_csv() -> str:
    rows = ["id,customer,amount"]
    for i in range(1, 161):
        amt = f"{(i * 37) % 900 + 10}.{i % 100:02d}"
        if i == 133:
            amt = "€1204.50"
        rows.append(f"{1000 + i},cust-{i % 17},{amt}")
    return "\n".join(rows) + "\n"


_CLONE_JS = '''const jobs = [
  { id: 1, kind: "thumb", size: 128 },
  { id: 2, kind: "thumb", size: 256 },
  { id: 3, kind: "resize", size: 1024, onDone: () => console.log("done") },
];
for (const job of jobs) {
  console.log(`queue: enqueue job ${job.id} (${job.kind})`);
  const payload = structuredClone(job);
  console.log(`queue: job ${payload.id} cloned`);
}
'''

_KEY_RB = '''require "json"

regions = JSON.parse(File.read("config/regions.json"))
stores = File.readlines("data/stores.txt", chomp: true)
stores.each_with_index do |line, i|
  name, code = line.split(",")
  region = regions.fetch(code)
  puts "export: store #{i + 1}/#{stores.size} #{name} -> #{region}" if (i % 5).zero?
end
puts "export: done"
'''


def _stores() -> str:
    codes = ["uk", "de", "fr", "es", "it"]
    out = [f"store-{i},{codes[i % 5]}" for i in range(1, 41)]
    out[33] = "store-34,nl"
    return "\n".join(out) + "\n"


_IFACE_GO = '''package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	var meta map[string]interface{}
	raw, _ := os.ReadFile("fixtures/meta.json")
	if err := json.Unmarshal(raw, &meta); err != nil {
		panic(err)
	}
	fmt.Println("seed: loaded", len(meta), "keys")
	replicas := meta["replicas"].(int)
	fmt.Println("seed: replicas", replicas)
}
'''

# ---------------------------------------------------------------- infrastructure
_GITPROXY_SH = """#!/usr/bin/env bash
set -uo pipefail
echo "vendor: fetching pinned dependencies"
for repo in protos charts; do
  for attempt in 1 2; do
    echo "vendor: git clone $repo (attempt $attempt)"
    if git clone --quiet --depth 1 "https://git.acme.test/platform/$repo.git" "vendor/$repo"; then
      continue 2
    fi
    sleep 1
  done
  echo "vendor: giving up on $repo"
  exit 1
done
"""

_TLS_GO = '''package main

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	url := os.Getenv("ARTIFACT_URL")
	data, _ := os.ReadFile("dist/report.tar.gz")
	c := &http.Client{Timeout: 5 * time.Second}
	fmt.Printf("upload: PUT %s (%d bytes)\\n", url, len(data))
	resp, err := c.Post(url, "application/gzip", bytes.NewReader(data))
	if err != nil {
		fmt.Fprintf(os.Stderr, "upload: %v\\n", err)
		os.Exit(1)
	}
	fmt.Println("upload:", resp.Status)
}
'''
_TLS_SRV = '''import http.server, ssl, sys
srv = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("ci/tls/cert.pem", "ci/tls/key.pem")
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
open("ci/tls/port", "w").write(str(srv.server_address[1]))
srv.serve_forever()
'''
_TLS_SH = """#!/usr/bin/env bash
set -uo pipefail
python ci/artifact_server.py 2>/dev/null &
srv=$!
trap 'kill $srv' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s ci/tls/port ] && break; sleep 0.2; done
mkdir -p dist && head -c 20000 /dev/urandom > dist/report.tar.gz
echo "report: packed dist/report.tar.gz"
export ARTIFACT_URL="https://localhost:$(cat ci/tls/port)/artifacts/report.tar.gz"
go run ./cmd/upload
"""

_APT_SH = """#!/usr/bin/env bash
set -uo pipefail
APT_OPTS="-o Dir::Etc::SourceList=$PWD/ci/sources.list -o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists=/work/scratch/h19/apt/lists -o Dir::Cache=/work/scratch/h19/apt/cache -o Acquire::Retries=1"
echo "deps: using the CI package mirror"
cat ci/sources.list
apt-get $APT_OPTS update
echo "deps: installing imaging libraries"
apt-get $APT_OPTS install -y --no-install-recommends libvips-dev
"""
_APT_LIST = "deb http://127.0.0.1:9/debian bookworm main\ndeb http://127.0.0.1:9/debian-security bookworm-security main\n"

# ---------------------------------------------------------------- timeout
_RECV_RS = '''use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel::<(usize, u64)>();
    for id in 0..4 {
        let tx = tx.clone();
        thread::spawn(move || {
            let ms = if id == 2 { 5000 } else { 100 + id as u64 * 50 };
            thread::sleep(Duration::from_millis(ms));
            tx.send((id, ms)).unwrap();
        });
    }
    for _ in 0..4 {
        let (id, ms) = rx.recv_timeout(Duration::from_millis(800)).unwrap();
        println!("shard {} indexed in {} ms", id, ms);
    }
}
'''

_NT_SRC = '''export async function warm(cache, keys, fetcher) {
  for (const k of keys) cache.set(k, await fetcher(k));
  return cache.size;
}
'''
_NT_TEST = '''import { test } from "node:test";
import assert from "node:assert/strict";
import { warm } from "../src/warm.js";

const fast = (k) => Promise.resolve(k.toUpperCase());
const stuck = () => new Promise((r) => setTimeout(r, 60000));

test("warms all keys", async () => {
  assert.equal(await warm(new Map(), ["a", "b"], fast), 2);
});
test("empty key list", async () => {
  assert.equal(await warm(new Map(), [], fast), 0);
});
test("warm survives a stuck upstream", async () => {
  assert.equal(await warm(new Map(), ["a"], stuck), 1);
});
test("keys are upper-cased", async () => {
  const m = new Map();
  await warm(m, ["x"], fast);
  assert.equal(m.get("x"), "X");
});
'''

_PHP_TO = r'''<?php
$url = getenv("RATES_URL");
ini_set("default_socket_timeout", "3");
echo "rates: php ", PHP_VERSION, "\n";
echo "rates: fetching $url\n";
$t0 = microtime(true);
$body = file_get_contents($url);
if ($body === false) {
    fwrite(STDERR, sprintf("rates: no response after %.1fs\n", microtime(true) - $t0));
    exit(1);
}
echo "rates: ", strlen($body), " bytes\n";
'''
_SILENT_PY = '''import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
open(".ci/port", "w").write(str(s.getsockname()[1]))
conns = []
while True:
    c, _ = s.accept(); conns.append(c)
'''
_PHP_TO_SH = """#!/usr/bin/env bash
set -uo pipefail
mkdir -p .ci
python3 .ci_silent.py &
srv=$!
trap 'kill $srv' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s .ci/port ] && break; sleep 0.2; done
export RATES_URL="http://127.0.0.1:$(cat .ci/port)/v1/rates?base=EUR"
php bin/fetch-rates.php
"""

# ---------------------------------------------------------------- crash
_STACK_JS = '''function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log("render: building navigation tree");
for (const n of [1000, 10000, 100000, 1000000]) {
  console.log(`render: depth ${n} ->`, depth(n));
}
'''
_STACK_SH = """#!/usr/bin/env bash
set -uo pipefail
echo "render: node $(node --version)"
node --stack-size=65500 scripts/render.js
"""

_THREAD_CPP = r'''#include <chrono>
#include <iostream>
#include <stdexcept>
#include <thread>
#include <vector>

static void crawl(int id) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50 * id));
  std::cout << "crawler " << id << " finished" << std::endl;
}

int main() {
  std::vector<std::thread> pool;
  for (int i = 1; i <= 3; ++i) pool.emplace_back(crawl, i);
  std::cout << "started " << pool.size() << " crawlers" << std::endl;
  std::thread reporter([] { std::cout << "reporter up" << std::endl; });
  for (auto& t : pool) t.join();
  std::cout << "all crawlers joined" << std::endl;
  return 0;
}
'''
_THREAD_SH = """#!/usr/bin/env bash
set -uo pipefail
mkdir -p build
g++ -std=c++17 -O1 -pthread -o build/crawl src/crawl.cpp
echo "built build/crawl"
./build/crawl
"""

# ---------------------------------------------------------------- resource
_JAVA_RES = """public class Indexer {
    public static void main(String[] args) {
        System.out.println("indexer up, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    }
}
"""
_JAVA_RES_SH = """#!/usr/bin/env bash
set -uo pipefail
echo "agent limits: $(ulimit -v) KiB virtual"
mkdir -p out && javac -d out src/Indexer.java && echo "compiled Indexer"
ulimit -v 1500000
echo "indexer: java -Xms2g -Xmx2g"
java -Xms2g -Xmx2g -cp out Indexer
"""

_ZSTD_SH = """#!/usr/bin/env bash
set -euo pipefail
mkdir -p dist
echo "bundle: collecting assets"
for i in $(seq 1 12); do head -c 200000 /dev/urandom > dist/chunk-$i.bin; echo "bundle: chunk-$i.bin 200000 bytes"; done
echo "bundle: compressing with long-range matching"
ulimit -v 400000
tar cf - dist/chunk-*.bin | zstd -q -f --ultra -22 --long=31 -o dist/assets.tar.zst
echo "bundle: wrote dist/assets.tar.zst"
"""

# ---------------------------------------------------------------- lint
_DOCF_A = '''"""Queue helpers."""


def drain(q):
    """drain the queue and return every item.
    Items are returned in FIFO order.
    """
    out = []
    while q:
        out.append(q.pop(0))
    return out


def peek(q):
    """   Return the head of the queue without removing it.   """
    return q[0] if q else None
'''
_DOCF_B = '''"""Retry helpers."""


def backoff(attempt):
    """Return the delay for an attempt."""
    return min(30, 2**attempt)
'''
_RST_INDEX = """Acme SDK
========

.. toctree::
   :maxdepth: 2

   install
   usage

Welcome to the Acme SDK documentation.
"""
_RST_USAGE = """Usage
=====

Create a client::

    from acme import Client
    c = Client()

.. code-block:: python

    client = Client(
        base_url="https://api.acme.test",

Configuration
-------------

Set `ACME_TOKEN`_ in the environment.

Limits
-----
The API allows 100 requests per minute.
"""
_RST_INSTALL = """Install
=======

.. code-block:: bash

    pip install acme-sdk
"""


def register(case):
    case(
        name="go-build-missing-go-sum-entry-x-text-language",
        tool="go",
        category="dependency",
        repo="greeter",
        tty=False,
        command="./ci/build.sh",
        files={"ci/build.sh": _GOSUM_SH, "go.mod": _GOSUM_MOD, "main.go": _GOSUM_MAIN,
               "internal/fmtx/fmtx.go": "package fmtx\n\nfunc Pad(s string) string { return \" \" + s }\n"},
        keys=["missing go.sum entry", "golang.org/x/text/language"],
        cause=[last("missing go.sum entry")],
    )
    case(
        name="perl-list-util-version-1-99-required-this-is-only",
        tool="perl",
        category="dependency",
        repo="reports",
        tty=False,
        command="./ci/check.sh",
        files={"ci/check.sh": _PERL_LU_SH, "lib/Acme/Report.pm": _PERL_LU,
               "lib/Acme/Util.pm": "package Acme::Util;\nuse strict;\nsub id { $_[0] }\n1;\n"},
        keys=["List::Util version 1.99 required"],
        cause=[has("List::Util version 1.99 required"), has("BEGIN failed--compilation aborted at lib/Acme/Report.pm line 4")],
    )
    case(
        name="javac-module-info-requires-org-json-module-not-found",
        tool="javac",
        category="dependency",
        ci="travis",
        repo="feeds",
        tty=False,
        command="./ci/build.sh",
        files={"ci/build.sh": _JMOD_SH, "src/module-info.java": _JMOD_INFO, "src/com/acme/feeds/Feed.java": _JMOD_SRC},
        keys=["module not found: org.json"],
        cause=[has("error: module not found: org.json"), has("    requires org.json;"), has("1 error")],
    )
    case(
        name="pip-install-no-index-acme-sdk-2-requires-python-3-12",
        tool="pip",
        category="dependency",
        repo="sdk-consumer",
        tty=False,
        command="pip install --no-index --find-links wheels -r requirements.txt",
        setup="python3 ci/mkwheels.py",
        files={"ci/mkwheels.py": _WHEEL_PY, "requirements.txt": _PIPREQ},
        keys=["requires a different Python: 3.11.7 not in '>=3.12'"],
        cause=[has("requires a different Python")],
    )
    # ---- runtime
    case(
        name="python-decimal-invalidoperation-conversionsyntax-row-133",
        tool="python",
        category="runtime",
        repo="billing-export",
        tty=False,
        command="python scripts/sum_invoices.py",
        files={"scripts/sum_invoices.py": _DEC_PY, "data/invoices.csv": _invoices_csv()},
        keys=["decimal.InvalidOperation", "ConversionSyntax"],
        cause=[has('sum_invoices.py", line 7'), has('amount = Decimal(row["amount"])'), has("decimal.InvalidOperation")],
    )
    case(
        name="node-structuredclone-datacloneerror-ondone-function",
        tool="node",
        category="runtime",
        ci="github",
        repo="thumbs",
        tty=False,
        command="node scripts/enqueue.js",
        files={"scripts/enqueue.js": _CLONE_JS},
        keys=["DataCloneError", "could not be cloned"],
        cause=[has("could not be cloned"), has("scripts/enqueue.js:8"), has("const payload = structuredClone(job);")],
    )
    case(
        name="ruby-keyerror-key-not-found-nl-region-store-34",
        tool="ruby",
        category="runtime",
        repo="store-export",
        tty=False,
        command="ruby scripts/export.rb",
        files={"scripts/export.rb": _KEY_RB, "data/stores.txt": _stores(),
               "config/regions.json": '{"uk": "europe-west2", "de": "europe-west3", "fr": "europe-west9", "es": "europe-southwest1", "it": "europe-west8"}\n'},
        keys=["key not found: \"nl\"", "KeyError"],
        cause=[has("key not found"), first("scripts/export.rb:7")],
    )
    case(
        name="go-panic-interface-conversion-float64-not-int-replicas",
        tool="go",
        category="runtime",
        ci="gitlab",
        repo="seeder",
        tty=False,
        command="go run ./cmd/seed",
        files={"go.mod": "module example.com/seeder\n\ngo 1.19\n", "cmd/seed/main.go": _IFACE_GO,
               "fixtures/meta.json": '{"name": "orders", "replicas": 3, "region": "eu"}\n'},
        keys=["interface conversion: interface {} is float64, not int"],
        cause=[has("panic: interface conversion"), has("cmd/seed/main.go:16")],
    )
    # ---- infrastructure
    case(
        name="git-clone-could-not-resolve-proxy-two-repos-attempts",
        tool="git",
        category="infrastructure",
        repo="platform",
        tty=False,
        command="./ci/vendor.sh",
        env={"https_proxy": "http://proxy.ci-agents.invalid:3128", "GIT_TERMINAL_PROMPT": "0"},
        files={"ci/vendor.sh": _GITPROXY_SH},
        keys=["Could not resolve proxy: proxy.ci-agents.invalid"],
        cause=[has("Could not resolve proxy"), has("vendor: giving up on protos")],
    )
    case(
        name="go-http-x509-certificate-signed-by-unknown-authority-artifacts",
        tool="go",
        category="infrastructure",
        repo="reporter",
        tty=False,
        command="./ci/publish.sh",
        setup="mkdir -p ci/tls && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost -keyout ci/tls/key.pem -out ci/tls/cert.pem",
        files={"ci/publish.sh": _TLS_SH, "ci/artifact_server.py": _TLS_SRV, "go.mod": "module example.com/reporter\n\ngo 1.19\n", "cmd/upload/main.go": _TLS_GO},
        keys=["x509: certificate signed by unknown authority"],
        cause=[has("x509: certificate signed by unknown authority")],
    )
    case(
        name="apt-get-update-mirror-refused-then-unable-to-locate-libvips",
        tool="apt-get",
        category="infrastructure",
        ci="travis",
        repo="imaging",
        tty=False,
        command="./ci/deps.sh",
        setup="rm -rf /work/scratch/h19/apt && mkdir -p /work/scratch/h19/apt/lists/partial /work/scratch/h19/apt/cache/archives/partial",
        files={"ci/deps.sh": _APT_SH, "ci/sources.list": _APT_LIST},
        keys=["127.0.0.1:9", "Unable to locate package libvips-dev"],
        cause=[has("Could not connect to 127.0.0.1:9"), has("Unable to connect to 127.0.0.1:9"), has("Some index files failed to download"), has("Unable to locate package libvips-dev")],
    )
    # ---- timeout
    case(
        name="rust-recv-timeout-unwrap-err-timeout-shard-2",
        tool="cargo",
        category="timeout",
        repo="indexer",
        tty=False,
        command="cargo run --offline -q --target-dir /work/scratch/h19/indexer-target",
        setup="rm -rf /work/scratch/h19/indexer-target",
        files={"Cargo.toml": '[package]\nname = "indexer"\nversion = "0.3.0"\nedition = "2021"\n', "src/main.rs": _RECV_RS},
        keys=["Timeout", "src/main.rs:16"],
        cause=[has("panicked at"), has("called `Result::unwrap()` on an `Err` value: Timeout")],
    )
    case(
        name="node-test-timeout-500ms-whole-file-stuck-upstream",
        tool="node --test",
        category="timeout",
        repo="cache-warmer",
        tty=False,
        command="node --test --test-timeout=500 test/",
        files={"package.json": '{"name": "cache-warmer", "type": "module"}\n', "src/warm.js": _NT_SRC, "test/warm.test.js": _NT_TEST},
        keys=["test timed out after 500ms", "warm.test.js"],
        cause=[has("not ok 1 - /"), has("testTimeoutFailure"), has("test timed out after 500ms")],
    )
    case(
        name="php-file-get-contents-http-request-failed-silent-rates-api",
        tool="php",
        category="timeout",
        ci="github",
        repo="rates",
        tty=False,
        command="./ci/rates.sh",
        files={"ci/rates.sh": _PHP_TO_SH, ".ci_silent.py": _SILENT_PY, "bin/fetch-rates.php": _PHP_TO},
        keys=["file_get_contents(", "rates: no response after"],
        cause=[has("file_get_contents("), has("rates: no response after")],
    )
    # ---- crash
    case(
        name="node-stack-size-65500-segfault-139-render",
        tool="node",
        category="crash",
        repo="docs-site",
        tty=False,
        command="./ci/render.sh",
        files={"ci/render.sh": _STACK_SH, "scripts/render.js": _STACK_JS},
        keys=["Segmentation fault", "--stack-size=65500"],
        cause=[has("Segmentation fault")],
    )
    case(
        name="cxx-std-thread-joinable-destroyed-terminate-abort-134",
        tool="g++",
        category="crash",
        ci="travis",
        repo="crawler",
        tty=False,
        command="./ci/run.sh",
        files={"ci/run.sh": _THREAD_SH, "src/crawl.cpp": _THREAD_CPP},
        keys=["terminate called without an active exception", "Aborted"],
        cause=[has("terminate called without an active exception"), has("Aborted")],
    )
    # ---- resource
    case(
        name="java-ulimit-v-could-not-reserve-2g-object-heap",
        tool="java",
        category="resource",
        repo="search-indexer",
        tty=False,
        command="./ci/index.sh",
        files={"ci/index.sh": _JAVA_RES_SH, "src/Indexer.java": _JAVA_RES},
        keys=["Could not reserve enough space", "object heap"],
        cause=[has("Error occurred during initialization of VM"), has("Could not reserve enough space")],
    )
    case(
        name="zstd-ultra-long-31-allocation-error-ulimit-v",
        tool="zstd",
        category="resource",
        repo="assets",
        tty=False,
        command="./ci/bundle.sh",
        files={"ci/bundle.sh": _ZSTD_SH},
        keys=["zstd", "memory"],
        cause=[has("zstd:")],
    )
    # ---- lint
    case(
        name="docformatter-check-two-docstrings-queue-module",
        tool="docformatter",
        category="lint",
        ci="gitlab",
        repo="queues",
        tty=False,
        command="docformatter --check --diff -r src/",
        files={"src/queues/__init__.py": "", "src/queues/queue.py": _DOCF_A, "src/queues/retry.py": _DOCF_B},
        keys=["src/queues/queue.py"],
        cause=[first("src/queues/queue.py"), first("src/queues/retry.py"), has('-    """drain'), has('+    """Drain'), has('-    """   Return'), has('+    """Return the head')],
    )
    case(
        name="rstcheck-docs-usage-title-underline-and-unknown-target",
        tool="rstcheck",
        category="lint",
        ci="github",
        repo="acme-sdk",
        tty=False,
        command="rstcheck --report-level warning -r docs/",
        files={"docs/index.rst": _RST_INDEX, "docs/usage.rst": _RST_USAGE, "docs/install.rst": _RST_INSTALL},
        keys=["docs/usage.rst"],
        cause=[has(".rst:")],
    )
