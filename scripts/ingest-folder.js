// Posts every .txt file of a folder to the ingestion service and prints what
// became of each: new, duplicate, or refused with the reason.
// Usage: node scripts/ingest-folder.js BASE_URL FOLDER
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

async function main() {
  const [base, folder] = process.argv.slice(2);
  if (!base || !folder) throw new Error('usage: ingest-folder.js BASE_URL FOLDER');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const counts = { new: 0, duplicate: 0, failed: 0 };
  for (const file of files) {
    const text = readFileSync(join(folder, file), 'utf8');
    const res = await fetch(`${base}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: file, text }),
    });
    const body = await res.json().catch(() => ({}));
    if (res.ok) {
      counts[body.duplicate ? 'duplicate' : 'new']++;
      console.log(`  ${file}: ${body.duplicate ? 'already stored as' : 'stored as'} ${body.id}`);
    } else {
      counts.failed++;
      console.log(
        `  ${file}: refused (${res.status}) ${JSON.stringify(body.errors ?? body.message)}`,
      );
    }
  }
  console.log(`ingested ${counts.new} new, ${counts.duplicate} duplicate, ${counts.failed} failed`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
