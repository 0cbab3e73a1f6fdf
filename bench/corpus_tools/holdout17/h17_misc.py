"""C++, Java, Rust, Perl, Python, Node and system-tool cases for the eighteenth held-out corpus
(g++ 12 with GNU make, OpenJDK 17, cargo 1.95 offline, Perl 5.36 prove and podchecker, Python 3.11
with pytest 9.2 and autopep8 2.3, Node 20, redis-server 7.0, OpenSSH's client, git)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- g++: jump to case label
_DISPATCH = r'''#include <string>
#include <cstdio>

int dispatch(int op) {
    switch (op) {
    case 0:
        return 0;
    case 1:
        std::string label = "reload";
        std::printf("%s\n", label.c_str());
        break;
    case 2:
        return 2;
    default:
        return -1;
    }
    return 1;
}
'''
_OK_CPP = "int {n}(int x) {{ return x + {i}; }}\n"
_MAKEFILE = (
    "SRCS := $(wildcard src/*.cpp)\nOBJS := $(SRCS:src/%.cpp=build/%.o)\n\nall: $(OBJS)\n\n"
    "build/%.o: src/%.cpp\n\t@mkdir -p build\n\t@echo \"  CXX   $<\"\n\tg++ -std=c++17 -Wall -O2 -c $< -o $@\n"
)

# --- javac: public class in the wrong file
_INVOICE = r'''package com.acme.billing;

import java.math.BigDecimal;
import java.util.Date;

public class InvoiceLine {
    private final String sku;
    private final BigDecimal amount;
    private final Date created = new Date(2026 - 1900, 10, 27);

    public InvoiceLine(String sku, BigDecimal amount) { this.sku = sku; this.amount = amount; }
    public BigDecimal amount() { return amount; }
}
'''
_TOTALS = r'''package com.acme.billing;

import java.math.BigDecimal;
import java.util.List;

public final class Totals {
    public static BigDecimal sum(List<InvoiceLine> lines) {
        return lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
'''

# --- cargo: no field on type
_CARGO_TOML = '[package]\nname = "geo-labels"\nversion = "0.3.0"\nedition = "2021"\n\n[dependencies]\n'
_GEO_RS = r'''pub struct Address {
    pub street: String,
    pub city: String,
    pub postcode: String,
    pub country: String,
}

pub fn label(a: &Address) -> String {
    let unused_width = 40;
    format!("{}\n{} {}\n{}", a.street, a.zip, a.city, a.country)
}

fn main() {
    let a = Address { street: "1 Main St".into(), city: "Springfield".into(), postcode: "12345".into(), country: "US".into() };
    println!("{}", label(&a));
}
'''

# --- podchecker
_POD_BAD = """package Acme::Report;
use strict;
use warnings;

=head1 NAME

Acme::Report - monthly revenue report

=head1 OPTIONS

=over 4

=item B<--month>

Month to report on.

=item B<--format>

One of C<csv> or C<html>.

=head1 SEE ALSO

L<Acme::Util>

=cut

sub run { 1 }
1;
"""
_POD_OK = """package Acme::Util;
use strict;

=head1 NAME

Acme::Util - helpers

=cut

sub id { $_[0] }
1;
"""

# --- autopep8 --diff --exit-code
_RATES_PY = """import math,os


def convert(amount,rate):
    if rate==None:
        return amount
    return round(amount*rate,2)
def ceil_cents(x):
  return math.ceil(x*100)/100
"""
_OK_PY = 'import os\n\n\ndef home():\n    return os.environ.get("HOME", "/")\n'

# --- perl prove -v with subtests
_MONEY_PM = """package Acme::Money;
use strict; use warnings;
sub round2 { my ($x) = @_; return sprintf('%.2f', $x) }
sub split_even {
    my ($total, $n) = @_;
    my $each = sprintf('%.2f', $total / $n);
    return ($each) x $n;
}
1;
"""
_MONEY_T = """use strict; use warnings;
use Test::More;
use lib 'lib';
use Acme::Money;

subtest 'round2' => sub {
    is(Acme::Money::round2(1.004), '1.00', 'rounds down');
    is(Acme::Money::round2(1.005), '1.01', 'rounds half up');
    is(Acme::Money::round2(2), '2.00', 'pads');
};

subtest 'split_even' => sub {
    my @p = Acme::Money::split_even(10, 3);
    is(scalar @p, 3, 'three parts');
    my $sum = 0; $sum += $_ for @p;
    is(sprintf('%.2f', $sum), '10.00', 'parts add up to the total');
};

done_testing;
"""
_BASIC_T = """use strict; use warnings;
use Test::More tests => 3;
ok(1, 'loads') for 1..3;
"""

# --- redis config under a compose-like runner
_REDIS_CONF = """bind 127.0.0.1
port 0
maxmemory 64mb
maxmemory-policy allkeys-lruu
appendonly no
"""
_UP_SH = r"""#!/usr/bin/env bash
set -uo pipefail
echo "[+] Running 3/3"
echo " ✔ Network acme_default  Created"
echo " ✔ Container acme-redis-1  Started"
echo " ✔ Container acme-api-1    Started"
( for i in 1 2 3 4 5 6; do echo "api-1    | waiting for redis at redis:6379 ($i/6)"; sleep 0.15; done ) &
api=$!
sleep 0.2
redis-server ci/redis.conf 2>&1 | sed -u 's/^/redis-1  | /'
status=${PIPESTATUS[0]}
wait $api
echo "redis-1 exited with code $status"
echo "api-1    | giving up on redis: connection refused"
echo "Aborting on container exit..."
echo "[+] Stopping 2/2"
echo " ✔ Container acme-api-1    Stopped"
echo " ✔ Container acme-redis-1  Stopped"
exit $status
"""

# --- ssh config with a misspelled option
_SSH_CONFIG = """Host bastion
    HostName bastion.acme.test
    User deploy

Host deploy-host
    HostName 10.20.0.14
    User deploy
    ProxyJump bastion
    IdentitiyFile ~/.ssh/deploy_ed25519
    StrictHostKeyChecking yes
"""
_DEPLOY_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "deploy: release 4.2.1 to production"
echo "deploy: inventory"
for h in web-1 web-2 worker-1; do echo "  $h  ok"; done
echo "deploy: checking ssh route to deploy-host"
ssh -F ci/ssh_config -G deploy-host > /tmp/h17-ssh-resolved.txt
echo "deploy: route ok"
"""

# --- git clone from a mirror that is not mounted
_PROTOS_SH = """#!/usr/bin/env bash
set -euo pipefail
echo "vendoring protos from the local mirror"
ls -d /srv/mirrors 2>/dev/null || echo "note: /srv/mirrors not present on this agent"
for attempt in 1 2; do
  if git clone --quiet --depth 1 file:///srv/mirrors/acme-protos.git vendor/protos; then exit 0; fi
  echo "clone failed (attempt $attempt/2)"; sleep 1
done
exit 128
"""

# --- python
_MONEY_MOD = '''def parse_amount(text: str) -> int:
    value = float(text)
    if value <= 0:
        raise ValueError(f"amount must be > 0, got {text!r}")
    return round(value * 100)
'''


def _pytest_many() -> str:
    body = "\n".join(f"def test_amount_{i:03d}():\n    assert parse_amount('{i}.25') == {i * 100 + 25}\n" for i in range(1, 61))
    return f"from shop.money import parse_amount\n\n\n{body}"


_RAISES_TEST = '''import pytest

from shop.money import parse_amount


def test_accepts_decimal():
    assert parse_amount("1.50") == 150


def test_rejects_zero():
    with pytest.raises(ValueError, match="must be positive"):
        parse_amount("0")


def test_rejects_text():
    with pytest.raises(ValueError):
        parse_amount("ten")
'''
_SUBTESTS_TEST = '''from shop.slug import slugify

CASES = {
    "Hello World": "hello-world",
    "  padded  ": "padded",
    "Crème brûlée": "creme-brulee",
    "a/b/c": "a-b-c",
    "Ünïcödé": "unicode",
}


def test_slugify_table(subtests):
    for raw, want in CASES.items():
        with subtests.test(msg=raw, raw=raw):
            assert slugify(raw) == want
'''
_SLUG_MOD = '''import re


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")
'''
_UNIT_TEST = '''import unittest

from shop.money import parse_amount


class ParseAmountTest(unittest.TestCase):
    def test_integer(self):
        self.assertEqual(parse_amount("3"), 300)

    def test_cents(self):
        self.assertEqual(parse_amount("3.07"), 307)

    @unittest.expectedFailure
    def test_negative_rejected_known_bug(self):
        # ticket ACME-812: negative amounts used to be accepted
        with self.assertRaises(ValueError):
            parse_amount("-1")

    @unittest.expectedFailure
    def test_thousands_separator_known_bug(self):
        self.assertEqual(parse_amount("1,000"), 100000)

    def test_large(self):
        self.assertEqual(parse_amount("12345.67"), 1234567)
'''
_PYTEST_INI = "[pytest]\naddopts = -ra --cov=shop --cov-report=term-missing\ntestpaths = tests\n"
_CHECK_VERSIONS = '''"""Compare the pinned versions in constraints.txt with what is deployed."""
import sys

print("check-versions: reading constraints.txt", flush=True)
from packaging.version import LegacyVersion, Version, parse  # noqa: E402


def newest(a: str, b: str):
    return max(parse(a), parse(b))


for line in open("constraints.txt"):
    name, _, pin = line.strip().partition("==")
    print(name, newest(pin, "0"))
'''
_WAIT_PY = '''import concurrent.futures as cf
import time

SERVICES = {"api": 0.2, "web": 0.3, "search": 4.0, "billing": 0.5, "mailer": 4.0}


def ping(name: str) -> str:
    time.sleep(SERVICES[name])
    return name


print(f"waiting for {len(SERVICES)} services (deadline 2s)", flush=True)
with cf.ThreadPoolExecutor(max_workers=5) as pool:
    futures = [pool.submit(ping, s) for s in SERVICES]
    for fut in cf.as_completed(futures, timeout=2):
        print(f"  {fut.result()}: healthy", flush=True)
print("all services healthy")
'''

# --- node
_SITEMAP_JS = r'''const fs = require('node:fs');
const path = require('node:path');

const pages = ['/', '/pricing', '/docs', '/docs/install', '/blog'];
console.log(`sitemap: ${pages.length} pages`);
function outFile(name) {
  return path.join(process.env.SITEMAP_OUT_DIR, name);
}
const xml = pages.map((p) => `<url><loc>https://acme.test${p}</loc></url>`).join('\n');
fs.writeFileSync(outFile('sitemap.xml'), `<urlset>${xml}</urlset>`);
console.log('sitemap: written');
'''
_FETCH_JS = r'''const https = require('node:https');

const url = 'https://registry.acme-internal.invalid/v2/catalog.json';
function get(u) {
  return new Promise((resolve, reject) => {
    https.get(u, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
  });
}
(async () => {
  console.log(`catalog: fetching ${url}`);
  let last;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const status = await get(url);
      console.log(`catalog: HTTP ${status}`);
      return;
    } catch (err) {
      last = err;
      console.log(`catalog: attempt ${attempt}/3 failed (${err.code}), retrying`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw last;
})();
'''
_THUMBS_JS = r'''const fs = require('node:fs');
const files = fs.readdirSync('assets').filter((f) => f.endsWith('.png')).sort();
console.log(`thumbs: ${files.length} images`);
const handles = [];
for (const [i, f] of files.entries()) {
  handles.push(fs.openSync(`assets/${f}`, 'r')); // never closed
  if ((i + 1) % 20 === 0) console.log(`thumbs: opened ${i + 1}/${files.length}`);
}
console.log('thumbs: done');
'''
_THUMBS_SH = """#!/usr/bin/env bash
set -euo pipefail
mkdir -p assets
for i in $(seq -w 1 120); do : > assets/img-$i.png; done
ulimit -n 64
node scripts/thumbs.js
"""


def register(case):
    files = {f"src/util{i}.cpp": _OK_CPP.format(n=f"util{i}", i=i) for i in range(1, 6)}
    files.update({"src/dispatch.cpp": _DISPATCH, "Makefile": _MAKEFILE})
    case(
        name="gxx-make-jump-to-case-label-crosses-initialization",
        tool="g++",
        category="compile",
        repo="daemon",
        command="make -k all",
        files=files,
        keys=["jump to case label", "crosses initialization of ‘std::string label’"],
        cause=[has("In function ‘int dispatch(int)’"), has(r"^\s+(12|14|9) \|", rx=True), has("error: jump to case label"), has("crosses initialization"),
               has("[Makefile:")],
    )
    case(
        name="javac-public-class-invoiceline-in-invoice-java",
        tool="javac",
        category="compile",
        ci="github",
        repo="billing",
        tty=False,
        command="javac -Xlint:deprecation -d out src/com/acme/billing/*.java",
        files={"src/com/acme/billing/Invoice.java": _INVOICE, "src/com/acme/billing/Totals.java": _TOTALS},
        keys=["class InvoiceLine is public, should be declared in a file named InvoiceLine.java"],
        cause=[has("should be declared in a file named"), has("public class InvoiceLine {"), has("1 error")],
    )
    case(
        name="cargo-e0609-no-field-zip-on-address-available-fields",
        tool="cargo",
        category="compile",
        repo="geo",
        setup="rm -rf /work/scratch/h17/cargo-target-geo",
        env={"CARGO_TARGET_DIR": "/work/scratch/h17/cargo-target-geo", "CARGO_NET_OFFLINE": "true"},
        command="cargo build --color=always",
        files={"Cargo.toml": _CARGO_TOML, "src/main.rs": _GEO_RS},
        keys=["E0609", "no field `zip` on type `&Address`"],
        cause=[has("error[E0609]"), has("src/main.rs:10"), has("unknown field"), has("10 |     format!"), has("available fields are"), has("could not compile")],
    )
    case(
        name="podchecker-forgot-back-before-head1-two-modules",
        tool="podchecker",
        category="lint",
        repo="reports",
        tty=False,
        command="podchecker lib/Acme/Report.pm lib/Acme/Util.pm",
        files={"lib/Acme/Report.pm": _POD_BAD, "lib/Acme/Util.pm": _POD_OK},
        keys=["You forgot a '=back' before '=head1'", "lib/Acme/Report.pm has 1 pod syntax error"],
        cause=[has("*** ERROR"), has("pod syntax error")],
    )
    case(
        name="autopep8-diff-exit-code-rates-module",
        tool="autopep8",
        category="lint",
        ci="travis",
        repo="fx",
        tty=False,
        command="autopep8 --diff --exit-code --recursive app",
        files={"app/rates.py": _RATES_PY, "app/paths.py": _OK_PY, "app/__init__.py": ""},
        keys=["original/app/rates.py", "fixed/app/rates.py"],
        cause=[has("--- original/app/rates.py"), has("+++ fixed/app/rates.py"), has(r"^[-+](?![-+])", rx=True)],
    )
    case(
        name="prove-v-subtest-round2-half-up-fails",
        tool="prove",
        category="test",
        repo="money",
        tty=False,
        command="prove -v -Ilib t/",
        files={"lib/Acme/Money.pm": _MONEY_PM, "t/01-basic.t": _BASIC_T, "t/02-money.t": _MONEY_T},
        keys=["rounds half up", "t/02-money.t"],
        cause=[has("not ok"), has("#   Failed test"), has("#   at t/02-money.t"), has("#          got:"),
               has("#     expected:"), has("Failed 2/2 subtests"), has("t/02-money.t (Wstat")],
    )
    case(
        name="redis-server-fatal-config-maxmemory-policy-compose-prefixed",
        tool="redis-server",
        category="config",
        repo="api",
        tty=False,
        command="./ci/compose-up.sh",
        files={"ci/redis.conf": _REDIS_CONF, "ci/compose-up.sh": _UP_SH},
        keys=["FATAL CONFIG FILE ERROR", "maxmemory-policy allkeys-lruu"],
        cause=[has("FATAL CONFIG FILE ERROR"), has("at line 4"), has(">>> 'maxmemory-policy"), after(">>> 'maxmemory-policy", 1)],
    )
    case(
        name="ssh-G-bad-configuration-option-identitiyfile",
        tool="ssh",
        category="config",
        ci="github",
        repo="deploy",
        tty=False,
        command="./ci/deploy.sh",
        files={"ci/ssh_config": _SSH_CONFIG, "ci/deploy.sh": _DEPLOY_SH},
        keys=["Bad configuration option: identitiyfile", "terminating, 1 bad configuration options"],
        cause=[has("Bad configuration option"), has("terminating")],
    )
    case(
        name="git-clone-local-mirror-not-a-git-repository-two-attempts",
        tool="git",
        category="infrastructure",
        ci="travis",
        repo="rpc",
        tty=False,
        command="./ci/vendor-protos.sh",
        files={"ci/vendor-protos.sh": _PROTOS_SH},
        keys=["/srv/mirrors/acme-protos.git", "does not appear to be a git repository"],
        cause=[has("fatal:"), has("not present on this agent")],
    )
    py = {"shop/__init__.py": "", "shop/money.py": _MONEY_MOD, "shop/slug.py": _SLUG_MOD}
    case(
        name="pytest-raises-match-regex-pattern-did-not-match-after-60",
        tool="pytest",
        category="test",
        repo="shop",
        command="python -m pytest -p no:cacheprovider --color=yes tests",
        files={**py, "tests/test_amounts.py": _pytest_many(), "tests/test_money.py": _RAISES_TEST},
        keys=["Regex pattern did not match", "test_rejects_zero"],
        cause=[has("___ test_rejects_zero ___"), has(">       with pytest.raises"), has(r"^E\s+\S", rx=True),
               has("tests/test_money.py:11"), has("FAILED tests/test_money.py")],
    )
    case(
        name="pytest-builtin-subtests-two-of-five-fail",
        tool="pytest",
        category="test",
        ci="github",
        repo="shop",
        tty=False,
        command="python -m pytest -p no:cacheprovider -q tests",
        files={**py, "tests/test_slug.py": _SUBTESTS_TEST},
        keys=["test_slugify_table", "creme-brulee"],
        cause=[has(r"^_+ test_slugify_table \[", rx=True), has(">               assert slugify(raw) == want"), has(r"^E\s+\S", rx=True), has("tests/test_slug.py:15"),
               has("contains 2 failed subtests"), has(r"^(SUBFAILED\[|FAILED )", rx=True)],
    )
    case(
        name="unittest-expectedfailure-unexpected-success",
        tool="unittest",
        category="test",
        repo="shop",
        tty=False,
        command="python -m unittest discover -s tests -t . -v",
        files={**py, "tests/__init__.py": "", "tests/test_money.py": _UNIT_TEST},
        keys=["unexpected success", "unexpected successes=1"],
        cause=[has("... unexpected success"), has("UNEXPECTED SUCCESS:"), has("FAILED (")],
    )
    case(
        name="pytest-ini-addopts-cov-unrecognized-arguments",
        tool="pytest",
        category="config",
        repo="shop",
        tty=False,
        command="python -m pytest",
        files={**py, "pytest.ini": _PYTEST_INI, "tests/test_money.py": _RAISES_TEST},
        keys=["unrecognized arguments: --cov=shop --cov-report=term-missing", "pytest.ini"],
        cause=[has("error: unrecognized arguments"), has("inifile:")],
    )
    case(
        name="python-importerror-legacyversion-removed-from-packaging",
        tool="python",
        category="dependency",
        repo="ops",
        tty=False,
        command="python scripts/check_versions.py",
        files={"scripts/check_versions.py": _CHECK_VERSIONS, "constraints.txt": "django==4.2.7\n"},
        keys=["cannot import name 'LegacyVersion' from 'packaging.version'"],
        cause=[has('scripts/check_versions.py", line 5'), has("from packaging.version import"), has("ImportError")],
    )
    case(
        name="python-as-completed-timeouterror-two-of-five-unfinished",
        tool="python",
        category="timeout",
        repo="stack",
        tty=False,
        command="python ci/wait_for_services.py",
        files={"ci/wait_for_services.py": _WAIT_PY},
        keys=["2 (of 5) futures unfinished"],
        cause=[has('wait_for_services.py", line'), has("for fut in cf.as_completed"), has("TimeoutError:")],
    )
    case(
        name="node-err-invalid-arg-type-path-undefined-sitemap",
        tool="node",
        category="runtime",
        ci="github",
        repo="site",
        tty=False,
        command="node scripts/sitemap.js",
        files={"scripts/sitemap.js": _SITEMAP_JS},
        keys=["ERR_INVALID_ARG_TYPE", 'The "path" argument must be of type string. Received undefined'],
        cause=[has("TypeError [ERR_INVALID_ARG_TYPE]"), has("at outFile ("), has("scripts/sitemap.js:7"), has("scripts/sitemap.js:10"),
               has("code: 'ERR_INVALID_ARG_TYPE'")],
    )
    case(
        name="node-https-getaddrinfo-enotfound-catalog-three-attempts",
        tool="node",
        category="infrastructure",
        repo="catalog",
        tty=False,
        command="node scripts/fetch-catalog.js",
        files={"scripts/fetch-catalog.js": _FETCH_JS},
        keys=["getaddrinfo ENOTFOUND registry.acme-internal.invalid"],
        cause=[has("attempt 3/3 failed"), has("Error: getaddrinfo ENOTFOUND"), has("hostname: 'registry.acme-internal.invalid'")],
    )
    case(
        name="node-emfile-too-many-open-files-ulimit-64-thumbs",
        tool="node",
        category="resource",
        repo="media",
        tty=False,
        command="./ci/thumbs.sh",
        files={"scripts/thumbs.js": _THUMBS_JS, "ci/thumbs.sh": _THUMBS_SH},
        keys=["EMFILE: too many open files"],
        cause=[has("Error: EMFILE"), has("scripts/thumbs.js:6"), has("code: 'EMFILE'")],
    )
