"""Python, Node, Ruby, PHP, Perl, make and shell cases for the twenty-third held-out corpus (Python
3.11 venv with pytest, PyYAML and jsonschema, Node 20, Ruby 3.1 with RSpec 3.12 from Debian's ruby-rspec, PHP 8.2
CLI, Perl 5.36 with prove, GNU make, tar)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_SCHEMA_PY = '''import json
import sys

import jsonschema
import yaml

schema = json.load(open("schemas/service.schema.json"))
for name in ("api", "billing", "worker", "search"):
    path = f"services/{name}.yml"
    doc = yaml.safe_load(open(path))
    print(f"validate: {path} ({len(doc)} keys)", flush=True)
    jsonschema.validate(doc, schema)
print("validate: all services valid")
sys.exit(0)
'''
_SCHEMA = """{
  "type": "object",
  "required": ["name", "replicas", "port"],
  "additionalProperties": false,
  "properties": {
    "name": {"type": "string"},
    "replicas": {"type": "integer", "minimum": 1},
    "port": {"type": "integer"},
    "timeout_seconds": {"type": "integer"}
  }
}
"""
_SERVICES = {
    "services/api.yml": "name: api\nreplicas: 3\nport: 8080\ntimeout_seconds: 30\n",
    "services/billing.yml": "name: billing\nreplicas: 2\nport: 8081\n",
    "services/worker.yml": "name: worker\nreplicas: 4\nport: 8082\ntimeout_sec: 120\n",
    "services/search.yml": "name: search\nreplicas: 1\nport: 8083\n",
}

_ENVFILE_PKG = '{\n  "name": "mailer",\n  "private": true,\n  "scripts": {\n    "start:ci": "node --env-file=.env.ci server.js"\n  }\n}\n'

_DICTCONFIG_PY = '''import logging.config

import yaml

print("app: loading config/logging.yml", flush=True)
with open("config/logging.yml") as fh:
    logging.config.dictConfig(yaml.safe_load(fh))
logging.getLogger("app").info("started")
'''
_LOGGING_YML = """version: 1
formatters:
  plain:
    format: "%(asctime)s %(levelname)s %(message)s"
handlers:
  console:
    class: logging.StreamHandler
    formatter: plain
  audit:
    class: logging.FileHandler
    filename: /var/log/widgets/audit.log
    formatter: plain
root:
  level: INFO
  handlers: [console, audit]
"""

_RECIPE_MK = """VERSION := 1.8.0
DIST := dist/widgets-$(VERSION)
ifeq ($(CHANNEL),stable)
  TAG := latest
else
  TAG := $(CHANNEL)

all: $(DIST).tar.gz

$(DIST).tar.gz:
\tmkdir -p dist
\ttar czf $@ README.md
"""


def _pytest_long() -> str:
    out = ["from app.render import render_invoice", ""]
    for i in range(120):
        out += [f"def test_line_{i:03d}():", f"    assert render_invoice([{i}]).count('\\n') == 3", ""]
    out += [
        "def test_full_invoice():",
        "    expected = (",
        '        "INVOICE 2026-0042\\n"',
        '        "widget x3 ........ 12.00\\n"',
        '        "gadget x1 ........  7.50\\n"',
        '        "VAT 20% ..........  3.90\\n"',
        '        "TOTAL ............ 23.40\\n"',
        "    )",
        "    assert render_invoice([12, 7.5], header='INVOICE 2026-0042') == expected",
        "",
    ]
    return "\n".join(out)


_RENDER_PY = '''def render_invoice(amounts, header="INVOICE"):
    if len(amounts) == 1:
        return f"{header}\\nline {amounts[0]}\\nTOTAL {amounts[0]}\\n"
    net = sum(amounts)
    vat = round(net * 0.2, 2)
    return (
        f"{header}\\n"
        f"widget x3 ........ {amounts[0]:5.2f}\\n"
        f"gadget x1 ........ {amounts[1]:5.2f}\\n"
        f"VAT 20% .......... {vat:5.2f}\\n"
        f"TOTAL ............ {net:5.2f}\\n"
    )
'''

_RSPEC_LIB = '''class Cart
  def initialize
    @items = []
  end

  def add(sku, qty: 1, price:)
    @items << { sku: sku, qty: qty, price: price }
    self
  end

  def total
    @items.sum { |i| i[:price] }
  end

  def skus
    @items.map { |i| i[:sku] }.uniq.sort
  end
end
'''
_RSPEC_SPEC = '''require "cart"

RSpec.describe Cart do
  subject(:cart) { described_class.new }

  it "starts empty" do
    expect(cart.total).to eq(0)
  end

  it "lists unique skus" do
    cart.add("b", price: 1).add("a", price: 2).add("b", price: 1)
    expect(cart.skus).to eq(%w[a b])
  end

  it "multiplies price by quantity" do
    cart.add("a", qty: 3, price: 250)
    expect(cart.total).to eq(750)
  end

  it "sums several lines" do
    cart.add("a", qty: 2, price: 100).add("b", price: 50)
    expect(cart.total).to eq(250)
  end
end
'''

_MONKEY_TEST = '''import pytest

from app.settings import load


def test_defaults(monkeypatch):
    monkeypatch.setenv("APP_ENV", "ci")
    assert load()["env"] == "ci"


def test_region_from_env(monkeypatch):
    monkeypatch.delenv("APP_ENV", raising=False)
    monkeypatch.setenv("APP_REGION", "eu-west-1")
    assert load()["region"] == "eu-west-1"
'''
_SETTINGS_PY = '''import os


def load():
    return {
        "env": os.environ["APP_ENV"],
        "region": os.environ.get("APP_REGION", "us-east-1"),
    }
'''

_SUBTEST_T = """use strict;
use warnings;
use Test::More;
use lib 'lib';
use Acme::Semver qw(parse);

subtest 'plain versions' => sub {
    is_deeply(parse('1.2.3'), [1, 2, 3], '1.2.3');
    is_deeply(parse('10.0.1'), [10, 0, 1], '10.0.1');
};

subtest 'v prefix' => sub {
    is_deeply(parse('v2.0.0'), [2, 0, 0], 'v2.0.0');
    is_deeply(parse('v0.9.12'), [0, 9, 12], 'v0.9.12');
};

done_testing;
"""
_SEMVER_PM = """package Acme::Semver;
use strict; use warnings;
use Exporter 'import';
our @EXPORT_OK = qw(parse);
sub parse { my ($v) = @_; return [ map { $_ + 0 } ($v =~ /^(\\d+)\\.(\\d+)\\.(\\d+)$/) ] }
1;
"""

_WHEEL_SH = r"""#!/usr/bin/env bash
set -euo pipefail
python -m pip --version
echo "--- installing from wheelhouse/"
ls -1 wheelhouse
python -m pip install --no-index --find-links wheelhouse --target /tmp/h22-site-$$ wheelhouse/acme_native-2.4.1-cp312-cp312-manylinux_2_28_x86_64.whl
"""

_EXPORTS_PKG = '{\n  "name": "@acme/tokens",\n  "version": "3.0.0",\n  "main": "index.js",\n  "exports": {\n    ".": "./index.js",\n    "./colors": "./colors.js"\n  }\n}\n'

_AUTOLOAD_PHP = '''<?php
declare(strict_types=1);

echo "worker: php " . PHP_VERSION . "\\n";
require __DIR__ . "/vendor/autoload.php";

$q = new Acme\\Queue\\Client(getenv("QUEUE_URL") ?: "redis://localhost");
echo "worker: connected\\n";
'''

_REGEX_PY = '''import re
import sys

LINE = re.compile(r"^(?P<ts>\\S+) (?P<level>[A-Z]+) (?P<svc>[a-z-]+): (?P<msg>.*)$")
counts = {}
with open("logs/combined.log") as fh:
    for n, raw in enumerate(fh, 1):
        m = LINE.match(raw.rstrip("\\n"))
        level = m.group("level")
        counts[level] = counts.get(level, 0) + 1
        if n % 200 == 0:
            print(f"summarise: {n} lines, {counts}", flush=True)
print(counts)
sys.exit(0)
'''


def _combined_log() -> str:
    svcs = ["api", "billing", "auth-gw"]
    levels = ["INFO", "INFO", "WARN", "INFO", "ERROR", "DEBUG"]
    out = []
    for i in range(1, 900):
        if i == 733:
            out.append("2026-03-02T10:12:33Z   INFO api: request served (multi-space separator from a new logger)")
            continue
        out.append(f"2026-03-02T10:{i // 60 % 60:02d}:{i % 60:02d}Z {levels[i % 6]} {svcs[i % 3]}: event {i}")
    return "\n".join(out) + "\n"


_ARRAYSUM_PHP = '''<?php
declare(strict_types=1);

$regions = json_decode(file_get_contents(__DIR__ . "/data/sales.json"), true);
foreach ($regions as $name => $r) {
    $total = array_sum($r["monthly"]);
    printf("report: %-6s %10.2f\\n", $name, $total);
}
'''
_SALES = '{"north": {"monthly": [120.5, 98.0, 143.25]}, "south": {"monthly": [88.0, 91.5, 77.0]}, "east": {"monthly_totals": [10.0]}, "west": {"monthly": [5.0]}}\n'

_HTTP502_PY = '''import http.server
import threading
import urllib.request


class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(502)
        self.end_headers()
        self.wfile.write(b"<html><body>502 Bad Gateway</body></html>")

    def log_message(self, *a):
        pass


srv = http.server.HTTPServer(("127.0.0.1", 0), H)
threading.Thread(target=srv.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{srv.server_port}/artifacts/web-bundle-5521.tar.zst"
print(f"fetch: downloading {url}", flush=True)
with urllib.request.urlopen(url, timeout=5) as r:
    open("bundle.tar.zst", "wb").write(r.read())
print("fetch: ok")
'''

_NETHTTP_RB = '''require "net/http"
require "uri"

%w[lint unit e2e].each { |s| puts "report: stage #{s} finished" }
uri = URI("http://127.0.0.1:9/api/v1/builds/8812/status")
puts "report: posting status to #{uri}"
res = Net::HTTP.post(uri, '{"state":"success"}', "Content-Type" => "application/json")
puts "report: #{res.code}"
'''

_READTIMEOUT_RB = '''require "net/http"
require "socket"

server = TCPServer.new("127.0.0.1", 0)
port = server.addr[1]
Thread.new { loop { server.accept } } # accepts, never answers
puts "search: reindex via http://127.0.0.1:#{port}/_reindex"
http = Net::HTTP.new("127.0.0.1", port)
http.read_timeout = 2
http.max_retries = 1
res = http.post("/_reindex", "{}")
puts "search: #{res.code}"
'''

_QUEUE_PY = '''import queue
import threading
import time

results = queue.Queue()


def thumbnail(n):
    time.sleep(0.05 if n != 4 else 30)
    results.put((n, f"thumb-{n}.webp"))


for n in range(1, 7):
    threading.Thread(target=thumbnail, args=(n,), daemon=True).start()
for _ in range(6):
    n, path = results.get(timeout=3)
    print(f"thumbs: job {n} -> {path}", flush=True)
print("thumbs: all done")
'''

_DEPTH_C = r"""#include <stdio.h>

static int depth(FILE *f)
{
	int c, max = 0, d;
	while ((c = fgetc(f)) != EOF) {
		if (c == '[' || c == '{') {
			d = depth(f) + 1;
			if (d > max)
				max = d;
		} else if (c == ']' || c == '}') {
			return max;
		}
	}
	return max;
}

int main(int argc, char **argv)
{
	FILE *f = fopen(argv[1], "r");
	if (!f)
		return 2;
	printf("%s: depth %d\n", argv[1], depth(f));
	return 0;
}
"""
_DEPTH_SH = r"""#!/usr/bin/env bash
set -uo pipefail
gcc -O0 -o build/depth src/depth.c
python3 -c 'print("[" * 3000000 + "]" * 3000000)' > fixtures/nested.json
for f in fixtures/small.json fixtures/nested.json; do
  echo "checking $f ($(stat -c %s "$f") bytes)"
  ./build/depth "$f" || exit $?
done
"""

_PHP_OOM = '''<?php
echo "export: php " . PHP_VERSION . ", memory_limit=" . ini_get("memory_limit") . "\\n";
$rows = [];
for ($i = 1; $i <= 5000000; $i++) {
    $rows[] = ["id" => $i, "sku" => "SKU-" . $i, "name" => str_repeat("x", 40)];
    if ($i % 250000 === 0) {
        echo "export: $i rows buffered\\n";
    }
}
echo count($rows), "\\n";
'''

_TARF_SH = r"""#!/usr/bin/env bash
set -uo pipefail
mkdir -p out assets
for i in $(seq 1 6); do head -c 2000000 /dev/urandom > assets/blob$i.bin; done
echo "package: $(du -sh assets | cut -f1) of assets"
ulimit -f 4096
tar cf out/assets.tar assets
status=$?
echo "package: tar exited with $status"
exit $status
"""

_RUBYWC_SH = r"""#!/usr/bin/env bash
set -uo pipefail
fail=0
for f in lib/*.rb; do
  out=$(ruby -wc "$f" 2>&1)
  echo "$out"
  if echo "$out" | grep -q "warning:"; then fail=1; fi
done
[ "$fail" = 0 ] || { echo "lint: ruby warnings found"; exit 1; }
"""
_RB_OK = "module Tax\n  def self.rate\n    0.2\n  end\nend\n"
_RB_WARN = (
    "module Shipping\n  def self.cost(weight, zone)\n    base = 4.0\n    surcharge = zone == :intl ? 12 : 0\n"
    "    if weight > 10 then return 20.0 end\n    weight * 1.5\n  end\n\n  def self.label(order)\n"
    "    name = order[:name]\n    \"#{order[:id]}\"\n  end\nend\n"
)


def register(case):
    case(
        name="python-jsonschema-additional-properties-timeout-sec-worker-yml",
        tool="python",
        category="config",
        repo="platform",
        tty=False,
        command="python ci/validate.py",
        files={"ci/validate.py": _SCHEMA_PY, "schemas/service.schema.json": _SCHEMA, **_SERVICES},
        keys=["Additional properties are not allowed ('timeout_sec' was unexpected)", "services/worker.yml"],
        cause=[has("services/worker.yml"), has("jsonschema.exceptions.ValidationError"), has("validate.py\", line 12"), has("jsonschema.validate(doc, schema)"), has("Failed validating 'additionalProperties'"), has("On instance:"), has("'timeout_sec': 120}")],
    )
    case(
        name="node-env-file-dot-env-ci-not-found-npm-start-ci",
        tool="npm",
        category="config",
        ci="travis",
        repo="mailer",
        tty=False,
        command="npm run start:ci",
        env={"npm_config_cache": "/work/scratch/h22/npmcache"},
        files={"package.json": _ENVFILE_PKG, "server.js": "console.log('mailer up', process.env.SMTP_HOST)\n", ".env.example": "SMTP_HOST=localhost\n"},
        keys=[".env.ci: not found"],
        cause=[has(".env.ci: not found")],
    )
    case(
        name="python-dictconfig-unable-to-configure-handler-audit-log-dir-missing",
        tool="python",
        category="config",
        repo="widgets",
        tty=False,
        command="python app.py",
        files={"app.py": _DICTCONFIG_PY, "config/logging.yml": _LOGGING_YML},
        keys=["Unable to configure handler 'audit'", "/var/log/widgets/audit.log"],
        cause=[has("FileNotFoundError"), has("ValueError: Unable to configure handler 'audit'"), has('app.py", line 7'), has("logging.config.dictConfig(yaml.safe_load")],
    )
    case(
        name="make-missing-endif-channel-conditional-stop",
        tool="make",
        category="config",
        ci="gitlab",
        repo="packaging",
        tty=False,
        command="make all",
        files={"Makefile": _RECIPE_MK, "README.md": "widgets\n"},
        keys=["missing 'endif'"],
        cause=[has("missing 'endif'")],
    )
    case(
        name="pytest-multiline-string-diff-total-line-after-120-passing",
        tool="pytest",
        category="test",
        repo="invoices",
        command="python -m pytest -p no:cacheprovider tests",
        files={"app/__init__.py": "", "app/render.py": _RENDER_PY, "tests/test_render.py": _pytest_long()},
        keys=["test_full_invoice", "......... 19.50"],
        cause=[has("test_full_invoice"), has(">       assert render_invoice"), has(r"^E\s+(AssertionError|assert)", rx=True), has(r"^E\s+[-+] ", rx=True), has("tests/test_render.py:")],
    )
    case(
        name="rspec-two-failures-total-ignores-quantity-of-four-examples",
        tool="rspec",
        category="test",
        ci="travis",
        repo="cart",
        tty=False,
        command="rspec --no-color",
        files={"lib/cart.rb": _RSPEC_LIB, "spec/cart_spec.rb": _RSPEC_SPEC, ".rspec": "--require spec_helper\n", "spec/spec_helper.rb": "$LOAD_PATH.unshift File.expand_path('../lib', __dir__)\n"},
        keys=["Cart multiplies price by quantity", "expected: 750", "4 examples, 2 failures"],
        cause=[has(r"^\s+\d\) Cart", rx=True), has("Failure/Error"), has("expected: "), has("     got: "), has("# ./spec/cart_spec.rb:"), has("4 examples, 2 failures"), has("rspec ./spec/cart_spec.rb:")],
    )
    case(
        name="pytest-keyerror-app-env-deleted-by-monkeypatch-one-of-two",
        tool="pytest",
        category="test",
        ci="gitlab",
        repo="settings",
        tty=False,
        command="python -m pytest -p no:cacheprovider -rf tests",
        files={"app/__init__.py": "", "app/settings.py": _SETTINGS_PY, "tests/test_settings.py": _MONKEY_TEST},
        keys=["test_region_from_env", "KeyError: 'APP_ENV'"],
        cause=[has("_ test_region_from_env _"), has("def test_region_from_env"), has("FAILED tests/test_settings.py::test_region_from_env"), has('>       assert load()["region"]'), has("tests/test_settings.py:14"), has("app/settings.py:6: in load"), has('"env": os.environ["APP_ENV"],'), has(r"^E\s+KeyError", rx=True)],
    )
    case(
        name="prove-subtest-v-prefix-two-failures-is-deeply-empty-array",
        tool="prove",
        category="test",
        repo="semver",
        tty=False,
        command="prove -lv t",
        files={"lib/Acme/Semver.pm": _SEMVER_PM, "t/parse.t": _SUBTEST_T},
        keys=["v prefix", "Failed test 'v2.0.0'"],
        cause=[has("not ok 1 - v2.0.0"), has("not ok 2 - v0.9.12"), has("Failed test 'v2.0.0'"), has("Failed test 'v0.9.12'"), has("at t/parse.t line"), has("Structures begin differing"), has("$got->[0]"), has("$expected->[0]"), has("Looks like you failed 2 tests of 2"), has("not ok 2 - v prefix"), has("Failed test 'v prefix'"), has("Looks like you failed 1 test of 2"), has("Result: FAIL"), has(r"Failed 1/2 subtests|Failed tests?:", rx=True)],
    )
    case(
        name="pip-install-wheel-cp312-manylinux-not-supported-on-this-platform",
        tool="pip",
        category="dependency",
        repo="native",
        tty=False,
        command="./ci/install.sh",
        files={"ci/install.sh": _WHEEL_SH, "wheelhouse/acme_native-2.4.1-cp312-cp312-manylinux_2_28_x86_64.whl": "not a real zip\n",
               "wheelhouse/acme_utils-1.0.0-py3-none-any.whl": "x\n"},
        keys=["is not a supported wheel on this platform", "acme_native-2.4.1-cp312"],
        cause=[has("is not a supported wheel on this platform")],
    )
    case(
        name="node-err-package-path-not-exported-tokens-spacing-subpath",
        tool="node",
        category="dependency",
        repo="design",
        tty=False,
        command="node build-css.js",
        files={"node_modules/@acme/tokens/package.json": _EXPORTS_PKG, "node_modules/@acme/tokens/index.js": "module.exports = {};\n",
               "node_modules/@acme/tokens/colors.js": "module.exports = { brand: '#0af' };\n", "node_modules/@acme/tokens/spacing.js": "module.exports = { s: 4 };\n",
               "build-css.js": "const colors = require('@acme/tokens/colors');\nconsole.log('css: brand', colors.brand);\nconst spacing = require('@acme/tokens/spacing');\nconsole.log('css: spacing', spacing.s);\n"},
        keys=["ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath './spacing' is not defined by \"exports\""],
        cause=[has("Package subpath './spacing'"), has("build-css.js:3"), has("code: 'ERR_PACKAGE_PATH_NOT_EXPORTED'")],
    )
    case(
        name="php-require-vendor-autoload-failed-to-open-stream-composer-not-run",
        tool="php",
        category="dependency",
        ci="gitlab",
        repo="worker",
        tty=False,
        command="php worker.php",
        files={"worker.php": _AUTOLOAD_PHP, "composer.json": '{"require": {"acme/queue": "^2.1"}}\n'},
        keys=["vendor/autoload.php", "Failed opening required"],
        cause=[has("Failed to open stream"), has("Failed opening required")],
    )
    case(
        name="python-attributeerror-nonetype-group-log-line-733-after-progress",
        tool="python",
        category="runtime",
        repo="logsum",
        tty=False,
        command="python summarise.py",
        files={"summarise.py": _REGEX_PY, "logs/combined.log": _combined_log()},
        keys=["AttributeError: 'NoneType' object has no attribute 'group'"],
        cause=[has('summarise.py", line 9'), has('level = m.group("level")'), has("AttributeError")],
    )
    case(
        name="php-typeerror-array-sum-null-given-east-region-key-renamed",
        tool="php",
        category="runtime",
        ci="travis",
        repo="sales",
        tty=False,
        command="php report.php",
        files={"report.php": _ARRAYSUM_PHP, "data/sales.json": _SALES},
        keys=["array_sum(): Argument #1 ($array) must be of type array, null given"],
        cause=[has("TypeError"), has("report.php:6"), has("#0 ")],
    )
    case(
        name="python-urllib-httperror-502-bad-gateway-artifact-download",
        tool="python",
        category="infrastructure",
        repo="web",
        tty=False,
        command="python ci/fetch_bundle.py",
        files={"ci/fetch_bundle.py": _HTTP502_PY},
        keys=["urllib.error.HTTPError: HTTP Error 502: Bad Gateway"],
        cause=[has('fetch_bundle.py", line 20'), has("with urllib.request.urlopen(url"), has("HTTPError: HTTP Error 502")],
    )
    case(
        name="ruby-net-http-econnrefused-failed-to-open-tcp-status-post",
        tool="ruby",
        category="infrastructure",
        repo="reporter",
        tty=False,
        command="ruby report_status.rb",
        files={"report_status.rb": _NETHTTP_RB},
        keys=["Failed to open TCP connection to 127.0.0.1:9", "Errno::ECONNREFUSED"],
        cause=[has("Failed to open TCP connection"), has("(Errno::ECONNREFUSED)"), has("report_status.rb:7")],
    )
    case(
        name="ruby-net-readtimeout-reindex-post-silent-search-server",
        tool="ruby",
        category="timeout",
        ci="github",
        repo="search",
        tty=False,
        command="ruby reindex.rb",
        files={"reindex.rb": _READTIMEOUT_RB},
        keys=["Net::ReadTimeout"],
        cause=[has("Net::ReadTimeout"), has("reindex.rb:11")],
    )
    case(
        name="python-queue-empty-get-timeout-3s-thumbnail-job-4-stuck",
        tool="python",
        category="timeout",
        ci="travis",
        repo="thumbs",
        tty=False,
        command="python thumbs.py",
        files={"thumbs.py": _QUEUE_PY},
        keys=["_queue.Empty", "results.get(timeout=3)"],
        cause=[has('thumbs.py", line 16'), has("results.get(timeout=3)"), has("_queue.Empty")],
    )
    case(
        name="c-recursive-json-depth-stack-overflow-segfault-nested-fixture",
        tool="bash",
        category="crash",
        repo="jsondepth",
        tty=False,
        command="./ci/depth-check.sh",
        setup="mkdir -p build",
        files={"ci/depth-check.sh": _DEPTH_SH, "src/depth.c": _DEPTH_C, "fixtures/small.json": '{"a": [1, {"b": [2, 3]}]}\n'},
        keys=["Segmentation fault", "fixtures/nested.json"],
        cause=[has("checking fixtures/nested.json"), has("Segmentation fault")],
    )
    case(
        name="php-out-of-memory-ulimit-v-memory-limit-off-export-rows",
        tool="php",
        category="resource",
        repo="export",
        tty=False,
        command="php -d memory_limit=-1 export.php",
        run="ulimit -v 600000; php -d memory_limit=-1 export.php",
        files={"export.php": _PHP_OOM},
        keys=["Out of memory"],
        cause=[has("mmap() failed"), has("Out of memory")],
    )
    case(
        name="tar-file-size-limit-exceeded-ulimit-f-assets-archive",
        tool="tar",
        category="resource",
        repo="assets",
        tty=False,
        command="./ci/package.sh",
        files={"ci/package.sh": _TARF_SH},
        keys=["File size limit exceeded"],
        cause=[has("File size limit exceeded")],
    )
    case(
        name="ruby-wc-unused-variable-warnings-shipping-lint-script",
        tool="ruby",
        category="lint",
        repo="shipping",
        tty=False,
        command="./ci/ruby-warnings.sh",
        files={"ci/ruby-warnings.sh": _RUBYWC_SH, "lib/shipping.rb": _RB_WARN, "lib/tax.rb": _RB_OK},
        keys=["assigned but unused variable - surcharge", "lib/shipping.rb"],
        cause=[has("warning:"), has("ruby warnings found")],
    )
