"""Build the HELD-OUT corpus in /tmp/holdout/: real tools on small projects with planted faults.

Same format and labelling rules as bench/corpus (see its README.md). Reuses the CI framing of
/work/main/bench/corpus_tools/wrap.py (imported by path, unmodified). Tool output is never edited.

    python3 /tmp/holdout_tools/make_holdout.py            # every case
    python3 /tmp/holdout_tools/make_holdout.py NAME ...   # some cases
    python3 /tmp/holdout_tools/make_holdout.py --dump NAME  # print the tool output region, numbered

The later corpora use the same runner with their own cases and paths (CORPORA below):

    python3 bench/corpus_tools/holdout/make_holdout.py --corpus holdout3 [--dump] [NAME ...]
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

_spec = importlib.util.spec_from_file_location("ci_wrap", "/work/main/bench/corpus_tools/wrap.py")
wrap = importlib.util.module_from_spec(_spec)
sys.modules["ci_wrap"] = wrap
_spec.loader.exec_module(wrap)

from holdout_cases import CASES, Case  # noqa: E402

ROOT = Path("/tmp/holdout")
SEED = "holdout:"  # prefix of every case's random seed: each corpus its own

CHECKOUTS = {
    "buildkite": "/var/lib/buildkite-agent/builds/agent-2/acme/{repo}",
    "github": "/home/runner/work/{repo}/{repo}",
    "gitlab": "/builds/acme/{repo}",
    "travis": "/home/travis/build/acme/{repo}",
}

BASE_ENV = {
    "PATH": "/tmp/holdout_venv/bin:/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin",
    "HOME": os.environ.get("HOME", "/root"),
    "LANG": "C.UTF-8",
    "TERM": "xterm-256color",
    "CI": "true",
    "PIP_CONFIG_FILE": "/dev/null",
    "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
    "GOFLAGS": "-modcacherw",
    "GOPROXY": "off",
    "GOCACHE": "/tmp/holdout_gocache",
    "CARGO_TERM_PROGRESS_WHEN": "never",
}
for k in (
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "PIP_CERT",
    "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE",
    "NODE_EXTRA_CA_CERTS",
):
    if k in os.environ:
        BASE_ENV[k] = os.environ[k]


def run_case(case: Case) -> tuple[bytes, int]:
    checkout = Path(CHECKOUTS[case.ci].format(repo=case.repo))
    if checkout.exists():
        shutil.rmtree(checkout)
    checkout.mkdir(parents=True)
    for rel, text in case.files.items():
        p = checkout / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
        if rel.endswith(".sh") and rel not in case.no_exec:
            p.chmod(0o755)
    env = {**BASE_ENV, **case.env}
    if case.setup:
        subprocess.run(
            ["bash", "-c", case.setup],
            cwd=checkout,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=900,
        )
    run = case.run or case.command
    if case.tty:
        inner = f"stty cols 120 rows 40 2>/dev/null; {run}"
        argv = ["script", "-qefc", f"bash -c {shlex.quote(inner)}", "/dev/null"]
    else:
        argv = ["bash", "-c", run]
    proc = subprocess.run(
        argv,
        cwd=checkout,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=900,
    )
    output = proc.stdout
    if case.tty:
        output = output.replace(b"\r\n", b"\n")
    shutil.rmtree(checkout, ignore_errors=True)
    return output, proc.returncode


def wrap_output(case: Case, output: bytes, status: int):
    rng = random.Random(int(hashlib.sha256((SEED + case.name).encode()).hexdigest()[:8], 16))
    checkout = CHECKOUTS[case.ci].format(repo=case.repo)
    if case.ci == "buildkite":
        return wrap.buildkite(
            output,
            command=case.command,
            label=case.label,
            exit_status=status,
            rng=rng,
            checkout=checkout,
            decoys=case.decoys,
            post_hook=case.post_hook,
        )
    if case.ci == "github":
        return wrap.github(
            output, command=case.command, exit_status=status, rng=rng, checkout=checkout, env=case.gh_env
        )
    if case.ci == "gitlab":
        return wrap.gitlab(output, command=case.command, exit_status=status, rng=rng, checkout=checkout)
    if case.ci == "travis":
        return wrap.travis(output, command=case.command, exit_status=status, rng=rng, checkout=checkout)
    raise ValueError(case.ci)


def region_of(w) -> list[tuple[int, str]]:
    lines = w.raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [(n, wrap.plain(lines[n - 1])) for n in range(w.first, w.last + 1)]


def label(case: Case, w) -> list[int]:
    region = region_of(w)
    picked: set[int] = set()
    for loc in case.cause:
        found = loc(region)
        if not found:
            raise SystemExit(f"{case.name}: locator {loc} matched nothing")
        picked |= found
    text = "\n".join(t for _, t in region)
    for key in case.keys:
        if key not in text:
            raise SystemExit(f"{case.name}: key {key!r} not in the tool output")
    return sorted(picked)


def build(case: Case, dump: bool = False) -> None:
    output, status = run_case(case)
    if dump:
        w = wrap_output(case, output, status)
        print(f"== {case.name} exit {status} region {w.first}-{w.last}")
        for n, t in region_of(w):
            print(f"{n:5d} | {t[:200]}")
        return
    if case.exit_status is not None and status != case.exit_status:
        print(output.decode("utf-8", "replace")[-3000:])
        raise SystemExit(f"{case.name}: exit status {status}, expected {case.exit_status}")
    if status == 0:
        print(output.decode("utf-8", "replace")[-3000:])
        raise SystemExit(f"{case.name}: the command passed")
    w = wrap_output(case, output, status)
    cause = label(case, w)
    out = ROOT / case.name
    out.mkdir(parents=True, exist_ok=True)
    (out / "log.txt").write_bytes(w.raw)
    expect = {
        "category": case.category,
        "keys": case.keys,
        "exit_status": status,
        "cause_lines": cause,
        "tool": case.tool,
        "ci": case.ci,
    }
    (out / "expect.json").write_text(json.dumps(expect, indent=1, ensure_ascii=False) + "\n")
    n = w.raw.count(b"\n")
    print(f"== {case.name}: {n} lines, exit {status}, output lines {w.first}-{w.last}, cause {cause}")
    lines = w.raw.split(b"\n")
    for i in cause:
        print(f"  {i:5d} | {wrap.plain(lines[i - 1])[:160]}")


TOOLS_PATH = "/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin"

# The later corpora: their cases module (in bench/corpus_tools/<name>/), output folder, Buildkite
# agent, the scratch installs put first on PATH, Go cache and seed prefix. The method is the same.
CORPORA = {
    "holdout2": (
        "h2_cases",
        Path("/tmp/holdout2"),
        "agent-1",
        "/tmp/holdout2_venv/bin",
        "/tmp/holdout2_gocache",
    ),
    "holdout3": (
        "h3_cases",
        Path("/work/main/bench/holdout3"),
        "agent-5",
        "/work/scratch/h3venv/bin:/work/scratch/h3npm/node_modules/.bin",
        "/work/scratch/h3gocache",
    ),
    "holdout4": (
        "h4_cases",
        Path("/work/main/bench/holdout4"),
        "agent-6",
        "/work/scratch/h4venv/bin:/work/scratch/h4npm/node_modules/.bin",
        "/work/scratch/h4gocache",
    ),
    "holdout5": (
        "h5_cases",
        Path("/work/main/bench/holdout5"),
        "agent-7",
        "/work/scratch/h5venv/bin:/work/scratch/h5/npm/node_modules/.bin",
        "/work/scratch/h5/gocache",
    ),
    "holdout6": (
        "h6_cases",
        Path("/work/main/bench/holdout6"),
        "agent-8",
        "/work/scratch/h6venv/bin:/work/scratch/h6/npm/node_modules/.bin",
        "/work/scratch/h6/gocache",
    ),
    "holdout7": (
        "h7_cases",
        Path("/work/main/bench/holdout7"),
        "agent-9",
        "/work/scratch/h7venv/bin:/work/scratch/h7/npm/node_modules/.bin",
        "/work/scratch/h7/gocache",
    ),
    "holdout8": (
        "h8_cases",
        Path("/work/main/bench/holdout8"),
        "agent-10",
        "/work/scratch/h8venv/bin:/work/scratch/h8/npm/node_modules/.bin",
        "/work/scratch/h8/gocache",
    ),
    "holdout9": (
        "h9_cases",
        Path("/work/main/bench/holdout9"),
        "agent-11",
        "/work/scratch/h9venv/bin:/work/scratch/h9/npm/node_modules/.bin",
        "/work/scratch/h9/gocache",
    ),
    "holdout10": (
        "h10_cases",
        Path("/work/main/bench/holdout10"),
        "agent-12",
        "/work/scratch/h10venv/bin:/work/scratch/h10/npm/node_modules/.bin",
        "/work/scratch/h10/gocache",
    ),
    "holdout11": (
        "h11_cases",
        Path("/work/main/bench/holdout11"),
        "agent-13",
        "/work/scratch/h11venv/bin:/work/scratch/h11/npm/node_modules/.bin",
        "/work/scratch/h11/gocache",
    ),
    "holdout12": (
        "h12_cases",
        Path("/work/main/bench/holdout12"),
        "agent-14",
        "/work/scratch/h12venv/bin:/work/scratch/h12/npm/node_modules/.bin",
        "/work/scratch/h12/gocache",
    ),
    "holdout13": (
        "h13_cases",
        Path("/work/main/bench/holdout13"),
        "agent-15",
        "/work/scratch/h13venv/bin:/work/scratch/h13/npm/node_modules/.bin",
        "/work/scratch/h13/gocache",
    ),
    "holdout14": (
        "h14_cases",
        Path("/work/main/bench/holdout14"),
        "agent-16",
        "/work/scratch/h14venv/bin:/work/scratch/h14/npm/node_modules/.bin",
        "/work/scratch/h14/gocache",
    ),
    "holdout15": (
        "h15_cases",
        Path("/work/main/bench/holdout15"),
        "agent-17",
        "/work/scratch/h15venv/bin:/work/scratch/h15/npm/node_modules/.bin",
        "/work/scratch/h15/gocache",
    ),
    "holdout16": (
        "h16_cases",
        Path("/work/main/bench/holdout16"),
        "agent-18",
        "/work/scratch/h16venv/bin:/work/scratch/h16/npm/node_modules/.bin",
        "/work/scratch/h16/gocache",
    ),
    "holdout17": (
        "h17_cases",
        Path("/work/main/bench/holdout17"),
        "agent-19",
        "/work/scratch/h17venv/bin:/work/scratch/h17/npm/node_modules/.bin",
        "/work/scratch/h17/gocache",
    ),
    "holdout18": (
        "h18_cases",
        Path("/work/main/bench/holdout18"),
        "agent-20",
        "/work/scratch/h18venv/bin:/work/scratch/h18/npm/node_modules/.bin",
        "/work/scratch/h18/gocache",
    ),
    "holdout19": (
        "h19_cases",
        Path("/work/main/bench/holdout19"),
        "agent-21",
        "/work/scratch/h19venv/bin:/work/scratch/h19/npm/node_modules/.bin",
        "/work/scratch/h19/gocache",
    ),
    "holdout20": (
        "h20_cases",
        Path("/work/main/bench/holdout20"),
        "agent-22",
        "/work/scratch/h20venv/bin:/work/scratch/h20/npm/node_modules/.bin",
        "/work/scratch/h20/gocache",
    ),
    "holdout21": (
        "h21_cases",
        Path("/work/main/bench/holdout21"),
        "agent-23",
        "/work/scratch/h21venv/bin:/work/scratch/h21/npm/node_modules/.bin",
        "/work/scratch/h21/gocache",
    ),
    "holdout22": (
        "h22_cases",
        Path("/work/main/bench/holdout22"),
        "agent-24",
        "/work/scratch/h22venv/bin:/work/scratch/h22/npm/node_modules/.bin",
        "/work/scratch/h22/gocache",
    ),
    "holdout23": (
        "h23_cases",
        Path("/work/main/bench/holdout23"),
        "agent-25",
        "/work/scratch/h23venv/bin:/work/scratch/h23/npm/node_modules/.bin",
        "/work/scratch/h23/gocache",
    ),
    "holdout24": (
        "h24_cases",
        Path("/work/main/bench/holdout24"),
        "agent-26",
        "/work/scratch/h24venv/bin:/work/scratch/h24/npm/node_modules/.bin",
        "/work/scratch/h24/gocache",
    ),
    "holdout25": (
        "h25_cases",
        Path("/work/main/bench/holdout25"),
        "agent-27",
        "/work/scratch/h25venv/bin:/work/scratch/h25/npm/node_modules/.bin",
        "/work/scratch/h25/gocache",
    ),
    "holdout26": (
        "h26_cases",
        Path("/work/main/bench/holdout26"),
        "agent-28",
        "/work/scratch/h26venv/bin:/work/scratch/h26/npm/node_modules/.bin",
        "/work/scratch/h26/gocache",
    ),
    "holdout27": (
        "h27_cases",
        Path("/work/main/bench/holdout27"),
        "agent-29",
        "/work/scratch/h27venv/bin:/work/scratch/h27/npm/node_modules/.bin",
        "/work/scratch/h27/gocache",
    ),
    "holdout28": (
        "h28_cases",
        Path("/work/main/bench/holdout28"),
        "agent-30",
        "/work/scratch/h28venv/bin:/work/scratch/h28/npm/node_modules/.bin",
        "/work/scratch/h28/gocache",
    ),
}


def configure(name: str) -> None:
    """Switch the runner to one of CORPORA."""
    global CASES, ROOT, SEED
    module, root, agent, tools, gocache = CORPORA[name]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / name))
    CASES, ROOT, SEED = importlib.import_module(module).CASES, root, f"{name}:"
    CHECKOUTS["buildkite"] = f"/var/lib/buildkite-agent/builds/{agent}/acme/{{repo}}"
    BASE_ENV["PATH"] = f"{tools}:{TOOLS_PATH}"
    BASE_ENV["GOCACHE"] = gocache


def main(argv: list[str]) -> int:
    if "--corpus" in argv:
        i = argv.index("--corpus")
        configure(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    dump = "--dump" in argv
    names = {a for a in argv if a != "--dump"}
    unknown = names - {c.name for c in CASES}
    if unknown:
        raise SystemExit(f"unknown cases: {sorted(unknown)}")
    for case in CASES:
        if not names or case.name in names:
            build(case, dump)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
