"""C, CMake, Rust and git cases for the ninth held-out corpus (gcc 12.2 with -fanalyzer, glibc's
heap checks, cmake 3.25, cargo 1.95, git)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- gcc -fanalyzer -Werror: a double free and a leak on an error path
_FA_SRC = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf { char *data; size_t len; };

static int load(struct buf *b, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    b->data = malloc(4096);
    if (!b->data)
        return -1;
    b->len = fread(b->data, 1, 4096, f);
    fclose(f);
    return 0;
}

static char *dup_upper(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; s[i]; i++)
        out[i] = (s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i];
    out[strlen(s)] = '\\0';
    if (strlen(out) > 64) {
        free(out);
    }
    free(out);
    return NULL;
}

int main(int argc, char **argv)
{
    struct buf b;
    if (argc < 2 || load(&b, argv[1]) != 0)
        return 1;
    dup_upper(b.data);
    printf("%zu bytes\\n", b.len);
    free(b.data);
    return 0;
}
"""
_FA_MAKE = """\
CC = gcc
CFLAGS = -O0 -g -Wall -Wextra -fanalyzer -Werror
OBJS = build/main.o build/version.o

all: build/bufcat

build/bufcat: $(OBJS)
\t$(CC) -o $@ $(OBJS)

build/%.o: src/%.c | build
\t$(CC) $(CFLAGS) -c $< -o $@

build:
\tmkdir -p build
"""
_FA_VERSION = 'const char *bufcat_version = "1.4.0";\n'

# --- glibc: free() of a pointer twice aborts the test binary
_DF_SRC = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *name; int refs; } Tag;

static Tag *tag_new(const char *name) { Tag *t = calloc(1, sizeof *t); t->name = strdup(name); t->refs = 1; return t; }
static void tag_release(Tag *t) { if (--t->refs <= 0) { free(t->name); free(t); } }

static void check(int ok, const char *what) { printf("%s %s\\n", ok ? "ok  " : "FAIL", what); }

int main(void)
{
    Tag *a = tag_new("backend");
    check(strcmp(a->name, "backend") == 0, "tag_new sets name");
    check(a->refs == 1, "tag_new sets refs");
    Tag *b = tag_new("frontend");
    check(b->refs == 1, "second tag");
    tag_release(b);
    check(1, "release frees tag");
    char *name = a->name;
    tag_release(a);
    free(name);
    check(1, "release twice is harmless");
    return 0;
}
"""
_DF_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
gcc -O0 -g -Wall -o build/test_tags tests/test_tags.c
echo "running test_tags"
./build/test_tags
"""

# --- cmake: a target links to an ALIAS target that does not exist
_CM_ROOT = """\
cmake_minimum_required(VERSION 3.20)
project(geo VERSION 2.1 LANGUAGES C)

add_subdirectory(libgeo)
add_subdirectory(tools)
"""
_CM_LIB = """\
add_library(geo STATIC geo.c)
add_library(Acme::geo ALIAS geo)
target_include_directories(geo PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
"""
_CM_TOOLS = """\
add_executable(geocode geocode.c)
target_link_libraries(geocode PRIVATE Acme::geo Acme::proj)

add_executable(geoinfo geoinfo.c)
target_link_libraries(geoinfo PRIVATE Acme::geo)
"""
_CM_GEO_C = "int geo_ok(void) { return 1; }\n"
_CM_GEO_H = "int geo_ok(void);\n"
_CM_TOOL_C = '#include "geo.h"\nint main(void) { return !geo_ok(); }\n'

# --- cargo: Cargo.toml that does not parse
_CG_TOML = """\
[package]
name = "tilecache"
version = "0.7.1"
edition = "2021"

[dependencies]

[features]
default = ["disk"]
disk = []
memory = []

[profile.release]
lto = true
codegen-units = 1
opt-level = 3
debug = false
strip = "symbols
panic = "abort"
"""
_CG_MAIN = 'fn main() { println!("tilecache"); }\n'

# --- git describe in a shallow clone without tags
_GD_SETUP = """\
set -e
rm -rf /work/scratch/h8/gd-origin
git init -q -b main /work/scratch/h8/gd-origin
cd /work/scratch/h8/gd-origin
git config user.email ci@example.com; git config user.name CI
for v in 1 2 3 4 5 6; do echo "change $v" >> CHANGES; git add CHANGES; git commit -q -m "change $v"; done
git tag -a v2.3.0 -m v2.3.0 HEAD~3
cd -
rm -rf .git-src && git clone -q --depth 1 --no-tags file:///work/scratch/h8/gd-origin .git-src
mv .git-src/.git .git && rm -rf .git-src
git checkout -q -- . 2>/dev/null || true
"""
_GD_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "building artifacts for commit $(git rev-parse --short HEAD)"
for target in linux-amd64 linux-arm64 darwin-arm64; do
  echo "  compiled dist/app-$target"
done
VERSION=$(git describe --tags --match 'v*')
echo "stamping version $VERSION"
"""


def register(case):
    case(
        name="gcc-fanalyzer-file-leak-and-double-free",
        tool="gcc",
        category="compile",
        ci="github",
        repo="bufcat",
        command="make",
        files={"Makefile": _FA_MAKE, "src/main.c": _FA_SRC, "src/version.c": _FA_VERSION},
        keys=["src/main.c:14:16: error: leak of FILE ‘f’ [CWE-775]", "src/main.c:31:5: error: double-‘free’ of ‘out’ [CWE-415]",
              "cc1: all warnings being treated as errors", "make: *** [Makefile:11: build/main.o] Error 1"],
        cause=[has(r"^src/main.c:\d+:\d+: error:", rx=True), has("src/main.c: In function"), has(r"^\s+(14|31) \| ", rx=True),
               has("leaks here; was"), has("(7) first ‘free’ here"), has("(8) second ‘free’ here"),
               has("cc1: all warnings being treated as errors"), has("make: *** [Makefile:11: build/main.o] Error 1")],
        exit_status=2,
    )
    case(
        name="glibc-free-double-free-detected-abort",
        tool="glibc",
        category="crash",
        label=":c: Unit tests",
        repo="tags",
        tty=False,
        command="./ci/test.sh",
        setup="mkdir -p build",
        files={"tests/test_tags.c": _DF_SRC, "ci/test.sh": _DF_SCRIPT},
        keys=["free(): double free detected in tcache 2", "Aborted", "./build/test_tags"],
        cause=[has("free(): double free detected in tcache 2"), has("Aborted")],
        exit_status=134,
    )
    case(
        name="cmake-generate-alias-target-not-found",
        tool="cmake",
        category="config",
        ci="travis",
        repo="geo",
        tty=False,
        command="cmake -S . -B build -G Ninja",
        files={"CMakeLists.txt": _CM_ROOT, "libgeo/CMakeLists.txt": _CM_LIB, "libgeo/geo.c": _CM_GEO_C,
               "libgeo/geo.h": _CM_GEO_H, "tools/CMakeLists.txt": _CM_TOOLS, "tools/geocode.c": _CM_TOOL_C,
               "tools/geoinfo.c": _CM_TOOL_C},
        keys=["CMake Error at tools/CMakeLists.txt:2 (target_link_libraries)", 'Target "geocode" links to:', "Acme::proj",
              "but the target was not found"],
        cause=[has("CMake Error at"), has('Target "geocode" links to:'), has("    Acme::proj"),
               has("but the target was not found"), has("CMake Generate step failed.")],
        exit_status=1,
    )
    case(
        name="cargo-manifest-unterminated-string",
        tool="cargo",
        category="config",
        label=":rust: cargo build",
        repo="tilecache",
        command="cargo build --release --color=always",
        files={"Cargo.toml": _CG_TOML, "src/main.rs": _CG_MAIN},
        keys=["error: invalid basic string, expected `\"`", "Cargo.toml:18:17", 'strip = "symbols'],
        cause=[has("error: invalid basic string"), has("--> Cargo.toml:18:17"), has('18 | strip = "symbols')],
        exit_status=101,
    )
    case(
        name="git-describe-shallow-clone-no-tags",
        tool="git",
        category="infrastructure",
        label=":package: Release build",
        repo="app",
        tty=False,
        command="./ci/release.sh",
        setup=_GD_SETUP,
        files={"ci/release.sh": _GD_SCRIPT},
        keys=["fatal: No names found, cannot describe anything."],
        cause=[has("fatal: No names found, cannot describe anything.")],
        exit_status=128,
    )
