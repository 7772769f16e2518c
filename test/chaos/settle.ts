import { consumerLag, queryRows, SYSTEM_SUBSCRIPTIONS } from '@ct/testing';
import type { Corpus } from './corpus';
import type { Received } from './receivers';

/**
 * Wait until the system has settled on a corpus: every consumer group has
 * read everything, every commitment is an item, and both receivers got every
 * alert due (commitments whose deadline has passed); or `timeoutMs` passed.
 * Then waits 2 s more, so that anything late (a duplicate) shows.
 */
export async function waitToSettle(o: {
  brokers: string[];
  dbUrl: string;
  corpus: Corpus;
  receivers: { got: Received }[];
  timeoutMs: number;
}): Promise<{ lag: number; settledMs: number; expectedItems: number; expectedAlerts: number }> {
  // The alert windows (30, 7, 1 days and the day) reach 30 days ahead: a deadline inside
  // them is alerted at once, for the window it was found in, as an overdue one is.
  const windowEnd = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const expectedItems = o.corpus.commitments.size;
  const expectedAlerts = [...o.corpus.commitments.values()].filter(
    (c) => c.deadline <= windowEnd,
  ).length;
  const started = Date.now();
  let lag = -1;
  for (;;) {
    lag = await consumerLag(o.brokers, SYSTEM_SUBSCRIPTIONS).catch(() => -1);
    const [{ n: items }] = await queryRows<{ n: number }>(
      o.dbUrl,
      'SELECT count(*)::int AS n FROM commitments.tracked_items',
    );
    const done =
      lag === 0 &&
      items >= expectedItems &&
      o.receivers.every((r) => r.got.byAlert.size >= expectedAlerts);
    if (done || Date.now() - started > o.timeoutMs) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const settledMs = Date.now() - started;
  await new Promise((r) => setTimeout(r, 2000));
  return { lag, settledMs, expectedItems, expectedAlerts };
}
