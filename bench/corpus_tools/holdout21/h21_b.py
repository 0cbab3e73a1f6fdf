"""Go, Rust, Java, C and CMake cases for the twenty-second held-out corpus (Go 1.19, rustc/cargo
1.95 offline, OpenJDK 17, gcc 12 with GNU make, CMake)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_GOMOD = "module example.com/{m}\n\ngo 1.19\n"

_FLAG_GO = '''package main

import (
	"flag"
	"fmt"
)

func main() {
	workers := flag.Int("workers", 2, "number of queue workers")
	queue := flag.String("queue", "default", "queue name")
	flag.Parse()
	fmt.Printf("consumer: %d workers on %s\\n", *workers, *queue)
}
'''

_CMAKE_LISTS = """cmake_minimum_required(VERSION 3.16)
project(widgets VERSION 2.1.0 LANGUAGES C CXX17)
add_executable(widgets src/main.cpp)
"""

_JSON_TYPES = '''package config

type Retry struct {
	Attempts int    `json:"attempts,omitempty"`
	Backoff  string `json:"backoff"`
}
'''
_JSON_TEST = '''package config

import (
	"encoding/json"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	cases := []Retry{{Attempts: 3, Backoff: "1s"}, {Attempts: 0, Backoff: "0s"}}
	for _, in := range cases {
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		if _, ok := m["attempts"]; !ok {
			t.Errorf("Marshal(%+v) = %s: attempts key missing", in, b)
		}
	}
}
'''
_PKG_OK_TEST = '''package {p}

import "testing"

func TestAdd{n}(t *testing.T) {{
	for i := 0; i < 5; i++ {{
		if i+{n} < i {{
			t.Fatal("overflow")
		}}
	}}
}}
'''

_CARGO_TOML = '[package]\nname = "{n}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
_INTEREST_RS = '''pub fn monthly(principal: f64, annual_rate: f64, months: u32) -> f64 {
    let r = annual_rate / 12.0;
    principal * r / (1.0 - (1.0 + r).powi(-(months as i32)))
}

pub fn total(principal: f64, annual_rate: f64, months: u32) -> f64 {
    monthly(principal, annual_rate, months) * months as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_months_rejected() {
        assert!(monthly(1000.0, 0.05, 12) > 0.0);
    }

    #[test]
    fn five_percent_loan() {
        let m = monthly(10_000.0, 5.0, 12);
        assert!((m - 856.07).abs() < 0.01, "monthly payment {m:.2} differs from 856.07");
    }

    #[test]
    fn total_is_months_times_payment() {
        assert!(total(1000.0, 0.05, 10) > 1000.0);
    }
}
'''

_UNUSED_GO = '''package report

import (
	"fmt"
	"os"
	"strings"
)

func Render(rows []string) string {
	total := 0
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r)
		b.WriteString("\\n")
	}
	return fmt.Sprint(b.String())
}
'''

_E0596_RS = '''use std::collections::HashMap;

struct Cache {
    hits: HashMap<String, u32>,
}

fn record(cache: &Cache, key: &str) {
    *cache.hits.entry(key.to_string()).or_insert(0) += 1;
}

fn main() {
    let cache = Cache { hits: HashMap::new() };
    record(&cache, "home");
    println!("{}", cache.hits.len());
}
'''

_IOEXC_JAVA = '''import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class Loader {
    static List<String> readManifest(Path p) {
        return Files.readAllLines(p);
    }

    public static void main(String[] args) {
        System.out.println(readManifest(Path.of("manifest.txt")).size());
    }
}
'''

_CONFLICT_H = "#ifndef HDR_H\n#define HDR_H\nint parse_header(const char *line, int *len);\n#endif\n"
_CONFLICT_C = '#include <string.h>\n#include "hdr.h"\n\nlong parse_header(const char *line, size_t *len)\n{\n\t*len = strlen(line);\n\treturn (long)*len;\n}\n'
_MAIN_C = '#include <stdio.h>\n#include "hdr.h"\n\nint main(void)\n{\n\tint n = 0;\n\tprintf("%d\\n", parse_header("X-Id: 1", &n));\n\treturn 0;\n}\n'
_UTIL_C = "int util_max(int a, int b) { return a > b ? a : b; }\n"
_MAKEFILE_C = "CFLAGS ?= -O2 -Wall\nOBJS = main.o util.o hdr.o\n\nhttpd-lite: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\n%.o: %.c hdr.h\n\t$(CC) $(CFLAGS) -c $<\n"

_VENDOR_GO = '''package main

import (
	"fmt"

	"example.com/acme/units"
)

func main() { fmt.Println(units.Metres(3)) }
'''

_SLICE_GO = '''package main

import (
	"fmt"
	"os"
)

func header(pkt []byte) []byte { return pkt[:12] }

func main() {
	pkts := [][]byte{make([]byte, 64), make([]byte, 40), make([]byte, 8), make([]byte, 30)}
	for i, p := range pkts {
		h := header(p)
		fmt.Fprintf(os.Stdout, "decode: packet %d header %x\\n", i, h[:4])
	}
}
'''

_CTX_GO = '''package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	fmt.Println("migrate: running ./scripts/migrate.sh with a 2s deadline")
	cmd := exec.CommandContext(ctx, "bash", "scripts/migrate.sh")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		fmt.Fprintf(os.Stderr, "migrate: %v (%v)\\n", ctx.Err(), err)
		os.Exit(1)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "migrate:", err)
		os.Exit(1)
	}
}
'''
_MIGRATE_SH = 'for n in 001 002 003; do echo "applying $n"; sleep 0.2; done\necho "applying 004_backfill_ledger"\nexec sleep 30\n'

_FUTURE_JAVA = '''import java.util.concurrent.*;

public class Report {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> q = pool.submit(() -> "quarterly ok");
        Future<String> y = pool.submit(() -> { Thread.sleep(60_000); return "yearly ok"; });
        System.out.println("report: " + q.get(5, TimeUnit.SECONDS));
        System.out.println("report: waiting for yearly aggregate (3 s)");
        try {
            System.out.println("report: " + y.get(3, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
'''

_DROP_RS = '''struct Flush(&'static str);

impl Drop for Flush {
    fn drop(&mut self) {
        println!("flushing {}", self.0);
        if std::thread::panicking() {
            panic!("flush of {} failed during unwind", self.0);
        }
    }
}

fn main() {
    let _w = Flush("wal-0007");
    println!("ingest: 3 batches");
    let batches: Vec<u32> = vec![10, 20];
    println!("batch 3 size {}", batches[2]);
}
'''

_LIT_C = '#include <stdio.h>\n#include <ctype.h>\n\nstatic void upcase(char *s)\n{\n\tfor (; *s; s++)\n\t\t*s = toupper((unsigned char)*s);\n}\n\nint main(void)\n{\n\tchar *tag = "release-candidate";\n\tputs("tagger: normalising tag");\n\tfflush(stdout);\n\tupcase(tag);\n\tputs(tag);\n\treturn 0;\n}\n'
_LIT_MK = "CFLAGS = -O0 -g\n\nrun: tagger\n\t./tagger\n\ntagger: tagger.c\n\t$(CC) $(CFLAGS) -o $@ $<\n"


def _cargo(name: str) -> dict[str, str]:
    return {"CARGO_TARGET_DIR": f"/work/scratch/h21/target-{name}", "CARGO_NET_OFFLINE": "true"}


def register(case):
    case(
        name="go-run-flag-provided-but-not-defined-worker-concurrency",
        tool="go",
        category="config",
        ci="github",
        repo="consumer",
        tty=False,
        command="go run . -worker-concurrency=4 -queue=emails",
        files={"go.mod": _GOMOD.format(m="consumer"), "main.go": _FLAG_GO},
        keys=["flag provided but not defined: -worker-concurrency"],
        cause=[has("flag provided but not defined")],
    )
    case(
        name="cmake-project-languages-cxx17-unknown-language-module",
        tool="cmake",
        category="config",
        repo="widgets",
        tty=False,
        command="cmake -S . -B build",
        setup="rm -rf build",
        files={"CMakeLists.txt": _CMAKE_LISTS, "src/main.cpp": "int main() { return 0; }\n"},
        keys=["CMakeDetermineCXX17Compiler.cmake"],
        cause=[has("CMake Error"), has("Missing variable is:"), has(r"^CMAKE_CXX17_COMPILER(_ENV_VAR)?$", rx=True), span("No CMAKE_CXX17_COMPILER", "in the PATH"), has("Configuring incomplete")],
    )
    case(
        name="go-test-json-omitempty-drops-zero-attempts-one-of-four-packages",
        tool="go",
        category="test",
        repo="retrylib",
        tty=False,
        command="go test ./...",
        files={"go.mod": _GOMOD.format(m="retrylib"), "config/retry.go": _JSON_TYPES, "config/retry_test.go": _JSON_TEST,
               **{f"{p}/{p}_test.go": _PKG_OK_TEST.format(p=p, n=n) for n, p in enumerate(["clock", "queue", "backoff"], 1)}},
        keys=["TestRoundTrip", "attempts key missing"],
        cause=[has("--- FAIL: TestRoundTrip"), has("attempts key missing"), has("FAIL\texample.com/retrylib/config")],
    )
    case(
        name="cargo-test-assert-message-monthly-payment-rate-as-percent",
        tool="cargo",
        category="test",
        ci="github",
        repo="loans",
        tty=False,
        command="cargo test --offline",
        setup="rm -rf /work/scratch/h21/target-loans",
        env=_cargo("loans"),
        files={"Cargo.toml": _CARGO_TOML.format(n="loans"), "src/lib.rs": _INTEREST_RS},
        keys=["tests::five_percent_loan", "differs from 856.07"],
        cause=[has("panicked at src/lib.rs"), has("differs from 856.07"), has("    tests::five_percent_loan"), has("test result: FAILED")],
    )
    case(
        name="go-build-declared-but-not-used-total-and-imported-os",
        tool="go",
        category="compile",
        repo="reports",
        tty=False,
        command="go build ./...",
        files={"go.mod": _GOMOD.format(m="reports"), "report/render.go": _UNUSED_GO, "main.go": "package main\n\nfunc main() {}\n"},
        keys=['imported and not used: "os"', "total declared but not used"],
        cause=[has("report/render.go:")],
    )
    case(
        name="cargo-build-e0596-cannot-borrow-cache-hits-as-mutable",
        tool="cargo",
        category="compile",
        repo="cache",
        tty=False,
        command="cargo build --offline",
        setup="rm -rf /work/scratch/h21/target-cache",
        env=_cargo("cache"),
        files={"Cargo.toml": _CARGO_TOML.format(n="cache"), "src/main.rs": _E0596_RS},
        keys=["E0596", "cannot borrow `cache.hits` as mutable"],
        cause=[has("error[E0596]"), has("--> src/main.rs:8"), has("*cache.hits.entry"), has("help: consider"), has("fn record(cache: &"), has("error: could not compile")],
    )
    case(
        name="javac-unreported-exception-ioexception-read-all-lines",
        tool="javac",
        category="compile",
        ci="travis",
        repo="loader",
        tty=False,
        command="javac -d build Loader.java",
        files={"Loader.java": _IOEXC_JAVA},
        keys=["unreported exception IOException; must be caught or declared to be thrown"],
        cause=[has("Loader.java:7"), has("return Files.readAllLines"), has("1 error")],
    )
    case(
        name="gcc-make-conflicting-types-for-parse-header-size-t-len",
        tool="make",
        category="compile",
        repo="httpd-lite",
        tty=False,
        command="make",
        files={"Makefile": _MAKEFILE_C, "hdr.h": _CONFLICT_H, "hdr.c": _CONFLICT_C, "main.c": _MAIN_C, "util.c": _UTIL_C},
        keys=["conflicting types for ‘parse_header’", "hdr.c:4"],
        cause=[has("hdr.c:4:6: error"), has("long parse_header(const char *line, size_t *len)"), has("hdr.h:3:5: note"), has("int parse_header(const char *line, int *len);"), has("make: ***")],
    )
    case(
        name="go-build-mod-vendor-inconsistent-vendoring-units-not-in-modules-txt",
        tool="go",
        category="dependency",
        ci="github",
        repo="gauge",
        tty=False,
        command="go build -mod=vendor ./...",
        files={"go.mod": "module example.com/gauge\n\ngo 1.19\n\nrequire example.com/acme/units v1.2.0\n",
               "main.go": _VENDOR_GO, "vendor/modules.txt": "# example.com/acme/clock v0.3.0\n## explicit; go 1.18\nexample.com/acme/clock\n"},
        keys=["inconsistent vendoring", "example.com/acme/units@v1.2.0"],
        cause=[has("inconsistent vendoring"), has("example.com/acme/units@v1.2.0"), has("example.com/acme/clock@v0.3.0"), has("go mod vendor")],
    )
    case(
        name="go-run-slice-bounds-out-of-range-12-with-capacity-8-decoder",
        tool="go",
        category="runtime",
        ci="travis",
        repo="decoder",
        tty=False,
        command="go run .",
        files={"go.mod": _GOMOD.format(m="decoder"), "main.go": _SLICE_GO},
        keys=["slice bounds out of range [:12] with capacity 8"],
        cause=[has("panic: runtime error"), has("main.header("), has("main.go:8"), has("main.main()"), has("main.go:13")],
    )
    case(
        name="go-exec-commandcontext-deadline-exceeded-migration-004-backfill",
        tool="go",
        category="timeout",
        ci="gitlab",
        repo="migrator",
        tty=False,
        command="go run ./cmd/migrate",
        files={"go.mod": _GOMOD.format(m="migrator"), "cmd/migrate/main.go": _CTX_GO, "scripts/migrate.sh": _MIGRATE_SH},
        keys=["context deadline exceeded", "004_backfill_ledger"],
        cause=[has("applying 004_backfill_ledger"), has("context deadline exceeded")],
    )
    case(
        name="java-future-get-timeoutexception-yearly-aggregate-3s",
        tool="java",
        category="timeout",
        ci="gitlab",
        repo="reports",
        tty=False,
        command="java Report.java",
        files={"Report.java": _FUTURE_JAVA},
        keys=["java.util.concurrent.TimeoutException", "Report.java:11"],
        cause=[has("waiting for yearly aggregate"), has("TimeoutException"), has("Report.main(Report.java:11)")],
    )
    case(
        name="rust-panic-in-drop-while-unwinding-index-out-of-bounds-abort",
        tool="cargo",
        category="crash",
        repo="ingest",
        tty=False,
        command="cargo run --offline -q",
        run="cargo run --offline -q; status=$?; exit $status",
        setup="rm -rf /work/scratch/h21/target-ingest",
        env=_cargo("ingest"),
        files={"Cargo.toml": _CARGO_TOML.format(n="ingest"), "src/main.rs": _DROP_RS},
        keys=["index out of bounds: the len is 2 but the index is 2", "flush of wal-0007 failed during unwind"],
        cause=[has("panicked at src/main.rs:16"), has("index out of bounds"), has("panicked at src/main.rs:7"), has("flush of wal-0007 failed"), has("<ingest::Flush as core::ops::drop::Drop>::drop"), has("acme/ingest/src/main.rs"), has("ingest::main::"),
               has("panic in a destructor during cleanup"), has("non-unwinding panic"), has("Aborted")],
    )
    case(
        name="c-make-run-write-to-string-literal-segfault-tagger",
        tool="make",
        category="crash",
        ci="travis",
        repo="tagger",
        tty=False,
        command="make run",
        files={"Makefile": _LIT_MK, "tagger.c": _LIT_C},
        keys=["Segmentation fault", "./tagger"],
        cause=[has("./tagger"), has("Segmentation fault")],
    )
