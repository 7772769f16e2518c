import 'reflect-metadata';
import { eventServiceOptions } from '@ct/messaging';
import { runService } from '@ct/platform';
import { AppModule } from './app.module';
import { loadNotificationsEnv, SERVICE } from './config/notifications.env';

runService(() => {
  const env = loadNotificationsEnv();
  return eventServiceOptions({
    service: SERVICE,
    env,
    module: AppModule.forRoot(env),
  });
});
