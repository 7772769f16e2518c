import 'reflect-metadata';
import { eventServiceOptions } from '@ct/messaging';
import { runService } from '@ct/platform';
import { AppModule } from './app.module';
import { loadIngestionEnv, SERVICE } from './config/ingestion.env';

runService(() => {
  const env = loadIngestionEnv();
  return eventServiceOptions({
    service: SERVICE,
    env,
    // No Nest Kafka transport: documents.received is read in batches by ExtractionConsumer.
    module: AppModule.forRoot(env),
    // JSON bodies hold the document text; leave room for its escaping.
    bodyLimit: `${Math.ceil((env.MAX_DOCUMENT_CHARS * 4) / 1024 / 1024) + 1}mb`,
  });
});
