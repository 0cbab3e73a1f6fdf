"""Redaction: every secret pattern masked, lookalikes (git SHAs, UUIDs, prose) left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.redact import MARK, RULES, redact, redact_lines

# (line, the secret that must not survive, a hint that may stay)
SECRETS = [
    ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "IOSFODNN7EXAMPLE", "AKIA…"),
    ("aws_access_key_id = ASIAY34FZKBOKMUTVV7A", "Y34FZKBOKMUTVV7A", "ASIA…"),
    ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI", None),
    ('"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', "wJalrXUtnFEMI", None),
    ("GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F292c6912E7710c838347Ae178B4a", None),
    (
        "using token ghp_16C7e42F292c6912E7710c838347Ae178B4a here",
        "16C7e42F292c6912E7710c838347Ae178B4a",
        "ghp_…",
    ),
    ("oauth gho_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F292c6912E7710c838347Ae178B4a", "gho_…"),
    ("ghu_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F292c6912E7710c838347Ae178B4a", "ghu_…"),
    (
        "git clone https://x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/a/b",
        "16C7e42F292c6912E7710c838347Ae178B4a",
        "x-access-token:",
    ),
    ("refresh ghr_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F292c6912E7710c838347Ae178B4a", "ghr_…"),
    (
        "pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRS",
        "abcdefghijklmnopqrstuvwxyz0123456789",
        "github_pat_…",
    ),
    ("glpat-xxxxxxxxxxxxxxxxxxxx1234", "xxxxxxxxxxxxxxxxxxxx1234", "glpat-…"),
    (
        "BUILDKITE_API_TOKEN bkua_6f3a9c0d1e2b4a5c6d7e8f9a0b1c2d3e4f5a6b7c",
        "6f3a9c0d1e2b4a5c6d7e8f9a0b1c2d3e",
        "bkua_…",
    ),
    ("agent token bkat_0123456789abcdefghijABCDEFGHIJ", "0123456789abcdefghijABCDEFGHIJ", "bkat_…"),
    ("cluster bkct_0123456789abcdefghijABCDEFGHIJ", "0123456789abcdefghijABCDEFGHIJ", "bkct_…"),
    ("slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "AbCdEfGhIjKlMnOpQrStUvWx", "xoxb-…"),
    ("xoxp-123456789012-abcdefabcdef", "abcdefabcdef", "xoxp-…"),
    (
        "POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "XXXXXXXXXXXXXXXXXXXXXXXX",
        "hooks.slack.com/services/",
    ),
    ("key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "SyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", None),
    ("maps AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "SyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "AIza…"),
    ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWDarjtT1zdp7dc", "sk_live_…"),
    ("rk_live_4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWDarjtT1zdp7dc", "rk_live_…"),
    (
        "jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
        ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        None,
    ),
    ("Authorization: Bearer abc.def-123", "abc.def-123", "Authorization: Bearer "),
    ("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA=='", "dXNlcjpwYXNzd29yZA", "Basic "),
    ('{"authorization":"token 1234567890abcdef"}', "1234567890abcdef", None),
    ("Proxy-Authorization: Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqG", "YIIGhgYG", None),
    ("sent Bearer 2b7f0a9c4d1e8f3a6b5c", "2b7f0a9c4d1e8f3a6b5c", "Bearer "),
    ("postgres://app:s3cr3t-P4ss@db.internal:5432/app", "s3cr3t-P4ss", "postgres://app:"),
    ("https://user:hunter2@example.com/x", "hunter2", "https://user:"),
    ("DB_PASSWORD=hunter2", "hunter2", "DB_PASSWORD="),
    ("password: correct-horse-battery", "correct-horse-battery", "password: "),
    ('{"password": "two words"}', "two words", '"password": "'),
    ("{'passwd': 'hunter2'}", "hunter2", None),
    ("mysql --password=hunter2 -u root", "hunter2", "--password="),
    ("SECRET_KEY_BASE=9f8e7d6c5b4a", "9f8e7d6c5b4a", None),
    ("client_secret=abcdef0123456789", "abcdef0123456789", None),
    ("API_KEY=abcd1234efgh", "abcd1234efgh", None),
    ("x-api-key: live_abcd1234", "live_abcd1234", None),
    ("MY_SERVICE_TOKEN=tok_abc123", "tok_abc123", None),
    (
        "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
        "ghijklmnopqrstuvwxyz",
        "npm_…",
    ),
    ("//npm.pkg.github.com/:_authToken=${NPM_TOKEN} and _authToken=0a1b2c3d", "0a1b2c3d", "${NPM_TOKEN}"),
    (
        "OPENAI_API_KEY sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD",
        "abcdefghijklmnopqrstuvwxyz0123",
        None,
    ),
]


@pytest.mark.parametrize(("line", "secret", "hint"), SECRETS, ids=[s[0][:40] for s in SECRETS])
def test_secret_is_masked(line: str, secret: str, hint: str | None) -> None:
    out = redact(line)
    assert secret not in out
    assert MARK in out
    if hint is not None:
        assert hint in out


NOT_SECRETS = [
    "HEAD is now at 3f9c2e1a7d3f9c2e1a7d3f9c2e1a7d3f9c2e1a7d Merge pull request #4211",
    "job 0190a1b2-c3d4-e5f6-a7b8-c9d0e1f2a3b4 finished",
    "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "E       AssertionError: assert -3 == 3",
    "main.c:(.text+0xf): undefined reference to `compute_checksum'",
    "Bearer token missing from request",
    "password: ${DB_PASSWORD}",
    "token: null",
    "password=***",
    "Passwords must match (test_password_mismatch)",
    "def test_token_refresh(client):",
    "std::string token_ = std::move(other);",
    "ssh://git@github.com:acme/widgets.git",
    "http://localhost:8080/healthz",
    "docker pull ghcr.io/acme/app:1.2.3",
    "AKIA is a prefix, AKIA123 is too short",
    "ghp_short",
    "the secret to a good build is a warm cache",
    "author: Ada Lovelace",
    "github.com/acme/widgets/pull/4211",
]


@pytest.mark.parametrize("line", NOT_SECRETS)
def test_lookalike_is_kept(line: str) -> None:
    assert redact(line) == line


def test_private_key_block_across_lines() -> None:
    lines = [
        "writing key",
        "-----BEGIN RSA PRIVATE KEY-----",
        "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
        "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK",
        "-----END RSA PRIVATE KEY-----",
        "done password=x9",
    ]
    out = redact_lines(lines)
    assert len(out) == len(lines)
    assert out[0] == "writing key"
    assert out[1] == "-----BEGIN RSA PRIVATE KEY-----"
    assert out[2] == out[3] == MARK
    assert out[4] == "-----END RSA PRIVATE KEY-----"
    assert out[5] == f"done password={MARK}"


def test_private_key_without_end_is_masked_to_the_end() -> None:
    out = redact_lines(["-----BEGIN OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjE", "AAAAB3NzaC1yc2E"])
    assert out == ["-----BEGIN OPENSSH PRIVATE KEY-----", MARK, MARK]


def test_private_key_inside_one_string() -> None:
    text = 'key = "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBkg\\n-----END EC PRIVATE KEY-----" ok'
    out = redact(text)
    assert "MHcCAQEEIBkg" not in out
    assert out.endswith('-----END EC PRIVATE KEY-----" ok')
    multi = redact("a\n-----BEGIN PRIVATE KEY-----\nMIIEvQ\nMIIEvR\n-----END PRIVATE KEY-----\nb")
    assert multi.split("\n") == [
        "a",
        "-----BEGIN PRIVATE KEY-----",
        MARK,
        MARK,
        "-----END PRIVATE KEY-----",
        "b",
    ]


def test_public_key_is_not_masked() -> None:
    lines = [
        "-----BEGIN PUBLIC KEY-----",
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
        "-----END PUBLIC KEY-----",
    ]
    assert redact_lines(lines) == lines


def test_rules_are_named_and_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(names)


@given(st.text(max_size=300))
def test_redaction_is_idempotent(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


@given(st.lists(st.text(max_size=80), max_size=20))
def test_redact_lines_keeps_the_line_count(lines: list[str]) -> None:
    assert len(redact_lines(lines)) == len(lines)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        "AKIA" * 50_000,
        "eyJ" * 60_000 + ".",
        "eyJ" + "a" * 100_000 + ".eyJ" + "b" * 100_000,
        "x://" * 50_000,
        "https://" + "u" * 100_000 + ":" + "p" * 100_000,
        "password=" * 20_000,
        "Authorization: " * 10_000,
        "Bearer " * 20_000,
        "-----BEGIN RSA PRIVATE KEY-----" * 5_000,
        "token_" * 30_000 + "=",
        "`</details>" * 20_000,
    ],
    ids=lambda t: t[:12],
)
def test_adversarial_input_completes(text: str) -> None:
    # Backtracking-safe patterns: each of these returns promptly (a catastrophic pattern would
    # hang here). Nothing may grow beyond a mark per match.
    out = redact(text)
    assert isinstance(out, str)


FRAGMENTS = st.sampled_from(
    [s[0] for s in SECRETS] + NOT_SECRETS + ["=", ": ", " ", '"', "'", "-----BEGIN RSA PRIVATE KEY-----"]
)


@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=10)), max_size=8).map("".join))
def test_triggers_only_skip_rules_that_cannot_match(text: str) -> None:
    from core import redact as module

    everything = text
    for _triggers, pattern, sub in module._SUBS:
        everything = pattern.sub(sub, everything)
    assert module._redact_rules(text) == everything
