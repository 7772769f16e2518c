import 'reflect-metadata';
import { eventServiceOptions } from '@ct/messaging';
import { runService } from '@ct/platform';
import { AppModule } from './app.module';
import { loadCommitmentsEnv, SERVICE } from './config/commitments.env';
import { serveDocs } from './docs/openapi';

runService(() => {
  const env = loadCommitmentsEnv();
  return {
    // No Nest Kafka transport here: commitments.extracted is read in batches by ExtractedConsumer.
    ...eventServiceOptions({ service: SERVICE, env, module: AppModule.forRoot(env) }),
    configure: (app) => serveDocs(app, env.OPS_TOKEN),
  };
});
