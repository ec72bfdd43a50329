/**
 * What an HTTP surface is: an app, a function from a request to its answer. The request is the event API
 * Gateway (HTTP API, payload 2.0) and a Lambda Function URL deliver; the local server builds the same event
 * from a Node request (local/http-events.ts) and mounts the same apps, so a surface cannot tell where it
 * runs. Answers are built here, each with its surface's security headers.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpRequest = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpApp = (request: HttpRequest) => Promise<HttpResult>;

export const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

export interface Answers {
  send(statusCode: number, contentType: string, body: string, options?: { cookies?: readonly string[]; headers?: Record<string, string> }): HttpResult;
  json(statusCode: number, value: unknown, options?: { cookies?: readonly string[]; headers?: Record<string, string> }): HttpResult;
  html(statusCode: number, html: string): HttpResult;
  text(statusCode: number, text: string): HttpResult;
  redirect(location: string): HttpResult;
}

/** The answers of one surface, every one carrying `baseHeaders` (its security headers, or none). */
export function answers(baseHeaders: Readonly<Record<string, string>>): Answers {
  const send: Answers['send'] = (statusCode, contentType, body, options = {}) => ({
    statusCode,
    headers: { ...baseHeaders, 'content-type': contentType, ...options.headers },
    body,
    ...(options.cookies ? { cookies: [...options.cookies] } : {}),
  });
  return {
    send,
    json: (statusCode, value, options) => send(statusCode, CONTENT_TYPES.json, JSON.stringify(value), options),
    html: (statusCode, html) => send(statusCode, CONTENT_TYPES.html, html),
    text: (statusCode, text) => send(statusCode, CONTENT_TYPES.text, text),
    redirect: (location) => ({ statusCode: 302, headers: { ...baseHeaders, location }, body: '' }),
  };
}

/** HTTPS as the client saw it: Function URLs are HTTPS only and say so in `x-forwarded-proto`. */
export function isHttps(request: HttpRequest): boolean {
  return request.headers['x-forwarded-proto']?.split(',')[0]?.trim() === 'https' || /\.on\.aws$/.test(request.requestContext.domainName ?? '');
}
