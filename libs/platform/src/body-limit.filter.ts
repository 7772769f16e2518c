import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';

interface BodyParserError {
  type?: string;
  limit?: number;
  length?: number;
}

/**
 * Answers a request body over the size limit with 413 and the limit itself in
 * the message, so the client knows what to send instead. Every other error
 * goes to Nest's default handling.
 */
@Catch()
export class BodyLimitFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // Applied to the Kafka consumers too (inheritAppConfig): their errors go back to the
    // transport, which retries, rather than into an HTTP reply that does not exist.
    if (host.getType() !== 'http') return throwError(() => exception);
    const e = exception as BodyParserError;
    if (host.getType() === 'http' && e?.type === 'entity.too.large') {
      const res = host
        .switchToHttp()
        .getResponse<{ status(n: number): { json(b: unknown): void } }>();
      res.status(413).json({
        statusCode: 413,
        error: 'Payload Too Large',
        message: `request body of ${e.length ?? 'unknown'} bytes is larger than the limit of ${e.limit} bytes`,
      });
      return;
    }
    super.catch(exception, host);
  }
}
