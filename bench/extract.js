// Extraction throughput and worst case, single-threaded.
//   npm run bench:extract            (builds first)
// Builds a corpus of at least 5 MB from varied documents: the seeds, the
// extraction fixtures, and documents assembled from sentences in four
// languages; then times the rule engine over it, and over pathological inputs.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { RuleBasedExtractor } = require('../dist/libs/extraction/src');

const root = join(__dirname, '..');
const sentences = [];
for (const f of readdirSync(join(root, 'seeds'))) {
  sentences.push(
    ...readFileSync(join(root, 'seeds', f), 'utf8')
      .split(/(?<=[.;])\s+|\n+/)
      .filter((s) => s.length > 20),
  );
}
const fixtures = join(root, 'test/fixtures/extraction');
for (const f of readdirSync(fixtures)) {
  for (const d of JSON.parse(readFileSync(join(fixtures, f), 'utf8')).documents) {
    sentences.push(...d.text.split(/(?<=[.;])\s+|\n+/).filter((s) => s.length > 20));
  }
}

// Deterministic pseudo-random choice so runs are comparable.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (a) => a[Math.floor(rand() * a.length)];

const corpus = [];
let bytes = 0;
while (bytes < 5.5 * 1024 * 1024) {
  const n = 5 + Math.floor(rand() * 60);
  const lines = [];
  for (let i = 0; i < n; i++) lines.push((rand() < 0.3 ? '- ' : '') + pick(sentences));
  const text = lines.join(rand() < 0.5 ? '\n' : ' ');
  corpus.push({ text, published: rand() < 0.7 ? '2025-06-01' : null });
  bytes += Buffer.byteLength(text);
}

const sut = new RuleBasedExtractor();
for (const d of corpus.slice(0, 50)) sut.extract(d); // warm-up

let found = 0;
let worst = 0;
const t0 = process.hrtime.bigint();
for (const d of corpus) {
  const s = process.hrtime.bigint();
  found += sut.extract(d).commitments.length;
  worst = Math.max(worst, Number(process.hrtime.bigint() - s) / 1e6);
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;

const pathological = {
  '1 MB of one letter': 'a'.repeat(1024 * 1024),
  '1 MB of spaces and commas': ', '.repeat(512 * 1024),
  '300 KB, one clause of "and instruct the"': 'They agree and instruct the '.repeat(11000),
  '300 KB of "instruct the the the"': 'instruct ' + 'the '.repeat(75000) + 'to do',
  '200 KB of digits and dots': '1.'.repeat(100000),
  '200 KB of list markers': '- ;\n'.repeat(50000),
  '200 KB of "will host the summit"':
    'Kazakhstan will host the summit in Astana in 2026 and '.repeat(3700),
  '200 KB Turkish verbal nouns': 'görevlendirdiklerini ve kabul ettiklerini '.repeat(4800),
  '200 KB Cyrillic without spaces': 'поручили'.repeat(25000),
  'mixed scripts and RTL': 'The Secretariat مرحبا instructs Секретариат 秘书处 to act '.repeat(
    4000,
  ),
};
const rows = [];
for (const [name, text] of Object.entries(pathological)) {
  const s = process.hrtime.bigint();
  const n = sut.extract({ text, published: '2025-06-01' }).commitments.length;
  rows.push([
    name,
    (Buffer.byteLength(text) / 1024).toFixed(0),
    (Number(process.hrtime.bigint() - s) / 1e6).toFixed(1),
    n,
  ]);
}

const mb = bytes / 1024 / 1024;
console.log(`engine ${sut.name}@${sut.version}, node ${process.version}, single thread`);
console.log(`corpus: ${corpus.length} documents, ${mb.toFixed(2)} MB, ${found} commitments found`);
console.log(
  `throughput: ${(mb / secs).toFixed(2)} MB/s, ${(corpus.length / secs).toFixed(0)} documents/s (${secs.toFixed(2)} s)`,
);
console.log(`slowest corpus document: ${worst.toFixed(1)} ms`);
console.log('\npathological input                           KB      ms   items');
for (const [name, kb, ms, n] of rows)
  console.log(`${name.padEnd(42)} ${kb.padStart(5)} ${ms.padStart(8)} ${String(n).padStart(6)}`);
