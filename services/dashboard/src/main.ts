import 'reflect-metadata';
import { eventServiceOptions } from '@ct/messaging';
import { runService } from '@ct/platform';
import { AppModule } from './app.module';
import { CONSUMER_GROUP, loadDashboardEnv, SERVICE } from './config/dashboard.env';

runService(() => {
  const env = loadDashboardEnv();
  return eventServiceOptions({
    service: SERVICE,
    env,
    module: AppModule.forRoot(env),
    groupId: CONSUMER_GROUP,
  });
});
