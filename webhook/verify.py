"""Is this webhook from Buildkite? Pure: headers, body, secrets and the time come in as arguments.

Contract: https://buildkite.com/docs/apis/webhooks#webhook-signature.
`X-Buildkite-Signature: timestamp=T,signature=HEX` with HEX = HMAC-SHA256(secret, T + "." + body),
T within `window` seconds of now either way (replays and clock skew); or, for webhooks set to
token mode, `X-Buildkite-Token: <secret>`. Several secrets are accepted while one is rotated.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence

WINDOW_SECONDS = 300.0
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_HEX_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


class Unauthorized(Exception):
    """Refused; `reason` is short and safe to send back (it never repeats a secret)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def signature(secret: bytes, timestamp: str, body: bytes) -> str:
    # hmac.digest: one call into OpenSSL, no HMAC object to build per delivery.
    return hmac.digest(secret, timestamp.encode() + b"." + body, hashlib.sha256).hex()


def parse_signature_header(header: str) -> tuple[str, str]:
    """`timestamp=T,signature=HEX` → (T, HEX); Unauthorized if it is not that shape."""
    fields: dict[str, str] = {}
    for part in header.split(","):
        name, eq, value = part.partition("=")
        if eq:
            fields[name.strip()] = value.strip()
    ts, sig = fields.get("timestamp", ""), fields.get("signature", "")
    if not _TIMESTAMP.fullmatch(ts) or not _HEX_SHA256.fullmatch(sig):
        raise Unauthorized("malformed X-Buildkite-Signature (want timestamp=T,signature=HEX)")
    return ts, sig.lower()


def verify(
    *,
    body: bytes,
    secrets: Sequence[bytes],
    now: float,
    signature_header: str | None = None,
    token_header: str | None = None,
    window: float = WINDOW_SECONDS,
) -> None:
    """Return if the request is authentic; raise Unauthorized otherwise.

    With both headers present the signature decides: it is the stronger proof.
    """
    if not secrets:
        raise Unauthorized("no webhook secret configured")
    if signature_header is not None:
        ts, sig = parse_signature_header(signature_header)
        # Check every secret, so timing does not tell which one matched.
        matched = False
        for secret in secrets:
            matched |= hmac.compare_digest(signature(secret, ts, body), sig)
        if not matched:
            raise Unauthorized("signature does not match")
        if abs(now - int(ts)) > window:
            raise Unauthorized("signature timestamp is outside the allowed window")
        return
    if token_header is not None:
        # Header values arrive decoded as latin-1; compare the bytes that were sent.
        sent = token_header.strip().encode("latin-1", errors="replace")
        matched = False
        for secret in secrets:
            matched |= hmac.compare_digest(sent, secret)
        if not matched:
            raise Unauthorized("token does not match")
        return
    raise Unauthorized("missing X-Buildkite-Signature or X-Buildkite-Token")
