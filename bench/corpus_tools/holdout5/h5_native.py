"""Native, JVM, Erlang, Tcl, Terraform, kubectl and shell cases for the sixth held-out corpus
(gcc/g++ 12, cmake + ninja, meson, cppcheck, googletest from Debian; rustc/cargo 1.95; OpenJDK 17;
Erlang/OTP 25 erlc + eunit; Tcl 8.6 tcltest; terraform 1.11; kubectl 1.32 kustomize; curl,
openssl; bash; git)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- C: ThreadSanitizer finds a data race in a counter test
_TSAN_C = """\
#include <pthread.h>
#include <stdio.h>

struct stats { long requests; long errors; };
static struct stats g_stats;

static void *serve(void *arg) {
    for (int i = 0; i < 50000; i++) {
        g_stats.requests++;
        if (i % 1000 == 0)
            __atomic_fetch_add(&g_stats.errors, 1, __ATOMIC_RELAXED);
    }
    return arg;
}

int main(void) {
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, serve, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("requests=%ld errors=%ld\\n", g_stats.requests, g_stats.errors);
    return g_stats.requests == 200000 ? 0 : 1;
}
"""

# --- cmake + ninja: two translation units fail, the others build (-k 0)
_NJ_CMAKE = """\
cmake_minimum_required(VERSION 3.20)
project(mediakit CXX)
set(CMAKE_CXX_STANDARD 17)
add_library(mediakit
  src/buffer.cpp src/clock.cpp src/codec.cpp src/demux.cpp src/frame.cpp
  src/log.cpp src/mux.cpp src/packet.cpp src/resample.cpp src/stream.cpp)
target_include_directories(mediakit PUBLIC include)
add_executable(mkinfo tools/mkinfo.cpp)
target_link_libraries(mkinfo mediakit)
"""
_NJ_OK = """\
#include "mediakit.h"
namespace mk {{ int {name}_version() {{ return {n}; }} }}
"""
_NJ_H = """\
#pragma once
#include <cstdint>
#include <string>
#include <vector>
namespace mk {
struct Packet { std::int64_t pts; std::vector<std::uint8_t> data; };
struct Frame { int width; int height; std::int64_t pts; };
class Codec {
 public:
  explicit Codec(std::string name) : name_(std::move(name)) {}
  Frame decode(const Packet& p) const;
  const std::string& name() const { return name_; }
 private:
  std::string name_;
};
}
"""
_NJ_CODEC = """\
#include "mediakit.h"

namespace mk {

Frame Codec::decode(const Packet& p) const {
  Frame f{};
  f.pts = p.pts;
  f.width = 1920;
  f.height = 1080;
  if (p.data.empty())
    return nullptr;
  return f;
}

int codec_version() { return 3; }
}
"""
_NJ_DEMUX = """\
#include "mediakit.h"
#include <map>

namespace mk {

std::vector<Packet> demux(const std::vector<std::uint8_t>& bytes) {
  std::vector<Packet> out;
  std::map<int, Packet> pending;
  for (std::size_t i = 0; i < bytes.size(); i += 188) {
    Packet p{static_cast<std::int64_t>(i), {}};
    pending.emplace(i, p);
  }
  for (auto& [pid, pkt] : pending)
    out.push_back(pkt);
  return out.size();
}

}
"""
_NJ_TOOL = """\
#include "mediakit.h"
#include <cstdio>
int main() { std::puts("mkinfo"); return 0; }
"""

# --- make: the Makefile still names a source file that was renamed
_MK_MAKEFILE = """\
CC ?= gcc
CFLAGS ?= -O2 -Wall
OBJS = build/main.o build/lexer.o build/parser.o build/eval.o

calc: $(OBJS)
\t$(CC) -o $@ $(OBJS)

build/%.o: src/%.c | build
\t$(CC) $(CFLAGS) -c $< -o $@

build:
\tmkdir -p build
"""
_MK_SRC = "int {name}_stub(void) {{ return 0; }}\n"

# --- googletest: 2 of 14 tests fail
_GT_LIMITER_H = """\
#pragma once
#include <cstdint>
class RateLimiter {
 public:
  RateLimiter(int capacity, std::int64_t window_ms) : cap_(capacity), window_(window_ms), left_(capacity), start_(0) {}
  bool allow(std::int64_t now_ms) {
    if (now_ms - start_ > window_) { start_ = now_ms; left_ = cap_ - 1; return true; }
    if (left_ > 0) { --left_; return true; }
    return false;
  }
  int remaining() const { return left_; }
 private:
  int cap_;
  std::int64_t window_;
  int left_;
  std::int64_t start_;
};
"""
_GT_TESTS = """\
#include <gtest/gtest.h>
#include <string>
#include "limiter.h"

TEST(RateLimiter, AllowsUpToCapacity) {
  RateLimiter r(3, 1000);
  EXPECT_TRUE(r.allow(1));
  EXPECT_TRUE(r.allow(2));
  EXPECT_TRUE(r.allow(3));
}
TEST(RateLimiter, RejectsOverCapacity) {
  RateLimiter r(2, 1000);
  r.allow(1); r.allow(2);
  EXPECT_FALSE(r.allow(3));
}
TEST(RateLimiter, RefillsAfterWindow) {
  RateLimiter r(2, 1000);
  r.allow(0); r.allow(10);
  EXPECT_TRUE(r.allow(1000));
}
TEST(RateLimiter, RemainingCountsDown) {
  RateLimiter r(5, 1000);
  r.allow(1);
  EXPECT_EQ(r.remaining(), 4);
}
TEST(RateLimiter, StartsFull) {
  RateLimiter r(5, 1000);
  EXPECT_EQ(r.remaining(), 5);
}
TEST(RateLimiter, ZeroCapacity) {
  RateLimiter r(0, 1000);
  EXPECT_FALSE(r.allow(5000));
}
TEST(Strings, Concat) { EXPECT_EQ(std::string("a") + "b", "ab"); }
TEST(Strings, Upper) { std::string s = "ab"; s[0] = 'A'; EXPECT_EQ(s, "Ab"); }
TEST(Strings, Empty) { EXPECT_TRUE(std::string().empty()); }
TEST(Strings, Find) { EXPECT_EQ(std::string("hello").find('l'), 2u); }

class WindowTest : public ::testing::TestWithParam<int> {};
TEST_P(WindowTest, NeverNegative) {
  RateLimiter r(GetParam(), 100);
  for (int i = 0; i < 10; ++i) r.allow(i);
  ASSERT_GE(r.remaining(), 0) << "capacity " << GetParam();
}
INSTANTIATE_TEST_SUITE_P(Capacities, WindowTest, ::testing::Values(1, 4, 16, 64));
"""

# --- meson: a dependency the agent image does not have
_MESON_BUILD = """\
project('vault-agent', 'c', version : '0.7.2', default_options : ['warning_level=2'])

cc = meson.get_compiler('c')
m_dep = cc.find_library('m', required : true)
threads = dependency('threads')
sodium = dependency('libsodium', version : '>=1.0.18')

executable('vault-agent', 'src/main.c', dependencies : [m_dep, threads, sodium])
"""

# --- cppcheck: three real defects
_CPPC_RING = """\
#include <stdlib.h>
#include <string.h>

#define RING_SIZE 8

struct ring { int buf[RING_SIZE]; int head; };

int ring_last(struct ring *r) {
    return r->buf[RING_SIZE];
}

char *ring_name(const char *prefix) {
    char *s = malloc(strlen(prefix) + 6);
    if (strlen(prefix) > 32)
        return NULL;
    strcpy(s, prefix);
    strcat(s, "-ring");
    return s;
}
"""
_CPPC_CFG = """\
#include <stdio.h>
#include <stdlib.h>

struct cfg { int port; const char *host; };

int cfg_port(const struct cfg *c) {
    if (c == NULL)
        fprintf(stderr, "no config\\n");
    return c->port;
}

int cfg_sum(void) {
    int vals[4] = {1, 2, 3, 4};
    int sum = 0;
    for (int i = 0; i <= 4; i++)
        sum += vals[i];
    return sum;
}
"""
_CPPC_OK = """\
#include <string.h>
int util_len(const char *s) { return (int)strlen(s); }
"""

# --- cargo: a feature the path dependency does not declare
_FEAT_WS = """\
[workspace]
members = ["netutil", "gateway"]
resolver = "2"
"""
_FEAT_NET = """\
[package]
name = "netutil"
version = "0.4.0"
edition = "2021"

[features]
default = []
rustls = []
metrics = []
"""
_FEAT_GW = """\
[package]
name = "gateway"
version = "0.1.0"
edition = "2021"

[dependencies]
netutil = { path = "../netutil", features = ["metrics", "tls"] }
"""

# --- rust: unbounded recursion overflows the main thread's stack
_SO_TOML = """\
[package]
name = "treewalk"
version = "0.2.0"
edition = "2021"
"""
_SO_MAIN = """\
use std::collections::HashMap;

struct Node {
    name: String,
    parent: Option<String>,
}

fn depth(nodes: &HashMap<String, Node>, name: &str) -> usize {
    match &nodes[name].parent {
        None => 0,
        Some(p) => 1 + depth(nodes, p),
    }
}

fn main() {
    let mut nodes = HashMap::new();
    for (n, p) in [("root", None), ("a", Some("root")), ("b", Some("a")), ("c", Some("d")), ("d", Some("c"))] {
        nodes.insert(n.to_string(), Node { name: n.to_string(), parent: p.map(str::to_string) });
    }
    let mut names: Vec<_> = nodes.keys().cloned().collect();
    names.sort();
    for n in names {
        println!("{:>6} depth {}", nodes[&n].name, depth(&nodes, &n));
    }
}
"""

# --- java: a jar built without a Main-Class
_JAR_SH = """\
#!/bin/bash
set -euo pipefail
echo "--- compiling"
mkdir -p build/classes
javac -d build/classes $(find src -name '*.java')
echo "compiled $(find build/classes -name '*.class' | wc -l) classes"
echo "--- packaging"
jar cf build/report-gen.jar -C build/classes .
ls -l build/report-gen.jar | awk '{print $5, $9}'
echo "--- smoke test"
java -jar build/report-gen.jar --dry-run
"""
_JAR_MAIN = """\
package com.acme.report;

public final class Main {
    public static void main(String[] args) {
        System.out.println("report-gen " + String.join(" ", args));
    }
}
"""
_JAR_FMT = """\
package com.acme.report;

final class Fmt {
    static String money(long cents) { return String.format("%d.%02d", cents / 100, cents % 100); }
}
"""

# --- Erlang: eunit failures
_ERL_SLUG = """\
-module(slug).
-export([slugify/1, truncate/2]).

slugify(S) ->
    Lower = string:lowercase(S),
    Parts = string:lexemes(Lower, " _"),
    lists:flatten(lists:join("-", Parts)).

truncate(S, N) when length(S) =< N -> S;
truncate(S, N) -> lists:sublist(S, N - 1) ++ "~".
"""
_ERL_SLUG_T = """\
-module(slug_tests).
-include_lib("eunit/include/eunit.hrl").

slugify_spaces_test() ->
    ?assertEqual("hello-world", slug:slugify("Hello World")).

slugify_underscore_test() ->
    ?assertEqual("snake-case", slug:slugify("snake_case")).

slugify_punct_test() ->
    ?assertEqual("rock-n-roll", slug:slugify("Rock 'n' Roll")).

truncate_short_test() ->
    ?assertEqual("abc", slug:truncate("abc", 5)).

truncate_long_test() ->
    ?assertEqual("abcd", slug:truncate("abcdefgh", 4)).

truncate_exact_test() ->
    ?assertEqual("abcd", slug:truncate("abcd", 4)).
"""
_ERL_QUEUE = """\
-module(jobq).
-export([new/0, push/2, pop/1, size/1]).

new() -> {[], []}.
push(X, {In, Out}) -> {[X | In], Out}.
pop({[], []}) -> empty;
pop({In, []}) -> pop({[], In});
pop({In, [H | T]}) -> {H, {In, T}}.
size({In, Out}) -> length(In) + length(Out).
"""
_ERL_QUEUE_T = """\
-module(jobq_tests).
-include_lib("eunit/include/eunit.hrl").

fifo_test() ->
    Q = jobq:push(b, jobq:push(a, jobq:new())),
    {a, Q1} = jobq:pop(Q),
    ?assertMatch({b, _}, jobq:pop(Q1)).

empty_test() ->
    ?assertEqual(empty, jobq:pop(jobq:new())).

size_test() ->
    ?assertEqual(2, jobq:size(jobq:push(x, jobq:push(y, jobq:new())))).

pop_returns_queue_test() ->
    {x, Q} = jobq:pop(jobq:push(x, jobq:new())),
    ?assertEqual(0, jobq:size(Q)).
"""
_ERL_RUN = """\
#!/bin/bash
set -e
mkdir -p ebin
erlc -o ebin src/*.erl test/*.erl
erl -noshell -pa ebin -eval 'case eunit:test([slug, jobq], [verbose]) of ok -> halt(0); _ -> halt(1) end'
"""

# --- Erlang: erlc stops on unbound variables / undefined function
_ERLC_MOD = """\
-module(billing).
-export([invoice/2, total/1]).

-record(line, {sku, qty, price}).

total(Lines) ->
    lists:foldl(fun(#line{qty = Q, price = P}, Acc) -> Acc + Q * P end, 0, Lines).

invoice(Customer, Lines) ->
    Sub = total(Lines),
    Tax = round(Sub * 0.2),
    #{customer => Customer,
      subtotal => Sub,
      tax => Tax,
      total => Sub + Tax + Shipping,
      due => format_date(Due)}.

format_day({Y, M, D}) ->
    io_lib:format("~4..0B-~2..0B-~2..0B", [Y, M, D]).
"""
_ERLC_OK = """\
-module(currency).
-export([cents/1]).

cents(X) when is_integer(X) -> X * 100.
"""

# --- Tcl: tcltest failures (one error with errorInfo, one wrong return code)
_TCL_SRC = """\
namespace eval duration {}

proc duration::parse {s} {
    set total 0
    foreach {all num unit} [regexp -all -inline {(\\d+)([hms])} $s] {
        switch $unit {
            h { incr total [expr {$num * 3600}] }
            m { incr total [expr {$num * 60}] }
            s { incr total $num }
        }
    }
    return $total
}

proc duration::format {secs} {
    return [::format "%dh%02dm" [expr {$secs / 3600}] [expr {$secs % 3600 / 60}]]
}
"""
_TCL_TEST = """\
package require tcltest
namespace import ::tcltest::*
source [file join [file dirname [info script]] .. lib duration.tcl]

test parse-1.1 {hours and minutes} {
    duration::parse 1h30m
} 5400
test parse-1.2 {seconds only} {
    duration::parse 45s
} 45
test parse-1.3 {minutes with leading zero} {
    duration::parse 08m
} 480
test format-2.1 {round trip} {
    duration::format 5400
} 1h30m
test format-2.2 {days are not supported} -body {
    duration::parse 2d
} -returnCodes error -result {unknown unit "d"}
cleanupTests
"""
_TCL_TEST2 = """\
package require tcltest
namespace import ::tcltest::*

test list-1.1 {lsort numbers} { lsort -integer {10 2 33} } {2 10 33}
test list-1.2 {join} { join {a b c} , } a,b,c
test string-1.1 {trim} { string trim "  x  " } x
cleanupTests
"""
_TCL_ALL = """\
package require tcltest
namespace import ::tcltest::*
configure -testdir [file dirname [file normalize [info script]]] -singleproc 1 {*}$argv
set ::failed 0
proc ::tcltest::cleanupTestsHook {} {
    variable numTests
    incr ::failed $numTests(Failed)
}
runAllTests
exit [expr {$::failed > 0}]
"""

# --- terraform fmt -check -diff
_TF_MAIN = """\
resource "aws_sqs_queue" "jobs" {
  name = "jobs-${var.env}"
  visibility_timeout_seconds = 120
  message_retention_seconds  = 1209600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
      maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs_dlq" {
  name = "jobs-dlq-${var.env}"
}
"""
_TF_VARS = """\
variable "env" {
  type        = string
  description = "deployment environment"
}
"""
_TF_OUT = """\
output "queue_url" {
    value = aws_sqs_queue.jobs.url
}
"""

# --- terraform init with the provider registry unreachable
_TFI_MAIN = """\
terraform {
  required_version = ">= 1.6"
  required_providers {
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

resource "random_pet" "stack" {
  length = 2
}
"""

# --- curl: the artifact server's certificate has expired
_SSL_SH = """\
#!/bin/bash
set -u
cleanup() {
  echo "--- cleanup"
  kill "$SERVER_PID" 2>/dev/null && echo "stopped mirror (pid hidden)"
  rm -rfv tmp/ | sed 's/^/  /'
  echo "cleanup done (no errors)"
}
trap cleanup EXIT
mkdir -p tmp/cache/{a,b,c,d}
for i in $(seq 1 18); do echo "layer $i" > tmp/cache/$((i % 4 == 0 ? 0 : 1))-layer-$i.bin 2>/dev/null || echo "layer $i" > tmp/cache/a/layer-$i.bin; done
openssl s_server -quiet -accept 8443 -cert ci/mirror.crt -key ci/mirror.key -www >/dev/null 2>&1 &
SERVER_PID=$!
sleep 1
echo "--- fetching toolchain from artifact mirror"
curl -fsS --cacert ci/mirror-ca.crt --resolve artifacts.acme.test:8443:127.0.0.1 -o tmp/toolchain.tgz https://artifacts.acme.test:8443/toolchain-1.9.tgz
status=$?
echo "curl exited $status"
exit $status
"""

# --- bash: the job's CPU-time limit kills a runaway step
_CPU_SH = """\
#!/bin/bash
echo "--- generating fixtures (cpu limit 2s)"
ulimit -St 2
python3 - <<'EOF'
import itertools, sys
print("expanding permutations of 12 fields ...", flush=True)
n = 0
for p in itertools.permutations(range(12)):
    n += 1
    if n % 5_000_000 == 0:
        print(f"  {n:,} permutations", flush=True)
print("done", n)
EOF
"""

# --- git diff --check: whitespace errors in the branch's changes
_GDC_SETUP = """\
git init -q -b main . && git config user.email ci@acme.test && git config user.name ci
git add -A && git commit -qm base
git checkout -q -b feature/retry
printf 'import time\\n\\n\\ndef retry(fn, attempts=3):  \\n    for i in range(attempts):\\n        try:\\n            return fn()\\n        except OSError:\\n        \\ttime.sleep(2 ** i)\\n    raise RuntimeError("gave up")\\n' > app/retry.py
printf '# Retry\\n\\nUse `retry(fn)` for flaky calls. \\n\\n<<<<<<< HEAD\\n' >> docs/usage.md
git add -A && git commit -qm "add retry helper"
"""

# --- kustomize: an overlay names a resource file that is not there
_KZ_BASE = """\
resources:
  - deployment.yaml
  - service.yaml
"""
_KZ_DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing-api
spec:
  replicas: 1
  selector:
    matchLabels: {app: billing-api}
  template:
    metadata:
      labels: {app: billing-api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/billing-api:1.0.0
"""
_KZ_SVC = """\
apiVersion: v1
kind: Service
metadata:
  name: billing-api
spec:
  selector: {app: billing-api}
  ports: [{port: 80, targetPort: 8080}]
"""
_KZ_OVERLAY = """\
resources:
  - ../../base
  - hpa.yaml
  - pdb.yaml
images:
  - name: ghcr.io/acme/billing-api
    newTag: 1.4.2
"""
_KZ_HPA = """\
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: billing-api
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: billing-api}
  minReplicas: 3
  maxReplicas: 12
"""

_SSL_SETUP = """\
mkdir -p ci && python3 - <<'EOF'
import datetime as dt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
now = dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc)
ca = (x509.CertificateBuilder().subject_name(name("Acme CI Root")).issuer_name(name("Acme CI Root"))
      .public_key(ca_key.public_key()).serial_number(1).not_valid_before(now - dt.timedelta(days=2000))
      .not_valid_after(now + dt.timedelta(days=2000))
      .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
      .sign(ca_key, hashes.SHA256()))
leaf = (x509.CertificateBuilder().subject_name(name("artifacts.acme.test")).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(2).not_valid_before(now - dt.timedelta(days=400))
        .not_valid_after(now - dt.timedelta(days=35))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("artifacts.acme.test")]), critical=False)
        .sign(ca_key, hashes.SHA256()))
pem = serialization.Encoding.PEM
open("ci/mirror-ca.crt", "wb").write(ca.public_bytes(pem))
open("ci/mirror.crt", "wb").write(leaf.public_bytes(pem))
open("ci/mirror.key", "wb").write(key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
EOF
"""


def register(case):
    case(
        name="c-tsan-data-race-counter",
        tool="gcc",
        category="test",
        label=":c: TSan stress test",
        repo="statsd-lite",
        tty=False,
        command="make tsan-test",
        run="gcc -std=gnu11 -g -O1 -fsanitize=thread -pthread -o stats_test stats_test.c && echo 'built stats_test with -fsanitize=thread' && ./stats_test",
        files={"stats_test.c": _TSAN_C},
        keys=["WARNING: ThreadSanitizer: data race", "stats_test.c:9 in serve", "Location is global 'g_stats'"],
        cause=[
            has("WARNING: ThreadSanitizer: data race"),
            has(r"^  (Read|Write|Previous write|Previous read) of size", rx=True),
            has(r"#0 serve .*stats_test.c:9", rx=True),
            has("Location is global 'g_stats'"),
            has("SUMMARY: ThreadSanitizer: data race"),
            has("ThreadSanitizer: reported"),
        ],
        exit_status=66,
    )
    ok = {f"src/{n}.cpp": _NJ_OK.format(name=n, n=i) for i, n in enumerate(
        ["buffer", "clock", "frame", "log", "mux", "packet", "resample", "stream"])}
    case(
        name="cmake-ninja-keep-going-two-failed",
        tool="ninja",
        category="compile",
        label=":cmake: Build (ninja)",
        repo="mediakit",
        tty=False,
        command="cmake -S . -B build -G Ninja && cmake --build build -- -k 0 -j1",
        files={"CMakeLists.txt": _NJ_CMAKE, "include/mediakit.h": _NJ_H, "src/codec.cpp": _NJ_CODEC,
               "src/demux.cpp": _NJ_DEMUX, "tools/mkinfo.cpp": _NJ_TOOL, **ok},
        keys=["src/codec.cpp:11:12: error: could not convert", "src/demux.cpp:15:18: error: could not convert",
              "FAILED: CMakeFiles/mediakit.dir/src/codec.cpp.o", "ninja: build stopped: cannot make progress due to previous errors."],
        cause=[
            has("FAILED: CMakeFiles/mediakit.dir/src/"),
            has(": error: could not convert"),
            has("In member function ‘mk::Frame mk::Codec::decode"),
            has("In function ‘std::vector<mk::Packet> mk::demux"),
            has(r"^\s+1[15] \|\s+return (nullptr|out.size\(\));", rx=True),
            has("ninja: build stopped"),
        ],
        exit_status=1,
    )
    case(
        name="make-no-rule-renamed-source",
        tool="make",
        category="compile",
        ci="travis",
        repo="calc",
        tty=False,
        command="make -j1 calc",
        files={"Makefile": _MK_MAKEFILE, "src/main.c": _MK_SRC.format(name="main").replace("main_stub", "main"),
               "src/lexer.c": _MK_SRC.format(name="lexer"), "src/parse.c": _MK_SRC.format(name="parse"),
               "src/eval.c": _MK_SRC.format(name="eval")},
        keys=["No rule to make target 'build/parser.o', needed by 'calc'"],
        cause=[has("No rule to make target 'build/parser.o'")],
        exit_status=2,
    )
    case(
        name="gtest-two-failures-colour",
        tool="googletest",
        category="test",
        label=":cpp: Unit tests",
        repo="ratelimit",
        command="./build/unit_tests --gtest_color=yes",
        run="mkdir -p build && g++ -std=c++17 -O0 -g -o build/unit_tests tests/limiter_test.cpp -Isrc -lgtest -lgtest_main -pthread && ./build/unit_tests --gtest_color=yes",
        files={"src/limiter.h": _GT_LIMITER_H, "tests/limiter_test.cpp": _GT_TESTS},
        keys=["RateLimiter.RefillsAfterWindow", "tests/limiter_test.cpp:19: Failure", "RateLimiter.ZeroCapacity", "2 FAILED TESTS"],
        cause=[
            has(r"tests/limiter_test.cpp:\d+: Failure", rx=True),
            has(r"^Value of: r.allow\((1000|5000)\)$", rx=True),
            has(r"^  Actual: (false|true)$", rx=True),
            has(r"^Expected: (true|false)$", rx=True),
            has(r"^\[  FAILED  \] \S+\.\S+", rx=True),
            has("2 FAILED TESTS"),
        ],
        exit_status=1,
    )
    case(
        name="meson-setup-dependency-not-found",
        tool="meson",
        category="dependency",
        ci="github",
        repo="vault-agent",
        tty=False,
        command="meson setup build --buildtype=release",
        files={"meson.build": _MESON_BUILD, "src/main.c": "int main(void) { return 0; }\n"},
        keys=['Dependency "libsodium" not found', "meson.build:6:"],
        cause=[
            has("Run-time dependency libsodium found: NO"),
            has('ERROR: Dependency "libsodium" not found'),
        ],
        exit_status=1,
    )
    case(
        name="cppcheck-error-exitcode-three-files",
        tool="cppcheck",
        category="lint",
        label=":mag: cppcheck",
        repo="ringbuf",
        tty=False,
        command="cppcheck --enable=warning --error-exitcode=1 --inline-suppr -q src/",
        files={"src/ring.c": _CPPC_RING, "src/cfg.c": _CPPC_CFG, "src/util.c": _CPPC_OK},
        keys=["[arrayIndexOutOfBounds]", "src/ring.c:9:", "[memleak]", "[nullPointerRedundantCheck]"],
        cause=[has(r"^src/\w+\.c:\d+:\d+: (error|warning)", rx=True)],
        exit_status=1,
    )
    case(
        name="cargo-path-dep-missing-feature",
        tool="cargo",
        category="dependency",
        label=":rust: Build gateway",
        repo="edge",
        command="cargo build -p gateway --color=always",
        env={"CARGO_TARGET_DIR": "/work/scratch/h5/target/edge"},
        files={"Cargo.toml": _FEAT_WS, "netutil/Cargo.toml": _FEAT_NET, "netutil/src/lib.rs": "pub fn ok() {}\n",
               "gateway/Cargo.toml": _FEAT_GW, "gateway/src/main.rs": "fn main() { netutil::ok(); }\n"},
        keys=["does not have that feature", "`tls`", "netutil"],
        cause=[has("error: failed to select a version"), has("does not have that feature"),
               has("package `gateway`"), has("required by package `gateway"), has("versions that meet the requirements"),
               has("does have feature `rustls`"), has("which could resolve this conflict")],
        exit_status=101,
    )
    case(
        name="rust-stack-overflow-parent-cycle",
        tool="cargo",
        category="crash",
        ci="gitlab",
        repo="treewalk",
        tty=False,
        command="cargo run --quiet",
        run="cargo run --quiet; exit $?",
        env={"CARGO_TARGET_DIR": "/work/scratch/h5/target/treewalk"},
        files={"Cargo.toml": _SO_TOML, "src/main.rs": _SO_MAIN},
        keys=["has overflowed its stack", "fatal runtime error: stack overflow", "Aborted"],
        cause=[has("has overflowed its stack"), has("fatal runtime error: stack overflow"), has("Aborted")],
        exit_status=134,
    )
    case(
        name="java-jar-no-main-manifest",
        tool="java",
        category="config",
        label=":java: Package and smoke test",
        repo="report-gen",
        tty=False,
        command="./ci/package.sh",
        files={"ci/package.sh": _JAR_SH, "src/com/acme/report/Main.java": _JAR_MAIN,
               "src/com/acme/report/Fmt.java": _JAR_FMT},
        keys=["no main manifest attribute, in build/report-gen.jar"],
        cause=[has("no main manifest attribute")],
        exit_status=1,
    )
    case(
        name="eunit-verbose-two-modules-failures",
        tool="eunit",
        category="test",
        label=":erlang: eunit",
        repo="slugs",
        tty=False,
        command="./ci/eunit.sh",
        files={"ci/eunit.sh": _ERL_RUN, "src/slug.erl": _ERL_SLUG, "src/jobq.erl": _ERL_QUEUE,
               "test/slug_tests.erl": _ERL_SLUG_T, "test/jobq_tests.erl": _ERL_QUEUE_T},
        keys=["slug_tests: slugify_punct_test", "slug_tests: truncate_long_test", "jobq_tests: fifo_test",
              "{badmatch,"],
        cause=[has("...*failed*"), has(r"^in function \w+_tests:", rx=True), has("**error:{"),
               has(r"^\s+\{(expression|expected|value|pattern),", rx=True), has("Failed: ")],
        exit_status=1,
    )
    case(
        name="erlc-unbound-and-undefined",
        tool="erlc",
        category="compile",
        ci="gitlab",
        repo="billing",
        tty=False,
        command="erlc -Werror -o ebin src/*.erl",
        setup="mkdir -p ebin",
        files={"src/billing.erl": _ERLC_MOD, "src/currency.erl": _ERLC_OK},
        keys=["src/billing.erl:15:", "variable 'Shipping' is unbound", "function format_date/1 undefined"],
        cause=[has(r"^src/billing\.erl:\d+:\d+: ", rx=True), has(r"^%\s+1[568]\| ", rx=True)],
        exit_status=1,
    )
    case(
        name="tcltest-error-and-wrong-return-code",
        tool="tcltest",
        category="test",
        ci="travis",
        repo="tcl-duration",
        tty=False,
        command='tclsh tests/all.tcl -verbose "pass error"',
        files={"lib/duration.tcl": _TCL_SRC, "tests/duration.test": _TCL_TEST, "tests/lists.test": _TCL_TEST2,
               "tests/all.tcl": _TCL_ALL},
        keys=["parse-1.3", "format-2.2", "can't use invalid octal number", "Files with failing tests: duration.test"],
        cause=[
            has(r"^==== \S+ .* FAILED$", rx=True),
            has("---- Test generated error"),
            has("---- Test completed normally"),
            has("---- Return code should have been"),
            has("---- errorInfo: can't use invalid octal"),
            has('"expr {$num * 60}"'),
            has('(procedure "duration::parse" line'),
            has('"duration::parse 08m"'),
            has("---- errorCode: ARITH DOMAIN"),
            has("Failed	2"),
            has("Files with failing tests"),
        ],
        exit_status=1,
    )
    case(
        name="terraform-fmt-check-diff",
        tool="terraform",
        category="lint",
        label=":terraform: fmt",
        repo="infra-queues",
        command="terraform fmt -check -diff -recursive",
        files={"modules/queues/main.tf": _TF_MAIN, "modules/queues/variables.tf": _TF_VARS,
               "modules/queues/outputs.tf": _TF_OUT},
        keys=["modules/queues/main.tf", "modules/queues/outputs.tf"],
        cause=[has(r"^modules/queues/(main|outputs)\.tf$", rx=True),
               has(r"^-\s+(name = |visibility_timeout_seconds = |maxReceiveCount|value = )", rx=True)],
        exit_status=3,
    )
    case(
        name="terraform-init-registry-unreachable",
        tool="terraform",
        category="infrastructure",
        ci="gitlab",
        repo="infra-sandbox",
        command="terraform init -input=false",
        files={"main.tf": _TFI_MAIN},
        keys=["Failed to query available provider packages", "hashicorp/random: could not connect to", "no such host"],
        cause=[has("Error: Failed to query available provider packages"), has("Could not retrieve the list"),
               has("hashicorp/random: could not connect"), has("request discovery document"),
               has("registry.terraform.io/.well-known"), has("no such host")],
        exit_status=1,
    )
    case(
        name="curl-expired-certificate-then-cleanup",
        tool="curl",
        category="infrastructure",
        label=":package: Fetch toolchain",
        repo="firmware",
        tty=False,
        command="./ci/fetch-toolchain.sh",
        setup=_SSL_SETUP,
        files={"ci/fetch-toolchain.sh": _SSL_SH},
        keys=["SSL certificate problem: certificate has expired", "curl: (60)"],
        cause=[has("SSL certificate problem: certificate has expired")],
        exit_status=60,
    )
    case(
        name="bash-ulimit-cpu-time-exceeded",
        tool="bash",
        category="resource",
        label=":gear: Generate fixtures",
        repo="perm-fixtures",
        tty=False,
        command="./ci/gen-fixtures.sh",
        files={"ci/gen-fixtures.sh": _CPU_SH},
        keys=["CPU time limit exceeded"],
        cause=[has("CPU time limit exceeded")],
        exit_status=152,
    )
    case(
        name="git-diff-check-whitespace-and-conflict-marker",
        tool="git",
        category="lint",
        ci="github",
        repo="retry-lib",
        tty=False,
        command="git diff --check main...HEAD",
        setup=_GDC_SETUP,
        files={"app/__init__.py": "", "docs/usage.md": "# Usage\n", "README.md": "# retry-lib\n"},
        keys=["app/retry.py:4: trailing whitespace.", "app/retry.py:9: space before tab in indent.", "docs/usage.md:6: leftover conflict marker"],
        cause=[has(r"^(app|docs)/\S+:\d+: ", rx=True)],
        exit_status=2,
    )
    case(
        name="kustomize-overlay-missing-resource",
        tool="kubectl",
        category="config",
        label=":k8s: Render manifests",
        repo="billing-deploy",
        tty=False,
        command="kubectl kustomize deploy/overlays/prod",
        files={"deploy/base/kustomization.yaml": _KZ_BASE, "deploy/base/deployment.yaml": _KZ_DEPLOY,
               "deploy/base/service.yaml": _KZ_SVC, "deploy/overlays/prod/kustomization.yaml": _KZ_OVERLAY,
               "deploy/overlays/prod/hpa.yaml": _KZ_HPA},
        keys=["accumulating resources from 'pdb.yaml'", "no such file or directory"],
        cause=[has("accumulating resources")],
        exit_status=1,
    )
