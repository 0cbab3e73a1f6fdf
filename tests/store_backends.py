"""Open real job stores for tests: a tmp SQLite file, or a fresh schema on the test PostgreSQL.

The PostgreSQL leg needs DESTILL_TEST_POSTGRES_DSN (e.g. postgresql://postgres@127.0.0.1:5432/test);
without it those tests skip with a reason, unless DESTILL_REQUIRE_POSTGRES=1 (CI), where they fail.
Each test gets its own schema, so parallel runs never see each other's jobs.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from core.store import JobStore

DSN_VAR = "DESTILL_TEST_POSTGRES_DSN"
REQUIRE_VAR = "DESTILL_REQUIRE_POSTGRES"


class FakeClock:
    """Unix seconds that move only when a test says so."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def postgres_dsn() -> str:
    """The test server's DSN, or skip (fail under DESTILL_REQUIRE_POSTGRES=1) when none is set."""
    dsn = os.environ.get(DSN_VAR, "")
    if not dsn:
        reason = f"PostgreSQL leg skipped: set {DSN_VAR}=postgresql://postgres@127.0.0.1:5432/test to run it"
        if os.environ.get(REQUIRE_VAR) == "1":
            pytest.fail(f"{REQUIRE_VAR}=1 but {DSN_VAR} is unset")
        pytest.skip(reason)
    return dsn


@dataclass
class Backend:
    """Where a test's stores live; `open()` makes another store on the same data."""

    kind: str
    url: str  # a DATABASE_URL for open_store / migrate
    dsn_or_path: str
    opened: list[JobStore] = field(default_factory=list)

    def open(self, **kwargs: Any) -> JobStore:
        store: JobStore
        if self.kind == "sqlite":
            from core.sqlite_store import SQLiteStore

            store = SQLiteStore(self.dsn_or_path, **kwargs)
        else:
            from core.postgres_store import PostgresStore

            store = PostgresStore(self.dsn_or_path, **kwargs)
        self.opened.append(store)
        return store

    async def close_all(self) -> None:
        for store in self.opened:
            await store.close()
        self.opened.clear()


BACKENDS: list[Any] = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


async def open_backend(kind: str, tmp_path: Path) -> AsyncIterator[Backend]:
    """A fresh, empty backend of `kind` ("sqlite" or "postgres"); removed afterwards."""
    if kind == "sqlite":
        path = tmp_path / "jobs.db"
        backend = Backend("sqlite", f"sqlite:///{path}", str(path))
        try:
            yield backend
        finally:
            await backend.close_all()
        return

    dsn = postgres_dsn()
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import make_conninfo

    schema = f"destill_test_{uuid.uuid4().hex[:16]}"

    async def admin(template: str) -> None:
        async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as conn:
            await conn.execute(sql.SQL(template).format(sql.Identifier(schema)))

    await admin("CREATE SCHEMA {}")
    # `url` is the DATABASE_URL form of the same thing (for open_store and migrate).
    options = quote(f"-c search_path={schema}")
    url = f"{dsn}{'&' if '?' in dsn else '?'}options={options}"
    backend = Backend("postgres", url, make_conninfo(dsn, options=f"-c search_path={schema}"))
    try:
        yield backend
    finally:
        await backend.close_all()
        await admin("DROP SCHEMA {} CASCADE")
