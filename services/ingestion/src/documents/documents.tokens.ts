export const MAX_DOCUMENT_CHARS = Symbol('MAX_DOCUMENT_CHARS');
export const MAX_UPLOAD_BYTES = Symbol('MAX_UPLOAD_BYTES');
/** The ReadLimits of files: DOCX inflation and parts, PDF pages, time and heap. */
export const READ_LIMITS = Symbol('READ_LIMITS');
