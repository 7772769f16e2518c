import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Validates a request part against a zod schema. A failure is a 400 whose
 * `errors` name each offending field, never a stack trace. A NUL character in
 * any string is refused here for every endpoint: PostgreSQL cannot store it
 * in text, so it would otherwise surface as a 500 at the database.
 */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const nul = findNul(value, []);
    if (nul) {
      throw badRequest([
        { field: nul.join('.') || '(body)', problem: 'contains a NUL character (binary data)' },
      ]);
    }
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw badRequest(
      result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', problem: i.message })),
    );
  }
}

function badRequest(errors: { field: string; problem: string }[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'request validation failed',
    errors,
  });
}

/** The path of the first string (or object key) holding a NUL character, if any. */
function findNul(value: unknown, path: string[], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 50) return null;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000')) return [...path, JSON.stringify(key)];
    const found = findNul(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
