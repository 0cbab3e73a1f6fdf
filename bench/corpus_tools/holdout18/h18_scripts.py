"""Python, Node, Ruby, PHP, make, openssl, gem, rsync and git cases for the nineteenth held-out
corpus (Python 3.11 venv with pytest and autoflake, Node 20 with jshint, Ruby 3.1 with bundled
minitest and RubyGems, PHP 8.2 CLI, GNU make, OpenSSL 3, rsync, git)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- python logging.config.fileConfig: a handler listed without its section
_LOGGING_INI = """[loggers]
keys=root,worker

[handlers]
keys=console,file

[formatters]
keys=plain

[logger_root]
level=INFO
handlers=console

[logger_worker]
level=DEBUG
handlers=console,file
qualname=worker
propagate=0

[handler_console]
class=StreamHandler
level=INFO
formatter=plain
args=(sys.stdout,)

[formatter_plain]
format=%(asctime)s %(levelname)s %(name)s %(message)s
"""
_WORKER_PY = '''import logging
import logging.config
import sys

print("worker: python", sys.version.split()[0], flush=True)
print("worker: loading config/logging.ini", flush=True)
logging.config.fileConfig("config/logging.ini", disable_existing_loggers=False)
logging.getLogger("worker").info("worker ready")
'''

_SERVICES_SH = r"""#!/usr/bin/env bash
set -uo pipefail
echo "foreman: starting web.1, worker.1"
( for i in 1 2 3 4 5 6; do echo "GET /healthz 200 ${i}ms"; sleep 0.1; done ) 2>&1 | sed -u 's/^/web.1    | /' &
web=$!
sleep 0.15
python worker.py 2>&1 | sed -u 's/^/worker.1 | /'
status=${PIPESTATUS[0]}
wait $web
echo "foreman: worker.1 exited with code $status"
echo "foreman: sending SIGTERM to all processes"
echo "web.1    | shutting down"
echo "foreman: web.1 terminated by SIGTERM"
exit $status
"""

# --- openssl req: a config file referencing an undefined variable
_CSR_CNF = """[ req ]
default_bits       = 2048
prompt             = no
distinguished_name = dn
req_extensions     = v3_req

[ dn ]
CN = api.acme.test
O  = Acme Ltd

[ v3_req ]
subjectAltName = @alt_names
keyUsage = digitalSignature, keyEncipherment

[ alt_names ]
DNS.1 = api.acme.test
DNS.2 = $ENV::CANARY_HOST
DNS.3 = www.acme.test
"""
_CSR_SH = r"""#!/usr/bin/env bash
set -euo pipefail
echo "csr: openssl $(openssl version | cut -d' ' -f2)"
echo "csr: generating key"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out build/api.key 2>/dev/null
echo "csr: key written to build/api.key"
openssl req -new -config ci/csr.cnf -key build/api.key -out build/api.csr
echo "csr: written build/api.csr"
"""

# --- make: an included per-environment file that is missing
_MK_MAKEFILE = """ENV ?= ci
include config/common.mk
include config/$(ENV).mk

.PHONY: all
all: dist/app.tar.gz

dist/app.tar.gz: $(SOURCES)
\t@mkdir -p dist
\ttar czf $@ $^
"""
_COMMON_MK = "SOURCES := $(wildcard app/*.py)\nVERSION := 3.4.0\n"

# --- unittest assertLogs: nothing logged
_NOTIFY_PY = '''import logging

log = logging.getLogger("notify")


def send(address: str, body: str) -> bool:
    if "@" not in address:
        log.debug("dropping message to %r: no @", address)
        return False
    log.info("sent %d bytes to %s", len(body), address)
    return True
'''
_NOTIFY_TEST = '''import unittest

from app.notify import send


class SendTest(unittest.TestCase):
    def test_sends(self):
        self.assertTrue(send("a@example.test", "hi"))

    def test_logs_send(self):
        with self.assertLogs("notify", level="INFO") as cm:
            send("b@example.test", "hello")
        self.assertIn("sent 5 bytes", cm.output[0])

    def test_bad_address_warns(self):
        with self.assertLogs("notify", level="WARNING"):
            self.assertFalse(send("nobody", "x"))

    def test_empty_body(self):
        self.assertTrue(send("c@example.test", ""))
'''

# --- pytest.warns: DID NOT WARN
_UNITS_PY = '''import warnings


def parse_size(text: str) -> int:
    text = text.strip().upper()
    mult = {"K": 1024, "M": 1024**2, "G": 1024**3}
    if text[-1] in mult:
        return int(float(text[:-1]) * mult[text[-1]])
    if text.endswith("B"):
        return int(text[:-1])
    return int(text)


def legacy_size(text: str) -> int:
    """Old spelling with a trailing 'bytes'; to be removed in 4.0."""
    return parse_size(text.replace("bytes", "").strip())
'''


def _pytest_sizes() -> str:
    body = "\n".join(
        f"def test_size_{i:02d}():\n    assert parse_size('{i}K') == {i * 1024}\n" for i in range(1, 41)
    )
    return f"""import pytest

from app.units import legacy_size, parse_size


{body}

def test_legacy_size_deprecated():
    with pytest.warns(DeprecationWarning, match="legacy_size"):
        assert legacy_size("12 bytes") == 12


def test_plain_int():
    assert parse_size("77") == 77
"""


# --- node --test with the dot reporter: assert.rejects
_QUEUE_JS = r'''export async function enqueue(queue, job) {
  if (!job || typeof job.id !== 'string') {
    throw new TypeError('job.id must be a string');
  }
  if (queue.length >= 3) {
    return { accepted: false, reason: 'full' };
  }
  queue.push(job);
  return { accepted: true };
}
'''
_QUEUE_TEST = r'''import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enqueue } from '../src/queue.js';

for (let i = 0; i < 12; i++) {
  test(`accepts job ${i}`, async () => {
    const q = [];
    assert.deepEqual(await enqueue(q, { id: `j${i}` }), { accepted: true });
  });
}

test('rejects a job without id', async () => {
  await assert.rejects(enqueue([], {}), TypeError);
});

test('a full queue rejects with RangeError', async () => {
  const q = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  await assert.rejects(enqueue(q, { id: 'd' }), { name: 'RangeError', message: /queue is full/ });
});
'''

# --- ruby minitest assert_output
_BANNER_RB = '''module Banner
  def self.print_summary(passed, failed)
    puts "passed: #{passed}"
    puts "failed: #{failed}" if failed > 0
    $stderr.puts "warning: flaky retries used" if passed > 100
  end
end
'''
_BANNER_TEST = '''require "minitest/autorun"
require_relative "../lib/banner"

class BannerTest < Minitest::Test
  def test_counts_only_passed
    assert_output("passed: 3\\n") { Banner.print_summary(3, 0) }
  end

  def test_counts_both
    assert_output("passed: 3\\nfailed: 1\\n") { Banner.print_summary(3, 1) }
  end

  def test_warns_on_many
    assert_output("passed: 101\\n", "warning: flaky retries used\\n") { Banner.print_summary(101, 0) }
  end

  def test_zero_prints_a_notice
    assert_output("passed: 0\\nno tests ran\\n") { Banner.print_summary(0, 0) }
  end
end
'''

# --- pip: build backend not importable with --no-build-isolation
_PYPROJECT = """[build-system]
requires = ["hatchling>=1.18"]
build-backend = "hatchling.build"

[project]
name = "acme-billing"
version = "2.3.0"
requires-python = ">=3.9"
"""

# --- node CJS: require of a package that is not installed
_REPORT_JS = r'''const path = require('path');
const { summarise } = require('./lib/summary');

console.log('weekly-report: node', process.version);
console.log('weekly-report: output', path.join('dist', 'weekly.txt'));
console.log(summarise([3, 4, 5]));
'''
_SUMMARY_JS = r'''const dayjs = require('dayjs');

exports.summarise = (xs) => `${dayjs().format('YYYY-MM-DD')}: ${xs.length} items`;
'''
_PKG_JSON = '{\n  "name": "weekly-report",\n  "version": "1.0.0",\n  "private": true,\n  "dependencies": {\n    "dayjs": "^1.11.10"\n  }\n}\n'

# --- php: modulo by zero
_PHP_SHARD = r'''<?php
declare(strict_types=1);

function shard_for(string $tenant, int $shards): int {
    return crc32($tenant) % $shards;
}

$config = ['shards' => (int) (getenv('SHARD_COUNT') ?: '0'), 'tenants' => ['acme', 'globex', 'initech']];
echo "rebalance: php " . PHP_VERSION . "\n";
echo "rebalance: " . count($config['tenants']) . " tenants\n";
foreach ($config['tenants'] as $t) {
    printf("rebalance: %s -> shard %d\n", $t, shard_for($t, $config['shards']));
}
'''

# --- ruby Integer() on a bad cell after progress
_IMPORT_RB = r'''$stdout.sync = true
rows = (1..1200).map { |i| [i, "sku-#{i}", (i * 7 % 50).to_s] }
rows[1006][2] = "12a"
puts "stock-import: #{rows.size} rows from data/stock.csv"
rows.each_slice(40).with_index do |slice, n|
  slice.each { |id, sku, qty| Integer(qty) }
  puts "stock-import: batch #{n + 1}/30 ok (#{(n + 1) * 40} rows)"
end
puts "stock-import: done"
'''

# --- gem fetch: the internal gem source refuses connections
_GEM_SH = r"""#!/usr/bin/env bash
set -euo pipefail
echo "vendor-gems: rubygems $(gem --version)"
echo "vendor-gems: source http://127.0.0.1:9/ (internal mirror)"
mkdir -p vendor/cache && cd vendor/cache
gem fetch acme-client --version 3.2.1 --clear-sources --source http://127.0.0.1:9/
echo "vendor-gems: verifying vendor/cache"
ls -l acme-client-3.2.1.gem
echo "vendor-gems: ok"
"""

# --- rsync daemon refused
_RSYNC_SH = r"""#!/usr/bin/env bash
set -euo pipefail
cleanup() {
  status=$?
  echo "restore-assets: cleanup (exit $status)"
  for f in manifest.json sprites.svg fonts.css app.css vendor.js app.js; do
    echo "  removing partial public/assets/$f.part"
  done
  for s in 1 2 3 4 5 6 7 8 9 10 11 12; do
    echo "  cache shard $s: unchanged"
  done
  echo "restore-assets: uploading restore-assets.log as artifact ... ok, 0 errors"
  exit $status
}
trap cleanup EXIT
echo "restore-assets: $(rsync --version | head -1)"
mkdir -p public/assets
echo "restore-assets: pulling rsync://127.0.0.1:9/assets/ into public/assets"
rsync -a --stats rsync://127.0.0.1:9/assets/ public/assets/
echo "restore-assets: done"
"""

# --- git ls-remote over http refused, with retries
_CHARTS_SH = r"""#!/usr/bin/env bash
set -uo pipefail
repo=http://127.0.0.1:9/acme/charts.git
echo "helm-deps: resolving chart versions from $repo"
for attempt in 1 2 3; do
  if git ls-remote --tags "$repo" > /work/scratch/h18/charts-tags.txt; then
    echo "helm-deps: $(wc -l < /work/scratch/h18/charts-tags.txt) tags"; exit 0
  fi
  echo "helm-deps: ls-remote failed (attempt $attempt/3), retrying in 1s"
  sleep 1
done
echo "helm-deps: giving up"
exit 1
"""

# --- python urllib timeout against a silent local server
_PROBE_PY = '''import socket
import threading
import urllib.request

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
held = []
threading.Thread(target=lambda: [held.append(srv.accept()) for _ in range(5)], daemon=True).start()
url = f"http://127.0.0.1:{srv.getsockname()[1]}/readyz"

print("probe: waiting for search-api", url, flush=True)
for attempt in (1, 2):
    try:
        with urllib.request.urlopen(url, timeout=1.5) as r:
            print("probe: ready", r.status)
            break
    except TimeoutError:
        if attempt == 2:
            raise
        print(f"probe: attempt {attempt} timed out, retrying", flush=True)
'''

# --- autoflake --check
_AF_BAD = '''import json
import os
import re
import sys

from app.util import slug


def export(rows):
    unused_total = 0
    out = []
    for r in rows:
        out.append(json.dumps({"slug": slug(r["name"])}))
    return "\\n".join(out)
'''
_AF_UTIL = 'import re\n\n\ndef slug(s):\n    return re.sub(r"[^a-z0-9]+", "-", s.lower())\n'

_LINT_SH = r"""#!/usr/bin/env bash
set -euo pipefail
echo "lint: $(python --version)"
echo "lint: autoflake $(autoflake --version | cut -d' ' -f2)"
echo "lint: byte-compiling app/"
python -m compileall -q app && echo "lint: compileall ok"
echo "lint: checking for unused imports and variables"
autoflake --check --recursive --remove-all-unused-imports --remove-unused-variables app
echo "lint: ok"
"""

# --- jshint
_CART_JS = """function total(items) {
  var sum = 0
  for (var i = 0; i < items.length; i++) {
    sum += items[i].price * items[i].qty;
  }
  if (sum == null) { return 0; }
  return sum;
}

function discount(sum, code) {
  switch (code) {
    case 'TEN':
      sum = sum * 0.9;
    case 'FREESHIP':
      return sum;
  }
  return sum
}

module.exports = { total: total, discount: discount };
"""
_FMT_JS = "function money(c) {\n  return (c / 100).toFixed(2);\n}\n\nmodule.exports = { money: money };\n"
_JSHINTRC = '{\n  "node": true,\n  "esversion": 5,\n  "undef": true,\n  "eqnull": false\n}\n'


def register(case):
    case(
        name="python-logging-fileconfig-keyerror-handler-file-prefixed-services",
        tool="python",
        category="config",
        repo="worker",
        tty=False,
        command="./ci/services.sh",
        files={"ci/services.sh": _SERVICES_SH, "worker.py": _WORKER_PY, "config/logging.ini": _LOGGING_INI},
        keys=["KeyError: 'handler_file'", "config/logging.ini"],
        cause=[has('worker.py", line 7'), has("logging.config.fileConfig("), has("KeyError: 'handler_file'")],
    )
    case(
        name="openssl-req-config-line-17-env-variable-has-no-value",
        tool="openssl",
        category="config",
        ci="github",
        repo="certs",
        tty=False,
        command="./ci/make-csr.sh",
        setup="mkdir -p build",
        files={"ci/csr.cnf": _CSR_CNF, "ci/make-csr.sh": _CSR_SH},
        keys=['Error on line 17 of config file "ci/csr.cnf"', "variable has no value"],
        cause=[has("Error on line 17"), has("variable has no value")],
    )
    case(
        name="make-include-config-ci-mk-no-such-file",
        tool="make",
        category="config",
        repo="packager",
        tty=False,
        command="make all",
        files={"Makefile": _MK_MAKEFILE, "config/common.mk": _COMMON_MK, "config/prod.mk": "DEST := s3://acme-releases\n",
               "app/__init__.py": "", "app/main.py": "print('hi')\n"},
        keys=["config/ci.mk"],
        cause=[has("config/ci.mk")],
    )
    case(
        name="unittest-assertlogs-no-warning-triggered-on-notify",
        tool="unittest",
        category="test",
        repo="notify",
        tty=False,
        command="python -m unittest -v",
        files={"app/__init__.py": "", "app/notify.py": _NOTIFY_PY, "tests/__init__.py": "", "tests/test_notify.py": _NOTIFY_TEST},
        keys=["test_bad_address_warns", "no logs of level WARNING or higher triggered on notify"],
        cause=[has("test_bad_address_warns"), has("AssertionError"), has('tests/test_notify.py", line 16'), has('with self.assertLogs("notify", level="WARNING")'), has("FAILED (")],
    )
    case(
        name="pytest-warns-did-not-warn-deprecationwarning-after-40",
        tool="pytest",
        category="test",
        ci="github",
        repo="units",
        tty=False,
        command="python -m pytest -p no:cacheprovider tests",
        files={"app/__init__.py": "", "app/units.py": _UNITS_PY, "tests/test_units.py": _pytest_sizes()},
        keys=["DID NOT WARN", "test_legacy_size_deprecated"],
        cause=[has("test_legacy_size_deprecated"), has(">       with pytest.warns"), has(r"^E\s+\S", rx=True), has("tests/test_units.py:")],
    )
    case(
        name="node-test-dot-reporter-assert-rejects-missing-expected-rejection",
        tool="node --test",
        category="test",
        repo="queue",
        tty=False,
        command="node --test --test-reporter=dot test/",
        files={"package.json": '{"name": "queue", "type": "module"}\n', "src/queue.js": _QUEUE_JS, "test/queue.test.js": _QUEUE_TEST},
        keys=["a full queue rejects with RangeError", "Missing expected rejection"],
        cause=[has("a full queue rejects with RangeError"), has("Missing expected rejection"), has("test/queue.test.js:")],
    )
    case(
        name="ruby-minitest-assert-output-stdout-mismatch-zero-notice",
        tool="minitest",
        category="test",
        repo="banner",
        tty=False,
        command="ruby -Ilib test/banner_test.rb --seed 4242",
        files={"lib/banner.rb": _BANNER_RB, "test/banner_test.rb": _BANNER_TEST},
        keys=["test_zero_prints_a_notice", "In stdout."],
        cause=[has("Failure:"), has("BannerTest#test_zero_prints_a_notice"), has("In stdout."), has("-no tests ran"), has("4 runs")],
    )
    case(
        name="pip-install-no-build-isolation-backend-unavailable-hatchling",
        tool="pip",
        category="dependency",
        repo="billing",
        tty=False,
        command="python -m pip install --no-index --no-build-isolation -e .",
        files={"pyproject.toml": _PYPROJECT, "src/acme_billing/__init__.py": "__version__ = '2.3.0'\n"},
        keys=["BackendUnavailable", "No module named 'hatchling'"],
        cause=[has("ERROR: Exception:"), has("pip._vendor.pyproject_hooks._impl.BackendUnavailable"), has("No module named 'hatchling'")],
    )
    case(
        name="node-cjs-cannot-find-module-dayjs-require-stack",
        tool="node",
        category="dependency",
        ci="gitlab",
        repo="reports",
        tty=False,
        command="node report.js",
        files={"report.js": _REPORT_JS, "lib/summary.js": _SUMMARY_JS, "package.json": _PKG_JSON},
        keys=["Cannot find module 'dayjs'", "MODULE_NOT_FOUND"],
        cause=[has("Cannot find module 'dayjs'"), has("lib/summary.js:1"), has("code: 'MODULE_NOT_FOUND'")],
    )
    case(
        name="php-divisionbyzeroerror-modulo-by-zero-shard-count-unset",
        tool="php",
        category="runtime",
        ci="travis",
        repo="tenants",
        tty=False,
        command="php bin/rebalance.php",
        files={"bin/rebalance.php": _PHP_SHARD},
        keys=["DivisionByZeroError: Modulo by zero"],
        cause=[has("DivisionByZeroError"), has("#0 ")],
    )
    case(
        name="ruby-argumenterror-invalid-value-for-integer-12a-batch-26",
        tool="ruby",
        category="runtime",
        repo="stock",
        tty=False,
        command="ruby scripts/stock_import.rb",
        files={"scripts/stock_import.rb": _IMPORT_RB},
        keys=['invalid value for Integer(): "12a"'],
        cause=[has("invalid value for Integer()")],
    )
    case(
        name="gem-fetch-econnrefused-exits-0-then-ls-fails-on-missing-gem",
        tool="gem",
        category="infrastructure",
        repo="gems",
        tty=False,
        command="./ci/vendor-gems.sh",
        files={"ci/vendor-gems.sh": _GEM_SH},
        keys=["Errno::ECONNREFUSED", "acme-client"],
        cause=[has("ERROR:"), has("ECONNREFUSED"), has("ls: cannot access")],
    )
    case(
        name="rsync-daemon-connection-refused-error-in-socket-io-code-10",
        tool="rsync",
        category="infrastructure",
        ci="github",
        repo="web",
        tty=False,
        command="./ci/restore-assets.sh",
        files={"ci/restore-assets.sh": _RSYNC_SH},
        keys=["Connection refused (111)", "error in socket IO (code 10)"],
        cause=[has("failed to connect"), has("rsync error:")],
    )
    case(
        name="git-ls-remote-http-charts-failed-to-connect-three-attempts",
        tool="git",
        category="infrastructure",
        repo="deploy",
        tty=False,
        command="./ci/helm-deps.sh",
        files={"ci/helm-deps.sh": _CHARTS_SH},
        keys=["Failed to connect to 127.0.0.1 port 9"],
        cause=[has("fatal: unable to access"), has("giving up")],
    )
    case(
        name="python-urlopen-timeouterror-timed-out-readyz-two-attempts",
        tool="python",
        category="timeout",
        repo="search",
        tty=False,
        command="python ci/probe.py",
        files={"ci/probe.py": _PROBE_PY},
        keys=["TimeoutError: timed out"],
        cause=[has('ci/probe.py", line'), has("urllib.request.urlopen(url"), has("TimeoutError: timed out")],
    )
    case(
        name="autoflake-check-unused-imports-export-module",
        tool="autoflake",
        category="lint",
        repo="exporter",
        tty=False,
        command="./ci/lint.sh",
        files={"ci/lint.sh": _LINT_SH, "app/__init__.py": "", "app/export.py": _AF_BAD, "app/util.py": _AF_UTIL},
        keys=["app/export.py", "Unused imports/variables detected"],
        cause=[has("Unused imports/variables detected")],
    )
    case(
        name="jshint-missing-semicolons-and-expected-break-cart",
        tool="jshint",
        category="lint",
        repo="cart",
        tty=False,
        command="jshint --config .jshintrc src/",
        files={"src/cart.js": _CART_JS, "src/fmt.js": _FMT_JS, ".jshintrc": _JSHINTRC},
        keys=["src/cart.js", "Missing semicolon."],
        cause=[has("src/cart.js: line"), has("errors")],
    )
