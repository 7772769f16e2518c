import { KUSTOMIZATIONS, unsetInManifests } from '@ct/testing';
import { ingestionEnv, SERVICE } from './ingestion.env';

describe('ingestion on Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('deploy/kubernetes/%s sets every variable the service needs', (dir) => {
    expect(unsetInManifests(dir, SERVICE, ingestionEnv)).toEqual([]);
  });
});
