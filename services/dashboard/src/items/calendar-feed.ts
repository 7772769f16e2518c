import ical, { ICalEventStatus } from 'ical-generator';
import type { ItemSnapshot } from './item-snapshots.repository';

const KIND_LABEL: Record<string, string> = { mandate: 'Due', pledge: 'Pledge due', event: '' };

/**
 * An iCalendar feed (RFC 5545) of deadlines and summits: one all-day event on
 * each item's due date. UID and SEQUENCE follow the item and its version, so
 * a subscribed calendar moves an event when its deadline moves instead of
 * adding another.
 */
export function calendarFeed(
  items: ItemSnapshot[],
  o: { name: string; itemUrl: (id: string) => string },
): string {
  const cal = ical({
    name: o.name,
    prodId: { company: 'commitment-tracker', product: 'deadlines', language: 'EN' },
    // Calendar clients poll subscribed feeds; this asks for hourly.
    ttl: 3600,
  });
  for (const i of items) {
    if (!i.dueDate || i.status === 'retracted') continue;
    const label = KIND_LABEL[i.kind] ?? '';
    const start = new Date(`${i.dueDate}T00:00:00Z`);
    cal.createEvent({
      id: `${i.itemId}@commitment-tracker`,
      sequence: i.version,
      start,
      allDay: true,
      summary: label ? `${label}: ${i.actor} — ${i.action}` : `${i.action} (${i.actor})`,
      description: [
        `Status: ${i.status.replace('_', ' ')}`,
        i.deadline && i.deadline !== i.dueDate ? `Deadline as declared: ${i.deadline}` : null,
        i.owner ? `Owner: ${i.owner}` : null,
        o.itemUrl(i.itemId),
      ]
        .filter(Boolean)
        .join('\n'),
      location: i.place ?? undefined,
      url: o.itemUrl(i.itemId),
      status: i.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: i.changedAt,
      lastModified: i.changedAt,
    });
  }
  return cal.toString();
}
