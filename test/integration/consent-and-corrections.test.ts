/**
 * The privacy notice and consent before the first personal data, and UBAH DATA before confirmation
 * (UU 27/2022), through signed webhooks on the real local server: what the applicant reads, what is
 * stored, what officers see.
 */
import { documentClient } from '../../lambdas/adapters/dynamodb-client';
import { keys } from '../../lambdas/adapters/table-design';
import { messages } from '../../lambdas/domain/texts';
import { consentTexts, correctionTexts, PRIVACY_NOTICE_VERSION } from '../../lambdas/domain/texts/consent-and-corrections';
import { adminSession } from '../support/admin-client';
import { newWaId, registerApplicant, say, sayOnly, uploadDocuments, queueNumberIn } from '../support/journey';
import { workingDay } from '../support/officer-api';
import { testOffice } from '../support/office';
import { newPerson, nikOf, registrationLine } from '../support/registration-lines';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

let server: TestServer;
let table: ReturnType<typeof documentClient>;

beforeAll(async () => {
  server = await startTestServer();
  table = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
});
afterAll(async () => {
  table?.destroy();
  await server?.cleanUp();
});

async function tap(waId: string, id: string, title: string): Promise<string> {
  const before = server.fakeGraph.sentTo(waId).length;
  expect((await server.sendMessage(waId, { choice: { id, title }, list: false })).status).toBe(200);
  return textOf((await server.waitForSent(waId, before + 1))[before]);
}

async function nikGuard(nik: string): Promise<string | undefined> {
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const item = await table.send(new GetCommand({ TableName: server.config.TABLE_NAME, Key: keys.nikGuard(nik), ConsistentRead: true }));
  return item.Item?.queueNumber as string | undefined;
}

describe('notice and consent', () => {
  it('asks before the upload link, accepts nothing on TIDAK, and records the consent on the registration the officer sees', async () => {
    const waId = newWaId();
    await say(server, waId, 'Assalamualaikum', 2);
    const before = server.fakeGraph.sentTo(waId).length;
    const [notice] = await sayOnly(server, waId, '1');
    expect(notice).toBe(consentTexts.notice(testOffice()));
    expect(notice).not.toMatch(/https?:\/\//);
    const payload = server.fakeGraph.sentTo(waId)[before]?.payload as { interactive?: { type: string; action: { buttons: { reply: { title: string } }[] } } };
    expect(payload.interactive?.type).toBe('button');
    expect(payload.interactive?.action.buttons.map((button) => button.reply.title)).toEqual(['Setuju', 'Tidak setuju']);

    // Refused: nothing personal taken, and the way back is said.
    expect(await sayOnly(server, waId, 'Tidak')).toEqual([consentTexts.refused(1)]);
    const [line] = await sayOnly(server, waId, registrationLine(newPerson()), 3);
    expect(line).toBe(messages.registration.eachPersonOwnRegistration(testOffice().services));

    // Later: the number again, and the button this time.
    expect(await sayOnly(server, waId, '1')).toEqual([consentTexts.notice(testOffice())]);
    const agreedAt = Date.now();
    const requirements = await tap(waId, 'consent:yes', 'Setuju');
    expect(requirements).toContain('Anda memilih Layanan 1');
    await uploadDocuments(server, requirements);
    await say(server, waId, 'SELESAI');
    const [success] = await say(server, waId, registrationLine(newPerson()));
    const queueNumber = queueNumberIn(success ?? '');

    const admin = await adminSession(server);
    const detail = (await admin.request('GET', `/api/registrations/${queueNumber}`)).body as { consent: { version: string; at: string } | null };
    expect(detail.consent?.version).toBe(PRIVACY_NOTICE_VERSION);
    expect(Date.parse(detail.consent?.at ?? '')).toBeGreaterThanOrEqual(agreedAt - 1000);

    // Agreed to this version: the next registration (a family member) is not asked again.
    const [next] = await sayOnly(server, waId, '2');
    expect(next).toContain('Anda memilih Layanan 2');
  });
});

describe('UBAH DATA', () => {
  it('corrects a PENDING registration, moves the NIK guard, and shows the correction to officers', async () => {
    const { waId, queueNumber, person } = await registerApplicant(server);
    const oldNik = nikOf(person);
    const fixed = newPerson({ name: 'Ahmad Budiman Saleh', birth: person.birth });
    const newNik = nikOf(fixed);
    const [reply] = await say(server, waId, `ubah data/${fixed.name}/${fixed.place}/${fixed.birth}/${newNik}/${fixed.phone}`);
    expect(reply).toContain(`Data pendaftaran Nomor Antrian ${queueNumber} sudah diubah`);
    expect(reply).toContain(`••••••••••••${newNik.slice(-4)}`);
    expect(reply).not.toContain(newNik);

    expect(await nikGuard(newNik)).toBe(queueNumber);
    expect(await nikGuard(oldNik)).toBeUndefined();

    const admin = await adminSession(server);
    const detail = (await admin.request('GET', `/api/registrations/${queueNumber}`)).body as {
      name: string;
      nik: string;
      status: string;
      history: { action: string; actor: string; detail: string }[];
    };
    expect(detail).toMatchObject({ name: 'Ahmad Budiman Saleh', nik: newNik, status: 'PENDING' });
    expect(detail.history).toContainEqual(
      expect.objectContaining({ action: 'data-corrected', actor: 'pemohon', detail: expect.stringContaining('Nama: Ahmad Budiman → Ahmad Budiman Saleh') }),
    );
    const requests = (await admin.request('GET', '/api/data-requests')).body as { kind: string; queueNumbers: string[]; outcome: string }[];
    expect(requests.filter((request) => request.queueNumbers.includes(queueNumber))).toEqual([
      { kind: 'correction', at: expect.any(String), queueNumbers: [queueNumber], outcome: 'corrected' },
    ]);

    // The old NIK is free again: another applicant may register with it.
    const other = await registerApplicant(server, { person: { ...person, name: 'Orang Lain' } });
    expect(other.queueNumber).not.toBe(queueNumber);
  });

  it('refuses a NIK open in another registration and an invalid line, changing nothing', async () => {
    const first = await registerApplicant(server);
    const second = await registerApplicant(server);
    const taken = nikOf(second.person);
    const p = first.person;
    expect(await say(server, first.waId, `UBAH DATA/${p.name}/${p.place}/${p.birth}/${taken}/${p.phone}`)).toEqual([
      messages.registration.nikHeldElsewhere(testOffice()),
    ]);
    const [invalid] = await say(server, first.waId, `UBAH DATA/${p.name}/${p.place}/31-02-1990/${nikOf(p)}/${p.phone}`);
    expect(invalid).toContain(correctionTexts.format);
    expect(await nikGuard(nikOf(p))).toBe(first.queueNumber);
    expect(await nikGuard(taken)).toBe(second.queueNumber);
    const admin = await adminSession(server);
    const detail = (await admin.request('GET', `/api/registrations/${first.queueNumber}`)).body as { nik: string; history: { action: string }[] };
    expect(detail.nik).toBe(nikOf(p));
    expect(detail.history.map((entry) => entry.action)).not.toContain('data-corrected');
  });

  it('after the officer confirmed, says to ask the officer and records the request', async () => {
    const { waId, queueNumber, person } = await registerApplicant(server);
    const admin = await adminSession(server);
    const confirmed = await admin.request('POST', `/api/registrations/${queueNumber}/confirm`, { body: { date: workingDay(2), time: '09:00' } });
    expect(confirmed.status).toBe(200);
    await server.queue.drained();
    const [reply] = await say(server, waId, `UBAH DATA/Nama Baru/${person.place}/${person.birth}/${nikOf(person)}/${person.phone}`);
    expect(reply).toBe(correctionTexts.afterConfirmation(queueNumber, testOffice()));
    const detail = (await admin.request('GET', `/api/registrations/${queueNumber}`)).body as { name: string };
    expect(detail.name).toBe(person.name);
    const requests = (await admin.request('GET', '/api/data-requests')).body as { kind: string; queueNumbers: string[]; outcome: string }[];
    expect(requests.filter((request) => request.queueNumbers.includes(queueNumber))).toEqual([
      { kind: 'correction', at: expect.any(String), queueNumbers: [queueNumber], outcome: 'refused-confirmed' },
    ]);
  });
});
