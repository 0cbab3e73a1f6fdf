"""Native / JVM / shell cases (real tools) for the fourth held-out corpus."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_CARGO_TOML = """\
[package]
name = "{name}"
version = "0.3.0"
edition = "2021"
{extra}
"""

# --- cargo test: a worker thread panics, the test fails at join().unwrap()
_THREAD_LIB = """\
use std::thread;

pub fn checksum(chunk: &[u8]) -> u32 {
    let mut sum: u32 = 0;
    for b in chunk {
        sum = sum.wrapping_mul(31).wrapping_add(*b as u32);
    }
    sum
}

pub fn parallel_checksums(data: &[u8], workers: usize) -> Vec<u32> {
    let size = data.len() / workers;
    let mut handles = Vec::new();
    for w in 0..workers {
        let data = data.to_vec();
        handles.push(thread::spawn(move || checksum(&data[w * size..(w + 1) * size + 1])));
    }
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_chunk() {
        assert_eq!(checksum(b"abc"), 96354);
    }

    #[test]
    fn four_workers() {
        let data: Vec<u8> = (0..64).collect();
        assert_eq!(parallel_checksums(&data, 4).len(), 4);
    }

    #[test]
    fn empty() {
        assert_eq!(checksum(b""), 0);
    }
}
"""

# --- cargo build: link to a system library that is not installed
_LINK_MAIN = """\
use std::ffi::CStr;
use std::os::raw::c_char;

#[link(name = "pcap")]
extern "C" {
    fn pcap_lib_version() -> *const c_char;
}

fn main() {
    let v = unsafe { CStr::from_ptr(pcap_lib_version()) };
    println!("capturing with {}", v.to_string_lossy());
}
"""

# --- proc-macro derive panics on an unsupported field type
_PM_TOML = """\
[package]
name = "config-derive"
version = "0.1.0"
edition = "2021"

[lib]
proc-macro = true
"""
_PM_LIB = """\
use proc_macro::{TokenStream, TokenTree};

#[proc_macro_derive(FromEnv, attributes(env))]
pub fn from_env(input: TokenStream) -> TokenStream {
    let text = input.to_string();
    for field_ty in ["HashMap", "Vec"] {
        if text.contains(field_ty) {
            panic!("FromEnv: unsupported field type `{}` (only String, bool and integers)", field_ty);
        }
    }
    let name = input
        .into_iter()
        .filter_map(|t| match t { TokenTree::Ident(i) => Some(i.to_string()), _ => None })
        .skip_while(|i| i != "struct")
        .nth(1)
        .unwrap();
    format!("impl {name} {{ pub fn from_env() -> Self {{ unimplemented!() }} }}").parse().unwrap()
}
"""
_PM_APP_TOML = """\
[package]
name = "svc"
version = "0.1.0"
edition = "2021"

[dependencies]
config-derive = { path = "../config-derive" }
"""
_PM_APP_MAIN = """\
use std::collections::HashMap;

use config_derive::FromEnv;

#[derive(FromEnv)]
struct Settings {
    listen: String,
    debug: bool,
    workers: u16,
    #[env(prefix = "ROUTE_")]
    routes: HashMap<String, String>,
}

fn main() {
    let s = Settings::from_env();
    println!("{} {} {} {}", s.listen, s.debug, s.workers, s.routes.len());
}
"""
_PM_WS = """\
[workspace]
members = ["svc", "config-derive"]
resolver = "2"
"""

# --- LeakSanitizer
_LEAK_C = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *key; char *value; } entry;

static entry *parse_line(const char *line) {
    entry *e = malloc(sizeof *e);
    const char *eq = strchr(line, '=');
    e->key = strndup(line, (size_t)(eq - line));
    e->value = strdup(eq + 1);
    return e;
}

static void free_entry(entry *e) {
    free(e->key);
    free(e);
}

int main(void) {
    const char *lines[] = {"host=db.internal", "port=5432", "user=ci", "sslmode=require"};
    for (int i = 0; i < 4; i++) {
        entry *e = parse_line(lines[i]);
        printf("%s -> %s\\n", e->key, e->value);
        free_entry(e);
    }
    puts("parsed 4 entries");
    return 0;
}
"""

# --- cmake: the toolchain's C++ compiler does not exist on the agent
_CM_LISTS = """\
cmake_minimum_required(VERSION 3.20)
project(geo LANGUAGES C CXX)

set(CMAKE_CXX_STANDARD 17)
add_library(geo src/geo.cpp)
"""
_CM_TOOLCHAIN = """\
set(CMAKE_C_COMPILER gcc)
set(CMAKE_CXX_COMPILER clang++-17)
set(CMAKE_BUILD_TYPE RelWithDebInfo)
"""

# --- a generator WARNING is the real cause; make only says Error 1
_WM_MAKEFILE = """\
VERSION_H := build/version.h

all: check-version build/app

$(VERSION_H): tools/gen-version.sh
\t@mkdir -p build
\t./tools/gen-version.sh > $@

check-version: $(VERSION_H)
\t@grep -Eq '"[0-9]+\\.[0-9]+\\.[0-9]+' $(VERSION_H)

build/app: src/main.c $(VERSION_H)
\tcc -Ibuild -o $@ src/main.c
"""
_WM_GEN = """\
#!/bin/sh
# writes the version header from the nearest tag
v=$(git describe --tags --abbrev=0 2>/dev/null | sed 's/^v//')
if [ -z "$v" ]; then
  echo "WARNING: no git tag reachable from HEAD (shallow clone?); VERSION will be empty" >&2
fi
echo "#define APP_VERSION \\"$v\\""
echo "#define APP_COMMIT \\"$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\\""
"""
_WM_MAIN = """\
#include <stdio.h>
#include "version.h"
int main(void) { printf("app %s (%s)\\n", APP_VERSION, APP_COMMIT); return 0; }
"""

# --- javadoc with doclint
_JD_SRC = """\
package com.acme.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * Posts entries to a ledger.
 */
public class Poster {

    /**
     * Posts every entry & returns the balance.
     *
     * @param entries the entries
     * @param currency the currency
     * @return the new balance
     * @throws IllegalStateException when the ledger is closed
     */
    public BigDecimal post(List<BigDecimal> entries) {
        BigDecimal b = BigDecimal.ZERO;
        for (BigDecimal e : entries) {
            b = b.add(e);
        }
        return b;
    }

    /**
     * Closes the ledger. See {@link Ledger#close()}.
     * <p>
     * After closing, {@code post} fails.
     * </ul>
     */
    public void close() {
    }
}
"""

# --- maven surefire with a parameterized JUnit 5 test
_MV_POM = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>slugger</artifactId>
  <version>1.2.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.10.2</version>
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
_MV_MAIN = """\
package com.acme.slug;

import java.text.Normalizer;

public final class Slugs {
    private Slugs() {}

    public static String slugify(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\\\p{M}", "");
        return s.toLowerCase().trim().replaceAll("[^a-z0-9]+", "-");
    }
}
"""
_MV_TEST = """\
package com.acme.slug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "Hello World, hello-world",
        "Crème Brûlée, creme-brulee",
        "  padded  , padded",
        "C++ & Rust!, c-rust",
    })
    void slugify(String title, String expected) {
        assertEquals(expected, Slugs.slugify(title));
    }

    @Test
    void emptyStaysEmpty() {
        assertEquals("", Slugs.slugify(""));
    }
}
"""

# --- set -o pipefail: grep's missing file fails the pipeline silently
_PF_SH = """\
#!/bin/bash
set -euo pipefail
echo "collecting licences of vendored modules"
grep -h '^# ' vendor/modules.txt third_party/modules.txt | awk '{print $2, $3}' | sort -u > build/licences.txt
echo "wrote $(wc -l < build/licences.txt) modules to build/licences.txt"
"""

# --- core dump, then the script prints gdb's backtrace
_CORE_C = """\
#include <stdio.h>
#include <string.h>

struct job { const char *name; struct job *next; };

static size_t total_name_len(const struct job *j) {
    size_t n = 0;
    for (; j; j = j->next)
        n += strlen(j->name);
    return n;
}

int main(void) {
    struct job c = {NULL, NULL};
    struct job b = {"compile", &c};
    struct job a = {"fetch", &b};
    printf("scheduling jobs\\n");
    printf("total name length %zu\\n", total_name_len(&a));
    return 0;
}
"""
_CORE_SH = """\
#!/bin/bash
ulimit -c unlimited
rm -f core core.*
./build/scheduler
status=$?
if [ $status -ne 0 ]; then
  for c in core core.*; do
    [ -f "$c" ] || continue
    echo "--- core dump found: $c, backtrace:"
    gdb -q -batch -ex bt ./build/scheduler "$c" 2>&1 | grep -v '^\\[New LWP'
  done
fi
exit $status
"""


def register(case):
    case(
        name="cargo-test-thread-panic-join",
        tool="cargo",
        category="test",
        label=":rust: cargo test",
        repo="chunker",
        command="cargo test",
        env={"CARGO_TARGET_DIR": "/work/scratch/h4target/chunker"},
        files={"Cargo.toml": _CARGO_TOML.format(name="chunker", extra=""), "src/lib.rs": _THREAD_LIB},
        keys=["tests::four_workers", "range end index 65 out of range for slice of length 64",
              "called `Result::unwrap()` on an `Err` value: Any { .. }"],
        cause=[
            has("---- tests::four_workers stdout ----"),
            has("panicked at src/lib.rs:16"),
            has("range end index 65 out of range"),
            has("panicked at src/lib.rs:18"),
            has("called `Result::unwrap()` on an `Err` value"),
            has(r"^    tests::four_workers$", rx=True),
            has("test result: FAILED"),
        ],
        exit_status=101,
    )
    case(
        name="cargo-build-link-missing-libpcap",
        tool="cargo",
        category="dependency",
        label=":rust: Build sniffer",
        repo="sniffer",
        tty=False,
        command="cargo build --release",
        env={"CARGO_TARGET_DIR": "/work/scratch/h4target/sniffer"},
        files={"Cargo.toml": _CARGO_TOML.format(name="sniffer", extra=""), "src/main.rs": _LINK_MAIN},
        keys=["unable to find library -lpcap", "linking with `cc` failed"],
        cause=[
            has("error: linking with `cc` failed"),
            has("rust-lld: error: unable to find library -lpcap"),
            has("collect2: error: ld returned 1 exit status"),
            has("error: could not compile `sniffer`"),
        ],
        exit_status=101,
    )
    case(
        name="cargo-proc-macro-derive-panicked",
        tool="cargo",
        category="compile",
        ci="gitlab",
        label=":rust: Build",
        repo="svc-workspace",
        tty=False,
        command="cargo build --workspace",
        env={"CARGO_TARGET_DIR": "/work/scratch/h4target/svcws"},
        files={"Cargo.toml": _PM_WS, "config-derive/Cargo.toml": _PM_TOML, "config-derive/src/lib.rs": _PM_LIB,
               "svc/Cargo.toml": _PM_APP_TOML, "svc/src/main.rs": _PM_APP_MAIN},
        keys=["proc-macro derive panicked", "FromEnv: unsupported field type `HashMap`", "svc/src/main.rs:5:10"],
        cause=[
            has("error: proc-macro derive panicked"),
            has("--> svc/src/main.rs:5:10"),
            has("#[derive(FromEnv)]"),
            has("message: FromEnv: unsupported field type"),
            has("error: could not compile `svc`"),
        ],
        exit_status=101,
    )
    case(
        name="c-leaksanitizer-direct-leak",
        tool="gcc",
        category="test",
        label=":c: ASan/LSan check",
        repo="kvparse",
        tty=False,
        command="make asan-check",
        run="gcc -std=gnu11 -g -O0 -fsanitize=address -o kvparse kvparse.c && echo 'built kvparse with -fsanitize=address' && ./kvparse",
        files={"kvparse.c": _LEAK_C},
        keys=["ERROR: LeakSanitizer: detected memory leaks", "SUMMARY: AddressSanitizer: 28 byte(s) leaked in 4 allocation(s).", "kvparse.c:11"],
        cause=[
            has("ERROR: LeakSanitizer: detected memory leaks"),
            has("Direct leak of"),
            has(r"#\d+ 0x[0-9a-f]+ in (strdup|parse_line|main) ", rx=True),
            has("SUMMARY: AddressSanitizer:"),
        ],
    )
    case(
        name="cmake-toolchain-cxx-compiler-missing",
        tool="cmake",
        category="config",
        label=":cmake: Configure",
        repo="geo",
        tty=False,
        command="cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=ci/toolchain-clang17.cmake",
        files={"CMakeLists.txt": _CM_LISTS, "ci/toolchain-clang17.cmake": _CM_TOOLCHAIN,
               "src/geo.cpp": "int geo_version() { return 3; }\n"},
        keys=["clang++-17", "is not a full path and was not found in the PATH", "Configuring incomplete, errors occurred!"],
        cause=[
            has("The CXX compiler identification is unknown"),
            has("CMake Error at CMakeLists.txt:2 (project):"),
            has("The CMAKE_CXX_COMPILER:"),
            has("clang++-17"),
            has("is not a full path and was not found in the PATH."),
            has("Configuring incomplete, errors occurred!"),
        ],
        exit_status=1,
    )
    case(
        name="make-warning-is-cause-then-error-1",
        tool="make",
        category="config",
        ci="github",
        repo="app",
        tty=False,
        command="make",
        files={"Makefile": _WM_MAKEFILE, "tools/gen-version.sh": _WM_GEN, "src/main.c": _WM_MAIN},
        keys=["WARNING: no git tag reachable from HEAD (shallow clone?); VERSION will be empty",
              "[Makefile:10: check-version] Error 1"],
        cause=[has("WARNING: no git tag reachable from HEAD"), has("[Makefile:10: check-version] Error 1")],
        exit_status=2,
    )
    case(
        name="javadoc-doclint-errors",
        tool="javadoc",
        category="lint",
        label=":java: Javadoc",
        repo="ledger",
        tty=False,
        command="javadoc -Xdoclint:all -quiet -d build/docs -sourcepath src com.acme.ledger",
        files={"src/com/acme/ledger/Poster.java": _JD_SRC},
        keys=["Poster.java:12: error: bad HTML entity", "Poster.java:15: error: @param name not found",
              "error: reference not found"],
        cause=[
            has(r"Poster\.java:\d+: error: ", rx=True),
            has(r"^\d+ errors?$", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="maven-surefire-parameterized-junit5",
        tool="maven",
        category="test",
        label=":maven: Test",
        repo="slugger",
        tty=False,
        command="mvn -B -o test",
        files={"pom.xml": _MV_POM, "src/main/java/com/acme/slug/Slugs.java": _MV_MAIN,
               "src/test/java/com/acme/slug/SlugsTest.java": _MV_TEST},
        keys=["SlugsTest.slugify:19", "expected: <c-rust> but was: <c-rust->",
              "com.acme.slug.SlugsTest.slugify(String, String)[4]", "Tests run: 5, Failures: 1, Errors: 0, Skipped: 0"],
        cause=[
            has("<<< FAILURE!"),
            has("org.opentest4j.AssertionFailedError: expected: <c-rust> but was: <c-rust->"),
            has("at com.acme.slug.SlugsTest.slugify(SlugsTest.java:19)"),
            has("[ERROR]   SlugsTest.slugify:19"),
            has(r"^\[ERROR\] Tests run: 5, Failures: 1, Errors: 0, Skipped: 0$", rx=True),
            has("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin"),
        ],
        exit_status=1,
    )
    case(
        name="bash-pipefail-grep-missing-file",
        tool="bash",
        category="runtime",
        ci="travis",
        repo="licences",
        tty=False,
        command="./ci/licences.sh",
        setup="mkdir -p build vendor && printf '# github.com/pkg/errors v0.9.1\\n# golang.org/x/sys v0.21.0\\n' > vendor/modules.txt",
        files={"ci/licences.sh": _PF_SH},
        keys=["grep: third_party/modules.txt: No such file or directory"],
        cause=[has("grep: third_party/modules.txt: No such file or directory")],
        exit_status=2,
    )
    case(
        name="c-segfault-core-dump-gdb-backtrace",
        tool="gdb",
        category="crash",
        label=":c: Scheduler smoke test",
        repo="scheduler",
        tty=False,
        command="./ci/smoke.sh",
        setup="mkdir -p build && gcc -g -O0 -o build/scheduler scheduler.c",
        files={"scheduler.c": _CORE_C, "ci/smoke.sh": _CORE_SH},
        keys=["Program terminated with signal SIGSEGV, Segmentation fault.", "total_name_len", "scheduler.c:9"],
        cause=[
            has("Segmentation fault"),
            has("Program terminated with signal SIGSEGV"),
            has(r"^#\d+ ", rx=True),
        ],
        exit_status=139,
    )
