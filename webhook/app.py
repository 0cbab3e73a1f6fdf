"""The Starlette app: routes, and a lifespan that sets up the store and runs the workers."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.routing import Route

from core.store import JobStore
from webhook import routes
from webhook.metrics import Metrics
from webhook.runtime import JobHandler, Runtime, close_handler
from webhook.settings import Settings


def create_app(
    settings: Settings,
    *,
    store: JobStore,
    handler: JobHandler | None,
    clock: Callable[[], float] = time.time,
    workers: int | None = None,
    poll_interval: float = 1.0,
    metrics: Metrics | None = None,
) -> Starlette:
    """The web app. It owns `store` for its lifetime: set up at start-up, closed at shutdown.

    `handler` runs queued jobs in `workers` background tasks (default DESTILL_WORKERS); with
    `handler=None` or `workers=0` the app only takes deliveries (workers run elsewhere). A
    handler with an `async aclose()` method is closed at shutdown, after the workers stop.
    """
    metrics = metrics or Metrics()
    n = settings.destill_workers if workers is None else workers
    runtime = (
        Runtime(
            store,
            handler,
            workers=n,
            lease_seconds=settings.destill_lease_seconds,
            grace=settings.destill_shutdown_grace,
            poll_interval=poll_interval,
            metrics=metrics,
        )
        if handler is not None and n > 0
        else None
    )
    edge = routes.Edge(
        settings=settings,
        store=store,
        metrics=metrics,
        runtime=runtime,
        clock=clock,
        secrets=settings.webhook_secrets,
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await store.setup()
        if runtime is not None:
            await runtime.start()
        try:
            yield
        finally:
            edge.draining = True
            try:
                if runtime is not None:
                    await runtime.stop()
                await close_handler(handler)
            finally:
                await store.close()

    app = Starlette(
        routes=[
            Route("/webhooks/buildkite", routes.Webhook(edge), methods=["POST"]),
            Route("/replay", routes.replay, methods=["POST"]),
            Route("/builds/{org}/{pipeline}/{number:int}", routes.build_triage, methods=["GET"]),
            Route("/healthz", routes.healthz, methods=["GET"]),
            Route("/readyz", routes.readyz, methods=["GET"]),
            Route("/metrics", routes.metrics, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.edge = edge
    return app
