import { Module, type DynamicModule } from '@nestjs/common';
import { serviceInfrastructure } from '@ct/messaging';
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
        ...serviceInfrastructure({
          service: SERVICE,
          env,
          groupId: CONSUMER_GROUP,
          database: {
            options: ingestionDataSourceOptions(env.DATABASE_URL),
            schema: SCHEMA,
            migrate: env.DB_MIGRATIONS_RUN,
          },
        }),
        DocumentsModule.register({ maxChars: env.MAX_DOCUMENT_CHARS }),
        ExtractionModule,
      ],
    };
  }
}
