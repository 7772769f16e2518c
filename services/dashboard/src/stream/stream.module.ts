import { Module, type DynamicModule } from '@nestjs/common';
import { Transactions } from '@ct/persistence';
import { ItemsModule } from '../items/items.module';
import { AlertsConsumer, ChangesConsumer } from './stream.consumer';
import { StreamController } from './stream.controller';
import { STREAM_OPTIONS, type StreamOptions } from './stream.options';
import { StreamEventsRepository } from './stream-events.repository';
import { StreamRetention } from './stream-retention.service';
import { StreamWriter } from './stream-writer';

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
        StreamEventsRepository,
        StreamWriter,
        StreamRetention,
        Transactions,
        { provide: STREAM_OPTIONS, useValue: options },
      ],
      exports: [StreamEventsRepository],
    };
  }
}
