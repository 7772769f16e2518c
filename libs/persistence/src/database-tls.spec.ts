import { databaseTls, databaseTlsFromEnv } from './database-tls';

describe('databaseTls', () => {
  const read = (path: string) => {
    if (path === '/tls/root.crt') return 'ROOT';
    throw Object.assign(new Error('gone'), { code: 'ENOENT' });
  };

  it('is off by default', () => {
    expect(databaseTls()).toBe(false);
    expect(databaseTlsFromEnv({})).toBe(false);
  });

  it('require encrypts without checking the certificate', () => {
    expect(databaseTls('require')).toEqual({ rejectUnauthorized: false });
  });

  it('verify-full checks against the given CA, or the system CAs', () => {
    expect(databaseTls('verify-full', '/tls/root.crt', read)).toEqual({
      rejectUnauthorized: true,
      ca: 'ROOT',
    });
    expect(databaseTls('verify-full')).toEqual({ rejectUnauthorized: true });
  });

  it('names the variable when the CA cannot be read or makes no sense', () => {
    expect(() => databaseTls('verify-full', '/tls/none.crt', read)).toThrow(
      'DATABASE_SSL_CA_FILE: cannot read /tls/none.crt (ENOENT)',
    );
    expect(() => databaseTls('disable', '/tls/root.crt', read)).toThrow('DATABASE_SSL is disable');
    expect(() => databaseTlsFromEnv({ DATABASE_SSL: 'prefer' })).toThrow('DATABASE_SSL: one of');
  });
});
