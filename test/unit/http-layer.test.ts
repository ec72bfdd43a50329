/**
 * The shared HTTP layer (lambdas/http/): one route matcher, one static-asset loader, one security-headers
 * builder, one body reader and one status table for the admin, upload and webhook apps and the local server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { adminSecurityHeaders } from '../../lambdas/admin/router';
import { loadStaticAssets } from '../../lambdas/http/assets';
import { readJsonBody } from '../../lambdas/http/body';
import { createRouter, pathUnder } from '../../lambdas/http/router';
import { httpStatusOf } from '../../lambdas/http/status';
import { uploadSecurityHeaders } from '../../lambdas/handlers/upload-handler';
import { decideOfficerAction } from '../../lambdas/domain/officer-actions';

describe('route matcher', () => {
  const router = createRouter([
    { method: 'GET', path: '/api/registrations/:queueNumber', params: { queueNumber: '[A-Z]{2,6}-\\d{3,9}' }, to: 'get' },
    { method: 'POST', path: '/api/registrations/:queueNumber/:action', params: { queueNumber: '[A-Z]{2,6}-\\d{3,9}', action: 'confirm|cancel' }, to: 'act' },
    { method: 'GET', path: '/days/?', to: 'days' },
    { method: 'GET', path: '/files/:name', to: 'file' },
  ]);

  it('finds a route and its parameters, decoded', () => {
    expect(router.match('GET', '/api/registrations/KRC-001')).toEqual({ kind: 'found', to: 'get', params: { queueNumber: 'KRC-001' } });
    expect(router.match('POST', '/api/registrations/KRC-001/cancel')).toEqual({
      kind: 'found',
      to: 'act',
      params: { queueNumber: 'KRC-001', action: 'cancel' },
    });
    expect(router.match('GET', '/files/KTP%20saya.pdf')).toMatchObject({ params: { name: 'KTP saya.pdf' } });
  });

  it('takes a path with or without its trailing slash only where the route says so', () => {
    expect(router.match('GET', '/days').kind).toBe('found');
    expect(router.match('GET', '/days/').kind).toBe('found');
    expect(router.match('GET', '/api/registrations/KRC-001/').kind).toBe('not-found');
  });

  it('answers a parameter that cannot be one as a path that does not exist, another method as not allowed', () => {
    expect(router.match('GET', `/api/registrations/${'K'.repeat(5000)}-001`).kind).toBe('not-found');
    expect(router.match('POST', '/api/registrations/KRC-001/delete').kind).toBe('not-found');
    expect(router.match('DELETE', '/api/registrations/KRC-001').kind).toBe('method-not-allowed');
  });

  it('reads paths below a mount (`/admin` locally, the root at a Function URL)', () => {
    expect(pathUnder('/admin/api/summary', '/admin')).toBe('/api/summary');
    expect(pathUnder('/admin', '/admin')).toBe('/');
    expect(pathUnder('/administrator', '/admin')).toBeUndefined();
    expect(pathUnder('/api/summary', '')).toBe('/api/summary');
  });
});

describe('static assets', () => {
  let moduleDir: string;
  beforeEach(() => {
    moduleDir = mkdtempSync(join(tmpdir(), 'si-bapao-assets-'));
    mkdirSync(join(moduleDir, 'public', 'css'), { recursive: true });
    writeFileSync(join(moduleDir, 'public', 'page.js'), 'console.log("page");\n');
    writeFileSync(join(moduleDir, 'public', 'css', '20-list.css'), '.list { color: red; }');
    writeFileSync(join(moduleDir, 'public', 'css', '10-base.css'), 'body { margin: 0; }\n');
    writeFileSync(join(moduleDir, 'public', 'css', 'notes.txt'), 'not a stylesheet');
  });
  afterEach(() => rmSync(moduleDir, { recursive: true, force: true }));

  it('serves every file of public/ by name, and a folder joined in name order as one file', () => {
    const assets = loadStaticAssets({ moduleDir, concatenated: { 'site.css': 'css' }, cacheControl: 'public, max-age=86400, immutable' });
    expect(assets.find('/static/page.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8', body: 'console.log("page");\n' });
    expect(assets.find('/static/site.css')).toMatchObject({ contentType: 'text/css; charset=utf-8', body: 'body { margin: 0; }\n.list { color: red; }\n' });
    // The parts are sources, not assets of their own.
    expect(assets.find('/static/10-base.css')).toBeUndefined();
    expect(assets.find('/static/css/10-base.css')).toBeUndefined();
    expect(assets.find('/page.js')).toBeUndefined();
    expect(assets.headers).toEqual({ 'cache-control': 'public, max-age=86400, immutable' });
  });

  it('links each file with a version that changes when the file does', () => {
    const before = loadStaticAssets({ moduleDir, concatenated: { 'site.css': 'css' } }).link('site.css');
    expect(before).toMatch(/^\/static\/site\.css\?v=[0-9a-f]{12}$/);
    writeFileSync(join(moduleDir, 'public', 'css', '30-more.css'), '.more {}\n');
    expect(loadStaticAssets({ moduleDir, concatenated: { 'site.css': 'css' } }).link('site.css')).not.toBe(before);
  });

  it('reads an asset when it is first linked or asked for, once, and never at a cold start', () => {
    let reads = 0;
    const assets = loadStaticAssets({ moduleDir, fallbacks: { 'big.js': () => ((reads += 1), 'a large library') } });
    expect(reads).toBe(0);
    expect(assets.link('big.js')).toMatch(/^\/static\/big\.js\?v=[0-9a-f]{12}$/);
    expect(assets.find('/static/big.js')?.body).toBe('a large library');
    expect(reads).toBe(1);
    expect(assets.find('/static/made-up.js')).toBeUndefined();
    expect(assets.link('made-up.js')).toBe('/static/made-up.js');
  });

  it('uses a fallback only for a file that is not in public/', () => {
    const assets = loadStaticAssets({ moduleDir, fallbacks: { 'page.js': () => 'fallback', 'lib.js': () => 'from the package' } });
    expect(assets.find('/static/page.js')?.body).toBe('console.log("page");\n');
    expect(assets.find('/static/lib.js')?.body).toBe('from the package');
    expect(assets.headers).toEqual({});
  });
});

describe('security headers, one builder for both pages', () => {
  it('gives the admin app framing denial, and HSTS over HTTPS only', () => {
    expect(adminSecurityHeaders(true)).toMatchObject({ 'x-frame-options': 'DENY', 'strict-transport-security': 'max-age=31536000; includeSubDomains' });
    expect(adminSecurityHeaders(false)['strict-transport-security']).toBeUndefined();
    expect(adminSecurityHeaders(false)['content-security-policy']).toContain("script-src 'self' 'inline-speculation-rules'");
  });

  it("lets the upload page send files to the bucket's origin", () => {
    const headers = uploadSecurityHeaders('https://bucket.s3.ap-southeast-3.amazonaws.com');
    expect(headers['content-security-policy']).toContain("connect-src 'self' https://bucket.s3.ap-southeast-3.amazonaws.com");
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    expect(headers['x-frame-options']).toBeUndefined();
  });
});

describe('request bodies', () => {
  const withBody = (body: string | undefined, isBase64Encoded = false) => ({ body, isBase64Encoded }) as APIGatewayProxyEventV2;
  it('tells an empty body, JSON, a body over the limit and one that is not JSON apart', () => {
    expect(readJsonBody(withBody(undefined), 100)).toEqual({ kind: 'empty' });
    expect(readJsonBody(withBody('  '), 100)).toEqual({ kind: 'empty' });
    expect(readJsonBody(withBody(Buffer.from('{"a":1}').toString('base64'), true), 100)).toEqual({ kind: 'json', value: { a: 1 } });
    expect(readJsonBody(withBody(`"${'x'.repeat(200)}"`), 100)).toEqual({ kind: 'too-large' });
    expect(readJsonBody(withBody('{not json'), 100)).toEqual({ kind: 'not-json' });
  });
});

describe('status codes, chosen in the HTTP layer', () => {
  it('maps what the domain says of a refused officer action to 409 or 422', () => {
    expect(httpStatusOf('conflict')).toBe(409);
    expect(httpStatusOf('invalid')).toBe(422);
    // The domain names the reason, never a code.
    const refusal = decideOfficerAction(
      { queueNumber: 'KRC-001', status: 'DIBATALKAN' } as Parameters<typeof decideOfficerAction>[0],
      { action: 'cancel', reason: 'x' } as Parameters<typeof decideOfficerAction>[1],
      { now: new Date('2026-01-05T02:00:00Z') } as Parameters<typeof decideOfficerAction>[2],
    );
    expect(refusal).toMatchObject({ ok: false, refusal: { kind: 'conflict' } });
    expect(refusal.ok ? undefined : httpStatusOf(refusal.refusal.kind)).toBe(409);
  });
});
