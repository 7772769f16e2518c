export * from './register-filter-sql';
