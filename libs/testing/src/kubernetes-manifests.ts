import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './infra';

/** One Kubernetes object as rendered (only the fields the checks read are typed). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface KubeContainer {
  name: string;
  image?: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  [field: string]: unknown;
}

export const KUBERNETES_DIR = join(REPO_ROOT, 'deploy/kubernetes');
/** What `kubectl apply -k` can be pointed at: the base and every overlay. */
export const KUSTOMIZATIONS = ['base', 'overlays/external'];

/** Render a kustomization with kubectl's built-in Kustomize (offline: no cluster is asked). */
export function renderKustomization(dir: string): KubeObject[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', join(KUBERNETES_DIR, dir)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error('kubectl is needed to render deploy/kubernetes (kubectl kustomize)');
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr ?? e.message}`);
  }
  return parseYamlObjects(out);
}

export function parseYamlObjects(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

/** base/secrets.example.yaml: the Secrets the Deployments expect, not applied by the manifests. */
export function exampleSecretObjects(): KubeObject[] {
  return parseYamlObjects(readFileSync(join(KUBERNETES_DIR, 'base/secrets.example.yaml'), 'utf8'));
}

/** The keys of each Secret the Deployments expect to exist, as secrets.example.yaml lists them. */
export function exampleSecrets(): Map<string, string[]> {
  return new Map(
    exampleSecretObjects()
      .filter((o) => o.kind === 'Secret')
      .map((o) => [o.metadata.name, Object.keys((o.stringData ?? {}) as object)]),
  );
}

export function podContainers(o: KubeObject): KubeContainer[] {
  const spec = (o.spec as { template?: { spec?: { containers?: KubeContainer[] } } }) ?? {};
  return spec.template?.spec?.containers ?? [];
}

/**
 * The environment variable names a container gets: its own `env`, every key
 * of the ConfigMaps it takes whole, and every key secrets.example.yaml lists
 * for the Secrets it takes whole.
 */
export function containerEnv(objects: KubeObject[], c: KubeContainer): Set<string> {
  const secrets = exampleSecrets();
  const names = new Set((c.env ?? []).map((e) => e.name));
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) {
      const map = objects.find(
        (o) => o.kind === 'ConfigMap' && o.metadata.name === from.configMapRef!.name,
      );
      if (!map) throw new Error(`no ConfigMap ${from.configMapRef.name}`);
      for (const k of Object.keys((map.data ?? {}) as object)) names.add(k);
    }
    if (from.secretRef) {
      const keys = secrets.get(from.secretRef.name);
      if (!keys) throw new Error(`secrets.example.yaml does not describe ${from.secretRef.name}`);
      for (const k of keys) names.add(k);
    }
  }
  return names;
}

/**
 * What a service's environment schema needs that `present` lacks: the keys
 * with neither a default nor `optional()` (an empty environment fails on them).
 */
export function missingEnv(schema: { shape: Record<string, unknown> }, present: Set<string>) {
  return Object.entries(schema.shape)
    .filter(
      ([, field]) =>
        !(field as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success,
    )
    .map(([key]) => key)
    .filter((key) => !present.has(key));
}

/** The one container of a service's Deployment in a rendered kustomization, with its environment. */
export function serviceContainerEnv(dir: string, service: string): Set<string> {
  const objects = renderKustomization(dir);
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === service);
  if (!deployment) throw new Error(`${dir} has no Deployment ${service}`);
  return containerEnv(objects, podContainers(deployment)[0]);
}

/** Variables whose defaults suit one machine only (loopback addresses, development mode): a cluster must set them. */
export const SET_IN_CLUSTER = [
  'NODE_ENV',
  'HOST',
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'JWT_PUBLIC_KEY',
];

/**
 * What a service's Deployment in a rendered kustomization leaves unset: keys
 * its environment schema requires, SET_IN_CLUSTER, PORT, and `alsoNeeded`
 * (what the service needs to be of use there). Empty when nothing is missing.
 */
export function unsetInManifests(
  dir: string,
  service: string,
  schema: { shape: Record<string, unknown> },
  alsoNeeded: string[] = [],
): string[] {
  const env = serviceContainerEnv(dir, service);
  const needed = [...SET_IN_CLUSTER, 'PORT', ...alsoNeeded].filter((k) => !env.has(k));
  return [...missingEnv(schema, env), ...needed];
}
