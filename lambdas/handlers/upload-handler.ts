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
import * as z from 'zod/mini';
import { readUploadToken, type UploadGrant } from '../adapters/upload-links';
import { DEFAULT_SERVICES, type ServiceCatalogue } from '../domain/services';
import { UPLOAD_PAGE_TEXTS as TEXTS } from '../domain/texts/upload-page';
import { answers, CONTENT_TYPES, type HttpApp, type HttpRequest, type HttpResult } from '../http/app';
import { readJsonAs } from '../http/body';
import { createRouter, pathUnder, requestMethod } from '../http/router';
import { securityHeaders } from '../http/security-headers';
import { httpStatusOf } from '../http/status';
import type { BlobStore, Clock, DraftStore, IdSource, ShortLinkStore } from '../ports';
import { UPLOAD_ASSETS as ASSETS } from '../upload/assets';
import { LookupLimiter, shortLinkCode } from '../upload/short-link';
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

export type UploadHandler = HttpApp;

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

const MAX_JSON_CHARS = 16 * 1024;

/**
 * On every answer: only this origin's script and style, uploads only to this origin and the bucket, no
 * framing, no referrer (the token is in the URL), nothing cached (the page lists an applicant's files).
 */
export function uploadSecurityHeaders(s3Origin: string): Record<string, string> {
  return securityHeaders({
    contentSecurityPolicy: [
      "default-src 'self'",
      `connect-src 'self' ${s3Origin}`.trim(),
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ],
  });
}

/** What one route does, given the request, the link's grant and the path's parameters. */
type UploadAction = (request: HttpRequest, grant: UploadGrant, token: string, params: Readonly<Record<string, string>>) => Promise<HttpResult>;

const TOKEN = '[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+';

export function createUploadHandler(deps: UploadHandlerDeps): UploadHandler {
  const useCase: UploadDocumentsDeps = {
    drafts: deps.drafts,
    blobs: deps.blobs,
    clock: deps.clock,
    ids: deps.ids ?? { newId: randomUUID },
    services: deps.services ?? DEFAULT_SERVICES,
  };
  const out = answers(uploadSecurityHeaders(deps.s3Origin));
  const problem = (statusCode: number, kind: ProblemKind, asPage: boolean, facts: ProblemFacts = {}) =>
    asPage ? out.html(statusCode, renderProblemPage(kind, deps.basePath, facts)) : out.json(statusCode, { error: kind, message: problemMessage(kind, facts) });
  const badRequest = () => out.json(httpStatusOf('bad-request'), { error: 'bad-request', message: TEXTS.badRequest });
  const limiter = deps.shortLinkLimiter ?? new LookupLimiter();

  const showPage: UploadAction = async (_request, grant, token) => {
    // A link whose documents were handed in shows why it no longer works, not a form that would fail.
    try {
      await changeAllowed(useCase, grant);
    } catch (error) {
      if (error instanceof UploadRefusedError) return problem(httpStatusOf('conflict'), 'submitted', true);
      throw error;
    }
    const page = await showUploadPage(useCase, grant);
    return out.html(
      200,
      renderUploadPage(page, {
        basePath: deps.basePath,
        token,
        ...(deps.officeWhatsAppNumber ? { officeWhatsAppNumber: deps.officeWhatsAppNumber } : {}),
        ...(grant.note ? { officerNote: grant.note } : {}),
      }),
    );
  };
  const start: UploadAction = async (request, grant) => {
    const asked = readJsonAs(request, startSchema, MAX_JSON_CHARS);
    return asked ? out.json(200, await startUpload(useCase, grant, asked)) : badRequest();
  };
  const complete: UploadAction = async (request, grant, _token, params) => {
    const arrived = readJsonAs(request, completeSchema, MAX_JSON_CHARS);
    if (!arrived) return badRequest();
    const documents = await completeUpload(useCase, grant, params.uploadId ?? '', arrived);
    return out.json(200, { requirement: arrived.requirement, documents: documents.map(documentView) });
  };
  const submit: UploadAction = async (_request, grant) => {
    const result = await submitDocuments(useCase, grant);
    return out.json(200, { ...result, message: result.complete ? TEXTS.complete : TEXTS.incomplete });
  };
  const clear: UploadAction = async (_request, grant, _token, params) => {
    const requirement = params.requirement ?? '';
    await clearRequirement(useCase, grant, requirement);
    return out.json(200, { requirement, documents: [] });
  };

  /** Relative to the upload root; the signed token in the path is the authorization. */
  const routes = createRouter<{ readonly name: string; readonly run: UploadAction }>([
    { method: 'GET', path: '/:token/?', params: { token: TOKEN }, to: { name: 'page', run: showPage } },
    { method: 'POST', path: '/:token/uploads', params: { token: TOKEN }, to: { name: 'start', run: start } },
    {
      method: 'POST',
      path: '/:token/uploads/:uploadId/complete',
      params: { token: TOKEN, uploadId: '[A-Za-z0-9-]{1,64}' },
      to: { name: 'complete', run: complete },
    },
    { method: 'POST', path: '/:token/submit', params: { token: TOKEN }, to: { name: 'submit', run: submit } },
    { method: 'DELETE', path: '/:token/requirements/:requirement', params: { token: TOKEN, requirement: '[a-z-]{1,64}' }, to: { name: 'clear', run: clear } },
  ]);

  return async (request) => {
    const method = requestMethod(request);
    const code = method === 'GET' ? shortLinkCode(request.rawPath, deps.basePath) : undefined;
    if (code !== undefined) return followShortLink(request, code);
    const path = pathUnder(request.rawPath, deps.basePath);
    const asset = path === undefined ? undefined : ASSETS.find(path);
    if (asset)
      return method === 'GET' ? out.send(200, asset.contentType, asset.body, { headers: ASSETS.headers }) : out.json(405, { error: 'method-not-allowed' });
    const route = path === undefined ? { kind: 'not-found' as const } : routes.match(method, path);
    if (route.kind === 'method-not-allowed') return out.json(httpStatusOf('method-not-allowed'), { error: 'method-not-allowed' });
    if (route.kind === 'not-found') return problem(httpStatusOf('not-found'), 'not-found', method === 'GET');
    const { name, run } = route.to;
    const token = route.params.token ?? '';
    const asPage = name === 'page';

    // Read as of time 0 to tell a forged link (403) from an expired one (410).
    const grant = readUploadToken(token, await deps.linkSigningKey(), 0);
    if (!grant) return problem(httpStatusOf('forbidden'), 'invalid', asPage);
    if (grant.expiresAt <= deps.clock.now().getTime()) return problem(httpStatusOf('gone'), 'expired', asPage, { expiredAt: grant.expiresAt });

    try {
      return await run(request, grant, token, route.params);
    } catch (error) {
      if (error instanceof UploadRefusedError)
        return out.json(httpStatusOf(error.reason === 'submitted' ? 'conflict' : 'invalid'), { error: error.reason, message: error.message });
      if (error instanceof ForeignKeyError) return badRequest();
      if (error instanceof InvalidGrantError) return problem(httpStatusOf('forbidden'), 'invalid', asPage);
      deps.log?.error('upload request failed', { action: name, draftId: grant.draftId, error: (error as Error).name });
      return problem(httpStatusOf('error'), 'error', asPage);
    }
  };

  async function followShortLink(request: HttpRequest, code: string): Promise<HttpResult> {
    const address = request.requestContext.http.sourceIp;
    if (limiter.blocked(address, deps.clock.now().getTime())) {
      return out.send(httpStatusOf('throttled'), CONTENT_TYPES.html, renderProblemPage('too-many', deps.basePath), { headers: { 'retry-after': '60' } });
    }
    const target = await deps.shortLinks?.find(code);
    if (!target) {
      limiter.recordMiss(address, deps.clock.now().getTime());
      return problem(httpStatusOf('not-found'), 'not-found', true);
    }
    // The page lives at the token's path: its script and JSON API are addressed by the token.
    return out.redirect(`${deps.basePath}/${target}`);
  }
}
