export * from './env';
export * from './logging';
export * from './health.controller';
export * from './bootstrap';
export * from './zod-validation.pipe';
export * from './public.decorator';
export * from './body-limit.filter';
export * from './metrics';
