import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule, ServiceHealthModule } from '@ct/messaging';
import { typeOrmRoot } from '@ct/persistence';
import { loggingModule } from '@ct/platform';
import { CONSUMER_GROUP, SCHEMA, SERVICE, type IngestionEnv } from './config/ingestion.env';
import { ingestionDataSourceOptions } from './database/data-source';
import { DocumentsModule } from './documents/documents.module';
import { ExtractionModule } from './extraction/extraction.module';

@Module({})
export class AppModule {
  static forRoot(env: IngestionEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(SERVICE, env.LOG_LEVEL),
        typeOrmRoot(ingestionDataSourceOptions(env.DATABASE_URL), env.DB_MIGRATIONS_RUN),
        MessagingModule.forRoot({
          service: SERVICE,
          brokers: env.KAFKA_BROKERS,
          groupId: CONSUMER_GROUP,
          outboxSchema: SCHEMA,
        }),
        ServiceHealthModule.forRoot({ database: true }),
        DocumentsModule.register({ maxChars: env.MAX_DOCUMENT_CHARS }),
        ExtractionModule,
      ],
    };
  }
}
