import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';

/*
 * Sign-in tokens are ES256: the commitments service signs with its private
 * key, every other service verifies with the public key only, so none of
 * them can make a token. Keys come from the environment as PEM; a PEM
 * written on one line with literal "\n" (as .env files and CI secrets often
 * hold it) is taken too.
 */

const unescape = (pem: string) => pem.replace(/\\n/gu, '\n').trim();

function p256(key: KeyObject, name: string): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${name} must be an EC P-256 key (ES256)`);
  }
}

/** JWT_PRIVATE_KEY: a PEM EC P-256 private key; the value is the PEM, normalised. */
export const signingKeyField = z
  .string({
    error: 'JWT_PRIVATE_KEY is required: a PEM EC P-256 private key (see README, Security)',
  })
  .transform((raw, ctx) => {
    try {
      const key = createPrivateKey(unescape(raw));
      p256(key, 'JWT_PRIVATE_KEY');
      return key.export({ type: 'pkcs8', format: 'pem' }).toString();
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `JWT_PRIVATE_KEY: ${(err as Error).message}` });
      return z.NEVER;
    }
  });

/** JWT_PUBLIC_KEY: the PEM public key of the commitments service's signing key. */
export const verifyingKeyField = z.string().transform((raw, ctx) => {
  try {
    // A private key would be read too (its public half derived): refuse it, it must not spread.
    if (/PRIVATE KEY/u.test(raw)) throw new Error('give the public key, not the private one');
    const key = createPublicKey(unescape(raw));
    p256(key, 'JWT_PUBLIC_KEY');
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `JWT_PUBLIC_KEY: ${(err as Error).message}` });
    return z.NEVER;
  }
});

/** The public half of a private key, as PEM. */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem))
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

/** A new ES256 signing key pair as PEM: `privateKey` for JWT_PRIVATE_KEY, `publicKey` for JWT_PUBLIC_KEY. */
export function newSigningKeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}
