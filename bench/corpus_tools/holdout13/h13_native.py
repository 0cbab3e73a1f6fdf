"""Native and system cases for the fourteenth held-out corpus (Debian's g++ 12 with Catch2 2.13,
cmake 3.25, Lua 5.4 with busted 2.1, Erlang/OTP, OpenSSL 3.0, sqlite3; rustc/cargo 1.95;
OpenJDK 17 javac)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- Catch2: two failing test cases (one REQUIRE, one CHECK pair) among many assertions
_C2_SRC = """\
#include "semver.hpp"
#include <sstream>

Version parse(const std::string &s) {
    Version v{0, 0, 0, ""};
    char dot;
    std::istringstream in(s);
    in >> v.major >> dot >> v.minor >> dot >> v.patch;
    auto dash = s.find('-');
    if (dash != std::string::npos) v.pre = s.substr(dash + 1);
    return v;
}

bool operator<(const Version &a, const Version &b) {
    if (a.major != b.major) return a.major < b.major;
    if (a.minor != b.minor) return a.minor < b.minor;
    return a.patch < b.patch;
}
"""
_C2_H = """\
#pragma once
#include <string>
struct Version { int major, minor, patch; std::string pre; };
Version parse(const std::string &s);
bool operator<(const Version &a, const Version &b);
"""
_C2_TEST = """\
#include <catch2/catch.hpp>
#include "semver.hpp"

TEST_CASE("parse plain versions", "[parse]") {
    for (int i = 0; i < 50; i++) {
        auto v = parse("1." + std::to_string(i) + ".3");
        CHECK(v.major == 1);
        CHECK(v.minor == i);
        CHECK(v.patch == 3);
    }
}

TEST_CASE("parse pre-release", "[parse]") {
    auto v = parse("2.0.0-rc.1");
    REQUIRE(v.patch == 0);
    CHECK(v.pre == "rc.1");
}

TEST_CASE("ordering", "[order]") {
    CHECK(parse("1.2.3") < parse("1.10.0"));
    CHECK(parse("1.0.0-alpha") < parse("1.0.0"));
    CHECK_FALSE(parse("2.0.0") < parse("2.0.0"));
}

TEST_CASE("parse with leading v", "[parse]") {
    auto v = parse("v3.4.5");
    REQUIRE(v.major == 3);
    CHECK(v.minor == 4);
}
"""

# --- g++ under the job's address-space limit
_GM_SRC = """\
#include <array>
#include <cstddef>
#include <utility>

template <std::size_t N>
struct Fib { static constexpr unsigned long long value = Fib<N - 1>::value + Fib<N - 2>::value; };
template <> struct Fib<0> { static constexpr unsigned long long value = 0; };
template <> struct Fib<1> { static constexpr unsigned long long value = 1; };

template <std::size_t... I>
constexpr auto table(std::index_sequence<I...>) {
    return std::array<unsigned long long, sizeof...(I)>{Fib<I % 90>::value...};
}

constexpr auto kTable = table(std::make_index_sequence<400000>{});

unsigned long long lookup(std::size_t i) { return kTable[i % kTable.size()]; }
"""
_GM_SCRIPT = """\
#!/usr/bin/env bash
set -eo pipefail
echo "--- compiling lookup tables (memory limit $(( $(ulimit -v) / 1024 )) MiB)"
mkdir -p build
for f in src/crc.cpp src/tables.cpp; do
  echo "g++ -std=c++17 -O2 -c $f"
  g++ -std=c++17 -O2 -ftemplate-depth=100000 -fconstexpr-ops-limit=1000000000 -c "$f" -o "build/$(basename "${f%.cpp}").o"
done
"""

# --- cargo: the wasm target is not installed on the agent
_WS_LIB = """\
#[no_mangle]
pub extern "C" fn checksum(ptr: *const u8, len: usize) -> u32 {
    let data = unsafe { std::slice::from_raw_parts(ptr, len) };
    data.iter().fold(0u32, |acc, b| acc.rotate_left(5) ^ (*b as u32))
}
"""

# --- cargo: a borrow-checker error with warnings around it
_BC_MAIN = """\
use std::collections::HashMap;

#[derive(Debug)]
struct Cart {
    items: Vec<(String, u32)>,
    discounts: HashMap<String, u32>,
}

impl Cart {
    fn total(&self) -> u32 {
        self.items.iter().map(|(_, p)| p).sum()
    }
}

fn apply_discounts(cart: &mut Cart) {
    let unused_limit = 3;
    for (name, price) in cart.items.iter() {
        if let Some(d) = cart.discounts.get(name) {
            cart.items.push((format!("discount:{name}"), price - d));
        }
    }
}

fn main() {
    let mut cart = Cart { items: vec![("book".into(), 1200)], discounts: HashMap::new() };
    cart.discounts.insert("book".into(), 200);
    apply_discounts(&mut cart);
    let first = &cart.items[0];
    cart.items.clear();
    println!("{} {:?}", cart.total(), first);
}
"""

# --- javac --release 11 with a record
_JR_A = """\
package com.acme.billing;

public record Invoice(String id, long cents, String currency) {
    public Invoice {
        if (cents < 0) throw new IllegalArgumentException("negative amount");
    }
}
"""
_JR_B = """\
package com.acme.billing;

import java.util.List;

public class Totals {
    public static long sum(List<Invoice> invoices) {
        long total = 0;
        for (var inv : invoices) {
            total += inv.cents();
        }
        return total;
    }

    public static String describe(Object o) {
        if (o instanceof Invoice inv) {
            return inv.id() + " " + inv.cents();
        }
        return String.valueOf(o);
    }
}
"""

# --- Erlang: the VM cannot allocate a heap under the job's memory limit
_ER_SRC = """\
-module(agg).
-export([main/0]).

main() ->
    io:format("loading events~n"),
    Events = [{I, I rem 17, lists:duplicate(64, $x)} || I <- lists:seq(1, 200000)],
    io:format("loaded ~p events~n", [length(Events)]),
    Grouped = lists:foldl(fun({_, K, P}, Acc) -> maps:update_with(K, fun(L) -> [P | L] end, [P], Acc) end, #{}, Events),
    Doubled = [{K, V ++ V ++ V ++ V} || {K, V} <- maps:to_list(Grouped)],
    io:format("groups: ~p~n", [length(Doubled)]),
    Blob = term_to_binary(lists:duplicate(40, Doubled)),
    io:format("blob ~p bytes~n", [byte_size(Blob)]).
"""
_ER_SCRIPT = """\
#!/usr/bin/env bash
set -e
erlc -o ebin src/agg.erl
echo "compiled src/agg.erl"
ulimit -v 1500000
erl -noshell -pa ebin -s agg main -s init stop
"""

# --- openssl: the TLS certificate shipped with the deploy expires within 30 days
_OS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
for crt in certs/*.pem; do
  echo "checking $crt"
  openssl x509 -in "$crt" -noout -subject -enddate
  openssl x509 -in "$crt" -noout -checkend $((30 * 24 * 3600))
done
echo "all certificates valid for at least 30 days"
"""

# --- sqlite3: seeding trips a UNIQUE constraint
_SQ_SCHEMA = """\
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT);
CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
"""
_SQ_SEED = """\
.bail on
.echo on
INSERT INTO teams (name) VALUES ('platform'), ('payments'), ('growth');
INSERT INTO users (email, name) VALUES ('ada@acme.example', 'Ada');
INSERT INTO users (email, name) VALUES ('grace@acme.example', 'Grace');
INSERT INTO users (email, name) VALUES ('linus@acme.example', 'Linus');
INSERT INTO users (email, name) VALUES ('Ada@acme.example', 'Ada L.');
INSERT INTO users (email, name) VALUES ('ada@acme.example', 'Ada Lovelace');
INSERT INTO users (email, name) VALUES ('ken@acme.example', 'Ken');
"""

# --- busted: two failing specs
_BU_SRC = """\
local M = {}

function M.split(s, sep)
  local out = {}
  for part in string.gmatch(s, "([^" .. sep .. "]+)") do
    out[#out + 1] = part
  end
  return out
end

function M.trim(s)
  return (s:gsub("^%s+", ""))
end

function M.title(s)
  return (s:gsub("(%a)([%w_']*)", function(a, b) return a:upper() .. b end))
end

return M
"""
_BU_SPEC = """\
local str = require("strutil")

describe("strutil", function()
  describe("split", function()
    for i = 1, 30 do
      it("splits " .. i .. " fields", function()
        local parts = {}
        for j = 1, i do parts[j] = "f" .. j end
        assert.are.same(parts, str.split(table.concat(parts, ","), ","))
      end)
    end
    it("keeps empty fields", function()
      assert.are.same({"a", "", "b"}, str.split("a,,b", ","))
    end)
  end)

  describe("trim", function()
    it("trims both ends", function()
      assert.are.equal("hi", str.trim("  hi  "))
    end)
  end)

  describe("title", function()
    it("capitalises words", function()
      assert.are.equal("Hello World", str.title("hello world"))
    end)
  end)
end)
"""

# --- cmake: Catch2 3 requested, Catch2 2 installed
_CM_LISTS = """\
cmake_minimum_required(VERSION 3.20)
project(semver CXX)
set(CMAKE_CXX_STANDARD 17)
add_library(semver src/semver.cpp)
target_include_directories(semver PUBLIC include)

include(CTest)
if(BUILD_TESTING)
  find_package(Catch2 3 REQUIRED)
  add_executable(semver_tests tests/test_semver.cpp)
  target_link_libraries(semver_tests PRIVATE semver Catch2::Catch2WithMain)
  include(Catch)
  catch_discover_tests(semver_tests)
endif()
"""


def register(case):
    case(
        name="catch2-two-failed-test-cases-of-four",
        tool="catch2",
        category="test",
        label=":cpp: Unit tests",
        repo="semver-cpp",
        tty=False,
        command="make test",
        files={
            "src/semver.cpp": _C2_SRC,
            "src/semver.hpp": _C2_H,
            "tests/test_semver.cpp": _C2_TEST,
            "Makefile": (
                "CXXFLAGS = -std=c++17 -O0 -Isrc\n\n"
                "build/tests: src/semver.cpp tests/test_semver.cpp\n"
                "\tmkdir -p build\n\t$(CXX) $(CXXFLAGS) -o $@ $^ -lCatch2WithMain\n\n"
                "test: build/tests\n\t./build/tests --use-colour no\n"
            ),
        },
        keys=["test cases:   4 |   2 passed | 2 failed", 'CHECK( parse("1.0.0-alpha") < parse("1.0.0") )', "REQUIRE( v.major == 3 )"],
        cause=[
            has(r"^(ordering|parse with leading v)$", rx=True),
            has(r"^tests/test_semver\.cpp:\d+: FAILED:", rx=True),
            has(r"^\s+(CHECK|REQUIRE)\( (parse\(\"1\.0\.0-alpha\"\)|v\.major == 3)", rx=True),
            has(r"^\s+(\{\?\} < \{\?\}|0 == 3)$", rx=True),
            has(r"^test cases:", rx=True),
            has(r"^assertions:", rx=True),
            has(r"^make: \*\*\* ", rx=True),
        ],
        exit_status=2,
    )
    case(
        name="gxx-virtual-memory-exhausted-constexpr-table",
        tool="g++",
        category="resource",
        label=":cpp: Build",
        repo="lookup",
        tty=False,
        command="./ci/build.sh",
        run="ulimit -v 300000; ./ci/build.sh",
        files={"ci/build.sh": _GM_SCRIPT, "src/crc.cpp": "unsigned crc_seed() { return 0xEDB88320u; }\n", "src/tables.cpp": _GM_SRC},
        keys=["virtual memory exhausted"],
        cause=[has("virtual memory exhausted"), last("g++ -std=c++17 -O2 -c src/tables.cpp")],
        exit_status=1,
    )
    case(
        name="cargo-wasm32-target-not-installed-e0463",
        tool="cargo",
        category="infrastructure",
        ci="github",
        repo="checksum-wasm",
        tty=False,
        command="cargo build --release --target wasm32-unknown-unknown",
        env={"CARGO_TARGET_DIR": "/work/scratch/h13/cargo-target-wasm"},
        files={
            "Cargo.toml": '[package]\nname = "checksum-wasm"\nversion = "0.2.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib"]\n',
            "src/lib.rs": _WS_LIB,
        },
        keys=["error[E0463]: can't find crate for `std`", "the `wasm32-unknown-unknown` target may not be installed"],
        cause=[
            has("error[E0463]: can't find crate for `std`"),
            has("target may not be installed"),
            has("rustup target add wasm32-unknown-unknown"),
            has(r"^error: could not compile", rx=True),
        ],
        exit_status=101,
    )
    case(
        name="cargo-two-e0502-borrow-errors-with-unused-warning",
        tool="cargo",
        category="compile",
        ci="gitlab",
        repo="cart",
        tty=False,
        command="cargo build",
        env={"CARGO_TARGET_DIR": "/work/scratch/h13/cargo-target-cart"},
        files={"Cargo.toml": '[package]\nname = "cart"\nversion = "0.1.0"\nedition = "2021"\n', "src/main.rs": _BC_MAIN},
        keys=["error[E0502]: cannot borrow `cart.items` as mutable because it is also borrowed as immutable"],
        cause=[
            has(r"^error\[E0\d+\]: ", rx=True),
            has(r"^\s+--> src/main\.rs:(19|29):\d+", rx=True),
            has(r"^\d+ \|\s+(for \(name, price\) in cart\.items\.iter\(\) \{|cart\.items\.push\(|let first = &cart\.items\[0\];|cart\.items\.clear\(\);|println!)", rx=True),
            has(r"(immutable borrow (occurs|later used)|mutable borrow occurs)", rx=True),
            has(r"^error: could not compile", rx=True),
        ],
        exit_status=101,
    )
    case(
        name="javac-release-11-records-and-pattern-matching",
        tool="javac",
        category="compile",
        ci="travis",
        repo="billing-java",
        tty=False,
        command="javac --release 11 -d out src/com/acme/billing/*.java",
        files={"src/com/acme/billing/Invoice.java": _JR_A, "src/com/acme/billing/Totals.java": _JR_B},
        keys=["records are not supported in -source 11"],
        cause=[
            has(r"^src/com/acme/billing/\S+\.java:\d+: error: ", rx=True),
            has(r"^public record Invoice|^\s+if \(o instanceof Invoice inv\)", rx=True),
            has(r"^\d+ errors?$", rx=True),
            has(r"^\s+\(use -source \d+ or higher to enable", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="erlang-eheap-alloc-cannot-allocate-crash-dump",
        tool="erl",
        category="resource",
        ci="gitlab",
        repo="agg-erl",
        tty=False,
        command="./ci/aggregate.sh",
        files={"src/agg.erl": _ER_SRC, "ci/aggregate.sh": _ER_SCRIPT, "ebin/.keep": ""},
        keys=['eheap_alloc: Cannot allocate', 'bytes of memory (of type "heap").'],
        cause=[has("eheap_alloc: Cannot allocate"), has("Crash dump is being written to")],
        exit_status=1,
    )
    case(
        name="openssl-checkend-certificate-will-expire",
        tool="openssl",
        category="infrastructure",
        label=":closed_lock_with_key: Certificates",
        repo="edge-proxy",
        tty=False,
        command="./ci/check-certs.sh",
        setup=(
            "mkdir -p certs && "
            "openssl req -x509 -newkey rsa:2048 -nodes -keyout /dev/null -subj /CN=api.acme.example -days 365 -out certs/api.pem && "
            "openssl req -x509 -newkey rsa:2048 -nodes -keyout /dev/null -subj /CN=edge.acme.example -days 9 -out certs/edge.pem"
        ),
        files={"ci/check-certs.sh": _OS_SCRIPT},
        keys=["Certificate will expire"],
        cause=[has("Certificate will expire"), last("notAfter="), last("subject=CN = edge.acme.example"), last("checking certs/edge.pem")],
        exit_status=1,
    )
    case(
        name="sqlite3-seed-unique-constraint-failed-users-email",
        tool="sqlite3",
        category="runtime",
        label=":floppy_disk: Seed database",
        repo="users-db",
        tty=False,
        command="sqlite3 build/dev.db < db/schema.sql && sqlite3 build/dev.db < db/seed.sql",
        setup="mkdir -p build",
        files={"db/schema.sql": _SQ_SCHEMA, "db/seed.sql": _SQ_SEED},
        keys=["UNIQUE constraint failed: users.email"],
        cause=[has("UNIQUE constraint failed: users.email"), last("VALUES ('ada@acme.example', 'Ada Lovelace')")],
        exit_status=1,
    )
    case(
        name="busted-two-failing-specs-of-33",
        tool="busted",
        category="test",
        ci="travis",
        repo="strutil-lua",
        tty=False,
        command="busted --lpath='./?.lua' -o utfTerminal spec",
        files={"strutil.lua": _BU_SRC, "spec/strutil_spec.lua": _BU_SPEC},
        keys=["strutil split keeps empty fields", "strutil trim trims both ends"],
        cause=[
            has(r"^Failure → spec/strutil_spec\.lua @ \d+", rx=True),
            has(r"^strutil (split keeps empty fields|trim trims both ends)", rx=True),
            has(r"^spec/strutil_spec\.lua:\d+: Expected objects to be", rx=True),
            has(r"^(Passed in|Expected):", rx=True),
            has(r"^\s*\*\[\d+\] = ", rx=True),
            has(r"^\s*\(string\) '", rx=True),
            has(r"\d+ successes / \d+ failures? ", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="cmake-find-package-catch2-3-but-2-13-installed",
        tool="cmake",
        category="dependency",
        label=":cmake: Configure",
        repo="semver-cmake",
        tty=False,
        command="cmake -S . -B build -DCMAKE_BUILD_TYPE=Release",
        files={
            "CMakeLists.txt": _CM_LISTS,
            "src/semver.cpp": "int semver_dummy() { return 0; }\n",
            "include/semver.hpp": "#pragma once\n",
            "tests/test_semver.cpp": "",
        },
        keys=['Could not find a configuration file for package "Catch2" that is compatible'],
        cause=[
            has(r"^CMake Error at CMakeLists\.txt:\d+ \(find_package\):", rx=True),
            has('Could not find a configuration file for package "Catch2"'),
            has(r'requested version "3"', rx=True),
            has(r"/Catch2Config\.cmake, version: ", rx=True),
            has("Configuring incomplete, errors occurred!"),
        ],
        exit_status=1,
    )
    register_more(case)


# --- luac -p: a syntax check over the plugin sources, one file is broken
_LC_OK = """\
local M = {}

function M.greet(name)
  return "hello " .. name
end

return M
"""
_LC_BAD = """\
local router = {}
local routes = {}

function router.add(method, path, handler)
  routes[#routes + 1] = { method = method, path = path, handler = handler }
end

function router.match(method, path)
  for _, r in ipairs(routes) do
    if r.method == method and r.path == path then
      return r.handler
  end
  return nil
end

return router
"""
_LC_SCRIPT = """\
#!/usr/bin/env bash
set -e
for f in plugins/*.lua; do
  echo "luac -p $f"
  luac5.4 -p "$f"
done
echo "syntax ok"
"""

# --- twine upload to the internal package index, which refuses connections
_TW_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "acme-ledger-client"
version = "0.9.2"
description = "Client for the ledger service"
requires-python = ">=3.9"
"""
_TW_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- :python: uploading dist/ to the internal index"
ls -l dist/
twine upload --non-interactive --verbose --repository-url "$INDEX_URL" dist/*
"""


def register_more(case):
    case(
        name="luac-p-end-expected-near-eof-second-plugin",
        tool="luac",
        category="compile",
        ci="github",
        repo="gateway-plugins",
        tty=False,
        command="./ci/lua-syntax.sh",
        files={
            "ci/lua-syntax.sh": _LC_SCRIPT,
            "plugins/a_greet.lua": _LC_OK,
            "plugins/b_router.lua": _LC_BAD,
            "plugins/c_limits.lua": _LC_OK.replace("greet", "limit"),
        },
        keys=["'end' expected (to close 'function' at line 8) near <eof>"],
        cause=[has("'end' expected"), last("luac -p plugins/b_router.lua")],
        exit_status=1,
    )
    case(
        name="twine-upload-connection-refused-internal-index",
        tool="twine",
        category="infrastructure",
        label=":package: Publish",
        repo="ledger-client",
        tty=False,
        command="./ci/publish.sh",
        setup="pip wheel --no-deps -q -w dist . && rm -rf build *.egg-info",
        env={
            "INDEX_URL": "http://127.0.0.1:18750/repository/pypi-internal/",
            "TWINE_USERNAME": "ci-publisher",
            "TWINE_PASSWORD": "not-a-real-secret",
            "PIP_CACHE_DIR": "/work/scratch/h13/pipcache",
        },
        files={"pyproject.toml": _TW_PYPROJECT, "src/acme_ledger_client/__init__.py": "__version__ = '0.9.2'\n", "ci/publish.sh": _TW_SCRIPT},
        keys=["requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=18750): Max retries exceeded"],
        cause=[
            has(r"^requests\.exceptions\.ConnectionError: ", rx=True),
            has(r"^urllib3\.exceptions\.MaxRetryError: ", rx=True),
            has(r"^ConnectionRefusedError: ", rx=True),
        ],
        exit_status=1,
    )
