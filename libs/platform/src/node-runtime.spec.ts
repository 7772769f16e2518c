import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

// The Node version the project declares (package.json engines) is the one every
// dependency must run on, the one the tests run on, and the image's.
const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const declared = pkg.engines.node;
const lowest = semver.minVersion(declared)!.version;

describe('the declared Node runtime', () => {
  it('is the one the tests run on', () => {
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });

  it('is supported by every locked dependency, from the lowest declared version on', () => {
    const refusing = Object.entries(lock.packages).flatMap(([path, p]) => {
      const wants = !Array.isArray(p.engines) ? p.engines?.node : undefined;
      if (!path || !wants) return [];
      const ok = semver.satisfies(lowest, wants) && semver.satisfies(process.version, wants);
      return ok ? [] : [`${path.replace(/^node_modules\//, '')}@${p.version} wants node ${wants}`];
    });
    expect(refusing).toEqual([]);
  });

  it('is the major version the image is built on', () => {
    const images = [
      ...readFileSync(join(root, 'Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)/gmu),
    ];
    expect(images.length).toBeGreaterThan(0);
    for (const [, major] of images) expect(Number(major)).toBe(semver.major(lowest));
  });

  it('runs in the image as node itself (exec form), unprivileged, with a liveness check, from the locked tree', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^CMD \["node", "scripts\/service-entry\.js"\]$/mu);
    expect(final).toMatch(/^USER node$/mu);
    expect(final).toMatch(/^HEALTHCHECK .*CMD \["node", "scripts\/healthcheck\.js"\]$/mu);
    expect(readFileSync(join(root, 'scripts/healthcheck.js'), 'utf8')).toContain('/health/live');
    expect(dockerfile).toMatch(/^RUN npm ci /mu);
    // The build runs through Nx, whose targets are in nx.json.
    expect(dockerfile).toMatch(/^COPY nx\.json /mu);
  });
});
