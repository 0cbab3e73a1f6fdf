"""webhook.verify: the signature and token checks, pure (clock and secrets passed in)."""

from __future__ import annotations

import pytest

from tests.signing import sign
from webhook.verify import Unauthorized, parse_signature_header, verify

# go-buildkite webhook_test.go TestValidatePayload: the 756-byte ping, its secret and its header.
GO_BUILDKITE_SECRET = b"29b1ff5779c76bd48ba6705eb99ff970"
GO_BUILDKITE_HEADER = (
    "timestamp=1642080837,signature=582d496ac2d869dd97a3101c4cda346288c49a742592daf582ec64c86449f79c"
)
GO_BUILDKITE_BODY = (
    b'{"event":"ping","service":{"id":"c9f8372d-c0cd-43dc-9274-768a875cf6ca","provider":"webhook",'
    b'"settings":{"url":"https://server.com/webhooks"}},"organization":{"id":"49801950-1df0-474f-bb56-'
    b'ad6a930c5cb9","graphql_id":"T3JnYW5pemF0aW9uLS0tZTBmMzk3MgsTksGkxOWYtZTZjNzczZTJiYjEy","url":'
    b'"https://api.buildkite.com/v2/organizations/acme-inc","web_url":"https://buildkite.com/acme-inc",'
    b'"name":"ACME Inc","slug":"acme-inc","agents_url":"https://api.buildkite.com/v2/organizations/'
    b'acme-inc/agents","emojis_url":"https://api.buildkite.com/v2/organizations/acme-inc/emojis",'
    b'"created_at":"2021-02-03T20:34:10.486Z","pipelines_url":"https://api.buildkite.com/v2/'
    b'organizations/acme-inc/pipelines"},"sender":{"id":"c9f8372d-c0cd-43dc-9269-bcbb7f308e3f",'
    b'"name":"ACME Man"}}'
)
GO_NOW = 1642080837

BODY = b'{"event":"build.finished"}'
NOW = 1_800_000_000
SECRET = "s3cret-one"


def check(
    header: str | None = None,
    token: str | None = None,
    *,
    body: bytes = BODY,
    now: float = NOW,
    secrets: tuple[bytes, ...] = (SECRET.encode(),),
) -> None:
    verify(body=body, secrets=secrets, now=now, signature_header=header, token_header=token)


def test_buildkite_test_vector_verifies() -> None:
    assert len(GO_BUILDKITE_BODY) == 756
    verify(
        body=GO_BUILDKITE_BODY,
        secrets=[GO_BUILDKITE_SECRET],
        now=GO_NOW,
        signature_header=GO_BUILDKITE_HEADER,
    )
    assert sign(GO_BUILDKITE_BODY, GO_BUILDKITE_SECRET.decode(), GO_NOW) == GO_BUILDKITE_HEADER


def test_buildkite_test_vector_altered_signature_fails() -> None:
    with pytest.raises(Unauthorized, match="does not match"):
        verify(
            body=GO_BUILDKITE_BODY,
            secrets=[GO_BUILDKITE_SECRET],
            now=GO_NOW,
            signature_header=GO_BUILDKITE_HEADER.replace("f", "a", 1),
        )


def test_valid_signature_passes() -> None:
    check(sign(BODY, SECRET, NOW))


def test_wrong_secret_fails() -> None:
    with pytest.raises(Unauthorized, match="does not match"):
        check(sign(BODY, "another-secret", NOW))


def test_tampered_body_fails() -> None:
    with pytest.raises(Unauthorized, match="does not match"):
        check(sign(BODY, SECRET, NOW), body=BODY + b" ")


def test_signature_over_other_timestamp_fails() -> None:
    header = sign(BODY, SECRET, NOW).replace(f"timestamp={NOW}", f"timestamp={NOW + 1}")
    with pytest.raises(Unauthorized, match="does not match"):
        check(header)


@pytest.mark.parametrize("skew", [-300, -299, 0, 299, 300])
def test_timestamps_inside_the_window_pass(skew: int) -> None:
    check(sign(BODY, SECRET, NOW + skew))


@pytest.mark.parametrize("skew", [-301, 301, -86400, 86400])
def test_stale_and_future_timestamps_fail(skew: int) -> None:
    with pytest.raises(Unauthorized, match="window"):
        check(sign(BODY, SECRET, NOW + skew))


@pytest.mark.parametrize(
    "header",
    [
        "",
        "invalid",
        "timestamp=,signature=",
        f"timestamp={NOW}",
        "signature=" + "a" * 64,
        f"timestamp={NOW},signature=yo",
        f"timestamp={NOW},signature=" + "g" * 64,
        f"timestamp={NOW},signature=" + "a" * 63,
        f"timestamp=-{NOW},signature=" + "a" * 64,
        f"timestamp={NOW}.5,signature=" + "a" * 64,
        "timestamp=99999999999999999999,signature=" + "a" * 64,
    ],
)
def test_malformed_signature_header_fails(header: str) -> None:
    with pytest.raises(Unauthorized, match="malformed"):
        check(header)


def test_header_parsing_tolerates_spaces_and_order() -> None:
    good = sign(BODY, SECRET, NOW)
    ts, sig = good.split(",")
    check(f" {sig} , {ts} ")
    hexsig = sig.split("=")[1]
    assert parse_signature_header(f"{ts},signature={hexsig.upper()}") == (str(NOW), hexsig)


def test_token_mode() -> None:
    check(token=SECRET)
    with pytest.raises(Unauthorized, match="token does not match"):
        check(token="wrong")
    with pytest.raises(Unauthorized, match="token does not match"):
        check(token="")


def test_signature_decides_when_both_headers_are_sent() -> None:
    with pytest.raises(Unauthorized):
        check(sign(BODY, "wrong", NOW), token=SECRET)


def test_missing_auth_fails() -> None:
    with pytest.raises(Unauthorized, match="missing"):
        check()


def test_no_secrets_configured_refuses_everything() -> None:
    with pytest.raises(Unauthorized):
        check(sign(BODY, SECRET, NOW), secrets=())


def test_rotation_accepts_every_listed_secret() -> None:
    secrets = (b"old-secret", b"new-secret")
    check(sign(BODY, "old-secret", NOW), secrets=secrets)
    check(sign(BODY, "new-secret", NOW), secrets=secrets)
    check(token="new-secret", secrets=secrets)
    with pytest.raises(Unauthorized):
        check(sign(BODY, "older-secret", NOW), secrets=secrets)


def test_reasons_never_repeat_the_secret() -> None:
    for kwargs in ({"header": sign(BODY, "x", NOW)}, {"token": "nope"}, {"header": "junk"}):
        with pytest.raises(Unauthorized) as info:
            check(**kwargs)  # type: ignore[arg-type]
        assert SECRET not in info.value.reason
