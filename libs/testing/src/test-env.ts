/**
 * Where tests find their infrastructure. The test broker runs on its own ports
 * and data directory so a test run never disturbs a system started with `npm start`.
 */
export const TEST_KAFKA_PORT = Number(process.env.TEST_KAFKA_PORT ?? 19092);
export const TEST_KAFKA_CONTROLLER_PORT = Number(process.env.TEST_KAFKA_CONTROLLER_PORT ?? 19093);
export const TEST_KAFKA_BROKERS = [`127.0.0.1:${TEST_KAFKA_PORT}`];
export const PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
