"""C, CMake, Fortran, R, Haskell and git cases for the tenth held-out corpus (gcc/gfortran 12,
cmake 3.25, GNU make, R 4.2, GHC 9.0, git 2.39; all from Debian)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_MJ_MAKE = """\
CC = gcc
CFLAGS = -Wall -O2 -Iinclude
SRCS = $(wildcard src/*.c)
OBJS = $(patsubst src/%.c,build/%.o,$(SRCS))

all: build/imgtool

build/imgtool: $(OBJS)
\t$(CC) -o $@ $^

build/%.o: src/%.c | build
\t$(CC) $(CFLAGS) -c $< -o $@

build:
\tmkdir -p build
"""
_MJ_H = "#pragma once\nint resize(int w, int h, int scale);\nint blur(int radius);\nint crop(int x, int y);\nint rotate(int deg);\nint sharpen(int amount);\n"
_MJ_FILES = {
    "src/main.c": '#include <stdio.h>\n#include "img.h"\nint main(void) { printf("%d\\n", resize(1, 2, 3) + blur(2) + crop(1, 1) + rotate(90) + sharpen(3)); return 0; }\n',
    "src/resize.c": '#include "img.h"\nint resize(int w, int h, int scale) {\n    int unused;\n    return w * h * scale;\n}\n',
    "src/blur.c": '#include "img.h"\nint blur(int radius) {\n    int k = radius * 2 + 1\n    return k * k;\n}\n',
    "src/crop.c": '#include "img.h"\nint crop(int x, int y) {\n    return x + y;\n}\n',
    "src/rotate.c": '#include "img.h"\nint rotate(int deg) {\n    return normalise(deg) / 90;\n}\n',
    "src/sharpen.c": '#include "img.h"\nint sharpen(int amount) {\n    unsigned u = amount;\n    if (u < 0) return 0;\n    return amount * 3;\n}\n',
}

_LM_MAKE = """\
CFLAGS = -Wall -O0

stats: stats.o main.o
\tgcc -o stats stats.o main.o

%.o: %.c
\tgcc $(CFLAGS) -c $<
"""
_LM_STATS = """\
#include <math.h>

double stddev(const double *xs, int n) {
    double mean = 0, acc = 0;
    for (int i = 0; i < n; i++) mean += xs[i];
    mean /= n;
    for (int i = 0; i < n; i++) acc += pow(xs[i] - mean, 2.0);
    return sqrt(acc / n);
}
"""
_LM_MAIN = """\
#include <stdio.h>
double stddev(const double *xs, int n);
int main(int argc, char **argv) {
    double xs[] = {1.0, 2.0, 4.0, (double)argc};
    printf("%f\\n", stddev(xs, 4));
    return 0;
}
"""

_CM_LISTS = """\
cmake_minimum_required(VERSION 3.28)
project(geo LANGUAGES C)
add_library(geo src/geo.c)
"""

_FS_SRC = """\
program tally
  implicit none
  real, pointer :: weights(:) => null()
  integer :: i
  real :: total
  print *, 'loading 1200 rows'
  total = 0.0
  do i = 1, 1200
    total = total + real(i) * 0.5
  end do
  print *, 'sum of rows', total
  weights(1) = 1.0
  print *, 'weighted', total * weights(1)
end program tally
"""
_FS_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
gfortran -g -o build/tally src/tally.f90
echo "running build/tally"
./build/tally
"""

_R_SCRIPT = """\
suppressWarnings(suppressMessages(library(stats)))

load_month <- function(month) {
  path <- file.path("data", paste0(month, ".csv"))
  read.csv(path, stringsAsFactors = FALSE)
}

main <- function() {
  months <- c("2026-09", "2026-10", "2026-11")
  totals <- vapply(months, function(m) {
    df <- load_month(m)
    cat(sprintf("%s: %d rows\\n", m, nrow(df)))
    sum(df$amount)
  }, numeric(1))
  print(totals)
}

main()
"""
_R_CSV = "id,amount\n1,10.5\n2,3.25\n3,7\n"

_HS_SRC = """\
import Data.List (sortOn)

data Release = Release { tag :: String, stable :: Bool } deriving Show

releases :: [Release]
releases = [Release "v2.0.0-rc1" False, Release "v2.0.0-rc2" False, Release "v1.9.3" True]

latestStable :: [Release] -> Release
latestStable rs = head (sortOn tag [r | r <- rs, stable r, tag r > "v2"])

main :: IO ()
main = do
  putStrLn ("releases: " ++ show (length releases))
  putStrLn ("latest stable: " ++ tag (latestStable releases))
"""

_GF_SERVER = """\
import http.server
import sys


class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
        self.send_response(502)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *a):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""
_GF_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- fetching vendored protos"
git -c init.defaultBranch=main init -q vendor/protos
cd vendor/protos
git remote add origin http://127.0.0.1:18622/acme/protos.git
git fetch --depth 1 origin v3.2.0
git checkout -q FETCH_HEAD
"""


def register(case):
    case(
        name="make-j4-error-then-waiting-for-unfinished-jobs",
        tool="make",
        category="compile",
        label=":c: Build imgtool",
        repo="imgtool",
        tty=False,
        command="make -j4",
        files={"Makefile": _MJ_MAKE, "include/img.h": _MJ_H, **_MJ_FILES},
        keys=["src/blur.c:4:5: error: expected ‘,’ or ‘;’ before ‘return’",
              "make: *** [Makefile:12: build/blur.o] Error 1"],
        cause=[has("src/blur.c: In function"), has(": error:"), has("    4 |     return k * k;"),
               has("int k = radius * 2 + 1"), has("make: *** [Makefile:12")],
        exit_status=2,
    )
    case(
        name="gcc-link-undefined-reference-libm",
        tool="ld",
        category="compile",
        ci="travis",
        repo="stats",
        tty=False,
        command="make",
        files={"Makefile": _LM_MAKE, "stats.c": _LM_STATS, "main.c": _LM_MAIN},
        keys=["undefined reference to `pow'", "undefined reference to `sqrt'", "ld returned 1 exit status"],
        cause=[has("undefined reference to"), has("in function `stddev'"), has("collect2: error: ld returned 1"),
               has("make: *** [Makefile:")],
        exit_status=2,
    )
    case(
        name="cmake-minimum-required-newer-than-installed",
        tool="cmake",
        category="config",
        ci="github",
        repo="geo",
        tty=False,
        command="cmake -S . -B build",
        files={"CMakeLists.txt": _CM_LISTS, "src/geo.c": "int geo(void) { return 1; }\n"},
        keys=["CMake 3.28 or higher is required.  You are running version 3.25.1", "CMakeLists.txt:1"],
        cause=[has("CMake Error at CMakeLists.txt:1"), has("CMake 3.28 or higher is required")],
        exit_status=1,
    )
    case(
        name="gfortran-null-pointer-sigsegv-backtrace-139",
        tool="gfortran",
        category="crash",
        label=":fortran: Tally",
        repo="tally",
        tty=False,
        command="./ci/run.sh",
        files={"src/tally.f90": _FS_SRC, "ci/run.sh": _FS_SCRIPT},
        keys=["Program received signal SIGSEGV: Segmentation fault - invalid memory reference.",
              "tally.f90:12", "Segmentation fault"],
        cause=[has("Program received signal SIGSEGV"), has("tally.f90:12"), has(" in tally"), has(r"Segmentation fault\s+\(core dumped\)|line \d+: +\d+ Segmentation fault", rx=True)],
        exit_status=139,
    )
    case(
        name="rscript-read-csv-cannot-open-third-month",
        tool="rscript",
        category="runtime",
        ci="gitlab",
        repo="finance-report",
        tty=False,
        command="Rscript R/monthly.R",
        files={"R/monthly.R": _R_SCRIPT, "data/2026-09.csv": _R_CSV, "data/2026-10.csv": _R_CSV},
        keys=["cannot open file 'data/2026-11.csv': No such file or directory", "cannot open the connection",
              "Execution halted"],
        cause=[has("Error in file(file, \"rt\")"), has("Calls: main"), has("cannot open file 'data/2026-11.csv'"),
               has("Execution halted")],
        exit_status=1,
    )
    case(
        name="ghc-runghc-prelude-head-empty-list",
        tool="ghc",
        category="runtime",
        ci="github",
        repo="release-notes",
        tty=False,
        command="runghc scripts/Latest.hs",
        files={"scripts/Latest.hs": _HS_SRC},
        keys=["Prelude.head: empty list"],
        cause=[has("Prelude.head: empty list")],
        exit_status=1,
    )
    case(
        name="git-fetch-http-502-vendored-protos",
        tool="git",
        category="infrastructure",
        label=":git: Vendor protos",
        repo="gateway",
        tty=False,
        command="./ci/vendor-protos.sh",
        run="python3 .ci/mirror.py 18622 >/dev/null 2>&1 & sleep 1; ./ci/vendor-protos.sh; rc=$?; kill %1; exit $rc",
        files={"ci/vendor-protos.sh": _GF_SCRIPT, ".ci/mirror.py": _GF_SERVER},
        keys=["The requested URL returned error: 502", "http://127.0.0.1:18622/acme/protos.git/"],
        cause=[has("The requested URL returned error: 502")],
        exit_status=128,
    )
