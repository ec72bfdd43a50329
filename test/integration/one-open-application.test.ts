/**
 * Issue 16, problem 1: one open application per applicant and service. Choosing the service again
 * continues it (same link, same files), every BELUM LENGKAP repeats the current link, an expired link
 * says until when it worked and how to get the current one, and a registered application is closed.
 */
import { signUploadToken } from '../../lambdas/adapters/upload-links';
import { messages } from '../../lambdas/domain/texts';
import { newWaId, registerApplicant, say, uploadDocuments, uploadLinkIn, webHintIn } from '../support/journey';
import { newPerson, registrationLine } from '../support/registration-lines';
import { startTestServer, type TestServer } from '../support/test-server';

const AKTA = 'Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis';
const POLICE_LETTER = 'Surat keterangan kehilangan dari kepolisian';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanUp());

describe('one open application per applicant and service', () => {
  it('continues the application when the service is chosen again: the same link, the files already in', async () => {
    const waId = newWaId();
    await say(server, waId, 'Assalamualaikum', 2);
    const [first = ''] = await say(server, waId, '1');
    const firstLink = uploadLinkIn(first);
    await uploadDocuments(server, first, ['ktp', 'kk']);

    await say(server, waId, 'MENU', 2);
    const [again = '', continued] = await say(server, waId, '1', 2);
    expect(uploadLinkIn(again)).toBe(firstLink);
    expect(again).toBe(first);
    expect(continued).toBe(messages.documents.continued(['KTP', 'KK'], 'web'));

    // Finishing on the link of the first message completes the application the bot knows.
    await uploadDocuments(server, first, ['akta', 'surat-kehilangan']);
    expect(await say(server, waId, 'SELESAI')).toEqual([messages.registrationInstruction()]);
    const [success = ''] = await say(server, waId, registrationLine(newPerson()));
    expect(success).toContain('Pendaftaran Antrian Berhasil');
  });

  it('repeats the current link, alone on its line with the day it ends, in every BELUM LENGKAP', async () => {
    const waId = newWaId();
    await say(server, waId, 'halo', 2);
    const [requirements = ''] = await say(server, waId, '1');
    await uploadDocuments(server, requirements, ['ktp']);
    const [incomplete = ''] = await say(server, waId, 'SELESAI');
    expect(incomplete).toBe(messages.documents.incomplete(['KK', AKTA, POLICE_LETTER], await webHintIn(server, requirements)));
    expect(incomplete.split('\n')).toContain(uploadLinkIn(requirements));
    expect(incomplete).toMatch(/^Link berlaku sampai (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}\.$/m);
    // A DAFTAR line before the documents are in gets the same answer.
    const [again] = await say(server, waId, registrationLine(newPerson()));
    expect(again).toBe(incomplete);
  });

  it('starts afresh for the next person once the documents became a registration', async () => {
    const { waId } = await registerApplicant(server);
    await say(server, waId, 'MENU', 2);
    const [requirements = ''] = await say(server, waId, '1');
    expect(await say(server, waId, 'SELESAI')).toEqual([
      messages.documents.incomplete(['KTP', 'KK', AKTA, POLICE_LETTER], await webHintIn(server, requirements)),
    ]);
  });

  it('says on an expired link until when it worked, that the files are kept, and how to get the current link', async () => {
    const expiresAt = Date.parse('2026-11-30T10:00:00Z');
    const token = signUploadToken({ draftId: 'draft-expired', serviceId: 1, expiresAt }, server.secrets.LINK_SIGNING_KEY);
    const response = await fetch(`${server.url}/upload/${token}`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain('berlaku sampai Senin, 30 November 2026');
    expect(html).toContain('Berkas yang sudah anda unggah tetap tersimpan');
    expect(html).toContain('pilih layanan yang sama');
  });
});
