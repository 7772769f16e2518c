import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DocumentRefusal } from '@ct/formats';

/** A document that cannot be taken in gets the status that names why, and the reason. */
@Catch(DocumentRefusal)
export class DocumentErrorsFilter implements ExceptionFilter {
  catch(exception: DocumentRefusal, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(exception.status).json({
      statusCode: exception.status,
      error: exception.error,
      message: exception.message,
    });
  }
}
