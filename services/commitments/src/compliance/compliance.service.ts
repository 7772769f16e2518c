import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { ComplianceReport } from '@ct/contracts';
import { TrackedItemsRepository } from '../tracked-items/tracked-items.repository';
import { complianceReport } from './compliance';
import { REPORT_MAX_ITEMS, type ComplianceQuery } from './compliance.query';

/** Reads a report's commitments and their history, and judges them (compliance.ts). */
@Injectable()
export class ComplianceService {
  constructor(private readonly items: TrackedItemsRepository) {}

  async report(q: ComplianceQuery, now = new Date()): Promise<ComplianceReport> {
    const today = now.toISOString().slice(0, 10);
    const items = await this.items.reportItems(
      q.document,
      { actor: q.actor, kind: q.kind, dueAfter: q.dueAfter, dueBefore: q.dueBefore, sort: 'due' },
      today,
      REPORT_MAX_ITEMS,
    );
    if (items.length > REPORT_MAX_ITEMS) {
      throw new UnprocessableEntityException(
        `more than ${REPORT_MAX_ITEMS} commitments match; narrow the report (documents, actor, kind or period)`,
      );
    }
    const history = await this.items.reportHistory(items.map((i) => i.id));
    return complianceReport(
      {
        documents: q.document,
        actor: q.actor ?? null,
        kind: q.kind ?? null,
        dueAfter: q.dueAfter ?? null,
        dueBefore: q.dueBefore ?? null,
      },
      items.map((i) => ({
        id: i.id,
        reference: i.reference ?? null,
        kind: i.kind,
        actor: i.actor,
        action: i.action,
        status: i.status,
        deadline: i.deadline,
        dueDate: i.dueDate,
        owner: i.owner,
        createdAt: i.createdAt,
        documents: i.documents,
      })),
      history.map((h) => ({
        itemId: h.itemId,
        at: h.at,
        by: h.by,
        field: h.field,
        from: h.fromValue,
        to: h.toValue,
        note: h.note,
      })),
      now,
    );
  }
}
