import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { OutboxRelay } from '@ct/messaging';
import { DocumentsRepository } from '../documents/documents.repository';
import { ExtractionService } from '../extraction/extraction.service';
import {
  latestPublicationDate,
  parsePublished,
  publishedAsGiven,
} from '../documents/publication-date';

export interface DocumentCorrection {
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null for "unknown". */
  published?: string | null;
  /** ISO 639-1, or null to detect it from the text. */
  language?: string | null;
}

export interface CorrectionOutcome {
  id: string;
  published: string | null;
  language: string | null;
  revision: number;
  /** The fields that changed (none: nothing was re-read). */
  changed: string[];
  commitments: number | null;
}

/**
 * A coordinator corrects a stored document's publication date or language:
 * each changed field is recorded with who changed it, and the document is
 * read again in the same transaction, as a new reading (its revision in the
 * engine version), so the register adds what the corrected reading finds and
 * retracts what it no longer does, under the same rules as reprocessing.
 */
@Injectable()
export class DocumentCorrectionsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly extraction: ExtractionService,
    private readonly relay: OutboxRelay,
  ) {}

  async correct(
    id: string,
    patch: DocumentCorrection,
    by: string,
    now: Date,
  ): Promise<CorrectionOutcome> {
    const given = patch.published ? parsePublished(patch.published) : null;
    const latest = latestPublicationDate(now);
    if (given && given.date > latest) {
      throw new UnprocessableEntityException(
        `published ${patch.published} is later than today (${latest} at the latest anywhere): a report cannot be published in the future`,
      );
    }
    const outcome = await this.documents.transaction(async (m) => {
      const doc = await this.documents.lockOne(m, id);
      if (!doc) throw new NotFoundException(`no document ${id}`);
      const current = {
        published: publishedAsGiven(doc.published, doc.publishedPrecision),
        language: doc.language,
      };
      const changes = (['published', 'language'] as const).filter(
        (f) => patch[f] !== undefined && (patch[f] ?? null) !== (current[f] ?? null),
      );
      if (changes.length === 0) {
        return { doc, changed: [] as string[], commitments: null };
      }
      const corrections = changes.map((f) => ({
        field: f,
        from: current[f] ?? null,
        to: patch[f] ?? null,
      }));
      if (changes.includes('published')) {
        doc.published = given?.date ?? null;
        doc.publishedPrecision = given?.precision ?? null;
      }
      if (changes.includes('language')) doc.language = patch.language ?? null;
      doc.revision += 1;
      await this.documents.correct(m, doc, by, corrections);
      const commitments = await this.extraction.extractInto(m, doc);
      return { doc, changed: [...changes], commitments };
    });
    if (outcome.commitments !== null) this.relay.nudge();
    const { doc } = outcome;
    return {
      id: doc.id,
      published: publishedAsGiven(doc.published, doc.publishedPrecision),
      language: doc.language,
      revision: doc.revision,
      changed: outcome.changed,
      commitments: outcome.commitments,
    };
  }
}
