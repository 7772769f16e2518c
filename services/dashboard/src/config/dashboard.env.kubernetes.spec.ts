import { KUSTOMIZATIONS, missingEnv, serviceContainerEnv, SET_IN_CLUSTER } from '@ct/testing';
import { dashboardEnv, SERVICE } from './dashboard.env';

describe('dashboard on Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('deploy/kubernetes/%s sets every variable the service needs', (dir) => {
    const env = serviceContainerEnv(dir, SERVICE);
    expect(missingEnv(dashboardEnv, env)).toEqual([]);
    // Defaults that only fit one machine, and what this service needs to be of use.
    const needed = [
      ...SET_IN_CLUSTER,
      'PORT',
      'COMMITMENTS_URL',
      'INGESTION_URL',
      'NOTIFICATIONS_URL',
      'PUBLIC_URL',
      'CORS_ORIGINS',
    ];
    expect(needed.filter((k) => !env.has(k))).toEqual([]);
  });
});
