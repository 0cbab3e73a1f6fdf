"""`destill analyze BUILD_URL [--post]` against the fake Buildkite on a real port."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.fake_buildkite import DEFAULT_TOKEN, FakeBuildkite, seed_demo, serve_in_thread
from webhook.cli import main

BUILD = "https://buildkite.com/demo/widgets/builds/1"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBuildkite]:
    fake = FakeBuildkite()
    seed_demo(fake)
    with serve_in_thread(fake) as url:
        monkeypatch.setenv("BUILDKITE_API_URL", url)
        monkeypatch.setenv("BUILDKITE_API_TOKEN", DEFAULT_TOKEN)
        yield fake


def test_json_follows_the_design_schema_and_nothing_is_posted(
    fake: FakeBuildkite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", BUILD, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["build"] == {
        "org": "demo",
        "pipeline": "widgets",
        "number": 1,
        "url": BUILD,
        "state": "failed",
    }
    assert len(report["jobs"]) == 3
    for job in report["jobs"]:
        assert list(job)[:6] == ["job_id", "name", "step_key", "state", "exit_status", "cards"]
        assert job["cards"], job["name"]
        card = job["cards"][0]
        assert set(card) == {"rank", "category", "rule", "title", "fingerprint", "tests", "lines"}
        assert card["rank"] == 1 and all(line["number"] >= 1 for line in card["lines"])
    assert "3 failed job(s) to read" in err  # progress goes to stderr
    assert fake.annotation("demo", "widgets", 1) is None


def test_post_posts_the_annotation(fake: FakeBuildkite, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", BUILD, "--post", "--format", "markdown"]) == 0
    out, _ = capsys.readouterr()
    body = fake.annotation_body("demo", "widgets", 1)
    assert body is not None and body.strip() == out.strip()
    assert "undefined reference" in body


def test_text_output_names_jobs_and_flaky_ones(
    fake: FakeBuildkite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", BUILD]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith(f"{BUILD} (failed)")
    assert "flaky, passed on retry: :test_tube: Integration" in out
    assert "\x1b[" not in out  # no colours when stdout is not a terminal


@pytest.mark.parametrize(
    ("argv_url", "env", "code", "message"),
    [
        ("https://evil.example/demo/widgets/builds/1", {}, 2, "not a build URL"),
        (BUILD, {"BUILDKITE_API_TOKEN": ""}, 2, "BUILDKITE_API_TOKEN is not set"),
        (BUILD, {"BUILDKITE_API_TOKEN": "bkua_revoked"}, 1, "check BUILDKITE_API_TOKEN"),
        ("https://buildkite.com/demo/widgets/builds/99", {}, 1, "not found"),
    ],
)
def test_errors_say_what_to_do(
    fake: FakeBuildkite,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv_url: str,
    env: dict[str, str],
    code: int,
    message: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["analyze", argv_url]) == code
    _, err = capsys.readouterr()
    assert message in err
    assert "Traceback" not in err and "bkua_revoked" not in err


def test_missing_scope_is_named(
    fake: FakeBuildkite, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.add_token("bkua_readonly", scopes={"read_builds"})
    monkeypatch.setenv("BUILDKITE_API_TOKEN", "bkua_readonly")
    assert main(["analyze", BUILD]) == 1
    _, err = capsys.readouterr()
    assert "read_build_logs" in err
