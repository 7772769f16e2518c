// Ingestion benchmark: documents per second through the ingestion service,
// from the HTTP request to their commitment.extracted events published on
// Kafka, for plain text (JSON and upload) and for PDF uploads.
//   npm run bench:ingest   [TEXT_DOCS=2000 PDF_DOCS=300 CONCURRENCY=16]
// Uses its own Kafka broker (bench/broker.js, 127.0.0.1:29092) and a throwaway database.
const { sql, startService, ingestKeyHeaders, ADMIN_URL, dbUrl } = require('./lib');
const PDFDocument = require('pdfkit');
const { declaration } = require('./documents');

const TEXT_DOCS = Number(process.env.TEXT_DOCS ?? 2000);
const PDF_DOCS = Number(process.env.PDF_DOCS ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const PORT = 24201;
const { BROKERS, startBroker, stopBroker } = require('./broker');
const db = `ct_bench_ingest_${Date.now()}`;
const admin = ADMIN_URL;
const url = dbUrl(db);
const base = `http://127.0.0.1:${PORT}`;

const secs = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

function pdf(n) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { Title: `Declaration ${n}` } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(11).text(declaration(100_000 + n));
    doc.end();
  });
}

/** Send every request with CONCURRENCY in flight; returns the seconds it took to have them all accepted. */
async function send(requests) {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const res = await requests[next++]();
        if (res.status !== 201)
          throw new Error(`ingestion answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  return secs(t0);
}

/** Wait until every document is extracted and every outbox row (its commitment.extracted events) is on Kafka. */
async function drained(expected) {
  for (;;) {
    const [row] = await sql(
      url,
      `SELECT (SELECT count(*) FROM ingestion.documents WHERE extracted_at IS NOT NULL) AS extracted,
              (SELECT count(*) FROM ingestion.outbox WHERE published_at IS NULL) AS unsent,
              (SELECT count(*) FROM ingestion.outbox WHERE topic = 'commitments.extracted.v1') AS commitments`,
    );
    if (Number(row.extracted) >= expected && Number(row.unsent) === 0)
      return Number(row.commitments);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const extractedCount = async () =>
  Number(
    (
      await sql(
        url,
        `SELECT count(*) AS n FROM ingestion.outbox WHERE topic = 'commitments.extracted.v1'`,
      )
    )[0].n,
  );

async function phase(name, requests, expectedTotal) {
  const before = await extractedCount();
  const t0 = process.hrtime.bigint();
  const accepted = await send(requests);
  const commitments = (await drained(expectedTotal)) - before;
  return { name, docs: requests.length, accepted, total: secs(t0), commitments };
}

async function main() {
  startBroker();
  await sql(admin, `CREATE DATABASE ${db}`);
  let service;
  try {
    service = await startService('ingestion', PORT, {
      DATABASE_URL: url,
      KAFKA_BROKERS: BROKERS.join(','),
    });
    const auth = await ingestKeyHeaders(BROKERS, url);
    const texts = Array.from({ length: TEXT_DOCS }, (_, n) => declaration(n));
    const pdfs = await Promise.all(Array.from({ length: PDF_DOCS }, (_, n) => pdf(n)));
    const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / texts.length;
    const json = texts.slice(0, TEXT_DOCS / 2).map(
      (text) => () =>
        fetch(`${base}/documents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ text }),
        }),
    );
    const uploads = texts.slice(TEXT_DOCS / 2).map((text, i) => () => {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/plain' }), `d${i}.txt`);
      return fetch(`${base}/documents/upload`, { method: 'POST', body: form, headers: auth });
    });
    const pdfUploads = pdfs.map((b, i) => () => {
      const form = new FormData();
      form.append('file', new Blob([b], { type: 'application/pdf' }), `d${i}.pdf`);
      return fetch(`${base}/documents/upload`, { method: 'POST', body: form, headers: auth });
    });
    const rows = [
      await phase('plain text, POST /documents (JSON)', json, json.length),
      await phase('plain text, POST /documents/upload', uploads, json.length + uploads.length),
      await phase('PDF, POST /documents/upload', pdfUploads, TEXT_DOCS + pdfUploads.length),
    ];
    console.log(
      `\n${TEXT_DOCS} text documents of ${(bytes / 1024).toFixed(1)} KB, ${PDF_DOCS} PDFs of ${(pdfs.reduce((s, b) => s + b.length, 0) / pdfs.length / 1024).toFixed(1)} KB, ${CONCURRENCY} requests in flight`,
    );
    console.log(
      `${'documents'.padEnd(38)} ${'count'.padStart(6)} ${'accepted/s'.padStart(11)} ${'to Kafka/s'.padStart(11)} ${'commitments'.padStart(12)}`,
    );
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(38)} ${String(r.docs).padStart(6)} ${(r.docs / r.accepted).toFixed(0).padStart(11)} ${(r.docs / r.total).toFixed(0).padStart(11)} ${String(r.commitments).padStart(12)}`,
      );
    }
    console.log(
      '(to Kafka/s: from the first request until every document is extracted and its commitment.extracted events are published)',
    );
  } finally {
    service?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await sql(admin, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    stopBroker();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
