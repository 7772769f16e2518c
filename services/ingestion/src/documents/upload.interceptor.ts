import {
  BadRequestException,
  Inject,
  Injectable,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { DocumentTooLargeError } from '@ct/formats';
import { MAX_UPLOAD_BYTES } from './documents.tokens';

/**
 * Reads one multipart file field named `file` into memory, refusing anything
 * over the upload limit with that limit in the message. (Nest's
 * FileInterceptor takes its limits at decoration time and answers an
 * oversized file with a bare "File too large".)
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(MAX_UPLOAD_BYTES) private readonly maxBytes: number) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (!req.is('multipart/form-data')) {
      throw new UnsupportedMediaTypeException(
        'send the document as multipart/form-data with the file in a field named "file"',
      );
    }
    await new Promise<void>((resolve, reject) =>
      this.upload(req, http.getResponse<Response>(), (err: unknown) => {
        if (!err) return resolve();
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE') {
            return reject(
              new DocumentTooLargeError(
                `the file is larger than the upload limit of ${this.maxBytes} bytes`,
              ),
            );
          }
          return reject(
            new BadRequestException(
              `the upload was refused: ${err.message} (${err.field ?? 'form'})`,
            ),
          );
        }
        reject(
          new BadRequestException(`the multipart body cannot be read: ${(err as Error).message}`),
        );
      }),
    );
    if (!req.file) throw new BadRequestException('the form has no file in a field named "file"');
    return next.handle();
  }
}
