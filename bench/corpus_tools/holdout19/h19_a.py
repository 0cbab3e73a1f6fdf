"""Config, test and compile cases for the twentieth held-out corpus (Python 3.11, Go 1.19, CMake,
psql, Ruby 3.1, cargo, Node 20, Perl 5.36, gcc/g++ 12, rustc, javac 17)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# ---------------------------------------------------------------- config
_MAILER_INI = """[DEFAULT]
region = eu-west-1

[smtp]
port = 587
user = ci-mailer
relay = %(smtp_host)s:%(port)s
tls = yes

[digest]
schedule = daily
sender = digest@%(region)s.acme.test
"""
_MAILER_PY = '''import configparser
import sys

print("mailer: reading config/mailer.ini")
cfg = configparser.ConfigParser()
cfg.read("config/mailer.ini")
print("mailer: sections", ", ".join(cfg.sections()))
print("mailer: digest sender", cfg["digest"]["sender"])
print("mailer: smtp port", cfg.getint("smtp", "port"))
relay = cfg["smtp"]["relay"]
print("mailer: relay", relay)
'''
_MAILER_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "--- smoke: mailer config"
python -c 'import sys; print("python", sys.version.split()[0])'
for f in templates/*.txt; do echo "template ok: $f"; done
python mailer.py
echo "smoke passed"
"""

_GOCFG_MAIN = '''package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

type Upstream struct {
	Name    string `json:"name"`
	URL     string `json:"url"`
	Timeout int    `json:"timeout_ms"`
}

type Config struct {
	Listen    string     `json:"listen"`
	Upstreams []Upstream `json:"upstreams"`
}

func main() {
	start := time.Now()
	f, err := os.Open("deploy/gateway.json")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	var c Config
	if err := dec.Decode(&c); err != nil {
		fmt.Fprintf(os.Stderr, "gateway: invalid config deploy/gateway.json: %v\\n", err)
		os.Exit(2)
	}
	fmt.Printf("gateway: %d upstreams ok in %s\\n", len(c.Upstreams), time.Since(start))
}
'''
_GOCFG_JSON = """{
  "listen": ":8080",
  "upstreams": [
    {"name": "catalog", "url": "http://catalog:9000", "timeout_ms": 800},
    {"name": "pricing", "url": "http://pricing:9000", "timout_ms": 1200},
    {"name": "search", "url": "http://search:9200", "timeout_ms": 1500}
  ]
}
"""

_CMAKE_LISTS = """cmake_minimum_required(VERSION 3.16)
project(tiles LANGUAGES CXX)
set(CMAKE_CXX_STANDARD ${TILES_CXX_STANDARD})
set(CMAKE_CXX_STANDARD_REQUIRED ON)
message(STATUS "tiles: C++ standard ${CMAKE_CXX_STANDARD}")
add_library(tiles src/tiles.cpp)
add_executable(tilegen src/main.cpp)
target_link_libraries(tilegen tiles)
"""

_PGSERVICE = """# shared service definitions for the CI agents
[reporting]
host=reporting-db.internal
port=5432
dbname=reporting
user=ci

[staging]
host=staging-db.internal
port=5432
dbname=app
user=ci
"""
_PSQL_SH = """#!/usr/bin/env bash
set -euo pipefail
export PGSERVICEFILE="$PWD/ci/pg_service.conf"
echo "migrate: psql $(psql --version | awk '{print $3}')"
echo "migrate: services available:"; grep '^\\[' ci/pg_service.conf
echo "migrate: applying db/migrations/*.sql to service=${PGSERVICE_NAME}"
for f in db/migrations/*.sql; do
  echo "migrate: $f"
  psql "service=${PGSERVICE_NAME}" -v ON_ERROR_STOP=1 -f "$f"
done
"""

_SETTINGS_YML = """defaults: &defaults
  pool: 5
  adapter: :postgresql
  timeout: 5000

ci:
  <<: *defaults
  database: app_ci
"""
_SETTINGS_RB = '''require "yaml"

puts "boot: ruby #{RUBY_VERSION}, psych #{Psych::VERSION}"
%w[cache mailer queue].each { |s| puts "boot: initializer #{s} ok" }
raw = File.read("config/database.yml")
conf = YAML.safe_load(raw, aliases: true)
puts "boot: database #{conf.fetch("ci").fetch("database")}"
'''

_CARGO_BAD_EDITION = """[package]
name = "ledger"
version = "0.4.1"
edition = "2030"

[dependencies]
"""

# ---------------------------------------------------------------- test
_SPEC_LIB = '''class Slug
  def self.call(title)
    title.downcase.strip.gsub(/[^a-z0-9]+/, "-")
  end

  def self.truncate(slug, max)
    slug[0, max]
  end
end
'''
_SPEC_TEST = '''require "minitest/autorun"
require_relative "../lib/slug"

describe Slug do
  it "lowercases words" do
    _(Slug.call("Hello World")).must_equal "hello-world"
  end

  it "keeps digits" do
    _(Slug.call("Release 42")).must_equal "release-42"
  end

  it "trims trailing punctuation" do
    _(Slug.call("Ship it!")).must_equal "ship-it"
  end

  it "collapses repeated separators" do
    _(Slug.call("a -- b")).must_equal "a-b"
  end

  it "truncates at a word boundary" do
    _(Slug.truncate("deploy-the-new-pipeline", 12)).must_equal "deploy-the"
  end

  it "handles empty titles" do
    _(Slug.call("")).must_equal ""
  end
end
'''

_PRICE_JS = '''export function total(lines) {
  return lines.reduce((sum, l) => sum + l.qty * l.price, 0);
}
export function discount(amount, pct) {
  return Math.round(amount * (1 - pct / 100));
}
export function tax(amount, rate) {
  return Math.floor(amount * rate);
}
'''
_PRICE_TEST = '''import { test } from "node:test";
import assert from "node:assert/strict";
import { total, discount, tax } from "../src/price.js";

test("total sums lines", () => {
  assert.equal(total([{ qty: 2, price: 150 }, { qty: 1, price: 99 }]), 399);
});
test("discount of 10 percent", () => {
  assert.equal(discount(1000, 10), 900);
});
test("discount of zero", () => {
  assert.equal(discount(500, 0), 500);
});
test("tax rounds half up", () => {
  assert.equal(tax(1015, 0.1), 102);
});
test("empty basket", () => {
  assert.equal(total([]), 0);
});
'''

_RS_PANIC_LIB = '''pub fn parse_port(s: &str) -> u16 {
    let n: u32 = s.trim().parse().expect("port is not a number");
    if n > 65535 {
        panic!("port {} is out of range", n);
    }
    n as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain() {
        assert_eq!(parse_port("8080"), 8080);
    }

    #[test]
    fn trims_whitespace() {
        assert_eq!(parse_port(" 443 "), 443);
    }

    #[test]
    #[should_panic(expected = "port must be at most 65535")]
    fn rejects_too_large() {
        parse_port("70000");
    }

    #[test]
    #[should_panic(expected = "port is not a number")]
    fn rejects_words() {
        parse_port("http");
    }
}
'''

_GOERR_STORE = '''package store

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type Store struct{ m map[string]string }

func New() *Store { return &Store{m: map[string]string{}} }

func (s *Store) Put(k, v string) { s.m[k] = v }

func (s *Store) Get(k string) (string, error) {
	v, ok := s.m[k]
	if !ok {
		return "", fmt.Errorf("get %q: %v", k, ErrNotFound)
	}
	return v, nil
}
'''
_GOERR_TEST = '''package store

import (
	"errors"
	"testing"
)

func TestPutGet(t *testing.T) {
	s := New()
	s.Put("a", "1")
	if v, err := s.Get("a"); err != nil || v != "1" {
		t.Fatalf("Get(a) = %q, %v", v, err)
	}
}

func TestMissingKeyIsNotFound(t *testing.T) {
	s := New()
	_, err := s.Get("nope")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(nope) error = %v; want errors.Is(err, ErrNotFound)", err)
	}
}
'''
_GOERR_UTIL = '''package util

func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
'''
_GOERR_UTIL_TEST = '''package util

import "testing"

func TestClamp(t *testing.T) {
	for _, c := range [][4]int{{5, 0, 10, 5}, {-1, 0, 10, 0}, {11, 0, 10, 10}} {
		if got := Clamp(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("Clamp(%d) = %d", c[0], got)
		}
	}
}
'''


def _pytest_rates() -> str:
    out = ["import pytest", "from app.fx import convert", ""]
    pairs = ["EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK"]
    for _i, cur in enumerate(pairs):
        out.append(f"def test_identity_{cur.lower()}():\n    assert convert(100, '{cur}', '{cur}') == 100\n")
    for i in range(18):
        out.append(f"def test_round_trip_{i}():\n    assert convert(convert({100 + i}, 'EUR', 'USD'), 'USD', 'EUR') == pytest.approx({100 + i}, rel=1e-9)\n")
    out.append("def test_eur_to_gbp_matches_published_rate():\n    assert convert(250.0, 'EUR', 'GBP') == pytest.approx(213.95, rel=1e-4)\n")
    for i in range(6):
        out.append(f"def test_zero_{i}():\n    assert convert(0, 'EUR', 'USD') == 0\n")
    return "\n".join(out)


_FX_PY = '''RATES = {"EUR": 1.0, "USD": 1.0842, "GBP": 0.8561, "CHF": 0.9412, "JPY": 161.2,
         "SEK": 11.43, "NOK": 11.71, "DKK": 7.46, "PLN": 4.31, "CZK": 25.3}


def convert(amount, src, dst):
    if src == dst:
        return amount
    return amount / RATES[src] * RATES[dst]
'''

_GEO_PY = '''import math


def haversine_km(a, b):
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    d = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    print(f"haversine: d={d:.9f}")
    return 6371.0 * 2 * math.asin(math.sqrt(d))


def bearing(a, b):
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    y = math.sin(lon2 - lon1) * math.cos(lat2)
    x = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return (math.degrees(math.atan2(y, x)) + 360) % 360
'''
_GEO_TEST = '''import unittest

from geo.distance import bearing, haversine_km

LONDON = (51.5074, -0.1278)
PARIS = (48.8566, 2.3522)


class DistanceTest(unittest.TestCase):
    def test_same_point(self):
        self.assertEqual(haversine_km(LONDON, LONDON), 0.0)

    def test_london_paris(self):
        print("comparing against the survey figure")
        self.assertAlmostEqual(haversine_km(LONDON, PARIS), 343.5, places=2)

    def test_bearing_north(self):
        self.assertAlmostEqual(bearing((0, 0), (1, 0)), 0.0)

    def test_bearing_east(self):
        self.assertAlmostEqual(bearing((0, 0), (0, 1)), 90.0)
'''

_PERL_T = r'''use strict;
use warnings;
use Test::More tests => 6;

sub version_tag { my ($v, $sha) = @_; return "v$v+" . substr($sha, 0, 7) }

is(version_tag("1.2.0", "abcdef123456"), "v1.2.0+abcdef1", "tag with short sha");
like(version_tag("2.0.0", "0123456789"), qr/^v2\.0\.0\+[0-9a-f]{7}$/, "tag format");
like(version_tag("2.1.0-rc.1", "feedface00"), qr/^v\d+\.\d+\.\d+\+[0-9a-f]{7}$/, "prerelease tag format");
is(length(version_tag("3.0.0", "1" x 40)), 14, "tag length");
ok(version_tag("0.0.1", "deadbeef") =~ /deadbee/, "sha prefix kept");
'''

# ---------------------------------------------------------------- compile
_C_MAKEFILE = """CC ?= gcc
CFLAGS = -O2 -Wall -Wextra -std=c11
OBJS = src/main.o src/ring.o src/stats.o src/io.o src/clock.o src/hist.o

probe: $(OBJS)
\t$(CC) -o $@ $(OBJS) -lm

%.o: %.c src/probe.h
\t$(CC) $(CFLAGS) -c $< -o $@
"""
_C_HDR = """#ifndef PROBE_H
#define PROBE_H
#include <stddef.h>
typedef struct { double *v; size_t cap, len, head; } ring_t;
void ring_init(ring_t *r, size_t cap);
void ring_push(ring_t *r, double x);
double stats_mean(const ring_t *r, size_t window);
double stats_p95(const ring_t *r);
int io_read_samples(const char *path, ring_t *r);
double clock_now(void);
void hist_print(const ring_t *r, int buckets);
#endif
"""
_C_FILES = {
    "src/ring.c": '#include <stdlib.h>\n#include "probe.h"\nvoid ring_init(ring_t *r, size_t cap){r->v=calloc(cap,sizeof *r->v);r->cap=cap;r->len=r->head=0;}\nvoid ring_push(ring_t *r,double x){r->v[r->head]=x;r->head=(r->head+1)%r->cap;if(r->len<r->cap)r->len++;}\n',
    "src/stats.c": '#include "probe.h"\ndouble stats_mean(const ring_t *r, size_t window){double s=0;size_t n=window<r->len?window:r->len;for(size_t i=0;i<n;i++)s+=r->v[i];return n?s/n:0;}\ndouble stats_p95(const ring_t *r){double m=0;for(size_t i=0;i<r->len;i++)if(r->v[i]>m)m=r->v[i];return m;}\n',
    "src/io.c": '#include <stdio.h>\n#include "probe.h"\nint io_read_samples(const char *path, ring_t *r){FILE *f=fopen(path,"r");double x;int n=0;int unused;if(!f)return -1;while(fscanf(f,"%lf",&x)==1){ring_push(r,x);n++;}fclose(f);return n;}\n',
    "src/clock.c": '#include <time.h>\n#include "probe.h"\ndouble clock_now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}\n',
    "src/hist.c": '#include <stdio.h>\n#include "probe.h"\nvoid hist_print(const ring_t *r, int buckets){for(int b=0;b<buckets;b++)printf("%d %zu\\n",b,r->len);}\n',
    "src/main.c": '#include <stdio.h>\n#include "probe.h"\nint main(int argc, char **argv){\n  ring_t r;\n  ring_init(&r, 1024);\n  if (argc > 1) io_read_samples(argv[1], &r);\n  double t0 = clock_now();\n  printf("mean %.3f\\n", stats_mean(&r));\n  printf("p95 %.3f\\n", stats_p95(&r));\n  hist_print(&r, 10);\n  printf("took %.6f\\n", clock_now() - t0);\n  return 0;\n}\n',
}

_CXX_ROUTE_H = """#pragma once
#include <string>
#include <vector>

struct Stop { std::string code; double lat, lon; };

class Route {
 public:
  explicit Route(std::vector<Stop> stops) : stops_(std::move(stops)) {}
  std::optional<Stop> find(const std::string& code) const;
  std::size_t size() const { return stops_.size(); }
 private:
  std::vector<Stop> stops_;
};
"""
_CXX_ROUTE_CPP = """#include "route.h"

std::optional<Stop> Route::find(const std::string& code) const {
  for (const auto& s : stops_)
    if (s.code == code) return s;
  return std::nullopt;
}
"""
_CXX_MAIN = """#include <iostream>
#include "route.h"

int main() {
  Route r({{"KGX", 51.53, -0.12}, {"EDB", 55.95, -3.19}});
  auto s = r.find("EDB");
  std::cout << (s ? s->code : "none") << " of " << r.size() << "\\n";
}
"""
_CXX_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "build: $(g++ --version | head -1)"
mkdir -p build
for src in src/main.cpp src/route.cpp; do
  obj=build/$(basename "${src%.cpp}").o
  echo "  CXX  $src"
  g++ -std=c++17 -O2 -Wall -Isrc -c "$src" -o "$obj"
done
g++ -o build/route build/*.o
echo "build: ok"
"""

_RS_PRIV_LIB = '''mod model {
    pub struct Invoice {
        pub id: u64,
        pub lines: Vec<Line>,
    }

    struct Line {
        pub sku: String,
        pub cents: i64,
    }

    impl Invoice {
        pub fn total(&self) -> i64 {
            self.lines.iter().map(|l| l.cents).sum()
        }
    }
}

pub use model::Invoice;

pub fn sample() -> Invoice {
    Invoice { id: 7, lines: vec![model::Line { sku: "A-1".into(), cents: 1250 }] }
}

#[allow(dead_code)]
fn unused_helper() -> u32 {
    let x = 1;
    x
}
'''

_JAVA_SRC = """package com.acme.billing;

import java.util.List;

public class Proration {
    public static long prorate(long monthlyCents, int daysUsed, int daysInMonth) {
        long result;
        if (daysInMonth <= 0) {
            throw new IllegalArgumentException("daysInMonth");
        }
        if (daysUsed >= daysInMonth) {
            result = monthlyCents;
        } else if (daysUsed > 0) {
            result = monthlyCents * daysUsed / daysInMonth;
        }
        return result;
    }

    public static void main(String[] args) {
        for (int d : List.of(0, 10, 30)) {
            System.out.println(d + " -> " + prorate(3000, d, 30));
        }
    }
}
"""
_JAVA_OTHER = """package com.acme.billing;

public final class Money {
    private Money() {}
    public static String format(long cents) {
        return String.format("%d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
"""
_JAVA_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "javac $(javac -version 2>&1 | awk '{print $2}')"
mkdir -p out
find src -name '*.java' | sort | tee out/sources.txt
javac -Xlint:all -d out @out/sources.txt
echo "compiled $(find out -name '*.class' | wc -l) classes"
"""


def register(case):
    case(
        name="python-configparser-interpolation-missing-option-smtp-host",
        tool="python",
        category="config",
        repo="mailer",
        tty=False,
        command="./ci/smoke.sh",
        files={"ci/smoke.sh": _MAILER_SH, "mailer.py": _MAILER_PY, "config/mailer.ini": _MAILER_INI,
               "templates/welcome.txt": "hi\n", "templates/digest.txt": "digest\n", "templates/reset.txt": "reset\n"},
        keys=["InterpolationMissingOptionError", "smtp_host"],
        cause=[has('mailer.py", line 10'), has('relay = cfg["smtp"]["relay"]'), has("configparser.InterpolationMissingOptionError"), has("InterpolationMissingOptionError: Bad value substitution")],
    )
    case(
        name="go-run-json-disallow-unknown-fields-timout-ms-gateway",
        tool="go",
        category="config",
        ci="github",
        repo="gateway",
        tty=False,
        command="go run . ",
        files={"go.mod": "module example.com/gateway\n\ngo 1.19\n", "main.go": _GOCFG_MAIN, "deploy/gateway.json": _GOCFG_JSON},
        keys=['json: unknown field "timout_ms"', "deploy/gateway.json"],
        cause=[has("json: unknown field")],
    )
    case(
        name="cmake-cxx-standard-29-invalid-value-from-cache-variable",
        tool="cmake",
        category="config",
        repo="tiles",
        tty=False,
        command="cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTILES_CXX_STANDARD=29 && cmake --build build",
        setup="rm -rf /work/scratch/h19/tiles-build",
        files={"CMakeLists.txt": _CMAKE_LISTS, "src/tiles.cpp": "int tile_count() { return 4; }\n",
               "src/main.cpp": "int tile_count();\nint main() { return tile_count() == 4 ? 0 : 1; }\n"},
        keys=["CXX_STANDARD property", "contained an invalid value"],
        cause=[has("CMake Error"), has("contained an invalid value"), has('"29".'), has('requires the language dialect "CXX29"'), has("Generate step failed")],
    )
    case(
        name="psql-pg-service-definition-not-found-ci-service",
        tool="psql",
        category="config",
        ci="travis",
        repo="warehouse",
        tty=False,
        command="./ci/migrate.sh",
        env={"PGSERVICE_NAME": "ci"},
        files={"ci/migrate.sh": _PSQL_SH, "ci/pg_service.conf": _PGSERVICE,
               "db/migrations/001_init.sql": "create table t(id int);\n", "db/migrations/002_idx.sql": "create index on t(id);\n"},
        keys=['definition of service "ci" not found'],
        cause=[has('definition of service "ci" not found')],
    )
    case(
        name="ruby-psych-disallowedclass-symbol-database-yml",
        tool="ruby",
        category="config",
        repo="storefront",
        tty=False,
        command="ruby config/boot.rb",
        files={"config/boot.rb": _SETTINGS_RB, "config/database.yml": _SETTINGS_YML},
        keys=["Psych::DisallowedClass", "Symbol"],
        cause=[has("Tried to load unspecified class: Symbol"), has("config/boot.rb:6")],
    )
    case(
        name="cargo-manifest-edition-2030-not-supported",
        tool="cargo",
        category="config",
        ci="gitlab",
        repo="ledger",
        tty=False,
        command="cargo build --offline --target-dir /work/scratch/h19/ledger-target",
        files={"Cargo.toml": _CARGO_BAD_EDITION, "src/main.rs": 'fn main() { println!("ledger"); }\n'},
        keys=["2030"],
        cause=[has("error: failed to parse manifest"), has("failed to parse the `edition` key"), has("2030")],
    )
    # ---- test
    case(
        name="minitest-spec-must-equal-two-slug-failures-of-six",
        tool="minitest",
        category="test",
        repo="blog",
        tty=False,
        command="ruby -Ilib test/slug_spec.rb --seed 1919 --verbose",
        files={"lib/slug.rb": _SPEC_LIB, "test/slug_spec.rb": _SPEC_TEST},
        keys=["trims trailing punctuation", "truncates at a word boundary"],
        cause=[has("Failure:"), has("Slug#test_0003_trims trailing punctuation [test/"), has("Slug#test_0005_truncates at a word boundary [test/"),
               has('Expected: "ship-it"'), has('Actual: "ship-it-"'), has('Expected: "deploy-the"'), has('Actual: "deploy-the-n"'),
               has("6 runs")],
    )
    case(
        name="node-test-junit-reporter-tax-rounds-half-up-failure",
        tool="node --test",
        category="test",
        repo="checkout",
        tty=False,
        command="node --test --test-reporter=junit test/",
        files={"package.json": '{"name": "checkout", "type": "module"}\n', "src/price.js": _PRICE_JS, "test/price.test.js": _PRICE_TEST},
        keys=["tax rounds half up", "101 !== 102"],
        cause=[has('name="tax rounds half up"'), has("<failure"), has("101 !== 102"), has("price.test.js:15")],
    )
    case(
        name="cargo-test-should-panic-expected-string-not-contained",
        tool="cargo",
        category="test",
        ci="github",
        repo="portparse",
        tty=False,
        command="cargo test --offline --target-dir /work/scratch/h19/portparse-target",
        setup="rm -rf /work/scratch/h19/portparse-target",
        files={"Cargo.toml": '[package]\nname = "portparse"\nversion = "0.1.0"\nedition = "2021"\n', "src/lib.rs": _RS_PANIC_LIB},
        keys=["tests::rejects_too_large", "port must be at most 65535"],
        cause=[has("---- tests::rejects_too_large stdout ----"), has("port 70000 is out of range"), has("panic did not contain expected string"),
               has("panic message:"), has("expected substring:"), last("tests::rejects_too_large"), has("test result: FAILED")],
    )
    case(
        name="go-test-errors-is-fmt-errorf-v-not-wrapped",
        tool="go test",
        category="test",
        repo="kvstore",
        tty=False,
        command="go test -count=1 ./...",
        files={"go.mod": "module example.com/kvstore\n\ngo 1.19\n", "store/store.go": _GOERR_STORE, "store/store_test.go": _GOERR_TEST,
               "util/util.go": _GOERR_UTIL, "util/util_test.go": _GOERR_UTIL_TEST, "main.go": "package main\n\nfunc main() {}\n"},
        keys=["TestMissingKeyIsNotFound", "want errors.Is(err, ErrNotFound)"],
        cause=[has("--- FAIL: TestMissingKeyIsNotFound"), has("store_test.go:"), has("FAIL\texample.com/kvstore/store")],
    )
    case(
        name="pytest-approx-eur-gbp-published-rate-after-34-passing",
        tool="pytest",
        category="test",
        ci="travis",
        repo="fx",
        tty=False,
        command="python -m pytest -p no:cacheprovider -q tests",
        files={"app/__init__.py": "", "app/fx.py": _FX_PY, "tests/test_fx.py": _pytest_rates()},
        keys=["test_eur_to_gbp_matches_published_rate", "approx"],
        cause=[has("_ test_eur_to_gbp_matches_published_rate _"), has(">       assert convert(250.0, 'EUR', 'GBP')"), has(r"^E\s+\S", rx=True),
               has("tests/test_fx.py:"), has("FAILED tests/test_fx.py::test_eur_to_gbp_matches_published_rate")],
    )
    case(
        name="unittest-buffer-assertalmostequal-london-paris-stdout-block",
        tool="unittest",
        category="test",
        repo="geo",
        tty=False,
        command="python -m unittest discover -b -v -s tests -t .",
        files={"geo/__init__.py": "", "geo/distance.py": _GEO_PY, "tests/__init__.py": "", "tests/test_distance.py": _GEO_TEST},
        keys=["test_london_paris", "within 2 places"],
        cause=[first("test_london_paris"), has("FAIL: test_london_paris"), has("AssertionError"), has('tests/test_distance.py", line 15'), has("self.assertAlmostEqual(haversine_km(LONDON, PARIS)"), has("FAILED (")],
    )
    case(
        name="perl-test-more-like-prerelease-tag-and-planned-6-ran-5",
        tool="perl",
        category="test",
        ci="gitlab",
        repo="release-tools",
        tty=False,
        command="perl t/version_tag.t",
        files={"t/version_tag.t": _PERL_T},
        keys=["prerelease tag format", "planned 6 tests but ran 5"],
        cause=[has("not ok 3 - prerelease tag format"), has("Failed test 'prerelease tag format'"), has("at t/version_tag.t line"),
               has("doesn't match"), has("planned 6 tests but ran 5"), has("failed 1 test of 5")],
    )
    # ---- compile
    case(
        name="gcc-make-j4-too-few-arguments-to-function-stats-mean",
        tool="gcc",
        category="compile",
        repo="probe",
        tty=False,
        command="make -j4",
        files={"Makefile": _C_MAKEFILE, "src/probe.h": _C_HDR, **_C_FILES},
        keys=["too few arguments to function ‘stats_mean’"],
        cause=[has("src/main.c: In function ‘main’:"), has("error: too few arguments to function ‘stats_mean’"), has("note: declared here"),
               has("double stats_mean(const ring_t *r, size_t window);")],
    )
    case(
        name="gxx-optional-in-namespace-std-does-not-name-a-template-type",
        tool="g++",
        category="compile",
        repo="routes",
        tty=False,
        command="./ci/build.sh",
        files={"ci/build.sh": _CXX_SH, "src/route.h": _CXX_ROUTE_H, "src/route.cpp": _CXX_ROUTE_CPP, "src/main.cpp": _CXX_MAIN},
        keys=["‘optional’ in namespace ‘std’ does not name a template type"],
        cause=[first("error: ‘optional’ in namespace ‘std’ does not name a template type"), first("note: ‘std::optional’ is defined in header ‘<optional>’")],
    )
    case(
        name="rustc-e0603-struct-line-is-private-in-model",
        tool="cargo",
        category="compile",
        repo="invoices",
        tty=False,
        command="cargo build --offline --target-dir /work/scratch/h19/invoices-target",
        setup="rm -rf /work/scratch/h19/invoices-target",
        files={"Cargo.toml": '[package]\nname = "invoices"\nversion = "0.2.0"\nedition = "2021"\n', "src/lib.rs": _RS_PRIV_LIB},
        keys=["E0603", "struct `Line` is private"],
        cause=[has("error[E0603]"), has("src/lib.rs:22"), has("private struct"), has("note: the struct `Line` is defined here"), has("error: could not compile")],
    )
    case(
        name="javac-variable-result-might-not-have-been-initialized",
        tool="javac",
        category="compile",
        ci="github",
        repo="billing",
        tty=False,
        command="./ci/compile.sh",
        files={"ci/compile.sh": _JAVA_SH, "src/com/acme/billing/Proration.java": _JAVA_SRC, "src/com/acme/billing/Money.java": _JAVA_OTHER},
        keys=["variable result might not have been initialized", "Proration.java:16"],
        cause=[has("Proration.java:16: error"), has("        return result;"), has("1 error")],
    )
