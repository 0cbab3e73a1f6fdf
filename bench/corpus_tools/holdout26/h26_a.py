"""Cases for the twenty-seventh held-out corpus, part A: Go 1.19, Rust (cargo, clippy; no crates),
Java 17 with Maven offline."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# -- Go -----------------------------------------------------------------------------------------

_GOMOD = "module example.com/svc\n\ngo 1.19\n"

_FETCH_GO = '''package crawl

import "sort"

func fetch(u string) string { return "fetched:" + u }

// FetchAll fetches every URL concurrently.
func FetchAll(urls []string) []string {
	out := make(chan string, len(urls))
	for _, u := range urls {
		go func() { out <- fetch(u) }()
	}
	got := make([]string, 0, len(urls))
	for range urls {
		got = append(got, <-out)
	}
	sort.Strings(got)
	return got
}
'''
_FETCH_TEST = '''package crawl

import (
	"reflect"
	"testing"
	"time"
)

func TestFetchOne(t *testing.T) {
	if got := FetchAll([]string{"a"}); got[0] != "fetched:a" {
		t.Fatalf("got %v", got)
	}
}

func TestFetchAll(t *testing.T) {
	time.Sleep(10 * time.Millisecond)
	urls := []string{"https://a.test", "https://b.test", "https://c.test"}
	want := []string{"fetched:https://a.test", "fetched:https://b.test", "fetched:https://c.test"}
	if got := FetchAll(urls); !reflect.DeepEqual(got, want) {
		t.Errorf("FetchAll(%d urls):\\n got  %q\\n want %q", len(urls), got, want)
	}
}
'''

_BENCH_GO = '''package codec

import "strings"

func Encode(fields []string) string {
	if len(fields) > 64 {
		return ""
	}
	return strings.Join(fields, "|")
}
'''
_BENCH_TEST = '''package codec

import (
	"fmt"
	"testing"
)

func TestEncodeSmall(t *testing.T) {
	if Encode([]string{"a", "b"}) != "a|b" {
		t.Fatal("bad")
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, n := range []int{8, 64, 512} {
		fields := make([]string, n)
		for i := range fields {
			fields[i] = fmt.Sprint(i)
		}
		b.Run(fmt.Sprintf("fields=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if Encode(fields) == "" {
					b.Fatalf("Encode returned empty output for %d fields", n)
				}
			}
		})
	}
}
'''

_INFER_GO = '''package util

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Zero[T any]() T {
	var z T
	return z
}

func Labels(ids []int) []string {
	_ = Zero()
	return Map(ids, func(i int) string { return "id-" + string(rune('0'+i)) })
}
'''

_VET_MODEL = '''package model

type User struct {
	ID    int    `json:"id"`
	Email string `json:email`
	Name  string `json:"name" db:"name"`
}
'''
_VET_REPORT = '''package report

import "fmt"

func Line(name string, n int) string {
	return fmt.Sprintf("%s: %d items (%d%%)", name, n)
}

func Header(title string) string {
	return fmt.Sprintf("== %d ==", title)
}
'''

_REPL_GOMOD = "module example.com/billing\n\ngo 1.19\n\nrequire example.com/shared v0.0.0\n\nreplace example.com/shared => ./third_party/shared\n"
_REPL_MAIN = '''package main

import (
	"fmt"

	"example.com/shared"
)

func main() { fmt.Println(shared.Version) }
'''

_RE_GO = '''package main

import (
	"fmt"
	"os"
	"regexp"
)

var routes = map[string]*regexp.Regexp{
	"invoice": regexp.MustCompile(`^/invoices/[0-9]+$`),
	"export":  regexp.MustCompile(`^/exports/[a-z0-9-+\\.csv$`),
}

func main() {
	fmt.Println("router: matching", os.Args[1:])
}
'''

_FILES_GO = '''package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	paths, _ := filepath.Glob("fixtures/*.json")
	fmt.Printf("index: opening %d fixture files\\n", len(paths))
	var open []*os.File
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "index: %v (after %d files)\\n", err, i)
			os.Exit(1)
		}
		open = append(open, f)
	}
	fmt.Println("index: done", len(open))
}
'''

_RACE_GO = '''package main

import (
	"fmt"
	"sync"
)

func main() {
	hits := map[string]int{}
	var wg sync.WaitGroup
	for _, p := range []string{"/", "/login"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			hits[p]++
		}(p)
	}
	wg.Wait()
	fmt.Println("stats:", len(hits), "paths")
}
'''

_HELPER_GO = """package units

import "fmt"

func Human(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n > 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
"""


def _helper_test() -> str:
    out = ["package units", "", 'import (\n\t"fmt"\n\t"testing"\n)', "",
           "func check(t *testing.T, n int64, want string) {", "\tt.Helper()",
           "\tif got := Human(n); got != want {", '\t\tt.Fatalf("Human(%d) = %q, want %q", n, got, want)', "\t}", "}", ""]
    out += ["func TestHuman(t *testing.T) {"]
    cases = [(i * 3000 + 2048, None) for i in range(24)]
    out += ["\tfor i, n := range []int64{" + ", ".join(str(n) for n, _ in cases) + "} {",
            '\t\tt.Run(fmt.Sprint("bulk-", i), func(t *testing.T) {',
            "\t\t\tif i%5 == 4 {", '\t\t\t\tt.Skip("slow path covered by TestLarge")', "\t\t\t}",
            '\t\t\tif Human(n) == "" {', '\t\t\t\tt.Fatal("empty")', "\t\t\t}", "\t\t})", "\t}",
            '\tt.Run("boundary", func(t *testing.T) {', '\t\tcheck(t, 1<<20, "1.0 MiB")',
            '\t\tcheck(t, 1024, "1.0 KiB")', "\t})", "}", ""]
    return "\n".join(out)


# -- Rust ---------------------------------------------------------------------------------------


def _cargo(name: str, extra: str = "") -> str:
    return f'[package]\nname = "{name}"\nversion = "0.3.0"\nedition = "2021"\n{extra}'


_SPAWN_RS = '''use std::thread;

fn main() {
    let shards = vec!["eu-1", "eu-2", "us-1"];
    let mut handles = Vec::new();
    for i in 0..shards.len() {
        handles.push(thread::spawn(|| {
            println!("warming {}", shards[i]);
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
}
'''

_QERR_RS = '''use std::fs;
use std::num::ParseIntError;

#[derive(Debug)]
pub enum AppError {
    Parse(ParseIntError),
}

impl From<ParseIntError> for AppError {
    fn from(e: ParseIntError) -> Self {
        AppError::Parse(e)
    }
}

pub fn load_limit(path: &str) -> Result<u32, AppError> {
    let text = fs::read_to_string(path)?;
    let n: u32 = text.trim().parse()?;
    Ok(n)
}
'''

_CLIPPY_RS = '''use std::collections::HashMap;

pub fn parse_env(raw: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for line in raw.lines() {
        let (k, v) = line.split_once('=').unwrap();
        out.insert(k.to_string(), v.to_string());
    }
    out
}

pub fn port(env: &HashMap<String, String>) -> u16 {
    env.get("PORT").expect("PORT").parse().unwrap()
}

pub fn debug(env: &HashMap<String, String>) {
    println!("{:?}", env.len());
}
'''
_CLIPPY_LINTS = '\n[lints.clippy]\nunwrap_used = "deny"\nexpect_used = "deny"\nprint_stdout = "deny"\n'

_BUILD_RS = '''use std::fs;

fn main() {
    println!("cargo::rerun-if-changed=schema/VERSION");
    let v = fs::read_to_string("schema/VERSION").unwrap();
    let v: u32 = v.trim().parse().unwrap();
    if v != 2 {
        println!("cargo::warning=found schema/VERSION = {v}");
        println!("cargo::error=schema version {v} is not supported by this crate (expects 2); run `make schema` to regenerate");
    }
}
'''

_PORT_RS = '''use std::env;
use std::num::ParseIntError;

fn main() -> Result<(), ParseIntError> {
    let raw = env::var("METRICS_PORT").unwrap_or_else(|_| "9100".into());
    println!("exporter: METRICS_PORT={raw}");
    let port: u16 = raw.parse()?;
    println!("exporter: listening on :{port}");
    Ok(())
}
'''

_ROUTE_RS = """#[derive(Debug, PartialEq)]
pub struct Stop {
    pub name: String,
    pub minute: u32,
}

pub fn schedule(names: &[&str], every: u32) -> Vec<Stop> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| Stop { name: n.to_string(), minute: i as u32 * every + 1 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_stop() {
        assert_eq!(schedule(&["depot"], 10).len(), 1);
    }

    #[test]
    fn every_ten_minutes() {
        let want = vec![
            Stop { name: "depot".into(), minute: 0 },
            Stop { name: "market".into(), minute: 10 },
        ];
        assert_eq!(schedule(&["depot", "market"], 10), want, "{:#?}", want);
    }
}
"""


# -- Java / Maven -------------------------------------------------------------------------------


def _pom(artifact: str, plugins: str = "", surefire_cfg: str = "") -> str:
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>{artifact}</artifactId>
  <version>1.4.0-SNAPSHOT</version>
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
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version>{surefire_cfg}</plugin>
{plugins}    </plugins>
  </build>
</project>
"""


_ADDR_SRC = '''package com.acme.geo;

public record Address(String street, String city, String postcode, String country) {
    public static Address parse(String line) {
        String[] p = line.split(",");
        return new Address(p[0].trim(), p[1].trim(), p[2], p[3].trim().toUpperCase());
    }
}
'''
_ADDR_TEST = '''package com.acme.geo;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void parsesStreet() {
        assertEquals("1 Main St", Address.parse("1 Main St, Springfield, 12345, us").street());
    }

    @Test
    void parsesAllFields() {
        Address a = Address.parse("9 Rue Haute, Lyon,  69001, fr ");
        assertAll("address",
            () -> assertEquals("Lyon", a.city()),
            () -> assertEquals("69001", a.postcode(), "postcode"),
            () -> assertEquals("FR", a.country()),
            () -> assertEquals("9 Rue Haute ", a.street(), "street"));
    }
}
'''

_SLOW_SRC = '''package com.acme.sync;

public class Syncer {
    public static boolean waitForLock() throws InterruptedException {
        Thread.sleep(15_000);
        return true;
    }
}
'''
_SLOW_TEST = '''package com.acme.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyncerTest {
    @Test
    void acquiresLock() throws Exception {
        assertTrue(Syncer.waitForLock());
    }
}
'''
_FORK_TIMEOUT = "\n        <configuration><forkedProcessTimeoutInSeconds>5</forkedProcessTimeoutInSeconds></configuration>\n      "

_THROWS_SRC = '''package com.acme.money;

import java.math.BigDecimal;

public class Money {
    public static BigDecimal parse(String s) {
        String t = s.replace(",", "").trim();
        if (t.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(t);
    }
}
'''
_THROWS_TEST = '''package com.acme.money;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void parsesThousands() {
        assertEquals(new BigDecimal("1234.50"), Money.parse("1,234.50"));
    }

    @Test
    void rejectsBlank() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("  "));
    }

    @Test
    void rejectsLetters() {
        assertThrows(NumberFormatException.class, () -> Money.parse("12a"));
    }
}
'''

_JACOCO = """      <plugin>
        <groupId>org.jacoco</groupId><artifactId>jacoco-maven-plugin</artifactId><version>0.8.12</version>
        <executions><execution><goals><goal>prepare-agent</goal></goals></execution></executions>
      </plugin>
"""

_INFER_JAVA = '''package com.acme.report;

import java.util.List;

public class Totals {
    static <T extends Number> T largest(List<T> xs) {
        return xs.get(0);
    }

    public static void main(String[] args) {
        List<Integer> counts = List.of(3, 9, 4);
        String top = largest(counts);
        System.out.println(top);
    }
}
'''

_PROPS_JAVA = '''package com.acme.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

public class Boot {
    static Properties load(String profile) throws IOException {
        Path p = Path.of("config", "application-" + profile + ".properties");
        System.out.println("boot: loading " + p);
        Properties props = new Properties();
        try (var r = Files.newBufferedReader(p)) {
            props.load(r);
        }
        return props;
    }

    public static void main(String[] args) throws IOException {
        String profile = System.getenv().getOrDefault("APP_PROFILE", "dev");
        System.out.println("boot: profile " + profile);
        Properties props = load(profile);
        System.out.println("boot: " + props.size() + " settings");
    }
}
'''

_MAIN_JAVA = '''package com.acme.cli;

public class Main {
    public static void main(String[] args) {
        System.out.println("cli 1.4.0");
    }
}
'''


def register(case) -> None:
    go = "go"
    case(
        name="go-test-loop-variable-captured-by-goroutine-fetchall-wrong-urls",
        tool="go test", category="test", ci="buildkite", label=":go: Test", command="go test ./...",
        repo="crawler", tty=False,
        files={"go.mod": _GOMOD, "crawl/fetch.go": _FETCH_GO, "crawl/fetch_test.go": _FETCH_TEST,
               "util/util.go": "package util\n\nfunc Noop() {}\n"},
        keys=["TestFetchAll", "fetched:https://c.test"],
        cause=[has("--- FAIL: TestFetchAll"), has("fetch_test.go:20: FetchAll(3 urls)"), has(" got  ["),
               has(" want ["), has("FAIL\texample.com/svc/crawl")],
    )  # fmt: skip
    case(
        name="go-test-bench-b-fatalf-encode-512-fields-sub-benchmark",
        tool="go test", category="test", ci="github", command="go test -run '^$' -bench . -benchtime 100x ./...",
        repo="codec", tty=False,
        files={"go.mod": _GOMOD, "codec/codec.go": _BENCH_GO, "codec/codec_test.go": _BENCH_TEST},
        keys=["BenchmarkEncode/fields=512", "Encode returned empty output for 512 fields"],
        cause=[has("--- FAIL: BenchmarkEncode/fields=512"), has("Encode returned empty output"),
               has("--- FAIL: BenchmarkEncode"), has("FAIL\texample.com/svc/codec")],
    )  # fmt: skip
    case(
        name="go-build-generics-cannot-infer-t-zero-helper",
        tool=go, category="compile", ci="buildkite", command="go build ./...", repo="util", tty=False,
        files={"go.mod": _GOMOD, "util/generic.go": _INFER_GO, "main.go": "package main\n\nfunc main() {}\n"},
        keys=["cannot infer T"],
        cause=[has("cannot infer T")],
    )  # fmt: skip
    case(
        name="go-vet-structtag-and-printf-findings-in-two-packages",
        tool="go vet", category="lint", ci="gitlab", command="go vet ./...", repo="accounts", tty=False,
        files={"go.mod": _GOMOD, "model/user.go": _VET_MODEL, "report/line.go": _VET_REPORT},
        keys=["struct field tag", "Sprintf format %d has arg title of wrong type string"],
        cause=[has("# example.com/svc/"), has("struct field tag"), has("Sprintf format")],
    )  # fmt: skip
    case(
        name="go-build-replaced-shared-module-package-named-common-imported-and-not-used",
        tool=go, category="compile", ci="travis", command="go build ./...", repo="billing", tty=False,
        files={"go.mod": _REPL_GOMOD, "main.go": _REPL_MAIN,
               "third_party/shared/go.mod": "module example.com/common\n\ngo 1.19\n",
               "third_party/shared/shared.go": 'package common\n\nconst Version = "1.2.0"\n'},
        keys=['imported and not used: "example.com/shared" as common', "undefined: shared"],
        cause=[has("imported and not used"), has("undefined: shared")],
    )  # fmt: skip
    case(
        name="go-run-regexp-mustcompile-panic-in-package-var-init-export-route",
        tool=go, category="runtime", ci="travis", command="go run ./cmd/router /exports/q3.csv",
        repo="router", tty=False, files={"go.mod": _GOMOD, "cmd/router/main.go": _RE_GO},
        keys=["regexp: Compile(", "missing closing ]"],
        cause=[has("panic: regexp: Compile("), has("main.init()"),
               has("cmd/router/main.go:11"), has("exit status 2")],
    )  # fmt: skip
    case(
        name="go-run-too-many-open-files-ulimit-n-64-fixture-index",
        tool=go, category="resource", ci="buildkite", command="ulimit -n 64 && go run ./cmd/index",
        repo="search", tty=False, files={"go.mod": _GOMOD, "cmd/index/main.go": _FILES_GO},
        setup="mkdir -p fixtures && for i in $(seq 1 120); do echo '{}' > fixtures/doc$i.json; done",
        keys=["too many open files"],
        cause=[has("too many open files"), has("exit status 1")],
    )  # fmt: skip
    case(
        name="go-run-race-data-race-map-write-hit-counter-exit-66",
        tool=go, category="runtime", ci="github", command="go run -race ./cmd/stats", repo="stats", tty=False,
        files={"go.mod": _GOMOD, "cmd/stats/main.go": _RACE_GO},
        keys=["WARNING: DATA RACE", "data race(s)"],
        cause=[has("WARNING: DATA RACE"), has("Read at 0x"), has("Previous write at 0x"),
               has("main.main.func1()"), has("cmd/stats/main.go:15"), has(r"Found \d+ data race", True),
               has("exit status 66")],
    )  # fmt: skip

    case(
        name="go-test-v-helper-fatalf-boundary-1024-kib-after-24-bulk-subtests-some-skipped",
        tool="go test", category="test", ci="buildkite", label=":go: Test", command="go test -v ./units/",
        repo="units", tty=False,
        files={"go.mod": _GOMOD, "units/human.go": _HELPER_GO, "units/human_test.go": _helper_test()},
        keys=["TestHuman/boundary", 'Human(1024) = "1024 B", want "1.0 KiB"'],
        cause=[has("--- FAIL: TestHuman/boundary"), has('Human(1024) = "1024 B"'), has("--- FAIL: TestHuman ("),
               has("FAIL\texample.com/svc/units")],
    )  # fmt: skip

    # -- Rust
    case(
        name="cargo-build-e0373-closure-may-outlive-borrowed-shards-thread-spawn",
        tool="cargo", category="compile", ci="buildkite", command="cargo build --color=always", repo="warmer",
        files={"Cargo.toml": _cargo("warmer"), "src/main.rs": _SPAWN_RS},
        keys=["E0373", "closure may outlive the current function"],
        cause=[has("error[E0373]"), has("--> src/main.rs:7:36"), has(r"^7 \|         handles\.push\(thread::spawn\(\|\|", True),
               has("may outlive borrowed value"), has("is borrowed here"),
               has("help: to force the closure to take ownership"), has("could not compile")],
    )  # fmt: skip
    case(
        name="cargo-build-e0277-question-mark-cannot-convert-io-error-to-app-error",
        tool="cargo", category="compile", ci="gitlab", command="cargo build --color=always", repo="limits",
        files={"Cargo.toml": _cargo("limits"), "src/lib.rs": _QERR_RS},
        keys=["E0277", "`?` couldn't convert the error to `AppError`"],
        cause=[has("error[E0277]"), has("--> src/lib.rs:16"), has("let text = fs::read_to_string(path)?;"),
               has("^ the trait `From<std::io::Error>` is not implemented"), has("needs to implement"), has("could not compile")],
    )  # fmt: skip
    case(
        name="cargo-clippy-lints-table-deny-unwrap-expect-print-stdout-four-errors",
        tool="clippy", category="lint", ci="buildkite", label=":rust: Clippy", command="cargo clippy --color=always",
        repo="envparse", files={"Cargo.toml": _cargo("envparse", _CLIPPY_LINTS), "src/lib.rs": _CLIPPY_RS},
        keys=["used `unwrap()` on an `Option` value", "used `expect()` on an `Option` value", "use of `println!`"],
        cause=[has(r"^error: used `(unwrap|expect)\(\)`", True), has("error: use of `println!`"),
               has(r"^\s*--> src/lib.rs", True), has("could not compile")],
    )  # fmt: skip
    case(
        name="cargo-build-script-cargo-error-directive-schema-version-3",
        tool="cargo", category="config", ci="buildkite", command="cargo build --color=always", repo="schema",
        files={"Cargo.toml": _cargo("schema"), "build.rs": _BUILD_RS, "src/lib.rs": "pub fn v() {}\n",
               "schema/VERSION": "3\n"},
        keys=["schema version 3 is not supported by this crate (expects 2)"],
        cause=[has("schema version 3 is not supported"), has("found schema/VERSION = 3"),
               has("build script logged errors")],
    )  # fmt: skip
    case(
        name="cargo-run-main-returns-err-parseinterror-posoverflow-metrics-port",
        tool="cargo", category="config", ci="buildkite", command="cargo run --quiet", repo="exporter",
        env={"METRICS_PORT": "91000"}, files={"Cargo.toml": _cargo("exporter"), "src/main.rs": _PORT_RS},
        keys=["PosOverflow", "METRICS_PORT=91000"],
        cause=[has("Error: ParseIntError"), has("METRICS_PORT=91000")],
    )  # fmt: skip

    case(
        name="cargo-test-assert-eq-multiline-pretty-debug-vec-of-stops-minute-off-by-one",
        tool="cargo", category="test", ci="github", command="cargo test --color=always", repo="routes",
        files={"Cargo.toml": _cargo("routes"), "src/lib.rs": _ROUTE_RS},
        keys=["tests::every_ten_minutes", "assertion `left == right` failed"],
        cause=[has("---- tests::every_ten_minutes stdout ----"), has("panicked at src/lib.rs"),
               has("assertion `left == right` failed"), has(" left: ["), has("right: ["),
               has("tests::every_ten_minutes ... FAILED"), has("    tests::every_ten_minutes"),
               has("test result: FAILED"), has("error: test failed")],
    )  # fmt: skip

    # -- Java / Maven
    case(
        name="maven-surefire-junit5-assertall-multiplefailureserror-postcode-street",
        tool="maven", category="test", ci="buildkite", label=":java: Test", command="mvn -B -o test",
        repo="geo", tty=False,
        files={"pom.xml": _pom("geo"), "src/main/java/com/acme/geo/Address.java": _ADDR_SRC,
               "src/test/java/com/acme/geo/AddressTest.java": _ADDR_TEST},
        keys=["AddressTest.parsesAllFields", "MultipleFailuresError", "2 failures"],
        cause=[has("[ERROR] Tests run: 2, Failures: 1"), first(r"\[ERROR\] com.acme.geo.AddressTest.parsesAllFields", True),
               has("MultipleFailuresError"), has("address (2 failures)"), has("postcode ==> expected"),
               has("street ==> expected"), has("at com.acme.geo.AddressTest"), has("[ERROR] Failures:"),
               has("BUILD FAILURE"), has("There are test failures")],
    )  # fmt: skip
    case(
        name="maven-surefire-forked-process-timeout-5s-syncer-lock",
        tool="maven", category="timeout", ci="buildkite", command="mvn -B -o test", repo="sync", tty=False,
        files={"pom.xml": _pom("sync", surefire_cfg=_FORK_TIMEOUT),
               "src/main/java/com/acme/sync/Syncer.java": _SLOW_SRC,
               "src/test/java/com/acme/sync/SyncerTest.java": _SLOW_TEST},
        keys=["There was a timeout"],
        cause=[has("-- in com.acme.sync.SyncerTest"), has("There was a timeout"), has("BUILD FAILURE")],
    )  # fmt: skip
    case(
        name="maven-surefire-assertthrows-nothing-thrown-blank-money-one-of-three",
        tool="maven", category="test", ci="gitlab", command="mvn -B -o test", repo="money", tty=False,
        files={"pom.xml": _pom("money"), "src/main/java/com/acme/money/Money.java": _THROWS_SRC,
               "src/test/java/com/acme/money/MoneyTest.java": _THROWS_TEST},
        keys=["MoneyTest.rejectsBlank", "but nothing was thrown"],
        cause=[has("[ERROR] Tests run: 3, Failures: 1"), first(r"\[ERROR\] com.acme.money.MoneyTest.rejectsBlank", True),
               has("but nothing was thrown"), has("at com.acme.money.MoneyTest.rejectsBlank(MoneyTest.java:16)"),
               has("[ERROR] Failures:"), has("BUILD FAILURE"), has("There are test failures")],
    )  # fmt: skip
    case(
        name="maven-offline-jacoco-plugin-not-downloaded-before",
        tool="maven", category="dependency", ci="buildkite", command="mvn -B -o verify", repo="cli2", tty=False,
        files={"pom.xml": _pom("cli", _JACOCO), "src/main/java/com/acme/cli/Main.java": _MAIN_JAVA},
        keys=["jacoco-maven-plugin", "offline"],
        cause=[has("The POM for org.jacoco"), has("[ERROR] Plugin org.jacoco"), has("BUILD FAILURE")],
    )  # fmt: skip
    case(
        name="javac-incompatible-types-inference-variable-t-integer-to-string",
        tool="javac", category="compile", ci="buildkite", command="javac -d out src/com/acme/report/*.java",
        repo="report", tty=False, files={"src/com/acme/report/Totals.java": _INFER_JAVA},
        keys=["incompatible types", "inference variable T has incompatible"],
        cause=[has("error: incompatible types"), has("String top = largest(counts);"), has("equality constraints"),
               has("lower bounds"), has("1 error")],
    )  # fmt: skip
    case(
        name="java-nosuchfileexception-application-staging-properties",
        tool="java", category="config", ci="github", repo="app", tty=False,
        command="javac -d out src/com/acme/app/Boot.java && java -cp out com.acme.app.Boot",
        env={"APP_PROFILE": "staging"},
        files={"src/com/acme/app/Boot.java": _PROPS_JAVA, "config/application-dev.properties": "a=1\n",
               "config/application-prod.properties": "a=2\n"},
        keys=["NoSuchFileException: config/application-staging.properties"],
        cause=[has("java.nio.file.NoSuchFileException"), has("at com.acme.app.Boot"),
               has("boot: loading config/application-staging.properties")],
    )  # fmt: skip
    case(
        name="java-jar-invalid-or-corrupt-jarfile-truncated-artifact",
        tool="java", category="infrastructure", ci="buildkite", command="java -jar build/cli.jar --version",
        repo="cli3", tty=False, files={"src/com/acme/cli/Main.java": _MAIN_JAVA},
        setup=("javac -d out src/com/acme/cli/Main.java && mkdir -p build && "
               "jar --create --file build/full.jar --main-class com.acme.cli.Main -C out . && "
               "head -c 300 build/full.jar > build/cli.jar && rm build/full.jar"),
        keys=["Invalid or corrupt jarfile build/cli.jar"],
        cause=[has("Invalid or corrupt jarfile")],
    )  # fmt: skip
