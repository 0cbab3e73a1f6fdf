"""Other ecosystems for the seventh held-out corpus: Erlang/OTP 25 (common_test, escript,
dialyzer), Perl 5.36, Ruby 3.1 (rake, bundler, rubocop from Debian), PHP 8.2 + PHPUnit 9.6 (Debian),
bats, git, wget, flock, curl, Lua 5.4, xmllint, Maven 3.8.7."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- common_test: two failing cases in a suite
_CT_SUITE = """\
-module(cart_SUITE).
-include_lib("common_test/include/ct.hrl").
-export([all/0, empty_total/1, add_items/1, apply_discount/1, remove_item/1, currency/1]).

all() -> [empty_total, add_items, apply_discount, remove_item, currency].

empty_total(_Config) ->
    0 = cart:total(cart:new()).

add_items(_Config) ->
    C = cart:add(cart:add(cart:new(), apple, 2, 50), bread, 1, 220),
    320 = cart:total(C).

apply_discount(_Config) ->
    C = cart:add(cart:new(), apple, 4, 50),
    180 = cart:total(cart:discount(C, 10)).

remove_item(_Config) ->
    C = cart:remove(cart:add(cart:new(), milk, 1, 110), milk),
    0 = cart:total(C).

currency(_Config) ->
    <<"EUR 3.20">> = cart:format(320).
"""
_CT_CART = """\
-module(cart).
-export([new/0, add/4, remove/2, total/1, discount/2, format/1]).

new() -> #{items => [], discount => 0}.

add(C = #{items := Items}, Name, Qty, Price) -> C#{items := [{Name, Qty, Price} | Items]}.

remove(C = #{items := Items}, Name) -> C#{items := lists:keydelete(Name, 1, Items)}.

total(#{items := Items, discount := D}) ->
    Sum = lists:sum([Q * P || {_, Q, P} <- Items]),
    Sum - Sum * D div 100.

discount(C, Pct) -> C#{discount := Pct div 100}.

format(Cents) -> iolist_to_binary(io_lib:format("EUR ~b.~2..0b", [Cents div 100, Cents rem 100 + 1])).
"""

# --- escript: badmatch on a missing file
_ES_SCRIPT = """\
#!/usr/bin/env escript
%%! -noshell
-mode(compile).

main([Vsn]) ->
    io:format("generating release notes for ~s~n", [Vsn]),
    {ok, Entries} = file:consult("changes/" ++ Vsn ++ ".eterm"),
    Lines = [format(E) || E <- Entries],
    ok = file:write_file("RELEASE_NOTES.md", Lines),
    io:format("wrote ~b entries~n", [length(Lines)]).

format({Kind, Text}) -> io_lib:format("* ~s: ~s~n", [Kind, Text]).
"""

# --- dialyzer: type warnings
_DZ_MOD = """\
-module(rates).
-export([convert/3, parse/1, label/1]).

-spec convert(number(), atom(), #{atom() => float()}) -> float().
convert(Amount, Currency, Table) ->
    case maps:find(Currency, Table) of
        {ok, Rate} -> Amount * Rate;
        error -> {error, unknown_currency}
    end.

-spec parse(binary()) -> {atom(), float()}.
parse(Line) ->
    [Code, Rate] = binary:split(Line, <<",">>),
    {binary_to_atom(Code), binary_to_float(Rate)}.

label(Currency) when is_atom(Currency) ->
    atom_to_list(Currency) ++ " rate";
label(Currency) when is_binary(Currency) ->
    parse(Currency) ++ " rate".

legacy_table() ->
    #{eur => 1.0, usd => 1.08}.
"""

# --- perl: syntax error in a required module
_PL_BIN = """\
#!/usr/bin/perl
use strict;
use warnings;
use lib 'lib';
use Acme::Report;

print Acme::Report::render({ passed => 10, failed => 0 }), "\\n";
"""
_PL_MOD = """\
package Acme::Report;
use strict;
use warnings;

sub render {
    my ($counts) = @_;
    my @lines;
    for my $k (sort keys %$counts) {
        push @lines, sprintf("%-8s %d", $k, $counts->{$k});
    }
    if (@lines > 1 {
        unshift @lines, "summary";
    }
    return join("\\n", @lines);
}

1;
"""

# --- rake: the task is not defined
_RK_RAKEFILE = """\
namespace :db do
  desc "Create the database"
  task :create do
    puts "created db"
  end

  desc "Load the schema"
  task :setup => :create do
    puts "loaded schema"
  end

  desc "Run migrations"
  task :migrate do
    puts "migrated"
  end
end

task default: "db:migrate"
"""

# --- rubocop offences
_RC_LIB = """\
class InvoiceFormatter
  def initialize(invoice)
    @invoice = invoice
  end

  def format(currency = "EUR")
    total = @invoice.lines.map { |l| l.qty * l.price }.sum
    tax = total * 0.2
    unused = 42
    "#{currency} #{'%.2f' % total}"
  end

  def overdue?
    return @invoice.due_at < Time.now ? true : false
  end
end
"""

# --- phpunit: a failure and an error
_PU_SRC = """\
<?php
declare(strict_types=1);

namespace Acme;

final class Money
{
    public function __construct(public readonly int $cents, public readonly string $currency) {}

    public static function parse(string $text): self
    {
        [$currency, $amount] = explode(' ', $text);
        return new self((int) round(((float) $amount) * 100), $currency);
    }

    public function add(Money $other): self
    {
        return new self($this->cents + $other->cents, $this->currency);
    }

    public function format(): string
    {
        return sprintf('%s %d.%02d', $this->currency, intdiv($this->cents, 100), $this->cents % 100);
    }
}
"""
_PU_TEST = """\
<?php
declare(strict_types=1);

use Acme\\Money;
use PHPUnit\\Framework\\TestCase;

final class MoneyTest extends TestCase
{
    public function testParse(): void
    {
        $m = Money::parse('EUR 12.50');
        $this->assertSame(1250, $m->cents);
    }

    public function testAddRejectsOtherCurrency(): void
    {
        $this->expectException(InvalidArgumentException::class);
        Money::parse('EUR 1.00')->add(Money::parse('USD 1.00'));
    }

    public function testFormat(): void
    {
        $this->assertSame('EUR 3.05', Money::parse('EUR 3.05')->format());
    }

    public function testParseWithoutAmount(): void
    {
        $m = Money::parse('EUR');
        $this->assertSame(0, $m->cents);
    }
}
"""
_PU_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<phpunit bootstrap="tests/bootstrap.php" colors="true">
  <testsuites>
    <testsuite name="unit">
      <directory>tests</directory>
    </testsuite>
  </testsuites>
</phpunit>
"""

# --- bats
_BATS = """\
#!/usr/bin/env bats

setup() {
  export DEPLOY_ENV=staging
}

@test "prints usage without arguments" {
  run ./bin/deploy
  [ "$status" -eq 2 ]
  [[ "$output" == *"usage: deploy"* ]]
}

@test "refuses unknown environment" {
  run ./bin/deploy prod-eu
  [ "$status" -eq 3 ]
}

@test "dry run lists the steps" {
  run ./bin/deploy staging --dry-run
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "step 1/3: build image" ]
}

@test "version flag" {
  run ./bin/deploy --version
  [ "$output" = "deploy 2.1.0" ]
}

@test "staging is the default target" {
  run ./bin/deploy --dry-run
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "target: staging" ]
}
"""
_BATS_DEPLOY = """\
#!/bin/bash
case "$1" in
  "") echo "usage: deploy ENV [--dry-run]" >&2; exit 2 ;;
  --version) echo "deploy 2.0.3"; exit 0 ;;
  staging|production) ;;
  --dry-run) ;;
  *) echo "unknown environment: $1" >&2; exit 3 ;;
esac
echo "step 1/3: build image"
echo "step 2/3: push image"
echo "step 3/3: roll out"
"""

# --- curl readiness probe against a server that never answers in time
_CT_SLOW = """\
import http.server
import time


class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(30)

    def log_message(self, *a):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", 8932), H).serve_forever()
"""
_CT_WAIT = """\
#!/bin/bash
set -u
for attempt in 1 2 3; do
  echo "waiting for search API (attempt $attempt/3)"
  if curl -fsS --max-time 2 http://127.0.0.1:8932/healthz; then
    echo "search API is up"
    exit 0
  fi
  sleep 1
done
echo "search API did not become ready" >&2
exit 28
"""

# --- lua
_LUA_GEN = """\
local routes = dofile("config/routes.lua")

local function render(route)
  return string.format("%-6s %-28s -> %s", route.method, route.path, route.handler.name)
end

print("generating routes table")
for i, route in ipairs(routes) do
  print(render(route))
end
print(("%d routes"):format(#routes))
"""
_LUA_ROUTES = """\
return {
  { method = "GET", path = "/health", handler = { name = "health.show" } },
  { method = "GET", path = "/api/v1/users", handler = { name = "users.index" } },
  { method = "POST", path = "/api/v1/users", handler = { name = "users.create" } },
  { method = "GET", path = "/api/v1/users/:id", hander = { name = "users.show" } },
  { method = "DELETE", path = "/api/v1/users/:id", handler = { name = "users.destroy" } },
}
"""

# --- maven: a malformed pom
_MV_POM = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>ledger</artifactId>
  <version>1.3.0-SNAPSHOT</version>

  <properties>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>

  <dependencies>
    <dependency>
      <groupId>junit</groupId>
      <artifactId>junit</artifactId>
      <version>4.13.2</version>
      <scope>test</scope>
  </dependencies>
</project>
"""

_GIT_SETUP = """\
set -e
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@acme.test GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@acme.test
rm -rf /tmp/h6-git && mkdir -p /tmp/h6-git
git init -q --bare -b main /tmp/h6-git/site.git
git init -q -b main . && git add -A && git commit -qm 'initial' && git remote add origin /tmp/h6-git/site.git && git push -q origin main
git clone -q /tmp/h6-git/site.git /tmp/h6-git/other && cd /tmp/h6-git/other && echo 'v2' > VERSION && git add VERSION && git commit -qm 'bump version' && git push -q origin main
"""
_GIT_PUBLISH = """\
#!/bin/bash
set -euo pipefail
upload_artifacts() {
  echo "--- uploading site artifacts"
  for f in $(find docs -type f -name '*.html' | sort); do
    echo "uploading $f ($(wc -c < "$f") bytes) ... done"
  done
  echo "removing worktree lock"
  echo "cleanup finished"
}
trap upload_artifacts EXIT
export GIT_AUTHOR_NAME=buildkite GIT_AUTHOR_EMAIL=ci@acme.test GIT_COMMITTER_NAME=buildkite GIT_COMMITTER_EMAIL=ci@acme.test
echo "--- regenerating docs/index.html"
date -u +%Y > docs/year.txt
echo "<h1>Site</h1>" > docs/index.html
for n in $(seq -w 1 48); do echo "<p>page $n</p>" > docs/page-$n.html; done
git add docs
git commit -m "docs: regenerate site [skip ci]"
echo "--- pushing to origin/main"
git push origin HEAD:main
"""


def register(case):
    case(
        name="erlang-common-test-two-failed",
        tool="ct_run",
        category="test",
        label=":erlang: common_test",
        repo="cart",
        tty=False,
        command="ct_run -noshell -dir test -pa ebin -logdir logs",
        setup="mkdir -p ebin logs && erlc -o ebin src/cart.erl",
        files={"src/cart.erl": _CT_CART, "test/cart_SUITE.erl": _CT_SUITE},
        keys=["cart_SUITE:apply_discount", "cart_SUITE:currency", "2 failed of 5 test cases"],
        cause=[has(r"^cart_SUITE:(apply_discount|currency) failed on line", rx=True), has("Reason: {badmatch,"),
               has("*** FAILED test case"), has("TEST COMPLETE, 3 ok, 2 failed of 5 test cases")],
    )
    case(
        name="escript-badmatch-enoent",
        tool="escript",
        category="runtime",
        ci="gitlab",
        repo="release-notes",
        tty=False,
        command="escript scripts/release_notes.escript 4.2.0",
        files={"scripts/release_notes.escript": _ES_SCRIPT, "changes/4.1.0.eterm": '{fix, "crash on empty cart"}.\n'},
        keys=["no match of right hand side value {error,enoent}", "scripts/release_notes.escript, line 7"],
        cause=[has("escript: exception error: no match of right hand side value {error,enoent}"),
               has("scripts/release_notes.escript")],
        exit_status=127,
    )
    case(
        name="dialyzer-never-return-and-unused",
        tool="dialyzer",
        category="lint",
        label=":erlang: dialyzer",
        repo="fx-rates",
        tty=False,
        command="dialyzer --plt _build/otp25.plt --src src/",
        setup=("test -f /work/scratch/h6/otp25.plt || dialyzer --build_plt --apps erts kernel stdlib --output_plt "
               "/work/scratch/h6/otp25.plt; mkdir -p _build && cp /work/scratch/h6/otp25.plt _build/otp25.plt"),
        files={"src/rates.erl": _DZ_MOD},
        keys=["rates.erl:19:5", "will never return since it differs in the 1st argument", "legacy_table/0 will never be called"],
        cause=[span("rates.erl:19:5", "any())"), has(r"^rates.erl:\d+:\d+: Function", rx=True),
               has("done (warnings were emitted)")],
        exit_status=2,
    )
    case(
        name="perl-syntax-error-in-required-module",
        tool="perl",
        category="compile",
        ci="travis",
        repo="acme-report",
        tty=False,
        command="perl -c bin/report.pl",
        files={"bin/report.pl": _PL_BIN, "lib/Acme/Report.pm": _PL_MOD},
        keys=["syntax error at lib/Acme/Report.pm line 11", "Compilation failed in require at bin/report.pl line 5."],
        cause=[has(r"at lib/Acme/Report.pm line \d+", rx=True), has("Compilation failed in require"),
               has("BEGIN failed--compilation aborted")],
        exit_status=255,
    )
    case(
        name="rake-dont-know-task-db-seed",
        tool="rake",
        category="config",
        label=":ruby: Seed database",
        repo="shop-api",
        tty=False,
        command="bundle exec rake db:setup db:seed",
        run="rake db:setup db:seed",
        files={"Rakefile": _RK_RAKEFILE},
        keys=["Don't know how to build task 'db:seed'"],
        cause=[has("rake aborted!"), has("Don't know how to build task 'db:seed'"), has("Did you mean?")],
        exit_status=1,
    )
    case(
        name="rubocop-offenses-warning-and-convention",
        tool="rubocop",
        category="lint",
        ci="gitlab",
        repo="invoices",
        tty=False,
        command="rubocop --format simple lib",
        files={"lib/invoice_formatter.rb": _RC_LIB, ".rubocop.yml": "AllCops:\n  NewCops: enable\n  SuggestExtensions: false\n"},
        keys=["lib/invoice_formatter.rb", "Lint/UselessAssignment", "Style/RedundantReturn", "9 offenses detected"],
        cause=[has(r"^[CWEF]:\s*\d+:\s*\d+: ", rx=True), has(r"inspected, \d+ offenses", rx=True), has("== lib/invoice_formatter.rb ==")],
        exit_status=1,
    )
    case(
        name="phpunit-failure-and-undefined-key-error",
        tool="phpunit",
        category="test",
        label=":php: PHPUnit",
        repo="money",
        command="phpunit",
        files={"src/Money.php": _PU_SRC, "tests/MoneyTest.php": _PU_TEST, "phpunit.xml": _PU_XML,
               "tests/bootstrap.php": "<?php\nrequire __DIR__ . '/../src/Money.php';\n"},
        keys=["MoneyTest::testAddRejectsOtherCurrency", "MoneyTest::testParseWithoutAmount"],
        cause=[has(r"^\d\) MoneyTest::", rx=True), has("Failed asserting that exception of type"),
               has("Undefined array key 1"), has(r"(tests/MoneyTest|src/Money).php:\d+$", rx=True),
               has(r"^(FAILURES|ERRORS)!$", rx=True), has(r"^Tests: 4, ", rx=True)],
    )
    case(
        name="bats-two-not-ok",
        tool="bats",
        category="test",
        label=":bash: bats",
        repo="deploy-tools",
        tty=False,
        command="bats test/deploy.bats",
        files={"test/deploy.bats": _BATS, "bin/deploy": _BATS_DEPLOY},
        setup="chmod +x bin/deploy",
        keys=["not ok 4 version flag", "not ok 5 staging is the default target", "test/deploy.bats, line 26",
              "test/deploy.bats, line 32"],
        cause=[has(r"^not ok \d", rx=True), has(r"^# \(in test file test/deploy.bats, line \d+\)", rx=True),
               has(r"failed$", rx=True)],
        exit_status=1,
    )
    case(
        name="git-push-rejected-then-artifact-tail",
        tool="git",
        category="infrastructure",
        label=":git: Publish docs",
        repo="site",
        tty=False,
        command="./ci/publish-docs.sh",
        setup=_GIT_SETUP,
        files={"ci/publish-docs.sh": _GIT_PUBLISH, "docs/.keep": "", "README.md": "# site\n"},
        keys=["! [rejected]        HEAD -> main (fetch first)", "error: failed to push some refs"],
        cause=[has("! [rejected]"), has("error: failed to push some refs"),
               has("hint: Updates were rejected because the remote contains work"), has("hint: not have locally.")],
        exit_status=1,
    )
    case(
        name="flock-deploy-lock-wait-timeout",
        tool="flock",
        category="timeout",
        label=":rocket: Deploy staging",
        repo="infra",
        tty=False,
        command="flock --verbose -w 5 /tmp/h6-deploy-staging.lock ./scripts/deploy.sh staging",
        run="flock /tmp/h6-deploy-staging.lock sleep 12 & holder=$!; sleep 0.5; flock --verbose -w 5 /tmp/h6-deploy-staging.lock ./scripts/deploy.sh staging; s=$?; kill $holder; exit $s",
        files={"scripts/deploy.sh": "#!/bin/bash\necho \"deploying to $1\"\n"},
        keys=["flock: timeout while waiting to get lock"],
        cause=[has("flock: timeout while waiting to get lock")],
        exit_status=1,
    )
    case(
        name="curl-max-time-three-attempts",
        tool="curl",
        category="timeout",
        ci="travis",
        repo="search",
        tty=False,
        command="./ci/wait-for-search.sh",
        run="python3 ci/slow_api.py >/dev/null 2>&1 & srv=$!; sleep 1; ./ci/wait-for-search.sh; s=$?; kill $srv; exit $s",
        files={"ci/slow_api.py": _CT_SLOW, "ci/wait-for-search.sh": _CT_WAIT},
        keys=["curl: (28) Operation timed out after 200", "search API did not become ready"],
        cause=[has("curl: (28) Operation timed out"), has("search API did not become ready")],
        exit_status=28,
    )
    case(
        name="lua-attempt-to-index-nil-field",
        tool="lua",
        category="runtime",
        ci="github",
        repo="gateway",
        tty=False,
        command="lua5.4 scripts/gen_routes.lua",
        files={"scripts/gen_routes.lua": _LUA_GEN, "config/routes.lua": _LUA_ROUTES},
        keys=["attempt to index a nil value (field 'handler')", "scripts/gen_routes.lua:4"],
        cause=[has("attempt to index a nil value"), has(r"scripts/gen_routes.lua:\d+: in ", rx=True)],
        exit_status=1,
    )
    case(
        name="maven-non-parseable-pom",
        tool="maven",
        category="config",
        label=":java: mvn package",
        repo="ledger",
        tty=False,
        command="mvn -B -o package",
        files={"pom.xml": _MV_POM},
        keys=["Non-parseable POM", "end tag name </dependencies> must match start tag name <dependency> from line 15"],
        cause=[has("Non-parseable POM"), has("The build could not read 1 project"), has("has 1 error")],
        exit_status=1,
    )
