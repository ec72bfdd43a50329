/** An applicant's way through the bot on a test server, step by step, as signed webhooks. */
import { readUploadToken } from '../../lambdas/adapters/upload-links';
import { jakartaDate } from '../../lambdas/domain/calendar';
import type { DocumentsHint } from '../../lambdas/domain/texts';
import { DEFAULT_SERVICES, type RequirementId, type ServiceId } from '../../lambdas/domain/services';
import { TINY_PDF } from './documents';
import { newPerson, registrationLine, type Person } from './registration-lines';
import { CONSENT_CHOICE } from '../../lambdas/domain/consent';
import type { SentMessage } from '../../local/fake-graph-api';
import { textOf, waitFor, type TestServer } from './test-server';

let nextWaId = 6281500000000 + Math.floor(Math.random() * 1_000_000) * 100;

export function newWaId(): string {
  nextWaId += 1;
  return String(nextWaId);
}

/**
 * Sends a text and resolves with the replies it caused (waits until `count` new ones arrived). An applicant
 * asked for consent to the privacy notice (choosing a service the first time) agrees, as most do: the
 * replies are then those to SETUJU, the service's own. Tests of the consent step itself use `sayOnly`.
 */
export async function say(server: TestServer, waId: string, text: string, count = 1, sentAt?: Date): Promise<string[]> {
  const replies = await sentAfter(server, waId, text, count, sentAt);
  if (replies.some(isConsentNotice)) return say(server, waId, 'SETUJU', count, sentAt);
  return replies.map(textOf);
}

/** Sends a text and resolves with exactly the replies it caused, a consent notice included. */
export async function sayOnly(server: TestServer, waId: string, text: string, count = 1, sentAt?: Date): Promise<string[]> {
  return (await sentAfter(server, waId, text, count, sentAt)).map(textOf);
}

/** The privacy notice with its Setuju / Tidak setuju buttons, as Meta was asked to send it. */
export function isConsentNotice(message: SentMessage): boolean {
  return JSON.stringify(message.payload).includes(`"${CONSENT_CHOICE.agree}"`);
}

/** The new messages to `waId` after sending `text`: `count` of them, or fewer when one is the consent notice (it comes alone). */
async function sentAfter(server: TestServer, waId: string, text: string, count: number, sentAt?: Date): Promise<SentMessage[]> {
  const before = server.fakeGraph.sentTo(waId).length;
  const { status } = await server.sendMessage(waId, { text }, sentAt ? { timestamp: sentAt } : {});
  if (status !== 200) throw new Error(`webhook answered ${status}`);
  return waitFor(
    () => {
      const sent = server.fakeGraph.sentTo(waId).slice(before);
      return sent.length >= count || sent.some(isConsentNotice) ? sent : undefined;
    },
    20_000,
    () => `expected ${count} messages to ${waId} after "${text}", got ${server.fakeGraph.sentTo(waId).length - before}`,
  );
}

export function queueNumberIn(reply: string): string {
  const match = reply.match(/Nomor Antrian: ([A-Z]+-\d{3,})/);
  if (!match?.[1]) throw new Error(`no queue number in: ${reply}`);
  return match[1];
}

/** The upload link of a bot message: alone on its line. */
export function uploadLinkIn(message: string): string {
  return message.match(/^(https?:\/\/\S+)$/m)?.[1] ?? '';
}

/** The signed token behind an upload link: a short link (`…/u/<code>`) is followed to the page it redirects to. */
export async function tokenOfLink(link: string): Promise<string> {
  if (!/\/u\/[A-Za-z0-9]+$/.test(link)) return link.split('/').pop() ?? '';
  const response = await fetch(link, { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`short link ${link} answered ${response.status}`);
  return (response.headers.get('location') ?? '').split('/').pop() ?? '';
}

/** The upload page a bot message's link opens: a short link (`…/u/<code>`) followed to the page's own address. */
export async function pageLinkIn(message: string): Promise<string> {
  const link = uploadLinkIn(message);
  if (!/\/u\/[A-Za-z0-9]+$/.test(link)) return link;
  const response = await fetch(link, { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`short link ${link} answered ${response.status}`);
  return new URL(response.headers.get('location') ?? '', link).toString();
}

/** The web-mode hint a message was built from: its link, and the last day that link works (read from its token). */
export async function webHintIn(server: TestServer, message: string): Promise<Extract<DocumentsHint, { mode: 'web' }>> {
  const uploadUrl = uploadLinkIn(message);
  const grant = readUploadToken(await tokenOfLink(uploadUrl), server.secrets.LINK_SIGNING_KEY, 0);
  if (!grant) throw new Error(`no valid upload link in: ${message}`);
  return { mode: 'web', uploadUrl, validUntil: jakartaDate(new Date(grant.expiresAt)) };
}

/** Web mode: documents as the upload page records them (the page has its own tests). */
export async function uploadDocuments(server: TestServer, uploadLinkText: string, only?: readonly RequirementId[]): Promise<string> {
  const grant = readUploadToken(await tokenOfLink(uploadLinkIn(uploadLinkText)), server.secrets.LINK_SIGNING_KEY, Date.now());
  if (!grant) throw new Error(`no valid upload link in: ${uploadLinkText}`);
  const service = DEFAULT_SERVICES.find((candidate) => candidate.id === grant.serviceId);
  for (const requirement of only ?? grant.only ?? service?.requirements ?? []) {
    const key = `documents/${grant.draftId}/${requirement}/${Date.now()}-page.pdf`;
    await server.blobs.put(key, TINY_PDF, 'application/pdf');
    await server.drafts.addDocument(
      grant.draftId,
      {
        requirement: requirement as RequirementId,
        key,
        filename: `${requirement}.pdf`,
        contentType: 'application/pdf',
        size: TINY_PDF.length,
        uploadedAt: new Date().toISOString(),
      },
      new Date(),
    );
  }
  return grant.draftId;
}

/** Greeting → service → documents → SELESAI → DAFTAR (web mode); resolves with the queue number. */
export async function registerApplicant(
  server: TestServer,
  options: { waId?: string; serviceId?: ServiceId; person?: Person; sentAt?: Date } = {},
): Promise<{ waId: string; queueNumber: string; person: Person }> {
  const waId = options.waId ?? newWaId();
  const person = options.person ?? newPerson();
  await say(server, waId, 'Assalamualaikum', 2, options.sentAt);
  const [requirements] = await say(server, waId, String(options.serviceId ?? 1), 1, options.sentAt);
  await uploadDocuments(server, requirements ?? '');
  await say(server, waId, 'SELESAI', 1, options.sentAt);
  const [success] = await say(server, waId, registrationLine(person), 1, options.sentAt);
  return { waId, queueNumber: queueNumberIn(success ?? ''), person };
}
