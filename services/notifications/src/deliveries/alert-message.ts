import { itemPageUrl, type AlertRaisedData } from '@ct/contracts';

/** How far away the due date is, in words. */
export function distance(days: number): string {
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 1) return `due in ${days} days`;
  return days === -1 ? 'overdue by 1 day' : `overdue by ${-days} days`;
}

/** The subject and plain-text body of an alert email. */
export function alertEmail(
  a: AlertRaisedData,
  dashboardUrl: string,
): { subject: string; text: string } {
  const when = distance(a.daysUntilDue);
  const what = a.kind === 'event' ? 'Event' : a.kind === 'pledge' ? 'Pledge' : 'Mandate';
  const subject = `${when[0].toUpperCase()}${when.slice(1)}: ${a.actor} — ${truncate(a.action, 80)}`;
  const text = [
    `${what}: ${a.action}`,
    `Actor: ${a.actor}`,
    `Due: ${a.dueDate} (${when})`,
    ...(a.owner ? [`Owner: ${a.owner}`] : []),
    ...(a.late
      ? ['(This alert is late: the alert service was unavailable when it fell due.)']
      : []),
    '',
    `Open it: ${itemPageUrl(dashboardUrl, a.itemId)}`,
    '',
    `You receive this because of a subscription or because you own the item. Alert ${a.alertKey}.`,
  ].join('\n');
  return { subject, text };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
