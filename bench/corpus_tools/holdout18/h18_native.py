"""C, Java, Rust, Perl, Tcl, Erlang and sqlite3 cases for the nineteenth held-out corpus (gcc 12
with GNU make, OpenJDK 17 source launcher and javac, cargo offline, Perl 5.36 with
ExtUtils::MakeMaker, Tcl 8.6, Erlang/OTP 25, sqlite3 3.40)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- gcc: storage size of a struct only forward-declared
_SESSION_H = "#ifndef SESSION_H\n#define SESSION_H\nstruct session;\nstruct session *session_open(const char *user);\nvoid session_close(struct session *s);\n#endif\n"
_SESSION_C = r'''#include <stdlib.h>
#include <string.h>
#include "session.h"

struct session_impl { char user[32]; int fd; };

struct session *session_open(const char *user) {
    struct session_impl *s = calloc(1, sizeof *s);
    strncpy(s->user, user, sizeof s->user - 1);
    return (struct session *)s;
}

void session_close(struct session *s) { free(s); }
'''
_AUDIT_C = r'''#include <stdio.h>
#include "session.h"

int audit_login(const char *user) {
    struct session probe;
    int unused_counter;
    printf("audit %s\n", user);
    return sizeof probe > 0;
}
'''
_OTHER_C = "#include <stdio.h>\nint {n}(int x) {{ int tmp; return x * {i}; }}\n"
_C_MAKEFILE = (
    "CFLAGS := -std=c11 -Wall -O2\nSRCS := $(sort $(wildcard src/*.c))\nOBJS := $(SRCS:src/%.c=build/%.o)\n\n"
    "all: libauth.a\n\nlibauth.a: $(OBJS)\n\tar rcs $@ $^\n\n"
    "build/%.o: src/%.c\n\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n"
)

# --- javac: lossy conversion and missing return
_SCHEDULE_JAVA = r'''package com.acme.shifts;

import java.util.List;

public final class Schedule {
    private final List<Double> hours;

    public Schedule(List<Double> hours) { this.hours = hours; }

    public int totalMinutes() {
        int minutes = 0;
        for (double h : hours) {
            minutes += h * 60;
        }
        int rounded = Math.round(minutes / 15.0) * 15;
        return rounded;
    }

    public String band(int minutes) {
        if (minutes < 240) {
            return "short";
        } else if (minutes < 480) {
            return "standard";
        }
    }
}
'''
_ROTA_JAVA = r'''package com.acme.shifts;

public final class Rota {
    public static void main(String[] args) {
        System.out.println(new Schedule(java.util.List.of(7.5, 8.0)).totalMinutes());
    }
}
'''

# --- cargo: missing fields in a struct initializer
_CARGO_TOML = '[package]\nname = "fetcher"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\n'
_FETCH_RS = r'''#[derive(Debug, Clone)]
pub struct Config {
    pub base_url: String,
    pub user_agent: String,
    pub retries: u32,
    pub timeout_ms: u64,
}

impl Config {
    pub fn from_env() -> Config {
        let base = std::env::var("FETCH_BASE").unwrap_or_else(|_| "https://example.test".into());
        Config {
            base_url: base,
            user_agent: format!("fetcher/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

fn main() {
    let c = Config::from_env();
    println!("{:?}", c);
}
'''

# --- cargo test -q: one assertion of twelve
_CARGO_TEST_TOML = '[package]\nname = "units"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'


def _units_lib() -> str:
    tests = "\n".join(
        f"    #[test]\n    fn km_{i}() {{ assert_eq!(to_miles_tenths({i * 10}), {round(i * 10 * 0.621371 * 10)}); }}\n" for i in range(1, 12)
    )
    return f'''/// Kilometres to tenths of a mile, rounded.
pub fn to_miles_tenths(km: u32) -> u32 {{
    (km as f64 * 6.21371).round() as u32
}}

pub fn celsius_to_f(c: i32) -> i32 {{
    c * 9 / 5 + 32
}}

#[cfg(test)]
mod tests {{
    use super::*;

{tests}
    #[test]
    fn freezing() {{ assert_eq!(celsius_to_f(0), 32); }}

    #[test]
    fn body_temperature() {{ assert_eq!(celsius_to_f(37), 99, "37 C is 98.6 F and should round to 99"); }}
}}
'''


# --- perl: ExtUtils::MakeMaker, make test with cmp_ok
_MAKEFILE_PL = """use ExtUtils::MakeMaker;
WriteMakefile(
    NAME         => 'Acme::Tariff',
    VERSION_FROM => 'lib/Acme/Tariff.pm',
    PREREQ_PM    => { 'Test::More' => 0 },
);
"""
_TARIFF_PM = """package Acme::Tariff;
use strict; use warnings;
our $VERSION = '1.07';

sub band_for_kwh {
    my ($kwh) = @_;
    return 'low'  if $kwh < 100;
    return 'mid'  if $kwh < 400;
    return 'high';
}

sub charge_pence {
    my ($kwh) = @_;
    my %rate = (low => 24, mid => 27, high => 31);
    my $p = $kwh * $rate{ band_for_kwh($kwh) };
    $p += 4500 if $kwh > 400;    # standing charge for large users
    return $p;
}
1;
"""
_TARIFF_T = """use strict; use warnings;
use Test::More;
use Acme::Tariff;

is(Acme::Tariff::band_for_kwh(50), 'low', 'band low');
is(Acme::Tariff::band_for_kwh(250), 'mid', 'band mid');
is(Acme::Tariff::band_for_kwh(400), 'high', 'band boundary');
cmp_ok(Acme::Tariff::charge_pence(99), '==', 2376, 'charge low');
cmp_ok(Acme::Tariff::charge_pence(400), '==', 12400, 'charge at the boundary has no standing charge');
cmp_ok(Acme::Tariff::charge_pence(401), '<', 16000, 'charge just above boundary stays under 160 pounds');
done_testing;
"""
_LOAD_T = "use strict; use warnings;\nuse Test::More tests => 1;\nuse_ok('Acme::Tariff');\n"

# --- tclsh: dict get with a key not present
_REPORT_TCL = r'''#!/usr/bin/env tclsh
set rates [dict create us 1.00 eu 0.92 uk 0.79 jp 151.2]
set orders {
    {1001 us 120.00} {1002 eu 80.50} {1003 uk 42.00} {1004 jp 3000}
    {1005 us 18.25} {1006 eu 99.99} {1007 emea 64.10} {1008 uk 12.00}
}

proc convert {rates region amount} {
    set rate [dict get $rates $region]
    return [format %.2f [expr {$amount / $rate}]]
}

puts "fx-report: [llength $orders] orders, [dict size $rates] currencies"
foreach o $orders {
    lassign $o id region amount
    puts "fx-report: order $id $region $amount -> [convert $rates $region $amount] USD"
}
puts "fx-report: done"
'''

# --- erlang: sys.config that does not parse
_SYS_CONFIG = """[
 {kernel, [{logger_level, info}]},
 {shop, [
   {http_port, 8080},
   {pool_size, 10}
   {db_url, "postgres://shop@db/shop"}
 ]}
].
"""
_BOOT_SH = r"""#!/usr/bin/env bash
set -uo pipefail
echo "boot: erts $(erl -noshell -eval 'io:format("~s", [erlang:system_info(version)]), halt().')"
echo "boot: starting node with config/sys.config"
erl -noshell -config config/sys -eval 'io:format("node up~n"), halt().'
"""

# --- erlang: application not found (a dependency not fetched)
_SHOP_APP = """{application, shop,
 [{description, "shop api"},
  {vsn, "0.9.0"},
  {registered, []},
  {applications, [kernel, stdlib, crypto, cowboy]},
  {mod, {shop_app, []}},
  {env, []}]}.
"""
_SHOP_APP_ERL = """-module(shop_app).
-behaviour(application).
-export([start/2, stop/1]).
start(_Type, _Args) -> {ok, self()}.
stop(_State) -> ok.
"""
_SMOKE_SH = r"""#!/usr/bin/env bash
set -uo pipefail
mkdir -p _build/ebin
cp src/shop.app _build/ebin/
erlc -o _build/ebin src/*.erl
echo "smoke: compiled $(ls _build/ebin | wc -l) files into _build/ebin"
echo "smoke: deps in _build/deps: $(ls _build/deps 2>/dev/null | wc -l)"
erl -noshell -pa _build/ebin -eval '
case application:ensure_all_started(shop) of
    {ok, Started} -> io:format("started ~p~n", [Started]), halt(0);
    {error, Reason} -> io:format("smoke: could not start shop: ~p~n", [Reason]), halt(1)
end.'
"""

# --- erlang: gen_server:call timeout
_WARMER_ERL = """-module(warmer).
-behaviour(gen_server).
-export([main/0, start_link/0, init/1, handle_call/3, handle_cast/2]).

start_link() -> gen_server:start_link({local, cache_warmer}, ?MODULE, [], []).

init([]) -> {ok, #{}}.

handle_call(warm, _From, State) ->
    %% loads every price list before answering
    timer:sleep(5000),
    {reply, ok, State}.

handle_cast(_Msg, State) -> {noreply, State}.

main() ->
    {ok, _} = start_link(),
    io:format("warmup: cache_warmer started~n"),
    [io:format("warmup: region ~s queued~n", [R]) || R <- ["us", "eu", "uk", "apac"]],
    ok = gen_server:call(cache_warmer, warm, 1000),
    io:format("warmup: done~n"),
    halt(0).
"""

# --- java: Optional.orElseThrow on an empty value
_JAVA_MAIN = r'''import java.util.*;

public class Reconcile {
    record Payout(String merchant, long cents) {}

    static Map<String, String> accounts = Map.of("m-100", "ACC-1", "m-101", "ACC-2", "m-102", "ACC-3");

    static String accountFor(String merchant) {
        return Optional.ofNullable(accounts.get(merchant)).orElseThrow();
    }

    public static void main(String[] args) {
        List<Payout> payouts = List.of(new Payout("m-100", 1200), new Payout("m-101", 450),
                new Payout("m-102", 990), new Payout("m-107", 300));
        long total = 0;
        for (Payout p : payouts) {
            String acc = accountFor(p.merchant());
            System.out.printf("reconcile: %s -> %s %d%n", p.merchant(), acc, p.cents());
            total += p.cents();
        }
        System.out.println("reconcile: total " + total);
    }
}
'''

# --- java: HttpClient request timeout against a silent local server
_JAVA_HTTP = r'''import java.net.*;
import java.net.http.*;
import java.time.Duration;

public class Warmup {
    public static void main(String[] args) throws Exception {
        ServerSocket silent = new ServerSocket(0);
        Thread t = new Thread(() -> {
            try { while (true) { Socket s = silent.accept(); } } catch (Exception e) { }
        });
        t.setDaemon(true);
        t.start();
        String url = "http://127.0.0.1:" + silent.getLocalPort() + "/search/_warmup";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(1500)).GET().build();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                System.out.println("warmup: " + r.statusCode());
                return;
            } catch (HttpTimeoutException e) {
                System.out.println("warmup: attempt " + attempt + "/3 timed out, retrying");
                if (attempt == 3) throw e;
            }
        }
    }
}
'''

# --- glibc: heap overflow into the top chunk
_IMPORT_C = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    const char *names[] = {"alpha.csv", "bravo.csv", "charlie.csv", "delta-with-a-much-longer-name.csv"};
    for (int i = 0; i < 4; i++) {
        char *buf = malloc(24);
        printf("import: staging %s\n", names[i]);
        fflush(stdout);
        strcpy(buf, names[i]);
        if (i == 3) {
            memset(buf + strlen(buf), 0xff, 32);
        }
        char *next = malloc(8192);
        snprintf(next, 8192, "rows for %s", buf);
        free(next);
    }
    puts("import: done");
    return 0;
}
'''

_IMPORT_SH = "#!/usr/bin/env bash\nset -u\necho 'import: building'\ngcc -O0 -g -o build/import src/import.c\n./build/import\nstatus=$?\necho \"import: exit $status\"\nexit $status\n"

# --- perl: unpack "p" on a bogus pointer
_PERL_SEG = r'''#!/usr/bin/perl
use strict; use warnings;
$| = 1;
my @records = ([1, "alpha"], [2, "bravo"], [3, "charlie"]);
for my $r (@records) {
    printf "index: record %d %s\n", @$r;
}
# legacy fast path: read the C string the XS cache left at this address
my $addr = 16;
my $name = unpack("p", pack("J", $addr));
print "index: cached name $name\n";
'''
_PERL_SEG_SH = "#!/usr/bin/env bash\nset -u\necho 'index: perl ' $(perl -e 'print $^V')\nperl scripts/index.pl\n"

# --- perl: Out of memory under ulimit -v
_PERL_OOM = r'''use strict; use warnings;
$| = 1;
my %seen;
print "dedupe: loading 3 shards\n";
for my $shard (1 .. 3) {
    print "dedupe: shard $shard\n";
    my $blob = "x" x (150 * 1024 * 1024);
    $seen{$shard} = $blob;
}
print "dedupe: ", scalar(keys %seen), " shards\n";
'''
_PERL_OOM_SH = "#!/usr/bin/env bash\nset -u\nulimit -v 400000\necho \"dedupe: address space limit $(ulimit -v) kB\"\nperl scripts/dedupe.pl\n"

# --- sqlite3: max_page_count reached
_CACHE_SQL = """.bail on
.print build-cache: creating schema
PRAGMA page_size = 4096;
PRAGMA max_page_count = 64;
CREATE TABLE artifacts (id INTEGER PRIMARY KEY, path TEXT NOT NULL, digest TEXT NOT NULL, body BLOB);
CREATE INDEX artifacts_path ON artifacts(path);
.print build-cache: inserting artifacts
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO artifacts(path, digest, body) SELECT printf('dist/chunk-%04d.js', i), hex(randomblob(16)), randomblob(400) FROM n;
.print build-cache: done
"""


def register(case):
    files = {f"src/{n}.c": _OTHER_C.format(n=n, i=i) for i, n in enumerate(["acl", "hash", "token", "util"], 2)}
    files.update({"src/session.h": _SESSION_H, "src/session.c": _SESSION_C, "src/audit.c": _AUDIT_C, "Makefile": _C_MAKEFILE})
    case(
        name="gcc-make-storage-size-of-probe-isnt-known-forward-declared-struct",
        tool="gcc",
        category="compile",
        repo="auth",
        command="make",
        files=files,
        keys=["storage size of ‘probe’ isn’t known"],
        cause=[has("In function ‘audit_login’"), has("error: storage size"), first("struct session probe;"), has("[Makefile:")],
    )
    case(
        name="javac-possible-lossy-conversion-long-to-int-schedule",
        tool="javac",
        category="compile",
        ci="github",
        repo="shifts",
        tty=False,
        command="javac -d out $(find src -name '*.java')",
        files={"src/com/acme/shifts/Schedule.java": _SCHEDULE_JAVA, "src/com/acme/shifts/Rota.java": _ROTA_JAVA},
        keys=["incompatible types: possible lossy conversion from long to int", "Schedule.java:15"],
        cause=[has("error:"), has("int rounded = Math.round"), has("1 error")],
    )
    case(
        name="cargo-e0063-missing-fields-retries-timeout-ms-in-config",
        tool="cargo",
        category="compile",
        repo="fetcher",
        setup="rm -rf /work/scratch/h18/cargo-target-fetcher",
        env={"CARGO_TARGET_DIR": "/work/scratch/h18/cargo-target-fetcher", "CARGO_NET_OFFLINE": "true"},
        command="cargo build --color=always",
        files={"Cargo.toml": _CARGO_TOML, "src/main.rs": _FETCH_RS},
        keys=["E0063", "missing fields `retries` and `timeout_ms` in initializer of `Config`"],
        cause=[has("error[E0063]"), has("src/main.rs:"), has("Config {"), has("missing `retries`"), has("could not compile")],
    )
    case(
        name="cargo-test-q-body-temperature-one-of-thirteen",
        tool="cargo test",
        category="test",
        ci="gitlab",
        repo="units",
        tty=False,
        setup="rm -rf /work/scratch/h18/cargo-target-units",
        env={"CARGO_TARGET_DIR": "/work/scratch/h18/cargo-target-units", "CARGO_NET_OFFLINE": "true"},
        command="cargo test -q",
        files={"Cargo.toml": _CARGO_TEST_TOML, "src/lib.rs": _units_lib()},
        keys=["tests::body_temperature", "37 C is 98.6 F and should round to 99"],
        cause=[has("tests::body_temperature"), has("panicked at"), has("assertion"), has("left:"), has("right:"), has("37 C is 98.6 F"), has("test result: FAILED")],
    )
    case(
        name="perl-makemaker-make-test-cmp-ok-standing-charge-boundary",
        tool="make test",
        category="test",
        ci="travis",
        repo="tariff",
        tty=False,
        command="perl Makefile.PL && make && make test",
        files={"Makefile.PL": _MAKEFILE_PL, "lib/Acme/Tariff.pm": _TARIFF_PM, "t/00-load.t": _LOAD_T, "t/01-charge.t": _TARIFF_T},
        keys=["charge just above boundary stays under 160 pounds", "t/01-charge.t"],
        cause=[has("#   Failed test"), has("#   at t/01-charge.t"), has("'16931'"), has("#         <"), has("'16000'"), has("Failed 1/6"),
               has("t/01-charge.t (Wstat"), has("Failed test:  6"), has("Failed 1/2 test programs")],
    )
    case(
        name="tclsh-dict-get-key-emea-not-known-in-dictionary",
        tool="tclsh",
        category="runtime",
        repo="fx",
        tty=False,
        command="tclsh scripts/fx_report.tcl",
        files={"scripts/fx_report.tcl": _REPORT_TCL},
        keys=['key "emea" not known in dictionary'],
        cause=[has("not known in dictionary"), has('"dict get $rates $region"'), has('(procedure "convert"')],
    )
    case(
        name="erl-sys-config-syntax-error-before-db-url-kernel-pid-terminated",
        tool="erl",
        category="config",
        repo="shop",
        tty=False,
        command="./ci/boot.sh",
        setup="rm -f erl_crash.dump",
        files={"config/sys.config": _SYS_CONFIG, "ci/boot.sh": _BOOT_SH},
        keys=["sys.config", "syntax error before"],
        cause=[has("syntax error before")],
    )
    case(
        name="erl-ensure-all-started-cowboy-app-not-found",
        tool="erl",
        category="dependency",
        ci="travis",
        repo="shop",
        tty=False,
        command="./ci/smoke.sh",
        files={"src/shop.app": _SHOP_APP, "src/shop_app.erl": _SHOP_APP_ERL, "ci/smoke.sh": _SMOKE_SH},
        keys=['"cowboy.app"'],
        cause=[has("could not start shop"), has('"cowboy.app"')],
    )
    case(
        name="erl-gen-server-call-cache-warmer-timeout-init-terminating",
        tool="erl",
        category="timeout",
        repo="pricing",
        tty=False,
        command="erlc -o ebin src/warmer.erl && erl -noshell -pa ebin -s warmer main",
        setup="mkdir -p ebin",
        files={"src/warmer.erl": _WARMER_ERL},
        keys=["gen_server,call", "cache_warmer"],
        cause=[has("init terminating in do_boot")],
    )
    case(
        name="java-optional-orelsethrow-no-value-present-merchant-m-107",
        tool="java",
        category="runtime",
        repo="payouts",
        tty=False,
        command="java src/Reconcile.java",
        files={"src/Reconcile.java": _JAVA_MAIN},
        keys=["java.util.NoSuchElementException: No value present"],
        cause=[has("NoSuchElementException"), has("at Reconcile.accountFor"), has("at Reconcile.main")],
    )
    case(
        name="java-httpclient-httptimeoutexception-three-attempts-warmup",
        tool="java",
        category="timeout",
        ci="github",
        repo="search",
        tty=False,
        command="java src/Warmup.java",
        files={"src/Warmup.java": _JAVA_HTTP},
        keys=["java.net.http.HttpTimeoutException: request timed out"],
        cause=[has("attempt 3/3 timed out"), has("HttpTimeoutException"), has("at Warmup.main")],
    )
    case(
        name="c-malloc-corrupted-top-size-abort-134-import",
        tool="c",
        category="crash",
        repo="importer",
        tty=False,
        command="./ci/import.sh",
        setup="mkdir -p build",
        exit_status=134,
        files={"src/import.c": _IMPORT_C, "ci/import.sh": _IMPORT_SH},
        keys=["malloc(): corrupted top size"],
        cause=[has("corrupted top size"), has("Aborted")],
    )
    case(
        name="perl-unpack-p-bogus-pointer-segfault-139",
        tool="perl",
        category="crash",
        ci="gitlab",
        repo="indexer",
        tty=False,
        command="./ci/index.sh",
        files={"scripts/index.pl": _PERL_SEG, "ci/index.sh": _PERL_SEG_SH},
        keys=["Segmentation fault"],
        cause=[has("Segmentation fault")],
    )
    case(
        name="perl-out-of-memory-ulimit-v-dedupe-shards",
        tool="perl",
        category="resource",
        repo="dedupe",
        tty=False,
        command="./ci/dedupe.sh",
        files={"scripts/dedupe.pl": _PERL_OOM, "ci/dedupe.sh": _PERL_OOM_SH},
        keys=["Out of memory"],
        cause=[has("Out of memory")],
    )
    case(
        name="sqlite3-bail-database-or-disk-is-full-max-page-count",
        tool="sqlite3",
        category="resource",
        ci="travis",
        repo="buildcache",
        tty=False,
        command="sqlite3 build/cache.db < sql/build_cache.sql",
        setup="mkdir -p build && rm -f build/cache.db",
        files={"sql/build_cache.sql": _CACHE_SQL},
        keys=["database or disk is full"],
        cause=[has("database or disk is full")],
    )
