import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { Topics } from '../topics';
import {
  calendarDate,
  canonicalActorKey,
  commitmentKind,
  deadlineSource,
  languageCode,
  partialIsoDate,
} from './common';

/** One commitment found in one document by one run of the extraction engine. */
export const COMMITMENT_EXTRACTED = 'commitment.extracted.v1';

export const meetingDescriptor = z.object({
  noun: z.string().min(1).max(100),
  ordinal: z.number().int().positive().nullable(),
  place: z.string().min(1).max(200).nullable(),
});

export const commitmentExtractedData = z.object({
  documentId: z.uuid(),
  /** Position of the commitment within this extraction run (0-based). */
  index: z.number().int().nonnegative(),
  kind: commitmentKind,
  actor: z.string().min(1).max(500),
  /** The actor's canonical registry keys ("KZ", "OTS/secretariat"); absent from older producers. */
  actorKeys: z.array(canonicalActorKey).max(50).optional(),
  action: z.string().min(1).max(2000),
  evidence: z.object({
    text: z.string().min(1).max(2000),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  deadline: partialIsoDate.nullable(),
  deadlineSource: deadlineSource,
  language: languageCode,
  confidence: z.number().min(0).max(1),
  published: calendarDate.nullable(),
  engine: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  /** For an event: which meeting (lets documents in other languages be matched to it). */
  meeting: meetingDescriptor.nullable().optional(),
  /** For a deadline resolved from an announced meeting: that meeting (a dependency). */
  dependsOn: meetingDescriptor.nullable().optional(),
});
export type CommitmentExtractedData = z.infer<typeof commitmentExtractedData>;

export const commitmentExtractedEvent = {
  type: COMMITMENT_EXTRACTED,
  topic: Topics.commitmentExtracted,
  schema: envelopeSchema(COMMITMENT_EXTRACTED, commitmentExtractedData),
  key: (d: CommitmentExtractedData) => d.documentId,
} as const;
