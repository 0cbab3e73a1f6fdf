"""Shell, infrastructure and scripting cases for the thirteenth held-out corpus (Debian's bash,
shunit2, luacheck and Lua 5.4, xmllint, shfmt, OpenSSH's scp, Perl 5.36, GNU tar and sort on a small
tmpfs, setpriv, GnuPG 2.2, redis-cli)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

FULL = "/work/scratch/h12full"  # a 4 MiB tmpfs (see README)

# --- shunit2: two of six tests fail
_SU_LIB = """\
#!/usr/bin/env bash
# semver helpers
bump() {
  local v=$1 part=$2 major minor patch
  IFS=. read -r major minor patch <<<"$v"
  case $part in
    major) echo "$((major + 1)).0.0" ;;
    minor) echo "$major.$((minor + 1)).$patch" ;;
    patch) echo "$major.$minor.$((patch + 1))" ;;
  esac
}
is_prerelease() { [[ $1 == *-* ]]; }
"""
_SU_TEST = """\
#!/usr/bin/env bash
. ./lib/semver.sh

test_bump_major() { assertEquals "2.0.0" "$(bump 1.4.2 major)"; }
test_bump_minor() { assertEquals "minor resets patch" "1.5.0" "$(bump 1.4.2 minor)"; }
test_bump_patch() { assertEquals "1.4.3" "$(bump 1.4.2 patch)"; }
test_prerelease() { assertTrue "rc is a prerelease" "is_prerelease 1.5.0-rc.1"; }
test_release_is_not_prerelease() { assertFalse "is_prerelease 1.5.0"; }
test_bump_prerelease() { assertEquals "bump drops the pre-release tag" "1.5.0" "$(bump 1.5.0-rc.1 patch)"; }

. shunit2
"""

# --- luacheck: globals and unused values in two files
_LC_A = """\
local json = require("dkjson")
local util = require("util")

local M = {}

function M.render(items, opts)
  local out = {}
  local count = 0
  for i, item in ipairs(items) do
    out[#out + 1] = string.format("%s: %s", item.name, item.value)
  end
  if opts.sorted then
    table.sort(out)
  end
  total = #out
  return table.concat(out, "\\n")
end

function M.load(path)
  local fh = assert(io.open(path))
  local text = fh:read("a")
  fh:close()
  return json.decode(text)
end

return M
"""
_LC_B = """\
local M = {}

function M.trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

function M.split(s, sep)
  local parts = {}
  for piece in string.gmatch(s, "([^" .. sep .. "]+)") do
    parts[#parts + 1] = M.trim(piece)
  end
  return parts
end

function M.join(parts, sep)
  local sep = sep or ","
  return table.concat(parts, sep)
end

return M
"""

# --- lua: a generator needs LuaFileSystem, which the image lacks
_LR_SCRIPT = """\
-- generate the docs index from docs/*.md
local lfs = require("lfs")
local cjson = require("cjson")

local entries = {}
for name in lfs.dir("docs") do
  if name:match("%.md$") then
    entries[#entries + 1] = name
  end
end
table.sort(entries)
print(("%d pages"):format(#entries))
io.open("docs/index.json", "w"):write(cjson.encode(entries))
"""

# --- xmllint: the feeds config does not validate against its schema
_XM_XSD = """\
<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="feeds">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="feed" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="url" type="xs:anyURI"/>
              <xs:element name="interval" type="xs:positiveInteger"/>
              <xs:element name="format">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="rss"/>
                    <xs:enumeration value="atom"/>
                    <xs:enumeration value="json"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="id" type="xs:ID" use="required"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


def _xm_feeds():
    feeds = []
    for i in range(1, 13):
        interval, fmt = "900", "rss"
        if i == 4:
            interval = "fifteen"
        if i == 9:
            fmt = "ical"
        feeds.append(
            f'  <feed id="f{i}">\n    <url>https://news{i}.example.org/feed</url>\n'
            f"    <interval>{interval}</interval>\n    <format>{fmt}</format>\n  </feed>"
        )
    feeds.append(
        '  <feed id="f13">\n    <url>https://status.example.org/feed</url>\n    <format>atom</format>\n  </feed>'
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n<feeds>\n' + "\n".join(feeds) + "\n</feeds>\n"


# --- shfmt: two scripts are not formatted
_SF_A = """\
#!/usr/bin/env bash
set -euo pipefail
if [ -z "${TAG:-}" ];then
    echo "TAG is required" >&2
    exit 1
fi
for f in dist/*.tgz
do
  sha256sum "$f" > "$f.sha256"
done
"""
_SF_B = """\
#!/usr/bin/env bash
set -euo pipefail

cleanup() {
  rm -rf "$WORK"
}
WORK=$(mktemp -d)
trap cleanup EXIT
cp -r site/ "$WORK/"
"""
_SF_C = """\
#!/usr/bin/env bash
deploy () {
	local env=$1
	echo "deploying to $env"
}
deploy "${1:-staging}"
"""

# --- scp: the deploy host refuses the connection
_SCP_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "--- building site"
mkdir -p dist
for page in index about pricing blog docs; do
  echo "  rendered $page.html"
  echo "<h1>$page</h1>" > "dist/$page.html"
done
tar -czf site.tgz -C dist .
echo "--- uploading site.tgz ($(stat -c %s site.tgz) bytes) to ${DEPLOY_HOST}:${DEPLOY_PORT}"
scp -o BatchMode=yes -o ConnectTimeout=5 -o StrictHostKeyChecking=no -P "${DEPLOY_PORT}" \\
  site.tgz "deploy@${DEPLOY_HOST}:/srv/www/releases/"
echo "uploaded"
"""

# --- perl: a health poller guards itself with alarm(); SIGALRM ends it
_PA_SCRIPT = """\
#!/usr/bin/env perl
use strict;
use warnings;
$| = 1;
my $deadline = 5;
alarm $deadline;
my $n = 0;
while (1) {
    $n++;
    open my $fh, '<', '.ci/health' or die "cannot read .ci/health: $!";
    chomp(my $state = <$fh>);
    close $fh;
    print "poll $n: api status=$state\\n";
    last if $state eq 'ready';
    sleep 1;
}
print "api is ready\\n";
"""
_PA_SH = """\
#!/usr/bin/env bash
set -euo pipefail
echo "starting smoke tests against ${API_URL}"
perl ci/wait_healthy.pl
echo "running smoke suite"
"""

# --- tar: restoring a cache archive onto a volume that is too small
_TX_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "restoring build cache ($(du -h cache/build-cache.tgz | cut -f1)) into ${CACHE_DIR}"
mkdir -p "${CACHE_DIR}/build"
tar -xzvf cache/build-cache.tgz -C "${CACHE_DIR}/build"
echo "cache restored"
"""
_TX_SETUP = (
    f"rm -rf {FULL}/* && mkdir -p cache/src/objs && "
    "for i in $(seq 1 12); do head -c 400000 /dev/urandom > cache/src/objs/unit$i.o; done && "
    "tar -czf cache/build-cache.tgz -C cache/src objs && rm -rf cache/src"
)

# --- sort: spilling temp files onto a small volume
_ST_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "aggregating $(wc -l < data/events.tsv) events"
sort -S 1M -T "${TMPDIR}" -t $'\\t' -k2,2 -k1,1n data/events.tsv > "${TMPDIR}/events.sorted"
awk -F'\\t' '{c[$2]++} END {for (k in c) print k, c[k]}' "${TMPDIR}/events.sorted"
"""
_ST_SETUP = (
    f"rm -rf {FULL}/* && mkdir -p {FULL}/tmp data && "
    'python3 -c "import random; r=random.Random(7); '
    'open(\'data/events.tsv\',\'w\').write(\'\'.join(f\'{i}\\t{r.choice([\\"view\\",\\"click\\",\\"buy\\"])}\\t{r.random():.12f}\\t{\\"x\\"*60}\\n\' for i in range(120000)))"'
)

# --- setpriv: the job runs as an unprivileged user and cannot write the docs root
_PD_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
DOCS_ROOT=/var/www/acme-docs
echo "building docs as $(id -un)"
mkdir -p "$TMPDIR/site"
for p in index api cli faq; do echo "<h1>$p</h1>" > "$TMPDIR/site/$p.html"; done
echo "publishing to $DOCS_ROOT"
install -d -m 0755 "$DOCS_ROOT/v2.3"
cp -r "$TMPDIR/site/." "$DOCS_ROOT/v2.3/"
"""

# --- gpg: the downloaded release tarball does not match its detached signature
_GV_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "verifying vendor release"
sha256sum vendor/libgeo-4.2.1.tar.gz
gpg --batch --verify vendor/libgeo-4.2.1.tar.gz.asc vendor/libgeo-4.2.1.tar.gz
tar -xzf vendor/libgeo-4.2.1.tar.gz -C vendor
"""
_GV_SETUP = (
    'rm -rf "$GNUPGHOME" && mkdir -m 700 -p "$GNUPGHOME" && '
    "gpg --batch --passphrase '' --quick-gen-key 'Libgeo Releases <release@libgeo.example>' ed25519 sign never && "
    "mkdir -p vendor/src/libgeo-4.2.1 && echo 'int geo(void){return 4;}' > vendor/src/libgeo-4.2.1/geo.c && "
    "tar -czf vendor/libgeo-4.2.1.tar.gz -C vendor/src libgeo-4.2.1 && rm -rf vendor/src && "
    "gpg --batch --armor --detach-sign -o vendor/libgeo-4.2.1.tar.gz.asc vendor/libgeo-4.2.1.tar.gz && "
    "printf '\\0' >> vendor/libgeo-4.2.1.tar.gz && gpgconf --kill gpg-agent"
)

# --- redis-cli: the cache service of the job is not running
_RC_SCRIPT = """\
#!/usr/bin/env bash
set -euo pipefail
echo "seeding feature flags into redis ${REDIS_HOST}:${REDIS_PORT} db 3"
while IFS='=' read -r k v; do
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n 3 SET "flag:$k" "$v"
done < config/flags.env
echo "seeded"
"""


def register(case):
    case(
        name="shunit2-two-failing-tests-arithmetic-error-failures-4",
        tool="shunit2",
        category="test",
        ci="gitlab",
        repo="semver-sh",
        tty=False,
        command="bash tests/test_semver.sh",
        files={"lib/semver.sh": _SU_LIB, "tests/test_semver.sh": _SU_TEST},
        keys=[
            "test_bump_minor",
            "ASSERT:minor resets patch expected:<1.5.0> but was:<1.5.2>",
            "syntax error: invalid arithmetic operator",
            "FAILED (failures=4)",
        ],
        cause=[
            has(r"^test_bump_(minor|prerelease)$", rx=True),
            has("ASSERT:"),
            has("shunit2:ERROR"),
            has("syntax error: invalid arithmetic operator"),
            has("FAILED (failures=4)"),
        ],
        exit_status=1,
    )
    case(
        name="luacheck-globals-unused-and-shadowing-two-files",
        tool="luacheck",
        category="lint",
        label=":lua: Lint",
        repo="report-lua",
        command="luacheck src",
        files={"src/render.lua": _LC_A, "src/util.lua": _LC_B},
        keys=[
            "setting non-standard global variable total",
            "unused variable count",
            "variable sep was previously defined as an argument",
        ],
        cause=[has(r"^\s+src/\w+\.lua:\d+:\d+: ", rx=True), has(r"^Total: \d+ warnings", rx=True)],
        exit_status=1,
    )
    case(
        name="lua-module-cjson-not-found-search-path-list",
        tool="lua",
        category="dependency",
        ci="travis",
        repo="docs-index",
        tty=False,
        command="lua5.4 tools/gen_index.lua",
        files={"tools/gen_index.lua": _LR_SCRIPT, "docs/intro.md": "# Intro\n"},
        keys=["module 'cjson' not found"],
        cause=[has("module 'cjson' not found"), has(r"tools/gen_index\.lua:3: in main chunk", rx=True)],
        exit_status=1,
    )
    case(
        name="xmllint-schema-three-validity-errors-feeds",
        tool="xmllint",
        category="config",
        label=":scroll: Validate config",
        repo="feedhub",
        tty=False,
        command="xmllint --noout --schema schema/feeds.xsd config/feeds.xml",
        files={"schema/feeds.xsd": _XM_XSD, "config/feeds.xml": _xm_feeds()},
        keys=[
            "'fifteen' is not a valid value of the atomic type 'xs:positiveInteger'",
            "config/feeds.xml fails to validate",
        ],
        cause=[has("Schemas validity error"), has("fails to validate")],
        exit_status=3,
    )
    case(
        name="shfmt-diff-two-of-three-scripts-indent",
        tool="shfmt",
        category="lint",
        ci="github",
        repo="ops-scripts",
        tty=False,
        command="shfmt -d -i 2 ci/",
        files={"ci/checksum.sh": _SF_A, "ci/site.sh": _SF_B, "ci/deploy.sh": _SF_C},
        keys=["ci/checksum.sh.orig", "ci/deploy.sh.orig"],
        cause=[has(r"^--- ci/\w+\.sh\.orig", rx=True), has(r"^[-+](?![-+])", rx=True)],
        exit_status=1,
    )
    case(
        name="scp-deploy-connection-refused-255",
        tool="scp",
        category="infrastructure",
        label=":rocket: Deploy site",
        repo="marketing-site",
        tty=False,
        command="./ci/deploy.sh",
        env={"DEPLOY_HOST": "127.0.0.1", "DEPLOY_PORT": "2222"},
        files={"ci/deploy.sh": _SCP_SCRIPT},
        keys=["ssh: connect to host 127.0.0.1 port 2222: Connection refused"],
        cause=[has("Connection refused"), has("scp: Connection closed")],
        exit_status=255,
    )
    case(
        name="perl-alarm-clock-health-poll-142",
        tool="perl",
        category="timeout",
        label=":fire: Smoke tests",
        repo="api-smoke",
        tty=False,
        command="./ci/smoke.sh",
        env={"API_URL": "http://api.staging.internal:8080"},
        setup="mkdir -p .ci && echo starting > .ci/health",
        files={"ci/smoke.sh": _PA_SH, "ci/wait_healthy.pl": _PA_SCRIPT},
        keys=["Alarm clock"],
        cause=[last("poll "), has("Alarm clock")],
        exit_status=142,
    )
    case(
        name="tar-restore-cache-wrote-only-no-space-tmpfs",
        tool="tar",
        category="resource",
        label=":package: Restore cache",
        repo="monorepo",
        tty=False,
        command="./ci/restore-cache.sh",
        env={"CACHE_DIR": FULL},
        setup=_TX_SETUP,
        files={"ci/restore-cache.sh": _TX_SCRIPT},
        keys=["No space left on device", "Exiting with failure status due to previous errors"],
        cause=[has("No space left on device"), has("Wrote only"), has("Exiting with failure status")],
        exit_status=2,
    )
    case(
        name="sort-write-failed-no-space-temp-volume",
        tool="sort",
        category="resource",
        ci="gitlab",
        repo="events-etl",
        tty=False,
        command="./ci/aggregate.sh",
        env={"TMPDIR": f"{FULL}/tmp"},
        setup=_ST_SETUP,
        files={"ci/aggregate.sh": _ST_SCRIPT},
        keys=["sort: write failed", "No space left on device"],
        cause=[has("sort: write failed")],
        exit_status=2,
    )
    case(
        name="install-d-permission-denied-unprivileged-agent",
        tool="install",
        category="infrastructure",
        ci="gitlab",
        repo="docs",
        tty=False,
        command="./ci/publish-docs.sh",
        run="setpriv --reuid=65534 --regid=65534 --clear-groups ./ci/publish-docs.sh",
        env={"TMPDIR": "/tmp"},
        files={"ci/publish-docs.sh": _PD_SCRIPT},
        keys=["install: cannot create directory ‘/var/www’: Permission denied"],
        cause=[has("Permission denied")],
        exit_status=1,
    )
    case(
        name="gpg-verify-bad-signature-vendor-tarball",
        tool="gpg",
        category="infrastructure",
        label=":lock: Verify vendor",
        repo="geo-service",
        tty=False,
        command="./ci/verify-vendor.sh",
        env={"GNUPGHOME": "/work/scratch/h12/gnupg"},
        setup=_GV_SETUP,
        files={"ci/verify-vendor.sh": _GV_SCRIPT},
        keys=['BAD signature from "Libgeo Releases <release@libgeo.example>"'],
        cause=[has("gpg: BAD signature")],
        exit_status=1,
    )
    case(
        name="redis-cli-could-not-connect-seeding-flags",
        tool="redis-cli",
        category="infrastructure",
        label=":redis: Seed flags",
        repo="flags",
        tty=False,
        command="./ci/seed-flags.sh",
        env={"REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6391"},
        files={"ci/seed-flags.sh": _RC_SCRIPT, "config/flags.env": "new_checkout=on\nbeta_search=off\n"},
        keys=["Could not connect to Redis at 127.0.0.1:6391: Connection refused"],
        cause=[has("Could not connect to Redis")],
        exit_status=1,
    )
    register_more(case)


# --- perl: a report script dereferences a missing key as an array
_PR_SCRIPT = """\
#!/usr/bin/env perl
use strict;
use warnings;

my %releases = (
    'api'     => { owner => 'team-core', tags => ['v1.4.0', 'v1.4.1'] },
    'web'     => { owner => 'team-web',  tags => ['v3.0.0'] },
    'billing' => { owner => 'team-pay' },
    'search'  => { owner => 'team-core', tags => ['v0.9.2', 'v0.9.3', 'v1.0.0'] },
);

for my $svc (sort keys %releases) {
    my $r = $releases{$svc};
    my @tags = @{ $r->{tags} };
    printf "%-8s %-10s %d tags, latest %s\\n", $svc, $r->{owner}, scalar @tags, $tags[-1];
}
"""

# --- timeout -k: a worker ignores SIGTERM while draining, then gets SIGKILL
_TK_PY = """\
import signal
import sys
import time


def on_term(signum, frame):
    print("worker: received SIGTERM, draining current batch before exit", flush=True)


signal.signal(signal.SIGTERM, on_term)
print("worker: consuming queue reindex-jobs", flush=True)
batch = 0
while True:
    batch += 1
    print(f"worker: batch {batch} processed (250 documents)", flush=True)
    time.sleep(1)
"""


def register_more(case):
    case(
        name="perl-cant-use-undefined-value-as-array-reference",
        tool="perl",
        category="runtime",
        label=":page_facing_up: Release report",
        repo="release-report",
        tty=False,
        command="perl scripts/release_report.pl",
        files={"scripts/release_report.pl": _PR_SCRIPT},
        keys=["Can't use an undefined value as an ARRAY reference at scripts/release_report.pl line 14."],
        cause=[has("Can't use an undefined value as an ARRAY reference")],
        exit_status=255,
    )
    case(
        name="timeout-kill-after-worker-ignores-sigterm-137",
        tool="timeout",
        category="timeout",
        ci="travis",
        repo="reindexer",
        tty=False,
        command="timeout --verbose -k 3 6 python worker.py",
        run="timeout --verbose -k 3 6 python worker.py; exit $?",
        files={"worker.py": _TK_PY},
        keys=["timeout: sending signal TERM to command", "timeout: sending signal KILL to command", "Killed"],
        cause=[has("timeout: sending signal"), has("received SIGTERM"), has("Killed")],
        exit_status=137,
    )
