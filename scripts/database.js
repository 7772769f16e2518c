// What npm start asks of a PostgreSQL server, without psql:
//   node scripts/database.js usable <url>   exit 0 when the server at <url> takes
//                                           the credentials (its database may not exist yet)
//   node scripts/database.js ensure <url>   create <url>'s database when missing
// The URL (which may hold a password) is never printed.
'use strict';
const { Client } = require('pg');

/** The same server and credentials, on its always-present `postgres` database. */
function maintenanceUrl(u) {
  const m = new URL(u);
  m.pathname = '/postgres';
  return m.toString();
}

async function withClient(u, fn) {
  const client = new Client({ connectionString: u, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Create the database `url` names when its server does not have it yet. */
async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withClient(maintenanceUrl(url), async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      // Identifiers cannot be bound as parameters; quote it as PostgreSQL does.
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.error(`[postgres] created database ${name}`);
    }
  });
}

async function main(command, url) {
  if (!url || !['usable', 'ensure'].includes(command)) {
    console.error('usage: node scripts/database.js usable|ensure <postgres url>');
    return 2;
  }
  try {
    if (command === 'usable') await withClient(maintenanceUrl(url), (c) => c.query('SELECT 1'));
    else await ensureDatabase(url);
    return 0;
  } catch (err) {
    // The reason, for the caller to show (no URL in it: pg's messages do not carry one).
    console.error(`[postgres] ${err.code ?? ''} ${err.message}`.trim());
    return 1;
  }
}

module.exports = { ensureDatabase };

if (require.main === module) main(...process.argv.slice(2, 4)).then((code) => process.exit(code));
