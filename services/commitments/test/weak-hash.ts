import { randomBytes, scrypt } from 'node:crypto';

/** A password hash in the stored format with another cost, as an earlier version wrote them. */
export function hashWith(n: number, password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      32,
      { N: n, r: 8, p: 1, maxmem: 256 * n * 8 },
      (err, key) =>
        err
          ? reject(err)
          : resolve(['scrypt', n, 8, 1, salt.toString('base64'), key.toString('base64')].join('$')),
    ),
  );
}
