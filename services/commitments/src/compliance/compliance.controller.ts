import { Controller, Get, Query } from '@nestjs/common';
import type { ComplianceReport } from '@ct/contracts';
import { ZodValidationPipe } from '@ct/platform';
import { complianceQuery, type ComplianceQuery } from './compliance.query';
import { ComplianceService } from './compliance.service';

/** Compliance reports: any signed-in user may read them (the guard asks for a credential). */
@Controller('reports')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get('compliance')
  report(
    @Query(new ZodValidationPipe(complianceQuery)) q: ComplianceQuery,
  ): Promise<ComplianceReport> {
    return this.compliance.report(q);
  }
}
