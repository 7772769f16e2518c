import { KUSTOMIZATIONS, missingEnv, serviceContainerEnv, SET_IN_CLUSTER } from '@ct/testing';
import { ingestionEnv, SERVICE } from './ingestion.env';

describe('ingestion on Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('deploy/kubernetes/%s sets every variable the service needs', (dir) => {
    const env = serviceContainerEnv(dir, SERVICE);
    expect(missingEnv(ingestionEnv, env)).toEqual([]);
    // Defaults that only fit one machine, and what this service needs to be of use.
    const needed = [...SET_IN_CLUSTER, 'PORT'];
    expect(needed.filter((k) => !env.has(k))).toEqual([]);
  });
});
