"""C, C++, Rust and Java cases for the twelfth held-out corpus (gcc/g++ 12 from Debian, rustc/cargo
from rustup without crates.io dependencies, OpenJDK 17)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- C: integer division by zero -> SIGFPE, bash prints "Floating point exception" (136)
_FPE_C = """\
#include <stdio.h>
#include <stdlib.h>

struct bucket { const char *name; int hits; int total_ms; };

static int avg(const struct bucket *b) { return b->total_ms / b->hits; }

int main(void) {
    struct bucket b[] = {
        {"cache", 120, 3600}, {"db", 40, 5200}, {"auth", 0, 0}, {"search", 12, 960},
    };
    for (int i = 0; i < 4; i++) {
        printf("%-8s hits=%4d avg=%d ms\\n", b[i].name, b[i].hits, avg(&b[i]));
        fflush(stdout);
    }
    return 0;
}
"""
_FPE_SH = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
gcc -O0 -g -Wall -o build/latency src/latency.c
echo "latency summary:"
./build/latency
"""

# --- C: __builtin_trap in an "unreachable" switch default -> SIGILL (132)
_ILL_C = """\
#include <stdio.h>
#include <string.h>

enum codec { RAW, GZIP, ZSTD };

static enum codec parse(const char *s) {
    if (!strcmp(s, "raw")) return RAW;
    if (!strcmp(s, "gzip")) return GZIP;
    if (!strcmp(s, "zstd")) return ZSTD;
    return (enum codec)7;
}

static const char *ext(enum codec c) {
    switch (c) {
    case RAW: return "";
    case GZIP: return ".gz";
    case ZSTD: return ".zst";
    }
    __builtin_trap();
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        printf("artifact-%d.tar%s\\n", i, ext(parse(argv[i])));
        fflush(stdout);
    }
    return 0;
}
"""
_ILL_SH = """\
#!/usr/bin/env bash
set -euo pipefail
gcc -O2 -Wall -o /tmp/artifact-names src/names.c
echo "artifact names for codecs: raw gzip xz zstd"
/tmp/artifact-names raw gzip xz zstd
"""

# --- ld: -lsnappy is not installed on the agent
_LS_MAKE = """\
CFLAGS ?= -O2 -Wall
LDLIBS := -lsnappy -lm

build/blobstore: build/main.o build/store.o
\t$(CC) -o $@ $^ $(LDLIBS)

build/%.o: src/%.c
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@
"""
_LS_MAIN = "#include <stdio.h>\nint store_put(const char *k);\nint main(void) { return store_put(\"k\"); }\n"
_LS_STORE = """\
#include <math.h>
#include <stddef.h>
#include <stdio.h>
extern int snappy_compress(const char *input, size_t input_length, char *compressed, size_t *compressed_length);
int store_put(const char *k) {
    char out[64]; size_t n = sizeof out;
    printf("%f\\n", sqrt(2.0));
    return snappy_compress(k, 1, out, &n);
}
"""

# --- runtime loader: libgeo.so.1 built into build/lib, the binary has no rpath
_SO_MAKE = """\
CFLAGS ?= -O2 -Wall -fPIC

all: build/bin/geoquery

build/lib/libgeo.so.1: src/geo.c
\t@mkdir -p build/lib
\t$(CC) $(CFLAGS) -shared -Wl,-soname,libgeo.so.1 -o $@ $<
\tln -sf libgeo.so.1 build/lib/libgeo.so

build/bin/geoquery: src/query.c build/lib/libgeo.so.1
\t@mkdir -p build/bin
\t$(CC) $(CFLAGS) -o $@ src/query.c -Lbuild/lib -lgeo -lm

.PHONY: all
"""
_SO_GEO = """\
#include <math.h>
double geo_dist_km(double lat1, double lon1, double lat2, double lon2) {
    double r = 6371.0, p = M_PI / 180.0;
    double a = 0.5 - cos((lat2 - lat1) * p) / 2 + cos(lat1 * p) * cos(lat2 * p) * (1 - cos((lon2 - lon1) * p)) / 2;
    return 2 * r * asin(sqrt(a));
}
"""
_SO_QUERY = """\
#include <stdio.h>
double geo_dist_km(double, double, double, double);
int main(void) { printf("%.1f km\\n", geo_dist_km(52.52, 13.40, 48.85, 2.35)); return 0; }
"""
_SO_SH = """\
#!/usr/bin/env bash
set -euo pipefail
make
echo "--- smoke test"
./build/bin/geoquery
"""

# --- g++ C++20 concepts: a constrained template called with a double vector
_CN_CPP = """\
#include <concepts>
#include <cstdint>
#include <vector>

template <std::unsigned_integral T>
std::uint64_t checksum(const std::vector<T>& data) {
    std::uint64_t sum = 0;
    for (T v : data) sum = sum * 31 + v;
    return sum;
}

struct Sample { double value; };

std::uint64_t frame_checksum(const std::vector<Sample>& samples) {
    std::vector<double> values;
    for (const auto& s : samples) values.push_back(s.value);
    return checksum(values);
}

std::uint64_t id_checksum(const std::vector<unsigned>& ids) { return checksum(ids); }
"""
_CN_MAKE = """\
CXX ?= g++
CXXFLAGS ?= -std=c++20 -O2 -Wall

build/frames.o: src/frames.cpp
\t@mkdir -p build
\t$(CXX) $(CXXFLAGS) -c $< -o $@
"""

# --- Rust: build.rs panics because an env var the job should set is missing
_BR_TOML = """\
[package]
name = "telemetry-agent"
version = "0.4.2"
edition = "2021"
build = "build.rs"
"""
_BR_BUILD = """\
use std::env;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=AGENT_BUILD_ID");
    let build_id = env::var("AGENT_BUILD_ID").expect("AGENT_BUILD_ID must be set by the CI pipeline");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("build_id.rs");
    fs::write(out, format!("pub const BUILD_ID: &str = {:?};", build_id)).unwrap();
}
"""
_BR_MAIN = """\
include!(concat!(env!("OUT_DIR"), "/build_id.rs"));

fn main() {
    println!("telemetry-agent build {}", BUILD_ID);
}
"""

# --- Rust: Cargo.lock out of date with --locked (path dependency version bumped)
_LK_TOML = """\
[package]
name = "ingest"
version = "1.2.0"
edition = "2021"

[dependencies]
codec = { path = "codec" }
"""
_LK_CODEC_TOML = """\
[package]
name = "codec"
version = "0.3.0"
edition = "2021"
"""

# --- Rust: E0004 non-exhaustive match after a new enum variant, with an unused-variable warning
_NE_TOML = """\
[package]
name = "paystate"
version = "0.1.0"
edition = "2021"
"""
_NE_LIB = """\
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum State {
    Pending,
    Authorized,
    Captured,
    Refunded,
    Disputed,
}

pub fn label(s: State) -> &'static str {
    match s {
        State::Pending => "pending",
        State::Authorized => "authorized",
        State::Captured => "captured",
        State::Refunded => "refunded",
    }
}

pub fn is_final(s: State) -> bool {
    let retries = 3;
    match s {
        State::Captured | State::Refunded => true,
        State::Pending | State::Authorized => false,
    }
}
"""

# --- Rust: a workspace member directory that is not in the checkout
_WS_TOML = """\
[workspace]
resolver = "2"
members = ["crates/api", "crates/store", "crates/metrics"]
"""

# --- Java single-file source launcher: compilation failed
_JS_JAVA = """\
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class GenChangelog {
    record Entry(String version, String date, List<String> notes) {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("CHANGES.txt"));
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("## ")) {
                String[] parts = line.substring(3).split(" ");
                entries.add(new Entry(parts[0], parts[1]));
            }
        }
        int count = entries.size();
        String latest = entries.get(0);
        System.out.println("changelog: " + count + " releases, latest " + latest);
    }
}
"""

# --- Java: ConcurrentModificationException while pruning a list in a for-each
_CM_JAVA = """\
package com.acme.sessions;

import java.util.ArrayList;
import java.util.List;

public class Pruner {
    record Session(String id, long lastSeen) {}

    static List<Session> load() {
        List<Session> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) all.add(new Session("s-" + i, 1_700_000_000L + i * 900));
        return all;
    }

    static int prune(List<Session> sessions, long cutoff) {
        int removed = 0;
        for (Session s : sessions) {
            if (s.lastSeen() < cutoff) {
                sessions.remove(s);
                removed++;
            }
        }
        return removed;
    }

    public static void main(String[] args) {
        List<Session> sessions = load();
        System.out.println("loaded " + sessions.size() + " sessions");
        int removed = prune(sessions, 1_700_000_000L + 10 * 900);
        System.out.println("pruned " + removed + " expired sessions");
    }
}
"""


def register(case):
    case(
        name="c-integer-divide-by-zero-sigfpe-136",
        tool="gcc",
        category="crash",
        label=":bar_chart: Latency summary",
        repo="latency",
        tty=False,
        command="./ci/summary.sh",
        files={"ci/summary.sh": _FPE_SH, "src/latency.c": _FPE_C},
        keys=["Floating point exception"],
        cause=[has("Floating point exception")],
        exit_status=136,
    )
    case(
        name="c-builtin-trap-illegal-instruction-132",
        tool="gcc",
        category="crash",
        ci="gitlab",
        repo="artifacts",
        tty=False,
        command="./ci/names.sh",
        files={"ci/names.sh": _ILL_SH, "src/names.c": _ILL_C},
        keys=["Illegal instruction"],
        cause=[has("Illegal instruction")],
        exit_status=132,
    )
    case(
        name="ld-cannot-find-lsnappy-library-not-installed",
        tool="ld",
        category="dependency",
        ci="travis",
        repo="blobstore",
        tty=False,
        command="make",
        files={"Makefile": _LS_MAKE, "src/main.c": _LS_MAIN, "src/store.c": _LS_STORE},
        keys=["cannot find -lsnappy", "collect2: error: ld returned 1 exit status"],
        cause=[has("cannot find -lsnappy"), has("ld returned 1 exit status"),
               has(r"make: \*\*\* \[Makefile:\d+: build/blobstore\]", rx=True)],
        exit_status=2,
    )
    case(
        name="shared-library-libgeo-so-cannot-open-at-runtime-127",
        tool="ld.so",
        category="dependency",
        ci="github",
        repo="geoquery",
        tty=False,
        command="./ci/smoke.sh",
        files={"ci/smoke.sh": _SO_SH, "Makefile": _SO_MAKE, "src/geo.c": _SO_GEO, "src/query.c": _SO_QUERY},
        keys=["error while loading shared libraries: libgeo.so.1: cannot open shared object file"],
        cause=[has("error while loading shared libraries")],
        exit_status=127,
    )
    case(
        name="gxx-cpp20-concept-unsigned-integral-not-satisfied",
        tool="g++",
        category="compile",
        label=":cpp: Build",
        repo="frames",
        tty=False,
        command="make",
        files={"Makefile": _CN_MAKE, "src/frames.cpp": _CN_CPP},
        keys=["no matching function for call to ‘checksum(std::vector<double>&)’", "constraints not satisfied",
              "unsigned_integral<T>"],
        cause=[has("In function ‘uint64_t frame_checksum"), has("error: no matching function for call to"),
               has("return checksum(values);"), has("note: candidate: ‘template<class T>"),
               has("template argument deduction/substitution failed"), has("constraints not satisfied"),
               has("In substitution of ‘template<class T>"), has("required from here"),
               has("required for the satisfaction of ‘"), has("note: the expression"),
               has(r"make: \*\*\* \[Makefile:\d+: build/frames\.o\]", rx=True)],
        exit_status=2,
    )
    case(
        name="cargo-build-script-panicked-env-var-not-set",
        tool="cargo",
        category="config",
        label=":rust: Build agent",
        repo="telemetry-agent",
        command="cargo build --color=always",
        files={"Cargo.toml": _BR_TOML, "build.rs": _BR_BUILD, "src/main.rs": _BR_MAIN},
        keys=["failed to run custom build command for `telemetry-agent v0.4.2",
              "AGENT_BUILD_ID must be set by the CI pipeline"],
        cause=[has("error: failed to run custom build command"),
               has("process didn't exit successfully"), has(r"panicked at build\.rs:\d+:\d+", rx=True),
               has("AGENT_BUILD_ID must be set by the CI pipeline")],
        exit_status=101,
    )
    case(
        name="cargo-build-locked-cannot-update-lock-file-path-dep",
        tool="cargo",
        category="dependency",
        ci="gitlab",
        repo="ingest",
        tty=False,
        command="cargo build --locked",
        setup=("sed -i 's/0.3.0/0.2.0/' codec/Cargo.toml && cargo generate-lockfile --offline && "
               "sed -i 's/0.2.0/0.3.0/' codec/Cargo.toml"),
        files={"Cargo.toml": _LK_TOML, "src/main.rs": "fn main() { println!(\"{}\", codec::VERSION); }\n",
               "codec/Cargo.toml": _LK_CODEC_TOML, "codec/src/lib.rs": "pub const VERSION: u32 = 3;\n"},
        keys=["cannot update the lock file", "because --locked was passed to prevent this"],
        cause=[has("because --locked was passed to prevent this")],
        exit_status=101,
    )
    case(
        name="cargo-e0004-non-exhaustive-patterns-two-matches-new-variant",
        tool="cargo",
        category="compile",
        ci="travis",
        repo="paystate",
        command="cargo build --color=always",
        files={"Cargo.toml": _NE_TOML, "src/lib.rs": _NE_LIB},
        keys=["error[E0004]: non-exhaustive patterns: `State::Disputed` not covered", "src/lib.rs:11:11",
              "src/lib.rs:21:11", "due to 2 previous errors"],
        cause=[has("error[E0004]"), has(r"--> src/lib\.rs:(11|21):11", rx=True), has("match s {"),
               has("pattern `State::Disputed` not covered"), has(r"^\s*7 \|\s+Disputed,", rx=True),
               has("-------- not covered"), has("could not compile `paystate`")],
        exit_status=101,
    )
    case(
        name="cargo-workspace-member-manifest-missing",
        tool="cargo",
        category="config",
        label=":rust: Check workspace",
        repo="platform",
        tty=False,
        command="cargo check --workspace",
        files={"Cargo.toml": _WS_TOML,
               "crates/api/Cargo.toml": '[package]\nname = "api"\nversion = "0.1.0"\nedition = "2021"\n',
               "crates/api/src/lib.rs": "pub fn ping() -> &'static str { \"pong\" }\n",
               "crates/store/Cargo.toml": '[package]\nname = "store"\nversion = "0.1.0"\nedition = "2021"\n',
               "crates/store/src/lib.rs": "pub fn get() -> u8 { 1 }\n"},
        keys=["failed to load manifest for workspace member", "crates/metrics"],
        cause=[has("error: failed to load manifest for workspace member"), has("referenced by workspace at"),
               has("failed to read"), has("No such file or directory")],
        exit_status=101,
    )
    case(
        name="java-source-launcher-compilation-failed-two-errors",
        tool="java",
        category="compile",
        label=":java: Changelog",
        repo="release-tools",
        tty=False,
        command="java scripts/GenChangelog.java",
        files={"scripts/GenChangelog.java": _JS_JAVA,
               "CHANGES.txt": "## 2.1.0 2026-11-02\n- faster\n## 2.0.0 2026-09-14\n- new API\n"},
        keys=["error: compilation failed", "constructor Entry in record Entry cannot be applied to given types",
              "incompatible types: Entry cannot be converted to String"],
        cause=[has(r"GenChangelog\.java:\d+: error:", rx=True), has("entries.add(new Entry(parts[0], parts[1]));"),
               has("String latest = entries.get(0);"), has("required: String,String,List<String>"),
               has("found:    String,String"), has("reason: actual and formal argument lists differ in length"),
               has("2 errors"), has("error: compilation failed")],
        exit_status=1,
    )
    case(
        name="java-concurrentmodificationexception-prune-foreach",
        tool="java",
        category="runtime",
        ci="gitlab",
        repo="sessions",
        tty=False,
        command="javac -d out src/com/acme/sessions/Pruner.java && java -cp out com.acme.sessions.Pruner",
        files={"src/com/acme/sessions/Pruner.java": _CM_JAVA},
        keys=["java.util.ConcurrentModificationException", "com.acme.sessions.Pruner.prune(Pruner.java"],
        cause=[has('Exception in thread "main" java.util.ConcurrentModificationException'),
               has("at com.acme.sessions.Pruner.")],
        exit_status=1,
    )
