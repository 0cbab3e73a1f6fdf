"""Cases for the twenty-seventh held-out corpus, part B: gcc/g++ 12 with make, cmake/ctest and
AddressSanitizer, valgrind, Perl 5.36 with prove, Tcl 8.6, Erlang/OTP 25 (erlc, escript), psql and
pg_restore against PostgreSQL 15, sqlite3, redis-cli and redis-server, terraform."""

from holdout_cases import after, first, has, last, span  # noqa: F401

PG = {"PGHOST": "127.0.0.1", "PGUSER": "postgres", "PGPORT": "5432"}


def _pgdb(name: str) -> str:
    return (f"psql -d postgres -qc 'DROP DATABASE IF EXISTS {name} WITH (FORCE)' && "
            f"psql -d postgres -qc 'CREATE DATABASE {name}'")  # fmt: skip


# -- C / C++ ------------------------------------------------------------------------------------

_NARROW_CPP = '''#include <cstdio>

struct Line {
    int qty;
    int cents;
};

Line make_line(double price, int qty) {
    Line l{qty, price * 100};
    return l;
}

int main() {
    Line l = make_line(9.99, 3);
    std::printf("%d x %d\\n", l.qty, l.cents);
}
'''
_NARROW_MK = "CXXFLAGS = -std=c++17 -O2 -Wall -Werror\n\nall: cart\n\ncart: cart.o\n\t$(CXX) -o $@ $^\n"

_WORD_H = '''#ifndef BITS_H
#define BITS_H

#if WORD_SIZE != 32 && WORD_SIZE != 64
#error "WORD_SIZE must be 32 or 64 (set it in config.mk)"
#endif

typedef unsigned long word_t;

#endif
'''
_WORD_C = '#include "bits.h"\n\nint popcount(word_t w) { return __builtin_popcountl(w); }\n'
_WORD_MK = ("include config.mk\nCFLAGS = -O2 -Wall -DWORD_SIZE=$(WORD_SIZE)\nOBJS = src/util.o src/bits.o\n\n"
            "libbits.a: $(OBJS)\n\tar rcs $@ $^\n\nsrc/%.o: src/%.c\n\t$(CC) $(CFLAGS) -Isrc -c -o $@ $<\n")

_PARSE_C = '''#include <string.h>

int parse_header(const char *buf, char *name, int n) {
    const char *colon = strchr(buf, ':');
    if (!colon || colon - buf >= n) return -1;
    memcpy(name, buf, colon - buf);
    name[colon - buf] = 0;
    return 0;
}
'''
_PARSE_MK = "CFLAGS = -O2 -fPIC -Wall\n\nlibparse.so: parse.c\n\t$(CC) $(CFLAGS) -o $@ $<\n"

_ASAN_CMAKE = '''cmake_minimum_required(VERSION 3.20)
project(codes C)
enable_testing()
add_compile_options(-fsanitize=address -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=address)
add_library(codes src/codes.c)
foreach(t test_lookup test_names test_count)
  add_executable(${t} tests/${t}.c)
  target_link_libraries(${t} codes)
  add_test(NAME ${t} COMMAND ${t})
endforeach()
'''
_ASAN_SRC = '''static const char *NAMES[] = {"OK", "CREATED", "ACCEPTED", "NO_CONTENT"};
static const int CODES[] = {200, 201, 202, 204};

int code_count(void) { return 4; }

const char *code_name(int code) {
    int i = 0;
    while (CODES[i] != code) i++;
    return NAMES[i];
}
'''
_ASAN_TESTS = {
    "test_lookup": 'int main(void) { return code_name(202)[0] == \'A\' ? 0 : 1; }\n',
    "test_names": 'int main(void) { return code_name(418)[0] == \'I\' ? 0 : 1; }\n',
    "test_count": 'int main(void) { return code_count() == 4 ? 0 : 1; }\n',
}
_ASAN_HDR = "const char *code_name(int code);\nint code_count(void);\n"

_MISMATCH_CPP = '''#include <cstdio>
#include <cstring>

struct Entry {
    char key[16];
    int hits;
};

int main() {
    Entry *table = new Entry[4];
    std::strcpy(table[0].key, "home");
    table[0].hits = 3;
    std::printf("cache: %s=%d\\n", table[0].key, table[0].hits);
    delete table;
    std::printf("cache: freed\\n");
    return 0;
}
'''

_NOTRUN_CMAKE = '''cmake_minimum_required(VERSION 3.20)
project(parser C)
enable_testing()
add_executable(parser_test tests/parser_test.c)
add_executable(lexer_test tests/lexer_test.c)
add_test(NAME lexer COMMAND lexer_test)
add_test(NAME parser COMMAND parser_tests)
'''

_LINKLIB_CMAKE = '''cmake_minimum_required(VERSION 3.20)
project(player CXX)
add_subdirectory(src)
target_link_libraries(player_app PRIVATE m)
'''

_FPE_C = '''#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    FILE *f = fopen(argv[1], "r");
    int total = 0, rows = 0, v;
    while (fscanf(f, "%d", &v) == 1) {
        if (v >= 0) { total += v; }
        rows += v >= 0;
    }
    printf("stats: %d rows read from %s\\n", rows, argv[1]);
    fflush(stdout);
    printf("stats: mean %d\\n", total / rows);
    return 0;
}
'''
_FPE_SH = '''#!/usr/bin/env bash
set -u
echo "--- building stats"
gcc -O0 -o build/stats src/stats.c
echo "--- computing latency stats"
./build/stats data/latency.txt
status=$?
echo "stats: failed with status $status"
exit $status
'''

# -- Perl ---------------------------------------------------------------------------------------

_PRICE_PL = '''use strict;
use warnings FATAL => 'all';

my $total = 0;
open my $fh, '<', 'data/prices.csv' or die "prices: $!";
<$fh>;
while (my $line = <$fh>) {
    chomp $line;
    my ($sku, $price) = split /,/, $line;
    print "prices: $sku\\n";
    $total += $price;
}
printf "prices: total %.2f\\n", $total;
'''
_PRICES_CSV = "sku,price\nA-100,9.99\nA-200,14.50\nB-300,1 299.00\nC-400,3.25\n"

_PRORATE_T = '''use strict;
use warnings;
use Test::More tests => 6;
use lib 'lib';
use Billing;

is(Billing::prorate(3000, 30, 30), 3000, 'full month');
is(Billing::prorate(3000, 15, 30), 1500, 'half month');
is(Billing::prorate(3100, 1, 31), 100, 'one day of 31');
is(Billing::prorate(2800, 0, 28), 0, 'zero days');
is(Billing::prorate(0, 10, 0), 0, 'empty period');
is(Billing::prorate(2900, 29, 29), 2900, 'leap february');
'''
_BILLING_PM = '''package Billing;
use strict;
use warnings;

sub prorate {
    my ($amount, $days, $period) = @_;
    return 0 if $days == 0;
    return int($amount * $days / $period + 0.5);
}

1;
'''
_NAMES_T = '''use strict;
use warnings;
use Test::More tests => 2;

ok(1, 'loads');
ok(1, 'names');
'''

_STRICT_PL = '''#!/usr/bin/perl
use strict;
use warnings;

my %totals;
my @rows = (['eu', 3], ['us', 5], ['eu', 2]);
for my $row (@rows) {
    my ($region, $n) = @$row;
    $totals{$region} += $n;
    $grand_total += $n;
}
foreach my $r (sort keys %totals) {
    printf "%s %d (%.0f%%)\\n", $r, $totals{$r}, 100 * $totals{$r} / $grand_total;
}
print "regions: ", scalar(keys %total), "\\n";
'''

# -- Tcl ----------------------------------------------------------------------------------------

_ROW_TCL = '''proc render_row {name qty price} {
    return [format "%-12s %4d %8.2f" $name $qty $price]
}

proc render_table {rows} {
    set out {}
    foreach row $rows {
        lassign $row name qty price
        lappend out [render_row $name $qty]
    }
    return [join $out \\n]
}

puts "report: rendering 3 rows"
puts [render_table {{widget 3 9.99} {gadget 1 24.50} {gizmo 7 3.10}}]
'''

# -- Erlang -------------------------------------------------------------------------------------

_DUR_ESCRIPT = '''#!/usr/bin/env escript
-mode(compile).

parse_duration(<<"">>) -> 0;
parse_duration(Bin) ->
    {N, Unit} = string:to_integer(Bin),
    N * unit(Unit).

unit(<<"s">>) -> 1;
unit(<<"m">>) -> 60;
unit(<<"h">>) -> 3600.

main(_) ->
    Cfg = [{<<"lease">>, <<"30s">>}, {<<"ttl">>, <<"2h">>}, {<<"grace">>, <<"5min">>}],
    lists:foreach(fun({K, V}) ->
        io:format("config: ~s = ~p seconds~n", [K, parse_duration(V)])
    end, Cfg).
'''

_WAE_ERL = '''-module(ledger).
-export([balance/1]).

balance(Entries) ->
    Fee = 25,
    lists:foldl(fun({_Id, Amount}, Acc) -> Acc + Amount end, 0, Entries).

round_cents(X) ->
    round(X * 100) / 100.
'''

# -- databases / infra --------------------------------------------------------------------------

_COLUMN_SQL = '''CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, created_at timestamptz DEFAULT now());
INSERT INTO users (email) VALUES ('a@acme.test'), ('b@acme.test'), ('c@acme.test');
CREATE INDEX users_created_at ON users (created_at);
SELECT count(*) AS users FROM users;
CREATE VIEW recent_signups AS
  SELECT id, emial, created_at
  FROM users
  WHERE created_at > now() - interval '7 days';
CREATE TABLE audit (id serial PRIMARY KEY, user_id int REFERENCES users(id));
'''

_REDIS_SEED = '''#!/usr/bin/env bash
set -e
R="redis-cli -e -n 9"
$R DEL ci26:flags ci26:cart:1042 >/dev/null
$R RPUSH ci26:flags beta-checkout new-search >/dev/null
echo "seed: flags loaded: $($R LLEN ci26:flags)"
$R HSET ci26:cart:1042 sku A-100 qty 2 >/dev/null
echo "seed: cart 1042 ready"
echo "seed: enabling dark-mode flag"
$R SADD ci26:flags dark-mode
echo "seed: done"
'''

_REPLICA_SEED = '''#!/usr/bin/env bash
set -e
echo "seed: redis at 127.0.0.1:${REDIS_PORT}"
redis-cli -p "$REDIS_PORT" PING
redis-cli -p "$REDIS_PORT" INFO replication | grep -E '^(role|master_link_status):'
for k in plans:free plans:pro plans:team; do
  echo "seed: writing $k"
  out=$(redis-cli -p "$REDIS_PORT" SET "$k" '{"seats": 5}')
  echo "$out"
  [ "$out" = "OK" ] || exit 1
done
'''

_TF_CYCLE = '''terraform {
  required_version = ">= 1.5"
}

variable "env" {
  type    = string
  default = "staging"
}

locals {
  name_prefix = "acme-${var.env}"
  bucket_name = "${local.name_prefix}-${local.suffix}"
  suffix      = substr(sha1(local.bucket_name), 0, 6)
  tags        = { env = var.env, owner = "platform" }
}

output "bucket" {
  value = local.bucket_name
}
'''


def register(case) -> None:
    case(
        name="gxx-make-narrowing-conversion-double-to-int-brace-init-cents",
        tool="g++", category="compile", ci="buildkite", command="make", repo="cart", tty=False,
        files={"cart.cpp": _NARROW_CPP, "Makefile": _NARROW_MK},
        keys=["narrowing conversion of", "[-Werror=narrowing]"],
        cause=[has("In function "), has("error: narrowing conversion"), has("Line l{qty, price * 100};"),
               has("all warnings being treated as errors"), has("make: ***")],
    )  # fmt: skip
    case(
        name="gcc-make-error-directive-word-size-48-from-config-mk",
        tool="gcc", category="config", ci="gitlab", command="make", repo="bits", tty=False,
        files={"config.mk": "# target word size in bits\nWORD_SIZE = 48\n", "Makefile": _WORD_MK,
               "src/bits.h": _WORD_H, "src/util.c": "int util_version(void) { return 3; }\n", "src/bits.c": _WORD_C},
        keys=["#error", "WORD_SIZE must be 32 or 64"],
        cause=[has("In file included from"), has("error: #error"), has("| #error"), has("make: ***")],
    )  # fmt: skip
    case(
        name="gcc-make-shared-library-without-shared-undefined-reference-to-main",
        tool="gcc", category="compile", ci="buildkite", command="make", repo="libparse", tty=False,
        files={"parse.c": _PARSE_C, "Makefile": _PARSE_MK},
        keys=["undefined reference to `main'"],
        cause=[has("in function `_start'"), has("undefined reference to `main'"), has("collect2: error"),
               has("make: ***")],
    )  # fmt: skip
    case(
        name="ctest-asan-global-buffer-overflow-code-name-418-one-of-three",
        tool="ctest", category="test", ci="buildkite", label=":cmake: Test",
        command="ctest --test-dir build --output-on-failure", repo="codes", tty=False,
        files={"CMakeLists.txt": _ASAN_CMAKE, "src/codes.c": _ASAN_SRC, "src/codes.h": _ASAN_HDR,
               **{f"tests/{k}.c": '#include "../src/codes.h"\n' + v for k, v in _ASAN_TESTS.items()}},
        setup="cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug && cmake --build build",
        keys=["global-buffer-overflow", "test_names"],
        cause=[has("ERROR: AddressSanitizer: global-buffer-overflow"), has("READ of size 4"),
               has("in code_name"), has("src/codes.c:8"), has("to the right of global variable 'CODES'"), has("tests/test_names.c:2"),
               has("SUMMARY: AddressSanitizer"), has("***Failed"), has("tests passed, 1 tests failed"),
               has(r"^\s+\d+ - test_names", True)],
    )  # fmt: skip
    case(
        name="valgrind-mismatched-free-delete-on-new-array-cache-table",
        tool="valgrind", category="runtime", ci="travis", repo="cache", tty=False,
        command="valgrind --error-exitcode=3 --leak-check=no ./build/cache",
        files={"cache.cpp": _MISMATCH_CPP},
        setup="mkdir -p build && g++ -g -O0 -Wno-mismatched-new-delete -o build/cache cache.cpp",
        keys=["Mismatched free() / delete / delete []", "ERROR SUMMARY: 1 errors"],
        cause=[has("Mismatched free() / delete / delete []"), has("main (cache.cpp:"),
               has("bytes inside a block of size"), has("ERROR SUMMARY: 1 errors")],
    )  # fmt: skip
    case(
        name="ctest-could-not-find-executable-parser-tests-not-run",
        tool="ctest", category="config", ci="buildkite", command="ctest --test-dir build --output-on-failure",
        repo="parser", tty=False,
        files={"CMakeLists.txt": _NOTRUN_CMAKE, "tests/parser_test.c": "int main(void) { return 0; }\n",
               "tests/lexer_test.c": "int main(void) { return 0; }\n"},
        setup="cmake -S . -B build && cmake --build build",
        keys=["Could not find executable parser_tests", "Not Run"],
        cause=[has("Could not find executable parser_tests"), has("Unable to find executable: parser_tests"),
               has("***Not Run"), has("tests failed out of 2"),
               has(r"^\s+\d+ - parser \(Not Run\)", True)],
    )  # fmt: skip
    case(
        name="cmake-target-link-libraries-player-app-not-built-by-this-project",
        tool="cmake", category="config", ci="github", command="cmake -S . -B build", repo="player", tty=False,
        files={"CMakeLists.txt": _LINKLIB_CMAKE,
               "src/CMakeLists.txt": "add_executable(player main.cpp)\n", "src/main.cpp": "int main() {}\n"},
        keys=['Cannot specify link libraries for target "player_app"'],
        cause=[span("CMake Error at CMakeLists.txt:4 (target_link_libraries)", "this project."),
               has("Configuring incomplete")],
    )  # fmt: skip
    case(
        name="c-sigfpe-integer-divide-by-zero-no-valid-rows-floating-point-exception-136",
        tool="gcc", category="crash", ci="buildkite", command="./ci/latency-stats.sh", repo="latency", tty=False,
        files={"src/stats.c": _FPE_C, "ci/latency-stats.sh": _FPE_SH, "data/latency.txt": "-1\n-1\n-1\n"},
        setup="mkdir -p build",
        keys=["Floating point exception", "0 rows read"],
        cause=[has("Floating point exception"), has("0 rows read"), has("stats: failed with status 136")],
    )  # fmt: skip

    # -- Perl
    case(
        name="perl-warnings-fatal-argument-isnt-numeric-price-with-space",
        tool="perl", category="runtime", ci="buildkite", command="perl scripts/price_total.pl", repo="pricing",
        tty=False, files={"scripts/price_total.pl": _PRICE_PL, "data/prices.csv": _PRICES_CSV},
        keys=['Argument "1 299.00" isn\'t numeric in addition (+)'],
        cause=[has("isn't numeric")],
    )  # fmt: skip
    case(
        name="prove-dubious-illegal-division-by-zero-after-4-of-6-planned",
        tool="prove", category="test", ci="github", command="prove -l t/", repo="billing", tty=False,
        files={"lib/Billing.pm": _BILLING_PM, "t/prorate.t": _PRORATE_T, "t/names.t": _NAMES_T},
        keys=["Illegal division by zero", "Dubious, test returned 255"],
        cause=[has("Illegal division by zero"),
               has(r"^t/prorate\.t \.\.", True), has("Dubious, test returned 255"), has("Failed 2/6 subtests"),
               has(r"^t/prorate\.t\s+\(Wstat", True), has("Non-zero exit status: 255"),
               has("You planned 6 tests but ran 4"), has("Result: FAIL")],
    )  # fmt: skip
    case(
        name="perl-strict-global-symbol-requires-explicit-package-name-three",
        tool="perl", category="compile", ci="buildkite", command="perl -c bin/region_report.pl", repo="regions",
        tty=False, files={"bin/region_report.pl": _STRICT_PL},
        keys=['Global symbol "$grand_total" requires explicit package name', 'Global symbol "%total"'],
        cause=[has("Global symbol"), has("had compilation errors")],
    )  # fmt: skip

    # -- Tcl
    case(
        name="tclsh-wrong-num-args-should-be-render-row-name-qty-price",
        tool="tclsh", category="runtime", ci="buildkite", command="tclsh report/render.tcl", repo="report",
        tty=False, files={"report/render.tcl": _ROW_TCL},
        keys=['wrong # args: should be "render_row name qty price"'],
        cause=[has("wrong # args"), has('(procedure "render_table" line 5)'),
               has('"render_row $name $qty"'), has("report/render.tcl")],
    )  # fmt: skip

    # -- Erlang
    case(
        name="escript-function-clause-unit-min-grace-duration",
        tool="escript", category="runtime", ci="buildkite", command="escript scripts/check_config.escript",
        repo="leases", tty=False, files={"scripts/check_config.escript": _DUR_ESCRIPT},
        keys=["no function clause matching", 'unit(<<"min">>)'],
        cause=[has("no function clause matching"), has('unit(<<"min">>)'),
               has("parse_duration/1 (scripts/check_config.escript"), has("'-main/1-fun-0-'/1")],
    )  # fmt: skip
    case(
        name="erlc-warnings-as-errors-unused-variable-fee-and-unused-function",
        tool="erlc", category="compile", ci="gitlab", command="erlc +warnings_as_errors -o ebin src/ledger.erl",
        repo="ledger", tty=False, files={"src/ledger.erl": _WAE_ERL}, setup="mkdir -p ebin",
        keys=["variable 'Fee' is unused", "function round_cents/1 is unused"],
        cause=[has("warnings being treated as errors"), has("variable 'Fee' is unused"), has("%    5|"),
               has("function round_cents/1 is unused"), has("%    8|")],
    )  # fmt: skip

    # -- databases
    case(
        name="psql-on-error-stop-column-emial-does-not-exist-hint-perhaps-email",
        tool="psql", category="runtime", ci="buildkite", label=":postgres: Migrate",
        command="psql -X -v ON_ERROR_STOP=1 -d ci26_users -f db/001_users.sql", repo="users", tty=False,
        env=PG, files={"db/001_users.sql": _COLUMN_SQL}, setup=_pgdb("ci26_users"),
        keys=['column "emial" does not exist', 'Perhaps you meant to reference the column "users.email"'],
        cause=[has('ERROR:  column "emial" does not exist'), has("LINE 2:"), has("HINT:")],
    )  # fmt: skip
    case(
        name="pg-restore-input-file-appears-to-be-text-format-dump",
        tool="pg_restore", category="config", ci="buildkite", repo="restore", tty=False,
        command="pg_restore --no-owner -d ci26_restore dumps/prod-snapshot.dump", env=PG,
        setup=_pgdb("ci26_restore") + " && mkdir -p dumps && pg_dump -d postgres --schema-only > dumps/prod-snapshot.dump",
        keys=["input file appears to be a text format dump. Please use psql."],
        cause=[has("input file appears to be a text format dump")],
    )  # fmt: skip
    case(
        name="sqlite3-database-disk-image-is-malformed-truncated-cache-db",
        tool="sqlite3", category="infrastructure", ci="github", repo="geocache", tty=False,
        command="sqlite3 -bail cache/geo.db 'SELECT count(*) FROM places WHERE country = \"FR\";'",
        setup=("mkdir -p cache && sqlite3 cache/full.db \"CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, "
               "country TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<20000) "
               "INSERT INTO places SELECT i, 'place-' || i, CASE i % 3 WHEN 0 THEN 'FR' ELSE 'DE' END FROM n;\" && "
               "head -c 200000 cache/full.db > cache/geo.db && rm cache/full.db"),
        keys=["database disk image is malformed"],
        cause=[has("database disk image is malformed")],
    )  # fmt: skip
    case(
        name="redis-cli-wrongtype-sadd-on-list-key-feature-flags",
        tool="redis-cli", category="runtime", ci="travis", command="./scripts/seed-redis.sh", repo="flags",
        tty=False, files={"scripts/seed-redis.sh": _REDIS_SEED},
        keys=["WRONGTYPE Operation against a key holding the wrong kind of value"],
        cause=[has("WRONGTYPE"), has("enabling dark-mode flag")],
    )  # fmt: skip
    case(
        name="redis-cli-readonly-you-cant-write-against-a-read-only-replica",
        tool="redis-cli", category="infrastructure", ci="buildkite", command="./scripts/seed-plans.sh",
        repo="plans", tty=False, files={"scripts/seed-plans.sh": _REPLICA_SEED}, env={"REDIS_PORT": "6426"},
        run=("redis-server --port 6426 --replicaof 127.0.0.1 6 --save '' --appendonly no --daemonize yes "
             "--logfile /dev/null --dir /tmp >/dev/null && sleep 0.5; ./scripts/seed-plans.sh; s=$?; "
             "redis-cli -p 6426 shutdown nosave >/dev/null 2>&1; exit $s"),
        keys=["READONLY You can't write against a read only replica."],
        cause=[has("READONLY"), has("role:slave"), has("master_link_status:down")],
    )  # fmt: skip
    case(
        name="terraform-plan-cycle-local-bucket-name-and-suffix",
        tool="terraform", category="config", ci="buildkite", label=":terraform: Plan",
        command="terraform plan -input=false -no-color", repo="infra", tty=False,
        files={"main.tf": _TF_CYCLE}, setup="terraform init -input=false -no-color",
        keys=["Error: Cycle:", "local.bucket_name (expand)", "local.suffix (expand)"],
        cause=[has("Error: Cycle")],
    )  # fmt: skip
