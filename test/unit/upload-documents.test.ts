/**
 * The upload rules and the upload handler as the Function URL calls it (root path, `basePath` ''), with
 * in-memory stores: no I/O, fixed time.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signUploadToken } from '../../lambdas/adapters/upload-links';
import { createUploadHandler } from '../../lambdas/handlers/upload-handler';
import type { BlobStore, DraftStore, StoredDocument } from '../../lambdas/ports';
import { escapeHtml, formatSize, richText } from '../../lambdas/upload/page';
import { DEFAULT_SERVICES } from '../../lambdas/domain/services';
import { InvalidGrantError, requestedRequirements, sanitiseFilename } from '../../lambdas/use-cases/upload-documents';

const NOW = new Date('2026-01-05T03:00:00Z');
const KEY = 'unit-test-link-signing-key-0123456789';

class MemoryDrafts implements DraftStore {
  readonly documents = new Map<string, StoredDocument[]>();
  async addDocument(draftId: string, document: StoredDocument): Promise<void> {
    const list = (this.documents.get(draftId) ?? []).filter((existing) => existing.key !== document.key);
    this.documents.set(draftId, [...list, document]);
  }
  async listDocuments(draftId: string): Promise<StoredDocument[]> {
    return [...(this.documents.get(draftId) ?? [])];
  }
  async forget(draftId: string): Promise<void> {
    this.documents.delete(draftId);
  }
  async removeRequirement(draftId: string, requirement: string): Promise<void> {
    this.documents.set(
      draftId,
      (this.documents.get(draftId) ?? []).filter((document) => document.requirement !== requirement),
    );
  }
  async submission(): Promise<undefined> {
    return undefined;
  }
  readonly pages = new Map<string, number>();
  async countUploadLink(): Promise<boolean> {
    return true;
  }
  async takePage(draftId: string, requirement: string, maxPages: number): Promise<boolean> {
    const taken = this.pages.get(`${draftId}/${requirement}`) ?? 0;
    if (taken >= maxPages) return false;
    this.pages.set(`${draftId}/${requirement}`, taken + 1);
    return true;
  }
  async releasePage(draftId: string, requirement: string): Promise<void> {
    this.pages.set(`${draftId}/${requirement}`, Math.max(0, (this.pages.get(`${draftId}/${requirement}`) ?? 0) - 1));
  }
}

class MemoryBlobs implements BlobStore {
  readonly objects = new Map<string, Uint8Array>();
  readonly types = new Map<string, string>();
  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    this.objects.set(key, bytes);
    this.types.set(key, contentType);
  }
  async head(key: string) {
    const bytes = this.objects.get(key);
    const contentType = this.types.get(key);
    return bytes ? { size: bytes.length, ...(contentType ? { contentType } : {}) } : undefined;
  }
  async readStart(key: string, length: number): Promise<Uint8Array> {
    return (this.objects.get(key) ?? new Uint8Array()).slice(0, length);
  }
  async get(key: string): Promise<Uint8Array> {
    return this.objects.get(key) ?? new Uint8Array();
  }
  async deletePrefix(prefix: string): Promise<number> {
    const keys = [...this.objects.keys()].filter((key) => key.startsWith(prefix));
    for (const key of keys) this.objects.delete(key);
    return keys.length;
  }
  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }
  async move(from: string, to: string): Promise<void> {
    const bytes = this.objects.get(from);
    if (!bytes) throw new Error(`no object ${from}`);
    this.objects.set(to, bytes);
    this.types.set(to, this.types.get(from) ?? '');
    this.objects.delete(from);
  }
  async presignedGetUrl(key: string): Promise<string> {
    return `https://bucket.s3.ap-southeast-3.amazonaws.com/${key}?get`;
  }
  async presignedPutUrl(key: string, contentType: string): Promise<string> {
    return `https://bucket.s3.ap-southeast-3.amazonaws.com/${key}?put&type=${encodeURIComponent(contentType)}`;
  }
}

function functionUrlEvent(method: string, rawPath: string, body?: unknown): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc',
      domainName: 'abc.lambda-url.ap-southeast-3.on.aws',
      domainPrefix: 'abc',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: NOW.toUTCString(),
      timeEpoch: NOW.getTime(),
    },
    ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)).toString('base64') }),
    isBase64Encoded: body !== undefined,
  };
}

function setUp() {
  const drafts = new MemoryDrafts();
  const blobs = new MemoryBlobs();
  let next = 0;
  const handler = createUploadHandler({
    drafts,
    blobs,
    linkSigningKey: async () => KEY,
    clock: { now: () => NOW },
    basePath: '',
    s3Origin: 'https://bucket.s3.ap-southeast-3.amazonaws.com',
    ids: { newId: () => `00000000-0000-4000-8000-00000000000${next++}` },
  });
  const token = signUploadToken({ draftId: 'draft-1', serviceId: 1, expiresAt: NOW.getTime() + 1000 }, KEY);
  return { drafts, blobs, handler, token };
}

describe('upload rules', () => {
  it.each([
    ['KTP saya.jpg', 'KTP_saya.jpg'],
    ['../../etc/passwd', 'etc_passwd'],
    ['Akta Kelahiran Ñoño (1).pdf', 'Akta_Kelahiran_Nono_1_.pdf'],
    ['.hidden', 'hidden'],
    ['ファイル.png', 'png'],
    ['', 'berkas'],
    [`${'a'.repeat(200)}.jpeg`, `${'a'.repeat(75)}.jpeg`],
  ])('makes %j a safe key part: %j', (name, safe) => {
    expect(sanitiseFilename(name)).toBe(safe);
  });

  it('asks for the service requirements, or only the requested ones in the service order', () => {
    expect(requestedRequirements({ draftId: 'd', serviceId: 1 }, DEFAULT_SERVICES).requirements.map((r) => r.id)).toEqual([
      'ktp',
      'kk',
      'akta',
      'surat-kehilangan',
    ]);
    expect(
      requestedRequirements({ draftId: 'd', serviceId: 1, only: ['surat-kehilangan', 'kk', 'paspor-lama'] }, DEFAULT_SERVICES).requirements.map((r) => r.id),
    ).toEqual(['kk', 'surat-kehilangan']);
    expect(() => requestedRequirements({ draftId: 'd', serviceId: 1, only: ['paspor-lama'] }, DEFAULT_SERVICES)).toThrow(InvalidGrantError);
  });

  it('writes sizes the Indonesian way and escapes before making *bold*', () => {
    expect(formatSize(100)).toBe('1 KB');
    expect(formatSize(820 * 1024)).toBe('820 KB');
    expect(formatSize(1.45 * 1024 * 1024)).toBe('1,4 MB');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(richText('*<b>MENU</b>* sekarang')).toBe('<strong>&lt;b&gt;MENU&lt;/b&gt;</strong> sekarang');
  });
});

describe('upload handler at a Function URL root', () => {
  it('serves the page at /<token> with links to /static/… and the bucket in connect-src', async () => {
    const { handler, token } = setUp();
    const result = await handler(functionUrlEvent('GET', `/${token}`));
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('href="/static/upload.css"');
    expect(result.body).toContain('src="/static/upload.js"');
    expect(result.body).toContain(`data-api="/${token}"`);
    expect(result.headers?.['content-security-policy']).toContain("connect-src 'self' https://bucket.s3.ap-southeast-3.amazonaws.com");
    expect((await handler(functionUrlEvent('GET', '/static/upload.js'))).statusCode).toBe(200);
  });

  it('hands out a presigned PUT under pending/<draft>/<requirement>/ (until checked) for a base64-encoded body', async () => {
    const { handler, token } = setUp();
    const result = await handler(
      functionUrlEvent('POST', `/${token}/uploads`, { requirement: 'kk', filename: 'Kartu Keluarga.pdf', contentType: 'application/pdf', size: 3000 }),
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({
      uploadId: '00000000-0000-4000-8000-000000000000',
      key: 'pending/draft-1/kk/00000000-0000-4000-8000-000000000000-Kartu_Keluarga.pdf',
      url: expect.stringMatching(/^https:\/\/bucket\.s3\.ap-southeast-3\.amazonaws\.com\/pending\/draft-1\/kk\//),
    });
  });

  it('records a PDF checked on arrival with the time of the clock, moved from pending/ to documents/', async () => {
    const { handler, token, blobs, drafts } = setUp();
    const pending = 'pending/draft-1/ktp/00000000-0000-4000-8000-000000000000-ktp.pdf';
    const key = 'documents/draft-1/ktp/00000000-0000-4000-8000-000000000000-ktp.pdf';
    await blobs.put(pending, Buffer.from('%PDF-1.4 ...'), 'application/pdf');
    const result = await handler(
      functionUrlEvent('POST', `/${token}/uploads/00000000-0000-4000-8000-000000000000/complete`, { requirement: 'ktp', key: pending, filename: 'ktp.pdf' }),
    );
    expect(result.statusCode).toBe(200);
    expect([...blobs.objects.keys()]).toEqual([key]);
    expect(await drafts.listDocuments('draft-1')).toEqual([
      { requirement: 'ktp', key, filename: 'ktp.pdf', contentType: 'application/pdf', size: 12, uploadedAt: NOW.toISOString() },
    ]);
  });

  it('refuses an 11th page of one requirement with 422', async () => {
    const { handler, token, drafts } = setUp();
    for (let page = 0; page < 10; page += 1) {
      await drafts.addDocument('draft-1', {
        requirement: 'ktp',
        key: `documents/draft-1/ktp/${page}-p.jpg`,
        filename: 'p.jpg',
        contentType: 'image/jpeg',
        size: 1,
        uploadedAt: NOW.toISOString(),
      });
    }
    const result = await handler(functionUrlEvent('POST', `/${token}/uploads`, { requirement: 'ktp', filename: 'p.jpg', contentType: 'image/jpeg', size: 10 }));
    expect(result.statusCode).toBe(422);
    expect(JSON.parse(result.body ?? '')).toEqual({ error: 'too-many-pages', message: expect.stringContaining('Maksimal 10 halaman') });
  });

  it('answers 405 for a known path with another method, 404 elsewhere, with the security headers', async () => {
    const { handler, token } = setUp();
    const wrongMethod = await handler(functionUrlEvent('GET', `/${token}/submit`));
    expect(wrongMethod.statusCode).toBe(405);
    const missing = await handler(functionUrlEvent('GET', '/static/missing.js'));
    expect(missing.statusCode).toBe(404);
    expect(missing.headers).toEqual(
      expect.objectContaining({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' }),
    );
  });

  it('answers 410 at the second the link expires', async () => {
    const { handler } = setUp();
    const token = signUploadToken({ draftId: 'draft-1', serviceId: 1, expiresAt: NOW.getTime() }, KEY);
    expect((await handler(functionUrlEvent('GET', `/${token}`))).statusCode).toBe(410);
  });

  it('answers 403 for a signed link naming a service that does not exist', async () => {
    const { handler } = setUp();
    const token = signUploadToken({ draftId: 'draft-1', serviceId: 9 as 1, expiresAt: NOW.getTime() + 1000 }, KEY);
    expect((await handler(functionUrlEvent('GET', `/${token}`))).statusCode).toBe(403);
  });

  it('answers 500 without internals when a store fails', async () => {
    const { handler, token, drafts } = setUp();
    drafts.listDocuments = async () => {
      throw new Error('ProvisionedThroughputExceededException: secret table details');
    };
    const result = await handler(functionUrlEvent('POST', `/${token}/submit`, {}));
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('secret table details');
    expect(JSON.parse(result.body ?? '').message).toMatch(/gangguan/);
  });
});
