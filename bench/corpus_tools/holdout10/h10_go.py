"""Go and Rust cases for the eleventh held-out corpus (Go 1.19 from Debian, no module downloads;
rustc/cargo from rustup, no crates.io dependencies)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_GOMOD = "module example.com/{name}\n\ngo 1.19\n"

# --- go test: two Example functions whose output changed
_EX_SRC = """\
package units

import "fmt"

// Bytes renders a byte count for humans.
func Bytes(n int64) string {
\tswitch {
\tcase n >= 1<<30:
\t\treturn fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
\tcase n >= 1<<20:
\t\treturn fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
\tcase n >= 1<<10:
\t\treturn fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
\t}
\treturn fmt.Sprintf("%d B", n)
}

// Percent renders a ratio.
func Percent(part, whole int) string {
\treturn fmt.Sprintf("%d%%", part*100/whole)
}
"""
_EX_TEST = """\
package units

import (
\t"fmt"
\t"testing"
)

func TestBytesSmall(t *testing.T) {
\tif got := Bytes(12); got != "12 B" {
\t\tt.Fatalf("Bytes(12) = %q", got)
\t}
}

func ExampleBytes() {
\tfmt.Println(Bytes(1536))
\tfmt.Println(Bytes(5 << 20))
\t// Output:
\t// 1.5 KB
\t// 5.0 MB
}

func ExamplePercent() {
\tfmt.Println(Percent(1, 3))
\t// Output: 33.3%
}

func ExampleBytes_gib() {
\tfmt.Println(Bytes(3 << 30))
\t// Output: 3.0 GiB
}
"""
_EX_OTHER = """\
package units

import "testing"

func TestPercentWhole(t *testing.T) {
\tif Percent(2, 2) != "100%" {
\t\tt.Fatal("whole")
\t}
}
"""

# --- go build: a helper only defined for darwin (build constraint)
_BT_MAIN = """\
package main

import (
\t"fmt"
\t"os"
)

func main() {
\tdir := configDir()
\tfmt.Println("config in", dir)
\tif err := os.MkdirAll(cacheDir(), 0o755); err != nil {
\t\tfmt.Println(err)
\t}
}
"""
_BT_DARWIN = """\
//go:build darwin

package main

import "os"

func configDir() string { return os.Getenv("HOME") + "/Library/Application Support/synctool" }

func cacheDir() string { return os.Getenv("HOME") + "/Library/Caches/synctool" }
"""
_BT_WINDOWS = """\
//go:build windows

package main

import "os"

func configDir() string { return os.Getenv("APPDATA") + "\\\\synctool" }

func cacheDir() string { return os.Getenv("LOCALAPPDATA") + "\\\\synctool" }
"""
_BT_UTIL = """\
package main

func joinPath(a, b string) string { return a + "/" + b }
"""

# --- go test -v: a table test with three failing rows among many passing
_TB_SRC = """\
package slug

import (
\t"strings"
\t"unicode"
)

// Make lowercases, drops punctuation and joins words with dashes.
func Make(s string) string {
\tvar b strings.Builder
\tdash := false
\tfor _, r := range strings.ToLower(s) {
\t\tswitch {
\t\tcase r >= 'a' && r <= 'z', r >= '0' && r <= '9':
\t\t\tb.WriteRune(r)
\t\t\tdash = false
\t\tcase unicode.IsSpace(r) || r == '-':
\t\t\tif !dash && b.Len() > 0 {
\t\t\t\tb.WriteByte('-')
\t\t\t\tdash = true
\t\t\t}
\t\t}
\t}
\treturn b.String()
}
"""
_TB_TEST = """\
package slug

import (
\t"fmt"
\t"testing"
)

func TestMake(t *testing.T) {
\tcases := []struct{ in, want string }{
\t\t{"Hello World", "hello-world"},
\t\t{"  many   spaces  ", "many-spaces"},
\t\t{"Crème brûlée", "creme-brulee"},
\t\t{"already-slugged", "already-slugged"},
\t\t{"Trailing dash -", "trailing-dash"},
\t\t{"C++ & Go", "c-go"},
\t\t{"version 2.0", "version-2-0"},
\t}
\tfor i := 0; i < 30; i++ {
\t\tcases = append(cases, struct{ in, want string }{fmt.Sprintf("Item %d", i), fmt.Sprintf("item-%d", i)})
\t}
\tfor _, c := range cases {
\t\tc := c
\t\tt.Run(c.in, func(t *testing.T) {
\t\t\tif got := Make(c.in); got != c.want {
\t\t\t\tt.Errorf("Make(%q) = %q, want %q", c.in, got, c.want)
\t\t\t}
\t\t})
\t}
}
"""

# --- cargo build --no-default-features: a module behind a feature is still used
_FT_TOML = """\
[package]
name = "exporter"
version = "0.3.0"
edition = "2021"

[features]
default = ["compression"]
compression = []

[dependencies]
"""
_FT_LIB = """\
#[cfg(feature = "compression")]
pub mod gzip;

pub mod csv;

use crate::gzip::GzipWriter;

pub fn export(rows: &[Vec<String>], compress: bool) -> Vec<u8> {
    let text = csv::render(rows);
    if compress {
        let mut w = GzipWriter::new();
        w.write(text.as_bytes());
        return w.finish();
    }
    text.into_bytes()
}

pub fn export_size(rows: &[Vec<String>]) -> usize {
    gzip::estimate(csv::render(rows).len())
}
"""
_FT_GZIP = """\
pub struct GzipWriter { buf: Vec<u8> }

impl GzipWriter {
    pub fn new() -> Self { GzipWriter { buf: Vec::new() } }
    pub fn write(&mut self, b: &[u8]) { self.buf.extend_from_slice(b) }
    pub fn finish(self) -> Vec<u8> { self.buf }
}

pub fn estimate(n: usize) -> usize { n / 3 }
"""
_FT_CSV = """\
pub fn render(rows: &[Vec<String>]) -> String {
    rows.iter().map(|r| r.join(",")).collect::<Vec<_>>().join("\\n")
}
"""

# --- cargo test: a test returning Err and an assert_ne, among passing tests
_RE_TOML = """\
[package]
name = "semver-lite"
version = "0.1.0"
edition = "2021"

[dependencies]
"""
_RE_LIB = """\
use std::num::ParseIntError;

#[derive(Debug, PartialEq, PartialOrd)]
pub struct Version { pub major: u32, pub minor: u32, pub patch: u32 }

pub fn parse(s: &str) -> Result<Version, ParseIntError> {
    let mut it = s.trim_start_matches('v').split('.');
    let major = it.next().unwrap_or("0").parse()?;
    let minor = it.next().unwrap_or("0").parse()?;
    let patch = it.next().unwrap_or("0").parse()?;
    Ok(Version { major, minor, patch })
}

pub fn bump_minor(v: &Version) -> Version {
    Version { major: v.major, minor: v.minor + 1, patch: v.patch }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain() -> Result<(), ParseIntError> {
        assert_eq!(parse("1.2.3")?, Version { major: 1, minor: 2, patch: 3 });
        Ok(())
    }

    #[test]
    fn parses_prerelease() -> Result<(), ParseIntError> {
        let v = parse("2.0.0-rc.1")?;
        assert_eq!(v.major, 2);
        Ok(())
    }

    #[test]
    fn bump_resets_patch() {
        let v = bump_minor(&Version { major: 1, minor: 4, patch: 9 });
        assert_ne!(v, Version { major: 1, minor: 5, patch: 9 }, "patch must reset on a minor bump");
    }

    #[test]
    fn ordering() {
        assert!(parse("1.10.0").unwrap() > parse("1.9.0").unwrap());
    }

    #[test]
    fn leading_v() {
        assert_eq!(parse("v3.1.4").unwrap().patch, 4);
    }
}
"""

# --- cargo test under timeout: one test waits forever on a channel
_HG_TOML = """\
[package]
name = "jobq"
version = "0.1.0"
edition = "2021"

[dependencies]
"""
_HG_LIB = """\
use std::sync::mpsc;
use std::thread;

pub fn run_jobs(n: usize) -> Vec<usize> {
    let (tx, rx) = mpsc::channel();
    for i in 0..n {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i * i).unwrap());
    }
    // the original sender is never dropped, so the receiver never sees the end
    let mut out: Vec<usize> = rx.iter().collect();
    out.sort();
    out
}

pub fn square(n: usize) -> usize { n * n }

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squares() { assert_eq!(square(7), 49); }

    #[test]
    fn runs_all_jobs() { assert_eq!(run_jobs(4), vec![0, 1, 4, 9]); }

    #[test]
    fn zero() { assert_eq!(square(0), 0); }
}
"""


def register(case):
    case(
        name="go-test-two-examples-output-mismatch",
        tool="go",
        category="test",
        label=":go: Unit tests",
        repo="units",
        tty=False,
        command="go test ./...",
        files={"go.mod": _GOMOD.format(name="units"), "units.go": _EX_SRC, "units_test.go": _EX_TEST,
               "percent_test.go": _EX_OTHER},
        keys=["--- FAIL: ExampleBytes", "--- FAIL: ExamplePercent", "1.5 KB", "33.3%"],
        cause=[has("--- FAIL: Example"), has(r"^got:$", rx=True), has(r"^want:$", rx=True),
               has(r"^(1\.5 KiB|5\.0 MiB|1\.5 KB|5\.0 MB|33%|33\.3%)$", rx=True), has("FAIL\texample.com/units")],
        exit_status=1,
    )
    case(
        name="go-build-constraint-darwin-windows-only-undefined",
        tool="go",
        category="compile",
        ci="gitlab",
        repo="synctool",
        tty=False,
        command="go build -o bin/synctool .",
        files={"go.mod": _GOMOD.format(name="synctool"), "main.go": _BT_MAIN, "dirs_darwin.go": _BT_DARWIN,
               "dirs_windows.go": _BT_WINDOWS, "util.go": _BT_UTIL},
        keys=["undefined: configDir", "undefined: cacheDir"],
        cause=[has("undefined: configDir"), has("undefined: cacheDir"), has("# example.com/synctool")],
        exit_status=2,
    )
    case(
        name="go-test-v-table-four-subtests-fail-of-37",
        tool="go",
        category="test",
        ci="travis",
        repo="slug",
        tty=False,
        command="go test -v ./...",
        files={"go.mod": _GOMOD.format(name="slug"), "slug.go": _TB_SRC, "slug_test.go": _TB_TEST},
        keys=["--- FAIL: TestMake/", 'Make("Crème brûlée") = "crme-brle", want "creme-brulee"'],
        cause=[has(r"--- FAIL: TestMake", rx=True), has("slug_test.go:"), has("FAIL\texample.com/slug")],
        exit_status=1,
    )
    case(
        name="cargo-build-no-default-features-unresolved-gzip",
        tool="cargo",
        category="compile",
        label=":rust: Build (minimal features)",
        repo="exporter",
        command="cargo build --no-default-features --color=always",
        files={"Cargo.toml": _FT_TOML, "src/lib.rs": _FT_LIB, "src/gzip.rs": _FT_GZIP, "src/csv.rs": _FT_CSV},
        keys=["E0432", "E0433", "could not compile `exporter`"],
        cause=[has(r"^error(\[E\d+\])?: ", rx=True), has(r"^\s+--> src/lib\.rs:\d+:\d+", rx=True),
               has(r"^\s*\d+\s+\|\s+(use crate::gzip|gzip::estimate)", rx=True),
               has("note: found an item that was configured out"), has("the item is gated behind the `compression` feature")],
        exit_status=101,
    )
    case(
        name="cargo-test-result-err-and-assert-ne-two-fail",
        tool="cargo",
        category="test",
        ci="github",
        repo="semver-lite",
        tty=False,
        command="cargo test",
        files={"Cargo.toml": _RE_TOML, "src/lib.rs": _RE_LIB},
        keys=["tests::parses_prerelease", "tests::bump_resets_patch", "patch must reset on a minor bump",
              "test result: FAILED. 3 passed; 2 failed"],
        cause=[has(r"---- tests::(parses_prerelease|bump_resets_patch) stdout ----", rx=True),
               has("Error: ParseIntError"), has("assertion `left != right` failed"), has(r"^\s+(left|right): Version", rx=True),
               has(r"^thread 'tests::bump_resets_patch' .*panicked at", rx=True),
               has(r"^    tests::(parses_prerelease|bump_resets_patch)$", rx=True),
               has("test result: FAILED"),
               has("error: test failed, to rerun pass `--lib`")],
        exit_status=101,
    )
    case(
        name="cargo-test-channel-hang-killed-by-timeout-124",
        tool="cargo",
        category="timeout",
        label=":rust: Tests",
        repo="jobq",
        tty=False,
        command="timeout --verbose 70s cargo test",
        setup="cargo build --tests -q",
        files={"Cargo.toml": _HG_TOML, "src/lib.rs": _HG_LIB},
        keys=["test tests::runs_all_jobs has been running for over 60 seconds", "sending signal TERM"],
        cause=[has("has been running for over 60 seconds"), has("sending signal TERM")],
        exit_status=124,
    )
