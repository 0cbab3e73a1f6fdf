"""Go, Rust, C, C++ and Java cases."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_CARGO = '[package]\nname = "{name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'

# ------------------------------------------------------------------ Go

_GO_COUNTER = """\
package metrics

import "sync"

type Counter struct {
	mu     sync.Mutex
	counts map[string]int
	total  int
}

func New() *Counter { return &Counter{counts: map[string]int{}} }

func (c *Counter) Inc(key string) {
	c.mu.Lock()
	c.counts[key]++
	c.mu.Unlock()
	c.total++ // outside the lock
}

func (c *Counter) Total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}
"""

_GO_COUNTER_TEST = """\
package metrics

import (
	"sync"
	"testing"
)

func TestIncSequential(t *testing.T) {
	c := New()
	c.Inc("a")
	c.Inc("b")
	if c.Total() != 2 {
		t.Fatalf("total = %d, want 2", c.Total())
	}
}

func TestIncConcurrent(t *testing.T) {
	c := New()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc("hits")
			}
		}()
	}
	wg.Wait()
	_ = c.Total()
}
"""

_GO_ELECTION = """\
package raft

import "time"

type Node struct {
	id     int
	leader chan int
}

func NewNode(id int) *Node { return &Node{id: id, leader: make(chan int)} }

// WaitForLeader blocks until a leader is announced.
func (n *Node) WaitForLeader() int { return <-n.leader }

func (n *Node) Announce(id int) {
	go func() {
		time.Sleep(10 * time.Millisecond)
		if id != n.id { // bug: the node never announces itself
			n.leader <- id
		}
	}()
}
"""

_GO_ELECTION_TEST = """\
package raft

import "testing"

func TestAnnounceOther(t *testing.T) {
	n := NewNode(1)
	n.Announce(2)
	if got := n.WaitForLeader(); got != 2 {
		t.Fatalf("leader = %d, want 2", got)
	}
}

func TestAnnounceSelf(t *testing.T) {
	n := NewNode(1)
	n.Announce(1)
	if got := n.WaitForLeader(); got != 1 {
		t.Fatalf("leader = %d, want 1", got)
	}
}
"""

_GO_MAIN_RETRY = """\
package main

import (
	"fmt"
	"net/http"

	"github.com/acme/backoff/v2"
)

func main() {
	err := backoff.Retry(func() error {
		_, err := http.Get("http://localhost:8080/healthz")
		return err
	}, backoff.Exponential(5))
	fmt.Println("healthy:", err == nil)
}
"""

# ------------------------------------------------------------------ Rust

_RS_LIFETIME = """\
pub struct Registry<'a> {
    names: Vec<&'a str>,
}

impl<'a> Registry<'a> {
    pub fn new() -> Self {
        Registry { names: Vec::new() }
    }

    pub fn add(&mut self, name: &'a str) {
        self.names.push(name);
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
}

pub fn load(lines: &[&str]) -> usize {
    let mut reg = Registry::new();
    for line in lines {
        let trimmed = line.trim().to_lowercase();
        reg.add(&trimmed);
    }
    reg.len()
}
"""

_RS_DISPLAY = """\
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
}

pub struct Pool {
    endpoints: HashMap<Endpoint, usize>,
}

impl Pool {
    pub fn new() -> Self {
        Pool { endpoints: HashMap::new() }
    }

    pub fn add(&mut self, e: Endpoint) {
        *self.endpoints.entry(e).or_insert(0) += 1;
    }
}

fn main() {
    let e = Endpoint { host: "db1".into(), port: 5432 };
    let mut pool = Pool::new();
    pool.add(e.clone());
    println!("added {}", e);
}
"""

_RS_TESTS = """\
pub fn checked_slot(index: usize, len: usize) -> usize {
    if len == 0 {
        panic!("empty ring");
    }
    index % len
}

pub fn total_bytes(chunks: &[u8]) -> u8 {
    let mut total: u8 = 0;
    for c in chunks {
        total += *c;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_wraps() {
        assert_eq!(checked_slot(5, 4), 1);
    }

    #[test]
    #[should_panic(expected = "empty ring")]
    fn slot_empty_panics() {
        checked_slot(1, 0);
    }

    #[test]
    #[should_panic]
    fn slot_out_of_range_panics() {
        checked_slot(9, 4);
    }

    #[test]
    fn totals_small() {
        assert_eq!(total_bytes(&[1, 2, 3]), 6);
    }

    #[test]
    fn totals_large() {
        assert_eq!(total_bytes(&[200, 100]), 300u16 as u8);
    }
}
"""

# ------------------------------------------------------------------ C

_WERROR_C = """\
#include <stdio.h>
#include <string.h>

enum level { LOW, MID, HIGH };

int classify(const char *s, int n) {
    int score = 0;
    size_t len = strlen(s);
    for (int i = 0; i < len; i++) {
        score += s[i];
    }
    switch (n) {
    case LOW:
        score -= 1;
    case MID:
        score += 2;
        break;
    default:
        break;
    }
    return score;
}

int main(int argc, char **argv) {
    int unused_total;
    printf("%d\\n", classify(argc > 1 ? argv[1] : "x", MID));
    return 0;
}
"""

_HEADER_MAIN = """\
#include <stdio.h>
#include "ringbuf.h"

int main(void) {
    struct ring r;
    ring_init(&r);
    ring_push(&r, 4);
    printf("%zu\\n", ring_len(&r));
    return 0;
}
"""

_RING_H = """\
#ifndef RING_BUF_H
#define RING_BUF_H
#include <stddef.h>
struct ring { int buf[16]; size_t head, len; };
void ring_init(struct ring *r);
int ring_push(struct ring *r, int v);
size_t ring_len(const struct ring *r);
#endif
"""

_RING_C = """\
#include "ring_buf.h"
void ring_init(struct ring *r) { r->head = 0; r->len = 0; }
int ring_push(struct ring *r, int v) {
    if (r->len == 16) return -1;
    r->buf[(r->head + r->len++) % 16] = v;
    return 0;
}
size_t ring_len(const struct ring *r) { return r->len; }
"""

_HEADER_MAKEFILE = """\
CC ?= cc
CFLAGS ?= -O2 -Wall
OBJS = src/ring.o src/main.o

ringtool: $(OBJS)
\t$(CC) $(CFLAGS) -o $@ $(OBJS)

src/%.o: src/%.c
\t$(CC) $(CFLAGS) -Iinclude -c $< -o $@
"""

_ASAN_C = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *join_path(const char *dir, const char *file) {
    size_t n = strlen(dir) + strlen(file) + 1;  /* forgot the NUL */
    char *out = malloc(n);
    strcpy(out, dir);
    strcat(out, "/");
    strcat(out, file);
    return out;
}

int main(void) {
    const char *files[] = {"a.txt", "index.html", "assets-manifest.json"};
    for (int i = 0; i < 3; i++) {
        char *p = join_path("/srv/static", files[i]);
        printf("serving %s\\n", p);
        free(p);
    }
    return 0;
}
"""

_ASSERT_C = """\
#include <assert.h>
#include <stdio.h>
#include <string.h>

struct stack { int items[8]; int top; };

static void push(struct stack *s, int v) { s->items[s->top++] = v; }
static int pop(struct stack *s) { return s->items[s->top--]; }

int main(void) {
    struct stack s = {.top = 0};
    push(&s, 1);
    push(&s, 2);
    push(&s, 3);
    printf("test_push: ok\\n");
    fflush(stdout);
    int v = pop(&s);
    printf("test_pop: popped %d\\n", v);
    fflush(stdout);
    assert(v == 3 && "pop must return the last pushed value");
    printf("test_pop: ok\\n");
    return 0;
}
"""

_VALGRIND_C = """\
#include <stdio.h>
#include <stdlib.h>

struct record { int id; int score; };

static int best(const struct record *rs, int n) {
    int best = 0;
    for (int i = 0; i <= n; i++)
        if (rs[i].score > rs[best].score) best = i;
    return rs[best].id;
}

int main(void) {
    struct record *rs = malloc(4 * sizeof *rs);
    for (int i = 0; i < 4; i++) { rs[i].id = 100 + i; rs[i].score = i * 3 % 5; }
    printf("best record: %d\\n", best(rs, 4));
    free(rs);
    return 0;
}
"""

_VTABLE_H = """\
#pragma once
#include <string>

class Sink {
public:
    virtual ~Sink() = default;
    virtual void write(const std::string &line) = 0;
    virtual void flush() = 0;
};

class JsonSink : public Sink {
public:
    JsonSink();
    ~JsonSink() override;
    void write(const std::string &line) override;
    void flush() override;
private:
    int count_ = 0;
};
"""

_VTABLE_CPP = """\
#include "sink.h"
#include <iostream>

JsonSink::JsonSink() {}
// ~JsonSink() moved to sink_close.cpp, which is not in the Makefile
void JsonSink::write(const std::string &line) { std::cout << "{\\"line\\": \\"" << line << "\\"}\\n"; ++count_; }
void JsonSink::flush() { std::cout.flush(); }
"""

_VTABLE_MAIN = """\
#include "sink.h"

int main() {
    JsonSink s;
    s.write("hello");
    return 0;
}
"""

_VTABLE_MAKEFILE = """\
CXX ?= g++
CXXFLAGS ?= -std=c++17 -O1 -Wall

logship: main.o sink.o
\t$(CXX) $(CXXFLAGS) -o $@ $^

%.o: %.cpp sink.h
\t$(CXX) $(CXXFLAGS) -c $< -o $@
"""

_WARN_FILES = {
    f"src/{name}.c": f'''\
#include <stdio.h>
#include <string.h>
#include "config.h"

int {name}_init(struct config *cfg, int argc, char **argv) {{
    int i;
    unsigned int n = cfg->workers;
    char buf[16];
    for (i = 0; i < n; i++) {{
        snprintf(buf, sizeof buf, "{name}-%d", i);
    }}
    if (argc > 1) {{
        strcpy(buf, argv[1]);
    }}
    return 0;
}}
'''
    for name in ["queue", "worker", "scheduler", "http", "store"]
}
_WARN_FILES["src/config.h"] = "struct config { int workers; int retries; const char *name; };\n"
_WARN_FILES["src/limits.c"] = """\
#include "config.h"

int limits_apply(struct config *cfg, int flags) {
    int unused;
    if (cfg->retries > 5)
        cfg->retries = 5;
    return cfg->timeout_ms / 1000;
}
"""
_WARN_FILES["Makefile"] = """\
CC = gcc
CFLAGS = -O2 -Wall -Wextra
OBJS = src/queue.o src/worker.o src/scheduler.o src/http.o src/store.o src/limits.o

daemon.a: $(OBJS)
\tar rcs $@ $(OBJS)

src/%.o: src/%.c src/config.h
\t$(CC) $(CFLAGS) -c $< -o $@
"""

# ------------------------------------------------------------------ Java

_JAVA_OOM = """\
import java.util.ArrayList;
import java.util.List;

public class Aggregate {
    static List<long[]> buffers = new ArrayList<>();

    static void loadPartition(int p) {
        buffers.add(new long[1_000_000]);
        System.out.println("loaded partition " + p + " (" + buffers.size() * 8 + " MB buffered)");
    }

    public static void main(String[] args) {
        System.out.println("aggregating 40 partitions with -Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m");
        for (int p = 0; p < 40; p++) {
            loadPartition(p);
        }
        System.out.println("done");
    }
}
"""

_JAVA_SO = """\
package com.acme.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Resolver {
    private final Map<String, List<String>> deps = new HashMap<>();

    Resolver() {
        deps.put("app", List.of("http", "log"));
        deps.put("http", List.of("tls", "log"));
        deps.put("tls", List.of("crypto"));
        deps.put("crypto", List.of("http"));
        deps.put("log", List.of());
    }

    int depth(String name) {
        int max = 0;
        for (String d : deps.getOrDefault(name, List.of())) {
            max = Math.max(max, 1 + depth(d));
        }
        return max;
    }

    public static void main(String[] args) {
        System.out.println("resolving build order for app");
        System.out.println("depth = " + new Resolver().depth("app"));
    }
}
"""


def register(case):
    case(
        name="go-test-race",
        tool="go test",
        category="test",
        label=":go: go test -race",
        repo="metrics",
        tty=False,
        command="go test -race -count=1 ./...",
        files={
            "go.mod": "module example.com/metrics\n\ngo 1.19\n",
            "counter.go": _GO_COUNTER,
            "counter_test.go": _GO_COUNTER_TEST,
        },
        keys=["WARNING: DATA RACE", "TestIncConcurrent", "counter.go:17"],
        cause=[
            span("WARNING: DATA RACE", "counter_test.go:25"),
            span("Previous write at", "counter_test.go:25"),
            has("--- FAIL: TestIncConcurrent"),
            first("race detected during execution of test"),
            has(r"^FAIL\s", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="go-test-timeout",
        tool="go test",
        category="timeout",
        ci="github",
        repo="raft",
        tty=False,
        command="go test -v -timeout 3s ./...",
        files={
            "go.mod": "module example.com/raft\n\ngo 1.19\n",
            "node.go": _GO_ELECTION,
            "node_test.go": _GO_ELECTION_TEST,
        },
        keys=["panic: test timed out after 3s", "TestAnnounceSelf"],
        cause=[
            has("=== RUN   TestAnnounceSelf"),
            has("panic: test timed out after 3s"),
            has("example.com/raft.(*Node).WaitForLeader"),
            has(r"node.go:\d+", rx=True),
            has("example.com/raft.TestAnnounceSelf"),
            has(r"node_test.go:\d+", rx=True),
            has(r"^FAIL\s", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="go-missing-module",
        tool="go build",
        category="dependency",
        label=":go: Build healthcheck",
        repo="healthcheck",
        tty=False,
        command="go build ./...",
        files={"go.mod": "module example.com/healthcheck\n\ngo 1.19\n", "main.go": _GO_MAIN_RETRY},
        keys=["github.com/acme/backoff/v2"],
        cause=[has("github.com/acme/backoff/v2")],
        exit_status=1,
    )
    case(
        name="cargo-e0597-borrowed-value",
        tool="cargo",
        category="compile",
        label=":rust: cargo build",
        repo="registry",
        command="cargo build --color=always",
        files={"Cargo.toml": _CARGO.format(name="registry"), "src/lib.rs": _RS_LIFETIME},
        keys=["E0597", "`trimmed` does not live long enough"],
        cause=[
            has("error[E0597]"),
            has("--> src/lib.rs"),
            has(r"^\d+\s*\|\s+\S", rx=True),
            has(r"\| +[-^]+ .*", rx=True),
            has("could not compile `registry`"),
        ],
        exit_status=101,
    )
    case(
        name="cargo-e0277-trait-bounds",
        tool="cargo",
        category="compile",
        ci="travis",
        repo="connpool",
        command="cargo build --color=always",
        files={"Cargo.toml": _CARGO.format(name="connpool"), "src/main.rs": _RS_DISPLAY},
        keys=["E0277", "`Endpoint` doesn't implement `std::fmt::Display`"],
        cause=[
            span("error[E0599]", "= note: the following trait bounds"),
            has(r"^\s+`Endpoint: (Eq|Hash)`$", rx=True),
            span("error[E0277]", "help: the trait `std::fmt::Display` is not implemented"),
            has("could not compile `connpool`"),
        ],
        exit_status=101,
    )
    case(
        name="cargo-test-should-panic-overflow",
        tool="cargo",
        category="test",
        ci="github",
        repo="ringidx",
        tty=False,
        command="cargo test",
        files={"Cargo.toml": _CARGO.format(name="ringidx"), "src/lib.rs": _RS_TESTS},
        keys=[
            "slot_out_of_range_panics",
            "note: test did not panic as expected",
            "totals_large",
            "attempt to add with overflow",
        ],
        cause=[
            has(r"^test tests::\S+ .*FAILED$", rx=True),
            has("---- tests::slot_out_of_range_panics stdout ----"),
            has("note: test did not panic as expected"),
            has("---- tests::totals_large stdout ----"),
            has("attempt to add with overflow"),
            has(r"panicked at src/lib.rs", rx=True),
            has(r"^    tests::(slot_out_of_range_panics|totals_large)$", rx=True),
            has("test result: FAILED"),
        ],
        exit_status=101,
    )
    case(
        name="gcc-werror-warnings",
        tool="gcc",
        category="compile",
        label=":c: Build (strict)",
        repo="classify",
        command="gcc -std=c11 -Wall -Wextra -Werror -c classify.c -o classify.o",
        files={"classify.c": _WERROR_C},
        keys=["-Werror=sign-compare", "-Werror=implicit-fallthrough", "all warnings being treated as errors"],
        cause=[
            has(r"error: .*\[-Werror=", rx=True),
            has(r"^\s+\d+ \|.*\S", rx=True),
            has("In function"),
            has("note: here"),
            has("all warnings being treated as errors"),
        ],
        exit_status=1,
    )
    case(
        name="make-missing-header",
        tool="gcc",
        category="compile",
        ci="travis",
        repo="ringtool",
        tty=False,
        command="make",
        files={
            "Makefile": _HEADER_MAKEFILE,
            "src/main.c": _HEADER_MAIN,
            "src/ring.c": _RING_C,
            "include/ring_buf.h": _RING_H,
        },
        keys=["ringbuf.h: No such file or directory", "src/main.c"],
        cause=[
            has("fatal error: ringbuf.h: No such file or directory"),
            has('#include "ringbuf.h"'),
        ],
        exit_status=2,
    )
    case(
        name="c-asan-heap-buffer-overflow",
        tool="gcc",
        category="crash",
        label=":c: ASan tests",
        repo="static-srv",
        tty=False,
        command="./ci/asan.sh",
        files={
            "pathjoin.c": _ASAN_C,
            "ci/asan.sh": "#!/bin/bash\nset -euo pipefail\ngcc -g -O0 -fsanitize=address -fno-omit-frame-pointer "
            "-o pathjoin pathjoin.c\n./pathjoin\n",
        },
        keys=["AddressSanitizer: heap-buffer-overflow", "join_path", "pathjoin.c:10"],
        cause=[
            has("ERROR: AddressSanitizer: heap-buffer-overflow"),
            has(r"^WRITE of size", rx=True),
            has(r"#\d+ 0x[0-9a-f]+ in (strcat|__interceptor_strcat|join_path|main) ", rx=True),
            has("is located 0 bytes"),
            has("allocated by thread T0 here"),
            has(r"#\d+ 0x[0-9a-f]+ in (malloc|__interceptor_malloc) ", rx=True),
            has("SUMMARY: AddressSanitizer"),
        ],
        exit_status=1,
    )
    case(
        name="c-assert-abort-134",
        tool="gcc",
        category="crash",
        ci="gitlab",
        repo="stackds",
        tty=False,
        command="./ci/unit.sh",
        files={
            "stack_test.c": _ASSERT_C,
            "ci/unit.sh": "#!/bin/bash\nset -e\ngcc -g -O0 -o stack_test stack_test.c\n./stack_test\n",
        },
        keys=['Assertion `v == 3 && "pop must return the last pushed value"\' failed', "Aborted"],
        cause=[has("Assertion `"), has("Aborted"), has("test_pop: popped")],
        exit_status=134,
    )
    case(
        name="valgrind-invalid-read",
        tool="valgrind",
        category="crash",
        label=":mag: memcheck",
        repo="scores",
        tty=False,
        command="./ci/memcheck.sh",
        files={
            "best.c": _VALGRIND_C,
            "ci/memcheck.sh": "#!/bin/bash\nset -e\ngcc -g -O0 -o best best.c\nvalgrind --error-exitcode=3 --leak-check=no ./best\n",
        },
        keys=["Invalid read of size 4", "best.c:9"],
        cause=[
            has("Invalid read of size 4"),
            has(r"at 0x[0-9A-F]+: (best|main) \(best.c:\d+\)", rx=True),
            has(r"by 0x[0-9A-F]+: main \(best.c:\d+\)", rx=True),
            has("bytes after a block of size 32 alloc'd"),
            has(r"at 0x[0-9A-F]+: malloc", rx=True),
            has("ERROR SUMMARY: "),
        ],
        exit_status=3,
    )
    case(
        name="cxx-undefined-vtable",
        tool="ld",
        category="compile",
        label=":cpp: Build logship",
        repo="logship",
        tty=False,
        command="make",
        files={
            "sink.h": _VTABLE_H,
            "sink.cpp": _VTABLE_CPP,
            "main.cpp": _VTABLE_MAIN,
            "Makefile": _VTABLE_MAKEFILE,
        },
        keys=["undefined reference to `vtable for JsonSink'"],
        cause=[
            has("undefined reference to"),
            has(r"in function `", rx=True),
            has("ld returned 1 exit status"),
        ],
        exit_status=2,
    )
    case(
        name="gcc-warning-flood-one-error",
        tool="gcc",
        category="compile",
        label=":c: Build daemon",
        repo="daemon",
        command="make",
        files=_WARN_FILES,
        keys=["‘struct config’ has no member named ‘timeout_ms’", "src/limits.c:7"],
        cause=[
            has("error: ‘struct config’ has no member named ‘timeout_ms’"),
            has("return cfg->timeout_ms / 1000;"),
            has("src/limits.c: In function ‘limits_apply’"),
        ],
        exit_status=2,
    )
    case(
        name="java-outofmemory-heap",
        tool="java",
        category="resource",
        label=":java: Nightly aggregate",
        repo="aggregate",
        tty=False,
        command="javac -d out Aggregate.java && java -Xmx32m -cp out Aggregate",
        files={"Aggregate.java": _JAVA_OOM},
        keys=["java.lang.OutOfMemoryError: Java heap space", "Aggregate.loadPartition"],
        cause=[
            has("java.lang.OutOfMemoryError: Java heap space"),
            has(r"^\s+at Aggregate\.", rx=True),
        ],
        exit_status=1,
    )
    case(
        name="java-stackoverflow-cycle",
        tool="java",
        category="runtime",
        ci="travis",
        repo="graph",
        tty=False,
        command="javac -d out src/com/acme/graph/Resolver.java && java -cp out com.acme.graph.Resolver",
        files={"src/com/acme/graph/Resolver.java": _JAVA_SO},
        keys=["java.lang.StackOverflowError", "com.acme.graph.Resolver.depth"],
        cause=[
            span("java.lang.StackOverflowError", "Resolver.java:21"),
        ],
        exit_status=1,
    )
