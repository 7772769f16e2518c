import * as apps from 'kubernetes-models/apps/v1';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import {
  exampleSecretObjects,
  KUSTOMIZATIONS,
  podContainers,
  renderKustomization,
  type KubeObject,
} from './kubernetes-manifests';

// The Kubernetes API's own schemas (kubernetes-models), by apiVersion and kind.
const MODELS: Record<string, Record<string, unknown>> = {
  v1: core,
  'apps/v1': apps,
  'batch/v1': batch,
  'networking.k8s.io/v1': networking,
  'policy/v1': policy,
};

/** Validate one object against its kind's schema; the error names the object and the field. */
function validate(o: KubeObject): void {
  const Model = MODELS[o.apiVersion]?.[o.kind] as
    (new (d: unknown) => { validate(): void }) | undefined;
  if (!Model) throw new Error(`no schema for ${o.apiVersion} ${o.kind} (${o.metadata.name})`);
  try {
    new Model(o).validate();
  } catch (err) {
    throw new Error(`${o.kind}/${o.metadata.name}: ${(err as Error).message}`);
  }
}

const SERVICES = ['ingestion', 'commitments', 'notifications', 'dashboard'];

describe.each(KUSTOMIZATIONS)('deploy/kubernetes/%s', (dir) => {
  const objects = renderKustomization(dir);
  const find = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);

  it('renders objects that all validate against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(15);
    for (const o of objects) validate(o);
  });

  it.each(SERVICES)(
    '%s: replicas, probes on the health endpoints, resources, non-root, a Service and a disruption budget',
    (name) => {
      const d = find('Deployment', name)!;
      const spec = d.spec as {
        replicas: number;
        selector: { matchLabels: Record<string, string> };
        template: { spec: { securityContext: Record<string, unknown> } };
      };
      expect(spec.replicas).toBeGreaterThanOrEqual(2);
      expect(spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true });
      const [c] = podContainers(d) as unknown as {
        ports: { name: string; containerPort: number }[];
        env: { name: string; value?: string }[];
        livenessProbe: { httpGet: { path: string; port: string } };
        readinessProbe: { httpGet: { path: string; port: string } };
        resources: { requests: Record<string, string>; limits: Record<string, string> };
        securityContext: Record<string, unknown>;
      }[];
      expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(c.resources.limits).sort()).toEqual(['cpu', 'memory']);
      expect(c.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      const port = c.ports.find((p) => p.name === 'http')!.containerPort;
      expect(c.env.find((e) => e.name === 'PORT')?.value).toBe(String(port));

      const selects = (o: KubeObject | undefined) =>
        (o?.spec as { selector: Record<string, unknown> } | undefined)?.selector;
      const service = find('Service', name);
      expect(selects(service)).toEqual(spec.selector.matchLabels);
      expect((service!.spec as { ports: { targetPort: string }[] }).ports[0].targetPort).toBe(
        'http',
      );
      expect(selects(find('PodDisruptionBudget', name))).toEqual(spec.selector);
    },
  );

  it('migrates every schema in a Job, with the images the Deployments run', () => {
    const job = find('Job', 'migrate')!;
    const containers = podContainers(job);
    expect(containers.map((c) => c.name).sort()).toEqual([...SERVICES].sort());
    for (const c of containers) {
      expect(c.command).toEqual(['node', 'scripts/service-entry.js', 'migrate']);
      expect(c.image).toBe(podContainers(find('Deployment', c.name)!)[0].image);
    }
  });

  it('denies all traffic but what a policy allows', () => {
    const deny = find('NetworkPolicy', 'default-deny')!;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(objects.filter((o) => o.kind === 'NetworkPolicy').length).toBeGreaterThan(1);
  });
});

describe('the external overlay', () => {
  const objects = renderKustomization('overlays/external');

  it('routes the Ingress only to Services and ports that exist', () => {
    const ingress = objects.find((o) => o.kind === 'Ingress')!;
    const rules = (
      ingress.spec as {
        rules: {
          http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] };
        }[];
      }
    ).rules;
    for (const path of rules.flatMap((r) => r.http.paths)) {
      const svc = objects.find(
        (o) => o.kind === 'Service' && o.metadata.name === path.backend.service.name,
      );
      expect(svc).toBeDefined();
      expect((svc!.spec as { ports: { name: string }[] }).ports.map((p) => p.name)).toContain(
        path.backend.service.port.name,
      );
    }
  });

  it('puts everything in its namespace, which enforces the restricted pod security profile', () => {
    for (const o of objects.filter((x) => x.kind !== 'Namespace'))
      expect(o.metadata.namespace).toBe('commitment-tracker');
    const ns = objects.find((o) => o.kind === 'Namespace')!;
    expect(ns.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });
});

describe('the schema check itself', () => {
  it('validates the example Secrets and refuses a malformed object', () => {
    for (const s of exampleSecretObjects()) validate(s);
    const broken = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'broken' },
      spec: {
        selector: {},
        template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 'http' }] }] } },
      },
    } as unknown as KubeObject;
    expect(() => validate(broken)).toThrow(/containerPort must be integer/);
    expect(() => validate({ ...broken, kind: 'Deploymnet' })).toThrow(/no schema/);
  });
});
