"""Go, Rust, C/C++, CMake and Java cases for the second held-out corpus."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- go test: table-driven subtests, two fail with t.Fatalf
_GO_DUR = """\
package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseDuration accepts "90s", "15m", "2h" and "1d".
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if len(s) < 2 {
		return 0, fmt.Errorf("duration %q too short", s)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil {
		return 0, fmt.Errorf("duration %q: %w", s, err)
	}
	switch s[len(s)-1] {
	case 's':
		return time.Duration(n) * time.Second, nil
	case 'm':
		return time.Duration(n) * time.Minute, nil
	case 'h':
		return time.Duration(n) * time.Hour, nil
	case 'd':
		return time.Duration(n) * time.Hour * 12, nil
	}
	return 0, fmt.Errorf("duration %q: unknown unit", s)
}
"""
_GO_DUR_TEST = """\
package config

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want time.Duration
	}{
		{"seconds", "90s", 90 * time.Second},
		{"minutes", "15m", 15 * time.Minute},
		{"hours", "2h", 2 * time.Hour},
		{"days", "1d", 24 * time.Hour},
		{"padded", " 5m ", 5 * time.Minute},
		{"negative", "-3h", -3 * time.Hour},
		{"week", "1w", 7 * 24 * time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDuration(tc.in)
			if err != nil {
				t.Fatalf("ParseDuration(%q) returned error: %v", tc.in, err)
			}
			if got != tc.want {
				t.Fatalf("ParseDuration(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseDurationRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "h", "abc", "10x"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) succeeded", in)
		}
	}
}
"""

# --- go run: nil map write
_GO_INV = """\
package main

import (
	"fmt"
	"os"
	"strings"
)

type Index struct {
	bySKU map[string][]string
}

func (ix *Index) Add(sku, warehouse string) {
	ix.bySKU[sku] = append(ix.bySKU[sku], warehouse)
}

func load(lines []string) *Index {
	ix := &Index{}
	for _, l := range lines {
		parts := strings.SplitN(l, ",", 2)
		ix.Add(parts[0], parts[1])
	}
	return ix
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("indexing", os.Args[1])
	ix := load(strings.Split(strings.TrimSpace(string(data)), "\\n"))
	fmt.Println(len(ix.bySKU), "SKUs")
}
"""

# --- cargo: E0425 + E0433
_RS_LIB_MAIN = """\
mod parse;

use std::env;

fn main() {
    let path = env::args().nth(1).unwrap_or_else(|| "routes.txt".to_string());
    let text = fs::read_to_string(&path).expect("read routes");
    let routes = parse::routes(&text);
    println!("{} routes, longest {}", routes.len(), longest_route(&routes));
}

fn longest(routes: &[parse::Route]) -> usize {
    routes.iter().map(|r| r.hops.len()).max().unwrap_or(0)
}
"""
_RS_PARSE = """\
pub struct Route {
    pub name: String,
    pub hops: Vec<String>,
}

pub fn routes(text: &str) -> Vec<Route> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (name, rest) = l.split_once(':').unwrap_or((l, ""));
            Route { name: name.trim().to_string(), hops: rest.split("->").map(|h| h.trim().to_string()).collect() }
        })
        .collect()
}
"""

# --- cargo doc-test
_RS_SLUG = """\
//! URL slugs.

/// Turn a title into a URL slug.
///
/// ```
/// use slugify::slug;
/// assert_eq!(slug("Hello, World!"), "hello-world");
/// assert_eq!(slug("  Rust  2024 edition "), "rust-2024-edition");
/// ```
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    out
}

/// Truncate a slug to at most `max` bytes, never leaving a trailing dash.
///
/// ```
/// use slugify::truncate;
/// assert_eq!(truncate("hello-world", 6), "hello");
/// ```
pub fn truncate(slug: &str, max: usize) -> &str {
    let s = &slug[..slug.len().min(max)];
    s.trim_end_matches('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple() {
        assert_eq!(slug("abc"), "abc");
    }
}
"""

# --- cargo fmt --check
_RS_FMT_MAIN = """\
mod stats;

fn main() {
    let xs: Vec<f64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    println!("mean={:.3} median={:.3}", stats::mean(&xs), stats::median(&xs));
}
"""
_RS_FMT_STATS = """\
pub fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() { return 0.0 }
    xs.iter().sum::<f64>() / xs.len() as f64
}

pub fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(|a,b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}
"""

# --- ld: multiple definition
_C_MD_H = """\
#ifndef SETTINGS_H
#define SETTINGS_H
int verbose = 0;
const char *settings_profile(void);
#endif
"""
_C_MD_SETTINGS = """\
#include "settings.h"
const char *settings_profile(void) { return verbose ? "debug" : "release"; }
"""
_C_MD_LOG = """\
#include <stdio.h>
#include "settings.h"
void log_line(const char *msg) { if (verbose) fprintf(stderr, "[log] %s\\n", msg); }
"""
_C_MD_MAIN = """\
#include <stdio.h>
#include "settings.h"
void log_line(const char *msg);
int main(int argc, char **argv) {
    verbose = argc > 1;
    log_line("starting");
    printf("profile: %s\\n", settings_profile());
    return 0;
}
"""
_C_MD_MAKE = """\
CC = gcc
CFLAGS = -O2 -Wall -fno-common
OBJS = main.o settings.o log.o

all: cfgtool

cfgtool: $(OBJS)
\t$(CC) -o $@ $(OBJS)

%.o: %.c settings.h
\t$(CC) $(CFLAGS) -c $< -o $@
"""

# --- UBSan
_C_HIST = """\
#include <stdio.h>
#include <stdlib.h>

static int checksum(const int *v, int n) {
    int acc = 1;
    for (int i = 0; i < n; i++)
        acc = acc * 31 + v[i];
    return acc;
}

int main(void) {
    int samples[16];
    for (int i = 0; i < 16; i++)
        samples[i] = 1000 + i * 7919;
    printf("checksum over %d samples\\n", 16);
    printf("%d\\n", checksum(samples, 16));
    return 0;
}
"""
_C_UBSAN_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "building with -fsanitize=undefined"
gcc -std=c11 -g -O1 -fsanitize=undefined -fno-sanitize-recover=all src/hist.c -o build/hist
echo "running"
./build/hist
"""

# --- C++ terminate
_CPP_ROUTES = """\
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Route { std::string from, to; int minutes; };

static std::vector<Route> load(const char *path) {
    std::ifstream in(path);
    std::vector<Route> out;
    std::string line;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string a, b, m;
        std::getline(ss, a, ',');
        std::getline(ss, b, ',');
        std::getline(ss, m, ',');
        out.push_back({a, b, std::stoi(m)});
    }
    return out;
}

int main(int argc, char **argv) {
    auto routes = load(argv[1]);
    std::cout << "loaded " << routes.size() << " routes" << std::endl;
    int total = 0;
    for (const auto &r : routes) total += r.minutes;
    std::cout << "total minutes: " << total << std::endl;
    return 0;
}
"""
_ROUTES_CSV = "BER,MUC,65\nMUC,VIE,55\nVIE,ZRH,duration\nZRH,BER,80\n"
_CPP_SMOKE = """\
#!/usr/bin/env bash
set -e
echo "+++ building loader"
g++ -std=c++17 -O2 -o build/loader src/loader.cpp
echo "+++ smoke test"
./build/loader data/routes.csv
echo "smoke test passed"
"""

# --- make -k with several errors
_K_A = """\
#include "geom.h"
double area(struct rect r) { return r.w * r.h; }
double perimeter(struct rect r) { return 2 * (r.w + r.h) }
"""
_K_B = """\
#include <string.h>
#include "geom.h"
int parse_rect(const char *s, struct rect *out) {
    return sscanf(s, "%lfx%lf", &out->w, &out->h) == 2;
}
"""
_K_C = """\
#include <stdio.h>
#include "geom.h"
void print_rect(struct rect r) {
    printf("%gx%g (area %g)\\n", r.w, r.h, area(r), r.depth);
}
"""
_K_D = """\
#include <stdio.h>
#include "geom.h"
int main(void) {
    struct rect r = {3, 4};
    print_rect(r);
    return 0;
}
"""
_K_H = """\
struct rect { double w, h; };
double area(struct rect r);
double perimeter(struct rect r);
int parse_rect(const char *s, struct rect *out);
void print_rect(struct rect r);
"""
_K_MAKE = """\
CFLAGS = -std=c11 -Wall -Werror=implicit-function-declaration
OBJS = area.o parse.o print.o main.o

geom: $(OBJS)
\t$(CC) -o $@ $(OBJS)

%.o: %.c geom.h
\t$(CC) $(CFLAGS) -c $< -o $@
"""

# --- CMake find_package missing
_CMAKE_LISTS = """\
cmake_minimum_required(VERSION 3.16)
project(confsync VERSION 0.4.0 LANGUAGES CXX)

set(CMAKE_CXX_STANDARD 17)

find_package(Threads REQUIRED)
find_package(yaml-cpp 0.7 REQUIRED)

add_executable(confsync src/main.cpp)
target_link_libraries(confsync PRIVATE yaml-cpp Threads::Threads)
"""

# --- javac -Werror
_JAVA_CACHE = """\
package com.acme.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class LruCache {
    private final Map<String, Object> entries = new HashMap<>();
    private final List order = new ArrayList();
    private final int capacity;

    public LruCache(int capacity) {
        this.capacity = capacity;
    }

    public void put(String key, Object value) {
        if (entries.size() >= capacity) {
            Object oldest = order.remove(0);
            entries.remove(oldest);
        }
        entries.put(key, value);
        order.add(key);
    }

    public Integer hits(String key) {
        return new Integer(key.length());
    }
}
"""
_JAVA_MAIN = """\
package com.acme.cache;

public class Main {
    public static void main(String[] args) {
        LruCache c = new LruCache(2);
        c.put("a", 1);
        System.out.println(c.hits("a"));
    }
}
"""

# --- java NoClassDefFoundError / ClassNotFoundException
_JAVA_JSON = """\
package com.acme.json;

public final class Json {
    public static String quote(String s) {
        return "\\"" + s.replace("\\"", "\\\\\\"") + "\\"";
    }
}
"""
_JAVA_REPORT = """\
package com.acme.report;

import com.acme.json.Json;

public class Main {
    static String row(String name, int count) {
        return "{" + Json.quote("name") + ":" + Json.quote(name) + "," + Json.quote("count") + ":" + count + "}";
    }

    public static void main(String[] args) {
        System.out.println("exporting 3 rows");
        for (String n : new String[] {"alpha", "beta", "gamma"}) {
            System.out.println(row(n, n.length()));
        }
    }
}
"""
_JAVA_REPORT_SH = """\
#!/usr/bin/env bash
set -euo pipefail
CP="build/classes:lib/acme-jsn.jar"
echo "classpath: $CP"
java -cp "$CP" com.acme.report.Main
"""


def register(case):
    case(
        name="go-test-subtest-fatalf",
        tool="go test",
        category="test",
        label=":golang: go test",
        repo="scheduler",
        tty=False,
        command="go test -v -count=1 ./...",
        files={
            "go.mod": "module example.com/scheduler\n\ngo 1.19\n",
            "config/duration.go": _GO_DUR,
            "config/duration_test.go": _GO_DUR_TEST,
        },
        keys=[
            "--- FAIL: TestParseDuration/days",
            "--- FAIL: TestParseDuration/week",
            "duration_test.go:29",
            "unknown unit",
        ],
        cause=[
            has("--- FAIL: TestParseDuration "),
            has("--- FAIL: TestParseDuration/days"),
            has("--- FAIL: TestParseDuration/week"),
            has(r"duration_test\.go:\d+: ParseDuration", rx=True),
            has(r"^FAIL\s+example\.com/scheduler/config", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="go-run-nil-map-panic",
        tool="go run",
        category="runtime",
        ci="gitlab",
        repo="inventory",
        tty=False,
        command="go run ./cmd/indexer data/stock.csv",
        files={
            "go.mod": "module example.com/inventory\n\ngo 1.19\n",
            "cmd/indexer/main.go": _GO_INV,
            "data/stock.csv": "A-100,berlin\nA-100,hamburg\nB-220,munich\n",
        },
        keys=["panic: assignment to entry in nil map", "main.(*Index).Add"],
        cause=[
            has("panic: assignment to entry in nil map"),
            has("goroutine 1 [running]:"),
            has(r"^main\.", rx=True),
            has(r"^\s+/builds/acme/inventory/cmd/indexer/main\.go:\d+", rx=True),
            has("exit status 2"),
        ],
        exit_status=1,
    )
    case(
        name="cargo-e0425-e0433-unresolved",
        tool="cargo",
        category="compile",
        label=":rust: cargo build",
        repo="routes",
        command="cargo build --color=always",
        env={"CARGO_TARGET_DIR": "/tmp/holdout2_target/routes"},
        files={
            "Cargo.toml": '[package]\nname = "routes"\nversion = "0.1.0"\nedition = "2021"\n',
            "src/main.rs": _RS_LIB_MAIN,
            "src/parse.rs": _RS_PARSE,
        },
        keys=["E0433", "use of unresolved module or unlinked crate `fs`", "E0425", "longest_route"],
        cause=[
            has(r"^error\[E04(25|33)\]", rx=True),
            has(r"--> src/main\.rs:\d+:\d+", rx=True),
            has("let text = fs::read_to_string"),
            has("use of unresolved module or unlinked crate"),
            has("not found in this scope"),
            has("longest_route(&routes)"),
            has("could not compile `routes`"),
            has("Some errors have detailed explanations"),
        ],
        exit_status=101,
    )
    case(
        name="cargo-doctest-failure",
        tool="cargo",
        category="test",
        ci="github",
        repo="slugify",
        tty=False,
        command="cargo test",
        env={"CARGO_TARGET_DIR": "/tmp/holdout2_target/slugify"},
        files={
            "Cargo.toml": '[package]\nname = "slugify"\nversion = "0.2.0"\nedition = "2021"\n',
            "src/lib.rs": _RS_SLUG,
        },
        keys=["src/lib.rs - slug (line 5)", 'left: "hello-world-"', "doctest failed"],
        cause=[
            has("src/lib.rs - slug (line 5) ... FAILED"),
            has("---- src/lib.rs - slug (line 5) stdout ----"),
            has("assertion `left == right` failed"),
            has(r"^\s+left: ", rx=True),
            has(r"^\s+right: ", rx=True),
            has("Test executable failed"),
            has(r"^\s+src/lib\.rs - slug \(line 5\)$", rx=True),
            has("error: doctest failed"),
            has(r"^thread 'main' (\(\d+\) )?panicked at", rx=True),
        ],
        exit_status=101,
    )
    case(
        name="cargo-fmt-check-diff",
        tool="rustfmt",
        category="lint",
        ci="travis",
        repo="stats",
        tty=False,
        command="cargo fmt --all -- --check",
        files={
            "Cargo.toml": '[package]\nname = "stats"\nversion = "0.1.0"\nedition = "2021"\n',
            "src/main.rs": _RS_FMT_MAIN,
            "src/stats.rs": _RS_FMT_STATS,
        },
        keys=["Diff in", "src/stats.rs"],
        cause=[has("Diff in"), has(r"^[-+]\s", rx=True)],
        exit_status=1,
    )
    case(
        name="ld-multiple-definition",
        tool="ld",
        category="compile",
        label=":hammer: make",
        repo="cfgtool",
        tty=False,
        command="make",
        files={
            "Makefile": _C_MD_MAKE,
            "settings.h": _C_MD_H,
            "settings.c": _C_MD_SETTINGS,
            "log.c": _C_MD_LOG,
            "main.c": _C_MD_MAIN,
        },
        keys=["multiple definition of `verbose'", "first defined here", "ld returned 1 exit status"],
        cause=[
            has("multiple definition of `verbose'"),
            has("collect2: error: ld returned 1 exit status"),
            has("make: *** [Makefile:"),
        ],
        exit_status=2,
    )
    case(
        name="c-ubsan-signed-overflow",
        tool="gcc",
        category="crash",
        ci="gitlab",
        repo="hist",
        tty=False,
        command="./ci/ubsan.sh",
        setup="mkdir -p build",
        files={"src/hist.c": _C_HIST, "ci/ubsan.sh": _C_UBSAN_SH},
        keys=["runtime error: signed integer overflow", "src/hist.c:7"],
        cause=[has("runtime error: signed integer overflow")],
        exit_status=1,
    )
    case(
        name="cpp-terminate-uncaught-exception",
        tool="g++",
        category="crash",
        label=":cpp: Smoke test",
        repo="routing",
        tty=False,
        command="./ci/smoke.sh",
        setup="mkdir -p build",
        files={"src/loader.cpp": _CPP_ROUTES, "data/routes.csv": _ROUTES_CSV, "ci/smoke.sh": _CPP_SMOKE},
        keys=["terminate called after throwing an instance of 'std::invalid_argument'", "stoi", "Aborted"],
        cause=[
            has("terminate called after throwing an instance of"),
            has("what():  stoi"),
            has("Aborted"),
        ],
        exit_status=134,
    )
    case(
        name="make-keep-going-three-errors",
        tool="gcc",
        category="compile",
        ci="travis",
        repo="geom",
        tty=False,
        command="make -k",
        files={
            "Makefile": _K_MAKE,
            "geom.h": _K_H,
            "area.c": _K_A,
            "parse.c": _K_B,
            "print.c": _K_C,
            "main.c": _K_D,
        },
        keys=[
            "area.c:3",
            "expected ‘;’ before ‘}’ token",
            "implicit declaration of function ‘sscanf’",
            "has no member named ‘depth’",
            "Target 'geom' not remade because of errors",
        ],
        cause=[
            has(r"^\w+\.c:\d+:\d+: error:", rx=True),
            has(r"^\w+\.c: In function", rx=True),
            has(r"^\s+3 \| double perimeter", rx=True),
            first("return sscanf(s"),
            first("parse.c:3:1: note: include"),
            has("r.depth);"),
            has("make: *** [Makefile:"),
            has("not remade because of errors"),
        ],
        exit_status=2,
    )
    case(
        name="cmake-find-package-yaml-cpp",
        tool="cmake",
        category="dependency",
        label=":cmake: Configure",
        repo="confsync",
        tty=False,
        command="cmake -S . -B build -DCMAKE_BUILD_TYPE=Release",
        files={"CMakeLists.txt": _CMAKE_LISTS, "src/main.cpp": "int main() { return 0; }\n"},
        keys=[
            'Could not find a package configuration file provided by "yaml-cpp"',
            "yaml-cppConfig.cmake",
            "CMakeLists.txt:7 (find_package)",
        ],
        cause=[
            span("CMake Error at CMakeLists.txt:7 (find_package):", "-- Configuring incomplete"),
        ],
        exit_status=1,
    )
    case(
        name="javac-werror-lint",
        tool="javac",
        category="compile",
        label=":java: javac",
        repo="cache",
        tty=False,
        command="javac -Xlint:all -Werror -d out src/com/acme/cache/*.java",
        files={"src/com/acme/cache/LruCache.java": _JAVA_CACHE, "src/com/acme/cache/Main.java": _JAVA_MAIN},
        keys=["warnings found and -Werror specified", "[rawtypes] found raw type: List", "[removal]"],
        cause=[
            has(r"LruCache\.java:\d+: warning:", rx=True),
            has("missing type arguments for generic class"),
            has(
                r"^\s+(private final List order|Object oldest = order|order\.add|return new Integer)", rx=True
            ),
            has("error: warnings found and -Werror specified"),
            has(r"^\d+ (error|warnings?)$", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="java-noclassdeffound-classpath",
        tool="java",
        category="dependency",
        ci="gitlab",
        repo="reports",
        tty=False,
        command="./ci/export-report.sh",
        setup=(
            "mkdir -p build/jsonlib lib build/classes && javac -d build/jsonlib src/com/acme/json/Json.java && "
            "jar cf lib/acme-json.jar -C build/jsonlib . && "
            "javac -cp lib/acme-json.jar -d build/classes src/com/acme/report/Main.java"
        ),
        files={
            "src/com/acme/json/Json.java": _JAVA_JSON,
            "src/com/acme/report/Main.java": _JAVA_REPORT,
            "ci/export-report.sh": _JAVA_REPORT_SH,
        },
        keys=[
            "java.lang.NoClassDefFoundError: com/acme/json/Json",
            "java.lang.ClassNotFoundException: com.acme.json.Json",
            "lib/acme-jsn.jar",
        ],
        cause=[
            has("classpath: build/classes:lib/acme-jsn.jar"),
            span('Exception in thread "main"', "ClassLoader.loadClass(ClassLoader.java"),
        ],
        exit_status=1,
    )
