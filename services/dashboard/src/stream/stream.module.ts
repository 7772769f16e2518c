import { Module, type DynamicModule } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { AlertsConsumer, ChangesConsumer } from './stream.consumer';
import { StreamController } from './stream.controller';
import { STREAM_OPTIONS, type StreamOptions } from './stream.options';
import { StreamStore } from './stream-store.service';
import { StreamRetention } from './stream-retention.service';

@Module({})
export class StreamModule {
  static register(options: StreamOptions): DynamicModule {
    return {
      module: StreamModule,
      global: true,
      imports: [ItemsModule],
      controllers: [StreamController],
      providers: [
        ...(options.consume ? [ChangesConsumer, AlertsConsumer] : []),
        StreamStore,
        StreamRetention,
        { provide: STREAM_OPTIONS, useValue: options },
      ],
      exports: [StreamStore],
    };
  }
}
