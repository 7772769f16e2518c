export * from './test-env';
export * from './infra';
export * from './test-database';
export * from './topic-reader';
export * from './service-process';
export * from './sse-client';
export * from './in-process-app';
export * from './browser';
