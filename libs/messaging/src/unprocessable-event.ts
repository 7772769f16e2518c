/**
 * Thrown by a handler for a valid event that can never be processed here,
 * however often it is retried (for example one that names a document this
 * service never stored). The consumer dead-letters it at once instead of
 * holding its partition through the retries.
 */
export class UnprocessableEventError extends Error {}
