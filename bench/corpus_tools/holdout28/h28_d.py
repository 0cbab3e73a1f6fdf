"""Cases for the twenty-ninth held-out corpus, part D: more tests, a compile step and a deploy script
(jest inline snapshots, pytest strict xfail, compileall, jsonpatch)."""

from holdout_cases import after, first, has, last, span  # noqa: F401

LINK = "ln -s /work/scratch/h28/npm/node_modules node_modules"

_LABELS_JS = """function podLabels(app, env) {
  return { app, env, 'app.kubernetes.io/managed-by': 'deployer', tier: env === 'prod' ? 'critical' : 'standard' };
}
module.exports = { podLabels };
"""
_LABELS_TEST = """const { podLabels } = require('../src/labels');

test('staging labels', () => {
  expect(podLabels('api', 'staging')).toMatchInlineSnapshot(`
    {
      "app": "api",
      "app.kubernetes.io/managed-by": "deployer",
      "env": "staging",
      "tier": "standard",
    }
  `);
});

test('prod labels', () => {
  expect(podLabels('api', 'prod')).toMatchInlineSnapshot(`
    {
      "app": "api",
      "app.kubernetes.io/managed-by": "helm",
      "env": "prod",
      "tier": "critical",
    }
  `);
});
"""

_MERGE_PY = '''def merge(base, override):
    """Deep-merge helm-style values; None in the override deletes the key."""
    out = dict(base)
    for key, value in override.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out
'''
_MERGE_TEST = '''import pytest

from values import merge


@pytest.mark.parametrize("n", range(40))
def test_scalar_override(n):
    assert merge({"replicas": 1}, {"replicas": n}) == {"replicas": n}


def test_nested_merge():
    assert merge({"image": {"tag": "1", "repo": "r"}}, {"image": {"tag": "2"}}) == {
        "image": {"tag": "2", "repo": "r"}
    }


@pytest.mark.xfail(strict=True, reason="null override does not delete keys yet (#412)")
def test_null_override_removes_key():
    assert merge({"resources": {"limits": {"cpu": 1}}}, {"resources": None}) == {}
'''

_ROTATE_PY = '''import sys


def rotate(keys)
    return keys[1:] + keys[:1]


if __name__ == "__main__":
    print(rotate(sys.argv[1:]))
'''
_NOTIFY_PY = '''def message(release, env):
    return f"Released {release["tag"]} to {env}"


def channel(env):
    return "#deploys" if env == "prod" else "#staging"
'''
_PRUNE_PY = '''import pathlib


def prune(days):
    for p in pathlib.Path("artifacts").glob("*.tgz"):
        if p.stat().st_mtime < days:
            p.unlink()
'''

_APPLY_PY = '''import json
import sys

import jsonpatch


def load(path):
    with open(path) as fh:
        return json.load(fh)


def apply_overrides(manifest, patch_path):
    patch = jsonpatch.JsonPatch(load(patch_path))
    return patch.apply(manifest)


def main(env):
    manifest = load("manifests/deployment.json")
    print(f"overrides: applying overrides/{env}.json to {manifest['metadata']['name']}")
    out = apply_overrides(manifest, f"overrides/{env}.json")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
'''
_MANIFEST_JSON = """{
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {"name": "api"},
  "spec": {"replicas": 2, "template": {"spec": {"containers": [{"name": "api", "image": "api:1.4"}]}}}
}
"""
_PROD_PATCH = """[
  {"op": "replace", "path": "/spec/replicas", "value": 6},
  {"op": "replace", "path": "/spec/template/spec/containers/0/resources/limits/memory", "value": "1Gi"}
]
"""

_BABELRC = '{\n  "presets": []\n}\n'
_BUTTON_JS = """export function Button({ label, onClick }) {
  return <button className="btn" onClick={onClick}>{label}</button>;
}
"""
_UTIL_JS = "export const cx = (...names) => names.filter(Boolean).join(' ');\n"

_EVENTS_JS = """function subscribe(bus, handlers) {
  for (const [name, fn] of Object.entries(handlers)) {
    if (name.startsWith('order.')) bus.on(name, fn);
  }
}
module.exports = { subscribe };
"""
_EVENTS_TEST = """const { EventEmitter } = require('events');
const { subscribe } = require('../src/events');

test('routes order events', () => {
  expect.assertions(2);
  const bus = new EventEmitter();
  subscribe(bus, {
    'order.created': (o) => expect(o.id).toBe(7),
    'refund.created': (r) => expect(r.id).toBe(9),
  });
  bus.emit('order.created', { id: 7 });
  bus.emit('refund.created', { id: 9 });
});
"""


def register(case) -> None:
    case(
        name="jest-ci-inline-snapshot-mismatch-managed-by-helm-vs-deployer",
        tool="jest", category="test", ci="github", command="jest --ci", repo="labels", tty=False,
        files={"package.json": '{"name": "labels", "jest": {"testEnvironment": "node"}}\n',
               "src/labels.js": _LABELS_JS, "test/labels.test.js": _LABELS_TEST},
        setup=LINK,
        keys=["prod labels", "toMatchInlineSnapshot", '"app.kubernetes.io/managed-by": "helm"'],
        cause=[has("FAIL test/labels.test.js"), has("● prod labels"), has("expect(received).toMatchInlineSnapshot"),
               has('-   "app.kubernetes.io/managed-by": "helm",'), has('+   "app.kubernetes.io/managed-by": "deployer",'),
               has("> 15 |"), has("at Object.toMatchInlineSnapshot (test/labels.test.js:15"),
               has("Snapshots:   1 failed"), has("Tests:       1 failed")],
    )  # fmt: skip
    case(
        name="pytest-xpass-strict-null-override-removes-key-after-41-passing",
        tool="pytest", category="test", ci="buildkite", label=":pytest: Values",
        command="pytest -p no:cacheprovider --color=yes tests", repo="values", tty=True,
        files={"values.py": _MERGE_PY, "tests/test_values.py": _MERGE_TEST, "conftest.py": ""},
        keys=["XPASS(strict)", "test_null_override_removes_key"],
        cause=[has("test_null_override_removes_key"), has("[XPASS(strict)]"), has("1 failed, 41 passed")],
    )  # fmt: skip
    case(
        name="python-compileall-two-syntax-errors-missing-colon-and-nested-fstring-quotes",
        tool="compileall", category="compile", ci="travis", command="python -m compileall -q scripts",
        repo="ops", tty=False,
        files={"scripts/rotate.py": _ROTATE_PY, "scripts/notify.py": _NOTIFY_PY, "scripts/prune.py": _PRUNE_PY},
        keys=["*** Error compiling", "scripts/rotate.py", "scripts/notify.py", "SyntaxError"],
        cause=[has("*** Error compiling"), has("File \"scripts/"), has("def rotate(keys)"),
               has('return f"Released {release["tag"]} to {env}"'), has("SyntaxError")],
    )  # fmt: skip
    case(
        name="python-jsonpatch-jsonpointerexception-member-resources-not-found-prod-overrides",
        tool="python", category="runtime", ci="buildkite", label=":rocket: Render prod",
        command="python scripts/apply_overrides.py prod", repo="deploy", tty=False,
        files={"scripts/apply_overrides.py": _APPLY_PY, "manifests/deployment.json": _MANIFEST_JSON,
               "overrides/prod.json": _PROD_PATCH},
        keys=["jsonpointer.JsonPointerException: member 'resources' not found", "apply_overrides.py"],
        cause=[has("overrides: applying overrides/prod.json"), has("KeyError: 'resources'"),
               has("scripts/apply_overrides.py\", line"), has("main(sys.argv[1])"),
               has('out = apply_overrides(manifest, f"overrides/{env}.json")'), has("return patch.apply(manifest)"),
               has("jsonpointer.JsonPointerException")],
    )  # fmt: skip
    case(
        name="babel-cli-jsx-syntax-not-enabled-no-preset-button-component",
        tool="babel", category="compile", ci="buildkite", label=":babel: Build", command="babel src -d lib",
        repo="ui", tty=False, setup=LINK,
        files={".babelrc": _BABELRC, "src/Button.js": _BUTTON_JS, "src/util.js": _UTIL_JS},
        keys=["SyntaxError", "src/Button.js", "'jsx'"],
        cause=[has("SyntaxError:"), has("> 2 |"), has("Add @babel/preset-react")],
    )  # fmt: skip
    case(
        name="jest-expect-assertions-2-received-one-refund-handler-never-subscribed",
        tool="jest", category="test", ci="gitlab", command="jest --ci", repo="events", tty=False,
        files={"package.json": '{"name": "events", "jest": {"testEnvironment": "node"}}\n',
               "src/events.js": _EVENTS_JS, "test/events.test.js": _EVENTS_TEST},
        keys=["expect.assertions(2)", "Expected two assertions to be called but received one assertion call."],
        cause=[has("FAIL test/events.test.js"), has("✕ routes order events"), has("● routes order events"), has("expect.assertions(2)"),
               has("Expected two assertions"), has("> 5 |"), has("test/events.test.js:5"), has("Tests:")],
    )  # fmt: skip
