"""Ruby and PHP cases for the eighteenth held-out corpus (Ruby 3.1 with its bundled minitest and
rake, PHP 8.2 CLI; both from Debian)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- ruby: YAML config that does not parse
_SIDEKIQ_YML = """:concurrency: 10
:queues:
  - [critical, 6]
 - [default, 3]
  - [mailers, 1]
:timeout: 25
"""
_BOOT_RB = r'''require "yaml"
require "logger"

log = Logger.new($stdout)
log.formatter = proc { |sev, _t, _p, msg| "#{sev.ljust(5)} boot: #{msg}\n" }
%w[RAILS_ENV=test DATABASE_URL=postgres://localhost/acme_test REDIS_URL=redis://localhost:6379/1].each do |kv|
  log.info("env #{kv}")
end
log.info("loading initializers (14)")
14.times { |i| log.debug("initializer #{i + 1}/14 loaded") }
log.warn("ActiveSupport::Deprecation: config.cache_classes is deprecated (not an error)")

def load_worker_config(path)
  YAML.safe_load(File.read(path), permitted_classes: [Symbol], filename: path)
end

cfg = load_worker_config("config/sidekiq.yml")
log.info("worker concurrency #{cfg[:concurrency]}")
'''

# --- ruby: ERB template with an undefined name
_RENDER_RB = r'''require "erb"

RELEASES = [
  { version: "4.2.0", notes: "Faster exports" },
  { version: "4.2.1", notes: "Fix CSV quoting" },
]

def render(path, vars)
  ERB.new(File.read(path), trim_mode: "-").result_with_hash(vars)
end

RELEASES.each do |r|
  puts "rendering notes for #{r[:version]}"
  out = render("templates/release.md.erb", version: r[:version], notes: r[:notes])
  File.write("public/#{r[:version]}.md", out)
  puts "  wrote public/#{r[:version]}.md (#{out.bytesize} bytes)"
end
'''
_RELEASE_ERB = """# Release <%= version %>

<%= notes %>

Released on <%= release_date.strftime("%Y-%m-%d") %>.
"""

# --- ruby: Net::ReadTimeout against a silent server
_SMOKE_RB = r'''require "net/http"
require "socket"

server = TCPServer.new("127.0.0.1", 0)
port = server.addr[1]
Thread.new { loop { server.accept } } # accepts, never answers

def fetch(port)
  Net::HTTP.start("127.0.0.1", port, open_timeout: 1, read_timeout: 1) do |http|
    http.get("/healthz")
  end
end

puts "smoke: search-api on 127.0.0.1:#{port}"
attempts = 0
begin
  attempts += 1
  res = fetch(port)
  puts "smoke: #{res.code}"
rescue Net::ReadTimeout => e
  warn "smoke: attempt #{attempts}/3 failed: #{e.class}"
  retry if attempts < 3
  raise
end
'''

# --- ruby: gem activation with an impossible requirement
_TASKS_RB = r'''puts "ruby #{RUBY_VERSION}, rubygems #{Gem::VERSION}"
puts "loading task library"
gem "rake", ">= 99.0"
require "rake"
puts "rake #{Rake::VERSION}"
'''

# --- ruby: report writer under a file-size limit
_EXPORT_RB = r'''rows = 0
File.open("tmp/export.csv", "w") do |f|
  f.puts "id,account,amount,currency,note"
  40_000.times do |i|
    f.puts "#{i},ACC#{i.to_s.rjust(8, "0")},#{(i * 37) % 10_000}.#{i % 100},EUR,settlement batch #{i / 500}"
    rows += 1
    puts "export: #{rows} rows" if (rows % 5000).zero?
  end
end
puts "export: done (#{rows} rows)"
'''
_EXPORT_SH = """#!/usr/bin/env bash
set -euo pipefail
mkdir -p tmp
echo "export: agent limits"
ulimit -a | grep -E 'file size|open files'
ulimit -f 512
ruby bin/export.rb
gzip -9 tmp/export.csv
"""

# --- ruby: minitest with two failures
_PARSER_RB = r'''module Duration
  UNITS = { "s" => 1, "m" => 60, "h" => 3600, "d" => 86_400 }.freeze

  def self.parse(text)
    text.scan(/(\d+(?:\.\d+)?)([smhd])/).sum { |n, u| n.to_f * UNITS.fetch(u) }
  end
end
'''
_PARSER_TEST = r'''require "minitest/autorun"
require "duration"

class DurationTest < Minitest::Test
  def test_seconds; assert_equal 5, Duration.parse("5s"); end
  def test_minutes; assert_equal 120, Duration.parse("2m"); end
  def test_hours; assert_equal 7200, Duration.parse("2h"); end
  def test_days; assert_equal 86_400, Duration.parse("1d"); end
  def test_combined; assert_equal 3723, Duration.parse("1h2m3s"); end
  def test_spaces; assert_equal 3660, Duration.parse("1h 1m"); end
  def test_zero; assert_equal 0, Duration.parse("0s"); end
  def test_empty; assert_equal 0, Duration.parse(""); end
  def test_fraction_hours; assert_in_delta 5400.0, Duration.parse("1.5h"), 0.001; end
  def test_fraction_minutes_rounding; assert_in_delta 90.0, Duration.parse("1.55m"), 0.01; end
  def test_rejects_garbage
    assert_raises(ArgumentError) { Duration.parse("soon") }
  end
  def test_many_units; assert_equal 90_061, Duration.parse("1d1h1m1s"); end
end
'''

# --- php: INI that does not parse
_APP_INI = """[app]
name = "invoices"
env = staging

[database]
host = db.internal
timeout = 30 (seconds)
pool = 8
"""
_PHP_BOOT = r'''<?php
fwrite(STDOUT, "boot: php " . PHP_VERSION . "\n");
foreach (['intl', 'mbstring', 'json'] as $ext) {
    fwrite(STDOUT, sprintf("boot: ext %-8s %s\n", $ext, extension_loaded($ext) ? 'loaded' : 'missing (optional)'));
}
$cfg = parse_ini_file(__DIR__ . '/../config/app.ini', true, INI_SCANNER_TYPED);
if ($cfg === false) {
    throw new RuntimeException('could not parse config/app.ini');
}
fwrite(STDOUT, "boot: database host {$cfg['database']['host']}\n");
'''

# --- php: composer autoloader missing
_PHP_WORKER = r'''<?php
declare(strict_types=1);

require __DIR__ . '/../vendor/autoload.php';

use Acme\Queue\Worker;

(new Worker(getenv('QUEUE') ?: 'default'))->run();
'''

# --- php: array_combine with a short row
_PHP_IMPORT = r'''<?php
$fh = fopen($argv[1], 'r');
$header = fgetcsv($fh);
$n = 0;
while (($row = fgetcsv($fh)) !== false) {
    $n++;
    $rec = array_combine($header, $row);
    if ($n % 50 === 0) {
        echo "import: {$n} rows (last sku {$rec['sku']})\n";
    }
}
echo "import: done, {$n} rows\n";
'''
_IMPORT_SH = """#!/usr/bin/env bash
set -uo pipefail
cleanup() {
  echo "--- cleanup"
  echo "stopping import sidecar ... done"
  for t in products prices stock media; do echo "truncating staging table $t ... ok"; done
  echo "uploading import.log to artifacts (0 errors)"
  echo "released advisory lock 4242"
}
trap cleanup EXIT
echo "import: reading data/products.csv ($(wc -l < data/products.csv) lines)"
php bin/import.php data/products.csv
"""


def _products() -> str:
    rows = ["sku,name,price,currency,stock"]
    for i in range(1, 181):
        rows.append(f"SKU-{i:05d},Widget {i},{i * 3 % 97}.99,EUR,{i * 7 % 50}")
    rows.insert(164, "SKU-00164,Widget 164,12.99,EUR")
    return "\n".join(rows) + "\n"


# --- php: assert()-based test runner
_PHP_SLUG = r'''<?php
function slugify(string $s): string {
    $s = strtolower(trim($s));
    $s = preg_replace('/[^a-z0-9]+/', '-', $s);
    return trim($s, '-');
}
function truncate_words(string $s, int $n): string {
    $w = explode(' ', $s);
    return implode(' ', array_slice($w, 0, $n)) . (count($w) > $n ? '...' : '');
}
'''
_PHP_RUN = r'''<?php
require __DIR__ . '/../src/text.php';

$tests = [
    'slug_basic' => fn() => assert(slugify('Hello World') === 'hello-world'),
    'slug_trim' => fn() => assert(slugify('  Hi  ') === 'hi'),
    'slug_symbols' => fn() => assert(slugify('a&b') === 'a-b'),
    'slug_accents' => fn() => assert(slugify('Crème brûlée') === 'creme-brulee'),
    'slug_digits' => fn() => assert(slugify('Route 66') === 'route-66'),
    'slug_empty' => fn() => assert(slugify('') === ''),
    'trunc_short' => fn() => assert(truncate_words('one two', 5) === 'one two'),
    'trunc_exact' => fn() => assert(truncate_words('one two three', 3) === 'one two three'),
    'trunc_long' => fn() => assert(truncate_words('one two three four', 2) === 'one two...'),
    'trunc_spaces' => fn() => assert(truncate_words('one  two three', 2) === 'one two...'),
    'trunc_zero' => fn() => assert(truncate_words('one', 0) === '...'),
];
$failed = 0; $i = 0;
foreach ($tests as $name => $t) {
    $i++;
    try {
        $t();
        echo "ok {$i} - {$name}\n";
    } catch (AssertionError $e) {
        $failed++;
        echo "not ok {$i} - {$name}\n";
        echo "#   " . $e->getMessage() . "\n";
        echo "#   at tests/run.php line " . $e->getLine() . "\n";
    }
}
echo "1..{$i}\n";
echo $failed ? "# FAILED {$failed} of {$i} tests\n" : "# all {$i} tests passed\n";
exit($failed ? 1 : 0);
'''

# --- php: recursion through array_map until the C stack runs out
_PHP_MENU = r'''<?php
$items = [
    'home' => ['label' => 'Home', 'children' => ['products', 'about']],
    'products' => ['label' => 'Products', 'children' => ['widgets', 'gadgets']],
    'widgets' => ['label' => 'Widgets', 'children' => []],
    'gadgets' => ['label' => 'Gadgets', 'children' => ['accessories']],
    'accessories' => ['label' => 'Accessories', 'children' => ['products']], // cycle
    'about' => ['label' => 'About', 'children' => []],
];
function build(array $items, string $key): array {
    return [
        'label' => $items[$key]['label'],
        'children' => array_map(fn($c) => build($items, $c), $items[$key]['children']),
    ];
}
echo "menu: " . count($items) . " items\n";
$tree = build($items, 'home');
echo "menu: built\n";
file_put_contents('public/menu.json', json_encode($tree));
'''
_MENU_SH = """#!/usr/bin/env bash
set -eo pipefail
mkdir -p public
echo "menu: php $(php -r 'echo PHP_VERSION;')"
php -d memory_limit=-1 bin/menu.php
echo "menu: written public/menu.json"
"""


def register(case):
    case(
        name="ruby-psych-syntaxerror-sidekiq-yml-bad-indent-after-boot-log",
        tool="ruby",
        category="config",
        repo="billing",
        tty=False,
        command="ruby bin/boot.rb",
        files={"bin/boot.rb": _BOOT_RB, "config/sidekiq.yml": _SIDEKIQ_YML},
        keys=["Psych::SyntaxError", "config/sidekiq.yml"],
        cause=[has("Psych::SyntaxError"), has("in `load_worker_config'"), has("bin/boot.rb:17")],
    )
    case(
        name="ruby-erb-nameerror-release-date-undefined",
        tool="ruby",
        category="runtime",
        ci="travis",
        repo="notes",
        tty=False,
        setup="mkdir -p public",
        command="ruby bin/render.rb",
        files={"bin/render.rb": _RENDER_RB, "templates/release.md.erb": _RELEASE_ERB},
        keys=["release_date", "NameError"],
        cause=[has("NameError"), has("bin/render.rb:")],
    )
    case(
        name="ruby-net-readtimeout-healthz-three-attempts",
        tool="ruby",
        category="timeout",
        repo="search",
        tty=False,
        command="ruby bin/smoke.rb",
        files={"bin/smoke.rb": _SMOKE_RB},
        keys=["Net::ReadTimeout", "attempt 3/3 failed"],
        cause=[has("failed: Net::ReadTimeout"), has("(Net::ReadTimeout)"), has("bin/smoke.rb:")],
    )
    case(
        name="ruby-gem-missingspecversionerror-rake-99",
        tool="ruby",
        category="dependency",
        ci="gitlab",
        repo="tasks",
        tty=False,
        command="ruby bin/tasks.rb",
        files={"bin/tasks.rb": _TASKS_RB},
        keys=["Could not find 'rake' (>= 99.0)", "Gem::MissingSpecVersionError"],
        cause=[has("Could not find 'rake'"), has("bin/tasks.rb:3")],
    )
    case(
        name="ruby-export-csv-ulimit-f-file-size-limit",
        tool="ruby",
        category="resource",
        repo="exports",
        tty=False,
        command="./ci/export.sh",
        files={"bin/export.rb": _EXPORT_RB, "ci/export.sh": _EXPORT_SH},
        keys=["File size limit exceeded"],
        cause=[has("File size limit exceeded")],
    )
    case(
        name="ruby-minitest-assert-raises-nothing-raised-and-in-delta",
        tool="minitest",
        category="test",
        ci="travis",
        repo="duration",
        tty=False,
        command="ruby -Ilib test/duration_test.rb --seed 1717 --verbose",
        files={"lib/duration.rb": _PARSER_RB, "test/duration_test.rb": _PARSER_TEST},
        keys=["ArgumentError expected but nothing was raised", "test_fraction_minutes_rounding"],
        cause=[has("Failure:"), has(r"DurationTest#test_\w+ \[test/", rx=True), has(" = F"), has("expected but nothing was raised"),
               has("Expected |90.0 -"), has("failures,")],
    )
    case(
        name="php-parse-ini-file-syntax-error-unexpected-paren",
        tool="php",
        category="config",
        repo="invoices",
        tty=False,
        command="php bin/boot.php",
        files={"bin/boot.php": _PHP_BOOT, "config/app.ini": _APP_INI},
        keys=["syntax error, unexpected '('", "could not parse config/app.ini"],
        cause=[has("syntax error"), has("boot.php on line 6"), has("could not parse config/app.ini")],
    )
    case(
        name="php-require-vendor-autoload-failed-opening",
        tool="php",
        category="dependency",
        ci="github",
        repo="queue",
        tty=False,
        command="php bin/worker.php",
        files={"bin/worker.php": _PHP_WORKER},
        keys=["vendor/autoload.php", "Failed opening required"],
        cause=[has("Failed to open stream"), has("Failed opening required")],
    )
    case(
        name="php-array-combine-valueerror-row-164-then-cleanup",
        tool="php",
        category="runtime",
        repo="catalog",
        tty=False,
        command="./ci/import.sh",
        files={"bin/import.php": _PHP_IMPORT, "ci/import.sh": _IMPORT_SH, "data/products.csv": _products()},
        keys=["array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements"],
        cause=[has("ValueError"), has("#0 "), has("#1 "), has("thrown in")],
    )
    case(
        name="php-assert-runner-two-not-ok-of-11",
        tool="php",
        category="test",
        ci="gitlab",
        repo="text",
        tty=False,
        command="php -d zend.assertions=1 -d assert.exception=1 tests/run.php",
        files={"src/text.php": _PHP_SLUG, "tests/run.php": _PHP_RUN},
        keys=["slug_accents", "FAILED 2 of 11"],
        cause=[has("not ok"), has("#   assert("), has("#   at tests/run.php"), has("# FAILED")],
    )
    case(
        name="php-array-map-recursion-cycle-segfault-139",
        tool="php",
        category="crash",
        repo="site",
        tty=False,
        command="./ci/build-menu.sh",
        files={"bin/menu.php": _PHP_MENU, "ci/build-menu.sh": _MENU_SH},
        keys=["Segmentation fault"],
        cause=[has("Segmentation fault")],
    )
