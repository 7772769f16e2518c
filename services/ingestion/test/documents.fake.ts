import type { Transaction } from '@ct/persistence';
import type { DocumentsRepository, NewDocument } from '../src/documents/documents.repository';
import type { DocumentEntity } from '../src/documents/entities/document.entity';

export const TX = {} as Transaction;

/** The documents repository in memory, for the ingestion services' unit specs. */
export class InMemoryDocuments {
  readonly docs = new Map<string, DocumentEntity>();
  readonly corrections: {
    id: string;
    by: string;
    field: string;
    from: string | null;
    to: string | null;
  }[] = [];
  readonly reads: { documentId: string; engine: string; commitments: number }[] = [];
  private n = 0;

  asRepository(): DocumentsRepository {
    return this as unknown as DocumentsRepository;
  }

  add(over: Partial<DocumentEntity> = {}): DocumentEntity {
    const id = `00000000-0000-4000-8000-${String(++this.n).padStart(12, '0')}`;
    const doc = {
      id,
      title: null,
      text: 'The ministers agreed to set up a joint council by 2027.',
      language: 'en',
      published: '2026-02-10',
      publishedPrecision: 'day',
      revision: 0,
      sourceUrl: null,
      mediaType: 'text/plain',
      origin: 'api',
      receivedBy: null,
      fileName: null,
      fileHash: null,
      contentHash: `hash-${id}`,
      receivedAt: new Date(Date.UTC(2026, 1, this.n)),
      extractedAt: null,
      engineVersion: null,
      commitmentCount: null,
      ...over,
    } as DocumentEntity;
    this.docs.set(id, doc);
    return doc;
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return work(TX);
  }

  async findOne(id: string) {
    return this.docs.get(id) ?? null;
  }

  async lockOne(_tx: Transaction, id: string) {
    const doc = this.docs.get(id);
    return doc ? { ...doc } : null;
  }

  async findMany(_tx: Transaction, ids: string[]) {
    return ids.flatMap((id) => (this.docs.has(id) ? [{ ...this.docs.get(id)! }] : []));
  }

  async insertOnce(_tx: Transaction, doc: NewDocument) {
    const same = [...this.docs.values()].find((d) => d.contentHash === doc.contentHash);
    if (same) return { id: same.id, duplicate: true };
    return { id: this.add(doc).id, duplicate: false };
  }

  async markRead(
    _tx: Transaction,
    _at: Date,
    readings: { documentId: string; engine: string; commitments: number }[],
  ) {
    this.reads.push(
      ...readings.map(({ documentId, engine, commitments }) => ({
        documentId,
        engine,
        commitments,
      })),
    );
  }

  async receivedPage(
    since: string | null,
    after: { at: string; id: string } | null,
    limit: number,
  ) {
    return [...this.docs.values()]
      .filter((d) => !since || d.receivedAt.toISOString().slice(0, 10) >= since)
      .map((d) => ({ id: d.id, at: d.receivedAt.toISOString() }))
      .filter((d) => !after || d.at > after.at || (d.at === after.at && d.id > after.id))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  async correct(
    _tx: Transaction,
    doc: DocumentEntity,
    by: string,
    changes: { field: string; from: string | null; to: string | null }[],
  ) {
    this.docs.set(doc.id, { ...doc });
    for (const c of changes) this.corrections.push({ id: doc.id, by, ...c });
  }
}
