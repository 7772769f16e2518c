import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationPipe } from '@ct/platform';
import {
  createDocumentSchema,
  uploadFieldsSchema,
  type DocumentReceipt,
} from './dto/create-document.dto';
import { DocumentErrorsFilter } from './document-errors.filter';
import { DocumentsService } from './documents.service';
import { toDocumentView } from './document.view';
import { MAX_DOCUMENT_CHARS } from './documents.tokens';
import { FileIngestService } from './file-ingest.service';
import { UploadInterceptor } from './upload.interceptor';

@Controller('documents')
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
  async create(
    @Req() req: Request,
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
      await this.documents.receive({ ...this.bodyPipe.transform(body), origin: 'api' }),
    );
  }

  /** A file (plain text, HTML, PDF or DOCX) as multipart field `file`, with optional metadata fields. */
  @Post('upload')
  @UseInterceptors(UploadInterceptor)
  async upload(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const file = req.file!;
    const { origin, ...meta } = this.fieldsPipe.transform({ ...(req.body as object) });
    const receipt = await this.files.ingest(file.buffer, {
      ...meta,
      declaredType: file.mimetype,
      fileName: file.originalname || null,
      origin: origin ?? 'upload',
    });
    return answer(res, receipt);
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return toDocumentView(await this.documents.get(id));
  }
}

function answer(res: Response, receipt: DocumentReceipt): DocumentReceipt {
  res.status(receipt.duplicate ? HttpStatus.OK : HttpStatus.CREATED);
  return receipt;
}
