"""Dependency, runtime, infrastructure, timeout, crash, resource and lint cases for the
twenty-first held-out corpus (npm, Go 1.19, PHP 8.2, Tcl 8.6, Python 3.11, Java 17, Node 20, C,
redis 7, git, bashate, toml-sort)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# ---------------------------------------------------------------- dependency
_NPM_PKG = '{"name": "web", "version": "1.0.0", "private": true, "dependencies": {"left-pad": "1.3.0"}}\n'
_NPM_LOCK = """{
  "name": "web",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {"name": "web", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}},
    "node_modules/left-pad": {
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEQsmO1iFnlgdlzj0RLfj7fNVJtkyv5p66Cefjj+x0nHYVA=="
    }
  }
}
"""

_SLICES_GO = '''package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := []int{3, 1, 2}
	slices.Sort(xs)
	fmt.Println(xs)
}
'''
_SLICES_SH = """#!/usr/bin/env bash
set -euo pipefail
go version
echo "--- gofmt"
test -z "$(gofmt -l .)" && echo "gofmt: clean"
echo "--- build"
go build ./...
"""

_PHP_MB = r'''<?php
declare(strict_types=1);

$rows = array_map('str_getcsv', file(__DIR__ . '/../data/cities.csv', FILE_IGNORE_NEW_LINES));
echo "import: ", count($rows), " rows\n";
foreach ($rows as $i => [$name, $country]) {
    $slug = mb_strtolower(trim($name)) . '-' . strtolower($country);
    if ($i % 10 === 0) echo "import: $slug\n";
}
'''

_TCL_JSON = """#!/usr/bin/env tclsh
puts "report: tcl [info patchlevel]"
foreach pkg {Tcl msgcat} {
    puts "report: [package require $pkg] $pkg"
}
package require json 1.3
set data [json::json2dict [read [open data/summary.json]]]
puts "report: [dict size $data] keys"
"""

# ---------------------------------------------------------------- runtime
_PHP_ARGS = r'''<?php
function price_with_tax(int $cents, float $rate, string $currency): string {
    return sprintf("%s %.2f", $currency, $cents * (1 + $rate) / 100);
}

$lines = [[1200, 0.2], [550, 0.2], [9900, 0.05]];
foreach ($lines as $n => [$cents, $rate]) {
    echo "invoice line ", $n + 1, ": ", price_with_tax($cents, $rate), "\n";
}
'''

_PY_ASCII = '''import json

with open("data/customers.json", encoding="utf-8") as f:
    customers = json.load(f)
print(f"labels: {len(customers)} customers")
for c in customers:
    print(f"label: {c['id']:>5} {c['name']:<24} {c['city']}")
'''
_CUSTOMERS = '[' + ", ".join(
    f'{{"id": {i}, "name": "{n}", "city": "{c}"}}'
    for i, (n, c) in enumerate(
        [("Ada Lovelace", "London"), ("Alan Turing", "Wilmslow"), ("Grace Hopper", "Arlington"),
         ("Edsger Dijkstra", "Nuenen"), ("Barbara Liskov", "Boston"), ("Donald Knuth", "Stanford"),
         ("Kurt G\\u00f6del", "Princeton"), ("Niklaus Wirth", "Zurich")], 1)
) + "]\n"

_JA_AIOOBE = """import java.nio.file.*;
import java.util.*;

public class Timetable {
    static int[] parseSlots(String line) {
        String[] parts = line.split(";");
        int[] slots = new int[5];
        for (int i = 0; i < parts.length; i++) slots[i] = Integer.parseInt(parts[i].trim());
        return slots;
    }

    static void load(Path p) throws Exception {
        List<String> lines = Files.readAllLines(p);
        for (int n = 0; n < lines.size(); n++) {
            try {
                int[] s = parseSlots(lines.get(n));
                if (n % 4 == 0) System.out.println("timetable: line " + (n + 1) + " first slot " + s[0]);
            } catch (RuntimeException e) {
                throw new IllegalStateException("bad timetable line " + (n + 1) + " in " + p, e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        load(Paths.get("data/timetable.txt"));
        System.out.println("timetable: ok");
    }
}
"""


def _timetable() -> str:
    rows = ["; ".join(str((i * 7 + j) % 24) for j in range(5)) for i in range(1, 19)]
    rows[13] = rows[13] + "; 23"
    return "\n".join(rows) + "\n"


_JA_AIOOBE_SH = """#!/usr/bin/env bash
set -euo pipefail
mkdir -p out && javac -d out src/Timetable.java
java -cp out Timetable
"""

_NODE_MAP = '''import { readFile } from "node:fs/promises";

const feed = JSON.parse(await readFile("data/feed.json", "utf8"));
console.log(`feed: ${feed.title}`);
for (const section of ["posts", "pages", "tags"]) {
  const items = feed[section];
  const slugs = items.map((i) => i.slug);
  console.log(`feed: ${section}: ${slugs.length} items`);
}
'''
_FEED = '{"title": "Acme blog", "posts": [{"slug": "hello"}, {"slug": "ci"}], "pages": {"about": {"slug": "about"}}, "tags": []}\n'

# ---------------------------------------------------------------- infrastructure
_SSL_PY = '''import os
import socket
import ssl

host, port = "localhost", int(os.environ["METRICS_PORT"])
print(f"push: connecting to https://{host}:{port}/api/v1/push")
ctx = ssl.create_default_context()
with socket.create_connection((host, port), timeout=5) as raw:
    with ctx.wrap_socket(raw, server_hostname=host) as tls:
        tls.sendall(b"POST /api/v1/push HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n")
        print(tls.recv(200))
'''
_SSL_SH = """#!/usr/bin/env bash
set -uo pipefail
python3 -m http.server --bind 127.0.0.1 18443 >/dev/null 2>&1 &
srv=$!
trap 'kill $srv' EXIT
sleep 1
echo "push: metrics endpoint from ci/metrics.env"
cat ci/metrics.env
export METRICS_PORT=18443
python scripts/push_metrics.py
"""

_UNIX_GO = '''package main

import (
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	sock := "/work/scratch/h20/run/signer-agent.sock"
	fmt.Println("sign: 3 artifacts to sign")
	for _, a := range []string{"app-linux-amd64", "app-linux-arm64", "app-darwin-arm64"} {
		fmt.Printf("sign: %s sha256 ok\\n", a)
	}
	c, err := net.DialTimeout("unix", sock, 2*time.Second)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sign: cannot reach signing agent: %v\\n", err)
		os.Exit(1)
	}
	defer c.Close()
}
'''

_HANGUP_JS = '''import http from "node:http";
import net from "node:net";

// the remote build cache (stand-in: accepts, then resets the connection)
const cache = net.createServer((s) => s.destroy()).listen(0, "127.0.0.1");
await new Promise((r) => cache.once("listening", r));
const url = `http://127.0.0.1:${cache.address().port}/cache/v1/8f3a2c`;

for (const f of ["lint", "typecheck", "unit"]) console.log(`turbo: ${f}: cache miss, executing`);
console.log(`turbo: uploading artifacts to ${url}`);
const req = http.request(url, { method: "PUT" }, (res) => console.log(res.statusCode));
req.on("error", (err) => {
  console.error("turbo: remote cache upload failed:", err);
  cache.close();
  process.exitCode = 1;
});
req.end("x".repeat(1024));
'''

# ---------------------------------------------------------------- timeout
_GOTO_MAIN = '''package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			_ = c // the search service stand-in: accepts, never answers
		}
	}()
	url := "http://" + ln.Addr().String() + "/_cluster/health?wait_for_status=yellow"
	client := &http.Client{Timeout: 2 * time.Second}
	for attempt := 1; attempt <= 2; attempt++ {
		fmt.Printf("smoke: GET %s (attempt %d/2)\\n", url, attempt)
		resp, err := client.Get(url)
		if err == nil {
			fmt.Println("smoke:", resp.Status)
			return
		}
		fmt.Fprintf(os.Stderr, "smoke: %v\\n", err)
	}
	os.Exit(1)
}
'''

_TCL_WAIT = """#!/usr/bin/env tclsh
set port [lindex $argv 0]
proc on_ready {chan} {
    global state
    if {[gets $chan line] > 0 && $line eq "READY"} { set state ready }
}
puts "migrate: waiting for the schema lock on 127.0.0.1:$port"
set chan [socket 127.0.0.1 $port]
fconfigure $chan -blocking 0 -buffering line
fileevent $chan readable [list on_ready $chan]
set timer [after 3000 {set state timeout}]
vwait state
if {$state eq "timeout"} {
    puts stderr "migrate: timed out after 3000 ms waiting for READY from lock service 127.0.0.1:$port"
    exit 3
}
puts "migrate: lock acquired"
"""
_TCL_WAIT_SH = """#!/usr/bin/env bash
set -uo pipefail
python3 -c '
import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(4)
print(s.getsockname()[1], flush=True)
c, _ = s.accept(); c.sendall(b"HELLO lockd 1.4\\n"); time.sleep(30)
' > .lockd.port &
srv=$!
trap 'kill $srv' EXIT
sleep 0.5
echo "migrate: 12 migrations pending"
tclsh scripts/wait_lock.tcl "$(cat .lockd.port)"
"""

_JSOCK = """import java.io.*;
import java.net.*;

public class Warmup {
    public static void main(String[] args) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = silent.getLocalPort();
            System.out.println("warmup: ledger service at 127.0.0.1:" + port);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(1500);
                s.getOutputStream().write("PING\\n".getBytes());
                System.out.println("warmup: sent PING, waiting for PONG");
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream()));
                System.out.println("warmup: " + in.readLine());
            }
        }
    }
}
"""

# ---------------------------------------------------------------- crash
_PY_DEEP = '''import json
import sys

sys.setrecursionlimit(1_000_000)

print("menu: building category tree", flush=True)
root = {"id": 0, "children": []}
cur = root
for i in range(1, 300_000):
    nxt = {"id": i, "children": []}
    cur["children"].append(nxt)
    cur = nxt
print("menu: tree depth 300000, writing build/menu.json", flush=True)
with open("build/menu.json", "w") as f:
    f.write(json.dumps(root))
print("menu: done")
'''

_C_FREE = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *trim(char *s) {
    while (*s == ' ') s++;
    return s;
}

int main(void) {
    const char *tags[] = {"  alpha", "beta", "  gamma", "delta"};
    for (int i = 0; i < 4; i++) {
        char *buf = strdup(tags[i]);
        char *t = trim(buf);
        printf("tag %d: %s\n", i, t);
        fflush(stdout);
        free(t);
    }
    return 0;
}
'''
_C_FREE_SH = """#!/usr/bin/env bash
set -uo pipefail
mkdir -p build
gcc -O0 -g -o build/tags src/tags.c
echo "built build/tags"
./build/tags
"""

# ---------------------------------------------------------------- resource
_REDIS_SH = """#!/usr/bin/env bash
set -uo pipefail
redis-server --port 16399 --save '' --appendonly no --maxmemory 2mb --maxmemory-policy noeviction --daemonize no > .redis.log 2>&1 &
srv=$!
trap 'redis-cli -p 16399 shutdown nosave >/dev/null 2>&1; wait $srv' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do redis-cli -p 16399 ping >/dev/null 2>&1 && break; sleep 0.3; done
echo "seed: redis $(redis-cli -p 16399 info server | grep redis_version | tr -d '\\r')"
python3 scripts/seed_sessions.py
"""
_REDIS_SEED = '''import subprocess

batch = 0
payload = "x" * 2000
while True:
    batch += 1
    cmds = "".join(f"SET session:{batch}:{i} {payload}\\n" for i in range(100))
    out = subprocess.run(["redis-cli", "-p", "16399"], input=cmds, capture_output=True, text=True).stdout
    errors = [line for line in out.splitlines() if line.startswith(("ERR", "OOM"))]
    if errors:
        print(f"seed: batch {batch}: {len(errors)} of 100 writes rejected")
        print(errors[0])
        raise SystemExit(1)
    print(f"seed: batch {batch}: 100 sessions written")
'''

_GIT_OOM_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "fixtures: generating large fixture"
mkdir -p fixtures
head -c 300000000 /dev/zero | tr '\\0' 'a' > fixtures/golden.bin
ls -la fixtures
git init -q store && cd store
cp ../fixtures/golden.bin .
ulimit -v 250000
git -c core.bigFileThreshold=1g add golden.bin
echo "fixtures: staged"
"""

# ---------------------------------------------------------------- lint
_BASHATE_A = """#!/usr/bin/env bash
set -euo pipefail
function deploy {
   local env=$1
    echo "deploying to $env"   
    if [ "$env" == "prod" ] ; then
        echo "careful"
    fi
}
deploy "$@"
"""
_BASHATE_B = """#!/usr/bin/env bash
set -euo pipefail
for f in dist/*; do
    echo "$f"
done
"""

_TOML_A = """[tool.acme]
zones = ["eu", "us"]

[project]
version = "2.0.0"
name = "acme-tools"

[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"
"""
_TOML_B = """[a]
x = 1

[b]
y = 2
"""


def register(case):
    case(
        name="npm-ci-offline-enotcached-left-pad-empty-cache",
        tool="npm",
        category="dependency",
        repo="web",
        tty=False,
        command="npm ci --offline --no-audit --no-fund",
        setup="rm -rf /work/scratch/h20/npmcache-empty",
        env={"npm_config_cache": "/work/scratch/h20/npmcache-empty", "npm_config_update_notifier": "false"},
        files={"package.json": _NPM_PKG, "package-lock.json": _NPM_LOCK},
        keys=["ENOTCACHED"],
        cause=[has("ENOTCACHED")],
    )
    case(
        name="go-build-package-slices-is-not-in-goroot-go-1-19",
        tool="go",
        category="dependency",
        repo="sorter",
        tty=False,
        command="./ci/build.sh",
        files={"ci/build.sh": _SLICES_SH, "go.mod": "module example.com/sorter\n\ngo 1.19\n", "main.go": _SLICES_GO},
        keys=["package slices is not in GOROOT"],
        cause=[has("package slices is not in GOROOT")],
    )
    case(
        name="php-call-to-undefined-function-mb-strtolower-no-mbstring",
        tool="php",
        category="dependency",
        ci="travis",
        repo="cities",
        tty=False,
        command="php bin/import.php",
        files={"bin/import.php": _PHP_MB, "data/cities.csv": "Lisbon,PT\nPorto,PT\nMadrid,ES\n"},
        keys=["Call to undefined function mb_strtolower()"],
        cause=[has("Call to undefined function mb_strtolower()")],
    )
    case(
        name="tclsh-package-require-json-cant-find-package-tcllib",
        tool="tclsh",
        category="dependency",
        repo="reports-tcl",
        tty=False,
        command="tclsh scripts/report.tcl",
        files={"scripts/report.tcl": _TCL_JSON, "data/summary.json": '{"ok": 1}\n'},
        keys=["can't find package json"],
        cause=[first("can't find package json"), has('(file "scripts/report.tcl" line')],
    )
    # ---- runtime
    case(
        name="php-argumentcounterror-too-few-arguments-price-with-tax",
        tool="php",
        category="runtime",
        repo="invoicing",
        tty=False,
        command="php bin/invoice.php",
        files={"bin/invoice.php": _PHP_ARGS},
        keys=["ArgumentCountError", "Too few arguments to function price_with_tax()"],
        cause=[has("ArgumentCountError: Too few arguments")],
    )
    case(
        name="python-unicodeencodeerror-ascii-stdout-lang-c-godel",
        tool="python",
        category="runtime",
        ci="gitlab",
        repo="labels",
        tty=False,
        command="python scripts/labels.py",
        env={"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
        files={"scripts/labels.py": _PY_ASCII, "data/customers.json": _CUSTOMERS},
        keys=["UnicodeEncodeError", "'ascii' codec can't encode character"],
        cause=[has('labels.py", line 7'), has("print(f\"label:"), has("UnicodeEncodeError")],
    )
    case(
        name="java-illegalstateexception-caused-by-array-index-5-line-14",
        tool="java",
        category="runtime",
        repo="timetable",
        tty=False,
        command="./ci/run.sh",
        files={"ci/run.sh": _JA_AIOOBE_SH, "src/Timetable.java": _JA_AIOOBE, "data/timetable.txt": _timetable()},
        keys=["bad timetable line 14", "Index 5 out of bounds for length 5"],
        cause=[has("IllegalStateException: bad timetable line 14"), has("Caused by: java.lang.ArrayIndexOutOfBoundsException"), has("at Timetable.parseSlots(Timetable.java:8)")],
    )
    case(
        name="node-typeerror-items-map-is-not-a-function-pages-object",
        tool="node",
        category="runtime",
        ci="github",
        repo="feed",
        tty=False,
        command="node scripts/feed.mjs",
        files={"scripts/feed.mjs": _NODE_MAP, "data/feed.json": _FEED},
        keys=["TypeError: items.map is not a function"],
        cause=[has("TypeError: items.map is not a function"), first("scripts/feed.mjs:7"), has("const slugs = items.map")],
    )
    # ---- infrastructure
    case(
        name="python-ssl-wrong-version-number-tls-to-plain-http-port",
        tool="python",
        category="infrastructure",
        repo="metrics-push",
        tty=False,
        command="./ci/push.sh",
        files={"ci/push.sh": _SSL_SH, "ci/metrics.env": "METRICS_URL=https://localhost:18443/api/v1/push\nMETRICS_TLS=1\n", "scripts/push_metrics.py": _SSL_PY},
        keys=["WRONG_VERSION_NUMBER"],
        cause=[has("ssl.SSLError"), has('push_metrics.py", line 9')],
    )
    case(
        name="go-dial-unix-signer-agent-sock-no-such-file",
        tool="go",
        category="infrastructure",
        ci="travis",
        repo="release-signer",
        tty=False,
        command="go run ./cmd/sign",
        setup="rm -rf /work/scratch/h20/run && mkdir -p /work/scratch/h20/run",
        files={"go.mod": "module example.com/signer\n\ngo 1.19\n", "cmd/sign/main.go": _UNIX_GO},
        keys=["signer-agent.sock: connect: no such file or directory"],
        cause=[has("cannot reach signing agent")],
    )
    case(
        name="node-http-socket-hang-up-econnreset-remote-cache-upload",
        tool="node",
        category="infrastructure",
        repo="monorepo",
        tty=False,
        command="node scripts/upload-cache.mjs",
        files={"scripts/upload-cache.mjs": _HANGUP_JS},
        keys=["socket hang up", "ECONNRESET"],
        cause=[has("remote cache upload failed"), has("code: 'ECONNRESET'")],
    )
    # ---- timeout
    case(
        name="go-http-client-timeout-exceeded-awaiting-headers-two-attempts",
        tool="go",
        category="timeout",
        repo="search-smoke",
        tty=False,
        command="go run ./cmd/smoke",
        files={"go.mod": "module example.com/smoke\n\ngo 1.19\n", "cmd/smoke/main.go": _GOTO_MAIN},
        keys=["Client.Timeout exceeded while awaiting headers"],
        cause=[has("Client.Timeout exceeded")],
    )
    case(
        name="tclsh-vwait-after-3000-ms-lock-service-never-ready",
        tool="tclsh",
        category="timeout",
        repo="migrations",
        tty=False,
        command="./ci/migrate.sh",
        files={"ci/migrate.sh": _TCL_WAIT_SH, "scripts/wait_lock.tcl": _TCL_WAIT},
        keys=["timed out after 3000 ms waiting for READY"],
        cause=[has("timed out after 3000 ms")],
    )
    case(
        name="java-sockettimeoutexception-read-timed-out-ledger-ping",
        tool="java",
        category="timeout",
        ci="github",
        repo="ledger-warmup",
        tty=False,
        command="java src/Warmup.java",
        files={"src/Warmup.java": _JSOCK},
        keys=["java.net.SocketTimeoutException: Read timed out"],
        cause=[has("SocketTimeoutException: Read timed out"), has("at Warmup.main(Warmup.java:")],
    )
    # ---- crash
    case(
        name="python-setrecursionlimit-million-json-dumps-nested-tree-segfault-139",
        tool="python",
        category="crash",
        repo="menu",
        tty=False,
        command="./ci/menu.sh",
        files={"ci/menu.sh": "#!/usr/bin/env bash\nset -uo pipefail\nmkdir -p build\necho \"menu: python $(python -V 2>&1)\"\npython scripts/menu.py\n", "scripts/menu.py": _PY_DEEP},
        keys=["Segmentation fault"],
        cause=[has("Segmentation fault")],
    )
    case(
        name="c-free-invalid-pointer-trimmed-tag-abort-134",
        tool="gcc",
        category="crash",
        ci="travis",
        repo="tags",
        tty=False,
        command="./ci/run.sh",
        files={"ci/run.sh": _C_FREE_SH, "src/tags.c": _C_FREE},
        keys=["free(): invalid pointer", "Aborted"],
        cause=[has("free(): invalid pointer"), has("Aborted")],
    )
    # ---- resource
    case(
        name="redis-oom-command-not-allowed-maxmemory-2mb-session-seed",
        tool="redis",
        category="resource",
        repo="sessions",
        tty=False,
        command="./ci/seed.sh",
        files={"ci/seed.sh": _REDIS_SH, "scripts/seed_sessions.py": _REDIS_SEED},
        keys=["OOM command not allowed when used memory > 'maxmemory'"],
        cause=[has("writes rejected"), has("OOM command not allowed")],
    )
    case(
        name="git-add-mmap-failed-cannot-allocate-memory-ulimit-v-fixture",
        tool="git",
        category="resource",
        ci="github",
        repo="fixtures",
        tty=False,
        command="./ci/fixtures.sh",
        files={"ci/fixtures.sh": _GIT_OOM_SH},
        keys=["mmap failed", "Cannot allocate memory"],
        cause=[has("fatal: mmap failed")],
    )
    # ---- lint
    case(
        name="bashate-indent-and-trailing-whitespace-deploy-script",
        tool="bashate",
        category="lint",
        repo="ops-scripts",
        tty=False,
        command="bashate -i E006 scripts/*.sh",
        files={"scripts/deploy.sh": _BASHATE_A, "scripts/list.sh": _BASHATE_B},
        keys=["scripts/deploy.sh"],
        cause=[has("scripts/deploy.sh:"), has("bashate error(s) found")],
    )
    case(
        name="toml-sort-check-pyproject-unsorted-tables-and-keys",
        tool="toml-sort",
        category="lint",
        ci="gitlab",
        repo="acme-tools",
        tty=False,
        command="toml-sort --check --all pyproject.toml config/defaults.toml",
        files={"pyproject.toml": _TOML_A, "config/defaults.toml": _TOML_B},
        keys=["pyproject.toml"],
        cause=[has("check failure(s)"), has("- pyproject.toml")],
    )
