export * from './types';
export * from './placeholder.extractor';
