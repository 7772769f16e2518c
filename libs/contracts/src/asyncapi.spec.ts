import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from './asyncapi';
import { EVENTS } from './registry';
import { TOPIC_SPECS } from './topics';

describe('AsyncAPI document', () => {
  const doc = asyncApiDocument() as {
    asyncapi: string;
    channels: Record<string, { address: string; messages: Record<string, unknown> }>;
    components: { messages: Record<string, { payload: { properties: Record<string, unknown> } }> };
  };

  it('describes every topic and every event type, with the payload schema producers validate', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual(TOPIC_SPECS.map((t) => t.name).sort());
    expect(Object.keys(doc.components.messages).sort()).toEqual(Object.keys(EVENTS).sort());
    expect(
      Object.keys(doc.components.messages['commitment.changed.v1'].payload.properties),
    ).toEqual(expect.arrayContaining(['specversion', 'id', 'type', 'data']));
  });

  it('is what docs/asyncapi.json holds (run `npm run asyncapi` after changing a contract)', () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, '../../../docs/asyncapi.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(doc);
  });
});
