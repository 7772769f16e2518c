import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  PRINCIPAL_CHANGED,
  TOKEN_ALGORITHM,
  principalChangedEvent,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  Topics,
  wrap,
  type AccessClaims,
  type ApiKeyScope,
  type PrincipalChangedData,
  type UserRole,
} from '@ct/contracts';
import { newSigningKeyPair } from '@ct/platform';

/**
 * A signing key pair for this test process: the commitments service (or a
 * test signing in its place) gets `privateKey` as JWT_PRIVATE_KEY, the other
 * services `publicKey` as JWT_PUBLIC_KEY.
 */
export const TEST_KEYS = newSigningKeyPair();

/** The environment that gives a service the test keys. */
export const TEST_KEY_ENV = {
  JWT_PRIVATE_KEY: TEST_KEYS.privateKey,
  JWT_PUBLIC_KEY: TEST_KEYS.publicKey,
};

/** A stable uuid for a test name, so a test can refer to "the coordinator" across calls. */
export function testId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface TestUser {
  /** The user as the commitments service would announce them (principal.changed). */
  principal: PrincipalChangedData;
  /** A sign-in token for them, as the commitments service would issue it (TEST_KEYS by default). */
  token(o?: {
    expiresIn?: number;
    audience?: string[];
    version?: number;
    privateKey?: string;
  }): string;
}

/**
 * A user for tests of the services that keep none: announce `principal`
 * (announcePrincipals, or the service's PrincipalsRepository in-process),
 * then call with `token()`.
 */
export function testUser(
  role: UserRole,
  name: string = role,
  o: { actors?: string[]; version?: number; active?: boolean } = {},
): TestUser {
  const principal: PrincipalChangedData = {
    principalId: testId(`user:${name}`),
    kind: 'user',
    version: o.version ?? 1,
    active: o.active ?? true,
    name: `${name}@example.org`,
    role,
    actors: o.actors ?? [],
    scopes: [],
    keyHash: null,
    changedAt: new Date().toISOString(),
  };
  return {
    principal,
    token: (t = {}) => {
      const claims: AccessClaims = {
        sub: principal.principalId,
        email: principal.name,
        role,
        actors: principal.actors,
        ver: t.version ?? principal.version,
      };
      return new JwtService().sign(claims, {
        privateKey: t.privateKey ?? TEST_KEYS.privateKey,
        algorithm: TOKEN_ALGORITHM,
        issuer: TOKEN_ISSUER,
        audience: t.audience ?? [...TOKEN_AUDIENCE],
        expiresIn: t.expiresIn ?? 3600,
      });
    },
  };
}

/** An API key for tests: its announced state and the key itself. */
export function testApiKey(
  name: string,
  scopes: ApiKeyScope[],
  o: { role?: UserRole; active?: boolean; version?: number } = {},
): { principal: PrincipalChangedData; key: string } {
  const key = `ctk_test_${createHash('sha256').update(name).digest('base64url').slice(0, 24)}`;
  return {
    key,
    principal: {
      principalId: testId(`key:${name}`),
      kind: 'api-key',
      version: o.version ?? 1,
      active: o.active ?? true,
      name,
      role: o.role ?? 'viewer',
      actors: [],
      scopes,
      keyHash: createHash('sha256').update(key).digest('hex'),
      changedAt: new Date().toISOString(),
    },
  };
}

/**
 * Publish principals on the principals topic as the commitments service
 * does, for services started as processes without it.
 */
export async function announcePrincipals(
  brokers: string[],
  principals: PrincipalChangedData[],
): Promise<void> {
  const producer = new Kafka({
    clientId: 'test-principals',
    brokers,
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  try {
    await producer.send({
      topic: Topics.principals,
      messages: principals.map((p) => ({
        key: principalChangedEvent.key(p),
        value: JSON.stringify(wrap(PRINCIPAL_CHANGED, p, { source: '/tests' })),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Sign in to a running commitments service; the token works on every service once they know the user. */
export async function signIn(
  commitmentsUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const res = await fetch(`${commitmentsUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
