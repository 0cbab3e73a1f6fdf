"""Go, Rust, Java, C, C++ (CMake) and TypeScript/JavaScript (tsc, Jest, ESLint from npm) cases for
the twenty-third held-out corpus (Go 1.19, rustc/cargo 1.95 offline, OpenJDK 17, gcc/g++ 12 with
CMake and GNU make, Node 20)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_GOMOD = "module example.com/{m}\n\ngo 1.19\n"
_CARGO_TOML = '[package]\nname = "{n}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'


def _cargo(name: str) -> dict[str, str]:
    return {"CARGO_TARGET_DIR": f"/work/scratch/h22/target-{name}", "CARGO_NET_OFFLINE": "true"}


_TZ_GO = '''package main

import (
	"fmt"
	"log"
	"os"
	"time"
)

func main() {
	name := os.Getenv("REPORT_TZ")
	fmt.Println("digest: building daily digest for", name)
	loc, err := time.LoadLocation(name)
	if err != nil {
		log.Fatalf("digest: REPORT_TZ: %v", err)
	}
	fmt.Println(time.Now().In(loc).Format(time.RFC1123))
}
'''

_DURATION_JAVA = '''import java.io.FileReader;
import java.time.Duration;
import java.util.Properties;

public class Poller {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.load(new FileReader("conf/poller.properties"));
        System.out.println("poller: endpoint " + p.getProperty("endpoint"));
        Duration every = Duration.parse(p.getProperty("interval"));
        System.out.println("poller: every " + every.toSeconds() + "s");
    }
}
'''

_HANDLER_GO = '''package api

import (
	"encoding/json"
	"net/http"
)

func CreateUser(w http.ResponseWriter, r *http.Request) {
	var body struct{ Name string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Name == "" {
		http.Error(w, "name required", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(map[string]string{"name": body.Name})
}
'''
_HANDLER_TEST = '''package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func post(t *testing.T, body string, want int) {
	t.Helper()
	rec := httptest.NewRecorder()
	CreateUser(rec, httptest.NewRequest("POST", "/users", strings.NewReader(body)))
	if rec.Code != want {
		t.Fatalf("POST /users %s: status %d, want %d (body %q)", body, rec.Code, want, rec.Body.String())
	}
}

func TestCreateUserRejectsEmpty(t *testing.T) { post(t, `{}`, http.StatusBadRequest) }
func TestCreateUserCreated(t *testing.T)      { post(t, `{"Name":"ada"}`, http.StatusCreated) }
func TestCreateUserBadJSON(t *testing.T)      { post(t, `{`, http.StatusBadRequest) }
'''

_JEST_SRC = '''function paginate(items, size) {
  const pages = [];
  for (let i = 0; i + size < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}
module.exports = { paginate };
'''
_JEST_TEST = '''const { paginate } = require("../src/paginate");

const items = Array.from({ length: 25 }, (_, i) => i + 1);

describe("paginate", () => {
  test("full pages", () => {
    expect(paginate(items, 5)).toHaveLength(5);
  });
  test("keeps the last partial page", () => {
    expect(paginate(items, 10)).toHaveLength(3);
  });
  test("page size larger than list", () => {
    expect(paginate([1, 2], 10)).toEqual([[1, 2]]);
  });
});
'''
_JEST_OK = '''const sum = (a) => a.reduce((x, y) => x + y, 0);
test.each([[[1, 2], 3], [[5], 5], [[], 0]])("sum %j", (a, want) => expect(sum(a)).toBe(want));
'''

_MATCHES_RS = '''#[derive(Debug, PartialEq)]
pub enum Token { Num(i64), Op(char), LParen, RParen }

pub fn lex(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => out.push(Token::Num(c.to_digit(10).unwrap() as i64)),
            '(' => out.push(Token::LParen),
            ')' => out.push(Token::RParen),
            ' ' => {}
            _ => out.push(Token::Op(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn single_digit() { assert_eq!(lex("7"), vec![Token::Num(7)]); }
    #[test]
    fn parens() { assert_eq!(lex("(1)").len(), 3); }
    #[test]
    fn multi_digit_number() {
        let toks = lex("42 + 1");
        assert!(matches!(toks.as_slice(), [Token::Num(42), Token::Op('+'), Token::Num(1)]), "tokens: {toks:?}");
    }
    #[test]
    fn operators() { assert_eq!(lex("1+2-3").len(), 5); }
}
'''

_TSCONFIG = '{\n  "compilerOptions": {\n    "target": "ES2022",\n    "module": "commonjs",\n    "strict": true,\n    "noEmit": true,\n    "pretty": false\n  },\n  "include": ["src"]\n}\n'
_TS_FILES = {
    "src/money.ts": "export type Money = { cents: number; currency: 'EUR' | 'GBP' };\nexport const add = (a: Money, b: Money): Money => ({ cents: a.cents + b.cents, currency: a.currency });\n",
    "src/cart.ts": "import { Money, add } from './money';\n\nexport function total(lines: Money[]): Money {\n  return lines.reduce(add, { cents: 0, currency: 'EUR' });\n}\n\nexport function fee(country: string): Money {\n  return { cents: country === 'GB' ? 250 : 199, currency: country === 'GB' ? 'GBP' : 'EUR' };\n}\n",
    "src/checkout.ts": "import { total, fee } from './cart';\nimport { Money } from './money';\n\nexport function charge(lines: Money[], country: string): Money {\n  const shipping = fee(country);\n  return total([...lines, shipping, { cents: '0', currency: 'EUR' }]);\n}\n",
    "src/index.ts": "export * from './checkout';\n",
}


def _cpp_files() -> dict[str, str]:
    files = {
        "CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject(geom CXX)\nset(CMAKE_CXX_STANDARD 17)\n"
        "add_compile_options(-Wall -Wextra)\nfile(GLOB SRC src/*.cpp)\nadd_library(geom ${SRC})\n",
        "src/polygon.h": "#pragma once\n#include <vector>\nstruct Point { double x, y; };\nclass Polygon {\npublic:\n"
        "  explicit Polygon(std::vector<Point> pts) : pts_(std::move(pts)) {}\n  double area() const;\n"
        "  std::size_t vertices() const { return pts_.size(); }\nprivate:\n  std::vector<Point> pts_;\n};\n",
        "src/polygon.cpp": '#include "polygon.h"\n#include <cmath>\n\ndouble Polygon::area() const {\n  double a = 0;\n'
        "  for (std::size_t i = 0; i < pts_.size(); ++i) {\n    const Point &p = pts_[i], &q = pts_[(i + 1) % pts_.size()];\n"
        "    a += p.x * q.y - q.x * p.y;\n  }\n  return std::fabs(a) / 2;\n}\n",
        "src/report.cpp": '#include "polygon.h"\n#include <string>\n\nstd::string describe(const Polygon &p) {\n'
        "  return std::to_string(p.size_) + \" vertices, area \" + std::to_string(p.area());\n}\n",
    }
    for i in range(1, 11):
        files[f"src/shape{i:02d}.cpp"] = (
            f'#include "polygon.h"\n\ndouble shape{i}(int unused) {{\n  int n = {i};\n'
            f"  Polygon p({{{{0, 0}}, {{{i}, 0}}, {{0, {i}}}}});\n  return p.area();\n}}\n"
        )
    return files


_JAVAC_TYPES = {
    "src/shop/Order.java": "package shop;\n\npublic record Order(String id, int quantity, long priceCents) {}\n",
    "src/shop/Importer.java": "package shop;\n\nimport java.util.*;\n\npublic class Importer {\n"
    "    public List<Order> parse(List<String[]> rows) {\n        List<Order> out = new ArrayList();\n"
    "        for (String[] r : rows) {\n            int qty = r[1].trim();\n"
    "            out.add(new Order(r[0], qty, Long.parseLong(r[2])));\n        }\n        return out;\n    }\n}\n",
    "src/shop/Main.java": "package shop;\n\npublic class Main {\n    public static void main(String[] a) {\n"
    "        System.out.println(new Importer().parse(java.util.List.of()).size());\n    }\n}\n",
}

_E0499_RS = '''fn main() {
    let mut queue: Vec<String> = vec!["a".into(), "b".into()];
    let first = &mut queue[0];
    let last = queue.last_mut().unwrap();
    first.push('!');
    last.push('?');
    println!("{queue:?}");
}
'''

_GSON_JAVA = '''package feed;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

public class Export {
    public static void main(String[] args) {
        JsonObject o = new JsonObject();
        o.addProperty("items", 3);
        System.out.println(new Gson().toJson(o));
    }
}
'''

_CHAN_GO = '''package main

import (
	"fmt"
	"sync"
)

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				fmt.Printf("crawler %d: page %d fetched\\n", w, i)
			}
			close(done)
		}(w)
	}
	wg.Wait()
	<-done
}
'''

_LISTOF_JAVA = '''import java.util.*;

public class Pricing {
    static List<String> defaults() { return List.of("standard", "express"); }

    public static void main(String[] args) {
        for (String r : new String[] {"eu", "us", "apac"}) {
            System.out.println("pricing: region " + r + " loaded");
        }
        List<String> tiers = defaults();
        if (args.length == 0) {
            System.out.println("pricing: adding the weekend tier");
            tiers.add("weekend");
        }
        System.out.println(tiers);
    }
}
'''

_DIAL_GO = '''package main

import (
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	addr := "127.0.0.1:5433"
	for i := 1; i <= 3; i++ {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			fmt.Println("migrate: database reachable")
			return
		}
		fmt.Printf("migrate: attempt %d: %v\\n", i, err)
		time.Sleep(300 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "migrate: giving up: database at", addr, "is not reachable")
	os.Exit(1)
}
'''

_READTO_RS = '''use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let _hold = std::thread::spawn(move || { let _c = listener.accept(); std::thread::sleep(Duration::from_secs(30)); });
    println!("license-check: connecting to {addr}");
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(1500))).unwrap();
    let mut buf = [0u8; 64];
    let n = s.read(&mut buf).expect("license server did not answer");
    println!("license-check: {n} bytes");
}
'''

_FNPTR_C = '''#include <stdio.h>
#include <string.h>

typedef int (*encoder_fn)(const char *in, char *out);
struct codec { const char *name; encoder_fn encode; };

static int enc_hex(const char *in, char *out) { return sprintf(out, "%x", (unsigned)strlen(in)); }

static struct codec codecs[] = { {"hex", enc_hex}, {"b64", NULL} };

int main(void)
{
	char out[64];
	for (size_t i = 0; i < sizeof codecs / sizeof codecs[0]; i++) {
		printf("encode: using %s\\n", codecs[i].name);
		fflush(stdout);
		codecs[i].encode("payload", out);
		printf("encode: %s -> %s\\n", codecs[i].name, out);
	}
	return 0;
}
'''
_FNPTR_SH = "#!/usr/bin/env bash\nset -uo pipefail\ngcc -O0 -o build/encode src/encode.c\necho \"built build/encode\"\n./build/encode\n"

_ESLINT_CFG = '''export default [
  {
    files: ["src/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { console: "readonly" } },
    rules: { "no-undef": "error", "prefer-const": "error", "eqeqeq": "error", "no-unused-vars": "warn" },
  },
];
'''
_ESLINT_SRC = {
    "src/format.js": "export function money(cents) {\n  let sign = cents < 0 ? '-' : '';\n  return sign + (Math.abs(cents) / 100).toFixed(2);\n}\n",
    "src/search.js": "export function match(q, item) {\n  const unused = 1;\n  if (q == null) return true;\n  return item.name.includes(q) || item.sku == q;\n}\n",
    "src/debounce.js": "export function debounce(fn, ms) {\n  let t;\n  return (...a) => {\n    clearTimeout(t);\n    t = setTimeout(() => fn(...a), ms);\n  };\n}\n",
}


def register(case):
    case(
        name="go-run-unknown-time-zone-europe-londn-report-tz",
        tool="go",
        category="config",
        ci="github",
        repo="digest",
        tty=False,
        command="go run .",
        env={"REPORT_TZ": "Europe/Londn"},
        files={"go.mod": _GOMOD.format(m="digest"), "main.go": _TZ_GO},
        keys=["unknown time zone Europe/Londn"],
        cause=[has("unknown time zone")],
    )
    case(
        name="java-duration-parse-datetimeparseexception-interval-30s",
        tool="java",
        category="config",
        repo="poller",
        tty=False,
        command="java Poller.java",
        files={"Poller.java": _DURATION_JAVA, "conf/poller.properties": "endpoint=https://feeds.acme.test/v1\ninterval=30s\nretries=3\n"},
        keys=["Text cannot be parsed to a Duration", "Poller.java:10"],
        cause=[has("DateTimeParseException"), has("Poller.main(Poller.java:10)")],
    )
    case(
        name="go-test-httptest-helper-status-200-want-201-create-user",
        tool="go",
        category="test",
        repo="users",
        tty=False,
        command="go test -v ./...",
        files={"go.mod": _GOMOD.format(m="users"), "api/users.go": _HANDLER_GO, "api/users_test.go": _HANDLER_TEST},
        keys=["TestCreateUserCreated", "status 200, want 201"],
        cause=[has("--- FAIL: TestCreateUserCreated"), has("status 200, want 201"), has("FAIL\texample.com/users/api")],
    )
    case(
        name="jest-tohavelength-last-partial-page-dropped-three-of-six",
        tool="jest",
        category="test",
        ci="github",
        repo="pager",
        tty=False,
        command="jest --ci",
        files={"package.json": '{"name": "pager", "private": true}\n', "src/paginate.js": _JEST_SRC,
               "test/paginate.test.js": _JEST_TEST, "test/sum.test.js": _JEST_OK},
        keys=["paginate › keeps the last partial page", "Expected length: 3"],
        cause=[has("● paginate ›"), has("expect(received).to"), has("Expected length"), has("Received length"), has(r"^\s+[-+] (Expected|Received|Array|  Array|    \d|  \],|\])", rx=True), has(r"^\s+>\s+\d+ \|", rx=True), has("at Object.to"), has("Tests:")],
    )
    case(
        name="cargo-test-assert-matches-multi-digit-number-lexed-per-digit",
        tool="cargo",
        category="test",
        repo="calc",
        tty=False,
        command="cargo test --offline",
        setup="rm -rf /work/scratch/h22/target-calc",
        env=_cargo("calc"),
        files={"Cargo.toml": _CARGO_TOML.format(n="calc"), "src/lib.rs": _MATCHES_RS},
        keys=["tests::multi_digit_number", "tokens: [Num(4), Num(2)"],
        cause=[has("panicked at src/lib.rs"), has("tokens: [Num(4)"), has("    tests::multi_digit_number"), has("test result: FAILED")],
    )
    case(
        name="tsc-ts2322-string-cents-not-assignable-to-number-checkout",
        tool="tsc",
        category="compile",
        repo="checkout",
        tty=False,
        command="tsc -p .",
        files={"tsconfig.json": _TSCONFIG, **_TS_FILES},
        keys=["src/checkout.ts(6,", "Type 'string' is not assignable to type 'number'"],
        cause=[has("src/checkout.ts(6,"), has(r"^\s+Type '", rx=True), has("Types of property 'cents'")],
    )
    case(
        name="cmake-make-j4-gxx-no-member-named-size-in-report-among-warnings",
        tool="cmake",
        category="compile",
        repo="geom",
        tty=False,
        command="cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j4",
        setup="rm -rf build",
        files=_cpp_files(),
        keys=["report.cpp", "has no member named ‘size_’"],
        cause=[has("report.cpp: In function"), has("report.cpp:5:27: error"), has("std::to_string(p.size_)"), has("report.cpp.o] Error 1")],
    )
    case(
        name="javac-incompatible-types-string-to-int-with-rawtypes-note",
        tool="javac",
        category="compile",
        ci="github",
        repo="shop",
        tty=False,
        command="javac -d build $(find src -name '*.java')",
        files=_JAVAC_TYPES,
        keys=["incompatible types: String cannot be converted to int", "Importer.java:9"],
        cause=[has("Importer.java:9: error"), has("int qty = r[1].trim();"), has("1 error")],
    )
    case(
        name="cargo-build-e0499-second-mutable-borrow-queue-last-mut",
        tool="cargo",
        category="compile",
        ci="travis",
        repo="queue",
        tty=False,
        command="cargo build --offline",
        setup="rm -rf /work/scratch/h22/target-queue",
        env=_cargo("queue"),
        files={"Cargo.toml": _CARGO_TOML.format(n="queue"), "src/main.rs": _E0499_RS},
        keys=["E0499", "cannot borrow `queue` as mutable more than once at a time"],
        cause=[has("error[E0499]"), has("--> src/main.rs:4"), has("let first = &mut queue[0];"), has("let last = queue.last_mut()"), has("first.push('!');"), has("first mutable borrow"), has("second mutable borrow"), has("first borrow later used"), has("error: could not compile")],
    )
    case(
        name="javac-package-com-google-gson-does-not-exist-jar-not-fetched",
        tool="javac",
        category="dependency",
        ci="github",
        repo="feed",
        tty=False,
        command="javac -cp lib/gson-2.11.0.jar -d build src/feed/Export.java",
        files={"src/feed/Export.java": _GSON_JAVA, "lib/README": "jars are fetched by ci/fetch-libs.sh\n"},
        keys=["package com.google.gson does not exist"],
        cause=[has("error: package com.google.gson does not exist"), has("import com.google.gson"), has("error: cannot find symbol"), has("symbol:"), has("location:"), has(r"JsonObject o = new|new Gson\(\)", rx=True), has("errors")],
    )
    case(
        name="go-run-panic-close-of-closed-channel-three-crawlers",
        tool="go",
        category="runtime",
        repo="crawler",
        tty=False,
        command="go run .",
        files={"go.mod": _GOMOD.format(m="crawler"), "main.go": _CHAN_GO},
        keys=["panic: close of closed channel"],
        cause=[has("panic: close of closed channel"), has("main.main.func1("), has("main.go:18")],
    )
    case(
        name="java-unsupportedoperationexception-list-of-add-weekend-tier",
        tool="java",
        category="runtime",
        repo="pricing",
        tty=False,
        command="java Pricing.java",
        files={"Pricing.java": _LISTOF_JAVA},
        keys=["java.lang.UnsupportedOperationException", "Pricing.java:13"],
        cause=[has("UnsupportedOperationException"), has("Pricing.main(Pricing.java:13)")],
    )
    case(
        name="go-dial-tcp-connection-refused-5433-three-attempts-migrate",
        tool="go",
        category="infrastructure",
        ci="gitlab",
        repo="migrate",
        tty=False,
        command="go run ./cmd/migrate",
        files={"go.mod": _GOMOD.format(m="migrate"), "cmd/migrate/main.go": _DIAL_GO},
        keys=["dial tcp 127.0.0.1:5433: connect: connection refused"],
        cause=[has("connection refused"), has("giving up")],
    )
    case(
        name="rust-tcpstream-read-timeout-expect-license-server-did-not-answer",
        tool="cargo",
        category="timeout",
        repo="license",
        tty=False,
        command="cargo run --offline -q",
        setup="rm -rf /work/scratch/h22/target-license",
        env=_cargo("license"),
        files={"Cargo.toml": _CARGO_TOML.format(n="license"), "src/main.rs": _READTO_RS},
        keys=["license server did not answer", "Resource temporarily unavailable"],
        cause=[has("panicked at src/main.rs:13"), has("license server did not answer")],
    )
    case(
        name="c-null-function-pointer-b64-codec-segfault-139",
        tool="bash",
        category="crash",
        repo="codec",
        tty=False,
        command="./ci/encode.sh",
        setup="mkdir -p build",
        files={"ci/encode.sh": _FNPTR_SH, "src/encode.c": _FNPTR_C},
        keys=["Segmentation fault", "encode: using b64"],
        cause=[has("encode: using b64"), has("Segmentation fault")],
    )
    case(
        name="eslint-flat-config-no-undef-prefer-const-eqeqeq-three-files-with-warning",
        tool="eslint",
        category="lint",
        ci="github",
        repo="storefront",
        tty=False,
        command="eslint src",
        files={"eslint.config.mjs": _ESLINT_CFG, "package.json": '{"name": "storefront", "private": true, "type": "module"}\n', **_ESLINT_SRC},
        keys=["prefer-const", "eqeqeq"],
        cause=[has("src/debounce.js"), has("src/format.js"), has("src/search.js"), has("  error  "), has("problems")],
    )
