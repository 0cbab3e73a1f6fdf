"""Go and Rust cases for the tenth held-out corpus (Go 1.19 from Debian, offline; rustc/cargo 1.95)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_MOD = "module example.com/acme/{name}\n\ngo 1.19\n"

_MP_A = """\
package money

import "fmt"

func Format(cents int64) string {
	return fmt.Sprintf("%d.%02d", cents/100, cents%100)
}
"""
_MP_A_T = """\
package money

import "testing"

func TestFormat(t *testing.T) {
	cases := []struct {
		name  string
		cents int64
		want  string
	}{
		{"zero", 0, "0.00"},
		{"whole", 1200, "12.00"},
		{"negative", -150, "-1.50"},
		{"small_negative", -5, "-0.05"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Format(tc.cents); got != tc.want {
				t.Errorf("Format(%d) = %q, want %q", tc.cents, got, tc.want)
			}
		})
	}
}
"""
_MP_B = """\
package slug

import "strings"

func Make(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "-")
}
"""
_MP_B_T = """\
package slug

import "testing"

func TestMake(t *testing.T) {
	if got := Make(" Hello World "); got != "hello-world" {
		t.Fatalf("Make = %q", got)
	}
}
"""
_MP_C = """\
package window

type Window struct {
	size int
	vals []float64
}

func New(size int) *Window { return &Window{size: size} }

func (w *Window) Push(v float64) {
	w.vals = append(w.vals, v)
	if len(w.vals) > w.size+1 {
		w.vals = w.vals[1:]
	}
}

func (w *Window) Mean() float64 {
	var sum float64
	for _, v := range w.vals {
		sum += v
	}
	return sum / float64(len(w.vals))
}
"""
_MP_C_T = """\
package window

import "testing"

func TestMean(t *testing.T) {
	w := New(3)
	for _, v := range []float64{1, 2, 3, 4, 5} {
		w.Push(v)
	}
	if got := w.Mean(); got != 4 {
		t.Fatalf("Mean() after 5 pushes into size-3 window = %v, want 4", got)
	}
}
"""

_TM_STORE = """\
package store

import "strings"

func TableName(entity string) string { return strings.ToLower(entity) + "s" }
"""
_TM_T = """\
package store

import (
	"log"
	"os"
	"testing"
)

var dsn string

func TestMain(m *testing.M) {
	dsn = os.Getenv("DATABASE_URL")
	if dsn == "" {
		log.Fatal("DATABASE_URL is not set: integration tests need a Postgres instance (see docs/testing.md)")
	}
	os.Exit(m.Run())
}

func TestTableName(t *testing.T) {
	if TableName("Order") != "orders" {
		t.Fatal("bad table name")
	}
}
"""

_NR_MAIN = """\
package main

import (
	"fmt"

	"github.com/google/uuid"
	"gopkg.in/yaml.v3"
)

func main() {
	var cfg map[string]any
	_ = yaml.Unmarshal([]byte("a: 1"), &cfg)
	fmt.Println(uuid.NewString(), cfg)
}
"""

_BT_LIB = """\
use std::net::SocketAddr;

pub fn parse_addr(host: &str, port: &str) -> SocketAddr {
    let port: u16 = port.trim().parse().expect("parse port");
    let ip = host.parse().expect("parse host");
    SocketAddr::new(ip, port)
}

pub fn listen_addr(spec: &str) -> SocketAddr {
    let (host, port) = spec.rsplit_once(':').unwrap_or((spec, "8080"));
    parse_addr(host, port)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_port() {
        assert_eq!(listen_addr("127.0.0.1").port(), 8080);
    }

    #[test]
    fn explicit_port() {
        assert_eq!(listen_addr("0.0.0.0:9000").port(), 9000);
    }

    #[test]
    fn port_with_comment() {
        assert_eq!(listen_addr("10.0.0.1:9090 # metrics").port(), 9090);
    }
}
"""
_CARGO = """\
[package]
name = "{name}"
version = "0.4.0"
edition = "2021"

[dependencies]
"""
_IT_LIB = """\
pub struct Limiter {
    pub capacity: u32,
    used: u32,
}

impl Limiter {
    pub fn new(capacity: u32) -> Self {
        Limiter { capacity, used: 0 }
    }

    pub fn try_acquire(&mut self, n: u32) -> bool {
        if self.used + n > self.capacity {
            return false;
        }
        self.used += n;
        true
    }
}
"""
_IT_TEST = """\
use ratelimit::Limiter;

#[test]
fn acquires_until_full() {
    let mut l = Limiter::new(10);
    assert!(l.try_acquire(6));
    assert!(!l.try_acquire());
}

#[test]
fn resets() {
    let mut l = Limiter::new(5);
    assert!(l.try_acquire(5));
    l.reset();
    assert!(l.try_acquire(5));
}
"""


def register(case):
    case(
        name="go-test-three-packages-two-fail",
        tool="go",
        category="test",
        label=":golang: go test",
        repo="metrics",
        tty=False,
        command="go test ./...",
        files={"go.mod": _MOD.format(name="metrics"), "money/money.go": _MP_A, "money/money_test.go": _MP_A_T,
               "slug/slug.go": _MP_B, "slug/slug_test.go": _MP_B_T, "window/window.go": _MP_C,
               "window/window_test.go": _MP_C_T},
        keys=["TestFormat/negative", "TestFormat/small_negative", 'Format(-150) = "-1.-50", want "-1.50"',
              "TestMean", "want 4"],
        cause=[has("--- FAIL:"), has(r"money_test\.go:\d+: Format", rx=True), has(r"window_test\.go:\d+: Mean", rx=True),
               has(r"^FAIL\s+example\.com", rx=True)],
        exit_status=1,
    )
    case(
        name="go-testmain-log-fatal-database-url-unset",
        tool="go",
        category="config",
        ci="gitlab",
        repo="orders",
        tty=False,
        command="go test ./...",
        files={"go.mod": _MOD.format(name="orders"), "store/store.go": _TM_STORE, "store/store_test.go": _TM_T,
               "api/api.go": "package api\n\nfunc Version() string { return \"1\" }\n"},
        keys=["DATABASE_URL is not set", "FAIL\texample.com/acme/orders/store"],
        cause=[has("DATABASE_URL is not set"), has(r"^FAIL\s+example\.com/acme/orders/store", rx=True)],
        exit_status=1,
    )
    case(
        name="go-build-readonly-cannot-find-module-providing-package",
        tool="go",
        category="dependency",
        ci="travis",
        repo="idgen",
        tty=False,
        command="go build ./...",
        files={"go.mod": _MOD.format(name="idgen"), "main.go": _NR_MAIN},
        env={"GOFLAGS": "-mod=readonly"},
        keys=["cannot find module providing package github.com/google/uuid",
              "cannot find module providing package gopkg.in/yaml.v3", "import lookup disabled by -mod=readonly"],
        cause=[has("cannot find module providing package")],
        exit_status=1,
    )
    case(
        name="cargo-test-expect-err-rust-backtrace",
        tool="cargo",
        category="test",
        label=":rust: cargo test",
        repo="listen",
        command="cargo test --color=always",
        files={"Cargo.toml": _CARGO.format(name="listen"), "src/lib.rs": _BT_LIB},
        env={"RUST_BACKTRACE": "1"},
        keys=["tests::port_with_comment", "parse port: ParseIntError { kind: InvalidDigit }", "src/lib.rs:4"],
        cause=[has("---- tests::port_with_comment stdout ----"), has("panicked at src/lib.rs:4"),
               has("parse port: ParseIntError"), has("listen::parse_addr"), has("listen::listen_addr"),
               has("listen::tests::port_with_comment"), has(r"at \./src/lib\.rs:\d+", rx=True),
               has(r"^\s+tests::port_with_comment$", rx=True), has("test result: FAILED")],
        exit_status=101,
    )
    case(
        name="cargo-test-integration-target-two-errors",
        tool="cargo",
        category="compile",
        ci="gitlab",
        repo="ratelimit",
        command="cargo test --color=always",
        files={"Cargo.toml": _CARGO.format(name="ratelimit"), "src/lib.rs": _IT_LIB, "tests/limits.rs": _IT_TEST},
        keys=["error[E0061]", "error[E0599]: no method named `reset`", "tests/limits.rs:7:16",
              'could not compile `ratelimit` (test "limits") due to 2 previous errors'],
        cause=[has("error[E0061]"), has("error[E0599]"), has(r"--> tests/limits\.rs:\d+", rx=True),
               has("assert!(!l.try_acquire());"), has("l.reset();"), has("could not compile")],
        exit_status=101,
    )
