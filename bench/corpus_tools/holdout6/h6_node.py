"""Node cases for the seventh held-out corpus (Node 20 + npm 11; jasmine and @biomejs/biome from
/work/scratch/h6/npm)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

# --- npm install: a vendored tarball dependency whose postinstall fails
_PI_PKG = """\
{
  "name": "image-service",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "sharp-lite": "file:vendor/sharp-lite-0.8.2.tgz"
  }
}
"""
_PI_DEP_PKG = """\
{
  "name": "sharp-lite",
  "version": "0.8.2",
  "main": "index.js",
  "scripts": {
    "postinstall": "node scripts/fetch-prebuilt.js"
  }
}
"""
_PI_FETCH = """\
const platform = `${process.platform}-${process.arch}`;
const abi = process.versions.modules;
console.log(`sharp-lite: looking for prebuilt binary for ${platform} (node abi ${abi})`);
const available = ['darwin-arm64-115', 'darwin-x64-115', 'win32-x64-115'];
if (!available.includes(`${platform}-${abi}`)) {
  console.error(`sharp-lite: no prebuilt binary for ${platform}-${abi}; available: ${available.join(', ')}`);
  console.error('sharp-lite: set SHARP_LITE_BUILD_FROM_SOURCE=1 to compile libvips bindings locally');
  process.exit(1);
}
"""

# --- a server that cannot bind its port (another process holds it)
_EA_SERVER = """\
const http = require('http');

const port = Number(process.env.PORT || 3000);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true }));
});
console.log(`[e2e] starting mock API on port ${port}`);
server.listen(port, () => console.log(`[e2e] mock API ready on :${port}`));
"""

# --- jasmine: two failing specs among passing ones
_JS_CFG = """\
{
  "spec_dir": "spec",
  "spec_files": ["**/*[sS]pec.js"],
  "random": false
}
"""
_JS_LIB = """\
function parseDuration(text) {
  const m = /^(\\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`bad duration: ${text}`);
  const n = Number(m[1]);
  return { ms: 1, s: 1000, m: 60000, h: 360000 }[m[2]] * n;
}

function formatDuration(ms) {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60000) return `${Math.round(ms / 1000)}s`;
  return `${Math.floor(ms / 60000)}m`;
}

module.exports = { parseDuration, formatDuration };
"""
_JS_SPEC = """\
const { parseDuration, formatDuration } = require('../lib/duration');

describe('parseDuration', () => {
  it('parses milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
  });
  it('parses seconds', () => {
    expect(parseDuration('3s')).toBe(3000);
  });
  it('parses minutes', () => {
    expect(parseDuration('2m')).toBe(120000);
  });
  it('parses hours', () => {
    expect(parseDuration('2h')).toBe(7200000);
  });
  it('rejects garbage', () => {
    expect(() => parseDuration('soon')).toThrowError(/bad duration/);
  });
});

describe('formatDuration', () => {
  it('formats small values in ms', () => {
    expect(formatDuration(40)).toBe('40ms');
  });
  it('formats seconds', () => {
    expect(formatDuration(4500)).toBe('4.5s');
  });
  it('formats minutes', () => {
    expect(formatDuration(180000)).toBe('3m');
  });
});
"""

# --- biome lint
_BI_CFG = """\
{
  "$schema": "./node_modules/@biomejs/biome/configuration_schema.json",
  "linter": { "enabled": true, "rules": { "recommended": true } }
}
"""
_BI_SRC = """\
export function findUser(users, id) {
  for (var i = 0; i < users.length; i++) {
    if (users[i].id == id) {
      return users[i];
    }
  }
  debugger;
  return null;
}

export async function loadConfig(path) {
  const raw = await import(path);
  if (raw.default.retries = 0) {
    raw.default.retries = 3;
  }
  return raw.default;
}
"""
_BI_UTIL = """\
export const isEmpty = (value) => {
  return value === undefined || value === null || value.length == 0;
};
"""


def register(case):
    case(
        name="npm-postinstall-prebuilt-missing",
        tool="npm",
        category="dependency",
        label=":npm: Install",
        repo="image-service",
        tty=False,
        command="npm install --no-audit --no-fund",
        setup="mkdir -p vendor && cd vendor-src/sharp-lite && npm pack --pack-destination ../../vendor >/dev/null",
        files={"package.json": _PI_PKG, "vendor-src/sharp-lite/package.json": _PI_DEP_PKG,
               "vendor-src/sharp-lite/index.js": "module.exports = {};\n",
               "vendor-src/sharp-lite/scripts/fetch-prebuilt.js": _PI_FETCH},
        keys=["node_modules/sharp-lite", "node scripts/fetch-prebuilt.js", "no prebuilt binary for linux-x64-115"],
        cause=[has("npm error code 1"), has("npm error path "), has("npm error command failed"),
               has("npm error command sh -c node scripts/fetch-prebuilt.js"), has("no prebuilt binary for linux-x64")],
        exit_status=1,
    )
    case(
        name="node-listen-eaddrinuse-3000",
        tool="node",
        category="infrastructure",
        label=":node: E2E mock API",
        repo="storefront",
        tty=False,
        command="node e2e/mock-api.js",
        run="python3 -m http.server 3000 --bind :: >/dev/null 2>&1 & holder=$!; sleep 1; node e2e/mock-api.js; s=$?; kill $holder; exit $s",
        files={"e2e/mock-api.js": _EA_SERVER},
        keys=["Error: listen EADDRINUSE: address already in use :::3000", "e2e/mock-api.js:9:8"],
        cause=[has("throw er; // Unhandled 'error' event"), has("Error: listen EADDRINUSE: address already in use :::3000"),
               has("Emitted 'error' event on Server instance"),
               has("e2e/mock-api.js:9:8")],
        exit_status=1,
    )
    case(
        name="jasmine-two-failed-specs",
        tool="jasmine",
        category="test",
        ci="travis",
        repo="duration",
        command="npx jasmine --config=spec/support/jasmine.json",
        run="jasmine --config=spec/support/jasmine.json",
        files={"lib/duration.js": _JS_LIB, "spec/durationSpec.js": _JS_SPEC, "spec/support/jasmine.json": _JS_CFG,
               "package.json": '{"name": "duration", "version": "1.0.0", "private": true}\n'},
        keys=["parseDuration parses hours", "Expected 720000 to be 7200000.", "formatDuration formats seconds",
              "Expected '5s' to be '4.5s'.", "8 specs, 2 failures"],
        cause=[has(r"^\d\) (parseDuration parses hours|formatDuration formats seconds)", rx=True),
               has("Expected 720000 to be 7200000."), has("Expected '5s' to be '4.5s'."),
               has(r"spec/durationSpec.js:\d+:\d+", rx=True), has("8 specs, 2 failures")],
        exit_status=3,
    )
    case(
        name="biome-lint-six-errors-deprecated-config",
        tool="biome",
        category="lint",
        ci="github",
        repo="accounts-web",
        tty=False,
        command="npx biome lint src",
        run="biome lint src",
        files={"biome.json": _BI_CFG, "src/users.js": _BI_SRC, "src/util.js": _BI_UTIL,
               "package.json": '{"name": "accounts-web", "version": "1.0.0", "private": true, "type": "module"}\n'},
        keys=["src/users.js:7:3 lint/suspicious/noDebugger", "src/users.js:13:7 lint/suspicious/noAssignInExpressions",
              "src/users.js:3:21 lint/suspicious/noDoubleEquals", "src/util.js:2:64", "Found 6 errors."],
        cause=[has(r"^src/\S+:\d+:\d+ lint/", rx=True), has(r"^  × ", rx=True), has("Found 6 errors.")],
        exit_status=1,
    )
