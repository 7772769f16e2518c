// Writes docs/asyncapi.json from the event contracts (run after `npm run build`).
// A unit test fails when the committed document and the contracts differ.
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { asyncApiDocument } = require('../dist/libs/contracts/src');

const out = join(__dirname, '../docs/asyncapi.json');
mkdirSync(join(__dirname, '../docs'), { recursive: true });
writeFileSync(out, `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${out}`);
