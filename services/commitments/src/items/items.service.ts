import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { CommitmentStatus } from '@ct/contracts';
import { OutboxRelay } from '@ct/messaging';
import { Transactions, type Transaction } from '@ct/persistence';
import {
  plainCorrections,
  type ItemCorrection,
  type PlainCorrection,
} from './dto/item-queries.dto';
import { mayChange, type Principal } from '../auth/principal';
import { RegisterService } from '../register/register.service';
import type { TrackedItemEntity } from '../tracked-items/entities/tracked-item.entity';
import { setDeadline, type FieldChange } from '../tracked-items/item-state';
import { allowedNext } from '../tracked-items/lifecycle';
import { TrackedItemsRepository } from '../tracked-items/tracked-items.repository';

/** What coordinators do to items: status, owner, corrections, comments. */
@Injectable()
export class ItemsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly items: TrackedItemsRepository,
    private readonly register: RegisterService,
    private readonly relay: OutboxRelay,
  ) {}

  changeStatus(who: Principal, id: string, status: CommitmentStatus, note?: string) {
    return this.write(who, id, async (m, item) => {
      if (item.status === status) return item;
      const allowed = allowedNext(item.kind, item.status);
      if (!allowed.includes(status)) {
        throw new ConflictException(
          `a ${item.kind} cannot go from "${item.status}" to "${status}"; allowed: ${allowed.length ? allowed.join(', ') : 'none (final status)'}`,
        );
      }
      const from = item.status;
      item.status = status;
      return this.items.commit(m, item, 'status_changed', [{ field: 'status', from, to: status }], {
        by: who.name,
        note,
      });
    });
  }

  assignOwner(who: Principal, id: string, owner: string | null, note?: string) {
    return this.write(who, id, async (m, item) => {
      if (item.owner === owner) return item;
      const from = item.owner;
      item.owner = owner;
      return this.items.commit(m, item, 'owner_changed', [{ field: 'owner', from, to: owner }], {
        by: who.name,
        note,
      });
    });
  }

  /** A hand correction of the action, the deadline or a plain field; later extractions will not overwrite it. */
  correct(who: Principal, id: string, body: ItemCorrection) {
    return this.write(who, id, async (m, item) => {
      const fields: FieldChange[] = [];
      if (body.action !== undefined && body.action !== item.action) {
        fields.push({ field: 'action', from: item.action, to: body.action });
        item.action = body.action;
        item.actionManual = true;
      }
      if (body.deadline !== undefined && body.deadline !== item.deadline) {
        fields.push({ field: 'deadline', from: item.deadline, to: body.deadline });
        setDeadline(item, body.deadline);
        item.deadlineManual = true;
        item.deadlineSource = body.deadline === null ? 'none' : 'explicit';
      }
      for (const field of Object.keys(plainCorrections) as PlainCorrection[]) {
        const to = body[field];
        // An optional column (one registration does not set) may be absent: null.
        const from = item[field] ?? null;
        if (to === undefined || to === from) continue;
        fields.push({ field, from, to });
        item[field] = to;
      }
      if (fields.length === 0) return item;
      const change = fields.some((f) => f.field === 'deadline') ? 'deadline_changed' : 'updated';
      const saved = await this.items.commit(m, item, change, fields, {
        by: who.name,
        note: body.note ?? 'manual correction',
      });
      if (saved.kind === 'event' && fields.some((f) => f.field === 'deadline'))
        await this.register.moveDependents(m, saved);
      return saved;
    });
  }

  comment(who: Principal, id: string, body: string) {
    return this.write(who, id, async (m, item) => {
      await this.items.addComment(m, item.id, who.name, body);
      return item;
    });
  }

  /** Lock the item, check the caller may change it, apply, and relay the event. */
  private async write(
    who: Principal,
    id: string,
    apply: (m: Transaction, item: TrackedItemEntity) => Promise<TrackedItemEntity>,
  ): Promise<TrackedItemEntity> {
    const result = await this.transactions.run(async (m) => {
      const item = await this.items.lockOne(m, id);
      if (!item) throw new NotFoundException(`item ${id} not found`);
      if (!mayChange(who, item)) {
        throw new ForbiddenException(
          who.role === 'coordinator'
            ? `you coordinate ${who.actors.length ? who.actors.join(', ') : 'no actors'}, not "${item.actor}"`
            : `the ${who.role} role cannot change items`,
        );
      }
      return apply(m, item);
    });
    this.relay.nudge();
    return result;
  }
}
