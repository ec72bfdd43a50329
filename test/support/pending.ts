/**
 * PENDING registrations written straight into a local server's table (as the byStatus index lists them),
 * each with its documents in the draft store and the bucket: a morning's queue for an officer, made in
 * milliseconds instead of a conversation each.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { registrationItem } from '../../lambdas/adapters/registration-items';
import { DEFAULT_SERVICES, type ServiceId } from '../../lambdas/domain/services';
import type { LocalServer } from '../../local/server';
import { TINY_PDF } from './documents';

export interface PendingOptions {
  /** Queue numbers start here (`KRC-<start>`, `KRC-<start+1>`, …). */
  readonly firstNumber: number;
  readonly count: number;
  /** How long ago the first one registered; each next one `stepMinutes` later. */
  readonly hoursAgo?: number;
  readonly stepMinutes?: number;
  readonly serviceId?: ServiceId;
  readonly flags?: (index: number) => readonly string[];
  /** The image every requirement but the last gets (a PDF for the last one). */
  readonly image: Uint8Array;
  /** Bytes appended to the PDF, to give it a size. */
  readonly pdfPadding?: number;
}

export async function addPendingRegistrations(
  server: Pick<LocalServer, 'dynamoEndpoint' | 'config' | 'drafts' | 'blobs'>,
  options: PendingOptions,
): Promise<string[]> {
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const serviceId = options.serviceId ?? 1;
  const requirements = DEFAULT_SERVICES.find((service) => service.id === serviceId)?.requirements ?? [];
  const start = Date.now() - (options.hoursAgo ?? 5) * 3600_000;
  const pdf = options.pdfPadding ? Buffer.concat([Buffer.from(TINY_PDF), Buffer.alloc(options.pdfPadding, 0x20)]) : Buffer.from(TINY_PDF);
  const queueNumbers: string[] = [];
  try {
    for (let index = 0; index < options.count; index += 1) {
      const number = options.firstNumber + index;
      const queueNumber = `KRC-${number}`;
      const draftId = `draft-${queueNumber}`;
      const createdAt = new Date(start + index * (options.stepMinutes ?? 3) * 60_000).toISOString();
      for (const [position, requirement] of requirements.entries()) {
        const last = position === requirements.length - 1;
        const key = `documents/${draftId}/${requirement}/page-1.${last ? 'pdf' : 'png'}`;
        const bytes = last ? pdf : options.image;
        await server.blobs.put(key, bytes, last ? 'application/pdf' : 'image/png');
        await server.drafts.addDocument(
          draftId,
          {
            requirement,
            key,
            filename: `${requirement}.${last ? 'pdf' : 'png'}`,
            contentType: last ? 'application/pdf' : 'image/png',
            size: bytes.length,
            uploadedAt: createdAt,
          },
          new Date(),
        );
      }
      const phone = `62812${String(number).padStart(7, '0')}`;
      await client.send(
        new PutCommand({
          TableName: server.config.TABLE_NAME,
          Item: registrationItem({
            queueNumber,
            name: `Pemohon ${number}`,
            placeOfBirth: 'SUNGAI PENUH',
            dateOfBirth: '1990-08-15',
            nik: `150101150890${String(number).padStart(4, '0')}`,
            phone,
            serviceId,
            status: 'PENDING',
            createdAt,
            ownerKey: phone,
            ownerWaId: phone,
            profileName: `Pemohon ${number}`,
            draftId,
            documentsMode: 'web',
            flags: [...(options.flags?.(index) ?? [])],
            rescheduled: false,
          }),
        }),
      );
      queueNumbers.push(queueNumber);
    }
  } finally {
    client.destroy();
  }
  return queueNumbers;
}
