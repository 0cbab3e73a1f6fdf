"""The service's settings: every environment variable of DESIGN.md, read once at start.

`load_settings(command)` is the only way in: it checks what that command needs and turns
pydantic's errors into one line per variable saying what to set and where to get it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

MIB = 1024 * 1024

# What to tell a person about each variable when it is missing or invalid.
HELP: Mapping[str, str] = {
    "BUILDKITE_API_TOKEN": (
        "a Buildkite REST API token: Buildkite → Personal Settings → API Access Tokens → New, "
        "with scopes read_builds, read_build_logs and write_builds"
    ),
    "BUILDKITE_WEBHOOK_SECRET": (
        "the webhook's token: Buildkite → Organization Settings → Notification Services → your "
        "webhook → Token (comma-separate several to rotate)"
    ),
    "BUILDKITE_API_URL": "the REST API base URL, e.g. https://api.buildkite.com",
    "DATABASE_URL": "sqlite:///path/to/destill.db or postgresql://user@host/db",
    "DESTILL_MAX_BODY": "the largest webhook body in bytes, a positive integer (default 1048576)",
    "DESTILL_REPLAY_TOKEN": "a long random string clients send as Authorization: Bearer …",
    "PORT": "a TCP port number (1-65535)",
    "HOST": "the address to listen on, e.g. 127.0.0.1 or 0.0.0.0",
    "DESTILL_WORKERS": "how many triages run at once per process, a positive integer",
    "DESTILL_API_BUDGET": (
        "Buildkite REST requests per minute this process may spend, a positive integer "
        "(keep it well under 50 against buildkite.com; higher only for a self-hosted or fake API)"
    ),
    "DESTILL_RULES_FILE": "the path to a TOML file of extra rules",
    "DESTILL_MAX_LOG_BYTES": "past this many bytes only a log's tail is read, a positive integer",
    "DESTILL_MAX_LINES": "excerpt lines per card, a positive integer",
    "DESTILL_LEASE_SECONDS": "seconds a worker holds a job between heartbeats, a positive number",
    "DESTILL_MAX_ATTEMPTS": "attempts before a job is parked as dead, a positive integer",
    "DESTILL_SHUTDOWN_GRACE": "seconds in-flight triages get to finish on shutdown, >= 0",
}

# Which variables each CLI command cannot start without.
REQUIRED: Mapping[str, tuple[str, ...]] = {
    "serve": ("BUILDKITE_API_TOKEN", "BUILDKITE_WEBHOOK_SECRET"),
    "worker": ("BUILDKITE_API_TOKEN",),
    "migrate": (),
    "analyze": (),
    "analyze-build": ("BUILDKITE_API_TOKEN",),
    "reconcile": ("BUILDKITE_API_TOKEN",),
}

COMMAND_LABELS: Mapping[str, str] = {"analyze-build": "analyze BUILD_URL"}

_DB_URL = re.compile(r"^(sqlite:///.+|postgres(ql)?://.+)$")


class SettingsError(Exception):
    """Settings are missing or invalid; the message is meant for a person, one line per problem."""


class Settings(BaseSettings):
    """Field names are the environment variable names, lower-cased."""

    model_config = SettingsConfigDict(case_sensitive=False, extra="ignore", env_ignore_empty=True)

    buildkite_api_token: SecretStr | None = None
    buildkite_webhook_secret: SecretStr | None = None
    buildkite_api_url: str = "https://api.buildkite.com"
    destill_max_body: int = Field(default=MIB, ge=1)
    # May hold a password: kept out of repr.
    database_url: str = Field(default="sqlite:///./destill.db", repr=False)
    destill_replay_token: SecretStr | None = None
    port: int = Field(default=8000, ge=1, le=65535)
    host: str = Field(default="127.0.0.1", min_length=1)
    destill_workers: int = Field(default=4, ge=1, le=256)
    destill_api_budget: int = Field(default=40, ge=1)
    destill_rules_file: Path | None = None
    destill_max_log_bytes: int = Field(default=64 * MIB, ge=1)
    destill_max_lines: int = Field(default=25, ge=1)
    destill_lease_seconds: float = Field(default=60.0, gt=0)
    destill_max_attempts: int = Field(default=8, ge=1)
    destill_shutdown_grace: float = Field(default=20.0, ge=0)

    @field_validator("buildkite_api_url")
    @classmethod
    def _api_url(cls, v: str) -> str:
        v = v.strip().rstrip("/")
        v = v.removesuffix("/v2")
        if not re.match(r"^https?://[^/\s]+(/[^\s]*)?$", v):
            raise ValueError("not an http(s) URL")
        return v

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, v: str) -> str:
        if not _DB_URL.match(v.strip()):
            raise ValueError("not a sqlite:/// or postgresql:// URL")
        return v.strip()

    @field_validator("destill_rules_file")
    @classmethod
    def _rules_file(cls, v: Path | None) -> Path | None:
        if v is not None and not v.is_file():
            raise ValueError(f"no such file: {v}")
        return v

    @property
    def webhook_secrets(self) -> list[bytes]:
        """All accepted webhook tokens (several while rotating), as bytes for HMAC."""
        if self.buildkite_webhook_secret is None:
            return []
        raw = self.buildkite_webhook_secret.get_secret_value()
        return [s.strip().encode() for s in raw.split(",") if s.strip()]

    @property
    def replay_token(self) -> str | None:
        return self.destill_replay_token.get_secret_value() if self.destill_replay_token else None


class _FromMapping(Settings):
    """Settings read from an explicit mapping only (tests, embedding), never from os.environ."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def load_settings(command: str = "analyze", environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings `command` needs; SettingsError with one line per problem otherwise.

    `environ` defaults to the process environment; pass a mapping to read from it alone.
    """
    try:
        if environ is None:
            settings: Settings = Settings()
        else:
            fields = set(Settings.model_fields)
            data: dict[str, Any] = {
                k.lower(): v for k, v in environ.items() if k.lower() in fields and v.strip() != ""
            }
            settings = _FromMapping(**data)
    except ValidationError as e:
        lines = []
        for err in e.errors():
            name = str(err["loc"][0]).upper() if err["loc"] else "?"
            # Never echo the value: it may be a secret.
            lines.append(f"{name} is invalid ({err['msg']}): set it to {HELP.get(name, 'a valid value')}")
        raise SettingsError("\n".join(lines)) from None

    missing = []
    for name in REQUIRED.get(command, ()):
        value = getattr(settings, name.lower())
        if value is None or (name == "BUILDKITE_WEBHOOK_SECRET" and not settings.webhook_secrets):
            label = COMMAND_LABELS.get(command, command)
            missing.append(f"{name} is not set: `destill {label}` needs {HELP[name]}")
    if missing:
        raise SettingsError("\n".join(missing))
    return settings
