"""webhook.settings and the CLI's start-up checks: every DESIGN.md variable, clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from webhook.cli import UsageError, load_factory, main
from webhook.settings import HELP, Settings, SettingsError, load_settings

FULL = {"BUILDKITE_API_TOKEN": "bkua_secret_value", "BUILDKITE_WEBHOOK_SECRET": "whsec-value"}
ALL_VARS = [
    "BUILDKITE_API_TOKEN",
    "BUILDKITE_WEBHOOK_SECRET",
    "BUILDKITE_API_URL",
    "DESTILL_MAX_BODY",
    "DATABASE_URL",
    "DESTILL_REPLAY_TOKEN",
    "PORT",
    "HOST",
    "DESTILL_WORKERS",
    "DESTILL_API_BUDGET",
    "DESTILL_RULES_FILE",
    "DESTILL_MAX_LOG_BYTES",
    "DESTILL_MAX_LINES",
    "DESTILL_LEASE_SECONDS",
    "DESTILL_MAX_ATTEMPTS",
    "DESTILL_SHUTDOWN_GRACE",
]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ALL_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_are_the_documented_ones() -> None:
    s = load_settings("analyze", {})
    assert s.buildkite_api_url == "https://api.buildkite.com"
    assert s.destill_max_body == 1048576
    assert s.database_url == "sqlite:///./destill.db"
    assert s.destill_replay_token is None and s.replay_token is None
    assert (s.host, s.port) == ("127.0.0.1", 8000)
    assert s.destill_workers == 4
    assert 1 <= s.destill_api_budget < 50
    assert s.destill_max_log_bytes == 64 * 1024 * 1024
    assert s.destill_max_lines == 25
    assert s.destill_rules_file is None


def test_every_variable_has_help_and_a_field() -> None:
    assert set(HELP) == set(ALL_VARS)
    assert {name.lower() for name in ALL_VARS} == set(Settings.model_fields)


def test_serve_needs_token_and_secret() -> None:
    with pytest.raises(SettingsError) as info:
        load_settings("serve", {})
    message = str(info.value)
    assert "BUILDKITE_API_TOKEN is not set" in message
    assert "API Access Tokens" in message and "read_build_logs" in message and "write_builds" in message
    assert "BUILDKITE_WEBHOOK_SECRET is not set" in message
    assert "Notification Services" in message
    load_settings("serve", FULL)


def test_worker_needs_the_token_only() -> None:
    with pytest.raises(SettingsError, match="BUILDKITE_API_TOKEN") as info:
        load_settings("worker", {"BUILDKITE_WEBHOOK_SECRET": "x"})
    assert "WEBHOOK_SECRET" not in str(info.value)
    load_settings("worker", {"BUILDKITE_API_TOKEN": "t"})


def test_analyze_needs_nothing() -> None:
    load_settings("analyze", {})


def test_blank_values_count_as_unset() -> None:
    with pytest.raises(SettingsError, match="BUILDKITE_WEBHOOK_SECRET is not set"):
        load_settings("serve", {**FULL, "BUILDKITE_WEBHOOK_SECRET": " , ,"})
    with pytest.raises(SettingsError, match="BUILDKITE_API_TOKEN is not set"):
        load_settings("serve", {**FULL, "BUILDKITE_API_TOKEN": ""})


def test_secrets_for_rotation() -> None:
    s = load_settings("serve", {**FULL, "BUILDKITE_WEBHOOK_SECRET": "old , new,"})
    assert s.webhook_secrets == [b"old", b"new"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "hunter2"),
        ("PORT", "70000"),
        ("DESTILL_WORKERS", "0"),
        ("DESTILL_MAX_BODY", "-1"),
        ("DATABASE_URL", "mysql://u:hunter2@db/x"),
        ("BUILDKITE_API_URL", "api.buildkite.com"),
        ("DESTILL_RULES_FILE", "/no/such/rules.toml"),
        ("DESTILL_LEASE_SECONDS", "0"),
        ("DESTILL_SHUTDOWN_GRACE", "-1"),
    ],
)
def test_invalid_values_are_named_without_echoing_them(name: str, value: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings("serve", {**FULL, name: value})
    message = str(info.value)
    assert message.startswith(f"{name} is invalid") and "set it to" in message
    assert "hunter2" not in message


def test_api_url_accepts_a_trailing_v2() -> None:
    s = load_settings("analyze", {"BUILDKITE_API_URL": "http://127.0.0.1:9100/v2/"})
    assert s.buildkite_api_url == "http://127.0.0.1:9100"


def test_repr_hides_secrets_and_the_database_url() -> None:
    s = load_settings(
        "serve", {**FULL, "DATABASE_URL": "postgresql://u:hunter2@db/x", "DESTILL_REPLAY_TOKEN": "rt"}
    )
    text = repr(s) + str(s)
    for secret in ("bkua_secret_value", "whsec-value", "hunter2"):
        assert secret not in text


def test_reads_the_process_environment_when_asked(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("BUILDKITE_API_TOKEN", "t")
    clean_env.setenv("BUILDKITE_WEBHOOK_SECRET", "w")
    clean_env.setenv("PORT", "9123")
    assert load_settings("serve").port == 9123


# -- the CLI's start-up refusals ------------------------------------------------------------------


def test_cli_serve_without_settings_exits_2_with_the_message(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "destill serve: BUILDKITE_API_TOKEN is not set" in err and "Traceback" not in err


def test_cli_worker_without_token_exits_2(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["worker"]) == 2
    assert "BUILDKITE_API_TOKEN" in capsys.readouterr().err


def test_cli_analyze_needs_a_build_or_a_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze"]) == 2
    assert "BUILD_URL or --log" in capsys.readouterr().err
    assert main(["analyze", "https://buildkite.com/a/b/builds/1", "--log", "x.txt"]) == 2


def test_cli_migrate_creates_the_schema(
    clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "sub" / "destill.db"
    clean_env.setenv("DATABASE_URL", f"sqlite:///{db}")
    assert main(["migrate"]) == 0
    assert db.exists()


def test_handler_factory_specs() -> None:
    from webhook.pipeline import make_handler

    assert load_factory("webhook.pipeline:make_handler") is make_handler
    for bad in ("webhook.pipeline", "no.such.module:f", "webhook.pipeline:nothing", ":f"):
        with pytest.raises(UsageError):
            load_factory(bad)


def test_cli_analyze_a_log_needs_no_settings(
    clean_env: pytest.MonkeyPatch, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    log = shared_dir / "data" / "logs" / "python-syntaxerror" / "log.txt"
    assert main(["analyze", "--log", str(log), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["build"] is None and len(out["jobs"]) == 1
