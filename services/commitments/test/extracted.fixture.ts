import { COMMITMENT_EXTRACTED, wrap, type DataOf, type EventOf } from '@ct/contracts';

let seq = 0;
/** A commitment.extracted event as ingestion would send it; `over` changes any field. */
export function extracted(
  over: Partial<DataOf<typeof COMMITMENT_EXTRACTED>>,
  id = `test-${++seq}-${Date.now()}`,
): EventOf<typeof COMMITMENT_EXTRACTED> {
  return wrap(
    COMMITMENT_EXTRACTED,
    {
      documentId: '00000000-0000-4000-8000-000000000001',
      index: 0,
      kind: 'mandate',
      actor: 'the Secretariat',
      action: 'prepare a report on transport corridors',
      evidence: { text: 'instruct the Secretariat to prepare a report', start: 0, end: 44 },
      deadline: null,
      deadlineSource: 'none',
      language: 'en',
      confidence: 0.9,
      published: '2024-07-06',
      engine: { name: 'rules', version: '1.0.0' },
      meeting: null,
      dependsOn: null,
      ...over,
    },
    { source: '/test', id },
  );
}
