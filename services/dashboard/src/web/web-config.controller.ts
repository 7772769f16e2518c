import { Controller, Get, Header, Inject } from '@nestjs/common';
import { WEB_OPTIONS, type WebOptions } from './web.options';

/** GET /config.json: where the page finds the services it calls. */
@Controller()
export class WebConfigController {
  constructor(@Inject(WEB_OPTIONS) private readonly options: WebOptions) {}

  @Get('config.json')
  @Header('cache-control', 'no-cache')
  config() {
    return {
      commitmentsUrl: this.options.commitmentsUrl,
      ingestionUrl: this.options.ingestionUrl,
      notificationsUrl: this.options.notificationsUrl,
    };
  }
}
