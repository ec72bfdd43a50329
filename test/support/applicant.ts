/**
 * An applicant with a WhatsApp profile name of their own and documents of their own (web mode), carried
 * through the bot by signed webhooks to a queue number: what an officer then finds on the admin page.
 */
import { readUploadToken } from '../../lambdas/adapters/upload-links';
import { DEFAULT_SERVICES, type RequirementId, type ServiceId } from '../../lambdas/domain/services';
import { TINY_PDF } from './documents';
import { isConsentNotice, newWaId, queueNumberIn, tokenOfLink, uploadLinkIn } from './journey';
import { newPerson, registrationLine, type Person } from './registration-lines';
import { textOf, type TestServer } from './test-server';

export interface ApplicantDocument {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly filename: string;
}

export interface RegisteredApplicant {
  readonly waId: string;
  readonly queueNumber: string;
  readonly person: Person;
  readonly draftId: string;
}

export async function registerApplicant(
  server: TestServer,
  options: { profileName?: string; person?: Person; serviceId?: ServiceId; documents?: Partial<Record<RequirementId, ApplicantDocument>> } = {},
): Promise<RegisteredApplicant> {
  const waId = newWaId();
  const person = options.person ?? newPerson();
  const say = async (text: string, count = 1): Promise<string[]> => {
    const before = server.fakeGraph.sentTo(waId).length;
    const { status } = await server.sendMessage(waId, { text }, { name: options.profileName ?? 'Budi Santoso' });
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    const replies = (await server.waitForSent(waId, before + count)).slice(before);
    // The privacy notice before the first service: this applicant agrees.
    if (replies.some(isConsentNotice)) return say('SETUJU', count);
    return replies.map(textOf);
  };

  await say('Assalamualaikum', 2);
  const [requirements] = await say(String(options.serviceId ?? 1));
  const grant = readUploadToken(await tokenOfLink(uploadLinkIn(requirements ?? '')), server.secrets.LINK_SIGNING_KEY, Date.now());
  if (!grant) throw new Error(`no valid upload link in: ${requirements}`);
  const service = DEFAULT_SERVICES.find((candidate) => candidate.id === grant.serviceId);
  for (const requirement of service?.requirements ?? []) {
    const document = options.documents?.[requirement] ?? { bytes: TINY_PDF, contentType: 'application/pdf', filename: `${requirement}.pdf` };
    const extension = document.contentType === 'application/pdf' ? 'pdf' : document.contentType === 'image/png' ? 'png' : 'jpg';
    const key = `documents/${grant.draftId}/${requirement}/page-1.${extension}`;
    await server.blobs.put(key, document.bytes, document.contentType);
    await server.drafts.addDocument(
      grant.draftId,
      { requirement, key, filename: document.filename, contentType: document.contentType, size: document.bytes.length, uploadedAt: new Date().toISOString() },
      new Date(),
    );
  }
  await say('SELESAI');
  const [success] = await say(registrationLine(person));
  return { waId, queueNumber: queueNumberIn(success ?? ''), person, draftId: grant.draftId };
}
