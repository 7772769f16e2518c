import { KUSTOMIZATIONS, unsetInManifests } from '@ct/testing';
import { commitmentsEnv, SERVICE } from './commitments.env';

describe('commitments on Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('deploy/kubernetes/%s sets every variable the service needs', (dir) => {
    expect(
      unsetInManifests(dir, SERVICE, commitmentsEnv, [
        'JWT_PRIVATE_KEY',
        'ADMIN_EMAIL',
        'ADMIN_PASSWORD',
        'CORS_ORIGINS',
      ]),
    ).toEqual([]);
  });
});
