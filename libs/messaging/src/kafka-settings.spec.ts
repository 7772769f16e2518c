import { baseEnv, EnvError, loadEnv } from '@ct/platform';
import { kafkaSettings } from './kafka-settings';

const envOf = (vars: Record<string, string>) => loadEnv(baseEnv, vars);
const files: Record<string, string> = {
  '/tls/ca.pem': 'CA',
  '/tls/me.pem': 'CERT',
  '/tls/me.key': 'KEY',
};
const read = (path: string) => {
  if (path in files) return files[path];
  throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
};

describe('kafkaSettings', () => {
  it('defaults to the local single broker: plaintext, topics created with one replica', () => {
    expect(kafkaSettings(envOf({}))).toEqual({
      brokers: ['127.0.0.1:9092'],
      security: {},
      topics: { create: true, replicationFactor: 1, minInsyncReplicas: 1, partitions: undefined },
    });
  });

  it('reads a three-broker cluster policy', () => {
    const s = kafkaSettings(
      envOf({
        KAFKA_BROKERS: 'a:9092, b:9092,c:9092',
        KAFKA_REPLICATION_FACTOR: '3',
        KAFKA_MIN_INSYNC_REPLICAS: '2',
        KAFKA_PARTITIONS: '12',
        KAFKA_TOPICS_CREATE: 'false',
      }),
    );
    expect(s.brokers).toEqual(['a:9092', 'b:9092', 'c:9092']);
    expect(s.topics).toEqual({
      create: false,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      partitions: 12,
    });
  });

  it('builds SCRAM over TLS with a private CA and a client certificate', () => {
    const s = kafkaSettings(
      envOf({
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: '/tls/ca.pem',
        KAFKA_SSL_CERT_FILE: '/tls/me.pem',
        KAFKA_SSL_KEY_FILE: '/tls/me.key',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'tracker',
        KAFKA_SASL_PASSWORD: 'not-a-real-secret',
      }),
      read,
    );
    expect(s.security).toEqual({
      ssl: { rejectUnauthorized: true, ca: 'CA', cert: 'CERT', key: 'KEY' },
      sasl: { mechanism: 'scram-sha-512', username: 'tracker', password: 'not-a-real-secret' },
    });
  });

  it('uses the system CAs when TLS is on without files', () => {
    expect(kafkaSettings(envOf({ KAFKA_SSL: 'true' })).security).toEqual({ ssl: true });
  });

  it.each([
    [
      { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u' },
      'needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    ],
    [{ KAFKA_SASL_PASSWORD: 'p' }, 'KAFKA_SASL_MECHANISM is not'],
    [
      { KAFKA_REPLICATION_FACTOR: '2', KAFKA_MIN_INSYNC_REPLICAS: '3' },
      'exceeds KAFKA_REPLICATION_FACTOR (2)',
    ],
    [
      { KAFKA_SSL_CA_FILE: '/tls/missing.pem' },
      'KAFKA_SSL_CA_FILE: cannot read /tls/missing.pem (ENOENT)',
    ],
    [{ KAFKA_SSL_CERT_FILE: '/tls/me.pem' }, 'go together'],
  ])('refuses %j, naming the variables', (vars, message) => {
    expect(() => kafkaSettings(envOf(vars), read)).toThrow(EnvError);
    expect(() => kafkaSettings(envOf(vars), read)).toThrow(message);
  });

  it('never puts the SASL password in its error', () => {
    const vars = { KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'hunter2-secret' };
    expect(() => kafkaSettings(envOf(vars), read)).not.toThrow(/hunter2/);
  });

  it('refuses SASL PLAIN without TLS, and takes it with TLS', () => {
    const plain = {
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: 'p',
    };
    expect(() => kafkaSettings(envOf(plain), read)).toThrow(/plain needs KAFKA_SSL=true/);
    expect(kafkaSettings(envOf({ ...plain, KAFKA_SSL: 'true' }), read).security).toEqual({
      ssl: true,
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
    });
  });

  it('rejects an unknown SASL mechanism in the schema', () => {
    expect(() => envOf({ KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow('KAFKA_SASL_MECHANISM');
  });
});
