import { KUSTOMIZATIONS, unsetInManifests } from '@ct/testing';
import { dashboardEnv, SERVICE } from './dashboard.env';

describe('dashboard on Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('deploy/kubernetes/%s sets every variable the service needs', (dir) => {
    expect(
      unsetInManifests(dir, SERVICE, dashboardEnv, [
        'COMMITMENTS_URL',
        'INGESTION_URL',
        'NOTIFICATIONS_URL',
        'PUBLIC_URL',
        'CORS_ORIGINS',
      ]),
    ).toEqual([]);
  });
});
