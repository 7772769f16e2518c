// The image's entry point: runs the service SERVICE names in this process, so
// that node is PID 1 and gets SIGTERM itself (a shell in between would not
// pass it on, and the orchestrator would end the container with SIGKILL).
const { join } = require('node:path');

const SERVICES = ['ingestion', 'commitments', 'notifications', 'dashboard'];
const service = process.env.SERVICE;
if (!SERVICES.includes(service)) {
  console.error(`set SERVICE to one of ${SERVICES.join(', ')} (got ${service ?? 'nothing'})`);
  process.exit(2);
}
require(join(__dirname, '..', 'dist', 'services', service, 'src', 'main.js'));
