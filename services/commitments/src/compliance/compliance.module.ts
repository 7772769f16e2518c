import { Module } from '@nestjs/common';
import { TrackedItemsRepository } from '../tracked-items/tracked-items.repository';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';

@Module({
  controllers: [ComplianceController],
  providers: [TrackedItemsRepository, ComplianceService],
})
export class ComplianceModule {}
