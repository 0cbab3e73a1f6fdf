"""C/C++, Rust and Java cases for the thirteenth held-out corpus (g++ 12 with doctest 2.4, gcc,
cpplint, cmake-lint, cmake 3.25 presets, bison 3.8, rustc 1.95 without cargo, keytool, OpenJDK 17,
Maven 3.8.7 against a repository manager that is down)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- doctest (C++): three failing CHECKs in two test cases among many passing ones
_DC_MAIN = """\
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
"""
_DC_RING_H = """\
#pragma once
#include <cstddef>
#include <vector>

template <typename T>
class Ring {
  public:
    explicit Ring(std::size_t cap) : buf_(cap), cap_(cap) {}
    void push(T v) {
        buf_[head_] = v;
        head_ = (head_ + 1) % cap_;
        if (size_ < cap_) ++size_;
    }
    std::size_t size() const { return size_; }
    T oldest() const { return buf_[(head_ + cap_ - size_) % cap_]; }
    T newest() const { return buf_[head_ % cap_]; }
  private:
    std::vector<T> buf_;
    std::size_t cap_, head_ = 0, size_ = 0;
};
"""
_DC_TEST = """\
#include <doctest/doctest.h>
#include "ring.h"

TEST_CASE("push within capacity") {
    for (int n = 1; n <= 40; ++n) {
        Ring<int> r(64);
        for (int i = 0; i < n; ++i) r.push(i);
        CHECK(r.size() == static_cast<std::size_t>(n));
        CHECK(r.oldest() == 0);
    }
}

TEST_CASE("wrap around") {
    Ring<int> r(3);
    for (int i = 1; i <= 5; ++i) r.push(i);
    CHECK(r.size() == 3);
    CHECK(r.oldest() == 3);
    CHECK(r.newest() == 5);
}

TEST_CASE("newest after one push") {
    Ring<int> r(4);
    r.push(42);
    REQUIRE(r.size() == 1);
    CHECK(r.newest() == 42);
    CHECK(r.oldest() == 42);
}
"""
_DC_MAKE = """\
CXX ?= g++
CXXFLAGS := -std=c++17 -O0 -Wall -Iinclude

test: build/tests
\t./build/tests --no-version

build/tests: tests/main.cpp tests/test_ring.cpp include/ring.h
\t@mkdir -p build
\t$(CXX) $(CXXFLAGS) -o $@ tests/main.cpp tests/test_ring.cpp

.PHONY: test
"""

# --- SIGBUS: a reader maps an index file that a previous step truncated
_BU_C = """\
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct entry { uint64_t key; uint64_t offset; };

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "data/index.bin";
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror(path); return 1; }
    size_t n = 65536;                      /* entries, from the header written at build time */
    size_t len = n * sizeof(struct entry);
    const struct entry *e = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
    if (e == MAP_FAILED) { perror("mmap"); return 1; }
    printf("checking %zu index entries in %s\\n", n, path);
    fflush(stdout);
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += e[i].key ^ e[i].offset;
        if (i % 16384 == 0) { printf("  entry %zu ok\\n", i); fflush(stdout); }
    }
    printf("checksum %llx\\n", (unsigned long long)sum);
    return 0;
}
"""
_BU_SH = """\
#!/usr/bin/env bash
set -euo pipefail
gcc -O1 -o build/idxcheck tools/idxcheck.c
ls -l data/index.bin
./build/idxcheck data/index.bin
echo "index ok"
"""

# --- cpplint
_CL_SRC = """\
#include <string>
#include <vector>
#include <iostream>

using namespace std;

namespace acme {

class Tokenizer {
 public:
  Tokenizer(const string& text) : text_(text) {}
  vector<string> split(char sep) {
    vector<string> out;
    string cur;
    for (char c : text_) {
      if (c == sep) { out.push_back(cur); cur.clear(); }
      else cur += c;
    }
    out.push_back(cur);
    return out;
  }
 private:
  string text_;
};

}
"""

# --- cmake-lint
_CM_LISTS = """\
cmake_minimum_required(VERSION 3.16)
project(telemetry CXX)

set(sources src/agent.cpp src/buffer.cpp src/http.cpp)
add_library(telemetry ${sources})
target_include_directories(telemetry PUBLIC include)

if(BUILD_TESTING)
    add_executable(telemetry_tests tests/main.cpp tests/buffer_test.cpp tests/http_test.cpp tests/agent_test.cpp tests/more_test.cpp)
    target_link_libraries(telemetry_tests PRIVATE telemetry)
endif()

function(add_tool name)
  add_executable(${name} tools/${name}.cpp)
  target_link_libraries(${name} telemetry)
endfunction()

add_tool(dumpbuf)
"""

# --- cmake --preset: the CI preset name is not in CMakePresets.json
_CP_PRESETS = """\
{
  "version": 3,
  "configurePresets": [
    {"name": "dev", "generator": "Ninja", "binaryDir": "build/dev",
     "cacheVariables": {"CMAKE_BUILD_TYPE": "Debug"}},
    {"name": "release", "generator": "Ninja", "binaryDir": "build/release",
     "cacheVariables": {"CMAKE_BUILD_TYPE": "Release"}},
    {"name": "asan", "inherits": "dev", "binaryDir": "build/asan",
     "cacheVariables": {"CMAKE_CXX_FLAGS": "-fsanitize=address"}}
  ]
}
"""

# --- bison: the grammar has conflicts and %expect 0
_BI_Y = """\
%{
#include <stdio.h>
int yylex(void);
void yyerror(const char *s) { fprintf(stderr, "%s\\n", s); }
%}
%expect 0
%token NUM IF THEN ELSE
%left '+' '-'
%%
stmt : IF expr THEN stmt
     | IF expr THEN stmt ELSE stmt
     | expr ';'
     ;
expr : expr '+' expr
     | expr '-' expr
     | expr '*' expr
     | NUM
     ;
%%
"""
_BI_MAKE = """\
build/calc.tab.c: grammar/calc.y
\t@mkdir -p build
\tbison -Wall -o $@ $<

all: build/calc.tab.c
.DEFAULT_GOAL := all
"""

# --- rustc without cargo: a build helper script compiled directly
_RS_SRC = """\
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
struct Money { cents: i64 }

fn totals(lines: &[(&str, Money)]) -> HashMap<String, Money> {
    let mut out = HashMap::new();
    for (sku, m) in lines {
        let e = out.entry(sku.to_string()).or_insert(Money { cents: 0 });
        *e = *e + *m;
    }
    out
}

fn main() {
    let lines = [("a", Money { cents: 120 }), ("b", Money { cents: 80 }), ("a", Money { cents: 5 })];
    let t = totals(&lines);
    let grand: i64 = t.values().map(|m| m.cents).sum();
    println!("{} skus, {} cents", t.len(), grand);
    let label: &str = grand;
    println!("{label}");
}
"""

# --- keytool: the signing keystore password in the CI secret is wrong
_KT_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "inspecting release keystore"
keytool -list -keystore signing/release.p12 -storetype PKCS12 -storepass "${KEYSTORE_PASSWORD}" -alias release
"""
_KT_SETUP = (
    "mkdir -p signing && keytool -genkeypair -keystore signing/release.p12 -storetype PKCS12 "
    "-storepass correct-horse -keypass correct-horse -alias release -keyalg EC -groupname secp256r1 "
    "-dname 'CN=Acme Release, O=Acme' -validity 365"
)

# --- java: a ClassCastException in a config loader
_CC_JAVA = """\
package com.acme.cfg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class Loader {
    static Map<String, Object> parse(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String line : text.split("\\n")) {
            String[] kv = line.split("=", 2);
            String v = kv[1].trim();
            if (v.startsWith("[")) {
                m.put(kv[0].trim(), List.of(v.substring(1, v.length() - 1).split(",")));
            } else if (v.matches("-?\\\\d+")) {
                m.put(kv[0].trim(), Long.parseLong(v));
            } else {
                m.put(kv[0].trim(), v);
            }
        }
        return m;
    }

    static int port(Map<String, Object> cfg) {
        return (Integer) cfg.get("port");
    }

    public static void main(String[] args) {
        Map<String, Object> cfg = parse("name=ledger\\nport=8443\\nhosts=[a,b]");
        System.out.println("loaded " + cfg.size() + " keys: " + cfg.keySet());
        System.out.println("listening on " + port(cfg));
    }
}
"""

# --- maven: the repository manager (mirror) refuses connections
_MV_POM = """\
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>notifier</artifactId>
  <version>1.2.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.squareup.okhttp3</groupId>
      <artifactId>okhttp</artifactId>
      <version>4.9.9</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.11.0</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    </plugins>
  </build>
</project>
"""
_MV_SETTINGS = """\
<settings>
  <mirrors>
    <mirror>
      <id>central</id>
      <mirrorOf>*</mirrorOf>
      <url>http://127.0.0.1:8081/repository/maven-public/</url>
    </mirror>
  </mirrors>
</settings>
"""


def register(case):
    case(
        name="doctest-cpp-two-failed-checks-86-assertions",
        tool="doctest",
        category="test",
        label=":cpp: Unit tests",
        repo="ringbuf",
        command="make test",
        files={
            "Makefile": _DC_MAKE,
            "include/ring.h": _DC_RING_H,
            "tests/main.cpp": _DC_MAIN,
            "tests/test_ring.cpp": _DC_TEST,
        },
        keys=[
            "TEST CASE:  wrap around",
            "TEST CASE:  newest after one push",
            "ERROR: CHECK( r.newest() == 5 ) is NOT correct!",
        ],
        cause=[
            has(r"^TEST CASE:\s+(wrap around|newest after one push)", rx=True),
            has(r"^tests/test_ring\.cpp:\d+:$", rx=True),
            has(r"^tests/test_ring\.cpp:\d+: ERROR: ", rx=True),
            has(r"^\s+values: CHECK", rx=True),
            has(r"^\[doctest\] (test cases|assertions):.*failed", rx=True),
            has("[doctest] Status: FAILURE!"),
            has(r"make: \*\*\* \[Makefile:\d+: test\]", rx=True),
        ],
        exit_status=2,
    )
    case(
        name="c-sigbus-mmap-truncated-index-135",
        tool="gcc",
        category="crash",
        label=":mag: Index check",
        repo="kvstore",
        tty=False,
        command="./ci/check-index.sh",
        setup="mkdir -p build data && head -c 300000 /dev/zero > data/index.bin",
        files={"tools/idxcheck.c": _BU_C, "ci/check-index.sh": _BU_SH},
        keys=["Bus error"],
        cause=[last("entry "), has("Bus error")],
        exit_status=135,
    )
    case(
        name="cpplint-six-findings-one-header",
        tool="cpplint",
        category="lint",
        ci="github",
        repo="tokenizer",
        tty=False,
        command="cpplint --recursive src",
        files={"src/tokenizer.h": _CL_SRC},
        keys=[
            "Do not use namespace using-directives",
            "Single-parameter constructors should be marked explicit",
        ],
        cause=[has(r"^src/tokenizer\.h:\d+:  ", rx=True), has("Total errors found")],
        exit_status=1,
    )
    case(
        name="cmake-lint-five-conventions-line-too-long-indentation",
        tool="cmake-lint",
        category="lint",
        label=":cmake: Lint",
        repo="telemetry",
        tty=False,
        command="cmake-lint CMakeLists.txt",
        files={"CMakeLists.txt": _CM_LISTS},
        keys=["[C0301] Line too long (133/80)", "[C0307] Bad indentation:"],
        cause=[has(r"^CMakeLists\.txt:\d+", rx=True), has(r"^\s+Convention: 5", rx=True)],
        exit_status=1,
    )
    case(
        name="cmake-preset-ci-release-not-found",
        tool="cmake",
        category="config",
        ci="travis",
        repo="telemetry",
        tty=False,
        command="cmake --preset ci-release",
        files={
            "CMakePresets.json": _CP_PRESETS,
            "CMakeLists.txt": "cmake_minimum_required(VERSION 3.21)\nproject(t CXX)\n",
        },
        keys=["No such preset in", '"ci-release"'],
        cause=[has("No such preset")],
        exit_status=1,
    )
    case(
        name="bison-expect-0-conflicts-dangling-else",
        tool="bison",
        category="compile",
        label=":hammer: Generate parser",
        repo="calc",
        tty=False,
        command="make",
        files={"Makefile": _BI_MAKE, "grammar/calc.y": _BI_Y},
        keys=["shift/reduce conflicts: 6 found, 0 expected"],
        cause=[
            has(r"(error|warning): (shift/reduce|reduce/reduce) conflicts", rx=True),
            has(r"make: \*\*\* ", rx=True),
        ],
        exit_status=2,
    )
    case(
        name="rustc-e0369-add-money-and-e0308-label",
        tool="rustc",
        category="compile",
        ci="gitlab",
        repo="invoice-tools",
        command="rustc --edition 2021 -o build/totals tools/totals.rs",
        setup="mkdir -p build",
        files={"tools/totals.rs": _RS_SRC},
        keys=["error[E0369]: cannot add `Money` to `Money`", "error[E0308]: mismatched types"],
        cause=[
            has(r"^error(\[E\d+\])?: ", rx=True),
            has(r"^\s*--> tools/totals\.rs:\d+:\d+", rx=True),
            has(r"^\d+\s+\|\s+(\*e = \*e \+ \*m;|let label: &str = grand;)", rx=True),
            has("expected `&str`, found `i64`"),
            has("note: an implementation of `Add` might be missing"),
        ],
        exit_status=1,
    )
    case(
        name="keytool-keystore-password-was-incorrect",
        tool="keytool",
        category="config",
        label=":android: Sign release",
        repo="mobile-app",
        tty=False,
        command="./ci/check-keystore.sh",
        env={"KEYSTORE_PASSWORD": "correct-horse-battery"},
        setup=_KT_SETUP,
        files={"ci/check-keystore.sh": _KT_SH},
        keys=["keystore password was incorrect"],
        cause=[has("keystore password was incorrect")],
        exit_status=1,
    )
    case(
        name="java-classcastexception-long-to-integer-config-port",
        tool="java",
        category="runtime",
        ci="travis",
        repo="cfg-loader",
        tty=False,
        command="javac -d out src/com/acme/cfg/Loader.java && java -cp out com.acme.cfg.Loader",
        files={"src/com/acme/cfg/Loader.java": _CC_JAVA},
        keys=["java.lang.ClassCastException: class java.lang.Long cannot be cast to class java.lang.Integer"],
        cause=[has("java.lang.ClassCastException"), has(r"^\s+at com\.acme\.cfg\.Loader\.", rx=True)],
        exit_status=1,
    )
    case(
        name="maven-mirror-connection-refused-okhttp",
        tool="maven",
        category="infrastructure",
        label=":java: Build",
        repo="notifier",
        tty=False,
        command="mvn -B -s .ci/settings.xml compile",
        files={
            "pom.xml": _MV_POM,
            ".ci/settings.xml": _MV_SETTINGS,
            "src/main/java/com/acme/Notifier.java": "package com.acme;\npublic class Notifier {}\n",
        },
        keys=["Connect to 127.0.0.1:8081 [/127.0.0.1] failed: Connection refused"],
        cause=[
            has("Downloading from central: http://127.0.0.1:8081/"),
            has(r"^\[ERROR\] Failed to execute goal", rx=True),
        ],
        exit_status=1,
    )
