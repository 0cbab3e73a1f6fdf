"""Go, Rust, C/C++, Java, Ruby, PHP and system-tool cases for the sixteenth held-out corpus (Go
1.19, rustc/cargo, gcc/g++ 12 with make, OpenJDK 17 with Maven offline, Ruby 3.1 with gem and
Fiddle, PHP 8.2, BIND's named-checkzone, OpenSSL, gzip under xargs -P)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

GOENV = {"GOPATH": "/work/scratch/h15/gopath"}

# ----------------------------------------------------------------------------- Go
_GJ_SRC = """\
package duration

import (
	"fmt"
	"strconv"
	"strings"
)

// Parse reads "1h30m", "45s", "2d" into seconds.
func Parse(s string) (int, error) {
	units := map[byte]int{'s': 1, 'm': 60, 'h': 3600, 'd': 86400}
	total, num := 0, ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			num += string(c)
			continue
		}
		mul, ok := units[c]
		if !ok || num == "" {
			return 0, fmt.Errorf("bad duration %q", s)
		}
		n, _ := strconv.Atoi(num)
		total += n * mul
		num = ""
	}
	if num != "" {
		n, _ := strconv.Atoi(strings.TrimSpace(num))
		total += n * 60
	}
	return total, nil
}
"""
_GJ_TEST = """\
package duration

import (
	"fmt"
	"testing"
)

func TestParseMinutes(t *testing.T) {
	for m := 0; m < 700; m++ {
		m := m
		t.Run(fmt.Sprintf("%dm", m), func(t *testing.T) {
			got, err := Parse(fmt.Sprintf("%dm", m))
			if err != nil || got != m*60 {
				t.Fatalf("Parse(%dm) = %d, %v", m, got, err)
			}
		})
	}
}

func TestParseBareNumberIsSeconds(t *testing.T) {
	got, err := Parse("90")
	if err != nil {
		t.Fatal(err)
	}
	if got != 90 {
		t.Errorf("Parse(\\"90\\") = %d, want 90 (a bare number is seconds)", got)
	}
}

func TestErrorOnUnknownUnit(t *testing.T) {
	if _, err := Parse("5y"); err == nil {
		t.Error("want an error for unit y")
	}
}
"""
_GT_MOD = """\
module example.com/gateway

go 1.21

toolchain go1.21.5

require golang.org/x/sync v0.6.0
"""
_GH_SRC = """\
package tiers

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

var names = []string{"free", "team", "business"}

func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/tiers/", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/v1/tiers/"))
		if err != nil {
			http.Error(w, "bad id", http.StatusBadRequest)
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"name": names[id]})
	})
	return mux
}
"""
_GH_TEST = """\
package tiers

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestTiers(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for id := 0; id <= 3; id++ {
		resp, err := http.Get(fmt.Sprintf("%s/v1/tiers/%d", srv.URL, id))
		if err != nil {
			t.Fatalf("GET /v1/tiers/%d: %v", id, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		t.Logf("tier %d: %s", id, body)
	}
}

func TestBadID(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/v1/tiers/x")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 400 {
		t.Errorf("status %d", resp.StatusCode)
	}
}
"""

# ----------------------------------------------------------------------------- Rust
_RC_TOML = '[package]\nname = "crcgen"\nversion = "0.2.0"\nedition = "2021"\n'
_RC_MAIN = """\
const POLY: u32 = 0xEDB8_8320;
const LANES: [u32; 4] = [0, 8, 16, 24];
const TOP_LANE: u32 = LANES[4];

const fn entry(mut c: u32) -> u32 {
    let mut k = 0;
    while k < 8 {
        c = if c & 1 != 0 { POLY ^ (c >> 1) } else { c >> 1 };
        k += 1;
    }
    c
}

fn main() {
    let table: Vec<u32> = (0..256).map(entry).collect();
    println!("table[1] = {:08x}, top lane {}", table[1], TOP_LANE);
}
"""
_RT_TOML = '[package]\nname = "ledger"\nversion = "0.4.0"\nedition = "2021"\n'


def _rt_lib() -> str:
    out = [
        "pub fn split_cents(total: i64, parts: i64) -> Vec<i64> {",
        "    let base = total / parts;",
        "    let mut v = vec![base; parts as usize];",
        "    v[0] += total - base * parts;",
        "    v",
        "}",
        "",
        "pub fn fee(cents: i64) -> i64 {",
        "    cents / 40",
        "}",
        "",
        "#[cfg(test)]",
        "mod tests {",
        "    use super::*;",
        "",
    ]
    for i in range(1, 121):
        out += [
            "    #[test]",
            f"    fn split_{i:03d}_parts_sum_up() {{",
            f"        println!(\"splitting {i * 1000} into {1 + i % 7} parts\");",
            f"        let v = split_cents({i * 1000}, {1 + i % 7});",
            f"        assert_eq!(v.iter().sum::<i64>(), {i * 1000});",
            "    }",
        ]
    out += [
        "    #[test]",
        "    fn fee_is_two_and_a_half_percent() {",
        "        println!(\"checking fee on 10000\");",
        "        assert_eq!(fee(10000), 250);",
        "        assert_eq!(fee(999), 25, \"fee on 999 cents rounds to nearest\");",
        "    }",
        "    #[test]",
        "    fn split_never_gives_negative_parts() {",
        "        println!(\"splitting -5 into 3 parts\");",
        "        let v = split_cents(-5, 3);",
        "        assert!(v.iter().all(|p| *p <= 0), \"parts {:?}\", v);",
        "        assert_eq!(v, vec![-1, -2, -2]);",
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- C / C++
def _mj_files() -> dict[str, str]:
    files = {}
    names = [f"mod{i:02d}" for i in range(1, 17)]
    for n in names:
        files[f"src/{n}.c"] = (
            f'#include "util.h"\n\nint {n}_value(int x) {{\n    int acc = 0;\n'
            f"    for (int i = 0; i < x; i++) acc += i * {len(n)};\n    return clampi(acc, 0, 1000);\n}}\n"
        )
    files["src/mod03.c"] = (
        '#include "util.h"\n\nint mod03_value(int x) {\n    int acc = 0\n'
        "    for (int i = 0; i < x; i++) acc += i;\n    return clampi(acc, 0, 1000);\n}\n"
    )
    files["src/mod04.c"] = (
        '#include "util.h"\n\nint mod04_value(int x) {\n    int acc = 0;\n'
        "    for (int i = 0; i < x; i++) acc += i * scale;\n    return clampi(acc, 0, 1000);\n}\n"
    )
    files["src/util.h"] = "static inline int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }\n"
    objs = " ".join(f"build/{n}.o" for n in names)
    files["Makefile"] = (
        "CFLAGS = -O2 -Wall -fdiagnostics-color=always\n\n"
        f"OBJS = {objs}\n\n"
        "libmods.a: $(OBJS)\n\tar rcs $@ $^\n\n"
        "build/%.o: src/%.c\n\t@mkdir -p build\n\t@echo \"  CC      $<\"\n\t@sleep 0.2\n\t@$(CC) $(CFLAGS) -c $< -o $@\n"
    )
    return files


_DSO_GEO = "#include <math.h>\n\ndouble geo_dist(double x, double y) { return sqrt(x * x + y * y); }\n"
_DSO_MAIN = """\
#include <math.h>
#include <stdio.h>

double geo_dist(double x, double y);

int main(int argc, char **argv) {
    volatile double v = argc * 2.0;
    printf("%f %f\\n", geo_dist(3, 4), sqrt(v));
    return 0;
}
"""
_DSO_MAKE = """\
CFLAGS = -O0 -g -fPIC

all: bin/geoquery

lib/libgeo.so: src/geo.c
\t@mkdir -p lib
\t$(CC) $(CFLAGS) -shared -o $@ $< -lm

bin/geoquery: src/main.c lib/libgeo.so
\t@mkdir -p bin
\t$(CC) $(CFLAGS) -o $@ src/main.c -Llib -lgeo -Wl,-rpath,'$$ORIGIN/../lib'
"""
_BA_SRC = """\
#include <cstdio>
#include <vector>

int main() {
    std::vector<std::vector<double>> shards;
    for (int i = 0; i < 6; i++) {
        std::printf("allocating embedding shard %d (%zu MiB)\\n", i, (size_t)96);
        std::fflush(stdout);
        shards.emplace_back(96u * 1024 * 1024 / sizeof(double), 0.5);
    }
    std::printf("loaded %zu shards\\n", shards.size());
}
"""
_BA_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
g++ -O1 -o build/embed src/embed.cpp
echo "agent memory limit: $(ulimit -v) KiB"
./build/embed
"""
_AS_SRC = """\
#include <stdio.h>
#include <string.h>

static void format_tag(char *out, const char *name, int build) {
    char tag[16];
    int n = snprintf(tag, sizeof tag, "%s", name);
    for (int i = 0; i <= n; i++) tag[n - i] = tag[n - i];
    tag[sizeof tag] = '+';
    sprintf(out, "%s-%d", tag, build);
}

int main(void) {
    char out[64];
    format_tag(out, "release", 412);
    printf("tag: %s\\n", out);
    return 0;
}
"""

# ----------------------------------------------------------------------------- Java
_MR_PARENT = """\
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme.shipping</groupId>
  <artifactId>shipping-parent</artifactId>
  <version>3.2.0-SNAPSHOT</version>
  <packaging>pom</packaging>
  <modules>
    <module>shipping-core</module>
    <module>shipping-api</module>
    <module>shipping-cli</module>
  </modules>
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


def _mr_module(name: str, dep: str = "") -> str:
    deps = (
        f"<dependencies><dependency><groupId>com.acme.shipping</groupId><artifactId>{dep}</artifactId>"
        "<version>3.2.0-SNAPSHOT</version></dependency></dependencies>"
        if dep
        else ""
    )
    return (
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
        "  <parent><groupId>com.acme.shipping</groupId><artifactId>shipping-parent</artifactId>"
        "<version>3.2.0-SNAPSHOT</version></parent>\n"
        f"  <artifactId>{name}</artifactId>\n  {deps}\n</project>\n"
    )


_MR_RATE = """\
package com.acme.shipping;

public final class Rates {
    private Rates() {}

    /** Price in cents for a parcel: 499 base, 120 per started kilo above 1 kg. */
    public static long parcel(int grams) {
        int kilos = grams / 1000;
        return 499 + Math.max(0, kilos - 1) * 120L;
    }

    public static String zone(String country) {
        return switch (country) {
            case "DE", "AT", "CH" -> "DACH";
            case "FR", "BE", "NL", "LU" -> "WEST";
            default -> "WORLD";
        };
    }
}
"""
_MR_RATE_TEST = """\
package com.acme.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RatesTest {
    @Test void baseRate() { assertEquals(499, Rates.parcel(800)); }
    @Test void exactlyTwoKilos() { assertEquals(619, Rates.parcel(2000)); }
    @Test void startedKiloCounts() { assertEquals(739, Rates.parcel(2100), "2.1 kg starts a third kilo"); }
    @Test void errorZoneFallsBackToWorld() { assertEquals("WORLD", Rates.zone("XX")); }
    @Test void dach() { assertEquals("DACH", Rates.zone("AT")); }
    @Test void benelux() { assertEquals("WEST", Rates.zone("LU")); }
    @Test void heavyParcel() { assertEquals(499 + 29 * 120, Rates.parcel(29500)); }
}
"""
_MR_API = """\
package com.acme.shipping.api;

import com.acme.shipping.Rates;

public class Quote {
    public static String quote(int grams, String country) {
        return Rates.zone(country) + ":" + Rates.parcel(grams);
    }
}
"""
_MR_CLI = """\
package com.acme.shipping.cli;

public class Main {
    public static void main(String[] args) { System.out.println("shipping-cli"); }
}
"""
_JM_APP_INFO = "module com.acme.app {\n    requires com.acme.util;\n}\n"
_JM_APP = """\
package com.acme.app;

import com.acme.util.Slugs;

public class Main {
    public static void main(String[] args) {
        System.out.println(Slugs.slug("Hello World"));
    }
}
"""
_JM_UTIL_INFO = "module com.acme.util {\n    exports com.acme.util;\n}\n"
_JM_UTIL = """\
package com.acme.util;

public class Slugs {
    public static String slug(String s) { return s.toLowerCase().replace(' ', '-'); }
}
"""
_JM_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "==> compiling modules"
javac -d out --module-source-path src $(find src -name '*.java')
ls out
echo "==> packaging"
mkdir -p dist/mods
jar --create --file dist/mods/com.acme.app.jar --main-class com.acme.app.Main -C out/com.acme.app .
echo "==> smoke run"
java --module-path dist/mods -m com.acme.app
"""

# ----------------------------------------------------------------------------- Ruby
_GB_SPEC = """\
Gem::Specification.new do |spec|
  spec.name          = "acme-retry"
  spec.version       = "0.9.1"
  spec.authors       = ["Acme Platform"]
  spec.email         = ["platform@example.com"]
  spec.homepage      = "https://example.com/acme-retry"
  spec.files         = Dir["lib/**/*.rb"]
  spec.require_paths = ["lib"]
  spec.required_ruby_version = ">= 3.0"
  spec.add_dependency "connection_pool", "~> 2.4"
end
"""
_FZ_SRC = """\
# frozen_string_literal: true

require "json"

HEADER = "# Changelog\\n\\n"

def render(entries)
  out = HEADER
  entries.each do |e|
    out << "- #{e['title']} (#{e['pr']})\\n"
  end
  out
end

entries = JSON.parse(File.read(ARGV.fetch(0)))
puts "rendering #{entries.size} entries"
File.write("CHANGELOG.md", render(entries))
puts "wrote CHANGELOG.md"
"""
_TO_SRC = """\
require "timeout"
require "socket"

def port_open?(host, port)
  Socket.tcp(host, port, connect_timeout: 0.3) { true }
rescue Errno::ECONNREFUSED, Errno::ETIMEDOUT
  false
end

puts "waiting for search index on 127.0.0.1:19270 (timeout 4s)"
Timeout.timeout(4) do
  attempt = 0
  until port_open?("127.0.0.1", 19270)
    attempt += 1
    puts "  attempt #{attempt}: not ready, retrying in 0.5s"
    sleep 0.5
  end
end
puts "search index is up"
"""
_SG_SRC = """\
require "fiddle"

libc = Fiddle.dlopen(nil)
strlen = Fiddle::Function.new(libc["strlen"], [Fiddle::TYPE_VOIDP], Fiddle::TYPE_SIZE_T)

names = ["alpha", "beta", nil, "delta"]
names.each_with_index do |n, i|
  ptr = n ? Fiddle::Pointer[n] : Fiddle::Pointer.new(0)
  puts "#{i}: #{strlen.call(ptr)}"
end
"""

# ----------------------------------------------------------------------------- PHP
_PX_SRC = """\
<?php
// Rebuild the search index: score every product against every query term.
$products = 5000;
$terms = ['shoe', 'error', 'sock', 'hat', 'coat'];
echo "reindexing $products products\\n";
$score = 0;
for ($p = 0; $p < $products; $p++) {
    foreach ($terms as $t) {
        for ($k = 0; $k < 200000; $k++) {
            $score += crc32($t . $p . $k) % 7;
        }
    }
    if ($p % 1 === 0) {
        echo "indexed product $p\\n";
    }
}
echo "done: $score\\n";
"""
_PJ_SRC = """\
<?php
declare(strict_types=1);

function load_config(string $path): array {
    $raw = file_get_contents($path);
    return json_decode($raw, true, 512, JSON_THROW_ON_ERROR);
}

$env = $argv[1] ?? 'staging';
echo "loading config/$env.json\\n";
$cfg = load_config(__DIR__ . "/../config/$env.json");
echo "deploying {$cfg['service']} to {$cfg['region']}\\n";
"""
_PJ_CFG = """\
{
  "service": "billing-api",
  "region": "eu-west-1",
  "replicas": 3,
  "error_page": "/errors/500.html",
}
"""

# ----------------------------------------------------------------------------- system tools
_ZONE = """\
$TTL 3600
@       IN SOA  ns1.example.com. hostmaster.example.com. (
                2026112701 ; serial
                7200       ; refresh
                900        ; retry
                1209600    ; expire
                300 )      ; minimum
        IN NS   ns1.example.com.
        IN NS   ns2.example.com.
        IN MX   10 mail.example.com.
ns1     IN A    192.0.2.1
ns2     IN A    192.0.2.2
mail    IN A    192.0.2.25
www     IN A    192.0.2.80
api     IN CNAME lb.example.com.
api     IN TXT  "v=errors-to-ops"
lb      IN A    192.0.2.90
status  IN CNAME
"""
_OS_SETUP = """\
set -e
mkdir -p certs pki
cd pki
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 3650 -subj "/CN=Acme Root CA" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout int.key -out int.csr -subj "/CN=Acme Issuing CA 2" 2>/dev/null
printf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > ca.ext
openssl x509 -req -in int.csr -CA root.pem -CAkey root.key -CAcreateserial -out int.pem -days 1825 -extfile ca.ext 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout api.key -out api.csr -subj "/CN=api.acme.internal" 2>/dev/null
openssl x509 -req -in api.csr -CA int.pem -CAkey int.key -CAcreateserial -out api.pem -days 90 2>/dev/null
cp root.pem ../certs/ca-bundle.pem
cp api.pem ../certs/api.acme.internal.pem
cd .. && rm -rf pki
"""
_OS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "==> certificate to deploy"
openssl x509 -in certs/api.acme.internal.pem -noout -subject -issuer -enddate
echo "==> verifying chain against certs/ca-bundle.pem"
openssl verify -CAfile certs/ca-bundle.pem certs/api.acme.internal.pem
echo "==> uploading"
"""
_XG_SETUP = """\
set -e
mkdir -p artifacts
for i in $(seq -w 1 300); do head -c 60000 /dev/urandom | base64 > artifacts/part-$i.txt; gzip -9 artifacts/part-$i.txt; done
truncate -s 30000 artifacts/part-017.txt.gz
truncate -s 52000 artifacts/part-033.txt.gz
"""
_XG_CHECK = """\
#!/usr/bin/env bash
f="$1"
sleep 0.0$((RANDOM % 9))
if gzip -t "$f"; then
  echo "ok      $f ($(stat -c %s "$f") bytes)"
else
  echo "CORRUPT $f"
  exit 1
fi
"""


def register(case):
    case(
        name="go-test-json-stream-2800-events-one-failure",
        tool="go test",
        category="test",
        label=":go: Unit tests (json)",
        repo="duration",
        tty=False,
        command="go test -json -count=1 ./...",
        env=GOENV,
        files={"go.mod": "module example.com/duration\n\ngo 1.19\n", "parse.go": _GJ_SRC, "parse_test.go": _GJ_TEST},
        keys=["TestParseBareNumberIsSeconds", 'Parse(\\"90\\") = 5400, want 90'],
        cause=[has('"Test":"TestParseBareNumberIsSeconds","Output":"    parse_test.go'), has('"Output":"--- FAIL: TestParseBareNumberIsSeconds'), has('"Output":"FAIL\\texample.com/duration')],
    )
    case(
        name="go-build-go-mod-toolchain-directive-unknown-on-1-19",
        tool="go build",
        category="config",
        ci="travis",
        repo="gateway",
        tty=False,
        command="go build ./...",
        env=GOENV,
        files={"go.mod": _GT_MOD, "main.go": "package main\n\nfunc main() {}\n"},
        keys=["unknown directive: toolchain"],
        cause=[has("go.mod"), has("unknown directive")],
    )
    case(
        name="go-test-httptest-handler-panic-index-out-of-range-eof",
        tool="go test",
        category="test",
        ci="github",
        repo="tiers",
        tty=False,
        command="go test -count=1 ./...",
        env=GOENV,
        files={"go.mod": "module example.com/tiers\n\ngo 1.19\n", "tiers.go": _GH_SRC, "tiers_test.go": _GH_TEST},
        keys=["index out of range [3] with length 3", "GET /v1/tiers/3", "EOF", "--- FAIL: TestTiers"],
        cause=[has("http: panic serving"), has("example.com/tiers.Handler.func1"), has("tiers/tiers.go:20"), has("--- FAIL: TestTiers"), has("GET /v1/tiers/3")],
    )
    case(
        name="cargo-build-e0080-const-index-out-of-bounds",
        tool="cargo",
        category="compile",
        label=":rust: Build",
        repo="crcgen",
        tty=False,
        command="cargo build",
        env={"CARGO_TARGET_DIR": "/work/scratch/h15/cargo-target-crc", "CARGO_TERM_COLOR": "never"},
        setup="rm -rf /work/scratch/h15/cargo-target-crc",
        files={"Cargo.toml": _RC_TOML, "src/main.rs": _RC_MAIN},
        keys=["error[E0080]", "index out of bounds: the length is 4 but the index is 4", "src/main.rs:3:"],
        cause=[has("error[E0080]"), has("--> src/main.rs:3"), has("const TOP_LANE: u32 = LANES[4];"), has("evaluation of `TOP_LANE` failed here"), has("error: could not compile")],
    )
    case(
        name="cargo-test-nocapture-interleaved-two-of-122-fail",
        tool="cargo",
        category="test",
        ci="gitlab",
        repo="ledger",
        tty=False,
        command="cargo test -- --nocapture --test-threads=4",
        env={"CARGO_TARGET_DIR": "/work/scratch/h15/cargo-target-ledger", "CARGO_TERM_COLOR": "never"},
        files={"Cargo.toml": _RT_TOML, "src/lib.rs": _rt_lib()},
        keys=["fee_is_two_and_a_half_percent", "split_never_gives_negative_parts", "fee on 999 cents rounds to nearest"],
        cause=[has("panicked at src/lib.rs"), has("assertion `left == right` failed"), has("  left: "), has(" right: "), has(r"^test tests::\w+ \.\.\. FAILED", rx=True), has(r"^    tests::(fee_is|split_never)", rx=True), has("test result: FAILED")],
    )
    case(
        name="make-j4-sixteen-objects-two-files-fail-interleaved",
        tool="make",
        category="compile",
        label=":c: Build libmods",
        repo="mods",
        tty=True,
        command="make -j4",
        files=_mj_files(),
        keys=["src/mod03.c:5:5: error:", "src/mod04.c:5:44: error:", "‘scale’ undeclared"],
        cause=[has("error:"), has("In function"), has("acc += i * scale;"), has("    5 |     for (int i = 0; i < x; i++) acc += i;"), has("make: *** [Makefile")],
    )
    case(
        name="ld-undefined-reference-sqrt-dso-missing-from-command-line",
        tool="ld",
        category="compile",
        label=":c: Build geoquery",
        repo="geoquery",
        tty=False,
        command="make",
        files={"Makefile": _DSO_MAKE, "src/geo.c": _DSO_GEO, "src/main.c": _DSO_MAIN},
        keys=["undefined reference to symbol 'sqrt@@GLIBC_2.2.5'", "DSO missing from command line"],
        cause=[has("undefined reference to symbol"), has("DSO missing"), has("collect2: error"), has("make: ***")],
    )
    case(
        name="cxx-std-bad-alloc-terminate-under-agent-memory-limit",
        tool="g++",
        category="resource",
        label=":cpp: Embedding smoke",
        repo="embedder",
        tty=False,
        command="./ci/smoke.sh",
        run="mkdir -p build && ulimit -v 500000 && ./ci/smoke.sh",
        files={"src/embed.cpp": _BA_SRC, "ci/smoke.sh": _BA_SCRIPT},
        keys=["std::bad_alloc", "allocating embedding shard 5"],
        cause=[has("allocating embedding shard 5"), has("terminate called after throwing"), has("what():"), has("Aborted")],
    )
    case(
        name="asan-stack-buffer-overflow-write-format-tag",
        tool="gcc",
        category="crash",
        ci="github",
        repo="tagger",
        tty=False,
        command="gcc -g -O0 -fsanitize=address -o tagger src/tagger.c && ./tagger",
        files={"src/tagger.c": _AS_SRC},
        keys=["stack-buffer-overflow", "format_tag", "src/tagger.c:8"],
        cause=[has("ERROR: AddressSanitizer: stack-buffer-overflow"), has("WRITE of size 1"), has("in format_tag src/tagger.c:8"), has("in main src/tagger.c:14"), has("<== Memory access at offset"), has("SUMMARY: AddressSanitizer")],
    )
    case(
        name="maven-reactor-core-test-fails-api-and-cli-skipped",
        tool="maven",
        category="test",
        label=":java: Reactor build",
        repo="shipping",
        tty=False,
        command="mvn -B -o test",
        files={
            "pom.xml": _MR_PARENT,
            "shipping-core/pom.xml": _mr_module("shipping-core"),
            "shipping-core/src/main/java/com/acme/shipping/Rates.java": _MR_RATE,
            "shipping-core/src/test/java/com/acme/shipping/RatesTest.java": _MR_RATE_TEST,
            "shipping-api/pom.xml": _mr_module("shipping-api", "shipping-core"),
            "shipping-api/src/main/java/com/acme/shipping/api/Quote.java": _MR_API,
            "shipping-cli/pom.xml": _mr_module("shipping-cli", "shipping-api"),
            "shipping-cli/src/main/java/com/acme/shipping/cli/Main.java": _MR_CLI,
        },
        keys=["RatesTest.startedKiloCounts", "2.1 kg starts a third kilo", "expected: <739> but was: <619>", "RatesTest.heavyParcel", "Tests run: 7, Failures: 2"],
        cause=[has("<<< FAILURE!"), has("AssertionFailedError"), has("(RatesTest.java:"), has("[ERROR] Failures:"), has("[ERROR]   RatesTest."), has("[ERROR] Tests run: 7, Failures: 2"), has("shipping-core ....."), has("[ERROR] Failed to execute goal")],
    )
    case(
        name="java-boot-layer-findexception-module-not-found",
        tool="java",
        category="config",
        ci="gitlab",
        repo="slugs",
        tty=False,
        command="./ci/package.sh",
        files={
            "ci/package.sh": _JM_SCRIPT,
            "src/com.acme.app/module-info.java": _JM_APP_INFO,
            "src/com.acme.app/com/acme/app/Main.java": _JM_APP,
            "src/com.acme.util/module-info.java": _JM_UTIL_INFO,
            "src/com.acme.util/com/acme/util/Slugs.java": _JM_UTIL,
        },
        keys=["java.lang.module.FindException: Module com.acme.util not found, required by com.acme.app"],
        cause=[has("Error occurred during initialization of boot layer"), has("FindException")],
    )
    case(
        name="gem-build-invalid-specification-missing-summary",
        tool="gem",
        category="config",
        label=":ruby: Build gem",
        repo="acme-retry",
        tty=False,
        command="gem build acme-retry.gemspec",
        files={"acme-retry.gemspec": _GB_SPEC, "lib/acme/retry.rb": "module Acme\n  module Retry\n    VERSION = \"0.9.1\"\n  end\nend\n"},
        keys=["missing value for attribute summary"],
        cause=[has("ERROR:"), has("missing value for attribute summary")],
    )
    case(
        name="ruby-frozenerror-changelog-render-frozen-literal",
        tool="ruby",
        category="runtime",
        ci="travis",
        repo="changelog",
        tty=False,
        command="ruby scripts/changelog.rb releases/2.8.json",
        files={"scripts/changelog.rb": _FZ_SRC, "releases/2.8.json": '[{"title": "Retry uploads", "pr": 812}, {"title": "Fix error page", "pr": 815}]\n'},
        keys=["can't modify frozen String", "FrozenError", "scripts/changelog.rb:10"],
        cause=[has("scripts/changelog.rb:")],
    )
    case(
        name="ruby-timeout-error-waiting-for-search-index-port",
        tool="ruby",
        category="timeout",
        label=":ruby: Wait for services",
        repo="catalog",
        tty=False,
        command="ruby ci/wait_for_index.rb",
        files={"ci/wait_for_index.rb": _TO_SRC},
        keys=["execution expired", "Timeout::Error", "ci/wait_for_index.rb:11"],
        cause=[has("execution expired"), has("from ci/wait_for_index.rb:")],
    )
    case(
        name="ruby-fiddle-strlen-null-segfault-bug-report",
        tool="ruby",
        category="crash",
        label=":ruby: Name lengths",
        repo="names",
        tty=False,
        command="./ci/name-lengths.sh",
        files={"scripts/name_lengths.rb": _SG_SRC, "ci/name-lengths.sh": "#!/usr/bin/env bash\nset -eo pipefail\nruby scripts/name_lengths.rb\necho done\n"},
        keys=["[BUG] Segmentation fault", "scripts/name_lengths.rb:9"],
        cause=[has("[BUG] Segmentation fault"), has("scripts/name_lengths.rb:9:in `block in <main>'"), has("scripts/name_lengths.rb:9:in `call'"), has("Aborted")],
    )
    case(
        name="php-maximum-execution-time-exceeded-reindex",
        tool="php",
        category="timeout",
        label=":php: Reindex search",
        repo="catalog-php",
        tty=False,
        command="php -d max_execution_time=3 bin/reindex.php",
        files={"bin/reindex.php": _PX_SRC},
        keys=["Maximum execution time of 3 seconds exceeded", "bin/reindex.php"],
        cause=[has("Maximum execution time")],
    )
    case(
        name="php-jsonexception-syntax-error-trailing-comma-config",
        tool="php",
        category="config",
        ci="github",
        repo="deployer",
        tty=False,
        command="php bin/deploy.php production",
        files={"bin/deploy.php": _PJ_SRC, "config/production.json": _PJ_CFG},
        keys=["JsonException: Syntax error", "bin/deploy.php:6"],
        cause=[has("JsonException"), has("deploy.php("), has("thrown in")],
    )
    case(
        name="named-checkzone-cname-and-other-data-bad-rdata",
        tool="named-checkzone",
        category="config",
        label=":dns: Validate zones",
        repo="dns-zones",
        tty=False,
        command="named-checkzone example.com zones/example.com.zone",
        files={"zones/example.com.zone": _ZONE},
        keys=["CNAME and other data", "zones/example.com.zone:16", "unexpected end of input"],
        cause=[has("example.com.zone"), has("not loaded due to errors")],
    )
    case(
        name="openssl-verify-unable-to-get-local-issuer-intermediate-missing",
        tool="openssl",
        category="infrastructure",
        label=":lock: Verify TLS chain",
        repo="edge-certs",
        tty=False,
        command="./ci/verify-cert.sh",
        setup=_OS_SETUP,
        files={"ci/verify-cert.sh": _OS_SCRIPT},
        keys=["unable to get local issuer certificate", "error 20 at 0 depth lookup"],
        cause=[has("issuer=CN = Acme Issuing CA 2"), has("error 20 at 0 depth lookup"), has("verification failed"), has(r"^CN = api\.acme\.internal$", rx=True)],
    )
    case(
        name="xargs-p4-gzip-test-two-corrupt-artifacts-of-300",
        tool="gzip",
        category="infrastructure",
        label=":package: Check artifacts",
        repo="artifacts",
        tty=False,
        command="ls artifacts/*.gz | xargs -P 4 -n 1 ./ci/check-artifact.sh",
        setup=_XG_SETUP,
        files={"ci/check-artifact.sh": _XG_CHECK},
        keys=["part-017.txt.gz", "part-033.txt.gz", "unexpected end of file"],
        cause=[has("unexpected end of file"), has("CORRUPT")],
        exit_status=123,
    )

# ----------------------------------------------------------------------------- late additions
_CV_APP = """\
[package]
name = "tiles"
version = "0.1.0"
edition = "2021"

[dependencies]
geomath = { path = "../geomath", version = "2.0" }
"""
_CV_LIB = '[package]\nname = "geomath"\nversion = "1.3.0"\nedition = "2021"\n'
_LE_SRC = """\
require "json"
require "yaml"
require "redis"

puts "publishing #{ARGV.size} feature flags"
"""


def register_late(case):
    case(
        name="cargo-path-dependency-version-2-0-but-crate-is-1-3",
        tool="cargo",
        category="dependency",
        label=":rust: Build tiles",
        repo="maps",
        tty=False,
        command="cd tiles && cargo build --offline",
        env={"CARGO_TARGET_DIR": "/work/scratch/h15/cargo-target-tiles", "CARGO_TERM_COLOR": "never"},
        files={"tiles/Cargo.toml": _CV_APP, "tiles/src/main.rs": "fn main() {}\n", "geomath/Cargo.toml": _CV_LIB, "geomath/src/lib.rs": ""},
        keys=["failed to select a version for the requirement `geomath = \"^2.0\"`", "1.3.0"],
        cause=[has("failed to select a version"), has("candidate versions found which didn't match"), has("location searched"), has("required by package")],
    )
    case(
        name="ruby-loaderror-cannot-load-redis-gem-not-installed",
        tool="ruby",
        category="dependency",
        ci="travis",
        repo="flags",
        tty=False,
        command="ruby scripts/publish_flags.rb checkout search",
        files={"scripts/publish_flags.rb": _LE_SRC},
        keys=["cannot load such file -- redis", "LoadError", "scripts/publish_flags.rb:3"],
        cause=[has("cannot load such file"), has("scripts/publish_flags.rb:3")],
    )
