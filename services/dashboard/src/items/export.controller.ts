import { Controller, Get, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CLOSED_STATUSES, itemPageUrl, registerFilter, type RegisterFilter } from '@ct/contracts';
import { ZodValidationPipe } from '@ct/platform';
import { AccessGuard } from '@ct/access';
import { publicBase } from '../web/public-base';
import { WEB_OPTIONS, type WebOptions } from '../web/web.options';
import { ItemSnapshotsRepository } from './item-snapshots.repository';

const HEADER = [
  'id',
  'kind',
  'actor',
  'action',
  'status',
  'deadline',
  'due_date',
  'overdue',
  'owner',
  'place',
  'sources',
  'updated_at',
  'link',
];
const CLOSED = new Set<string>(CLOSED_STATUSES);

/**
 * GET /api/export.csv: the register as the page shows it (same filters and
 * sort), every matching row, streamed. RFC 4180 quoting by csv-stringify;
 * cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
@Controller('api')
@UseGuards(AccessGuard)
export class ExportController {
  constructor(
    private readonly items: ItemSnapshotsRepository,
    @Inject(WEB_OPTIONS) private readonly web: WebOptions,
  ) {}

  @Get('export.csv')
  async export(
    @Query(new ZodValidationPipe(registerFilter)) f: RegisterFilter,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const base = publicBase(req, this.web.publicUrl);
    const today = new Date().toISOString().slice(0, 10);
    const items = this.items;
    const rows = Readable.from(
      (async function* () {
        for await (const page of items.matching(f, today)) {
          for (const i of page) {
            yield [
              i.itemId,
              i.kind,
              safe(i.actor),
              safe(i.action),
              i.status,
              i.deadline ?? '',
              i.dueDate ?? '',
              i.dueDate !== null && i.dueDate < today && !CLOSED.has(i.status) ? 'yes' : 'no',
              safe(i.owner ?? ''),
              safe(i.place ?? ''),
              i.sourceCount,
              i.changedAt.toISOString(),
              itemPageUrl(base, i.itemId),
            ];
          }
        }
      })(),
    );
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="commitments-${today}.csv"`);
    // A BOM so that Excel reads UTF-8 (Turkish, German, Russian text) as such.
    res.write('\uFEFF');
    await pipeline(
      rows,
      stringify({ header: true, columns: HEADER, record_delimiter: 'windows' }),
      res,
    );
  }
}

/** Text that begins like a formula (=, +, -, @) would run in a spreadsheet: make it text. */
function safe(s: string): string {
  return /^[=+\-@\t\r]/u.test(s) ? `'${s}` : s;
}
