// Create the system's topics on the three-node cluster with three replicas
// and min.insync.replicas 2, before any service starts (services started
// with the default policy then find them and change nothing). Needs a build.
'use strict';
const { join } = require('node:path');

const root = join(__dirname, '..');
const brokers = (process.env.BROKERS ?? '').split(',').filter(Boolean);
const { ensureTopics } = require(join(root, 'dist/libs/messaging/src'));

ensureTopics(brokers, {
  clientId: 'cluster-topics',
  policy: { replicationFactor: 3, minInsyncReplicas: 2 },
}).then(
  ({ created, grown }) => {
    console.error(
      `[cluster] topics created: ${created.join(', ') || 'none'}; grown: ${grown.join(', ') || 'none'}`,
    );
  },
  (err) => {
    console.error(`[cluster] creating topics failed: ${err.message}`);
    process.exit(1);
  },
);
