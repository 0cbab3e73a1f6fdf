"""Redaction of credential-looking strings in log-derived text, before anything is rendered.

Annotations are visible to everyone who can read the build, and the agent only redacts the
secrets it knows by name (BUILDKITE.md §2.5), so we mask what *looks* like a credential too.
Rules are data: each names what it finds, the part of the match that is secret, and how much of
that part is safe to keep as a hint (`AKIA…[REDACTED]`). Every pattern starts at a literal or a
short bounded prefix and uses bounded, non-nested repetition, so matching stays linear in the
input (no catastrophic backtracking on hostile lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

MARK = "[REDACTED]"


@dataclass(frozen=True)
class Rule:
    """One kind of secret. The secret is the named group `s` (or `s2`, `s3`: alternatives)."""

    name: str
    pattern: re.Pattern[str]
    keep: int = 0  # characters of the secret kept as a hint: vendor prefixes, never key material
    # Values this predicate accepts are not secrets (`password=${DB_PASSWORD}`, `token: null`).
    harmless: Callable[[str], bool] | None = None


_VALUE_STOP = r"""\s"'`,;&<>(){}"""
# A value given by reference or as a placeholder says nothing secret.
_PLACEHOLDER = re.compile(
    r"^(?:\$|%|\*{3}|<|\{\{|\[REDACTED\]|(?:null|none|nil|true|false|undefined|xxx+|\.\.\.)$)",
    re.IGNORECASE,
)


def _placeholder(value: str) -> bool:
    # MARK inside: an earlier, more specific rule already masked this value.
    return MARK in value or value.endswith("[") or _PLACEHOLDER.match(value) is not None


def _not_tokenish(value: str) -> bool:
    """For weak contexts (a bare `Bearer word`): a token has a digit or is long."""
    return len(value) < 20 and not any(c.isdigit() for c in value)


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


RULES: tuple[Rule, ...] = (
    Rule(
        "aws-access-key-id",
        _c(r"(?<![A-Z0-9])(?P<s>(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z0-9]{16})(?![A-Z0-9])"),
        4,
    ),
    Rule(
        "aws-secret-access-key",
        _c(
            r"(?i:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?[ \t]{0,5}[:=][ \t]{0,5}[\"']?"
            r"(?P<s>[A-Za-z0-9/+=]{16,128})"
        ),
    ),
    Rule("github-token", _c(r"(?<![A-Za-z0-9_])(?P<s>gh[pousr]_[A-Za-z0-9]{20,255})"), 4),
    Rule("github-fine-grained-token", _c(r"(?<![A-Za-z0-9_])(?P<s>github_pat_[A-Za-z0-9_]{20,255})"), 11),
    Rule("gitlab-token", _c(r"(?<![A-Za-z0-9_])(?P<s>glpat-[A-Za-z0-9_-]{20,255})"), 6),
    Rule("buildkite-token", _c(r"(?<![A-Za-z0-9_])(?P<s>bk[a-z]{2}_[A-Za-z0-9]{20,255})"), 5),
    Rule("slack-token", _c(r"(?<![A-Za-z0-9_])(?P<s>xox[abprse]-[A-Za-z0-9-]{10,255})"), 5),
    Rule(
        "slack-webhook",
        _c(r"hooks\.slack\.com/(?:services|workflows|triggers)/(?P<s>[A-Za-z0-9/_-]{8,300})"),
    ),
    Rule("google-api-key", _c(r"(?<![A-Za-z0-9_])(?P<s>AIza[0-9A-Za-z_-]{35})"), 4),
    Rule("stripe-key", _c(r"(?<![A-Za-z0-9_])(?P<s>(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,255})"), 8),
    Rule("npm-token", _c(r"(?<![A-Za-z0-9_])(?P<s>npm_[A-Za-z0-9]{36})"), 4),
    Rule("openai-key", _c(r"(?<![A-Za-z0-9_-])(?P<s>sk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,255})"), 3),
    Rule(
        "jwt",
        _c(
            r"(?<![A-Za-z0-9_-])(?P<s>eyJ[A-Za-z0-9_-]{5,4096}\.eyJ[A-Za-z0-9_-]{5,4096}\.[A-Za-z0-9_-]{0,4096})"
        ),
    ),
    Rule(
        "authorization-header",
        _c(
            r"(?i:\b(?:proxy-)?authorization)[\"']?[ \t]{0,5}[:=][ \t]{0,5}[\"']?"
            r"(?:(?i:bearer|basic|token|bot|digest|negotiate|aws4-hmac-sha256)[ \t]{1,5})?"
            rf"(?P<s>[^{_VALUE_STOP}]{{1,4096}})"
        ),
        harmless=_placeholder,
    ),
    Rule(
        "bearer-token",
        _c(r"(?i:\bbearer)[ \t]{1,5}(?P<s>[A-Za-z0-9._~+/=-]{8,4096})"),
        harmless=_not_tokenish,
    ),
    Rule(
        "url-password",
        _c(r"(?i:\b[a-z][a-z0-9+.-]{0,20})://[^\s:/@]{0,256}:(?P<s>[^\s/@]{1,256})@"),
        harmless=_placeholder,
    ),
    Rule(
        "assignment",
        # KEY=VALUE, KEY: VALUE, "key": "value", --key=value, as env dumps and configs print them;
        # a bare value followed by `(` is code calling a function (`token = std::move(x)`).
        _c(
            r"(?i:(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"
            r"auth[_-]?token|private[_-]?key|client[_-]?secret|credentials?)(?:[_-][A-Za-z0-9_-]{0,30})?)"
            r"[\"']?[ \t]{0,5}(?:=|:(?!:))[ \t]{0,5}"
            rf"(?:\"(?P<s>[^\"\n]{{1,4096}})\"|'(?P<s2>[^'\n]{{1,4096}})'|(?P<s3>[^{_VALUE_STOP}]{{1,4096}}+)(?!\())"
        ),
        harmless=_placeholder,
    ),
)

_PEM_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----")
_PEM_END = re.compile(r"-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----")
_GROUPS = ("s", "s2", "s3")


def _replace(rule: Rule) -> Callable[[re.Match[str]], str]:
    def sub(m: re.Match[str]) -> str:
        for g in _GROUPS:
            if g in rule.pattern.groupindex and m.group(g) is not None:
                value = m.group(g)
                if rule.harmless is not None and rule.harmless(value):
                    return m.group(0)
                start, end = m.span(g)
                hint = value[: rule.keep] + "…" if rule.keep else ""
                whole = m.group(0)
                base = m.start(0)
                return whole[: start - base] + hint + MARK + whole[end - base :]
        return m.group(0)

    return sub


# Cheap substring tests (on the lower-cased text) that must hold for a rule to match at all:
# most log lines hold none of them, and skipping the regexes makes redaction cheap.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "aws-access-key-id": ("akia", "asia", "abia", "acca", "aida", "aroa"),
    "aws-secret-access-key": ("key",),
    "github-token": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
    "github-fine-grained-token": ("github_pat_",),
    "gitlab-token": ("glpat-",),
    "buildkite-token": ("bk",),
    "slack-token": ("xox",),
    "slack-webhook": ("hooks.slack.com",),
    "google-api-key": ("aiza",),
    "stripe-key": ("_live_", "_test_"),
    "npm-token": ("npm_",),
    "openai-key": ("sk-",),
    "jwt": ("eyj",),
    "authorization-header": ("authorization",),
    "bearer-token": ("bearer",),
    "url-password": ("://",),
    "assignment": ("pass", "pwd", "secret", "token", "key", "credential"),
}
_SUBS = tuple((TRIGGERS[rule.name], rule.pattern, _replace(rule)) for rule in RULES)


def _mask_body(body: str) -> str:
    """Key material becomes one mark per line, so the excerpt keeps its line count."""
    return "\n".join(MARK if part.strip() else part for part in body.split("\n"))


def _redact_pem(text: str, *, in_key: bool) -> tuple[str, bool]:
    """Mask private key blocks; returns the text and whether a block is still open at its end."""
    out: list[str] = []
    pos = 0
    while True:
        if in_key:
            end = _PEM_END.search(text, pos)
            if end is None:
                out.append(_mask_body(text[pos:]))
                return "".join(out), True
            out.append(_mask_body(text[pos : end.start()]))
            out.append(end.group(0))
            pos = end.end()
            in_key = False
        begin = _PEM_BEGIN.search(text, pos)
        if begin is None:
            out.append(text[pos:])
            return "".join(out), False
        out.append(text[pos : begin.end()])
        pos = begin.end()
        in_key = True


def _redact_rules(text: str) -> str:
    # Triggers are checked on the text as it came in: a substitution only ever removes one.
    lower = text.lower()
    for triggers, pattern, sub in _SUBS:
        if any(t in lower for t in triggers):
            text = pattern.sub(sub, text)
    return text


def redact(text: str) -> str:
    """Mask every credential-looking string in `text` (one line or many).

    A private key block is masked up to its END line, or to the end of `text` when it has none.
    """
    masked, _ = _redact_pem(text, in_key=False)
    return _redact_rules(masked)


def redact_lines(lines: Iterable[str]) -> list[str]:
    """Redact an excerpt line by line, carrying a private key block across lines.

    Returns exactly one line per input line, so line numbers still match.
    """
    out: list[str] = []
    in_key = False
    for line in lines:
        masked, in_key = _redact_pem(line, in_key=in_key)
        out.append(_redact_rules(masked))
    return out


def rule_names() -> Sequence[str]:
    return [rule.name for rule in RULES] + ["private-key"]
