import { generateKeyPairSync } from 'node:crypto';
import { signingKeyField, verifyingKeyField } from './signing-keys';

const ec = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const oneLine = (pem: string) => pem.trim().replace(/\n/gu, '\\n');

describe('signing keys from the environment', () => {
  it('takes PEM keys, also written on one line with literal \\n', () => {
    expect(signingKeyField.parse(oneLine(ec.privateKey))).toBe(ec.privateKey);
    expect(verifyingKeyField.parse(oneLine(ec.publicKey))).toBe(ec.publicKey);
  });

  it('refuses a private key where the public one belongs, other curves and kinds, and junk', () => {
    expect(() => verifyingKeyField.parse(ec.privateKey)).toThrow(/public key, not the private one/);
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(() => signingKeyField.parse(rsa.privateKey)).toThrow(/EC P-256/);
    expect(() => verifyingKeyField.parse(rsa.publicKey)).toThrow(/EC P-256/);
    expect(() => signingKeyField.parse('a-shared-secret-of-old')).toThrow(/JWT_PRIVATE_KEY/);
  });
});
