/** How much reading one file may cost; the services take these from their environment. */
export interface ReadLimits {
  /** Bytes a DOCX may inflate to, all its parts together. */
  docxMaxInflatedBytes: number;
  /** Parts (ZIP entries) a DOCX may have. */
  docxMaxEntries: number;
  /** Pages a PDF may have. */
  pdfMaxPages: number;
  /** Time reading one PDF may take (in a worker thread, so the service keeps answering). */
  pdfTimeoutMs: number;
  /** Heap the PDF worker may use. */
  pdfMaxHeapMb: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  docxMaxInflatedBytes: 50 * 1024 * 1024,
  docxMaxEntries: 2000,
  pdfMaxPages: 500,
  pdfTimeoutMs: 20_000,
  pdfMaxHeapMb: 512,
};
