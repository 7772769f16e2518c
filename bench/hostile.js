// Hostile-input benchmark: does the ingestion service's memory stay bounded,
// and does it keep answering, under a sustained flood of adversarial input?
//   npm run bench:hostile   [SECONDS=60 CONCURRENCY=16]
// For SECONDS, CONCURRENCY clients send a mix drawn with fast-check: random
// JSON bodies, texts at and over the size limit, long runs that stress the
// extractor's patterns, mixed scripts and right-to-left text, binary bytes and
// corrupt PDFs and DOCX under their media types, and oversized uploads. The
// service's resident memory is read from /proc every 250 ms; the answers are
// counted by status. Uses its own broker (bench/broker.js) and a throwaway database.
const { readFileSync } = require('node:fs');
const fc = require('fast-check');
const { sql, startService, ingestKeyHeaders, ADMIN_URL, dbUrl, pct } = require('./lib');

/** The benchmark's API key (set once the service knows it). */
let auth = {};
const { BROKERS, startBroker, stopBroker } = require('./broker');

const SECONDS = Number(process.env.SECONDS ?? 60);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const PORT = 24301;
const MAX_CHARS = 1_000_000; // the service's default MAX_DOCUMENT_CHARS
const db = `ct_bench_hostile_${Date.now()}`;
const url = dbUrl(db);
const base = `http://127.0.0.1:${PORT}`;

const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** Texts built to be expensive: long repetitions of what the extractor's patterns look for. */
const pathological = fc.oneof(
  fc.constantFrom(
    'instructed the Secretariat to ',
    'by the end of ',
    '(((((',
    'agreed to establish ',
    'поручили Секретариату ',
    'bis Ende ',
    "Sekretarya'ya talimat ",
    ' 2026 ',
    '\u200f\u202e',
    '. . . ',
    'a'.repeat(100),
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);
const hugeText = fc
  .tuple(pathological, fc.integer({ min: 1_000, max: MAX_CHARS + 10_000 }))
  .map(([unit, chars]) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars));
const mixedScripts = fc
  .array(
    fc.constantFrom(
      'The Ministers agreed to host the summit in 2027. ',
      'وزراء الخارجية اتفقوا على عقد القمة في عام ٢٠٢٧. ',
      'Министры поручили подготовить доклад к 2026 году. ',
      'Bakanlar 2026 yılına kadar rapor hazırlanmasını kararlaştırdı. ',
      '部长们同意在2027年举办峰会。 ',
      'שרי החוץ הסכימו לארח את הפסגה. ',
    ),
    { minLength: 1, maxLength: 2000 },
  )
  .map((parts) => parts.join(''));

const jsonRequest = (kind, body) => ({
  kind,
  send: () =>
    fetch(`${base}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
});
const uploadRequest = (kind, bytes, type, name) => ({
  kind,
  send: () => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    return fetch(`${base}/documents/upload`, { method: 'POST', body: form, headers: auth });
  },
});

// Parser bombs, built once: small on the wire, huge once read.
const { docxBomb } = require('../dist/libs/testing/src/hostile-files');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const bombs = {
  honest: docxBomb(1024 * 1024 * 1024),
  lying: docxBomb(1024 * 1024 * 1024, { lie: true }),
};

const request = fc.oneof(
  fc.constant(uploadRequest('DOCX bomb (1 GB inflated)', bombs.honest, DOCX_TYPE, 'bomb.docx')),
  fc.constant(uploadRequest('DOCX bomb lying about its size', bombs.lying, DOCX_TYPE, 'liar.docx')),
  fc.json({ maxDepth: 4 }).map((body) => jsonRequest('random JSON', body)),
  hugeText.map((text) => jsonRequest('long repetitive text', { text })),
  mixedScripts.map((text) => jsonRequest('mixed scripts', { text })),
  fc
    .string({ unit: 'binary', maxLength: 20_000 })
    .map((text) => jsonRequest('binary text', { text })),
  fc
    .tuple(
      fc.uint8Array({ maxLength: 200_000 }),
      fc.constantFrom(
        ['application/pdf', 'x.pdf'],
        ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x.docx'],
        ['text/html', 'x.html'],
        ['text/plain', 'x.txt'],
        ['application/octet-stream', 'x.bin'],
      ),
    )
    .map(([bytes, [type, name]]) => uploadRequest('random bytes upload', bytes, type, name)),
  // Over the upload limit (default 20 MB): refused while streaming, never buffered whole.
  fc
    .integer({ min: 20 * 1024 * 1024 + 1, max: 22 * 1024 * 1024 })
    .map((n) => uploadRequest('oversized upload', new Uint8Array(n), 'application/pdf', 'big.pdf')),
);

async function main() {
  startBroker();
  await sql(ADMIN_URL, `CREATE DATABASE ${db}`);
  let service;
  try {
    service = await startService('ingestion', PORT, {
      DATABASE_URL: url,
      KAFKA_BROKERS: BROKERS.join(','),
    });
    const pid = service.pid;
    auth = await ingestKeyHeaders(BROKERS, url);
    await new Promise((r) => setTimeout(r, 2000));
    const startRss = rssMb(pid);
    const samples = [];
    const sampler = setInterval(() => samples.push(rssMb(pid)), 250);
    // /health keeps answering throughout: its slowest answer during the run.
    const healthTimes = [];
    let healthFailures = 0;
    const prober = setInterval(() => {
      const at = Date.now();
      fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => (r.ok ? healthTimes.push(Date.now() - at) : healthFailures++),
        () => healthFailures++,
      );
    }, 500);
    const statuses = new Map();
    const times = [];
    let failures = 0;
    const slowest = new Map();
    const failed = new Map();
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        let seed = worker;
        while (Date.now() - t0 < SECONDS * 1000) {
          const [{ kind, send }] = fc.sample(request, { numRuns: 1, seed: seed++ * 7919 + worker });
          const at = Date.now();
          try {
            const res = await send();
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          } catch {
            failures++; // connection reset or refused: counted, the service is checked below
            failed.set(kind, (failed.get(kind) ?? 0) + 1);
          }
          times.push(Date.now() - at);
          slowest.set(kind, Math.max(slowest.get(kind) ?? 0, Date.now() - at));
        }
      }),
    );
    clearInterval(sampler);
    clearInterval(prober);
    await new Promise((r) => setTimeout(r, 5000));
    const endRss = rssMb(pid);
    const health = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => 'down',
    );
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`\nhostile input to ingestion, ${SECONDS} s, ${CONCURRENCY} clients`);
    console.log(
      `requests ${total + failures}; answers by status: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}; connection failures ${failures}`,
    );
    console.log(
      `response time p50 ${pct(times, 50)} ms, p99 ${pct(times, 99)} ms, max ${Math.max(...times)} ms`,
    );
    console.log(
      `slowest answer by kind: ${[...slowest].map(([k, t]) => `${k} ${t} ms`).join(', ')}`,
    );
    console.log(
      `/health during the run: ${healthTimes.length} answers, p50 ${pct(healthTimes, 50)} ms, max ${Math.max(...healthTimes)} ms, ${healthFailures} failed; bombs on the wire ${(bombs.honest.length / 1024).toFixed(0)} KB each`,
    );
    console.log(
      `connection failures by kind: ${[...failed].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    );
    // Bounded means it levels off: the highest reading in each quarter of the run.
    const quarter = Math.ceil(samples.length / 4);
    const quarters = [0, 1, 2, 3].map((q) =>
      Math.max(...samples.slice(q * quarter, (q + 1) * quarter)).toFixed(0),
    );
    console.log(
      `resident memory: ${startRss.toFixed(0)} MB before; highest in each quarter of the run ${quarters.join(' / ')} MB; ${endRss.toFixed(0)} MB 5 s after; health after: ${health}`,
    );
  } finally {
    service?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    stopBroker();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
