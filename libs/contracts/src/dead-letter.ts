/**
 * A dead-lettered message keeps its original bytes as value and key; why and
 * where it failed travels in these headers.
 */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** Longest reason kept in a header; validation reports can be long. */
export const MAX_REASON_LENGTH = 2000;
