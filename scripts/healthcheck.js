// The image's HEALTHCHECK: exit 0 when the service's GET /health/live answers 200.
const DEFAULT_PORTS = { ingestion: 3001, commitments: 3002, notifications: 3003, dashboard: 3000 };
const port = process.env.PORT ?? DEFAULT_PORTS[process.env.SERVICE];
fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(3000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
