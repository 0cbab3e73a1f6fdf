"""Native and other-language cases for the eleventh held-out corpus (gcc/g++ 12, cmake 3.25 + ctest,
GNU make, OpenJDK 17, terraform, GHC 9.0, Elixir 1.14, Nim 1.6, R 4.2, OCaml 4.13; all from this
machine, nothing downloaded)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- cmake + ctest --output-on-failure: two of five tests fail (one exits 1, one aborts)
_CT_CMAKE = """\
cmake_minimum_required(VERSION 3.20)
project(ringbuf C)
enable_testing()
add_library(ringbuf src/ringbuf.c)
target_include_directories(ringbuf PUBLIC src)
foreach(t push pop wrap full stats)
  add_executable(test_${t} tests/test_${t}.c)
  target_link_libraries(test_${t} ringbuf)
  add_test(NAME ${t} COMMAND test_${t})
endforeach()
"""
_CT_H = """\
#pragma once
#include <stddef.h>
typedef struct { int buf[8]; size_t head, len; } ring;
void ring_init(ring *r);
int ring_push(ring *r, int v);
int ring_pop(ring *r, int *out);
size_t ring_len(const ring *r);
"""
_CT_C = """\
#include "ringbuf.h"
void ring_init(ring *r) { r->head = 0; r->len = 0; }
int ring_push(ring *r, int v) {
    if (r->len == 8) return -1;
    r->buf[(r->head + r->len) % 8] = v;
    r->len++;
    return 0;
}
int ring_pop(ring *r, int *out) {
    if (r->len == 0) return -1;
    *out = r->buf[r->head];
    r->head = (r->head + 1) % 7;
    r->len--;
    return 0;
}
size_t ring_len(const ring *r) { return r->len; }
"""
_CT_TESTS = {
    "push": '#include "ringbuf.h"\nint main(void){ring r;ring_init(&r);return ring_push(&r,1)!=0;}\n',
    "pop": '#include "ringbuf.h"\nint main(void){ring r;int v;ring_init(&r);ring_push(&r,4);ring_pop(&r,&v);return v!=4;}\n',
    "wrap": """\
#include <stdio.h>
#include "ringbuf.h"
int main(void) {
    ring r; int v;
    ring_init(&r);
    for (int i = 0; i < 8; i++) ring_push(&r, i);
    for (int i = 0; i < 8; i++) { ring_pop(&r, &v); }
    for (int i = 100; i < 108; i++) ring_push(&r, i);
    for (int i = 100; i < 108; i++) {
        ring_pop(&r, &v);
        if (v != i) { fprintf(stderr, "wrap: popped %d, expected %d\\n", v, i); return 1; }
    }
    puts("wrap ok");
    return 0;
}
""",
    "full": """\
#include <assert.h>
#include "ringbuf.h"
int main(void) {
    ring r;
    ring_init(&r);
    for (int i = 0; i < 8; i++) ring_push(&r, i);
    int v;
    for (int i = 0; i < 8; i++) {
        ring_pop(&r, &v);
        assert(v == i && "pop order after a full ring");
    }
    return 0;
}
""",
    "stats": '#include "ringbuf.h"\nint main(void){ring r;ring_init(&r);return ring_len(&r)!=0;}\n',
}

# --- cmake: add_subdirectory of a directory that has no CMakeLists.txt
_AS_CMAKE = """\
cmake_minimum_required(VERSION 3.20)
project(telemetry CXX)
set(CMAKE_CXX_STANDARD 17)
add_subdirectory(libs/proto)
add_subdirectory(libs/codec)
add_executable(telemetry src/main.cpp)
"""

# --- g++: copying a vector of unique_ptr
_UP_CPP = """\
#include <memory>
#include <string>
#include <vector>

struct Job {
    std::string name;
    int priority;
};

class Scheduler {
public:
    void add(std::unique_ptr<Job> j) { jobs_.push_back(std::move(j)); }
    std::vector<std::unique_ptr<Job>> snapshot() const { return jobs_; }
private:
    std::vector<std::unique_ptr<Job>> jobs_;
};

int main() {
    Scheduler s;
    s.add(std::make_unique<Job>(Job{"backup", 1}));
    auto copy = s.snapshot();
    return copy.size() == 1 ? 0 : 1;
}
"""
_UP_UTIL = """\
#include <string>
std::string pad(const std::string &s, std::size_t n) { return s.size() >= n ? s : s + std::string(n - s.size(), ' '); }
"""
_UP_MAKE = """\
CXX ?= g++
CXXFLAGS ?= -std=c++17 -O1 -Wall -Wextra

OBJS = build/util.o build/scheduler.o

all: build/scheduler

build/%.o: src/%.cpp
\t@mkdir -p build
\t$(CXX) $(CXXFLAGS) -c $< -o $@

build/scheduler: $(OBJS)
\t$(CXX) $(OBJS) -o $@
"""

# --- glibc fortify: strcpy into a 16-byte buffer
_FO_C = """\
#include <stdio.h>
#include <string.h>

struct tag { char label[16]; int id; };

int main(int argc, char **argv) {
    struct tag t = {.id = 1};
    for (int i = 1; i < argc; i++) {
        printf("tagging release with %s\\n", argv[i]);
        strcpy(t.label, argv[i]);
        printf("  tag %d = %s\\n", t.id++, t.label);
    }
    return 0;
}
"""
_FO_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
gcc -O2 -D_FORTIFY_SOURCE=2 -o build/tagger src/tagger.c
echo "built build/tagger"
./build/tagger v5.2.0 stable "release-candidate-2026-11-27-nightly"
echo "tags written"
"""

# --- java: PORT from the environment has a trailing space
_JV_MAIN = """\
package app;

import java.util.Map;

public class Server {
    static int port(Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault("PORT", "8080"));
    }

    public static void main(String[] args) {
        System.out.println("[boot] loading configuration");
        System.out.println("[boot] profile=" + System.getenv().getOrDefault("APP_PROFILE", "default"));
        Config cfg = new Config(port(System.getenv()), System.getenv().getOrDefault("DB_HOST", "localhost"));
        System.out.println("[boot] listening on " + cfg.port());
    }
}

record Config(int port, String dbHost) {}
"""
_JV_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
javac -d build src/app/Server.java
echo "compiled; starting smoke test"
java -cp build app.Server
"""

# --- terraform plan: two variable validation rules fail
_TF_MAIN = """\
terraform {
  required_version = ">= 1.3"
}

variable "environment" {
  type = string
  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "The environment must be \\"staging\\" or \\"production\\"."
  }
}

variable "replicas" {
  type = number
  validation {
    condition     = var.replicas >= 2 && var.replicas <= 10
    error_message = "The replicas value must be between 2 and 10."
  }
}

locals {
  name = "checkout-${var.environment}"
}

output "name" {
  value = local.name
}

output "replicas" {
  value = var.replicas
}
"""

# --- GHC: two type errors in one module
_HS_MAIN = """\
module Main (main) where

import qualified Data.Map.Strict as M

data Item = Item { sku :: String, qty :: Int }

stock :: [Item] -> M.Map String Int
stock = M.fromListWith (+) . map (\\i -> (sku i, qty i))

reorder :: Int -> M.Map String Int -> [String]
reorder threshold = M.keys . M.filter (< threshold)

main :: IO ()
main = do
  let items = [Item "A-1" 3, Item "B-2" "12", Item "A-1" 4]
  mapM_ putStrLn (reorder "5" (stock items))
  print (M.size (stock items))
"""

# --- Elixir script: FunctionClauseError
_EX_SCRIPT = """\
defmodule Tally do
  def add(%{count: c} = acc, n) when is_integer(n), do: %{acc | count: c + n}

  def load(lines) do
    Enum.reduce(lines, %{count: 0}, fn line, acc ->
      [_sku, qty] = String.split(line, ",")
      add(acc, qty)
    end)
  end
end

IO.puts("reading inventory.csv")
lines = File.read!("inventory.csv") |> String.split("\\n", trim: true) |> tl()
IO.puts("#{length(lines)} rows")
IO.inspect(Tally.load(lines))
"""

# --- Nim: IndexDefect at runtime
_NIM_SRC = """\
import strutils

proc quarterTotals(values: seq[int]): seq[int] =
  result = newSeq[int](4)
  for i, v in values:
    result[i div 3] += v

let monthly = "120,90,130,110,95,105,140,150,120,100,90,80,70".split(',')
var values: seq[int]
for m in monthly: values.add parseInt(m)
echo "months: ", values.len
let q = quarterTotals(values)
echo "quarters: ", q
"""

# --- Rscript: stop() inside a validation function, warnings as noise
_R_SCRIPT = """\
validate <- function(df) {
  missing <- sum(is.na(df$region) | df$region == "")
  if (missing > 0) stop(sprintf("column 'region' has %d missing values", missing))
  df
}

summarise_sales <- function(df) {
  aggregate(amount ~ region, data = df, FUN = sum)
}

main <- function() {
  df <- read.csv("data/sales.csv", stringsAsFactors = FALSE)
  df$amount <- as.numeric(df$amount)
  cat("rows:", nrow(df), "\\n")
  df <- validate(df)
  print(summarise_sales(df))
}

main()
"""
_R_CSV = "region,amount\n" + "".join(
    f"{r},{a}\n" for r, a in [("north", 10), ("south", 12), ("", 9), ("east", "n/a"), ("", 4), ("west", 7)]
).replace(",\n", ",\n")

# --- OCaml: make -k, two modules each with an error
_ML_MAKE = """\
OCAMLC ?= ocamlc
SRC = src/money.ml src/report.ml src/main.ml

all: $(SRC:.ml=.cmo)

src/%.cmo: src/%.ml
\t$(OCAMLC) -I src -c $<

src/main.cmo: src/money.cmo src/report.cmo
"""
_ML_MONEY = """\
let cents_of_string s = int_of_float (float_of_string s *. 100.)
let total xs = List.sumx xs
let format c = Printf.sprintf "%d.%02d" (c / 100) (c mod 100)
"""
_ML_REPORT = """\
let line name cents = name ^ ": " ^ string_of_int cents ^ 'p'
let header = "report"
"""
_ML_MAIN = """\
let () = print_endline "ok"
"""


def register(case):
    case(
        name="ctest-output-on-failure-wrap-fails-full-aborts",
        tool="ctest",
        category="test",
        label=":cmake: Build and test",
        repo="ringbuf",
        tty=False,
        command="cmake -S . -B build && cmake --build build && ctest --test-dir build --output-on-failure",
        files={"CMakeLists.txt": _CT_CMAKE, "src/ringbuf.h": _CT_H, "src/ringbuf.c": _CT_C,
               **{f"tests/test_{k}.c": v for k, v in _CT_TESTS.items()}},
        keys=["wrap: popped 107, expected 106", "Subprocess aborted", "60% tests passed, 2 tests failed out of 5"],
        cause=[has(r"Test\s+#\d+: (wrap|full) \.+.*(Failed|Subprocess aborted)", rx=True), has("wrap: popped"),
               has("Assertion `v == i"), has("tests failed out of 5"), has(r"^\s+\d+ - (wrap|full) \(", rx=True)],
        exit_status=8,
    )
    case(
        name="cmake-add-subdirectory-no-cmakelists-codec",
        tool="cmake",
        category="config",
        ci="github",
        repo="telemetry",
        tty=False,
        command="cmake -S . -B build",
        files={"CMakeLists.txt": _AS_CMAKE, "libs/proto/CMakeLists.txt": "add_library(proto INTERFACE)\n",
               "libs/codec/codec.cpp": "int codec() { return 0; }\n", "src/main.cpp": "int main() {}\n"},
        keys=["CMake Error at CMakeLists.txt:5 (add_subdirectory)", "libs/codec", "does not contain a CMakeLists.txt file"],
        cause=[has("CMake Error at CMakeLists.txt:5 (add_subdirectory)"), has("The source directory"),
               has(r"^\s+/\S+/libs/codec$", rx=True), has("does not contain a CMakeLists.txt file"),
               has("Configuring incomplete, errors occurred!")],
        exit_status=1,
    )
    case(
        name="gxx-vector-unique-ptr-copy-static-assertion",
        tool="g++",
        category="compile",
        ci="travis",
        repo="scheduler",
        tty=False,
        command="make",
        files={"Makefile": _UP_MAKE, "src/scheduler.cpp": _UP_CPP, "src/util.cpp": _UP_UTIL},
        keys=["static assertion failed: result type must be constructible from input type",
              "src/scheduler.cpp:13:65:   required from here", "unique_ptr<Job>"],
        cause=[span("In instantiation of", "static_assert(is_constructible"),
               has(r"make: \*\*\* \[Makefile:\d+: build/scheduler\.o\]", rx=True)],
        exit_status=2,
    )
    case(
        name="c-fortify-buffer-overflow-detected-abort-134",
        tool="gcc",
        category="crash",
        label=":c: Tag release",
        repo="tagger",
        tty=False,
        command="./ci/tag.sh",
        files={"ci/tag.sh": _FO_SCRIPT, "src/tagger.c": _FO_C},
        keys=["*** buffer overflow detected ***: terminated", "Aborted"],
        cause=[has("*** buffer overflow detected ***"), has("Aborted")],
        exit_status=134,
    )
    case(
        name="java-numberformatexception-port-trailing-space",
        tool="java",
        category="config",
        ci="gitlab",
        repo="checkout-api",
        tty=False,
        command="./ci/smoke.sh",
        files={"ci/smoke.sh": _JV_SCRIPT, "src/app/Server.java": _JV_MAIN},
        env={"PORT": "8080 ", "APP_PROFILE": "ci"},
        keys=['java.lang.NumberFormatException: For input string: "8080 "', "app.Server.port(Server.java:7)"],
        cause=[has('Exception in thread "main" java.lang.NumberFormatException'), has("at app.Server.port(Server.java:7)"),
               has("at app.Server.main(Server.java:13)")],
        exit_status=1,
    )
    case(
        name="terraform-plan-two-variable-validations-fail",
        tool="terraform",
        category="config",
        ci="gitlab",
        repo="checkout-infra",
        tty=False,
        command="terraform plan -input=false -var environment=prod -var replicas=1",
        setup="terraform init -input=false -no-color",
        files={"main.tf": _TF_MAIN},
        keys=["Invalid value for variable", 'The environment must be "staging" or "production".',
              "The replicas value must be between 2 and 10."],
        cause=[has("Error: Invalid value for variable"), has("The environment must be"),
               has("The replicas value must be"), has(r"var\.(environment|replicas) (is|as) ", rx=True),
               has("This was checked by the validation rule at main.tf"), has(r"on main\.tf line \d+:", rx=True),
               has("Planning failed.")],
        exit_status=1,
    )
    case(
        name="ghc-make-two-type-errors-string-for-int",
        tool="ghc",
        category="compile",
        label=":haskell: Build",
        repo="stockcheck",
        tty=False,
        command="ghc --make -outputdir build -o stockcheck src/Main.hs",
        files={"src/Main.hs": _HS_MAIN},
        keys=["src/Main.hs:15:41: error:", "src/Main.hs:16:27: error:", "Couldn't match type ‘[Char]’ with ‘Int’"],
        cause=[has(r"src/Main\.hs:\d+:\d+: error:", rx=True), has(r"Couldn't match (type|expected type)", rx=True),
               has(r"^\s+(Expected: Int|Actual: String)$", rx=True), has('Item "B-2" "12"'), has('reorder "5"')],
        exit_status=1,
    )
    case(
        name="elixir-script-functionclauseerror-string-qty",
        tool="elixir",
        category="runtime",
        ci="travis",
        repo="inventory-tools",
        tty=False,
        command="elixir scripts/tally.exs",
        files={"scripts/tally.exs": _EX_SCRIPT, "inventory.csv": "sku,qty\nA-1,3\nB-2,5\nC-3,7\n"},
        keys=["FunctionClauseError", "no function clause matching in Tally.add/2"],
        cause=[has("(FunctionClauseError) no function clause matching in Tally.add/2"),
               has("The following arguments were given to Tally.add/2"), has(r'^\s+"3"$', rx=True),
               has("scripts/tally.exs:")],
        exit_status=1,
    )
    case(
        name="nim-c-r-indexdefect-quarter-overflow",
        tool="nim",
        category="runtime",
        label=":crown: Report",
        repo="quarterly",
        tty=False,
        command="nim c -r --hints:off src/report.nim",
        files={"src/report.nim": _NIM_SRC},
        keys=["index 4 not in 0 .. 3 [IndexDefect]"],
        cause=[has("[IndexDefect]"), has("report.nim(6) quarterTotals"), has("report.nim(12) report"),
               has("Error: execution of an external program failed")],
        exit_status=1,
    )
    case(
        name="rscript-stop-in-validate-with-coercion-warning",
        tool="rscript",
        category="runtime",
        ci="github",
        repo="sales-report",
        tty=False,
        command="Rscript R/report.R",
        files={"R/report.R": _R_SCRIPT, "data/sales.csv": _R_CSV},
        keys=["Error in validate(df) : column 'region' has 2 missing values", "Calls: main -> validate"],
        cause=[has("Error in validate(df)"), has("Calls: main -> validate"), has("Execution halted")],
        exit_status=1,
    )
    case(
        name="ocamlc-make-k-unbound-value-and-string-concat",
        tool="ocaml",
        category="compile",
        label=":camel: Build",
        repo="ledger-ml",
        tty=False,
        command="make -k",
        files={"Makefile": _ML_MAKE, "src/money.ml": _ML_MONEY, "src/report.ml": _ML_REPORT, "src/main.ml": _ML_MAIN},
        keys=["Unbound value List.sumx", 'File "src/money.ml", line 2', 'File "src/report.ml", line 1'],
        cause=[has(r'^File "src/(money|report)\.ml", line \d+', rx=True), has(r"^Error: ", rx=True),
               has("let total xs = List.sumx xs"), has("let line name cents = name ^"),
               has(r"make: \*\*\* \[Makefile:\d+: src/(money|report)\.cmo\]", rx=True), has(r"^\s+string$", rx=True),
               has("make: Target 'all' not remade because of errors.")],
        exit_status=2,
    )
