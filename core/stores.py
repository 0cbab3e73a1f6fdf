"""Pick a job store from `DATABASE_URL`, plus the pieces both stores share.

The two stores differ in SQL dialect and concurrency machinery only; what a row means and what
each transition writes is decided here once, so they cannot drift apart.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import orjson

from core.store import Backoff, Job, JobState, JobStore, Lease

# The column order every SELECT of a job uses; `job_from_row` reads rows in this order.
JOB_COLUMNS = (
    "id, key, kind, payload, state, attempts, max_attempts, last_error, run_after, "
    "lease_owner, lease_until, created_at, updated_at"
)

# Errors are kept for people reading the dead-letter queue; a whole traceback of a huge log line
# must not bloat every row.
MAX_ERROR_CHARS = 4000

POSTGRES_EXTRA_HINT = "PostgreSQL support needs the postgres extra: pip install 'destill[postgres]'"


def encode_payload(payload: Mapping[str, Any]) -> str:
    """A job's payload or a report as stored: compact JSON, keys sorted (orjson: every enqueue)."""
    plain = payload if type(payload) is dict else dict(payload)
    return orjson.dumps(plain, option=orjson.OPT_SORT_KEYS).decode()


def prefix_end(prefix: str) -> str:
    """The smallest string above every string that starts with `prefix` (a range's upper bound,
    so a prefix scan uses the build_key index)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\U0010ffff"


def clip_error(error: str) -> str:
    return error if len(error) <= MAX_ERROR_CHARS else error[: MAX_ERROR_CHARS - 1] + "…"


def job_from_row(row: Sequence[Any]) -> Job:
    payload = row[3]
    return Job(
        id=int(row[0]),
        key=row[1],
        kind=row[2],
        payload=orjson.loads(payload) if isinstance(payload, str) else payload,
        state=JobState(row[4]),
        attempts=int(row[5]),
        max_attempts=int(row[6]),
        last_error=row[7],
        run_after=float(row[8]),
        lease_owner=row[9],
        lease_until=None if row[10] is None else float(row[10]),
        created_at=float(row[11]),
        updated_at=float(row[12]),
    )


def new_job_state(lease: Lease | None, now: float) -> tuple[str, int, str | None, float | None]:
    """(state, attempts, lease_owner, lease_until) of a new job: queued, or already claimed by
    `lease`'s owner (its first attempt) when an idle worker takes it at once."""
    if lease is None:
        return JobState.QUEUED.value, 0, None, None
    return JobState.RUNNING.value, 1, lease.owner, now + lease.seconds


def after_failure(
    attempts: int, max_attempts: int, *, permanent: bool, now: float, backoff: Backoff
) -> tuple[JobState, float]:
    """The state and run_after a failed attempt leads to: dead when out of attempts (or permanent),
    else queued again after the backoff for this attempt."""
    if permanent or attempts >= max_attempts:
        return JobState.DEAD, now
    return JobState.QUEUED, now + backoff.delay(attempts)


def expired_lease_error(owner: str | None, attempts: int) -> str:
    return f"lease expired: worker {owner or '?'} stopped answering during attempt {attempts}"


def sqlite_path(database_url: str) -> str:
    """`sqlite:///rel/path` -> `rel/path`; `sqlite:////abs/path` -> `/abs/path`."""
    rest = database_url[len("sqlite:///") :]
    if not rest:
        raise ValueError(f"DATABASE_URL {database_url!r} names no file: use sqlite:///path/to/destill.db")
    return rest


def open_store(
    database_url: str,
    *,
    clock: Callable[[], float] = time.time,
    backoff: Backoff = Backoff(),  # noqa: B008 - frozen dataclass, safe to share
    max_attempts: int = 8,
) -> JobStore:
    """The store `database_url` names; call `await store.setup()` before use."""
    if database_url.startswith("sqlite:///"):
        from core.sqlite_store import SQLiteStore

        return SQLiteStore(sqlite_path(database_url), clock=clock, backoff=backoff, max_attempts=max_attempts)
    if database_url.startswith(("postgresql://", "postgres://")):
        try:
            from core.postgres_store import PostgresStore
        except ImportError as exc:  # psycopg is an optional extra
            raise RuntimeError(POSTGRES_EXTRA_HINT) from exc
        return PostgresStore(database_url, clock=clock, backoff=backoff, max_attempts=max_attempts)
    # Name only the scheme: the rest of a URL may hold a password.
    got = f" (got {database_url.split('://', 1)[0][:20]!r}://...)" if "://" in database_url else ""
    raise ValueError(
        "DATABASE_URL must be sqlite:///path (e.g. sqlite:///./destill.db) or postgresql://..." + got
    )


async def migrate(database_url: str) -> None:
    """Bring the schema up to date and exit (`destill migrate`, a release phase)."""
    store = open_store(database_url)
    try:
        await store.setup()
    finally:
        await store.close()
