import { hashPassword, needsRehash, verifyPassword } from './password';

describe(hashPassword.name, () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('correct horse battery staple', a)).resolves.toBe(true);
    await expect(verifyPassword('Correct horse battery staple', a)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'not-a-hash')).resolves.toBe(false);
  });
});

describe(needsRehash.name, () => {
  it('asks to replace hashes with weaker parameters and keeps current ones', async () => {
    expect(needsRehash(await hashPassword('a long enough password'))).toBe(false);
    expect(needsRehash('scrypt$32768$8$1$AAAA$BBBB')).toBe(true);
    expect(needsRehash('bcrypt$whatever')).toBe(true);
  });
});
