"""Failure rules as data: load, validate and match the rules in `rules.toml` (plus a user's file).

Each rule names what it recognises (`pytest.failed`), the kind of failure, a priority, one Python
`re` pattern tried on a normalised line, optional exclusions, how much context to take, and a
title template. Every rule lists lower-case `keywords`; a line is only tried against the rules
whose keyword it contains, and the union of all keywords is the byte-level prefilter that lets
the analyser skip most of a log without decoding it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from core.models import Category

BUILTIN_RULES = Path(__file__).with_name("rules.toml")
GENERIC_PRIORITY = 40  # rules below it only speak when nothing specific did (analysis.GENERIC)
BLOCK_MODES = frozenset({"traceback", "diagnostic", "test_section", "indented", "paragraph"})
# Structural lines the analyser must always see, whatever the rules: Buildkite section headers
# (after a timestamp APC or at a line start), other CI systems' groups, the agent's exit line.
STRUCTURE_KEYWORDS = (
    "\x07--- ",
    "\x07+++ ",
    "\x07~~~ ",
    "\x07^^^ +++",
    "\n--- ",
    "\n+++ ",
    "\n~~~ ",
    "\n^^^ +++",
    "##[group]",
    "##[endgroup]",
    "section_start:",
    "section_end:",
    "travis_fold:",
    "the command exited",
    "interrupted by a signal",
    "process completed with exit code",
    "job failed: exit",
    '" exited with ',
)

_KEYS = {
    "name",
    "category",
    "priority",
    "keywords",
    "pattern",
    "exclude",
    "before",
    "before_match",
    "after",
    "block",
    "stop",
    "detail",
    "tests",
    "title",
    "wrapper",
    "group",
    "summary",
    "adjacent",
    "mute",
    "keep",
    "verdict",
    "closes",
}


class _Finder(Protocol):
    def finditer(self, data: bytes) -> Iterator[Any]: ...


class Scanner:
    """The byte-level prefilter: one alternation over every keyword, on lower-cased bytes.

    RE2 (a DFA) scans it about ten times faster than `re`, so it is used when installed; the
    results are the same. `spans` talks to RE2's compiled object directly where it can, because
    building a Python match object per hit would cost more than the scan itself.
    """

    def __init__(self, keywords: Iterable[str], *, use_re2: bool = True) -> None:
        alts = sorted({k.encode() for k in keywords}, key=len, reverse=True)
        pattern = b"|".join(re.escape(a) for a in alts)
        self._raw: Any = None
        self._anchor: Any = None
        self.regex: _Finder
        try:
            if not use_re2:
                raise ImportError("re2 not wanted")
            import re2  # type: ignore[import-not-found,import-untyped,unused-ignore]

            opts = re2.Options()
            opts.max_mem = 64 << 20
            self.regex = re2.compile(pattern, options=opts)
            self._raw = getattr(self.regex, "_regexp", None)
            self._anchor = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
            if self._anchor is None:
                self._raw = None
            self.engine = "re2"
        except ImportError:  # pragma: no cover - the pure-Python fallback
            self.regex = re.compile(pattern)
            self.engine = "re"

    def spans(self, data: bytes, pos: int = 0) -> Iterator[tuple[int, int]]:
        """(start, end) of every non-overlapping keyword hit in `data` from `pos`."""
        raw = self._raw
        if raw is None:
            for m in self.regex.finditer(data[pos:] if pos else data):
                yield m.start() + pos, m.end() + pos
            return
        end, anchor = len(data), self._anchor
        match = raw.Match
        while pos < end:
            span = match(anchor, data, pos, end)[0]
            if span[0] < 0:
                return
            yield span
            pos = span[1] if span[1] > span[0] else span[1] + 1


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    category: Category
    priority: int
    keywords: tuple[str, ...]
    pattern: re.Pattern[str]
    title: str
    exclude: tuple[re.Pattern[str], ...] = ()
    before: int = 0
    before_match: re.Pattern[str] | None = None
    after: int = 0
    block: str | None = None
    stop: re.Pattern[str] | None = None
    detail: re.Pattern[str] | None = None
    tests: re.Pattern[str] | None = None
    keep: re.Pattern[str] | None = None  # only the block's lines matching it join the card
    wrapper: bool = False  # "exit code 1", "make: *** Error 2": never outranks what it wraps
    group: bool = False  # all of this rule's cards in a job become one (e.g. failed tests)
    summary: bool = False  # a summary line: dropped when other cards already name its tests
    adjacent: bool = False  # consecutive matching lines extend one card
    mute: bool = False  # opens a region of expected failures (rspec's "Pending:"): no card, and
    # no rule fires inside its block
    verdict: bool = False  # a test runner's count of failed tests: the error it closes failed a test
    closes: bool = False  # a build tool's closing word on which goal or task failed: joins the best card

    def match(self, text: str) -> re.Match[str] | None:
        m = self.pattern.search(text)
        if m is None or any(x.search(text) for x in self.exclude):
            return None
        return m


@dataclass(slots=True)
class RuleSet:
    rules: list[Rule]
    prefilter: Scanner = field(init=False)
    _by_keyword: dict[str, list[Rule]] = field(init=False)
    _prefixes: dict[str, tuple[str, ...]] = field(init=False)
    _order: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        by_kw: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for kw in rule.keywords:
                by_kw.setdefault(kw, []).append(rule)
                if kw.startswith("\n"):
                    # A line-start keyword also follows a Buildkite timestamp (`\x07`) or a
                    # GitHub/GitLab timestamp prefix (`...Z `) in the raw bytes.
                    by_kw.setdefault("\x07" + kw[1:], []).append(rule)
                    by_kw.setdefault("z " + kw[1:], []).append(rule)
        self._by_keyword = by_kw
        self._order = {r.name: i for i, r in enumerate(self.rules)}
        self.prefilter = Scanner([*by_kw, *STRUCTURE_KEYWORDS])
        # Alternation takes the longest keyword at a position; remember the keywords inside each
        # one so they are not lost ("fatal error:" hides "error:").
        self._prefixes = {kw: tuple(o for o in by_kw if o != kw and o in kw) for kw in by_kw}

    def expand(self, hits: Iterable[str]) -> set[str]:
        """The keywords a set of prefilter hits stands for: each hit plus the keywords inside it
        ("fatal error:" also holds "error:")."""
        out = set(hits)
        for kw in list(out):
            out.update(self._prefixes.get(kw, ()))
        return out

    def keywords_in(self, text: str) -> set[str]:
        """Every keyword in a normalised line (overlaps included: "fatal error:" holds
        "error:" too)."""
        hay = ("\n" + text.lower()).encode("utf-8", "replace")
        found: set[str] = set()
        pos = 0
        while (span := next(self.prefilter.spans(hay, pos), None)) is not None:
            found.add(hay[span[0] : span[1]].decode("utf-8", "replace"))
            pos = span[0] + 1
        found = self.expand(found)
        return found

    def __len__(self) -> int:
        return len(self.rules)

    def best(self, text: str, keywords: Iterable[str] | None = None) -> tuple[Rule, re.Match[str]] | None:
        """The rule that explains `text` (a normalised line), with its match: the highest
        priority, except that a matching wrapper beats generic rules (priority < 50), so "error:
        could not compile" stays a wrapper rather than a generic error."""
        # Rules in a fixed order (priority, then their order in the file), so ties never depend
        # on set iteration; the first non-wrapper that matches is the best.
        order = self._order
        rules: set[Rule] = set()
        for kw in self.keywords_in(text) if keywords is None else keywords:
            rules.update(self._by_keyword.get(kw, ()))
        best: tuple[Rule, re.Match[str]] | None = None
        wrapper: tuple[Rule, re.Match[str]] | None = None
        for rule in sorted(rules, key=lambda r: (-r.priority, order[r.name])):
            if wrapper is not None if rule.wrapper else best is not None:
                continue
            m = rule.match(text)
            if m is None:
                continue
            if rule.wrapper:
                wrapper = (rule, m)
            else:
                best = (rule, m)
                if rule.priority >= 50:
                    break  # no wrapper can beat a specific rule
        if wrapper is not None and (best is None or best[0].priority < 50):
            return wrapper
        return best


class RuleError(ValueError):
    """A rules file is malformed; the message names the file, the rule and the field."""


def _regex(where: str, value: Any) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise RuleError(f"{where}: expected a non-empty regular expression string")
    try:
        return re.compile(value)
    except re.error as e:
        raise RuleError(f"{where}: invalid regular expression: {e}") from e


def _parse_rule(src: str, raw: dict[str, Any]) -> Rule:
    name = raw.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", name):
        raise RuleError(f"{src}: rule name {name!r} must look like 'tool.failure'")
    where = f"{src}: rule {name}"
    unknown = set(raw) - _KEYS
    if unknown:
        raise RuleError(f"{where}: unknown field(s) {sorted(unknown)}")
    try:
        category = Category(raw.get("category", "unknown"))
    except ValueError as e:
        raise RuleError(f"{where}: category must be one of {[c.value for c in Category]}") from e
    keywords = raw.get("keywords")
    if (
        not isinstance(keywords, list)
        or not keywords
        or not all(isinstance(k, str) and k and k == k.lower() for k in keywords)
    ):
        raise RuleError(f"{where}: keywords must be a non-empty list of lower-case strings")
    block = raw.get("block")
    if block is not None and block not in BLOCK_MODES:
        raise RuleError(f"{where}: block must be one of {sorted(BLOCK_MODES)}")
    ints = {}
    # The analyser keeps 40 lines behind and 160 ahead of a candidate: context must fit in them.
    for key, top in (("priority", 200), ("before", 30), ("after", 150)):
        v = raw.get(key, 50 if key == "priority" else 0)
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= top:
            raise RuleError(f"{where}: {key} must be an integer from 0 to {top}")
        ints[key] = v
    bools = {}
    for key in ("wrapper", "group", "summary", "adjacent", "mute", "verdict", "closes"):
        # Matches of one specific rule in one job are one finding unless the rule says otherwise;
        # generic rules group by fingerprint only.
        default = key == "group" and not raw.get("wrapper") and ints["priority"] >= 50
        v = raw.get(key, default)
        if not isinstance(v, bool):
            raise RuleError(f"{where}: {key} must be true or false")
        bools[key] = v
    if bools["verdict"] and not bools["wrapper"]:
        # A verdict is a runner's closing count: it only ever joins the error it closes.
        raise RuleError(f"{where}: verdict needs wrapper = true")
    if bools["closes"] and ints["priority"] >= GENERIC_PRIORITY:
        # Only a generic line or a wrapper closes a card: a specific error makes its own.
        raise RuleError(f"{where}: closes needs a priority below {GENERIC_PRIORITY}")
    excludes = raw.get("exclude", [])
    if isinstance(excludes, str):
        excludes = [excludes]

    def opt(key: str) -> re.Pattern[str] | None:
        return _regex(f"{where}: {key}", raw[key]) if key in raw else None

    title = raw.get("title", "{line}")
    if not isinstance(title, str):
        raise RuleError(f"{where}: title must be a string")
    return Rule(
        name=name,
        category=category,
        priority=ints["priority"],
        keywords=tuple(keywords),
        pattern=_regex(f"{where}: pattern", raw.get("pattern")),
        title=title,
        exclude=tuple(_regex(f"{where}: exclude", x) for x in excludes),
        before=ints["before"],
        before_match=opt("before_match"),
        after=ints["after"],
        block=block,
        stop=opt("stop"),
        detail=opt("detail"),
        tests=opt("tests"),
        keep=opt("keep"),
        **bools,
    )


def parse_rules(text: str, source: str = "<rules>") -> list[Rule]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{source}: not valid TOML: {e}") from e
    raw_rules = doc.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleError(f"{source}: expected [[rule]] tables")
    rules = [_parse_rule(source, r) for r in raw_rules]
    seen: set[str] = set()
    for r in rules:
        if r.name in seen:
            raise RuleError(f"{source}: rule {r.name} defined twice")
        seen.add(r.name)
    return rules


def load_rules(extra: Path | None = None) -> RuleSet:
    """The built-in rules, plus a user's rules file: a user rule with a built-in's name replaces
    it, others are added."""
    rules = parse_rules(BUILTIN_RULES.read_text(encoding="utf-8"), str(BUILTIN_RULES.name))
    if extra is not None:
        user = parse_rules(Path(extra).read_text(encoding="utf-8"), str(extra))
        names = {r.name for r in user}
        rules = [r for r in rules if r.name not in names] + user
    return RuleSet(rules)
