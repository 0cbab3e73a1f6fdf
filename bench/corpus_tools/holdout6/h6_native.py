"""Native-toolchain cases for the seventh held-out corpus (rustc/cargo 1.95, gcc/g++ 12,
autoconf 2.71, GNU make)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_CARGO = """\
[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
{extra}
[dependencies]
{deps}
"""

# --- E0599 with unrelated warnings around it
_E599_MAIN = """\
use std::collections::HashMap;

mod report;

fn main() {
    let unused_limit = 10;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for word in "a b a c b a".split_whitespace() {
        *counts.entry(word.to_string()).or_default() += 1;
    }
    let text = report::render(&counts);
    println!("{}", text);
}
"""
_E599_REPORT = """\
use std::collections::HashMap;

pub fn render(counts: &HashMap<String, usize>) -> String {
    let mut rows: Vec<(&String, &usize)> = counts.iter().collect();
    rows.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
    let header = String::from("word count");
    rows.iter()
        .map(|(w, n)| format!("{w:>8} {n}"))
        .collect::<Vec<_>>()
        .join_lines()
}

fn legacy_render() -> String {
    String::new()
}
"""

# --- rust-version newer than the toolchain
_MSRV_MAIN = """\
fn main() {
    println!("{}", tally::sum(&[1, 2, 3]));
}
"""

# --- a test that dereferences a bad pointer
_SEGV_LIB = """\
pub fn checksum(data: &[u8]) -> u32 {
    data.iter().fold(0u32, |acc, b| acc.rotate_left(5) ^ u32::from(*b))
}

/// Reads a header word straight from a mapped buffer.
pub fn header_word(ptr: *const u32) -> u32 {
    unsafe { std::ptr::read_volatile(ptr) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_empty() {
        assert_eq!(checksum(&[]), 0);
    }

    #[test]
    fn checksum_bytes() {
        assert_ne!(checksum(b"abc"), 0);
    }

    #[test]
    fn header_from_unmapped_buffer() {
        let buf: *const u32 = std::ptr::null();
        assert_eq!(header_word(buf), 0x7f454c46);
    }
}
"""

# --- an allocation over the job's virtual-memory limit
_ALLOC_MAIN = """\
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1 << 28);
    println!("dedupe: reserving index for {} fingerprints", n);
    let mut index: Vec<u64> = Vec::with_capacity(n);
    index.push(1);
    println!("dedupe: index ready ({} slots)", index.capacity());
}
"""
_ALLOC_SH = """\
#!/bin/bash
set -e
ulimit -v 1048576
echo "virtual memory limit: $(ulimit -v) kB"
./target/release/dedupe 536870912
echo "dedupe finished"
"""

# --- stack protector
_SS_C = """\
#include <stdio.h>
#include <string.h>

static void normalise(const char *in, char *out) {
    strcpy(out, in);
    for (char *p = out; *p; p++)
        if (*p == '\\\\') *p = '/';
}

static int check_path(const char *path) {
    char buf[16];
    normalise(path, buf);
    printf("checking %s\\n", buf);
    return strlen(buf) > 0;
}

int main(void) {
    const char *paths[] = {"src\\\\a.c", "include\\\\b.h",
        "third_party\\\\zlib\\\\contrib\\\\minizip\\\\ioapi.c"};
    for (int i = 0; i < 3; i++)
        if (!check_path(paths[i])) return 1;
    puts("all paths ok");
    return 0;
}
"""
_SS_MAKE = """\
CFLAGS = -std=c11 -O1 -g -fstack-protector-strong -D_FORTIFY_SOURCE=0 -Wall

pathcheck: pathcheck.c
\t$(CC) $(CFLAGS) -o $@ $<

check: pathcheck
\t./pathcheck
"""

# --- static_assert on a wire-format struct
_SA_HPP = """\
#pragma once
#include <cstdint>

namespace wire {

struct Header {
    std::uint32_t magic;
    std::uint16_t version;
    std::uint16_t flags;
    std::uint64_t sequence;
    bool compressed;
};

static_assert(sizeof(Header) == 16, "wire::Header must stay 16 bytes (protocol v3)");
static_assert(alignof(Header) <= 8, "wire::Header alignment");

}  // namespace wire
"""
_SA_CPP = """\
#include "wire.hpp"
#include <cstring>

std::size_t encode(const wire::Header &h, unsigned char *out) {
    std::memcpy(out, &h, sizeof h);
    return sizeof h;
}
"""

# --- autoconf: a required library is missing
_AC_CONFIGURE = """\
AC_INIT([vaultd], [0.4.0])
AC_CONFIG_SRCDIR([src/vaultd.c])
AC_PROG_CC
AC_CHECK_HEADERS([stdint.h stdlib.h string.h unistd.h])
AC_CHECK_FUNCS([mmap strdup])
AC_CHECK_LIB([m], [sqrt])
AC_CHECK_LIB([pthread], [pthread_create])
AC_CHECK_LIB([sodium], [sodium_init], [], [AC_MSG_ERROR([libsodium is required (install libsodium-dev or pass --with-sodium=DIR)])])
AC_CONFIG_FILES([Makefile])
AC_OUTPUT
"""


def register(case):
    case(
        name="cargo-e0599-no-method-with-warnings",
        tool="cargo",
        category="compile",
        label=":rust: cargo build",
        repo="wordcount",
        command="cargo build --color=always",
        files={"Cargo.toml": _CARGO.format(name="wordcount", extra="", deps=""), "src/main.rs": _E599_MAIN,
               "src/report.rs": _E599_REPORT},
        keys=["error[E0599]: no method named `join_lines` found", "src/report.rs:10:10"],
        cause=[has("error[E0599]"), has("--> src/report.rs:10:10"), has(".join_lines()"), has("method not found in"),
               has("error: could not compile `wordcount`")],
        exit_status=101,
    )
    case(
        name="cargo-rust-version-1-99-unsupported",
        tool="cargo",
        category="config",
        ci="gitlab",
        repo="tally",
        tty=False,
        command="cargo build",
        files={"Cargo.toml": _CARGO.format(name="tally", extra='rust-version = "1.99"\n', deps=""),
               "src/main.rs": _MSRV_MAIN, "src/lib.rs": "pub fn sum(v: &[i64]) -> i64 { v.iter().sum() }\n"},
        keys=["rustc 1.95.0 is not supported by the following packages", "tally@0.1.0 requires rustc 1.99"],
        cause=[has("is not supported by the following package"), has("requires rustc 1.99")],
        exit_status=101,
    )
    case(
        name="cargo-test-sigsegv-null-read",
        tool="cargo",
        category="crash",
        label=":rust: cargo test",
        repo="elfpeek",
        tty=False,
        command="cargo test",
        files={"Cargo.toml": _CARGO.format(name="elfpeek", extra="", deps=""), "src/lib.rs": _SEGV_LIB},
        keys=["signal: 11, SIGSEGV: invalid memory reference", "error: test failed, to rerun pass `--lib`"],
        cause=[has("error: test failed, to rerun pass `--lib`"), has("process didn't exit successfully")],
        exit_status=101,
    )
    case(
        name="rust-alloc-failed-ulimit-v-abort",
        tool="rustc",
        category="resource",
        label=":rust: Dedupe fingerprints",
        repo="dedupe",
        tty=False,
        command="./ci/run-dedupe.sh",
        setup="cargo build --release --offline",
        files={"Cargo.toml": _CARGO.format(name="dedupe", extra="", deps=""), "src/main.rs": _ALLOC_MAIN,
               "ci/run-dedupe.sh": _ALLOC_SH},
        keys=["memory allocation of 4294967296 bytes failed", "Aborted"],
        cause=[has("memory allocation of 4294967296 bytes failed"), has("Aborted")],
        exit_status=134,
    )
    case(
        name="c-stack-smashing-detected-make",
        tool="gcc",
        category="crash",
        ci="github",
        repo="pathcheck",
        tty=False,
        command="make check",
        files={"pathcheck.c": _SS_C, "Makefile": _SS_MAKE},
        keys=["*** stack smashing detected ***: terminated", "make: *** [Makefile:7: check] Aborted"],
        cause=[has("*** stack smashing detected ***"), has("make: *** [Makefile:7: check]")],
        exit_status=2,
    )
    case(
        name="gxx-static-assert-struct-size",
        tool="g++",
        category="compile",
        label=":cpp: Build wire codec",
        repo="wirecodec",
        command="g++ -std=c++17 -Wall -Wextra -c encode.cpp -o encode.o",
        files={"wire.hpp": _SA_HPP, "encode.cpp": _SA_CPP},
        keys=["wire.hpp:14:30: error: static assertion failed: wire::Header must stay 16 bytes (protocol v3)",
              "the comparison reduces to ‘(24 == 16)’"],
        cause=[has("In file included from encode.cpp:1:"), has("error: static assertion failed"),
               has(r"static_assert\(sizeof\(Header\) == 16", rx=True), has("the comparison reduces to")],
        exit_status=1,
    )
    case(
        name="autoconf-configure-libsodium-missing",
        tool="autoconf",
        category="dependency",
        label=":c: ./configure",
        repo="vaultd",
        tty=False,
        command="./configure --prefix=/usr",
        setup="autoconf",
        files={"configure.ac": _AC_CONFIGURE, "src/vaultd.c": "int main(void) { return 0; }\n",
               "Makefile.in": "all:\n\t$(CC) -o vaultd src/vaultd.c @LIBS@\n"},
        keys=["checking for sodium_init in -lsodium... no", "configure: error: libsodium is required"],
        cause=[has("checking for sodium_init in -lsodium... no"), has("configure: error: libsodium is required")],
        exit_status=1,
    )
