// The image's entry point: runs the service SERVICE names in this process, so
// that node is PID 1 and gets SIGTERM itself (a shell in between would not
// pass it on, and the orchestrator would end the container with SIGKILL).
// `service-entry.js migrate` applies the service's migrations and exits
// (the Kubernetes migration Job runs it).
const { join } = require('node:path');

const SERVICES = ['ingestion', 'commitments', 'notifications', 'dashboard'];
const service = process.env.SERVICE;
if (!SERVICES.includes(service)) {
  console.error(`set SERVICE to one of ${SERVICES.join(', ')} (got ${service ?? 'nothing'})`);
  process.exit(2);
}
const command = process.argv[2] ?? 'serve';
const entry = { serve: 'main.js', migrate: join('database', 'migrate.js') }[command];
if (!entry) {
  console.error(`unknown command ${command}: serve (the default) or migrate`);
  process.exit(2);
}
require(join(__dirname, '..', 'dist', 'services', service, 'src', entry));
