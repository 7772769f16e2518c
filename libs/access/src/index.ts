export * from './access.options';
export * from './access.guard';
export * from './access.module';
export * from './authenticator';
export * from './caller';
export * from './principal.entity';
export * from './principals.migration';
export * from './principals.repository';
