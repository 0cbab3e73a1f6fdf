"""`destill analyze --log FILE|-`: the offline path of the CLI (webhook/analyze.py)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from webhook.analyze import render_text, run

LOG = (
    b"\x1b_bk;t=1\x07--- :hammer: Build\r\n"
    b"\x1b_bk;t=2\x07main.c:(.text+0xf): undefined reference to `compute_checksum'\r\n"
    b"\x1b_bk;t=3\x07collect2: error: ld returned 1 exit status\r\n"
    b"\x1b_bk;t=4\x07^^^ +++\r\n"
    b"\x1b_bk;t=5\x07\x1b[31m\xf0\x9f\x9a\xa8 Error: The command exited with status 1\x1b[0m\r\n"
)


def _args(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"build_url": None, "log": None, "post": False, "format": "text"}
    base.update(kw)
    return argparse.Namespace(**base)


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    p = tmp_path / "job.log"
    p.write_bytes(LOG)
    return p


def test_json_is_the_design_contract(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(_args(log=str(log_file), format="json")) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["build"] is None
    assert len(doc["jobs"]) == 1
    job = doc["jobs"][0]
    assert list(job)[:6] == ["job_id", "name", "step_key", "state", "exit_status", "cards"]
    assert all(job[k] is None for k in ("job_id", "name", "step_key", "state", "exit_status"))
    card = job["cards"][0]
    assert set(card) == {"rank", "category", "rule", "title", "fingerprint", "tests", "lines"}
    assert card["rank"] == 1 and card["category"] == "compile" and card["rule"] == "ld.undefined_reference"
    assert {"number": 2, "text": "main.c:(.text+0xf): undefined reference to `compute_checksum'"} in card[
        "lines"
    ]


def test_text_has_no_colour_off_a_tty(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(_args(log=str(log_file))) == 0
    out = capsys.readouterr().out
    assert "undefined reference to `compute_checksum'" in out
    assert "\x1b" not in out


def test_markdown(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(_args(log=str(log_file), format="markdown")) == 0
    out = capsys.readouterr().out
    assert "compute_checksum" in out


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LOG)))
    assert run(_args(log="-", format="json")) == 0
    assert json.loads(capsys.readouterr().out)["jobs"][0]["cards"][0]["rule"] == "ld.undefined_reference"


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(_args(log=str(tmp_path / "nope.log"))) == 2
    assert "cannot read" in capsys.readouterr().err


def test_bad_user_rules_are_a_usage_error(
    log_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text("[[rule]]\nname = 'nope'\n")
    assert run(_args(log=str(log_file), rules=str(bad))) == 2
    assert "cannot load rules" in capsys.readouterr().err


def test_text_render_neutralises_control_characters() -> None:
    from core.models import JobTriage, Line, TriageCard, TriageReport

    card = TriageCard(
        rank=1,
        category="unknown",
        rule="x.y",
        title="t",
        fingerprint="f" * 20,
        lines=[Line(number=1, text="evil \x1b]52;c;AAAA\x07 text")],
    )
    out = render_text(TriageReport(jobs=[JobTriage(cards=[card])]), colour=True)
    assert "\x1b]52" not in out


def test_via_the_cli_entry_point(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli = pytest.importorskip("webhook.cli")
    assert cli.main(["analyze", "--log", str(log_file), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["build"] is None
