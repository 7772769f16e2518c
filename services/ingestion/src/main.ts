import 'reflect-metadata';
import { ensureTopics, kafkaConsumerTransport } from '@ct/messaging';
import { runService } from '@ct/platform';
import { AppModule } from './app.module';
import { CONSUMER_GROUP, loadIngestionEnv, SERVICE } from './config/ingestion.env';

runService(() => {
  const env = loadIngestionEnv();
  return {
    service: SERVICE,
    module: AppModule.forRoot(env),
    host: env.HOST,
    port: env.PORT,
    // JSON bodies hold the document text; leave room for its escaping.
    bodyLimit: `${Math.ceil((env.MAX_DOCUMENT_CHARS * 4) / 1024 / 1024) + 1}mb`,
    prepare: () => ensureTopics(env.KAFKA_BROKERS, undefined, `${SERVICE}-admin`),
    microservice: kafkaConsumerTransport({
      service: SERVICE,
      brokers: env.KAFKA_BROKERS,
      groupId: CONSUMER_GROUP,
    }),
  };
});
