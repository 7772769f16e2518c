import { baseEnv, EnvError, loadEnv } from './env';

describe(loadEnv.name, () => {
  it('applies typed defaults', () => {
    const env = loadEnv(baseEnv, {});
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(env.LOG_LEVEL).toBe('info');
  });

  it('splits broker lists', () => {
    expect(loadEnv(baseEnv, { KAFKA_BROKERS: 'a:1, b:2' }).KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
  });

  it('reads allowed browser origins, refusing what is not an http(s) origin', () => {
    expect(loadEnv(baseEnv, {}).CORS_ORIGINS).toEqual([]);
    expect(
      loadEnv(baseEnv, { CORS_ORIGINS: 'http://127.0.0.1:3000, https://x.example' }).CORS_ORIGINS,
    ).toEqual(['http://127.0.0.1:3000', 'https://x.example']);
    expect(() => loadEnv(baseEnv, { CORS_ORIGINS: 'ftp://x' })).toThrow(/CORS_ORIGINS/);
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadEnv(baseEnv, { DATABASE_URL: 'not a url' })).toThrow(EnvError);
    expect(() => loadEnv(baseEnv, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
