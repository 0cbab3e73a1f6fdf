"""`destill`: serve, worker, migrate, analyze. The only place that reads the environment."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import re
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from core.buildkite import BuildkiteError
from core.store import JobStore
from webhook import logs
from webhook.runtime import JobHandler
from webhook.settings import Settings, SettingsError, load_settings

DEFAULT_HANDLER_FACTORY = "webhook.pipeline:make_handler"

HandlerFactory = Callable[[Settings, JobStore], JobHandler]


class UsageError(Exception):
    """A start-up problem a person must fix; printed without a traceback, exit status 2."""


def load_factory(spec: str) -> HandlerFactory:
    """`package.module:function` → the function."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise UsageError(f"--handler-factory must look like package.module:function, not {spec!r}")
    try:
        factory: HandlerFactory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as e:
        raise UsageError(f"cannot load handler factory {spec!r}: {e}") from None
    return factory


def _open_store(settings: Settings) -> JobStore:
    from core.stores import open_store

    try:
        return open_store(settings.database_url, max_attempts=settings.destill_max_attempts)
    except (ValueError, RuntimeError) as e:
        raise UsageError(str(e)) from None


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from webhook.app import create_app

    settings = load_settings("serve")
    logs.configure()
    store = _open_store(settings)
    handler = load_factory(args.handler_factory)(settings, store)
    app = create_app(settings, store=store, handler=handler, workers=args.workers)
    uvicorn.run(
        app,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_config=None,  # logs.configure() already routes uvicorn's logs as JSON
        access_log=False,  # one line per delivery comes from the route, with its outcome
        lifespan="on",
    )
    return 0


async def _run_worker(settings: Settings, store: JobStore, handler: JobHandler) -> None:
    from webhook.runtime import Runtime, close_handler

    await store.setup()
    runtime = Runtime(
        store,
        handler,
        workers=settings.destill_workers,
        lease_seconds=settings.destill_lease_seconds,
        grace=settings.destill_shutdown_grace,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await runtime.start()
    try:
        await stop.wait()
    finally:
        try:
            await runtime.stop()
            await close_handler(handler)
        finally:
            await store.close()


def _worker(args: argparse.Namespace) -> int:
    settings = load_settings("worker")
    logs.configure()
    store = _open_store(settings)
    handler = load_factory(args.handler_factory)(settings, store)
    asyncio.run(_run_worker(settings, store, handler))
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from core.stores import migrate

    settings = load_settings("migrate")
    try:
        asyncio.run(migrate(settings.database_url))
    except (ValueError, RuntimeError) as e:
        raise UsageError(str(e)) from None
    print("schema is up to date")
    return 0


_DURATION = re.compile(r"^(\d+)([mhd])$")


def _since(text: str) -> datetime:
    m = _DURATION.match(text.strip())
    if m is None:
        raise UsageError(f"--since takes a duration like 90m, 6h or 2d, not {text!r}")
    minutes = int(m.group(1)) * {"m": 1, "h": 60, "d": 1440}[m.group(2)]
    return datetime.now(UTC) - timedelta(minutes=minutes)


def _reconcile(args: argparse.Namespace) -> int:
    import httpx

    from core.reconcile import reconcile
    from webhook.pipeline import make_client

    settings = load_settings("reconcile")
    since = _since(args.since)
    store = _open_store(settings)

    async def run() -> None:
        await store.setup()
        try:
            async with httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0)) as http:
                done = await reconcile(
                    make_client(settings, http), store, args.org, since=since, pipeline=args.pipeline
                )
        finally:
            await store.close()
        where = f"{args.org}/{args.pipeline}" if args.pipeline else args.org
        print(
            f"{done.listed} failed build(s) of {where} finished since {since:%Y-%m-%d %H:%M} UTC; "
            f"queued {done.queued} whose webhook never arrived"
        )

    try:
        asyncio.run(run())
    except BuildkiteError as e:
        print(f"destill reconcile: {e}", file=sys.stderr)
        return 1
    return 0


def _analyze(args: argparse.Namespace) -> int:
    if args.build_url is None and args.log is None:
        raise UsageError("analyze needs a BUILD_URL or --log FILE")
    if args.build_url is not None and args.log is not None:
        raise UsageError("give either a BUILD_URL or --log FILE, not both")
    settings = load_settings("analyze")
    if args.rules is None and settings.destill_rules_file is not None:
        args.rules = str(settings.destill_rules_file)
    try:
        from webhook.analyze import run  # type: ignore[import-not-found,unused-ignore]
    except ImportError as e:
        raise UsageError(f"analyze is not available in this build: {e}") from None
    code: int = run(args)
    return code


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="destill", description="Triage failed Buildkite builds.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    factory_help = (
        "package.module:function returning the job handler, called as f(settings, store) "
        f"(default {DEFAULT_HANDLER_FACTORY}; other values are for tests and embedding)"
    )
    s = sub.add_parser("serve", help="the web app with its in-process workers")
    s.add_argument("--host", help="address to listen on (default: $HOST or 127.0.0.1)")
    s.add_argument("--port", type=int, help="port to listen on (default: $PORT or 8000)")
    s.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="in-process workers (default: $DESTILL_WORKERS); 0: web only, beside `destill worker`",
    )
    s.add_argument("--handler-factory", default=DEFAULT_HANDLER_FACTORY, help=factory_help)
    s.set_defaults(func=_serve)

    w = sub.add_parser("worker", help="workers only (multi-process deployments on PostgreSQL)")
    w.add_argument("--handler-factory", default=DEFAULT_HANDLER_FACTORY, help=factory_help)
    w.set_defaults(func=_worker)

    r = sub.add_parser(
        "reconcile",
        help="queue a triage for recent failed builds whose webhook never came (after an outage)",
    )
    r.add_argument("--org", required=True, help="organisation slug")
    r.add_argument("--pipeline", help="only this pipeline (default: every pipeline of --org)")
    r.add_argument("--since", default="6h", help="how far back, e.g. 90m, 6h, 2d (default 6h)")
    r.set_defaults(func=_reconcile)

    m = sub.add_parser("migrate", help="create or upgrade the job store's schema, then exit")
    m.set_defaults(func=_migrate)

    a = sub.add_parser("analyze", help="triage one build (BUILD_URL) or one raw log (--log FILE)")
    a.add_argument(
        "build_url", nargs="?", metavar="BUILD_URL", help="https://buildkite.com/ORG/PIPELINE/builds/N"
    )
    a.add_argument("--log", metavar="FILE", help="a raw job log to triage offline ('-' for stdin)")
    a.add_argument("--post", action="store_true", help="also post the annotation to the build")
    a.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    a.add_argument("--rules", metavar="FILE", help="extra rules (TOML); default $DESTILL_RULES_FILE")
    a.add_argument("--exit-status", type=int, metavar="N", help="the job's exit status, if known (--log)")
    a.set_defaults(func=_analyze)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except (SettingsError, UsageError) as e:
        print(f"destill {args.command}: {e}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
