import { KUSTOMIZATIONS, missingEnv, serviceContainerEnv, SET_IN_CLUSTER } from '@ct/testing';
import { commitmentsEnv, SERVICE } from './commitments.env';

describe('commitments on Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('deploy/kubernetes/%s sets every variable the service needs', (dir) => {
    const env = serviceContainerEnv(dir, SERVICE);
    expect(missingEnv(commitmentsEnv, env)).toEqual([]);
    // Defaults that only fit one machine, and what this service needs to be of use.
    const needed = [
      ...SET_IN_CLUSTER,
      'PORT',
      'JWT_PRIVATE_KEY',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
      'CORS_ORIGINS',
    ];
    expect(needed.filter((k) => !env.has(k))).toEqual([]);
  });
});
