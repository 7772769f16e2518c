// Create the system's topics on the three-node cluster with three replicas
// and min.insync.replicas 2, before any service starts (services started
// with the default policy then find them and change nothing). Needs a build.
'use strict';
const { join } = require('node:path');

const root = join(__dirname, '..');
const brokers = (process.env.BROKERS ?? '').split(',').filter(Boolean);
const { ensureTopics } = require(join(root, 'dist/libs/messaging/src'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  // A cluster that has just formed can refuse for some seconds ("does not host
  // this topic-partition" while leaders are being elected): try again for a while.
  for (let attempt = 1; ; attempt++) {
    try {
      const { created, grown } = await ensureTopics(brokers, {
        clientId: 'cluster-topics',
        policy: { replicationFactor: 3, minInsyncReplicas: 2 },
      });
      console.error(
        `[cluster] topics created: ${created.join(', ') || 'none'}; grown: ${grown.join(', ') || 'none'}`,
      );
      return;
    } catch (err) {
      if (attempt >= 15) throw err;
      console.error(`[cluster] creating topics: ${err.message}; trying again`);
      await sleep(2000);
    }
  }
}

main().catch((err) => {
  console.error(`[cluster] creating topics failed: ${err.message}`);
  process.exit(1);
});
