import 'reflect-metadata';
import { eventServiceOptions } from '@ct/messaging';
import { runService } from '@ct/platform';
import { AppModule } from './app.module';
import { CONSUMER_GROUP, loadCommitmentsEnv, SERVICE } from './config/commitments.env';
import { serveDocs } from './docs/openapi';

runService(() => {
  const env = loadCommitmentsEnv();
  return {
    ...eventServiceOptions({
      service: SERVICE,
      env,
      module: AppModule.forRoot(env),
      groupId: CONSUMER_GROUP,
    }),
    configure: serveDocs,
  };
});
