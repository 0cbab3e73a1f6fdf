"""Cases for the twenty-eighth held-out corpus, part B: Free Pascal 3.2, GNAT 12 (Ada), LDC 1.30 (D),
SBCL 2.2 (Common Lisp), Guile 3.0 with SRFI-64, NASM 2.16, gfortran 12, meson 1.0 with ninja,
autoconf/automake with make check, bats 1.8."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# -- Free Pascal --------------------------------------------------------------------------------

_STOCK_PAS = """program Stock;
var
  Qty: array[1..3] of Integer = (4, 0, 7);
  I, Total: Integer;
begin
  Total := 0;
  for I := 1 to 3 do
    Total := Total + Qty[I];
  Writeln('stock: total ', Totl);
  Writeln('stock: average ', Total div Count);
end.
"""
_HIST_PAS = """program Histogram;
{$R+}
var
  Buckets: array[0..9] of Integer;
  Samples: array[1..5] of Integer = (3, 17, 42, 99, 100);
  I: Integer;
begin
  for I := 0 to 9 do
    Buckets[I] := 0;
  for I := 1 to 5 do
  begin
    Writeln('histogram: sample ', Samples[I]);
    Inc(Buckets[Samples[I] div 10]);
  end;
  Writeln('histogram: done');
end.
"""
_PLUGINS_PAS = """program Plugins;
{$mode objfpc}
type
  TPlugin = class
    Name: string;
  end;
var
  Loaded: array[0..2] of TPlugin;
  I: Integer;
begin
  Loaded[0] := TPlugin.Create;
  Loaded[0].Name := 'auth';
  Loaded[1] := TPlugin.Create;
  Loaded[1].Name := 'cache';
  for I := 0 to 2 do
    Writeln('registry: loading ', Loaded[I].Name);
end.
"""

# -- Ada ----------------------------------------------------------------------------------------

_INVENTORY_ADB = """with Ada.Text_IO; use Ada.Text_IO;
procedure Inventory is
   type Count is range 0 .. 1000;
   Stock : Count := 12;
   Label : constant String := "units";
begin
   Stock := Stock + Label'Length;
   Put_Line ("inventory:" & Count'Image (Stock) & " " & Label);
   Put_Line ("inventory: reorder at " & Stock);
end Inventory;
"""
_SEATS_ADB = """with Ada.Text_IO; use Ada.Text_IO;
procedure Seats is
   subtype Row is Integer range 1 .. 20;
   procedure Book (R : Row) is
   begin
      Put_Line ("seats: booked row" & Row'Image (R));
   end Book;
   Wanted : constant array (1 .. 3) of Integer := (4, 12, 21);
begin
   for W of Wanted loop
      Book (W);
   end loop;
end Seats;
"""
_REPORT_ADB = """with Ada.Text_IO; use Ada.Text_IO;
procedure Report is
   Total : Integer:=0;
begin
   for I in 1 .. 3 loop
      Total := Total + I;
   end loop;
   put_line ("report: total" & Integer'Image (Total));
end Report;
"""

# -- D ------------------------------------------------------------------------------------------

_SLUG_D = """module slug;

import std.string : toLower, strip;
import std.array : replace;

string slugify(string s)
{
    return s.strip.toLower.replace(" ", "-");
}

unittest
{
    assert(slugify("Hello") == "hello");
    assert(slugify(" Hello World ") == "hello-world");
}

unittest
{
    assert(slugify("Tea  and  Jam") == "tea-and-jam");
}
"""

# -- Common Lisp --------------------------------------------------------------------------------

_REPORT_LISP = """(defun line-total (line)
  (* (getf line :qty) (getf line :cents)))

(defun report-line (line)
  (format t "report: ~a ~a~%" (getf line :sku) (format-cents (line-total line))))

(defun print-report (lines)
  (format t "report: ~d lines~%" (length lines))
  (mapc #'report-line lines))

(print-report '((:sku "tea" :qty 2 :cents 350) (:sku "jam" :qty 1 :cents 400)))
"""

# -- Guile --------------------------------------------------------------------------------------

_CLAMP_SCM = """(use-modules (srfi srfi-64))

(define (clamp x lo hi)
  (cond ((< x lo) lo)
        ((> x hi) x)
        (else x)))

(test-begin "clamp")
(test-equal "inside" 5 (clamp 5 0 10))
(test-equal "below" 0 (clamp -3 0 10))
(test-equal "above" 10 (clamp 30 0 10))
(test-equal "at upper bound" 10 (clamp 10 0 10))
(define failures (test-runner-fail-count (test-runner-current)))
(test-end "clamp")
(exit (if (zero? failures) 0 1))
"""

# -- NASM ---------------------------------------------------------------------------------------

_HELLO_ASM = """section .data
msg:     db "build ok", 10
msg_len: equ $ - msg

section .text
global _start
_start:
    mov rax, 1
    mov rdi, 1
    mov rsi, msg
    mov rdx, msglen
    syscall
    mov rax, 60
    xor rdi, rdi
    syscall
"""
_ASM_MK = "build/hello: build/hello.o\n\tld -o $@ $<\n\nbuild/hello.o: src/hello.asm\n\tnasm -f elf64 -o $@ $<\n"

# -- Fortran ------------------------------------------------------------------------------------

_MEAN_F90 = """module stats
  implicit none
contains
  function mean(xs) result(m)
    real, intent(in) :: xs(:)
    real :: m
    m = sum(xs) / size(xs)
  end function mean
end module stats

program grid_mean
  use stats
  implicit none
  real :: grid(3, 4)
  grid = 1.5
  print *, 'grid: mean', mean(grid)
end program grid_mean
"""

# -- meson / autotools / bats -------------------------------------------------------------------

_RING_MESON = """project('ring', 'c', version : '0.3.0')
lib = static_library('ring', 'src/ring.c', 'src/stats.c')
executable('ringbench', 'src/bench.c', link_with : lib)
"""
_RING_H = """struct ring {
    int *buf;
    int head;
    int cap;
};

int ring_push(struct ring *r, int v);
int ring_sum(const struct ring *r);
"""
_RING_C = """#include "ring.h"

int ring_push(struct ring *r, int v)
{
    r->buf[r->head] = v;
    r->head = (r->head + 1) % r->capacity;
    return r->head;
}
"""
_STATS_C = """#include "ring.h"

int ring_sum(const struct ring *r)
{
    int s = 0;
    for (int i = 0; i < r->cap; i++)
        s += r->buf[i];
    return s;
}
"""
_BENCH_C = """#include <stdio.h>
#include "ring.h"

int main(void)
{
    int buf[4] = {0};
    struct ring r = {buf, 0, 4};
    for (int i = 0; i < 10; i++)
        ring_push(&r, i);
    printf("%d\\n", ring_sum(&r));
    return 0;
}
"""
_RING_MESON_MISSING = """project('ring', 'c', version : '0.3.0')
sources = ['src/ring.c', 'src/stats.c', 'src/ring_debug.c']
lib = static_library('ring', sources)
"""

_CONFIGURE_AC = """AC_INIT([widgets], [1.4.0])
AM_INIT_AUTOMAKE(OPTS)
AC_PROG_CC
AC_CONFIG_FILES([Makefile])
AC_OUTPUT
"""
_MAKEFILE_AM = """bin_PROGRAMS = widgets
widgets_SOURCES = src/main.c
TESTS = tests/t_version.sh $(OPTION_TESTS) tests/t_parse.sh tests/t_help.sh
OPTION_TESTS = OPTS
"""
_OPTIONS = ["100mm", "2cm", "3in", "0", "17", "250", "1e3", "x", "-4", "9999"]
_OPT_TESTS = {f"tests/t_size_{i:02d}.sh": f'#!/bin/sh\n./widgets {_OPTIONS[i % 10]} | grep -q "^size="\n'
              for i in range(36)}
_MAKEFILE_AM = _MAKEFILE_AM.replace("OPTS", " ".join(_OPT_TESTS))

_AM_MAIN_C = """#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) { puts("widgets 1.4.0"); return 0; }
    if (argc > 1 && strcmp(argv[1], "--help") == 0) { puts("usage: widgets [--version] SIZE"); return 0; }
    if (argc > 1) { printf("size=%s\\n", argv[1]); return 0; }
    return 2;
}
"""
_T_VERSION = '#!/bin/sh\n./widgets --version | grep -q "^widgets 1.4.0$"\n'
_T_PARSE = """#!/bin/sh
out=$(./widgets 12mm)
echo "parse: got '$out'"
test "$out" = "size=12"
"""
_T_HELP = '#!/bin/sh\n./widgets --help | grep -q usage\n'

_HEALTH_BATS = """setup() {
  export API_URL="http://127.0.0.1:9"
}

@test "config file is valid" {
  run grep -c "port" config/api.conf
  [ "$status" -eq 0 ]
}

@test "api becomes healthy" {
  until curl -fs "$API_URL/health" >/dev/null 2>&1; do
    sleep 1
  done
}

@test "version is printed" {
  run echo "api 2.1"
  [ "$output" = "api 2.1" ]
}
"""


def register(case) -> None:
    # -- Free Pascal
    case(
        name="fpc-identifier-not-found-totl-and-count-two-errors",
        tool="fpc", category="compile", ci="buildkite", command="fpc -FEbuild src/stock.pas", repo="stock",
        tty=False, files={"src/stock.pas": _STOCK_PAS}, setup="mkdir -p build",
        keys=['Identifier not found "Totl"', 'Identifier not found "Count"'],
        cause=[has("Error: Identifier not found"), has("Fatal: There were 2 errors"), has("Fatal: Compilation aborted"),
               has("returned an error exitcode")],
    )  # fmt: skip
    case(
        name="fpc-range-check-runtime-error-201-bucket-10-of-0-9",
        tool="fpc", category="runtime", ci="gitlab", command="./build/histogram", repo="histogram",
        tty=False, files={"src/histogram.pas": _HIST_PAS},
        setup="mkdir -p build && fpc -gl -FEbuild src/histogram.pas",
        keys=["Runtime error 201"],
        cause=[has("histogram: sample 100"), has("Runtime error 201"), has("line 13 of src/histogram.pas")],
    )  # fmt: skip
    case(
        name="fpc-runtime-error-216-nil-plugin-object-third-slot",
        tool="fpc", category="crash", ci="buildkite", command="./build/plugins", repo="plugins",
        tty=False, files={"src/plugins.pas": _PLUGINS_PAS},
        setup="mkdir -p build && fpc -gl -FEbuild src/plugins.pas",
        keys=["Runtime error 216"],
        cause=[has("Runtime error 216")],
    )  # fmt: skip

    # -- Ada
    case(
        name="gnatmake-invalid-operand-types-string-concat-count",
        tool="gnatmake", category="compile", ci="buildkite", command="gnatmake -D obj -o build/inventory src/inventory.adb",
        repo="inventory", tty=False, files={"src/inventory.adb": _INVENTORY_ADB}, setup="mkdir -p obj build",
        keys=['invalid operand types for operator "&"', "compilation error"],
        cause=[has("error: invalid operand types"), has("compilation error")],
    )  # fmt: skip
    case(
        name="gnat-constraint-error-range-check-failed-row-21",
        tool="gnat", category="runtime", ci="travis", command="./build/seats", repo="seats",
        tty=False, files={"src/seats.adb": _SEATS_ADB},
        setup="mkdir -p obj build && gnatmake -q -D obj -o build/seats src/seats.adb",
        keys=["CONSTRAINT_ERROR", "range check failed"],
        cause=[has("raised CONSTRAINT_ERROR")],
    )  # fmt: skip
    case(
        name="gnatmake-gnaty-style-checks-as-errors-spacing-and-casing",
        tool="gnatmake", category="lint", ci="buildkite", command="gnatmake -gnaty -gnatwe -D obj -o build/report src/report.adb",
        repo="report", tty=False, files={"src/report.adb": _REPORT_ADB}, setup="mkdir -p obj build",
        keys=["(style) space required", 'bad casing of "Put_Line"'],
        cause=[has("(style)"), has("compilation error")],
    )  # fmt: skip

    # -- D
    case(
        name="ldc2-unittest-asserterror-double-spaces-in-slug",
        tool="ldc2", category="test", ci="buildkite", label=":d: Unit tests", command="ldc2 -unittest -main -run source/slug.d",
        repo="slugd", tty=False, files={"source/slug.d": _SLUG_D},
        keys=["AssertError@source/slug.d(19)", "1/1 modules FAILED unittests"],
        cause=[has("AssertError@source/slug.d(19)"), has("modules FAILED unittests")],
    )  # fmt: skip

    # -- Common Lisp
    case(
        name="sbcl-script-undefined-function-format-cents",
        tool="sbcl", category="runtime", ci="github", command="sbcl --script scripts/report.lisp", repo="lispreport",
        tty=False, files={"scripts/report.lisp": _REPORT_LISP},
        keys=["The function COMMON-LISP-USER::FORMAT-CENTS is undefined."],
        cause=[has("Unhandled UNDEFINED-FUNCTION"), has("FORMAT-CENTS is undefined"), has("1: (REPORT-LINE"),
               has("2: (PRINT-REPORT")],
    )  # fmt: skip

    # -- Guile
    case(
        name="guile-srfi-64-test-equal-above-upper-bound-fails",
        tool="guile", category="test", ci="buildkite", command="guile --no-auto-compile tests/clamp.scm", repo="clamp",
        tty=False, files={"tests/clamp.scm": _CLAMP_SCM},
        keys=["FAIL above", "# of unexpected failures  1"],
        cause=[has("FAIL above"), has("# of unexpected failures")],
    )  # fmt: skip

    # -- NASM
    case(
        name="nasm-make-symbol-msglen-not-defined",
        tool="nasm", category="compile", ci="travis", command="make", repo="hello", tty=False,
        files={"src/hello.asm": _HELLO_ASM, "Makefile": _ASM_MK}, setup="mkdir -p build",
        keys=["symbol `msglen' not defined"],
        cause=[has("error: symbol `msglen' not defined"), has("make: ***")],
    )  # fmt: skip

    # -- Fortran
    case(
        name="gfortran-rank-mismatch-2d-grid-to-assumed-shape-1d",
        tool="gfortran", category="compile", ci="buildkite", command="gfortran -o build/grid_mean src/grid_mean.f90",
        repo="gridmean", tty=False, files={"src/grid_mean.f90": _MEAN_F90}, setup="mkdir -p build",
        keys=["Rank mismatch in argument"],
        cause=[has("src/grid_mean.f90:16:30:"), has("print *, 'grid: mean', mean(grid)"), has("Error: Rank mismatch")],
    )  # fmt: skip

    # -- meson
    case(
        name="meson-ninja-struct-has-no-member-capacity-after-one-compiled",
        tool="ninja", category="compile", ci="buildkite", command="ninja -C build", repo="ring", tty=False,
        files={"meson.build": _RING_MESON, "src/ring.h": _RING_H, "src/ring.c": _RING_C, "src/stats.c": _STATS_C,
               "src/bench.c": _BENCH_C},
        setup="meson setup build", env={"NINJA_STATUS": "[%f/%t] "},
        keys=["has no member named ‘capacity’", "FAILED: libring.a.p/src_ring.c.o"],
        cause=[has("FAILED: libring.a.p/src_ring.c.o"), has("In function ‘ring_push’"),
               has("error: ‘struct ring’ has no member"), has("% r->capacity;"), has("ninja: build stopped")],
    )  # fmt: skip
    case(
        name="meson-setup-file-src-ring-debug-c-does-not-exist",
        tool="meson", category="config", ci="github", command="meson setup build", repo="ring2", tty=False,
        files={"meson.build": _RING_MESON_MISSING, "src/ring.h": _RING_H, "src/ring.c": _RING_C,
               "src/stats.c": _STATS_C},
        keys=["File src/ring_debug.c does not exist"],
        cause=[has("ERROR: File src/ring_debug.c does not exist")],
    )  # fmt: skip

    # -- autotools
    case(
        name="autoreconf-automake-gnu-strictness-required-files-missing",
        tool="autoreconf", category="config", ci="buildkite", command="autoreconf -i", repo="am-widgets", tty=False,
        files={"configure.ac": _CONFIGURE_AC.replace("(OPTS)", "([-Wall])"), "Makefile.am": _MAKEFILE_AM,
               "src/main.c": _AM_MAIN_C, "tests/t_version.sh": _T_VERSION, "tests/t_parse.sh": _T_PARSE,
               "tests/t_help.sh": _T_HELP, **_OPT_TESTS},
        keys=["required file './NEWS' not found", "automake failed with exit status: 1"],
        cause=[has("error: required file"), has("autoreconf: error: automake failed")],
    )  # fmt: skip
    case(
        name="automake-make-check-one-of-39-fails-verbose-test-suite-log",
        tool="make", category="test", ci="gitlab", command="make check VERBOSE=yes", repo="am-widgets2",
        tty=False,
        files={"configure.ac": _CONFIGURE_AC.replace("(OPTS)", "([foreign -Wall])"), "Makefile.am": _MAKEFILE_AM,
               "src/main.c": _AM_MAIN_C, "tests/t_version.sh": _T_VERSION, "tests/t_parse.sh": _T_PARSE,
               "tests/t_help.sh": _T_HELP, **_OPT_TESTS},
        setup="autoreconf -i && ./configure",
        keys=["FAIL: tests/t_parse.sh", "# FAIL:  1"],
        cause=[has("FAIL: tests/t_parse.sh"), has("parse: got 'size=12mm'"), has("FAIL tests/t_parse.sh (exit status"),
               last("# FAIL:  1"), has("*** [Makefile")],
    )  # fmt: skip

    # -- bats
    case(
        name="bats-test-timeout-api-health-loop-never-ends",
        tool="bats", category="timeout", ci="buildkite", label=":bats: Smoke", command="bats test/smoke.bats",
        repo="smoke", tty=False, files={"test/smoke.bats": _HEALTH_BATS, "config/api.conf": "port = 8080\n"},
        env={"BATS_TEST_TIMEOUT": "5"},
        keys=["not ok 2 api becomes healthy # timeout after 5s"],
        cause=[has("not ok 2 api becomes healthy"), has("(in test file test/smoke.bats, line 12)"),
               has("failed due to timeout")],
    )  # fmt: skip
