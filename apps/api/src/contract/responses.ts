// Response descriptions shared by the routes' schemas.
import type { ZodType } from 'zod';
import { ErrorBodySchema } from './schemas';

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});

export const jsonResponse = (description: string, schema: ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <S extends ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const eventStreamResponse = (description: string) => ({
  description,
  content: { 'text/event-stream': { schema: { type: 'string' as const } } },
});

/** The visitor token of POST /v1/conversations, as a bearer token. */
export const visitorTokenSecurity = [{ visitorToken: [] }];

export const unauthorized = errorResponse('Missing, invalid or expired token');
