import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { cookieValue, hasOpsToken } from '@ct/platform';
import { z } from 'zod';
import { createApiKeyBody, createUserBody, loginBody, updateUserBody } from '../auth/dto/auth.dto';
import {
  assignOwnerBody,
  changeStatusBody,
  commentBody,
  correctItemBody,
  listItemsQuery,
} from '../items/dto/item-queries.dto';

const schema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
const body = (s: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: schema(s) } },
});
const ok = (description: string) => ({ description });
const errors = {
  400: ok('invalid input; `errors` names each field'),
  401: ok('no, invalid or expired token / API key'),
  403: ok('role or actor not allowed'),
  404: ok('no such item'),
};
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};
const queryParams = Object.entries(
  (schema(listItemsQuery) as { properties: Record<string, unknown> }).properties,
).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));

/**
 * The OpenAPI document, built from the same zod schemas that validate the
 * requests, so the two cannot disagree.
 */
export function openApiDocument(): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Commitments register',
      version: '1.0.0',
      description:
        'Tracked commitments (mandates, pledges, events) for coordinators. Sign in with POST /auth/login, then send `Authorization: Bearer <token>`; machine clients send `X-API-Key`.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
    security: [{ bearer: [] }, { apiKey: [] }],
    paths: {
      '/auth/login': {
        post: {
          summary: 'Sign in',
          security: [],
          requestBody: body(loginBody),
          responses: { 200: ok('token'), 401: errors[401], 429: ok('too many attempts') },
        },
      },
      '/auth/refresh': {
        post: {
          summary: 'A new token from the HttpOnly refresh cookie that sign-in set (the web page)',
          security: [],
          responses: {
            200: ok('token'),
            401: ok('no cookie, or signed out, expired or the user changed'),
          },
        },
      },
      '/auth/logout': {
        post: {
          summary: 'End the refresh cookie’s sign-in',
          security: [],
          responses: { 204: ok('signed out') },
        },
      },
      '/auth/me': {
        get: { summary: 'Who am I', responses: { 200: ok('principal'), 401: errors[401] } },
      },
      '/items': {
        get: {
          summary: 'List tracked items with filters',
          parameters: queryParams,
          responses: { 200: ok('page of items'), 400: errors[400], 401: errors[401] },
        },
      },
      '/items/{id}': {
        get: {
          summary: 'One item with sources, dependents, history and comments',
          parameters: [idParam],
          responses: { 200: ok('item'), 404: errors[404] },
        },
        patch: {
          summary: 'Correct action or deadline by hand (coordinator, admin)',
          parameters: [idParam],
          requestBody: body(correctItemBody),
          responses: { 200: ok('item'), ...errors },
        },
      },
      '/items/{id}/status': {
        post: {
          summary: 'Change status (coordinator, admin)',
          parameters: [idParam],
          requestBody: body(changeStatusBody),
          responses: {
            200: ok('item'),
            ...errors,
            409: ok('transition not allowed from the current status'),
          },
        },
      },
      '/items/{id}/owner': {
        put: {
          summary: 'Assign an owner (coordinator, admin)',
          parameters: [idParam],
          requestBody: body(assignOwnerBody),
          responses: { 200: ok('item'), ...errors },
        },
      },
      '/items/{id}/comments': {
        post: {
          summary: 'Comment (coordinator, admin)',
          parameters: [idParam],
          requestBody: body(commentBody),
          responses: { 201: ok('stored'), ...errors },
        },
      },
      '/users': {
        get: { summary: 'List users (admin)', responses: { 200: ok('users'), 403: errors[403] } },
        post: {
          summary: 'Create a user (admin)',
          requestBody: body(createUserBody),
          responses: { 201: ok('user'), 409: ok('email taken'), 403: errors[403] },
        },
      },
      '/users/{id}': {
        patch: {
          summary:
            "Change a user's role or actors, or disable them (admin); their tokens stop working",
          parameters: [idParam],
          requestBody: body(updateUserBody),
          responses: {
            200: ok('user'),
            ...errors,
            409: ok('would leave no active admin'),
          },
        },
        delete: {
          summary: 'Delete a user (admin)',
          parameters: [idParam],
          responses: { 204: ok('deleted'), ...errors, 409: ok('would leave no active admin') },
        },
      },
      '/api-keys': {
        get: {
          summary: 'List API keys, revoked ones too (admin)',
          responses: { 200: ok('keys'), 403: errors[403] },
        },
        post: {
          summary: 'Create an API key (admin); the key is shown once',
          requestBody: body(createApiKeyBody),
          responses: { 201: ok('key'), 403: errors[403] },
        },
      },
      '/api-keys/{id}': {
        delete: {
          summary: 'Revoke an API key (admin); refused everywhere from the next request',
          parameters: [idParam],
          responses: { 200: ok('the revoked key'), ...errors },
        },
      },
      '/access-audit': {
        get: {
          summary: 'Changes to users and keys, newest first (admin)',
          responses: { 200: ok('entries'), 403: errors[403] },
        },
      },
      '/health': {
        get: {
          summary: 'Kafka and database health',
          security: [],
          responses: { 200: ok('up'), 503: ok('down') },
        },
      },
    },
  } as OpenAPIObject;
}

/** Swagger UI at /docs and the JSON at /docs-json. */
export function serveDocs(app: INestApplication, opsToken?: string | null): void {
  if (opsToken) {
    // The page's own scripts (and the document inside them) load without the
    // token in their URL: a cookie for /docs, set once the token was shown, admits them.
    const pass = createHash('sha256').update(`docs\n${opsToken}`).digest('hex');
    app.use(['/docs', '/docs-json'], (req: Request, res: Response, next: NextFunction) => {
      if (cookieValue(req.headers.cookie, 'ct_docs') === pass) return next();
      if (hasOpsToken(req, opsToken, { query: true })) {
        res.setHeader('set-cookie', `ct_docs=${pass}; Path=/docs; HttpOnly; SameSite=Strict`);
        return next();
      }
      res.status(401).json({
        statusCode: 401,
        message: 'the API docs need OPS_TOKEN: "Authorization: Bearer <OPS_TOKEN>" or ?token=',
      });
    });
  }
  SwaggerModule.setup('docs', app, openApiDocument());
}
