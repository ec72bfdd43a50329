/**
 * The `web`-mode upload page and its small JSON API (a Function URL in AWS, `/upload` locally). The signed
 * token in the path is the authorization; bodies are parsed with zod; the rules live in
 * use-cases/upload-documents.ts. Routes, relative to the upload root:
 *   GET    /<token>                                   the page
 *   GET    /static/upload.js, /static/upload.css      its assets
 *   POST   /<token>/uploads                           {requirement, filename, contentType, size} → {uploadId, url, key}
 *   POST   /<token>/uploads/<uploadId>/complete       {requirement, key, filename} → {requirement, documents}
 *   POST   /<token>/submit                            → {complete, missing?, message}
 *   DELETE /<token>/requirements/<requirement>        removes every page of one requirement
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { readUploadToken } from '../adapters/upload-links';
import { UPLOAD_PAGE_TEXTS as TEXTS } from '../domain/texts/upload-page';
import type { BlobStore, Clock, DraftStore, IdSource, ShortLinkStore } from '../ports';
import { DEFAULT_SERVICES, type ServiceCatalogue } from '../domain/services';
import { LookupLimiter, shortLinkCode } from '../upload/short-link';
import { matchRoute, parseJsonBody, securityHeaders } from '../upload/http';
import { documentView, problemMessage, renderProblemPage, renderUploadPage, type ProblemFacts, type ProblemKind } from '../upload/page';
import {
  changeAllowed,
  clearRequirement,
  completeUpload,
  ForeignKeyError,
  InvalidGrantError,
  showUploadPage,
  startUpload,
  submitDocuments,
  UploadRefusedError,
  type UploadDocumentsDeps,
} from '../use-cases/upload-documents';

export interface UploadHandlerDeps {
  readonly drafts: DraftStore;
  readonly blobs: BlobStore;
  readonly linkSigningKey: () => Promise<string>;
  readonly clock: Clock;
  /** Where the upload root is mounted: `/upload` locally, `` at a Function URL's root. */
  readonly basePath: string;
  /** Origin of the presigned upload URLs, allowed in the CSP's `connect-src`. */
  readonly s3Origin: string;
  /** @default random UUIDs */
  readonly ids?: IdSource;
  /** The office's WhatsApp number, for the page's "Kembali ke WhatsApp" button. */
  readonly officeWhatsAppNumber?: string;
  /** The office's service catalogue (office.services). @default DEFAULT_SERVICES */
  readonly services?: ServiceCatalogue;
  /** Resolves `/u/<code>` links; without it they are not found. */
  readonly shortLinks?: Pick<ShortLinkStore, 'find'>;
  /** @default 10 unknown codes a minute per address */
  readonly shortLinkLimiter?: LookupLimiter;
  readonly log?: { error(message: string, fields: Record<string, unknown>): void };
}

export type UploadHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const startSchema = z.object({
  requirement: z.string().check(z.maxLength(64)),
  filename: z.string().check(z.minLength(1), z.maxLength(255)),
  contentType: z.string().check(z.maxLength(100)),
  size: z.int(),
});
const completeSchema = z.object({
  requirement: z.string().check(z.maxLength(64)),
  key: z.string().check(z.minLength(1), z.maxLength(1024)),
  filename: z.string().check(z.minLength(1), z.maxLength(255)),
});

export function createUploadHandler(deps: UploadHandlerDeps): UploadHandler {
  const useCase: UploadDocumentsDeps = {
    drafts: deps.drafts,
    blobs: deps.blobs,
    clock: deps.clock,
    ids: deps.ids ?? { newId: randomUUID },
    services: deps.services ?? DEFAULT_SERVICES,
  };
  const headers = securityHeaders(deps.s3Origin);
  const respond = (statusCode: number, type: string, body: string) => ({ statusCode, headers: { ...headers, 'content-type': type }, body });
  const json = (statusCode: number, value: unknown) => respond(statusCode, 'application/json; charset=utf-8', JSON.stringify(value));
  const problem = (statusCode: number, kind: ProblemKind, asPage: boolean, facts: ProblemFacts = {}) =>
    asPage
      ? respond(statusCode, 'text/html; charset=utf-8', renderProblemPage(kind, deps.basePath, facts))
      : json(statusCode, { error: kind, message: problemMessage(kind, facts) });
  const badRequest = () => json(400, { error: 'bad-request', message: TEXTS.badRequest });

  const limiter = deps.shortLinkLimiter ?? new LookupLimiter();

  return async (event) => {
    const method = event.requestContext.http.method.toUpperCase();
    const code = method === 'GET' ? shortLinkCode(event.rawPath, deps.basePath) : undefined;
    if (code !== undefined) {
      const address = event.requestContext.http.sourceIp;
      if (limiter.blocked(address, deps.clock.now().getTime())) {
        const page = respond(429, 'text/html; charset=utf-8', renderProblemPage('too-many', deps.basePath));
        return { ...page, headers: { ...page.headers, 'retry-after': '60' } };
      }
      const target = await deps.shortLinks?.find(code);
      if (!target) {
        limiter.recordMiss(address, deps.clock.now().getTime());
        return problem(404, 'not-found', true);
      }
      // The page lives at the token's path: its script and JSON API are addressed by the token.
      return { statusCode: 302, headers: { ...headers, location: `${deps.basePath}/${target}` }, body: '' };
    }
    const route = matchRoute(method, event.rawPath, deps.basePath);
    if (route.kind === 'asset') return respond(200, route.asset.contentType, route.asset.body);
    if (route.kind === 'method-not-allowed') return json(405, { error: 'method-not-allowed' });
    if (route.kind === 'not-found') return problem(404, 'not-found', method === 'GET');
    const { action, token, param } = route;
    const asPage = action === 'page';

    // Read as of time 0 to tell a forged link (403) from an expired one (410).
    const grant = readUploadToken(token, await deps.linkSigningKey(), 0);
    if (!grant) return problem(403, 'invalid', asPage);
    if (grant.expiresAt <= deps.clock.now().getTime()) return problem(410, 'expired', asPage, { expiredAt: grant.expiresAt });

    try {
      switch (action) {
        case 'page': {
          // A link whose documents were handed in shows why it no longer works, not a form that would fail.
          try {
            await changeAllowed(useCase, grant);
          } catch (error) {
            if (error instanceof UploadRefusedError) return problem(409, 'submitted', true);
            throw error;
          }
          const page = await showUploadPage(useCase, grant);
          return respond(
            200,
            'text/html; charset=utf-8',
            renderUploadPage(page, {
              basePath: deps.basePath,
              token,
              ...(deps.officeWhatsAppNumber ? { officeWhatsAppNumber: deps.officeWhatsAppNumber } : {}),
              ...(grant.note ? { officerNote: grant.note } : {}),
            }),
          );
        }
        case 'start': {
          const request = parseJsonBody(event, startSchema);
          return request ? json(200, await startUpload(useCase, grant, request)) : badRequest();
        }
        case 'complete': {
          const arrived = parseJsonBody(event, completeSchema);
          if (!arrived) return badRequest();
          const documents = await completeUpload(useCase, grant, param, arrived);
          return json(200, { requirement: arrived.requirement, documents: documents.map(documentView) });
        }
        case 'submit': {
          const result = await submitDocuments(useCase, grant);
          return json(200, { ...result, message: result.complete ? TEXTS.complete : TEXTS.incomplete });
        }
        case 'clear':
          await clearRequirement(useCase, grant, param);
          return json(200, { requirement: param, documents: [] });
      }
    } catch (error) {
      if (error instanceof UploadRefusedError) return json(error.reason === 'submitted' ? 409 : 422, { error: error.reason, message: error.message });
      if (error instanceof ForeignKeyError) return badRequest();
      if (error instanceof InvalidGrantError) return problem(403, 'invalid', asPage);
      deps.log?.error('upload request failed', { action, draftId: grant.draftId, error: (error as Error).name });
      return problem(500, 'error', asPage);
    }
  };
}
