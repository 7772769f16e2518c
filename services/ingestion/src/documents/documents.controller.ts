import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { AccessGuard, Allow, CurrentCaller, type AccessPolicy, type Caller } from '@ct/access';
import type { Request, Response } from 'express';
import type { DocumentPage } from '@ct/contracts';
import { ZodValidationPipe } from '@ct/platform';
import {
  createDocumentSchema,
  uploadFieldsSchema,
  type DocumentReceipt,
} from './dto/create-document.dto';
import { DocumentErrorsFilter } from './document-errors.filter';
import { DocumentsService } from './documents.service';
import { toDocumentSummary, toDocumentView } from './document.view';
import { LIST_CAP, listDocumentsQuery, type ListDocumentsQuery } from './dto/list-documents.dto';
import { MAX_DOCUMENT_CHARS } from './documents.tokens';
import { FileIngestService } from './file-ingest.service';
import { UploadInterceptor } from './upload.interceptor';

/** Adding a document can move deadlines: signed-in coordinators and admins, or API keys with `ingest`. */
const ADD: AccessPolicy = {
  roles: ['coordinator', 'admin'],
  scopes: ['ingest'],
  refusal: 'adding documents is for coordinators and admins; viewers read only',
};

@Controller('documents')
@UseGuards(AccessGuard)
@UseFilters(DocumentErrorsFilter)
export class DocumentsController {
  private readonly bodyPipe: ZodValidationPipe<ReturnType<typeof createDocumentSchema>>;
  private readonly fieldsPipe = new ZodValidationPipe(uploadFieldsSchema);

  constructor(
    private readonly documents: DocumentsService,
    private readonly files: FileIngestService,
    @Inject(MAX_DOCUMENT_CHARS) maxChars: number,
  ) {
    this.bodyPipe = new ZodValidationPipe(createDocumentSchema(maxChars));
  }

  /** 201 with the new document's id, or 200 with the existing one's for a text seen before. */
  @Post()
  @Allow(ADD)
  async create(
    @Req() req: Request,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!req.is('application/json')) {
      throw new UnsupportedMediaTypeException(
        'send JSON ({"text": ...}) as application/json, or a file to POST /documents/upload',
      );
    }
    return answer(
      res,
      await this.documents.receive({
        ...this.bodyPipe.transform(body),
        origin: 'api',
        receivedBy: caller.name,
      }),
    );
  }

  /** A file (plain text, HTML, PDF or DOCX) as multipart field `file`, with optional metadata fields. */
  @Post('upload')
  @Allow(ADD)
  @UseInterceptors(UploadInterceptor)
  async upload(
    @Req() req: Request,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ) {
    const file = req.file!;
    const { origin, ...meta } = this.fieldsPipe.transform({ ...(req.body as object) });
    const receipt = await this.files.ingest(file.buffer, {
      ...meta,
      declaredType: file.mimetype,
      fileName: file.originalname || null,
      origin: origin ?? 'upload',
      receivedBy: caller.name,
    });
    return answer(res, receipt);
  }

  /** The stored documents, newest first, without their text; `q` searches title and file name. */
  @Get()
  @Allow({ scopes: ['read', 'ingest'] })
  async list(
    @Query(new ZodValidationPipe(listDocumentsQuery)) q: ListDocumentsQuery,
  ): Promise<DocumentPage> {
    const { rows, total } = await this.documents.page(q.q ?? null, q.limit, q.offset, LIST_CAP);
    return {
      total: Math.min(total, LIST_CAP),
      totalCapped: total > LIST_CAP,
      items: rows.map(toDocumentSummary),
    };
  }

  /** Any signed-in user, or an API key that may read or add documents. */
  @Get(':id')
  @Allow({ scopes: ['read', 'ingest'] })
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return toDocumentView(await this.documents.get(id));
  }
}

function answer(res: Response, receipt: DocumentReceipt): DocumentReceipt {
  res.status(receipt.duplicate ? HttpStatus.OK : HttpStatus.CREATED);
  return receipt;
}
