"""destill's domain: events, the Buildkite client, log normalisation, analysis, annotation
rendering and the job store. Mostly pure; I/O happens only through injected clients."""
