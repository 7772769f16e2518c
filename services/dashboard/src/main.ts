import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventServiceOptions } from '@ct/messaging';
import { runService } from '@ct/platform';
import { AppModule } from './app.module';
import { loadDashboardEnv, SERVICE } from './config/dashboard.env';
import { securityHeaders } from './web/security-headers';

// dist/services/dashboard/src/main.js → dist/web, where `npm run build` puts the page.
const BUILT_WEB = join(__dirname, '..', '..', '..', 'web');

runService(() => {
  const env = loadDashboardEnv();
  const webDir = env.WEB_DIR ?? BUILT_WEB;
  if (!existsSync(join(webDir, 'index.html'))) {
    throw new Error(`no web page in ${webDir}: run npm run build (or set WEB_DIR)`);
  }
  return {
    ...eventServiceOptions({
      service: SERVICE,
      env,
      module: AppModule.forRoot(env),
    }),
    configure: (app) => {
      app.use(securityHeaders([env.COMMITMENTS_URL, env.INGESTION_URL, env.NOTIFICATIONS_URL]));
      (app as NestExpressApplication).useStaticAssets(webDir, {
        index: 'index.html',
        // Bundles have content hashes in their names; the page itself must be revalidated.
        setHeaders: (res, path) =>
          res.setHeader(
            'cache-control',
            path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
          ),
      });
    },
  };
});
