export * from './data-source-options';
export * from './migrate';
export * from './typeorm-root';
export * from './transactions';
export * from './bulk-rows';
export * from './migrate-command';
export * from './database-tls';
export * from './unique-violation';
