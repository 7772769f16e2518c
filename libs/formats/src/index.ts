export * from './document-text';
export { readDocument } from './read-document';
export { accepted } from './detect-format';
export * from './read-limits';
