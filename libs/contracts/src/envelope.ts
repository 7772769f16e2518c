import { z } from 'zod';

/**
 * The envelope every event travels in. Attribute names follow CloudEvents 1.0
 * (structured JSON mode), so off-the-shelf CloudEvents tooling can read our topics.
 */
export const SPEC_VERSION = '1.0';
export const DATA_CONTENT_TYPE = 'application/json';

export function envelopeSchema<TType extends string, TData extends z.ZodType>(
  type: TType,
  data: TData,
) {
  return z.object({
    specversion: z.literal(SPEC_VERSION),
    id: z.string().min(1).max(200),
    source: z.string().min(1).max(500),
    type: z.literal(type),
    time: z.iso.datetime({ offset: true }),
    subject: z.string().min(1).max(500).optional(),
    datacontenttype: z.literal(DATA_CONTENT_TYPE),
    data,
  });
}

export interface Envelope<TType extends string, TData> {
  specversion: typeof SPEC_VERSION;
  id: string;
  source: string;
  type: TType;
  time: string;
  subject?: string;
  datacontenttype: typeof DATA_CONTENT_TYPE;
  data: TData;
}

export interface EnvelopeInit {
  source: string;
  subject?: string;
  id?: string;
  time?: Date;
}

export function wrap<TType extends string, TData>(
  type: TType,
  data: TData,
  init: EnvelopeInit,
): Envelope<TType, TData> {
  return {
    specversion: SPEC_VERSION,
    id: init.id ?? globalThis.crypto.randomUUID(),
    source: init.source,
    type,
    time: (init.time ?? new Date()).toISOString(),
    ...(init.subject ? { subject: init.subject } : {}),
    datacontenttype: DATA_CONTENT_TYPE,
    data,
  };
}
