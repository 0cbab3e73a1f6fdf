"""Cases for the twenty-ninth held-out corpus, part B: Node 20 pipeline tools (prettier, stylelint,
jest, ava, tsc, sass, npm, js-yaml)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

LINK = "ln -s /work/scratch/h28/npm/node_modules node_modules"

# -- prettier ------------------------------------------------------------------------------------

_CART_TSX = """import { useState } from "react";

type Item = { id: string; price: number; qty: number };

export function Cart({ items }: { items: Item[] }) {
  const [open, setOpen] = useState(false);
  const total = items.reduce((sum, i) => sum + i.price * i.qty, 0);
  return (
    <section>
      <button onClick={() => setOpen(!open)}>Cart</button>
      {open && (
        <ul>
          {items.map((i) => (
            <li key={i.id}>{i.qty} x {i.price}</li>
          )}
        </ul>
      )}
      <p>Total: {total}</p>
    </section>
  );
}
"""
_MONEY_TS = "export const fmt = (n:number)=>{return (n/100).toFixed(2)}\n"
_OK_TS = 'export const VERSION = "2.4.0";\n'

# -- stylelint -----------------------------------------------------------------------------------

_STYLELINTRC = '{\n  "extends": ["stylelint-config-standard", "stylelint-config-recommended-scss"],\n' \
    '  "rules": {"color-hex-length": "long"}\n}\n'
_SCSS = "$brand: #336699;\n\n.header {\n  color: $brand;\n  padding: 4px 8px;\n}\n"

# -- jest ----------------------------------------------------------------------------------------

_JEST_JSDOM_CFG = "module.exports = {\n  testEnvironment: 'jsdom',\n  roots: ['<rootDir>/src'],\n};\n"
_BANNER_JS = "function banner(name) {\n  return `<p>Hello ${name}</p>`;\n}\nmodule.exports = { banner };\n"
_BANNER_TEST = """const { banner } = require('./banner');

test('renders a greeting', () => {
  document.body.innerHTML = banner('Ada');
  expect(document.querySelector('p').textContent).toBe('Hello Ada');
});
"""
_RETRY_JS = """async function withRetry(fn, { attempts = 3 } = {}) {
  let last;
  for (let i = 0; i <= attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

function backoff(n) {
  return Math.min(100 * 2 ** n, 5000);
}

module.exports = { withRetry, backoff };
"""
_RETRY_TEST = """const { withRetry, backoff } = require('../src/retry');

describe('backoff', () => {
  test.each(Array.from({ length: 60 }, (_, n) => n))('attempt %i stays under the cap', (n) => {
    expect(backoff(n)).toBeLessThanOrEqual(5000);
  });
});

describe('withRetry', () => {
  test('returns the first success', async () => {
    const fn = jest.fn().mockResolvedValue('ok');
    await expect(withRetry(fn)).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('gives up after three attempts', async () => {
    const fn = jest.fn().mockRejectedValue(new Error('ECONNRESET'));
    await expect(withRetry(fn, { attempts: 3 })).rejects.toThrow('ECONNRESET');
    expect(fn).toHaveBeenCalledTimes(3);
  });
});
"""
_SLUG_TEST = """const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe('slug', () => {
  test.each(Array.from({ length: 60 }, (_, n) => [`Title ${n}`, `title-${n}`]))('%s', (input, want) => {
    expect(slug(input)).toBe(want);
  });
});
"""
_NATIVE_TEST = """// thumbnails are made by the native resizer; a bad JPEG header crashes it
const resize = (buf) => {
  if (buf[0] !== 0xff) {
    process.kill(process.pid, 'SIGSEGV');
  }
  return buf.length;
};

test('resizes a jpeg', () => {
  expect(resize(Buffer.from([0xff, 0xd8, 0xff]))).toBe(3);
});

test('resizes the corrupt fixture', () => {
  expect(resize(Buffer.from([0x00, 0x01]))).toBe(2);
});
"""
_OK_TEST = "test('adds', () => {\n  expect(1 + 2).toBe(3);\n});\n"

# -- ava -----------------------------------------------------------------------------------------

_AVA_PKG = '{\n  "name": "tariffs",\n  "type": "module",\n  "ava": {"files": ["test/**/*.test.js"]}\n}\n'
_TARIFF_JS = """import { readFileSync } from 'node:fs';

const table = JSON.parse(readFileSync(new URL('../data/tariffs.json', import.meta.url)));
export const zones = Object.keys(table.zones);

export function price(zone, kg) {
  return table.zones[zone].base + table.zones[zone].perKg * kg;
}
"""
_TARIFF_TEST = """import test from 'ava';
import { price, zones } from '../src/tariff.js';

test('has zones', (t) => {
  t.true(zones.length > 0);
});

test('prices eu', (t) => {
  t.is(price('eu', 2), 9);
});
"""
_UNITS_TEST = """import test from 'ava';

test('kg to g', (t) => {
  t.is(2 * 1000, 2000);
});
"""
_TARIFFS_JSON = '{"zones": {"eu": {"base": 5, "perKg": 2}, "us": {"base": 7, "perKg": 3},}}\n'

# -- tsc -----------------------------------------------------------------------------------------

_TSCONFIG = '{\n  "compilerOptions": {"strict": true, "noEmit": true, "target": "es2020", ' \
    '"module": "commonjs"},\n  "include": ["src"]\n}\n'
_ORDERS_TS = """export interface Order {
  id: string;
  customer?: { email: string; tier?: "gold" | "basic" };
  lines: { sku: string; qty: number }[];
}

export function customerEmail(o: Order): string {
  return o.customer.email;
}

export function firstSku(o: Order): string {
  const line = o.lines.find((l) => l.qty > 0);
  return line.sku;
}
"""
_TIER_TS = """import { Order } from "./orders";

export function discount(o: Order): number {
  const tier = o.customer?.tier;
  return tier.length > 4 ? 0.1 : 0;
}
"""

# -- sass ----------------------------------------------------------------------------------------

_BP_SCSS = """$breakpoints: (
  "phone": 480px,
  "desktop": 1024px,
);

@mixin above($name) {
  @if not map-has-key($breakpoints, $name) {
    @error "Unknown breakpoint `#{$name}`; expected one of #{map-keys($breakpoints)}";
  }
  @media (min-width: map-get($breakpoints, $name)) {
    @content;
  }
}
"""
_MAIN_SCSS = """@import "breakpoints";

.grid {
  display: grid;
  @include above("desktop") {
    grid-template-columns: repeat(3, 1fr);
  }
  @include above("tablet") {
    grid-template-columns: repeat(2, 1fr);
  }
}
"""

# -- npm / js-yaml / prettier under ulimit -------------------------------------------------------

_PKG_BADVER = '{\n  "name": "@acme/ui-kit",\n  "version": "2.4",\n  "main": "index.js",\n  "license": "MIT"\n}\n'
_RENDER_ENV = """const fs = require('fs');
const yaml = require('js-yaml');

function loadEnvs(path) {
  const doc = yaml.load(fs.readFileSync(path, 'utf8'));
  return doc.environments;
}

function main() {
  console.log('render-env: reading deploy/environments.yml');
  const envs = loadEnvs('deploy/environments.yml');
  for (const [name, cfg] of Object.entries(envs)) {
    console.log(`render-env: ${name} -> ${cfg.url}`);
  }
}

main();
"""
_ENVS_YML = """environments:
  staging:
    url: https://staging.acme.example
    replicas: 2
  prod:
    url: https://acme.example
    replicas: 6
  staging:
    url: https://staging2.acme.example
    replicas: 1
"""
_FMT_SH = """#!/usr/bin/env bash
# keep the formatter inside the agent's memory budget
ulimit -v 400000
echo "format-check: $(ls src | wc -l) files"
prettier --check src
"""


def register(case) -> None:
    case(
        name="prettier-check-syntaxerror-unclosed-jsx-paren-cart-tsx-and-one-unformatted",
        tool="prettier", category="lint", ci="buildkite", label=":prettier: Format", command="prettier --check src",
        repo="shop", tty=True,
        files={"src/Cart.tsx": _CART_TSX, "src/money.ts": _MONEY_TS, "src/version.ts": _OK_TS},
        keys=["src/Cart.tsx: SyntaxError", "src/money.ts"],
        cause=[has("src/Cart.tsx: SyntaxError"), has("> 15 |"), has("[warn] src/money.ts"),
               has("Error occurred when checking code style")],
    )  # fmt: skip
    case(
        name="stylelint-extends-stylelint-config-recommended-scss-could-not-find",
        tool="stylelint", category="dependency", ci="buildkite", label=":css: Stylelint",
        command='stylelint "src/**/*.scss"', repo="shop", tty=False, setup=LINK,
        files={".stylelintrc.json": _STYLELINTRC, "src/header.scss": _SCSS},
        keys=['Could not find "stylelint-config-recommended-scss"'],
        cause=[has("Could not find")],
    )  # fmt: skip
    case(
        name="jest-validation-error-test-environment-jsdom-cannot-be-found",
        tool="jest", category="dependency", ci="github", command="jest --ci", repo="banner", tty=False,
        files={"jest.config.js": _JEST_JSDOM_CFG, "src/banner.js": _BANNER_JS, "src/banner.test.js": _BANNER_TEST},
        keys=["jest-environment-jsdom", "cannot be found"],
        cause=[has("Validation Error"), has("cannot be found"), has("jest-environment-jsdom")],
    )  # fmt: skip
    case(
        name="jest-verbose-tohavebeencalledtimes-3-received-4-off-by-one-retry-after-61-passing",
        tool="jest", category="test", ci="buildkite", label=":jest: Unit", command="jest --ci --verbose --color",
        repo="retry", tty=True, files={"src/retry.js": _RETRY_JS, "test/retry.test.js": _RETRY_TEST,
                                       "package.json": '{"name": "retry", "jest": {"testEnvironment": "node"}}\n'},
        keys=["toHaveBeenCalledTimes", "Expected number of calls: 3", "Received number of calls: 4"],
        cause=[has("FAIL  test/retry.test.js"), has("✕ gives up after three attempts"),
               has("withRetry › gives up after three attempts"), has("expect(jest.fn()).toHaveBeenCalledTimes"),
               has("Expected number of calls: 3"), has("Received number of calls: 4"),
               has("> 19 |"), has("at Object.toHaveBeenCalledTimes (test/retry.test.js:19"),
               has("Tests:")],
    )  # fmt: skip
    case(
        name="jest-worker-terminated-signal-sigsegv-native-resizer-thumbs-suite",
        tool="jest", category="crash", ci="buildkite", label=":jest: Unit", command="jest --ci --maxWorkers=2",
        repo="thumbs", tty=False,
        files={"package.json": '{"name": "thumbs", "jest": {"testEnvironment": "node", "cacheDirectory": "<rootDir>/.jest-cache"}}\n',
               "test/thumbs.test.js": _NATIVE_TEST, "test/slug.test.js": _SLUG_TEST, "test/add.test.js": _OK_TEST},
        keys=["SIGSEGV"],
        cause=[has("FAIL test/thumbs.test.js"), has("Test suite failed to run"), has("SIGSEGV"),
               has("Test Suites: 1 failed")],
    )  # fmt: skip
    case(
        name="ava-uncaught-syntaxerror-json-expected-double-quoted-property-tariffs-fixture-at-import",
        tool="ava", category="test", ci="gitlab", command="ava", repo="tariffs", tty=False, setup=LINK,
        files={"package.json": _AVA_PKG, "src/tariff.js": _TARIFF_JS, "test/tariff.test.js": _TARIFF_TEST,
               "test/units.test.js": _UNITS_TEST, "data/tariffs.json": _TARIFFS_JSON},
        keys=["Uncaught exception in test/tariff.test.js", "SyntaxError: Expected double-quoted property name"],
        cause=[has("Uncaught exception in test/tariff.test.js"), has("SyntaxError"), has("1 uncaught exception")],
    )  # fmt: skip
    case(
        name="tsc-strict-ts18048-possibly-undefined-three-errors-two-files",
        tool="tsc", category="compile", ci="buildkite", label=":typescript: Typecheck", command="tsc -p . --pretty",
        repo="orders", tty=True, files={"tsconfig.json": _TSCONFIG, "src/orders.ts": _ORDERS_TS, "src/tier.ts": _TIER_TS},
        keys=["TS18048", "'o.customer' is possibly 'undefined'", "Found 3 errors in 2 files."],
        cause=[has(" - error TS"), has("return o.customer.email;"), has("return line.sku;"),
               has("return tier.length > 4"), has("Found 3 errors in 2 files.")],
    )  # fmt: skip
    case(
        name="sass-error-directive-unknown-breakpoint-tablet-from-mixin",
        tool="sass", category="compile", ci="travis", command="sass --no-source-map src/main.scss dist/main.css",
        repo="theme", tty=False, files={"src/_breakpoints.scss": _BP_SCSS, "src/main.scss": _MAIN_SCSS},
        keys=["Unknown breakpoint `tablet`"],
        cause=[has('Error: "Unknown breakpoint'), has('8 │   @include above("tablet")'), last("src/main.scss 8:3")],
    )  # fmt: skip
    case(
        name="npm-publish-dry-run-invalid-version-2-4-ui-kit",
        tool="npm", category="config", ci="github", command="npm publish --dry-run", repo="ui-kit", tty=False,
        files={"package.json": _PKG_BADVER, "index.js": "module.exports = {};\n"},
        keys=['Invalid version: "2.4"'],
        cause=[has("Invalid version")],
    )  # fmt: skip
    case(
        name="node-js-yaml-yamlexception-duplicated-mapping-key-staging-environments",
        tool="node", category="runtime", ci="buildkite", label=":rocket: Render env",
        command="node scripts/render-env.js", repo="deploy", tty=False, setup=LINK,
        files={"scripts/render-env.js": _RENDER_ENV, "deploy/environments.yml": _ENVS_YML},
        keys=["YAMLException: duplicated mapping key at line 8"],
        cause=[has("render-env: reading deploy/environments.yml"), has("YAMLException: duplicated mapping key"),
               first("      staging:")],
    )  # fmt: skip
    case(
        name="prettier-ulimit-v-fatal-process-oom-coderange-trace-trap-133",
        tool="prettier", category="resource", ci="buildkite", label=":prettier: Format",
        command="./ci/format-check.sh", repo="shop", tty=False,
        files={"ci/format-check.sh": _FMT_SH, "src/version.ts": _OK_TS, "src/money.ts": _MONEY_TS},
        keys=["Fatal process OOM", "Failed to reserve virtual memory for CodeRange"],
        cause=[has("Fatal process OOM"), has("Trace/breakpoint trap")],
    )  # fmt: skip
