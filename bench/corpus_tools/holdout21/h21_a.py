"""Python, Node, Ruby, PHP, Perl, Tcl, curl and shell cases for the twenty-second held-out corpus
(Python 3.11 venv with pytest, mypy and PyYAML, Node 20, Ruby 3.1 with rake and minitest, PHP 8.2
CLI, Perl 5.36 with prove, Tcl 8.6, curl)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

_DEPLOY_PY = '''import sys

import yaml

print("deploy: python", sys.version.split()[0], flush=True)
for name in ("base.yml", "deploy.yml"):
    print(f"deploy: loading config/{name}", flush=True)
    with open(f"config/{name}") as fh:
        cfg = yaml.safe_load(fh)
    print(f"deploy: {name}: {len(cfg)} keys", flush=True)
print("deploy: rendering manifests")
'''
_BASE_YML = "app: widgets\nregion: eu-west-1\nreplicas: 2\n"
_DEPLOY_YML = "service:\n  name: widgets-api\n  port: 8080\n  env:\n\tLOG_LEVEL: info\n  health: /healthz\n"

_URL_JS = '''const services = ["billing", "catalog", "search"];
console.log(`smoke: node ${process.version}`);
for (const s of services) console.log(`smoke: ${s} client configured`);
const base = new URL(process.env.API_BASE_URL);
console.log(`smoke: probing ${base.origin}`);
'''

_INI_PHP = '''<?php
echo "bootstrap: php " . PHP_VERSION . "\\n";
echo "bootstrap: reading config/app.ini\\n";
$cfg = parse_ini_file(__DIR__ . "/config/app.ini", true);
if ($cfg === false) {
    fwrite(STDERR, "bootstrap: could not load config/app.ini\\n");
    exit(1);
}
echo "bootstrap: " . count($cfg) . " sections\\n";
'''
_APP_INI = """[app]
name = widgets
debug = false
[database]
dsn = mysql:host=db;dbname=widgets
user = app
"""

_URI_RB = '''require "uri"

puts "notify: ruby #{RUBY_VERSION}"
hooks = File.readlines("config/webhooks.txt", chomp: true).reject(&:empty?)
hooks.each_with_index do |line, i|
  name, url = line.split("=", 2)
  uri = URI.parse(url)
  puts "notify: hook #{i + 1} #{name} -> #{uri.host}"
end
'''
_HOOKS = "deploys=https://hooks.acme.test/T01/deploys\nalerts=https://hooks.acme.test/T01/on call alerts\nbuilds=https://hooks.acme.test/T01/builds\n"


def _pytest_raises() -> str:
    out = ["import pytest", "", "from app.slug import slugify", ""]
    words = ["alpha", "beta", "gamma", "delta", "eps", "zeta"]
    for i in range(30):
        w = words[i % 6]
        out += [f"def test_slug_{i:02d}_{w}():", f'    assert slugify("{w.title()} {i}") == "{w}-{i}"', ""]
    out += [
        "def test_rejects_empty():",
        '    with pytest.raises(ValueError, match=r"^slug source must not be empty"):',
        '        slugify("   ")',
        "",
    ]
    return "\n".join(out)


_SLUG_PY = '''def slugify(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("empty slug source")
    return "-".join(text.lower().split())
'''

_PERL_T = {
    "t/00-load.t": "use strict; use warnings; use Test::More tests => 1; use lib 'lib'; use_ok('Acme::Tariff');\n",
    "t/01-basic.t": "use strict; use warnings; use Test::More; use lib 'lib'; use Acme::Tariff;\n"
    "is(Acme::Tariff::rate('day'), 0.31, 'day rate'); is(Acme::Tariff::rate('night'), 0.12, 'night rate');\ndone_testing;\n",
    "t/02-bands.t": "use strict; use warnings; use Test::More; use lib 'lib'; use Acme::Tariff;\n"
    "is_deeply(Acme::Tariff::bands(), { peak => { from => 7, to => 23 }, offpeak => { from => 23, to => 7 } }, 'bands');\n"
    "done_testing;\n",
    "t/03-names.t": "use strict; use warnings; use Test::More; use lib 'lib'; use Acme::Tariff;\n"
    "ok(length Acme::Tariff::name(), 'has a name'); done_testing;\n",
}
_TARIFF_PM = """package Acme::Tariff;
use strict; use warnings;
sub rate { my $p = shift; return $p eq 'day' ? 0.31 : 0.12 }
sub bands { return { peak => { from => 7, to => 22 }, offpeak => { from => 22, to => 7 } } }
sub name { 'Economy 7' }
1;
"""

_COUNT_TEST = '''import unittest

from app.routes import active_routes

ALL = ["/", "/login", "/logout", "/cart", "/cart/items", "/orders", "/orders/export"]


class RoutesTest(unittest.TestCase):
'''
for _i, _r in enumerate(["/", "/login", "/logout", "/cart", "/cart/items", "/orders"]):
    _COUNT_TEST += f'    def test_route_{_i}(self):\n        self.assertIn("{_r}", active_routes())\n\n'
_COUNT_TEST += '''    def test_exact_set(self):
        self.assertCountEqual(active_routes(), ALL)
'''
_ROUTES_PY = '''def active_routes():
    return ["/", "/login", "/logout", "/cart", "/cart/items", "/orders", "/admin"]
'''

_RAKEFILE_TEST = '''require "rake/testtask"

Rake::TestTask.new(:test) do |t|
  t.libs << "lib" << "test"
  t.test_files = FileList["test/**/*_test.rb"]
  t.warning = false
end
task default: :test
'''
_GEO_RB = '''module Geo
  R = 6371.0
  def self.distance(a, b)
    dlat = (b[0] - a[0]) * Math::PI / 180
    dlon = (b[1] - a[1]) * Math::PI / 180
    x = Math.sin(dlat / 2)**2 + Math.cos(a[0]) * Math.cos(b[0]) * Math.sin(dlon / 2)**2
    2 * R * Math.asin(Math.sqrt(x))
  end
end
'''
_GEO_TEST = '''require "minitest/autorun"
require "geo"

class GeoTest < Minitest::Test
  def test_same_point
    assert_equal 0.0, Geo.distance([51.5, -0.12], [51.5, -0.12])
  end

  def test_london_paris
    assert_in_delta 343.5, Geo.distance([51.5074, -0.1278], [48.8566, 2.3522]), 0.5
  end

  def test_symmetry
    a, b = [40.7, -74.0], [34.05, -118.24]
    assert_in_delta Geo.distance(a, b), Geo.distance(b, a), 1e-9
  end
end
'''

_CAPLOG_TEST = '''import logging

from app.fetch import fetch_with_retry


def test_first_try_ok(caplog):
    assert fetch_with_retry(lambda: 200) == 200
    assert caplog.records == []


def test_retry_logs_warning(caplog):
    calls = iter([503, 503, 200])
    with caplog.at_level(logging.INFO):
        assert fetch_with_retry(lambda: next(calls)) == 200
    assert ("app.fetch", logging.WARNING, "retrying after 503 (attempt 1)") in caplog.record_tuples
'''
_FETCH_PY = '''import logging

log = logging.getLogger("app.fetch")


def fetch_with_retry(call, attempts=3):
    for n in range(1, attempts + 1):
        status = call()
        if status < 500:
            return status
        log.info("retrying after %s (attempt %d)", status, n)
    return status
'''

_EDITABLE_SH = r"""#!/usr/bin/env bash
set -euo pipefail
python -m pip --version
echo "--- installing workspace packages"
python -m pip install --no-index --no-deps -e ./libs/core -e ./services/api
"""

_NPM_PKG = '{\n  "name": "storefront",\n  "version": "1.4.0",\n  "private": true,\n  "dependencies": {\n    "@acme/ui-kit": "file:vendor/acme-ui-kit-2.3.0.tgz"\n  }\n}\n'

_GEM_RB = '''puts "release: ruby #{RUBY_VERSION}, rubygems #{Gem::VERSION}"
puts "release: checking tool versions"
gem "rake", ">= 99.0"
require "rake"
puts "release: rake #{Rake::VERSION}"
'''

_STRP_PY = '''import csv
import sys
from datetime import datetime

rows = list(csv.DictReader(open("data/shipments.csv")))
print(f"import: {len(rows)} rows", flush=True)
total = 0
for i, row in enumerate(rows, 1):
    shipped = datetime.strptime(row["shipped_at"], "%Y-%m-%d %H:%M")
    total += int(row["qty"])
    if i % 50 == 0:
        print(f"import: {i}/{len(rows)} rows, {total} units, last {shipped:%d %b}", flush=True)
print("import: done", total)
sys.exit(0)
'''


def _shipments() -> str:
    out = ["id,shipped_at,qty"]
    for i in range(1, 400):
        ts = f"2026-03-{1 + i % 28:02d} {8 + i % 10:02d}:{i % 60:02d}"
        if i == 317:
            ts += ":41"
        out.append(f"{i},{ts},{1 + i % 7}")
    return "\n".join(out) + "\n"


_WORKERS_JS = '''const jobs = [];
for (let i = 1; i <= 24; i++) jobs.push({ id: i, customer: i === 17 ? undefined : { id: 900 + i } });
const tag = (w) => (msg) => console.log(`[worker-${w}] ${msg}`);
async function run(w, queue) {
  const log = tag(w);
  while (queue.length) {
    const job = queue.shift();
    await new Promise((r) => setTimeout(r, 5));
    log(`invoice ${job.id} for customer ${job.customer.id} rendered`);
  }
  log("idle");
}
const q = [...jobs];
Promise.all([run(1, q), run(2, q), run(3, q)]).then(() => console.log("all invoices rendered"));
'''

_RAKE_RT = '''task :changelog do
  entries = [["1.4.0", 12], ["1.3.2", 3], ["1.3.1", 7]]
  puts "changelog: #{entries.size} releases"
  entries.each do |version, count|
    line = "## " + version + " (" + count + " changes)"
    puts line
  end
end
task default: :changelog
'''

_CURL_SH = r"""#!/usr/bin/env bash
set -euo pipefail
mkdir -p dist
head -c 300000 /dev/urandom > dist/widgets-3.2.0.tar.gz
echo "upload: dist/widgets-3.2.0.tar.gz ($(stat -c %s dist/widgets-3.2.0.tar.gz) bytes)"
curl --fail --silent --show-error --retry 3 --retry-delay 1 --retry-connrefused \
  -T dist/widgets-3.2.0.tar.gz http://127.0.0.1:9/artifacts/widgets/3.2.0/
echo "upload: done"
"""

_SMTP_PY = '''import smtplib
from email.message import EmailMessage

print("notify: build 4412 finished, 3 recipients", flush=True)
msg = EmailMessage()
msg["Subject"] = "build 4412 passed"
msg["From"] = "ci@acme.test"
msg["To"] = "team@acme.test"
msg.set_content("ok")
with smtplib.SMTP("127.0.0.1", 2525, timeout=5) as s:
    s.send_message(msg)
print("notify: sent")
'''

_WAIT_DB_PY = '''import socket
import sys
import time

host, port = "db.ci-internal.invalid", 5432
for attempt in range(1, 4):
    try:
        socket.create_connection((host, port), timeout=2).close()
        print("wait-db: up")
        sys.exit(0)
    except socket.gaierror as exc:
        print(f"wait-db: attempt {attempt}/3: {exc}", flush=True)
        if attempt == 3:
            raise
        time.sleep(0.5)
'''

_ABORT_JS = '''import http from "node:http";

const server = http.createServer(() => {}); // accepts, never answers
server.listen(0, async () => {
  const url = `http://127.0.0.1:${server.address().port}/healthz`;
  console.log(`warmup: probing ${url}`);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(800) });
    console.log("warmup: status", res.status);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
'''

_EMFILE_JS = '''import fs from "node:fs";
import path from "node:path";

fs.mkdirSync("cache/thumbs", { recursive: true });
const handles = [];
for (let i = 0; i < 400; i++) {
  const p = path.join("cache/thumbs", `t${i}.bin`);
  handles.push(fs.openSync(p, "w"));
  if (i % 100 === 0) console.log(`thumbs: opened ${i + 1} files`);
}
console.log("thumbs: done", handles.length);
'''

_TCL_ALLOC = '''puts "dedupe: tcl [info patchlevel]"
set chunk [string repeat x 1048576]
set parts {}
for {set i 1} {$i <= 4000} {incr i} {
    lappend parts "$chunk$i"
    if {$i % 25 == 0} { puts "dedupe: $i MB buffered" ; flush stdout }
}
puts "dedupe: done"
'''

_MYPY_SRC = '''from dataclasses import dataclass


@dataclass
class Order:
    id: int
    total_cents: int
    coupon: str | None = None


def discount(order: Order) -> int:
    if order.coupon == "WELCOME10":
        return order.total_cents // 10
    elif order.coupon is None:
        return 0


def label(order: Order) -> str:
    return "order #" + order.id


def apply(orders: list[Order]) -> list[int]:
    return [o.total_cents - discount(o) for o in orders]
'''

_TABNANNY_SH = r"""#!/usr/bin/env bash
set -uo pipefail
echo "lint: tabnanny over $(find src -name '*.py' | wc -l) files"
out=$(python -m tabnanny -v src 2>&1)
echo "$out"
if echo "$out" | grep -qv -e 'Clean bill of health' -e 'listing directory' -e 'checking'; then
  echo "lint: ambiguous indentation found"
  exit 1
fi
"""
_TAB_OK = "def ok():\n    return 1\n"
_TAB_BAD = "def pick(items):\n    for i in items:\n        if i:\n\t    return i\n    return None\n"


def register(case):
    case(
        name="python-pyyaml-tab-indentation-cannot-start-any-token-deploy-yml",
        tool="python",
        category="config",
        repo="deploy",
        tty=False,
        command="python ci/deploy.py",
        files={"ci/deploy.py": _DEPLOY_PY, "config/base.yml": _BASE_YML, "config/deploy.yml": _DEPLOY_YML},
        keys=["found character '\\t' that cannot start any token", 'config/deploy.yml", line 5'],
        cause=[has("yaml.scanner.ScannerError"), has("found character"), has('"config/deploy.yml", line')],
    )
    case(
        name="node-err-invalid-url-api-base-url-relative-path",
        tool="node",
        category="config",
        repo="smoke",
        tty=False,
        command="node smoke.mjs",
        env={"API_BASE_URL": "/api/v2"},
        files={"smoke.mjs": _URL_JS},
        keys=["ERR_INVALID_URL", "input: '/api/v2'"],
        cause=[has("TypeError"), has("smoke.mjs:4"), has("input: '/api/v2'"), has("code: 'ERR_INVALID_URL'")],
    )
    case(
        name="php-parse-ini-file-syntax-error-unexpected-equals-dsn",
        tool="php",
        category="config",
        ci="travis",
        repo="shop",
        tty=False,
        command="php bootstrap.php",
        files={"bootstrap.php": _INI_PHP, "config/app.ini": _APP_INI},
        keys=["syntax error, unexpected '='", "could not load config/app.ini"],
        cause=[has("syntax error"), has("could not load config/app.ini")],
    )
    case(
        name="ruby-uri-invalid-uri-error-webhook-url-with-spaces",
        tool="ruby",
        category="config",
        ci="gitlab",
        repo="notify",
        tty=False,
        command="ruby notify.rb",
        files={"notify.rb": _URI_RB, "config/webhooks.txt": _HOOKS},
        keys=["URI::InvalidURIError", "on call alerts"],
        cause=[has("InvalidURIError"), has("notify.rb:7")],
    )
    case(
        name="pytest-raises-match-regex-did-not-match-after-30-passing",
        tool="pytest",
        category="test",
        repo="slugs",
        command="python -m pytest -p no:cacheprovider tests",
        files={"app/__init__.py": "", "app/slug.py": _SLUG_PY, "tests/test_slug.py": _pytest_raises()},
        keys=["test_rejects_empty", "Regex pattern did not match"],
        cause=[has("test_rejects_empty"), has(">       with pytest.raises"), has(r"^E\s+\S", rx=True), has("tests/test_slug.py:")],
    )
    case(
        name="prove-is-deeply-peak-band-to-22-vs-23-of-four-files",
        tool="prove",
        category="test",
        ci="travis",
        repo="tariff",
        tty=False,
        command="prove -l t",
        files={"lib/Acme/Tariff.pm": _TARIFF_PM, **_PERL_T},
        keys=["t/02-bands.t", "$got->{offpeak}{from} = '22'"],
        cause=[has("Failed test 'bands'"), has("at t/02-bands.t line"), has("Structures begin differing"), has("$got->"), has("$expected->"), has("Looks like you failed"), has("Dubious"), has("Failed 1/1 subtests"), span("Test Summary Report", "Failed test:"), has("Result: FAIL")],
    )
    case(
        name="unittest-assertcountequal-admin-route-extra-logout-export-missing",
        tool="unittest",
        category="test",
        repo="routes",
        tty=False,
        command="python -m unittest -v",
        files={"app/__init__.py": "", "app/routes.py": _ROUTES_PY, "tests/__init__.py": "", "tests/test_routes.py": _COUNT_TEST},
        keys=["test_exact_set", "Element counts were not equal"],
        cause=[has("test_exact_set"), has("AssertionError"), has('tests/test_routes.py", line'), has("self.assertCountEqual"), has("First has"), has("'/admin'"), has("'/orders/export'"), has("FAILED (")],
    )
    case(
        name="rake-minitest-assert-in-delta-london-paris-degrees-not-radians",
        tool="rake",
        category="test",
        ci="gitlab",
        repo="geo",
        tty=False,
        command="rake test",
        files={"Rakefile": _RAKEFILE_TEST, "lib/geo.rb": _GEO_RB, "test/geo_test.rb": _GEO_TEST},
        keys=["test_london_paris", "Expected |343.5 -"],
        cause=[has("GeoTest#test_london_paris"), has("Expected |343.5"), has("test/geo_test.rb:"), has("1 failures"), has("Command failed with status")],
    )
    case(
        name="pytest-caplog-record-tuples-retry-logged-at-info-not-warning",
        tool="pytest",
        category="test",
        ci="github",
        repo="fetcher",
        tty=False,
        command="python -m pytest -p no:cacheprovider -q tests",
        files={"app/__init__.py": "", "app/fetch.py": _FETCH_PY, "tests/test_fetch.py": _CAPLOG_TEST},
        keys=["test_retry_logs_warning", "in caplog.record_tuples"],
        cause=[has("test_retry_logs_warning"), has(">       assert ("), has(r"^E\s+(Assertion|assert)", rx=True), has("tests/test_fetch.py:15")],
    )
    case(
        name="pip-install-editable-libs-core-neither-setup-py-nor-pyproject",
        tool="pip",
        category="dependency",
        repo="monorepo",
        tty=False,
        command="./ci/install.sh",
        files={"ci/install.sh": _EDITABLE_SH, "libs/core/README.md": "core\n", "libs/core/core/__init__.py": "",
               "services/api/pyproject.toml": '[project]\nname = "api"\nversion = "0.1"\n'},
        keys=["does not appear to be a Python project", "libs/core"],
        cause=[has("does not appear to be a Python project")],
    )
    case(
        name="npm-install-file-tarball-ui-kit-2-3-0-tgz-not-vendored",
        tool="npm",
        category="dependency",
        repo="storefront",
        tty=False,
        command="npm install --offline --no-audit --no-fund",
        env={"npm_config_cache": "/work/scratch/h21/npmcache"},
        files={"package.json": _NPM_PKG},
        keys=["ENOENT: no such file or directory", "acme-ui-kit-2.3.0.tgz"],
        cause=[has("npm error code ENOENT"), has("npm error path"), has("npm error enoent ENOENT")],
    )
    case(
        name="ruby-gem-missing-spec-version-rake-99-did-find-13",
        tool="ruby",
        category="dependency",
        repo="release",
        tty=False,
        command="ruby release.rb",
        files={"release.rb": _GEM_RB},
        keys=["Could not find 'rake' (>= 99.0)", "Gem::MissingSpecVersionError"],
        cause=[has("Could not find 'rake'"), has("release.rb:3")],
    )
    case(
        name="python-strptime-unconverted-data-remains-row-317-after-progress",
        tool="python",
        category="runtime",
        repo="shipments",
        tty=False,
        command="python import_shipments.py",
        files={"import_shipments.py": _STRP_PY, "data/shipments.csv": _shipments()},
        keys=["unconverted data remains: :41"],
        cause=[has('import_shipments.py", line 9'), has("shipped = datetime.strptime"), has("ValueError: unconverted")],
    )
    case(
        name="node-typeerror-reading-id-of-undefined-customer-three-workers",
        tool="node",
        category="runtime",
        repo="invoices",
        tty=False,
        command="node workers.js",
        files={"workers.js": _WORKERS_JS},
        keys=["Cannot read properties of undefined (reading 'id')", "workers.js:9"],
        cause=[has("TypeError: Cannot read"), has("workers.js:9")],
    )
    case(
        name="rake-typeerror-no-implicit-conversion-integer-into-string-changelog",
        tool="rake",
        category="runtime",
        repo="changelog",
        tty=False,
        command="rake --trace changelog",
        files={"Rakefile": _RAKE_RT},
        keys=["no implicit conversion of Integer into String", "Rakefile:5"],
        cause=[has("rake aborted!"), has("TypeError: no implicit"), first("Rakefile:5")],
    )
    case(
        name="curl-upload-retry-connrefused-three-retries-failed-to-connect",
        tool="curl",
        category="infrastructure",
        repo="widgets",
        tty=False,
        command="./ci/upload.sh",
        files={"ci/upload.sh": _CURL_SH},
        keys=["Failed to connect to 127.0.0.1 port 9"],
        cause=[has("curl: (7)")],
    )
    case(
        name="python-smtplib-connectionrefusederror-notify-port-2525",
        tool="python",
        category="infrastructure",
        ci="github",
        repo="notify",
        tty=False,
        command="python notify.py",
        files={"notify.py": _SMTP_PY},
        keys=["ConnectionRefusedError: [Errno 111] Connection refused", "notify.py"],
        cause=[has('notify.py", line 10'), has('with smtplib.SMTP('), has("ConnectionRefusedError")],
    )
    case(
        name="python-socket-gaierror-wait-for-db-ci-internal-three-attempts",
        tool="python",
        category="infrastructure",
        repo="orders-db",
        tty=False,
        command="python ci/wait_db.py",
        files={"ci/wait_db.py": _WAIT_DB_PY},
        keys=["socket.gaierror", "attempt 3/3"],
        cause=[has("attempt 3/3"), has('wait_db.py", line 8'), has("socket.create_connection((host"), has("socket.gaierror:")],
    )
    case(
        name="node-fetch-abortsignal-timeout-800ms-silent-health-server",
        tool="node",
        category="timeout",
        repo="warmup",
        tty=False,
        command="node warmup.mjs",
        files={"warmup.mjs": _ABORT_JS},
        keys=["TimeoutError", "The operation was aborted due to timeout"],
        cause=[has("TimeoutError"), has("warmup.mjs:8")],
    )
    case(
        name="node-emfile-too-many-open-files-thumbs-ulimit-n-256",
        tool="node",
        category="resource",
        repo="thumbs",
        tty=False,
        command="node thumbs.mjs",
        run="ulimit -n 256; node thumbs.mjs",
        files={"thumbs.mjs": _EMFILE_JS},
        keys=["EMFILE: too many open files"],
        cause=[has("EMFILE"), has("thumbs.mjs:8")],
    )
    case(
        name="tclsh-unable-to-alloc-ulimit-v-dedupe-buffers",
        tool="tclsh",
        category="resource",
        ci="github",
        repo="dedupe",
        tty=False,
        command="tclsh dedupe.tcl",
        run="ulimit -v 400000; tclsh dedupe.tcl; status=$?; exit $status",
        files={"dedupe.tcl": _TCL_ALLOC},
        keys=["unable to alloc"],
        cause=[has("unable to alloc"), has("Aborted")],
    )
    case(
        name="mypy-missing-return-and-unsupported-operand-str-int-orders",
        tool="mypy",
        category="lint",
        repo="orders",
        tty=False,
        command="mypy --strict --no-incremental --cache-dir=/dev/null src",
        files={"src/orders.py": _MYPY_SRC},
        keys=["Missing return statement", "src/orders.py:19"],
        cause=[has("error:"), has("Found ")],
    )
    case(
        name="tabnanny-ambiguous-indentation-pick-module-lint-script",
        tool="tabnanny",
        category="lint",
        repo="picker",
        tty=False,
        command="./ci/tabnanny.sh",
        files={"ci/tabnanny.sh": _TABNANNY_SH, "src/a.py": _TAB_OK, "src/b.py": _TAB_OK, "src/pick.py": _TAB_BAD},
        keys=["src/pick.py"],
        cause=[has("pick.py", rx=False), has("ambiguous indentation found")],
    )
