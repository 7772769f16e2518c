export type CommitmentKind = 'mandate' | 'pledge' | 'event';
export type DeadlineSource = 'explicit' | 'resolved' | 'none';
export type LanguageCode = 'en' | 'tr' | 'de' | 'ru';

export interface ExtractionInput {
  text: string;
  /** ISO 639-1 code when the caller knows it; detected otherwise. */
  language?: string | null;
  /** Publication date (YYYY-MM-DD), the reference for relative deadlines. */
  published?: string | null;
}

/** A meeting as the text names it: canonical English noun, ordinal, place (gazetteer name when known). */
export interface MeetingDescriptor {
  noun: string;
  ordinal: number | null;
  place: string | null;
}

export interface ExtractedCommitment {
  kind: CommitmentKind;
  /** Who must act, as shown: the text's words, with the states a collective reference stands for. */
  actor: string;
  /** The canonical actors (@ct/actors keys: "KZ", "OTS", "OTS/secretariat") the register compares. */
  actorKeys: string[];
  action: string;
  evidence: { text: string; start: number; end: number };
  deadline: string | null;
  deadlineSource: DeadlineSource;
  confidence: number;
  /** For an event: which meeting it is. */
  meeting: MeetingDescriptor | null;
  /** For a deadline resolved from another announced meeting: that meeting. */
  dependsOn: MeetingDescriptor | null;
  /** Which rules fired, for explaining a result. */
  rules: string[];
}

export interface ExtractionResult {
  language: string;
  commitments: ExtractedCommitment[];
  engine: { name: string; version: string };
  /** The engine's time budget ran out before the end of the text: later clauses were not read. */
  truncated?: boolean;
}

/** A commitment extraction backend. The default is offline and rule-based. */
export interface Extractor {
  readonly name: string;
  readonly version: string;
  extract(input: ExtractionInput): ExtractionResult;
}
