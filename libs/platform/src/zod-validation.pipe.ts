import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Validates a request part against a zod schema. A failure is a 400 whose
 * `errors` name each offending field, never a stack trace.
 */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'request validation failed',
      errors: result.error.issues.map((i) => ({
        field: i.path.join('.') || '(body)',
        problem: i.message,
      })),
    });
  }
}
