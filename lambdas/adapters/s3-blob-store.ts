import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  paginateListObjectsV2,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobStore } from '../ports';

/**
 * Checksums only when S3 requires them: with the SDK's default the local stand-in (s3rver) silently
 * stores streamed uploads with their chunk framing (docs/toolchain.md); real S3 accepts either.
 */
export function s3Client(config: S3ClientConfig = {}): S3Client {
  return new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...config });
}

export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    /** Presigns against another client, e.g. one whose endpoint is the public address of a proxy. */
    private readonly presignClient: S3Client = client,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  async head(key: string): Promise<{ size: number; contentType?: string } | undefined> {
    try {
      const result = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: result.ContentLength ?? 0, ...(result.ContentType ? { contentType: result.ContentType } : {}) };
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  async readStart(key: string, length: number): Promise<Uint8Array> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }));
    return (await result.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  async get(key: string): Promise<Uint8Array> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return (await result.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async move(from: string, to: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to,
        CopySource: `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
        MetadataDirective: 'COPY',
      }),
    );
    await this.delete(from);
  }

  async deletePrefix(prefix: string): Promise<number> {
    let deleted = 0;
    for await (const page of paginateListObjectsV2({ client: this.client, pageSize: 1000 }, { Bucket: this.bucket, Prefix: prefix })) {
      const objects = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (objects.length === 0) continue;
      const result = await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: objects, Quiet: true } }));
      if (result.Errors && result.Errors.length > 0)
        throw new Error(`S3 kept ${result.Errors.length} object(s) under ${prefix}: ${result.Errors[0]?.Code ?? ''}`);
      deleted += objects.length;
    }
    return deleted;
  }

  /**
   * S3 answers a presigned GET with the `response-content-*` values it was signed with: the type the
   * file's bytes showed, and `inline` only for a photo or PDF (anything else downloads, never renders).
   * A `cacheable` link is signed at the start of the current period of `expiresInSeconds` and lives two
   * periods, so every page made in one period shows the same link (still valid for at least
   * `expiresInSeconds`), and S3 serves it with a private `max-age`: a document fetched ahead of time, or
   * looked at again, comes from the browser's cache.
   */
  presignedGetUrl(key: string, expiresInSeconds: number, filename?: string, contentType?: string, options?: { cacheable?: boolean }): Promise<string> {
    const safeName = filename ? `; filename="${filename.replace(/[^\w.-]/g, '_')}"` : '';
    const disposition = contentType === undefined || shownInline(contentType) ? 'inline' : 'attachment';
    const periodMs = expiresInSeconds * 1000;
    const signingDate = options?.cacheable ? new Date(Math.floor(this.now() / periodMs) * periodMs) : new Date(this.now());
    return getSignedUrl(
      this.presignClient,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ...(filename || contentType ? { ResponseContentDisposition: `${disposition}${safeName}` } : {}),
        ...(contentType ? { ResponseContentType: contentType } : {}),
        ...(options?.cacheable ? { ResponseCacheControl: `private, max-age=${expiresInSeconds}` } : {}),
      }),
      { expiresIn: options?.cacheable ? 2 * expiresInSeconds : expiresInSeconds, signingDate },
    );
  }

  presignedPutUrl(key: string, contentType: string, contentLength: number, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.presignClient, new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: contentLength }), {
      expiresIn: expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
  }
}

/** Types a browser may show in place: photos and PDFs. Everything else is served as a download. */
export const INLINE_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'application/pdf']);

export function shownInline(contentType: string): boolean {
  return INLINE_DOCUMENT_TYPES.has((contentType.split(';')[0] ?? '').trim().toLowerCase());
}
