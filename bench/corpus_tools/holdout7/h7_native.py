"""Native-code cases for the eighth held-out corpus: cmocka 1.1 (C unit tests), g++ 12 with
AddressSanitizer, valgrind 3.19 memcheck, rustdoc (cargo doc) with -D warnings, meson 1.0 test,
protoc 3.21."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- cmocka: two failing tests out of five
_CM_URL_H = """\
#ifndef URL_H
#define URL_H
struct url {
    char scheme[16];
    char host[128];
    int port;
    char path[256];
};
int url_parse(const char *text, struct url *out);
#endif
"""
_CM_URL_C = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "url.h"

int url_parse(const char *text, struct url *out)
{
    const char *p = strstr(text, "://");
    if (!p)
        return -1;
    size_t n = (size_t)(p - text);
    if (n >= sizeof out->scheme)
        return -1;
    memcpy(out->scheme, text, n);
    out->scheme[n] = 0;
    p += 3;
    const char *slash = strchr(p, '/');
    const char *colon = strchr(p, ':');
    size_t hlen = slash ? (size_t)(slash - p) : strlen(p);
    if (colon && (!slash || colon < slash)) {
        hlen = (size_t)(colon - p);
        out->port = atoi(colon + 1);
    } else {
        out->port = 80;
    }
    memcpy(out->host, p, hlen);
    out->host[hlen] = 0;
    strcpy(out->path, slash ? slash : "/");
    return 0;
}
"""
_CM_TEST = """\
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "url.h"

static void test_plain_host(void **state)
{
    struct url u;
    assert_int_equal(url_parse("http://example.com/", &u), 0);
    assert_string_equal(u.host, "example.com");
    assert_int_equal(u.port, 80);
}

static void test_explicit_port(void **state)
{
    struct url u;
    assert_int_equal(url_parse("http://example.com:8080/x", &u), 0);
    assert_int_equal(u.port, 8080);
    assert_string_equal(u.path, "/x");
}

static void test_https_default_port(void **state)
{
    struct url u;
    assert_int_equal(url_parse("https://example.com/login", &u), 0);
    assert_int_equal(u.port, 443);
}

static void test_missing_scheme(void **state)
{
    struct url u;
    assert_int_equal(url_parse("example.com/", &u), -1);
}

static void test_query_kept_in_path(void **state)
{
    struct url u;
    assert_int_equal(url_parse("http://h/search?q=1", &u), 0);
    assert_string_equal(u.path, "/search");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_host),
        cmocka_unit_test(test_explicit_port),
        cmocka_unit_test(test_https_default_port),
        cmocka_unit_test(test_missing_scheme),
        cmocka_unit_test(test_query_kept_in_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
"""
_CM_MAKE = """\
CFLAGS = -std=c11 -Wall -Wextra -g
test_url: tests/test_url.c src/url.c src/url.h
\tcc $(CFLAGS) -Isrc -o $@ tests/test_url.c src/url.c -lcmocka

check: test_url
\t./test_url
"""

# --- g++ ASan: reference into a vector kept across push_back
_AS_CPP = """\
#include <cstdio>
#include <string>
#include <vector>

struct Job {
    std::string name;
    int priority;
};

class Scheduler {
public:
    void add(std::string name, int priority) { jobs_.push_back({std::move(name), priority}); }

    void run()
    {
        const Job &first = jobs_.front();
        std::printf("running %s first (priority %d)\\n", first.name.c_str(), first.priority);
        if (first.priority > 5)
            add(first.name + "-followup", first.priority - 1);
        std::printf("followup of %s scheduled\\n", first.name.c_str());
    }

private:
    std::vector<Job> jobs_;
};

int main()
{
    Scheduler s;
    s.add("rebuild-index", 9);
    s.run();
    return 0;
}
"""
_AS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "+ g++ -std=c++17 -g -O1 -fsanitize=address -fno-omit-frame-pointer"
g++ -std=c++17 -g -O1 -fsanitize=address -fno-omit-frame-pointer -o build/scheduler src/scheduler.cpp
echo "+ ./build/scheduler"
./build/scheduler
"""

# --- valgrind: a branch on an uninitialised stack value
_VG_C = """\
#include <stdio.h>

static int max_of(const int *v, int n)
{
    int best;
    for (int i = 0; i < n; i++)
        if (i == 0 || v[i] > best)
            best = v[i];
    return best;
}

int main(void)
{
    int samples[8];
    int n = 0;
    for (int i = 0; i < 8; i += 2)
        samples[n++ * 2] = i * 7 % 5;
    printf("collected %d samples\\n", n);
    int m = max_of(samples, 8);
    if (m > 3)
        printf("peak above threshold: %d\\n", m);
    else
        printf("peak ok\\n");
    return 0;
}
"""
_VG_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
gcc -g -O0 -o build/peaks src/peaks.c
echo "built build/peaks"
valgrind --error-exitcode=42 --track-origins=yes --leak-check=full ./build/peaks
"""

# --- cargo doc with -D warnings: broken intra-doc links and a bare URL
_RD_TOML = """\
[package]
name = "tomlette"
version = "0.2.0"
edition = "2021"

[dependencies]
"""
_RD_LIB = """\
//! A tiny TOML-ish key/value reader.
//!
//! Start with [`Document::parse`]; values are looked up with [`Document::get_str`].
//! The format is described at https://example.com/tomlette/spec.

use std::collections::HashMap;

/// A parsed document.
pub struct Document {
    values: HashMap<String, String>,
}

/// Errors from [`Document::parse`], see also [`ParseErrorKind`].
#[derive(Debug)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
}

impl Document {
    /// Parses `key = value` lines; blank lines and `#` comments are skipped.
    pub fn parse(text: &str) -> Result<Document, ParseError> {
        let mut values = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line.split_once('=').ok_or(ParseError { line: i + 1 })?;
            values.insert(k.trim().to_string(), v.trim().trim_matches('"').to_string());
        }
        Ok(Document { values })
    }

    /// The string value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }
}
"""

# --- meson test: one failing test and one timeout among passing tests
_MS_BUILD = """\
project('ringbuf', 'c', version : '0.9.1', default_options : ['warning_level=2'])
lib = static_library('ringbuf', 'src/ringbuf.c')
foreach t : ['init', 'push_pop', 'wraparound', 'stress']
  exe = executable('test_' + t, 'tests/test_' + t + '.c', link_with : lib, include_directories : 'src')
  test(t, exe, timeout : t == 'stress' ? 3 : 30)
endforeach
"""
_MS_H = """\
#include <stddef.h>
struct ringbuf { int *data; size_t cap, head, tail, len; };
int rb_init(struct ringbuf *rb, size_t cap);
int rb_push(struct ringbuf *rb, int v);
int rb_pop(struct ringbuf *rb, int *v);
void rb_free(struct ringbuf *rb);
"""
_MS_C = """\
#include <stdlib.h>
#include "ringbuf.h"

int rb_init(struct ringbuf *rb, size_t cap)
{
    rb->data = calloc(cap, sizeof *rb->data);
    rb->cap = cap;
    rb->head = rb->tail = rb->len = 0;
    return rb->data ? 0 : -1;
}

int rb_push(struct ringbuf *rb, int v)
{
    if (rb->len == rb->cap)
        return -1;
    rb->data[rb->tail] = v;
    rb->tail = rb->tail + 1 == rb->cap ? 0 : rb->tail + 1;
    rb->len++;
    return 0;
}

int rb_pop(struct ringbuf *rb, int *v)
{
    if (rb->len == 0)
        return -1;
    *v = rb->data[rb->head];
    rb->head = rb->head + 1 < rb->cap ? rb->head + 1 : 1;
    rb->len--;
    return 0;
}

void rb_free(struct ringbuf *rb) { free(rb->data); }
"""
_MS_T_INIT = """\
#include <stdio.h>
#include "ringbuf.h"
int main(void)
{
    struct ringbuf rb;
    if (rb_init(&rb, 4) != 0 || rb.len != 0) { puts("init failed"); return 1; }
    rb_free(&rb);
    return 0;
}
"""
_MS_T_PUSHPOP = """\
#include <stdio.h>
#include "ringbuf.h"
int main(void)
{
    struct ringbuf rb;
    int v;
    rb_init(&rb, 4);
    rb_push(&rb, 1);
    rb_push(&rb, 2);
    if (rb_pop(&rb, &v) != 0 || v != 1) { printf("pop 1: got %d\\n", v); return 1; }
    rb_free(&rb);
    return 0;
}
"""
_MS_T_WRAP = """\
#include <stdio.h>
#include "ringbuf.h"
int main(void)
{
    struct ringbuf rb;
    int v;
    rb_init(&rb, 3);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 3; i++)
            rb_push(&rb, round * 10 + i);
        for (int i = 0; i < 3; i++) {
            rb_pop(&rb, &v);
            if (v != round * 10 + i) {
                fprintf(stderr, "wraparound: round %d item %d: expected %d, got %d\\n", round, i, round * 10 + i, v);
                return 1;
            }
        }
    }
    rb_free(&rb);
    return 0;
}
"""
_MS_T_STRESS = """\
#include <stdio.h>
#include "ringbuf.h"
int main(void)
{
    struct ringbuf rb;
    int v;
    long ops = 0;
    rb_init(&rb, 2);
    rb_push(&rb, 1);
    rb_push(&rb, 2);
    /* drain until empty, refilling once: rb_pop never returns to slot 0 */
    while (rb_pop(&rb, &v) == 0 || rb_push(&rb, v) == 0)
        ops++;
    printf("stress: %ld ops\\n", ops);
    rb_free(&rb);
    return 0;
}
"""

# --- protoc: an undefined type and a reused field number
_PB_COMMON = """\
syntax = "proto3";
package acme.common.v1;

message Money {
  string currency = 1;
  int64 units = 2;
  int32 nanos = 3;
}
"""
_PB_ORDERS = """\
syntax = "proto3";
package acme.orders.v1;

import "acme/common/v1/money.proto";

enum OrderStatus {
  ORDER_STATUS_UNSPECIFIED = 0;
  ORDER_STATUS_OPEN = 1;
  ORDER_STATUS_PAID = 2;
}

message LineItem {
  string sku = 1;
  int32 quantity = 2;
  acme.common.v1.Money unit_price = 3;
}

message Order {
  string id = 1;
  repeated LineItem items = 2;
  OrderStatus status = 3;
  Money total = 4;
  string customer_id = 3;
  Timestamp created_at = 6;
}
"""


def register(case):
    case(
        name="cmocka-two-failed-tests-make-check",
        tool="cmocka",
        category="test",
        label=":c: Unit tests",
        repo="urlparse",
        tty=False,
        command="make check",
        files={"src/url.h": _CM_URL_H, "src/url.c": _CM_URL_C, "tests/test_url.c": _CM_TEST, "Makefile": _CM_MAKE},
        keys=["test_https_default_port", "test_query_kept_in_path", "2 FAILED TEST(S)"],
        cause=[has("[  ERROR   ]"), has("[   LINE   ]"), has(r"^\[  FAILED  \] test_", rx=True),
               has("[  FAILED  ] 2 test(s), listed below:"), has("2 FAILED TEST(S)"), has("make: ***")],
        exit_status=2,
    )
    case(
        name="asan-cxx-heap-use-after-free-vector-realloc",
        tool="g++",
        category="crash",
        ci="github",
        repo="scheduler",
        tty=False,
        command="./ci/asan.sh",
        setup="mkdir -p build",
        files={"src/scheduler.cpp": _AS_CPP, "ci/asan.sh": _AS_SCRIPT},
        keys=["AddressSanitizer: heap-use-after-free", "src/scheduler.cpp:20", "Scheduler::run()"],
        cause=[has("ERROR: AddressSanitizer: heap-use-after-free"), has(r"^READ of size", rx=True),
               has("in Scheduler::run() src/scheduler.cpp:"), has("freed by thread T0 here:"),
               has("previously allocated by thread T0 here:"), has("SUMMARY: AddressSanitizer: heap-use-after-free")],
        exit_status=1,
    )
    case(
        name="valgrind-conditional-jump-uninitialised",
        tool="valgrind",
        category="crash",
        label=":mag: memcheck",
        repo="peaks",
        tty=False,
        command="./ci/memcheck.sh",
        setup="mkdir -p build",
        files={"src/peaks.c": _VG_C, "ci/memcheck.sh": _VG_SCRIPT},
        keys=["Conditional jump or move depends on uninitialised value(s)", "max_of (peaks.c:7)",
              "Uninitialised value was created by a stack allocation"],
        cause=[has("Conditional jump or move depends on uninitialised value(s)"), has("max_of (peaks.c:"),
               has("Uninitialised value was created by a stack allocation"), has("main (peaks.c:19)"),
               has("main (peaks.c:13)"), has("ERROR SUMMARY:")],
        exit_status=42,
    )
    case(
        name="cargo-doc-deny-broken-intra-doc-links",
        tool="rustdoc",
        category="lint",
        ci="gitlab",
        repo="tomlette",
        tty=True,
        command='RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --color=always',
        files={"Cargo.toml": _RD_TOML, "src/lib.rs": _RD_LIB},
        keys=["unresolved link to `Document::get_str`", "unresolved link to `ParseErrorKind`",
              "could not document `tomlette`"],
        cause=[has(r"^error: (unresolved link|this URL is not a hyperlink)", rx=True), has(r"^\s*--> src/lib.rs", rx=True),
               has("has no field or associated item named `get_str`"),
               has("no item named `ParseErrorKind` in scope"), has("could not document `tomlette`")],
        exit_status=101,
    )
    case(
        name="meson-test-fail-and-timeout",
        tool="meson",
        category="test",
        label=":c: meson test",
        repo="ringbuf",
        tty=False,
        command="meson test -C build --print-errorlogs",
        setup="meson setup build >/dev/null",
        files={"meson.build": _MS_BUILD, "src/ringbuf.h": _MS_H, "src/ringbuf.c": _MS_C,
               "tests/test_init.c": _MS_T_INIT, "tests/test_push_pop.c": _MS_T_PUSHPOP,
               "tests/test_wraparound.c": _MS_T_WRAP, "tests/test_stress.c": _MS_T_STRESS},
        keys=["3/4 wraparound FAIL", "wraparound: round 1 item 0: expected 10, got 11",
              "stress time out (After 3 seconds)", "killed by signal 15 SIGTERM"],
        cause=[has(r"wraparound\s+FAIL", rx=True), has(r"stress\s+TIMEOUT", rx=True), has("stress time out"),
               has("wraparound: round 1 item 0"), has(r"^Fail:\s+1", rx=True), has(r"^Timeout:\s+1", rx=True)],
        exit_status=2,
    )
    case(
        name="protoc-undefined-type-reused-field-number",
        tool="protoc",
        category="compile",
        ci="travis",
        repo="orders-api",
        tty=False,
        command="protoc -I proto --python_out=gen proto/acme/orders/v1/orders.proto",
        setup="mkdir -p gen",
        files={"proto/acme/common/v1/money.proto": _PB_COMMON, "proto/acme/orders/v1/orders.proto": _PB_ORDERS},
        keys=['"Money" is not defined.', 'Field number 3 has already been used in "acme.orders.v1.Order"',
              '"Timestamp" is not defined.'],
        cause=[has("acme/orders/v1/orders.proto:")],
        exit_status=1,
    )
