"""destill's HTTP edge: the Starlette app, routes, webhook verification, worker lifecycle, CLI."""
