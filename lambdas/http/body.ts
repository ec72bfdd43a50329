/**
 * Reading request bodies, with a limit, once: from an event (what every surface gets) and from a Node
 * stream (what the local server turns into that event).
 */
import type { z } from 'zod/mini';
import type { HttpRequest } from './app';
import { safeJson } from './json';

/** The body's text as the client sent it (API Gateway base64-encodes what is not text). */
export function bodyText(request: HttpRequest): string {
  if (request.body === undefined) return '';
  return request.isBase64Encoded ? Buffer.from(request.body, 'base64').toString('utf8') : request.body;
}

/** The body's bytes as the client sent them: a text body stays the string it came as (its UTF-8 bytes are the bytes sent). */
export function bodyBytes(request: HttpRequest): string | Buffer {
  return request.isBase64Encoded ? Buffer.from(request.body ?? '', 'base64') : (request.body ?? '');
}

export type JsonBody =
  { readonly kind: 'empty' } | { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'too-large' } | { readonly kind: 'not-json' };

/** A JSON body of at most `maxChars` characters; blank is `empty`, not an error (a POST without a body). */
export function readJsonBody(request: HttpRequest, maxChars: number): JsonBody {
  const text = bodyText(request);
  if (text.trim() === '') return { kind: 'empty' };
  if (text.length > maxChars) return { kind: 'too-large' };
  const value = safeJson(text);
  return value === undefined ? { kind: 'not-json' } : { kind: 'json', value };
}

/** The body as `schema` says, or undefined when it is missing, too long, not JSON or not that shape. */
export function readJsonAs<T>(request: HttpRequest, schema: z.ZodMiniType<T>, maxChars: number): T | undefined {
  const body = readJsonBody(request, maxChars);
  if (body.kind !== 'json') return undefined;
  const result = schema.safeParse(body.value);
  return result.success ? result.data : undefined;
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Every chunk of a stream (a Node request) into one buffer, refusing more than `limit` bytes. */
export async function readStream(stream: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.length;
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
