import { isTransient } from './transient-error';

describe(isTransient.name, () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'an admin shutdown (57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    ],
    ['a connection failure class 08', Object.assign(new Error('x'), { code: '08006' })],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    [
      'a TypeORM error wrapping one',
      Object.assign(new Error('query failed'), { driverError: { code: '57P03' } }),
    ],
    [
      'a broker that does not answer',
      Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' }),
    ],
  ])('treats %s as transient', (_what, err) => {
    expect(isTransient(err)).toBe(true);
  });

  it.each([
    ['a constraint violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('treats %s as the event’s own failure', (_what, err) => {
    expect(isTransient(err)).toBe(false);
  });
});
