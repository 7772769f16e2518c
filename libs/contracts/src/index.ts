export * from './topics';
export * from './envelope';
export * from './dead-letter';
export * from './registry';
export * from './events/common';
export * from './events/document-received.event';
export * from './events/commitment-extracted.event';
export * from './events/commitment-changed.event';
