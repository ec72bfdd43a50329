/**
 * The private bucket as a `BlobStore` whose S3 client and presigner are loaded on first use: most
 * invocations of the worker, the admin app and the reminder job never touch a file, and the S3 client is
 * the largest part of the AWS SDK these functions carry (README "Performance"). In the bundle the import
 * below is a chunk of its own (code splitting), read from disk only when a path needs it.
 */
import type { BlobStore } from '../ports';
import { onFirstUse } from './on-first-use';

export function lazyS3BlobStore(bucket: string): BlobStore {
  const load = onFirstUse(async (): Promise<BlobStore> => {
    const { S3BlobStore, s3Client } = await import('./s3-blob-store');
    return new S3BlobStore(s3Client(), bucket);
  });
  return {
    put: async (key, bytes, contentType) => (await load()).put(key, bytes, contentType),
    head: async (key) => (await load()).head(key),
    readStart: async (key, length) => (await load()).readStart(key, length),
    get: async (key) => (await load()).get(key),
    delete: async (key) => (await load()).delete(key),
    move: async (from, to) => (await load()).move(from, to),
    presignedGetUrl: async (key, expiresInSeconds, filename, served, options) =>
      (await load()).presignedGetUrl(key, expiresInSeconds, filename, served, options),
    presignedPutUrl: async (key, contentType, contentLength, expiresInSeconds) =>
      (await load()).presignedPutUrl(key, contentType, contentLength, expiresInSeconds),
    deletePrefix: async (prefix) => (await load()).deletePrefix(prefix),
  };
}
