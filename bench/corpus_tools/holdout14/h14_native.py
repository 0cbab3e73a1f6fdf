"""Native and system cases for the fifteenth held-out corpus: Go 1.19 (Debian), Rust/cargo, C/C++
(gcc 12, CUnit), Java (Maven offline, java launcher), Ruby 3.1 (test-unit, bundler), PHP 8.2,
wget, unzip, HAProxy, bash."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# ----------------------------------------------------------------------------- Go
_GG_MOD = "module example.com/orders\n\ngo 1.19\n"
_GG_STATE = """\
package orders

//go:generate stringer -type=State -trimprefix=State

// State is an order's lifecycle state.
type State int

const (
	StatePending State = iota
	StatePaid
	StateShipped
	StateRefunded
)
"""
_GG_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- go generate"
go generate -x ./...
echo "--- go build"
go build ./...
"""

_GE_MAIN = """\
package main

import (
	"embed"
	"fmt"
	"html/template"
	"os"
)

//go:embed templates/*.tmpl
var files embed.FS

func main() {
	t := template.Must(template.ParseFS(files, "templates/*.tmpl"))
	if err := t.ExecuteTemplate(os.Stdout, "index.tmpl", nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
"""

_GS_REG = """\
package plugins

import "sort"

var registry = map[string]func(string) string{}

// Register adds a named transform.
func Register(name string, fn func(string) string) { registry[name] = fn }

// Names lists the registered transforms.
func Names() []string {
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Apply runs a transform by name.
func Apply(name, s string) (string, bool) {
	fn, ok := registry[name]
	if !ok {
		return "", false
	}
	return fn(s), true
}
"""
_GS_TEST = """\
package plugins

import (
	"fmt"
	"strings"
	"testing"
)

func TestRegisterBuiltins(t *testing.T) {
	Register("upper", strings.ToUpper)
	Register("lower", strings.ToLower)
	if len(Names()) < 2 {
		t.Fatalf("want at least 2 transforms, got %v", Names())
	}
}

func TestApplyUpper(t *testing.T) {
	got, ok := Apply("upper", "abc")
	if !ok {
		t.Fatalf("transform %q not registered (registered: %v)", "upper", Names())
	}
	if got != "ABC" {
		t.Errorf("Apply(upper) = %q, want %q", got, "ABC")
	}
}

func TestPadding(t *testing.T) {
	for i := 0; i < 150; i++ {
		i := i
		t.Run(fmt.Sprintf("width_%03d", i), func(t *testing.T) {
			if got := len(fmt.Sprintf("%*s", i, "")); got != i {
				t.Errorf("width %d: got %d", i, got)
			}
		})
	}
}

func TestErrorNamesAreStable(t *testing.T) {
	if fmt.Sprint("errors") != "errors" {
		t.Fatal("unreachable")
	}
}
"""

_GO_SO = """\
package main

import "fmt"

type Node struct {
	Name     string
	Parent   *Node
	Children []*Node
}

// Depth walks up to the root.
func (n *Node) Depth() int {
	if n.Parent == nil {
		return 0
	}
	return 1 + n.Parent.Depth()
}

func main() {
	root := &Node{Name: "root"}
	team := &Node{Name: "team", Parent: root}
	root.Children = append(root.Children, team)
	// a re-parenting bug: root ends up under its own child
	root.Parent = team
	fmt.Println("computing depths for", len(root.Children)+1, "nodes")
	fmt.Println("team depth:", team.Depth())
}
"""

# ----------------------------------------------------------------------------- Rust
_RW_N = 28


def _rw_files() -> dict[str, str]:
    members = [f"crates/unit{i:02d}" for i in range(_RW_N)] + ["crates/report"]
    files = {
        "Cargo.toml": "[workspace]\nresolver = \"2\"\nmembers = [\n" + "".join(f'    "{m}",\n' for m in members) + "]\n",
    }
    for i in range(_RW_N):
        deps = f'unit{i - 1:02d} = {{ path = "../unit{i - 1:02d}" }}\n' if i else ""
        files[f"crates/unit{i:02d}/Cargo.toml"] = (
            f'[package]\nname = "unit{i:02d}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n{deps}'
        )
        body = f"pub fn value() -> u64 {{ {i} + unit{i - 1:02d}::value() }}\n" if i else "pub fn value() -> u64 { 0 }\n"
        files[f"crates/unit{i:02d}/src/lib.rs"] = body
    files["crates/report/Cargo.toml"] = (
        '[package]\nname = "report"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
        f'unit{_RW_N - 1:02d} = {{ path = "../unit{_RW_N - 1:02d}" }}\n'
    )
    files["crates/report/src/lib.rs"] = """\
pub struct Line {
    pub label: String,
    pub cents: u64,
}

pub fn longest(a: &str, b: &str) -> &str {
    if a.len() >= b.len() { a } else { b }
}

pub fn render(lines: &[Line], currency: &str) -> String {
    let mut out = String::new();
    for l in lines {
        out.push_str(&format!("{:<20} {:>10} {}\\n", l.label, l.cents, currency));
    }
    out
}

pub fn summary(lines: &[Line]) -> String {
    let base = unit27::value();
    render(lines) + &format!("base {}", base)
}
"""
    return files


_RT_LIB = """\
pub fn average_ms(samples: &[u64]) -> u64 {
    let total: u64 = samples.iter().sum();
    total / samples.len() as u64
}

pub fn p95(samples: &mut Vec<u64>) -> u64 {
    samples.sort_unstable();
    let idx = (samples.len() * 95) / 100;
    samples[idx.min(samples.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_of_three() {
        assert_eq!(average_ms(&[10, 20, 30]), 20);
    }

    #[test]
    fn p95_of_twenty() {
        let mut v: Vec<u64> = (1..=20).collect();
        assert_eq!(p95(&mut v), 20);
    }

    #[test]
    fn average_of_empty_window_is_zero() {
        assert_eq!(average_ms(&[]), 0);
    }
}
"""

# ----------------------------------------------------------------------------- C / C++
_FM_SRC = """\
#include <stdio.h>
#include <stdlib.h>
#include "ring.h"

struct ring *ring_new(size_t cap) {
    struct ring *r = malloc(sizeof *r);
    r->buf = calloc(cap, sizeof(int));
    r->cap = cap;
    r->head = r->tail = 0
    return r;
}

int ring_push(struct ring *r, int v) {
    if (ring_full(r)) return -1;
    r->buf[r->head] = v;
    r->head = (r->head + 1) % r->capacity;
    return 0;
}

int ring_pop(struct ring *r, int *out) {
    if (r->head == r->tail) return -1;
    *out = r->buf[r->tail];
    r->tail = (r->tail + 1) % r->cap;
    return 0
}

void ring_dump(const struct ring *r) {
    for (size_t i = r->tail; i != r->head; i = (i + 1) % r->cap)
        printf("%d ", r->buf[i]);
    printf("\\n")
    undeclared_counter++;
}
"""
_FM_H = """\
#include <stddef.h>
struct ring { int *buf; size_t cap, head, tail; };
struct ring *ring_new(size_t cap);
int ring_push(struct ring *r, int v);
int ring_pop(struct ring *r, int *out);
void ring_dump(const struct ring *r);
"""
_FM_MK = """\
CFLAGS = -std=c11 -Wall -fmax-errors=3

all: build/libring.a

build/%.o: src/%.c src/ring.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

build/libring.a: build/log.o build/ring.o
\t$(AR) rcs $@ $^
"""
_FM_LOG = """\
#include <stdio.h>
void log_line(const char *msg) { fprintf(stderr, "error: %s\\n", msg); }
"""

_CU_SRC = """\
#include <string.h>
#include <ctype.h>

/* slugify: lower-case, spaces and punctuation to single dashes, no leading/trailing dash */
void slugify(const char *in, char *out, size_t n) {
    size_t j = 0;
    int dash = 0;
    for (size_t i = 0; in[i] && j + 1 < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (isalnum(c)) {
            out[j++] = (char)tolower(c);
            dash = 0;
        } else if (!dash) {
            out[j++] = '-';
            dash = 1;
        }
    }
    out[j] = '\\0';
}

int word_count(const char *s) {
    int n = 0, in = 0;
    for (; *s; s++) {
        if (*s == ' ') in = 0;
        else if (!in) { in = 1; n++; }
    }
    return n;
}
"""
_CU_TEST = """\
#include <CUnit/Basic.h>
#include <string.h>

void slugify(const char *in, char *out, size_t n);
int word_count(const char *s);

static void test_slug_simple(void) {
    char buf[64];
    slugify("Hello World", buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "hello-world");
}

static void test_slug_trailing_punctuation(void) {
    char buf[64];
    slugify("Release notes!", buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "release-notes");
}

static void test_slug_leading_space(void) {
    char buf[64];
    slugify("  errors and warnings", buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "errors-and-warnings");
}

static void test_words(void) {
    CU_ASSERT_EQUAL(word_count("a b  c"), 3);
    CU_ASSERT_EQUAL(word_count(""), 0);
    CU_ASSERT_EQUAL(word_count("tab\\tseparated words"), 3);
}

int main(void) {
    if (CU_initialize_registry() != CUE_SUCCESS) return CU_get_error();
    CU_pSuite s = CU_add_suite("text", NULL, NULL);
    CU_add_test(s, "slug simple", test_slug_simple);
    CU_add_test(s, "slug trailing punctuation", test_slug_trailing_punctuation);
    CU_add_test(s, "slug leading space", test_slug_leading_space);
    CU_add_test(s, "word count", test_words);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
"""
_CU_MK = """\
CFLAGS = -std=c11 -Wall -O0

check: build/test_text
\t./build/test_text

build/test_text: src/text.c tests/test_text.c
\t@mkdir -p build
\t$(CC) $(CFLAGS) -o $@ $^ -lcunit
"""

_PV_SRC = """\
#include <cstdio>
#include <string>
#include <vector>

class Indexer {
public:
    Indexer() { reset(); }
    virtual ~Indexer() = default;
    void reset() { clear(); count_ = 0; }
    virtual void clear() = 0;
    virtual void add(const std::string &doc) = 0;
protected:
    int count_ = 0;
};

class MemoryIndexer : public Indexer {
public:
    void clear() override { docs_.clear(); }
    void add(const std::string &doc) override { docs_.push_back(doc); ++count_; }
private:
    std::vector<std::string> docs_;
};

int main() {
    std::puts("indexing 3 documents");
    MemoryIndexer idx;
    idx.add("a");
    idx.add("b");
    idx.add("c");
    std::puts("done");
}
"""
_PV_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
g++ -std=c++17 -O0 -g -o build/indexer src/indexer.cpp
echo "built build/indexer"
./build/indexer
"""

# ----------------------------------------------------------------------------- Java
_MT_POM = """\
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>rates</artifactId>
  <version>2.1.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.11.0</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>
    </plugins>
  </build>
</project>
"""
_MT_SRC = """\
package com.acme.rates;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

public class RateCache {
    private final Map<String, Double> rates = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private boolean refreshing;

    public void put(String pair, double rate) { rates.put(pair, rate); }

    public double get(String pair) throws InterruptedException {
        synchronized (lock) {
            while (refreshing) {
                lock.wait();
            }
        }
        return rates.getOrDefault(pair, Double.NaN);
    }

    public void beginRefresh() { synchronized (lock) { refreshing = true; } }

    public void endRefresh() { synchronized (lock) { refreshing = false; } }
}
"""
_MT_TEST = """\
package com.acme.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RateCacheTest {
    @Test
    void returnsStoredRate() throws Exception {
        RateCache c = new RateCache();
        c.put("EURUSD", 1.08);
        assertEquals(1.08, c.get("EURUSD"), 1e-9);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void readerWakesAfterRefresh() throws Exception {
        RateCache c = new RateCache();
        c.put("EURGBP", 0.85);
        c.beginRefresh();
        Thread refresher = new Thread(() -> { c.put("EURGBP", 0.86); c.endRefresh(); });
        refresher.start();
        assertEquals(0.86, c.get("EURGBP"), 1e-9);
    }
}
"""

_JM_MAIN = """\
package com.acme.tools;

public class ExportCli {
    public static void main(String[] args) {
        System.out.println("exporting " + args.length + " tables");
    }
}
"""
_JM_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build/classes
javac -d build/classes src/main/java/com/acme/tools/ExportCli.java
echo "compiled $(find build/classes -name '*.class' | wc -l) classes"
java -cp build/classes com.acme.cli.ExportCli orders customers
"""

# ----------------------------------------------------------------------------- Ruby
_TU_SRC = """\
module Semver
  Version = Struct.new(:major, :minor, :patch, :pre) do
    include Comparable

    def <=>(other)
      [major, minor, patch] <=> [other.major, other.minor, other.patch]
    end
  end

  def self.parse(text)
    core, pre = text.split("-", 2)
    major, minor, patch = core.split(".").map { |s| Integer(s) }
    Version.new(major, minor, patch, pre)
  end

  def self.bump(text, part)
    v = parse(text)
    case part
    when :major then "#{v.major + 1}.0.0"
    when :minor then "#{v.major}.#{v.minor + 1}.0"
    when :patch then "#{v.major}.#{v.minor}.#{v.patch + 1}"
    end
  end
end
"""
_TU_TEST = """\
require "test/unit"
require_relative "../lib/semver"

class SemverTest < Test::Unit::TestCase
  30.times do |i|
    define_method("test_parse_patch_#{i}") do
      assert_equal(i, Semver.parse("1.2.#{i}").patch)
    end
  end

  def test_prerelease_sorts_before_release
    assert_operator(Semver.parse("2.0.0-rc.1"), :<, Semver.parse("2.0.0"))
  end

  def test_bump_minor_resets_patch
    assert_equal("1.3.0", Semver.bump("1.2.9", :minor))
  end

  def test_bump_unknown_part
    assert_raise(ArgumentError) { Semver.bump("1.0.0", :build) }
  end

  def test_parse_with_v_prefix
    assert_equal(3, Semver.parse("v3.1.0").major)
  end
end
"""

_BU_GEMFILE = """\
source "https://rubygems.org"

ruby ">= 3.1"

gem "rake", ">= 13.0"
gem "sinatra", "~> 4.0"
gem "puma", "~> 6.4"
"""

_NM_SRC = """\
# builds the search index for the docs site
pages = Dir.glob("content/**/*.md")
puts "indexing #{pages.size} pages"
index = Hash.new { |h, k| h[k] = [] }
pages.each_with_index do |path, i|
  File.read(path).split.each { |w| index[w.downcase] << i }
end
# expand every term to all its prefixes for the autocomplete box
prefixes = index.keys.flat_map { |w| (1..w.size).map { |n| w[0, n] * 2_000_000 } }
puts "#{prefixes.size} prefixes"
"""
_NM_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
ruby -v
ruby scripts/build_index.rb
"""

# ----------------------------------------------------------------------------- PHP
_PL_GOOD = """\
<?php
declare(strict_types=1);

namespace Acme\\Billing;

final class Money
{
    public function __construct(public readonly int $cents, public readonly string $currency) {}

    public function add(Money $o): Money
    {
        return new Money($this->cents + $o->cents, $this->currency);
    }
}
"""
_PL_BAD1 = """\
<?php
declare(strict_types=1);

namespace Acme\\Billing;

final class InvoiceTotals
{
    public function sum(array $lines): Money
    {
        $total = new Money(0, 'EUR');
        foreach ($lines as $line) {
            $total = $total->add($line->amount)
        }
        return $total;
    }
}
"""
_PL_BAD2 = """\
<?php
declare(strict_types=1);

namespace Acme\\Billing;

enum Status: string
{
    case Draft = 'draft';
    case Sent = 'sent';
    case Paid = 'paid';

    public function label(): string
    {
        return match($this) {
            Status::Draft => 'Draft',
            Status::Sent => 'Sent',
            Status::Paid => 'Paid',
        ;
    }
}
"""
_PL_ERR = """\
<?php
namespace Acme\\Billing;

final class ErrorCodes
{
    public const PARSE_ERROR = 'E_PARSE';
    public const NO_ERRORS = 'OK';
}
"""

_PL_SCRIPT = """\
#!/usr/bin/env bash
status=0
for f in $(find src -name '*.php' | sort); do
  php -l "$f" || status=1
done
exit $status
"""

_PM_SRC = """\
<?php
// export every invoice as one CSV in memory, then write it out
$rows = (int)($argv[1] ?? 0);
echo "exporting {$rows} invoices\\n";
$lines = [];
for ($i = 0; $i < $rows; $i++) {
    $lines[] = [
        'id' => sprintf('INV-%08d', $i),
        'customer' => str_repeat('c', 40),
        'total' => $i * 3,
        'notes' => str_repeat('n', 200),
    ];
}
$csv = '';
foreach ($lines as $l) {
    $csv .= implode(',', $l) . "\\n";
}
file_put_contents('build/invoices.csv', $csv);
echo "wrote " . strlen($csv) . " bytes\\n";
"""

# ----------------------------------------------------------------------------- system tools
_WG_SERVER = """\
import http.server
import sys


class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.endswith("node-v20.tar.xz"):
            body = b"x" * (6 * 1024 * 1024)
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(0, len(body), 65536):
                self.wfile.write(body[i : i + 65536])
            return
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.send_header("Retry-After", "1")
        self.end_headers()

    def log_message(self, *a):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""
_WG_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
python3 ci/fake_mirror.py 18760 &
mirror=$!
trap 'kill $mirror' EXIT
sleep 1
mkdir -p .cache/toolchains
cd .cache/toolchains
wget --progress=bar:force:noscroll --tries=3 --waitretry=1 --retry-on-http-error=503 \\
  http://127.0.0.1:18760/dist/node-v20.tar.xz
wget --progress=bar:force:noscroll --tries=3 --waitretry=1 --retry-on-http-error=503 \\
  http://127.0.0.1:18760/dist/protoc-25.1-linux-x86_64.zip
"""

_UZ_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
ls -l artifacts/
rm -rf dist && mkdir dist
unzip -q artifacts/web-bundle.zip -d dist
echo "bundle extracted: $(find dist -type f | wc -l) files"
"""

_HA_CFG = """\
global
    maxconn 2048
    log stdout format raw local0

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    log global

frontend public
    bind 127.0.0.1:18780
    acl is_api path_beg /api
    use_backend api if is_api
    default_backend web

backend web
    balanse roundrobin
    server web1 127.0.0.1:18781 check

backend api
    option httpchk GET /healthz
    server api1 127.0.0.1:18782 check inter 2s fall 3 rise 2 weight 300
    server api2 127.0.0.1:18783 chek
"""


def _render_templates() -> dict[str, str]:
    files = {}
    for i in range(1, 1201):
        port = 9000 + i
        files[f"deploy/templates/svc{i:04d}.json.tmpl"] = (
            '{\n  "name": "svc%04d",\n  "port": %d,\n  "region": "${REGION}",\n  "replicas": 2\n}\n' % (i, port)
        )
    files["deploy/templates/svc0417.json.tmpl"] = (
        '{\n  "name": "svc0417",\n  "port": 9417\n  "region": "${REGION}",\n  "replicas": 2\n}\n'
    )
    return files


_RD_SCRIPT = """\
#!/usr/bin/env bash
# render every service config and validate it; report at the end
export REGION=eu-west-1
mkdir -p build/configs
ok=0; bad=0
for t in deploy/templates/*.json.tmpl; do
  out="build/configs/$(basename "$t" .tmpl)"
  envsubst < "$t" > "$out"
  if python3 -m json.tool "$out" > /dev/null; then
    echo "rendered $out"
    ok=$((ok + 1))
  else
    echo "invalid JSON in $out (from $t)"
    bad=$((bad + 1))
  fi
done
echo "rendered $ok configs, $bad invalid"
[ "$bad" -eq 0 ]
"""


def register(case):
    # --- Go
    case(
        name="go-generate-stringer-executable-not-found",
        tool="go generate",
        category="infrastructure",
        label=":go: Generate",
        repo="orders-go",
        tty=False,
        command="./ci/generate.sh",
        env={"GOPATH": "/work/scratch/h14/gopath"},
        files={"go.mod": _GG_MOD, "state.go": _GG_STATE, "ci/generate.sh": _GG_SCRIPT},
        keys=['running "stringer": exec: "stringer": executable file not found in $PATH'],
        cause=[
            has('state.go:3: running "stringer"'),
        ],
    )
    case(
        name="go-build-embed-pattern-no-matching-files",
        tool="go build",
        category="compile",
        ci="gitlab",
        repo="status-go",
        tty=False,
        command="go build -o bin/status .",
        env={"GOPATH": "/work/scratch/h14/gopath"},
        files={
            "go.mod": "module example.com/status\n\ngo 1.19\n",
            "main.go": _GE_MAIN,
            "templates/index.html": "<h1>{{.}}</h1>\n",
            "templates/layout.html": "<main></main>\n",
        },
        keys=["main.go:10:12: pattern templates/*.tmpl: no matching files found"],
        cause=[
            has("pattern templates/*.tmpl: no matching files found"),
        ],
    )
    case(
        name="go-test-shuffle-order-dependent-registry",
        tool="go test",
        category="test",
        label=":go: Tests",
        repo="plugins-go",
        tty=False,
        command="go test -v -count=1 -shuffle=1764201601 ./...",
        env={"GOPATH": "/work/scratch/h14/gopath"},
        files={"go.mod": "module example.com/plugins\n\ngo 1.19\n", "registry.go": _GS_REG, "registry_test.go": _GS_TEST},
        keys=['transform "upper" not registered (registered: [])', "--- FAIL: TestApplyUpper", "-test.shuffle 1764201601"],
        cause=[
            has("-test.shuffle 1764201601"),
            has('registry_test.go:20: transform "upper" not registered'),
            has("--- FAIL: TestApplyUpper"),
            has(r"^FAIL\texample\.com/plugins", rx=True),
        ],
    )
    case(
        name="go-run-fatal-stack-overflow-parent-cycle",
        tool="go run",
        category="crash",
        ci="github",
        repo="orgtree",
        tty=False,
        command="go run ./cmd/orgtree",
        env={"GOPATH": "/work/scratch/h14/gopath"},
        files={"go.mod": "module example.com/orgtree\n\ngo 1.19\n", "cmd/orgtree/main.go": _GO_SO},
        keys=["runtime: goroutine stack exceeds 1000000000-byte limit", "fatal error: stack overflow", "cmd/orgtree/main.go:16"],
        cause=[
            has("runtime: goroutine stack exceeds 1000000000-byte limit"),
            has("fatal error: stack overflow"),
            first("main.(*Node).Depth("),
            first("cmd/orgtree/main.go:12"),
            first("cmd/orgtree/main.go:16"),
        ],
    )
    # --- Rust
    case(
        name="cargo-workspace-29-crates-e0106-e0061-in-last",
        tool="cargo",
        category="compile",
        label=":rust: Build",
        repo="reports-rs",
        tty=False,
        command="cargo build --workspace",
        env={"CARGO_TARGET_DIR": "/work/scratch/h14/cargo-target-ws", "CARGO_TERM_COLOR": "never"},
        setup="rm -rf /work/scratch/h14/cargo-target-ws",
        files=_rw_files(),
        keys=["error[E0106]: missing lifetime specifier", "error[E0061]: this function takes 2 arguments but 1 argument was supplied", "could not compile `report` (lib) due to 2 previous errors"],
        cause=[
            has(r"^error\[E0(106|061)\]", rx=True),
            has(r"^\s+--> crates/report/src/lib\.rs:(6:37|20:5)", rx=True),
            has(r"^\d+ \| (pub fn longest\(a: &str|    render\(lines\) \+)", rx=True),
            has("expected named lifetime parameter"),
            has("argument #2 of type `&str` is missing"),
            has("error: could not compile `report`"),
        ],
        exit_status=101,
    )
    case(
        name="cargo-test-divide-by-zero-with-backtrace",
        tool="cargo",
        category="test",
        ci="travis",
        repo="latency-rs",
        tty=False,
        command="cargo test",
        env={"CARGO_TARGET_DIR": "/work/scratch/h14/cargo-target-lat", "RUST_BACKTRACE": "1", "CARGO_TERM_COLOR": "never"},
        files={"Cargo.toml": '[package]\nname = "latency"\nversion = "0.3.1"\nedition = "2021"\n', "src/lib.rs": _RT_LIB},
        keys=["attempt to divide by zero", "tests::average_of_empty_window_is_zero", "panicked at src/lib.rs:3:5"],
        cause=[
            has("test tests::average_of_empty_window_is_zero ... FAILED"),
            has("---- tests::average_of_empty_window_is_zero stdout ----"),
            has("panicked at src/lib.rs:3:5"),
            has("attempt to divide by zero"),
            has(r"^\s+\d+: latency::(average_ms|tests::average_of_empty_window_is_zero)$", rx=True),
            has(r"^\s+at \./src/lib\.rs:(3:5|29:20)$", rx=True),
            has(r"^    tests::average_of_empty_window_is_zero$", rx=True),
            has("test result: FAILED."),
        ],
        exit_status=101,
    )
    # --- C / C++
    case(
        name="gcc-fmax-errors-3-compilation-terminated",
        tool="gcc",
        category="compile",
        label=":c: Build",
        repo="ring-c",
        tty=True,
        command="make",
        files={"Makefile": _FM_MK, "src/ring.c": _FM_SRC, "src/ring.h": _FM_H, "src/log.c": _FM_LOG},
        keys=["expected ‘;’ before ‘return’", "‘struct ring’ has no member named ‘capacity’", "compilation terminated due to -fmax-errors=3."],
        cause=[
            has(r"^src/ring\.c: In function ‘ring_(new|push|pop)’:", rx=True),
            has(r"^src/ring\.c:\d+:\d+: error: ", rx=True),
            has(r"^\s+(9 \|     r->head = r->tail = 0|16 \|     r->head = \(r->head \+ 1\) % r->capacity;|24 \|     return 0)$", rx=True),
            has("compilation terminated due to -fmax-errors=3."),
            has("make: *** [Makefile:7: build/ring.o] Error 1"),
        ],
        exit_status=2,
    )
    case(
        name="cunit-basic-three-failed-tests-of-four",
        tool="cunit",
        category="test",
        ci="gitlab",
        repo="text-c",
        tty=False,
        command="make check",
        files={"Makefile": _CU_MK, "src/text.c": _CU_SRC, "tests/test_text.c": _CU_TEST},
        keys=['CU_ASSERT_STRING_EQUAL(buf,"release-notes")', 'CU_ASSERT_STRING_EQUAL(buf,"errors-and-warnings")', "Test: word count ...FAILED"],
        cause=[
            has("...FAILED"),
            has(r"^\s+1\. tests/test_text\.c:\d+", rx=True),
            has(r"^\s+tests\s+4\s+4\s+1\s+3", rx=True),
            has("make: *** [Makefile:4: check] Error 1"),
        ],
        exit_status=2,
    )
    case(
        name="cxx-pure-virtual-method-called-abort-134",
        tool="g++",
        category="crash",
        label=":cpp: Build and smoke",
        repo="indexer-cpp",
        tty=False,
        command="./ci/smoke.sh",
        files={"src/indexer.cpp": _PV_SRC, "ci/smoke.sh": _PV_SCRIPT},
        keys=["pure virtual method called", "terminate called without an active exception", "Aborted"],
        cause=[
            has("pure virtual method called"),
            has("terminate called without an active exception"),
            has(r"line \d+: +\d+ Aborted", rx=True),
        ],
        exit_status=134,
    )
    # --- Java
    case(
        name="maven-junit5-timeout-reader-never-notified",
        tool="maven",
        category="timeout",
        label=":java: Tests",
        repo="rates-java",
        tty=False,
        command="mvn -B -o test",
        files={"pom.xml": _MT_POM, "src/main/java/com/acme/rates/RateCache.java": _MT_SRC, "src/test/java/com/acme/rates/RateCacheTest.java": _MT_TEST},
        keys=["readerWakesAfterRefresh() timed out after 2 seconds", "RateCache.get(RateCache.java:16)", "Tests run: 2, Failures: 0, Errors: 1"],
        cause=[
            has("<<< FAILURE! -- in com.acme.rates.RateCacheTest"),
            has("com.acme.rates.RateCacheTest.readerWakesAfterRefresh -- Time elapsed"),
            has("java.util.concurrent.TimeoutException: readerWakesAfterRefresh() timed out"),
            has("at com.acme.rates.RateCache.get(RateCache.java:16)"),
            has("at com.acme.rates.RateCacheTest.readerWakesAfterRefresh(RateCacheTest.java:25)"),
            has("RateCacheTest.readerWakesAfterRefresh » Timeout"),
            has(r"^\[ERROR\] Tests run: 2, Failures: 0, Errors: 1, Skipped: 0$", rx=True),
            has("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin"),
        ],
        exit_status=1,
    )
    case(
        name="java-could-not-find-main-class-wrong-package",
        tool="java",
        category="config",
        ci="travis",
        repo="export-cli",
        tty=False,
        command="./ci/export.sh",
        files={"src/main/java/com/acme/tools/ExportCli.java": _JM_MAIN, "ci/export.sh": _JM_SCRIPT},
        keys=["Error: Could not find or load main class com.acme.cli.ExportCli", "java.lang.ClassNotFoundException: com.acme.cli.ExportCli"],
        cause=[
            has("Could not find or load main class"),
            has("Caused by: java.lang.ClassNotFoundException"),
        ],
        exit_status=1,
    )
    # --- Ruby
    case(
        name="ruby-test-unit-two-failures-one-error-of-33",
        tool="test-unit",
        category="test",
        label=":ruby: Tests",
        repo="semver-rb",
        tty=False,
        command="ruby test/semver_test.rb --no-use-color",
        files={"lib/semver.rb": _TU_SRC, "test/semver_test.rb": _TU_TEST},
        keys=["<ArgumentError> exception was expected but none was thrown.", 'ArgumentError: invalid value for Integer(): "v3"', "test_prerelease_sorts_before_release(SemverTest)", "34 tests, 33 assertions, 2 failures, 1 errors"],
        cause=[
            has(r"^(Failure|Error): test_", rx=True),
            has(r"semver-rb/lib/semver\.rb:12:in", rx=True),
            has(r"^test/semver_test\.rb:\d+:in `test_", rx=True),
            has(r"^\s+=> \d+:", rx=True),
            span("  <#<struct Semver::Version major=2, minor=0, patch=0, pre=\"rc.1\">>", "pre=nil>>."),
            has("34 tests, 33 assertions, 2 failures, 1 errors"),
        ],
        exit_status=1,
    )
    case(
        name="bundler-install-local-could-not-find-sinatra",
        tool="bundler",
        category="dependency",
        ci="gitlab",
        repo="hooks-rb",
        tty=False,
        command="bundle install --local",
        env={"BUNDLE_APP_CONFIG": "/work/scratch/h14/bundle-config"},
        files={"Gemfile": _BU_GEMFILE, "app.rb": "require 'sinatra'\nget('/') { 'ok' }\n"},
        keys=["Could not find gem 'sinatra (~> 4.0)' in cached gems or installed locally."],
        cause=[
            has("Could not find gem 'sinatra (~> 4.0)'"),
        ],
    )
    case(
        name="ruby-nomemoryerror-prefix-index-under-memory-limit",
        tool="ruby",
        category="resource",
        ci="github",
        repo="docs-search",
        tty=False,
        command="./ci/index.sh",
        run="ulimit -v 1200000; ./ci/index.sh",
        files={
            "scripts/build_index.rb": _NM_SRC,
            "ci/index.sh": _NM_SCRIPT,
            **{f"content/guide/page{i:03d}.md": "install configure deploy rollback observability " * 40 + f"unique{i}\n" for i in range(60)},
        },
        keys=["failed to allocate memory (NoMemoryError)"],
        cause=[
            has("scripts/build_index.rb: failed to allocate memory (NoMemoryError)"),
        ],
        exit_status=1,
    )
    # --- PHP
    case(
        name="php-l-two-parse-errors-of-four-files",
        tool="php",
        category="compile",
        label=":php: Syntax check",
        repo="billing-php",
        tty=False,
        command="./ci/php-lint.sh",
        files={"ci/php-lint.sh": _PL_SCRIPT, "src/Money.php": _PL_GOOD, "src/InvoiceTotals.php": _PL_BAD1, "src/Status.php": _PL_BAD2, "src/ErrorCodes.php": _PL_ERR},
        keys=['syntax error, unexpected token "}" in src/InvoiceTotals.php on line 13', 'syntax error, unexpected token ";", expecting "}" in src/Status.php on line 18'],
        cause=[
            has("PHP Parse error:"),
            has("Errors parsing src/"),
        ],
        exit_status=1,
    )
    case(
        name="php-allowed-memory-size-exhausted-csv-export",
        tool="php",
        category="resource",
        label=":php: Nightly export",
        repo="billing-export",
        tty=False,
        command="php -d memory_limit=64M bin/export.php 400000",
        setup="mkdir -p build",
        files={"bin/export.php": _PM_SRC},
        keys=["Allowed memory size of 67108864 bytes exhausted", "bin/export.php on line 8"],
        cause=[
            has("PHP Fatal error:  Allowed memory size of 67108864 bytes exhausted"),
        ],
        exit_status=255,
    )
    # --- system tools
    case(
        name="wget-503-retries-giving-up-after-progress-bar",
        tool="wget",
        category="infrastructure",
        label=":package: Fetch toolchains",
        repo="toolchains",
        tty=False,
        command="./ci/fetch.sh",
        files={"ci/fake_mirror.py": _WG_SERVER, "ci/fetch.sh": _WG_SCRIPT},
        keys=["503 Service Unavailable", "Giving up.", "protoc-25.1-linux-x86_64.zip"],
        cause=[
            first("http://127.0.0.1:18760/dist/protoc-25.1-linux-x86_64.zip"),
            has("awaiting response... 503 Service Unavailable"),
            has("Giving up."),
        ],
        exit_status=4,
    )
    case(
        name="unzip-truncated-artifact-end-of-central-directory",
        tool="unzip",
        category="infrastructure",
        ci="github",
        repo="web-deploy",
        tty=False,
        command="./ci/extract.sh",
        setup=(
            "mkdir -p artifacts src && for i in $(seq 1 40); do head -c 20000 /dev/urandom | base64 > src/chunk$i.js; done && "
            "(cd src && zip -qr ../artifacts/web-bundle.zip .) && truncate -s 600000 artifacts/web-bundle.zip && rm -rf src"
        ),
        files={"ci/extract.sh": _UZ_SCRIPT},
        keys=["End-of-central-directory signature not found.", "cannot find zipfile directory in one of artifacts/web-bundle.zip"],
        cause=[
            has("[artifacts/web-bundle.zip]"),
            span("End-of-central-directory signature not found.", "the last disk(s) of this archive."),
            span("unzip:  cannot find zipfile directory", "period."),
        ],
        exit_status=9,
    )
    case(
        name="haproxy-check-unknown-keywords-two-backends",
        tool="haproxy",
        category="config",
        ci="gitlab",
        repo="edge-lb",
        tty=False,
        command="haproxy -c -f deploy/haproxy.cfg",
        env={"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
        files={"deploy/haproxy.cfg": _HA_CFG},
        keys=["unknown keyword 'balanse' in 'backend' section", "weight of server api1 is not within 0 and 256 (300)", "unknown keyword 'chek'", "Fatal errors found in configuration."],
        cause=[
            has("[ALERT]"),
        ],
    )
    case(
        name="bash-render-1200-configs-one-invalid-json-far-above",
        tool="bash",
        category="config",
        ci="travis",
        repo="svc-configs",
        tty=False,
        command="./ci/render.sh",
        files={"ci/render.sh": _RD_SCRIPT, **_render_templates()},
        keys=["Expecting ',' delimiter: line 4 column 3 (char 40)", "invalid JSON in build/configs/svc0417.json", "rendered 1199 configs, 1 invalid"],
        cause=[
            has("Expecting ',' delimiter: line 4 column 3 (char 40)"),
            has("invalid JSON in build/configs/svc0417.json"),
            has("rendered 1199 configs, 1 invalid"),
        ],
        exit_status=1,
    )
