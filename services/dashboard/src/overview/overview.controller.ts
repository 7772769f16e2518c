import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import {
  ALERT_RAISED,
  COMMITMENT_CHANGED,
  type OverviewView,
  type StreamedEvent,
} from '@ct/contracts';
import { AccessGuard } from '@ct/access';
import { StreamEventsRepository } from '../stream/stream-events.repository';
import { ItemSnapshotsRepository } from '../items/item-snapshots.repository';

const UPCOMING = 60;
const RECENT = 25;

/**
 * GET /api/overview: counts by status and kind, the next deadlines and the
 * latest events, with the stream position they were read at, so that the
 * page's live stream starts exactly where this picture ends.
 */
@Controller('api')
@UseGuards(AccessGuard)
export class OverviewController {
  constructor(
    private readonly items: ItemSnapshotsRepository,
    private readonly stream: StreamEventsRepository,
  ) {}

  @Get('overview')
  @Header('cache-control', 'no-store')
  async overview(): Promise<OverviewView> {
    const today = new Date().toISOString().slice(0, 10);
    // Read the position first: an event that lands meanwhile is streamed again, never missed.
    const lastEventId = await this.stream.latest();
    const [overview, recent] = await Promise.all([
      this.items.overview(today, UPCOMING),
      this.stream.recent([COMMITMENT_CHANGED, ALERT_RAISED], RECENT),
    ]);
    return {
      today,
      lastEventId,
      ...overview,
      // Only these two types were asked for, so the payloads are their envelopes.
      recent: recent.map((e) => ({ id: e.seq, type: e.type, event: e.payload as StreamedEvent })),
    };
  }
}
