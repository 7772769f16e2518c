import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import {
  DocumentTooLargeError,
  UnreadableDocumentError,
  UnsupportedFormatError,
} from '../formats/document-text';

const STATUS = new Map<abstract new (...args: never[]) => Error, [number, string]>([
  [UnsupportedFormatError, [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Unsupported Media Type']],
  [UnreadableDocumentError, [HttpStatus.UNPROCESSABLE_ENTITY, 'Unprocessable Entity']],
  [DocumentTooLargeError, [HttpStatus.PAYLOAD_TOO_LARGE, 'Payload Too Large']],
]);

/** A document that cannot be taken in gets the status that names why, and the reason. */
@Catch(UnsupportedFormatError, UnreadableDocumentError, DocumentTooLargeError)
export class DocumentErrorsFilter implements ExceptionFilter {
  catch(exception: Error, host: ArgumentsHost): void {
    const [statusCode, error] = STATUS.get(
      exception.constructor as abstract new (...args: never[]) => Error,
    ) ?? [400, 'Bad Request'];
    host.switchToHttp().getResponse<Response>().status(statusCode).json({
      statusCode,
      error,
      message: exception.message,
    });
  }
}
