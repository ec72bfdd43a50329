/**
 * Issue 16, problem 7 (and the "any message type" rule): plain words at the menu, case- and typo-tolerant
 * keywords, a second person's DAFTAR explained, and a short fixed answer to a voice note, sticker,
 * location, contact or video at any step that says what the bot reads and what to do now.
 */
import { messages } from '../../lambdas/domain/texts';
import { DEFAULT_SERVICES } from '../../lambdas/domain/services';
import type { SimulatedMessage } from '../../local/meta-envelope';
import { newWaId, registerApplicant, say, uploadDocuments, webHintIn } from '../support/journey';
import { newPerson, registrationLine } from '../support/registration-lines';
import { startTestServer, textOf, type TestServer } from '../support/test-server';
import { testOffice } from '../support/office';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanUp());

async function send(waId: string, message: SimulatedMessage, count = 1): Promise<string[]> {
  const before = server.fakeGraph.sentTo(waId).length;
  expect((await server.sendMessage(waId, message)).status).toBe(200);
  return (await server.waitForSent(waId, before + count)).slice(before).map(textOf);
}

async function atMenu(): Promise<string> {
  const waId = newWaId();
  await say(server, waId, 'Assalamualaikum', 2);
  return waId;
}

const VOICE_NOTE: SimulatedMessage = { media: { kind: 'audio', mediaId: 'voice-1', mimeType: 'audio/ogg; codecs=opus' } };
const STICKER: SimulatedMessage = { media: { kind: 'sticker', mediaId: 'sticker-1', mimeType: 'image/webp' } };
const LOCATION: SimulatedMessage = { other: { type: 'location', body: { latitude: -2.06, longitude: 101.39, name: 'Sungai Penuh' } } };
const CONTACT: SimulatedMessage = {
  other: { type: 'contacts', body: [{ name: { formatted_name: 'Budi' }, phones: [{ phone: '+62 812 0000 0000' }] }] as unknown as Record<string, unknown> },
};

describe('plain words at the menu', () => {
  it.each<[string, number]>([
    ['mau daftar paspor hilang', 1],
    ['Paspor saya RUSAK kena banjir', 2],
    ['ubah data paspor', 3],
    ['paspor hilang, ganti data juga', 4],
    ['paspor rusak dan ubah data', 5],
    ['paspor hilng', 1],
  ])('takes "%s" as service %s', async (words, serviceId) => {
    const waId = await atMenu();
    const [reply = ''] = await say(server, waId, words);
    const service = DEFAULT_SERVICES.find((candidate) => candidate.id === serviceId)!;
    expect(reply.split('\n')[0]).toBe(
      `Anda memilih Layanan ${service.id} ${service.name}, Silahkan Isi Identitas anda dan Lengkapi persyaratan, sebagai berikut:`,
    );
  });

  it('takes "jadwal" as 6, and STATUS, BATAL, MENU and BANTUAN in any case and with a typo', async () => {
    const waId = await atMenu();
    // No appointment yet: the answer of 6 (issue 16, problem 6).
    expect(await say(server, waId, 'ganti jadwal')).toEqual([messages.selfService.noConfirmedAppointment]);
    expect(await say(server, waId, 'statsu')).toEqual([messages.selfService.noRegistrations]);
    expect(await say(server, waId, 'Btal')).toEqual([messages.selfService.noOpenRegistration]);
    expect(await say(server, waId, 'bantuan')).toEqual([messages.help(testOffice())]);
    expect(await say(server, waId, 'mneu', 2)).toEqual([messages.welcome(testOffice()), messages.menuList.body]);
  });

  it('explains to someone registering a second person that each person needs their own service choice and documents', async () => {
    const { waId } = await registerApplicant(server);
    const [explained, menu] = await say(server, waId, registrationLine(newPerson({ name: 'Anak Budiman' })), 3);
    expect(explained).toBe(messages.registration.eachPersonOwnRegistration(testOffice().services));
    expect(menu).toBe(messages.welcome(testOffice()));
  });
});

describe('any message type at any step', () => {
  it('answers a sticker at the menu with what the bot reads and what to do', async () => {
    const waId = await atMenu();
    expect(await send(waId, STICKER)).toEqual([messages.prompts.cannotRead('sticker', messages.prompts.nowMenu)]);
  });

  it('answers a location while documents are gathered with the upload link, and a photo in the chat with where it belongs', async () => {
    const waId = await atMenu();
    const [requirements = ''] = await say(server, waId, '1');
    const hint = await webHintIn(server, requirements);
    expect(await send(waId, LOCATION)).toEqual([messages.prompts.cannotRead('location', messages.prompts.documentsWeb(hint))]);
    const photo: SimulatedMessage = { media: { kind: 'image', mediaId: 'photo-1', mimeType: 'image/jpeg' } };
    expect(await send(waId, photo)).toEqual([messages.prompts.filesThroughLink(hint)]);
  });

  it('answers a voice note at stage 4 with how to type the registration, not the same instruction again', async () => {
    const waId = await atMenu();
    const [requirements = ''] = await say(server, waId, '2');
    await uploadDocuments(server, requirements);
    await say(server, waId, 'SELESAI');
    const [answer = ''] = await send(waId, VOICE_NOTE);
    expect(answer).toBe(messages.prompts.cannotRead('audio', messages.prompts.nowRegistration));
    expect(answer).not.toBe(messages.registrationInstruction());
  });

  it('answers a contact at the cancel question', async () => {
    const { waId, queueNumber } = await registerApplicant(server);
    await say(server, waId, 'BATAL');
    expect(await send(waId, CONTACT)).toEqual([messages.prompts.cannotRead('contacts', messages.prompts.nowCancelConfirm(queueNumber))]);
    expect(await say(server, waId, 'TIDAK')).toEqual([messages.selfService.cancelKept(queueNumber)]);
  });
});
