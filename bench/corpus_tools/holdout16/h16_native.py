"""Rust, C/C++, Java, Perl and system-tool cases for the seventeenth held-out corpus (cargo/rustc
1.95 offline, gcc/g++ 12 with GNU make, OpenJDK 17 with Maven 3.8.7 offline and JUnit 4.13.2 from
the local Maven repository, Perl 5.36 prove, git, OpenSSL)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

CT = "/work/scratch/h16/cargo-target-"
M2 = "/root/.m2/repository"
JUNIT_CP = f"{M2}/junit/junit/4.13.2/junit-4.13.2.jar:{M2}/org/hamcrest/hamcrest-core/1.3/hamcrest-core-1.3.jar"


def _cargo(name: str) -> dict[str, str]:
    return {"CARGO_TARGET_DIR": CT + name, "CARGO_NET_OFFLINE": "true"}


def _fresh_target(name: str) -> str:
    return f"rm -rf {CT}{name}"


# --- git: a bad line in the repository's config
_GIT_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "changelog for $(cat VERSION)"
echo "collecting merged pull requests since the last tag"
for area in api web worker docs; do echo "  scanning $area/"; done
git log --oneline -5
"""

# --- cargo: .cargo/config.toml with a wrong value type
_CC_TOML = """\
[package]
name = "shipping-rates"
version = "0.4.0"
edition = "2021"

[dependencies]
"""
_CC_CFG = """\
[build]
jobs = "four"
rustflags = ["-C", "debuginfo=1"]

[term]
color = "always"
"""

# --- maven: settings.xml that does not parse
_MVN_SETTINGS = """\
<?xml version="1.0" encoding="UTF-8"?>
<settings>
  <mirrors>
    <mirror>
      <id>internal</id>
      <mirrorOf>*</mirrorOf>
      <url>https://nexus.acme.test/repository/maven-public/</url>
    </mirror>
  </mirrors>
  <servers>
    <server>
      <id>internal</id>
      <username>${env.NEXUS_USER}</username>
      <password>${env.NEXUS_PASS}</password>
    </server>
  <servers>
</settings>
"""
_MVN_POM = """\
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>rates</artifactId>
  <version>1.0.0</version>
</project>
"""

# --- JUnit 4 through JUnitCore
_JU_RATES = """\
package com.acme;

public final class Rates {
    public static long applyDiscount(long cents, int percent) {
        return cents - cents * percent / 100;
    }
    public static long vat(long cents, int ratePermille) {
        return cents * ratePermille / 1000;
    }
    public static String format(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
"""
_JU_TEST = """\
package com.acme;

import static org.junit.Assert.assertEquals;
import org.junit.Test;

public class RatesTest {
    @Test public void discountZero() { assertEquals(1000, Rates.applyDiscount(1000, 0)); }
    @Test public void discountTen() { assertEquals(900, Rates.applyDiscount(1000, 10)); }
    @Test public void discountRoundsHalfUp() { assertEquals(666, Rates.applyDiscount(999, 33)); }
    @Test public void vatStandard() { assertEquals(190, Rates.vat(1000, 190)); }
    @Test public void vatReduced() { assertEquals(70, Rates.vat(1000, 70)); }
    @Test public void formatNegative() { assertEquals("-1.05", Rates.format(-105)); }
    @Test public void formatPlain() { assertEquals("12.34", Rates.format(1234)); }
}
"""


def _ju_many() -> str:
    body = "\n".join(
        f"    @Test public void parses{i:02d}() {{ assertEquals({i}, Integer.parseInt(\"{i}\")); }}" for i in range(40)
    )
    return f"package com.acme;\n\nimport static org.junit.Assert.assertEquals;\nimport org.junit.Test;\n\npublic class ParserTest {{\n{body}\n}}\n"


# --- perl prove -j3
_PL_LIB = """\
package Acme::Slots;
use strict;
use warnings;

sub free_slots {
    my ($busy, $day_start, $day_end) = @_;
    my @free;
    my $t = $day_start;
    for my $b (sort { $a->[0] <=> $b->[0] } @$busy) {
        push @free, [$t, $b->[0]] if $b->[0] > $t;
        $t = $b->[1];
    }
    push @free, [$t, $day_end] if $t < $day_end;
    return \\@free;
}
1;
"""
_PL_T1 = """\
use strict; use warnings;
use Test::More;
use lib 'lib';
use Acme::Slots;

is_deeply(Acme::Slots::free_slots([], 9, 17), [[9, 17]], 'empty day');
is_deeply(Acme::Slots::free_slots([[9, 10]], 9, 17), [[10, 17]], 'busy at start');
is_deeply(Acme::Slots::free_slots([[10, 14], [11, 12]], 9, 17), [[9, 10], [14, 17]], 'nested meetings');
is_deeply(Acme::Slots::free_slots([[12, 13]], 9, 17), [[9, 12], [13, 17]], 'lunch');
done_testing;
"""


def _pl_ok(name: str, n: int) -> str:
    lines = ["use strict; use warnings;", "use Test::More;", f"for my $i (1..{n}) {{ ok($i > 0, \"{name} case $i\"); select(undef, undef, undef, 0.01); }}", "done_testing;"]
    return "\n".join(lines) + "\n"


# --- cargo test --no-fail-fast: lib and an integration target fail
_NF_LIB = """\
pub fn parse_duration(s: &str) -> Option<u64> {
    let (num, unit) = s.split_at(s.len() - 1);
    let n: u64 = num.parse().ok()?;
    match unit {
        "s" => Some(n),
        "m" => Some(n * 60),
        "h" => Some(n * 3600),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test] fn seconds() { assert_eq!(parse_duration("5s"), Some(5)); }
    #[test] fn minutes() { assert_eq!(parse_duration("2m"), Some(120)); }
    #[test] fn days() { assert_eq!(parse_duration("1d"), Some(86_400)); }
    #[test] fn hours() { assert_eq!(parse_duration("3h"), Some(10_800)); }
}
"""
_NF_IT = """\
use durations::parse_duration;

#[test]
fn empty_is_none() {
    assert_eq!(parse_duration(""), None);
}

#[test]
fn compound() {
    assert_eq!(parse_duration("90s"), Some(90));
}
"""
_NF_TOML = '[package]\nname = "durations"\nversion = "0.1.0"\nedition = "2021"\n'

# --- gcc: conflicting types between header and definition
_GC_MK = """\
CFLAGS = -std=c11 -Wall -O2 -Iinclude
OBJS = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

all: build/ledger

build/%.o: src/%.c
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

build/ledger: $(OBJS)
\t$(CC) -o $@ $^
"""
_GC_H = """\
#ifndef LEDGER_H
#define LEDGER_H
#include <stddef.h>
struct entry { long cents; int account; };
int ledger_total(const struct entry *entries, int n);
#endif
"""
_GC_LEDGER = """\
#include "ledger.h"

long ledger_total(const struct entry *entries, size_t n)
{
    long sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += entries[i].cents;
    return sum;
}
"""


def _c_unit(i: int) -> str:
    return f"#include \"ledger.h\"\nint unit_{i}(void) {{ return {i}; }}\n"


# --- javac: unreported checked exception, third module of a build script
_JX_SH = """\
#!/usr/bin/env bash
set -euo pipefail
for m in common api importer; do
  echo "==> compiling $m"
  mkdir -p out/$m
  javac -Xlint:deprecation -d out/$m -cp out/common:out/api $(find $m/src -name '*.java')
  echo "    $m: $(find out/$m -name '*.class' | wc -l) classes"
done
"""
_JX_COMMON = "package com.acme.common;\npublic final class Ids { public static String next() { return \"id-1\"; } }\n"
_JX_API = "package com.acme.api;\npublic interface Feed { String name(); }\n"
_JX_IMP = """\
package com.acme.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class CsvImporter {
    public List<String> rows(Path file) {
        return Files.readAllLines(file);
    }

    public int count(Path file) {
        return rows(file).size();
    }
}
"""

# --- rustc E0046
_E46_MAIN = """\
use std::io;

trait Sink {
    fn write_record(&mut self, rec: &str) -> io::Result<()>;
    fn flush(&mut self) -> io::Result<()>;
    fn name(&self) -> &str;
}

struct Memory {
    rows: Vec<String>,
}

impl Sink for Memory {
    fn write_record(&mut self, rec: &str) -> io::Result<()> {
        self.rows.push(rec.to_string());
        Ok(())
    }

    fn name(&self) -> &str {
        "memory"
    }
}

fn main() {
    let mut m = Memory { rows: Vec::new() };
    let unused_counter = 0;
    m.write_record("a,b").unwrap();
    println!("{} {}", m.name(), m.rows.len());
}
"""

# --- g++: ambiguous overload
_AMB_CPP = """\
#include <cstdint>
#include <iostream>
#include <vector>

namespace geo {
struct Point { double x, y; };

Point scale(const Point& p, float f) { return {p.x * f, p.y * f}; }
Point scale(const Point& p, long f) { return {p.x * f, p.y * f}; }

}  // namespace geo

int main() {
    std::vector<geo::Point> pts{{1, 2}, {3, 4}};
    for (auto& p : pts) {
        p = geo::scale(p, 2.0);
        std::cout << p.x << "," << p.y << "\\n";
    }
}
"""

# --- cargo: two path dependencies link the same native library
_LK_TOML = """\
[package]
name = "archiver"
version = "0.3.0"
edition = "2021"

[dependencies]
zstd-sys-vendored = { path = "vendor/zstd-sys-vendored" }
zstd-sys-system = { path = "vendor/zstd-sys-system" }
"""


def _lk_dep(name: str) -> str:
    return f'[package]\nname = "{name}"\nversion = "1.0.0"\nedition = "2021"\nlinks = "zstd"\nbuild = "build.rs"\n'


# --- javac: a package missing from the classpath
_JP_SRC = """\
package com.acme.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    public void record(String who, String what) {
        LOG.info("{} {}", who, what);
    }
}
"""
_JP_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "classpath: $(ls lib | tr '\\n' ' ')"
mkdir -p out
javac -d out -cp "lib/*" $(find src -name '*.java')
echo "compiled $(find out -name '*.class' | wc -l) classes"
"""
_JP_OTHER = "package com.acme.audit;\npublic final class Clock { public long now() { return System.currentTimeMillis(); } }\n"

# --- perl: method on the wrong package
_PM_LIB = """\
package Acme::Report;
use strict;
use warnings;

sub new { my ($class, %args) = @_; return bless {%args}, $class; }
sub rows { $_[0]{rows} }
sub render_csv { my $self = shift; return join("\\n", map { join(',', @$_) } @{ $self->rows }) }
1;
"""
_PM_SCRIPT = """\
#!/usr/bin/env perl
use strict;
use warnings;
use lib 'lib';
use Acme::Report;

my @rows = map { ["2026-11-$_", $_ * 17, $_ * 3] } 1..25;
my $r = Acme::Report->new(rows => \\@rows);
print "report rows: ", scalar(@rows), "\\n";
print $r->render_csv, "\\n";
print $r->render_html, "\\n";
"""

# --- java: DateTimeParseException
_DT_SRC = """\
import java.time.LocalDate;
import java.util.List;

public class Report {
    public static void main(String[] args) {
        List<String> days = List.of("2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-11-31", "2026-12-01");
        for (String d : days) {
            LocalDate day = LocalDate.parse(d);
            System.out.println("closing books for " + day + " (" + day.getDayOfWeek() + ")");
        }
    }
}
"""

# --- openssl s_client: nothing listens on the TLS port
_TLS_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "waiting for the TLS terminator to be configured"
echo "cert bundle: $(wc -c < certs/bundle.pem) bytes"
for attempt in 1 2 3; do
  echo "probing 127.0.0.1:8443 (attempt $attempt/3)"
  if openssl s_client -connect 127.0.0.1:8443 -servername api.acme.test -brief < /dev/null; then
    echo "tls ok"; exit 0
  fi
  echo "probe failed, retrying in 1s"
  sleep 1
done
echo "TLS terminator on 127.0.0.1:8443 did not come up after 3 attempts"
exit 1
"""

# --- java: Future.get timeout
_TO_SRC = """\
import java.util.concurrent.*;

public class Warmup {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> { Thread t = new Thread(r, "warmup"); t.setDaemon(true); return t; });
        String[] caches = {"products", "prices", "search-index"};
        for (String c : caches) {
            long ms = c.equals("search-index") ? 20_000 : 200;
            Future<String> f = pool.submit(() -> { Thread.sleep(ms); return c + " warm"; });
            System.out.println("warming " + c + " (budget 2s)");
            System.out.println(f.get(2, TimeUnit.SECONDS));
        }
    }
}
"""

# --- rust: panic in a destructor during unwinding aborts
_DP_MAIN = """\
struct TempDir(&'static str);

impl Drop for TempDir {
    fn drop(&mut self) {
        eprintln!("removing {}", self.0);
        if std::thread::panicking() {
            panic!("failed to remove {}: directory not empty", self.0);
        }
    }
}

fn main() {
    let _scratch = TempDir("/tmp/bundle-3141");
    for i in 1..=5 {
        println!("packed chunk {i}/5");
    }
    let manifest: Vec<u32> = vec![];
    println!("first entry {}", manifest[0]);
}
"""

# --- java: SIGSEGV through Unsafe
_US_SRC = """\
import java.lang.reflect.Field;
import sun.misc.Unsafe;

public class Mmap {
    public static void main(String[] args) throws Exception {
        Field f = Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Unsafe u = (Unsafe) f.get(null);
        long base = u.allocateMemory(64);
        u.putLong(base, 42L);
        System.out.println("header word: " + u.getLong(base));
        u.freeMemory(base);
        long stale = 16L;
        System.out.println("reading segment table at " + stale);
        System.out.println(u.getLong(stale));
    }
}
"""

# --- java: direct buffer memory
_DB_SRC = """\
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

public class TileCache {
    public static void main(String[] args) {
        List<ByteBuffer> tiles = new ArrayList<>();
        for (int z = 0; z < 12; z++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 * 1024 * 1024);
            tiles.add(b);
            System.out.println("zoom " + z + ": cached 4 MiB tile block (" + tiles.size() * 4 + " MiB total)");
        }
    }
}
"""


def register(case):
    case(
        name="git-bad-config-line-in-repo-config-changelog",
        tool="git",
        category="config",
        ci="gitlab",
        repo="platform",
        tty=False,
        setup=(
            "git init -q && git -c user.email=ci@acme.test -c user.name=ci add -A && "
            "git -c user.email=ci@acme.test -c user.name=ci commit -qm init && "
            "printf '[remote \"origin\"]\\n\\turl = git@github.com:acme/platform.git\\n[branch \"main\"\\n\\tremote = origin\\n' >> .git/config"
        ),
        command="./ci/changelog.sh",
        files={"ci/changelog.sh": _GIT_SH, "VERSION": "4.2.0\n"},
        keys=["bad config line", ".git/config"],
        cause=[has("bad config line")],
    )
    case(
        name="cargo-config-toml-build-jobs-string-invalid-type",
        tool="cargo",
        category="config",
        label=":rust: Build",
        repo="shipping-rates",
        tty=False,
        setup=_fresh_target("cfg"),
        command="cargo build --release",
        env=_cargo("cfg"),
        files={"Cargo.toml": _CC_TOML, "src/main.rs": 'fn main() { println!("rates"); }\n', ".cargo/config.toml": _CC_CFG},
        keys=["could not parse `four`", "Number of parallel jobs"],
        cause=[has("could not parse `four`")],
    )
    case(
        name="maven-settings-xml-non-parseable-unclosed-servers",
        tool="maven",
        category="config",
        label=":java: Package",
        repo="rates",
        tty=False,
        command="mvn -B -o -s ci/settings.xml package",
        files={"pom.xml": _MVN_POM, "ci/settings.xml": _MVN_SETTINGS},
        keys=["Non-parseable settings", "ci/settings.xml"],
        cause=[has("Non-parseable settings"), has("problem was encountered while building the effective settings")],
    )
    case(
        name="junit4-junitcore-two-failures-of-47-rates",
        tool="junit",
        category="test",
        label=":java: Unit tests",
        repo="rates",
        tty=False,
        command=f"mkdir -p out && javac -d out -cp {JUNIT_CP} src/com/acme/*.java test/com/acme/*.java && java -cp out:{JUNIT_CP} org.junit.runner.JUnitCore com.acme.ParserTest com.acme.RatesTest",
        files={"src/com/acme/Rates.java": _JU_RATES, "test/com/acme/RatesTest.java": _JU_TEST, "test/com/acme/ParserTest.java": _ju_many()},
        keys=["discountRoundsHalfUp", "formatNegative", "Tests run: 47,  Failures: 2"],
        cause=[has(") discountRoundsHalfUp("), has(") formatNegative("), has("AssertionError"), has("ComparisonFailure"), has("RatesTest.java:"), has("There were 2 failures"), has("FAILURES!!!"), has("Tests run: 47")],
    )
    case(
        name="perl-prove-j3-is-deeply-nested-meetings",
        tool="prove",
        category="test",
        ci="travis",
        repo="scheduler",
        tty=False,
        command="prove -j3 -l t/",
        files={
            "lib/Acme/Slots.pm": _PL_LIB,
            "t/01-slots.t": _PL_T1,
            "t/02-calendar.t": _pl_ok("calendar", 60),
            "t/03-timezones.t": _pl_ok("timezone", 80),
            "t/04-errors.t": _pl_ok("error text", 20),
        },
        keys=["nested meetings", "t/01-slots.t"],
        cause=[has("Failed test 'nested meetings'"), has("at t/01-slots.t line 8"), has("Structures begin differing"), has("$got->"), has("$expected->"), has("Looks like you failed 1 test of 4"), has("Dubious"), has("Wstat: 256"), has("Failed 1/4 subtests"), has("Failed test:  3")],
    )
    case(
        name="cargo-test-no-fail-fast-lib-and-integration-targets-fail",
        tool="cargo",
        category="test",
        label=":rust: Test",
        repo="durations",
        tty=False,
        setup=_fresh_target("nff"),
        command="cargo test --no-fail-fast",
        env=_cargo("nff"),
        files={"Cargo.toml": _NF_TOML, "src/lib.rs": _NF_LIB, "tests/parse.rs": _NF_IT},
        keys=["tests::days", "empty_is_none", "2 targets failed"],
        cause=[has("... FAILED"), has("panicked at"), has("assertion `left == right` failed"), has("left: None"), has("right: Some(86400)"), has("attempt to subtract with overflow"), has("test result: FAILED"), has("error: test failed"), has("targets failed"), has("    `--lib`"), has("    `--test parse`")],
    )
    case(
        name="gcc-make-conflicting-types-ledger-total-header",
        tool="gcc",
        category="compile",
        label=":c: Build",
        repo="ledger-c",
        tty=True,
        command="make",
        files={"Makefile": _GC_MK, "include/ledger.h": _GC_H, "src/ledger.c": _GC_LEDGER, **{f"src/a{i:02d}_unit.c": _c_unit(i) for i in range(9)}},
        keys=["conflicting types for ‘ledger_total’", "include/ledger.h:5"],
        cause=[has("conflicting types for"), has("previous declaration of"), has("long ledger_total(const struct entry"), has("int ledger_total(const struct entry"), has("In file included"), has("Error 1")],
    )
    case(
        name="javac-unreported-ioexception-importer-module-third-of-three",
        tool="javac",
        category="compile",
        ci="travis",
        repo="feeds",
        tty=False,
        command="./build.sh",
        files={"build.sh": _JX_SH, "common/src/com/acme/common/Ids.java": _JX_COMMON, "api/src/com/acme/api/Feed.java": _JX_API, "importer/src/com/acme/importer/CsvImporter.java": _JX_IMP},
        keys=["unreported exception IOException; must be caught or declared to be thrown", "CsvImporter.java:9"],
        cause=[has("unreported exception"), has("return Files.readAllLines(file);"), has("1 error")],
    )
    case(
        name="rustc-e0046-missing-trait-item-flush-with-unused-warning",
        tool="cargo",
        category="compile",
        ci="github",
        repo="sinks",
        tty=True,
        setup=_fresh_target("e46"),
        command="cargo build --color=always",
        env=_cargo("e46"),
        files={"Cargo.toml": '[package]\nname = "sinks"\nversion = "0.1.0"\nedition = "2021"\n', "src/main.rs": _E46_MAIN},
        keys=["E0046", "missing: `flush`", "src/main.rs:13"],
        cause=[has("error[E0046]"), has("src/main.rs:13"), has("impl Sink for Memory {"), has("`flush` from trait"), has("missing `flush` in implementation"), has("could not compile")],
    )
    case(
        name="gxx-call-of-overloaded-scale-is-ambiguous",
        tool="g++",
        category="compile",
        ci="gitlab",
        repo="geo",
        tty=False,
        command="g++ -std=c++17 -Wall -Wextra -c src/scale.cpp -o scale.o",
        files={"src/scale.cpp": _AMB_CPP},
        keys=["is ambiguous", "src/scale.cpp:16"],
        cause=[has("In function"), has("is ambiguous"), has("p = geo::scale(p, 2.0);"), has("candidate:")],
    )
    case(
        name="cargo-links-zstd-conflict-two-path-dependencies",
        tool="cargo",
        category="dependency",
        label=":rust: Build",
        repo="archiver",
        tty=False,
        setup=_fresh_target("lnk"),
        command="cargo build --offline",
        env=_cargo("lnk"),
        files={
            "Cargo.toml": _LK_TOML,
            "src/main.rs": 'fn main() { println!("archiver"); }\n',
            "vendor/zstd-sys-vendored/Cargo.toml": _lk_dep("zstd-sys-vendored"),
            "vendor/zstd-sys-vendored/build.rs": "fn main() {}\n",
            "vendor/zstd-sys-vendored/src/lib.rs": "",
            "vendor/zstd-sys-system/Cargo.toml": _lk_dep("zstd-sys-system"),
            "vendor/zstd-sys-system/build.rs": "fn main() {}\n",
            "vendor/zstd-sys-system/src/lib.rs": "",
        },
        keys=["links to the native library `zstd`", "zstd-sys-system"],
        cause=[has("failed to select a version for `zstd-sys-vendored`"), has("links to the native library"), has("package `zstd-sys-system v1.0.0"), has("Only one package in the dependency graph may specify")],
    )
    case(
        name="javac-package-org-slf4j-does-not-exist-classpath",
        tool="javac",
        category="dependency",
        ci="github",
        repo="audit",
        tty=False,
        command="./ci/compile.sh",
        files={"ci/compile.sh": _JP_SH, "src/com/acme/audit/AuditTrail.java": _JP_SRC, "src/com/acme/audit/Clock.java": _JP_OTHER, "lib/README": "jars fetched by ci/fetch-jars.sh\n"},
        keys=["package org.slf4j does not exist", "AuditTrail.java:3"],
        cause=[has("does not exist"), has("import org.slf4j"), has("cannot find symbol"), has("symbol:"), has("location:"), has("errors")],
    )
    case(
        name="perl-cant-locate-object-method-render-html",
        tool="perl",
        category="runtime",
        ci="travis",
        repo="reports",
        tty=False,
        command="perl bin/report.pl",
        files={"lib/Acme/Report.pm": _PM_LIB, "bin/report.pl": _PM_SCRIPT},
        keys=['Can\'t locate object method "render_html" via package "Acme::Report"', "bin/report.pl line 11"],
        cause=[has("Can't locate object method")],
    )
    case(
        name="java-datetimeparseexception-invalid-date-november-31",
        tool="java",
        category="runtime",
        label=":java: Close books",
        repo="ledger",
        tty=False,
        command="java src/Report.java",
        files={"src/Report.java": _DT_SRC},
        keys=["DateTimeParseException", "Invalid date 'NOVEMBER 31'"],
        cause=[has("DateTimeParseException"), has("Report.main(Report.java:8)"), has("Caused by"), has("Invalid date")],
    )
    case(
        name="openssl-s-client-connect-refused-three-attempts-tls-terminator",
        tool="openssl",
        category="infrastructure",
        label=":lock: TLS smoke",
        repo="edge",
        tty=False,
        command="./ci/tls-smoke.sh",
        files={"ci/tls-smoke.sh": _TLS_SH, "certs/bundle.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"},
        keys=["127.0.0.1:8443", "Connection refused"],
        cause=[has("Connection refused"), has("connect error"), has("connect:errno"), has("did not come up after 3 attempts")],
    )
    case(
        name="java-future-get-timeoutexception-search-index-warmup",
        tool="java",
        category="timeout",
        label=":java: Cache warm-up",
        repo="catalog",
        tty=False,
        command="java src/Warmup.java",
        files={"src/Warmup.java": _TO_SRC},
        keys=["java.util.concurrent.TimeoutException", "Warmup.java:11"],
        cause=[has("TimeoutException"), has("Warmup.main(Warmup.java:11)")],
    )
    case(
        name="rust-panic-in-drop-during-unwind-aborts-sigabrt",
        tool="cargo",
        category="crash",
        label=":rust: Bundle",
        repo="bundler",
        tty=False,
        setup=_fresh_target("dp"),
        command="cargo run --quiet; exit $?",
        env=_cargo("dp"),
        files={"Cargo.toml": '[package]\nname = "bundler"\nversion = "0.2.0"\nedition = "2021"\n', "src/main.rs": _DP_MAIN},
        keys=["panic in a destructor during cleanup", "thread caused non-unwinding panic. aborting."],
        cause=[has("panicked at src/main.rs"), has("index out of bounds"), has("failed to remove"), has("bundler::TempDir as core::ops::drop::Drop"), has("acme/bundler/src/main.rs:7"), has("destructor during cleanup"), has("aborting"), has("Aborted")],
    )
    case(
        name="java-unsafe-getlong-sigsegv-hs-err",
        tool="java",
        category="crash",
        label=":java: Segment reader",
        repo="segments",
        tty=False,
        command="java -XX:-CreateCoredumpOnCrash src/Mmap.java; s=$?; head -n 70 hs_err_pid*.log; exit $s",
        files={"src/Mmap.java": _US_SRC},
        keys=["SIGSEGV", "A fatal error has been detected by the Java Runtime Environment"],
        cause=[first("A fatal error has been detected"), first("SIGSEGV (0xb)"), first("Problematic frame"), first("Unsafe_GetLong+0x12c"), first("j  Mmap.main"), has("SEGV_MAPERR")],
    )
    case(
        name="java-outofmemoryerror-direct-buffer-memory-tile-cache",
        tool="java",
        category="resource",
        label=":java: Tile cache",
        repo="tiles",
        tty=False,
        command="java -XX:MaxDirectMemorySize=16m src/TileCache.java",
        files={"src/TileCache.java": _DB_SRC},
        keys=["OutOfMemoryError", "direct buffer memory"],
        cause=[has("OutOfMemoryError"), has("TileCache.main(TileCache.java:9)")],
    )
