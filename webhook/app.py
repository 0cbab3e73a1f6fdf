"""The Starlette app: routes, and a lifespan that sets up the store and runs the workers."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from core.store import JobStore
from webhook import routes
from webhook.metrics import Metrics
from webhook.runtime import JobHandler, Runtime, close_handler
from webhook.settings import Settings

WEBHOOK_PATH = "/webhooks/buildkite"


class App(Starlette):
    """Starlette, but a delivery (`POST /webhooks/buildkite`, the path nearly every request takes)
    goes straight to its endpoint, past the error and exception middleware and the router's scan
    of every route (measured: ~8 us a request, a twentieth of a delivery's CPU). The endpoint
    answers every outcome itself and `routes.Webhook` turns its own bugs into a 500; any other
    request, a trailing slash or a mount's root path included, takes the ordinary way, where the
    same endpoint is routed too."""

    def __init__(self, webhook: routes.Webhook, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._webhook = webhook

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == WEBHOOK_PATH and scope["method"] == "POST":
            scope["app"] = self
            await self._webhook(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(
    settings: Settings,
    *,
    store: JobStore,
    handler: JobHandler | None,
    clock: Callable[[], float] = time.time,
    workers: int | None = None,
    poll_interval: float = 1.0,
    metrics: Metrics | None = None,
) -> App:
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

    webhook = routes.Webhook(edge)
    app = App(
        webhook,
        routes=[
            Route(WEBHOOK_PATH, webhook, methods=["POST"]),
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
