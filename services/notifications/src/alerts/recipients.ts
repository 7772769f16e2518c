import type { Recipient } from '../deliveries/channels';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/**
 * Each alert's recipients: its matching subscribers, and the item's owner
 * when the owner is an email address (once, even if also a subscriber).
 * Without an SMTP server there is no email to send, so email recipients are
 * left out (the service says so once at start-up).
 */
export function recipientsOf(
  alerts: { key: string; owner: string | null }[],
  subscribers: (Recipient & { key: string })[],
  opts: { email: boolean },
): Map<string, Recipient[]> {
  const out = new Map<string, Recipient[]>(alerts.map((a) => [a.key, []]));
  for (const { key, ...to } of subscribers) out.get(key)?.push(to);
  for (const alert of alerts) {
    const list = out.get(alert.key)!;
    const owner = alert.owner?.trim();
    if (
      owner &&
      EMAIL.test(owner) &&
      !list.some((s) => s.channel === 'email' && s.target === owner)
    ) {
      list.push({ channel: 'email', target: owner, secret: null });
    }
    if (!opts.email)
      out.set(
        alert.key,
        list.filter((s) => s.channel !== 'email'),
      );
  }
  return out;
}
