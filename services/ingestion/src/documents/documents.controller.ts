import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationPipe } from '@ct/platform';
import { createDocumentSchema, type CreateDocumentDto } from './dto/create-document.dto';
import { DocumentsService } from './documents.service';
import { toDocumentView } from './document.view';
import { MAX_DOCUMENT_CHARS } from './documents.tokens';

@Controller('documents')
export class DocumentsController {
  private readonly bodyPipe: ZodValidationPipe<ReturnType<typeof createDocumentSchema>>;

  constructor(
    private readonly documents: DocumentsService,
    @Inject(MAX_DOCUMENT_CHARS) maxChars: number,
  ) {
    this.bodyPipe = new ZodValidationPipe(createDocumentSchema(maxChars));
  }

  /** 201 with the new document's id, or 200 with the existing one's for a text seen before. */
  @Post()
  async create(@Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    const dto: CreateDocumentDto = this.bodyPipe.transform(body);
    const receipt = await this.documents.receive(dto);
    res.status(receipt.duplicate ? HttpStatus.OK : HttpStatus.CREATED);
    return receipt;
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return toDocumentView(await this.documents.get(id));
  }
}
