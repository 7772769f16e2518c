import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { Topics } from '../topics';
import { calendarDate, commitmentKind } from './common';

/**
 * Deadline alerts, all on one topic keyed by item id. An alert is identified
 * by its key `<item>:<reason>:<due date>`: raised once, then delivered (or
 * failed) once per recipient.
 */
export const ALERT_RAISED = 'alert.raised.v1';
export const ALERT_DELIVERED = 'alert.delivered.v1';
export const ALERT_FAILED = 'alert.failed.v1';

/** before:30d, before:7d, before:1d (configurable), due, overdue:1, overdue:2, … */
export const alertReason = z.string().regex(/^(before:\d+d|due|overdue:\d+)$/, 'alert reason');
const channel = z.enum(['email', 'webhook']);

export const alertRaisedData = z.object({
  alertKey: z.string().min(1),
  itemId: z.uuid(),
  reason: alertReason,
  dueDate: calendarDate,
  /** Days from the day it was raised to the due date; negative when overdue. */
  daysUntilDue: z.number().int(),
  fireAt: z.iso.datetime(),
  raisedAt: z.iso.datetime(),
  /** Raised after its time (the service was down when it fell due). */
  late: z.boolean(),
  kind: commitmentKind,
  actor: z.string(),
  action: z.string(),
  owner: z.string().nullable(),
  recipients: z.number().int().nonnegative(),
});
export type AlertRaisedData = z.infer<typeof alertRaisedData>;

/**
 * Streamed to every signed-in user, so a delivery is named by a reference
 * (`webhook:<12 hex>`, `email:<12 hex>`; a subscriber sees their own in GET
 * /subscriptions), never by its address, and a failure by its kind, never by
 * the receiver's words.
 */
const recipientRef = z.string().max(100);

export const alertDeliveredData = z.object({
  alertKey: z.string().min(1),
  itemId: z.uuid(),
  channel,
  target: recipientRef,
  attempts: z.number().int().positive(),
  deliveredAt: z.iso.datetime(),
});
export type AlertDeliveredData = z.infer<typeof alertDeliveredData>;

export const alertFailedData = z.object({
  alertKey: z.string().min(1),
  itemId: z.uuid(),
  channel,
  target: recipientRef,
  attempts: z.number().int().positive(),
  /** What kind of failure: "receiver answered 503", "timed out", "target refused by the egress policy" … */
  error: z.string().max(200),
  failedAt: z.iso.datetime(),
});
export type AlertFailedData = z.infer<typeof alertFailedData>;

export const alertRaisedEvent = {
  type: ALERT_RAISED,
  topic: Topics.alerts,
  schema: envelopeSchema(ALERT_RAISED, alertRaisedData),
  key: (d: AlertRaisedData) => d.itemId,
} as const;
export const alertDeliveredEvent = {
  type: ALERT_DELIVERED,
  topic: Topics.alerts,
  schema: envelopeSchema(ALERT_DELIVERED, alertDeliveredData),
  key: (d: AlertDeliveredData) => d.itemId,
} as const;
export const alertFailedEvent = {
  type: ALERT_FAILED,
  topic: Topics.alerts,
  schema: envelopeSchema(ALERT_FAILED, alertFailedData),
  key: (d: AlertFailedData) => d.itemId,
} as const;
