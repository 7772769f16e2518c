export const MAX_DOCUMENT_CHARS = Symbol('MAX_DOCUMENT_CHARS');
export const MAX_UPLOAD_BYTES = Symbol('MAX_UPLOAD_BYTES');
