import { createHash } from 'node:crypto';

/**
 * How a delivery is named in events every signed-in user can stream: by a
 * reference, never by its address. A subscriber finds the reference of their
 * own subscription in GET /subscriptions; nobody else learns where alerts go.
 */
export function recipientRef(channel: string, target: string): string {
  return `${channel}:${createHash('sha256').update(`${channel}\n${target}`).digest('hex').slice(0, 12)}`;
}

/**
 * A failure as events tell it: what kind of failure, without the receiver's
 * own words (which may name hosts, paths or internals). The full text stays
 * in the deliveries table.
 */
export function failureKind(message: string): string {
  if (/outbound requests reach public addresses only|not a URL|only http/u.test(message)) {
    return 'target refused by the egress policy';
  }
  if (/redirects are not followed/u.test(message)) return 'receiver redirected';
  const status = /answered (\d{3})/u.exec(message)?.[1];
  if (status) return `receiver answered ${status}`;
  if (/within \d+ ms|timed? ?out|ETIMEDOUT/iu.test(message)) return 'timed out';
  if (/larger than the limit/u.test(message)) return 'answer too large';
  if (/SMTP|smtp|mail/u.test(message)) return 'mail server refused or unreachable';
  return 'receiver unreachable';
}
