import { Module, type DynamicModule } from '@nestjs/common';
import { PageLinksController } from './page-links.controller';
import { WebConfigController } from './web-config.controller';
import { WEB_OPTIONS, type WebOptions } from './web.options';

/** What the page needs from the server besides its static files (served in main.ts). */
@Module({})
export class WebModule {
  static register(options: WebOptions): DynamicModule {
    return {
      module: WebModule,
      global: true,
      controllers: [WebConfigController, PageLinksController],
      providers: [{ provide: WEB_OPTIONS, useValue: options }],
      exports: [WEB_OPTIONS],
    };
  }
}
