/** The text of a document file and what its format says about it. */
export interface DocumentText {
  text: string;
  title: string | null;
  /** YYYY-MM-DD from the file's own metadata, when it has any. */
  published: string | null;
  mediaType: string;
}

/**
 * A document that cannot be taken in, however often it is sent: the sender
 * gets `status` and the message, the folder and feeds record it as failed.
 */
export abstract class DocumentRefusal extends Error {
  abstract readonly status: number;
  abstract readonly error: string;
}

/** The file's type is not one we read. */
export class UnsupportedFormatError extends DocumentRefusal {
  readonly status = 415;
  readonly error = 'Unsupported Media Type';
}

/** The file claims a format we read but cannot be read as one, or has no text. */
export class UnreadableDocumentError extends DocumentRefusal {
  readonly status = 422;
  readonly error = 'Unprocessable Entity';
}

/** The file or its text is over a size limit, which the message names. */
export class DocumentTooLargeError extends DocumentRefusal {
  readonly status = 413;
  readonly error = 'Payload Too Large';
}

export const MEDIA = {
  text: 'text/plain',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export type Format = keyof typeof MEDIA;

/** A date as YYYY-MM-DD if it parses as one, else null. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/u.exec(value.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
