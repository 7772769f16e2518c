import { Controller, Get } from '@nestjs/common';
import { asyncApiDocument } from '@ct/contracts';

/** The AsyncAPI 3.0 description of every topic and event, for teams building their own dashboards. */
@Controller()
export class AsyncApiController {
  private readonly document = asyncApiDocument();

  @Get('asyncapi.json')
  get(): Record<string, unknown> {
    return this.document;
  }
}
