/**
 * Greeting to queue number through signed webhooks on the real local server, for every service and
 * every upload mode: what the applicant reads, and what is stored.
 */
import { readUploadToken } from '../../lambdas/adapters/upload-links';
import { messages } from '../../lambdas/domain/texts';
import { DEFAULT_SERVICES, type RequirementId, type ServiceId } from '../../lambdas/domain/services';
import { TINY_JPEG, TINY_PDF } from '../support/documents';
import { newPerson, nikOf, registrationLine } from '../support/registration-lines';
import { say, tokenOfLink, uploadLinkIn, webHintIn } from '../support/journey';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

let applicantCounter = 6281300000000;
const newApplicant = () => String(applicantCounter++ + Math.floor(Math.random() * 1000) * 1000);

function queueNumberIn(reply: string): string {
  const match = reply.match(/Nomor Antrian: ([A-Z]+-\d{3,})/);
  if (!match?.[1]) throw new Error(`no queue number in: ${reply}`);
  return match[1];
}

async function chooseService(server: TestServer, waId: string, serviceId: ServiceId): Promise<string> {
  await say(server, waId, 'Assalamualaikum', 2);
  const [requirements] = await say(server, waId, String(serviceId));
  return requirements ?? '';
}

/** Web mode: the documents, as the upload page records them (its own tests drive the page itself). */
async function provideWebDocuments(server: TestServer, requirementsText: string, only?: RequirementId[]): Promise<string> {
  const grant = readUploadToken(await tokenOfLink(uploadLinkIn(requirementsText)), server.secrets.LINK_SIGNING_KEY, Date.now());
  if (!grant) throw new Error(`no valid upload link in: ${requirementsText}`);
  const service = DEFAULT_SERVICES.find((candidate) => candidate.id === grant.serviceId)!;
  for (const requirement of only ?? service.requirements) {
    const key = `documents/${grant.draftId}/${requirement}/page-1.pdf`;
    await server.blobs.put(key, TINY_PDF, 'application/pdf');
    await server.drafts.addDocument(
      grant.draftId,
      { requirement, key, filename: `${requirement}.pdf`, contentType: 'application/pdf', size: TINY_PDF.length, uploadedAt: new Date().toISOString() },
      new Date(),
    );
  }
  return grant.draftId;
}

async function registrationOf(server: TestServer, queueNumber: string) {
  const { DynamoDbRegistrationStore } = await import('../../lambdas/adapters/dynamodb-registration-store');
  const { documentClient } = await import('../../lambdas/adapters/dynamodb-client');
  const client = documentClient({ endpoint: server.dynamoEndpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  try {
    return await new DynamoDbRegistrationStore(client, server.config.TABLE_NAME).get(queueNumber);
  } finally {
    client.destroy();
  }
}

describe('web mode (default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.cleanUp());

  it.each(DEFAULT_SERVICES.map((service) => [service.id, service.name] as const))(
    'carries service %s (%s) from greeting to a PENDING queue number',
    async (serviceId) => {
      const waId = newApplicant();
      const person = newPerson({ name: 'Siti Aminah', sex: 'P', birth: '02-03-1985' });
      const requirements = await chooseService(server, waId, serviceId);
      const draftId = await provideWebDocuments(server, requirements);
      expect(await say(server, waId, 'SELESAI')).toEqual([messages.registrationInstruction()]);
      const [success] = await say(server, waId, registrationLine(person));
      const queueNumber = queueNumberIn(success ?? '');
      expect(queueNumber).toMatch(/^KRC-\d{3}$/);
      expect(success).toBe(messages.registrationSucceeded(queueNumber, 'Siti Aminah'));
      expect(await registrationOf(server, queueNumber)).toMatchObject({
        status: 'PENDING',
        serviceId,
        name: 'Siti Aminah',
        nik: nikOf(person),
        dateOfBirth: '1985-03-02',
        phone: '6289617841945',
        ownerKey: waId,
        ownerWaId: waId,
        profileName: 'Budi Santoso',
        draftId,
        documentsMode: 'web',
        flags: [],
      });
    },
  );

  it('answers SELESAI with documents missing by naming them, and stays until they are in', async () => {
    const waId = newApplicant();
    const requirements = await chooseService(server, waId, 1);
    await provideWebDocuments(server, requirements, ['ktp', 'kk']);
    expect(await say(server, waId, 'selesai')).toEqual([
      messages.documents.incomplete(
        ['Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis', 'Surat keterangan kehilangan dari kepolisian'],
        await webHintIn(server, requirements),
      ),
    ]);
    await provideWebDocuments(server, requirements, ['akta', 'surat-kehilangan']);
    expect(await say(server, waId, 'SELESAI')).toEqual([messages.registrationInstruction()]);
  });

  it('answers each bad field precisely and keeps the flow, so the corrected line registers', async () => {
    const waId = newApplicant();
    await provideWebDocuments(server, await chooseService(server, waId, 2));
    await say(server, waId, 'SELESAI');
    const person = newPerson();
    // Each refusal comes with the blank form as a second message (issue 16).
    const [badDate, form] = await say(server, waId, registrationLine({ ...person, birth: '31-02-1990' }), 2);
    expect(badDate).toContain('Tanggal lahir');
    expect(form).toBe(messages.registrationTemplate);
    const [badPhone] = await say(server, waId, registrationLine({ ...person, phone: '021555123' }), 2);
    expect(badPhone).toMatch(/Nomor HP/i);
    const [success] = await say(server, waId, registrationLine(person));
    expect(success).toContain('✅ Pendaftaran Antrian Berhasil');
  });

  it('explains a NIK whose date contradicts the birth date, and accepts it flagged with /YA', async () => {
    const waId = newApplicant();
    await provideWebDocuments(server, await chooseService(server, waId, 1));
    await say(server, waId, 'SELESAI');
    const person = newPerson();
    const line = `DAFTAR/${person.name}/${person.place}/16-08-1990/${nikOf(person)}/${person.phone}`;
    const [mismatch] = await say(server, waId, line);
    expect(mismatch).toContain('/YA');
    const [success] = await say(server, waId, `${line}/YA`);
    expect(await registrationOf(server, queueNumberIn(success ?? ''))).toMatchObject({ flags: ['NIK_TANGGAL_LAHIR_BERBEDA'] });
  });

  it('registers once when Meta delivers the registration message twice', async () => {
    const waId = newApplicant();
    await provideWebDocuments(server, await chooseService(server, waId, 3));
    await say(server, waId, 'SELESAI');
    const before = server.fakeGraph.sentTo(waId).length;
    const line = registrationLine(newPerson());
    const id = `wamid.daftar-${waId}`;
    await server.sendMessage(waId, { text: line }, { id });
    await server.sendMessage(waId, { text: line }, { id });
    await server.waitForSent(waId, before + 1);
    await server.queue.drained();
    const replies = server.fakeGraph.sentTo(waId).slice(before);
    expect(replies).toHaveLength(1);
    expect(textOf(replies[0])).toContain('✅ Pendaftaran Antrian Berhasil');
  });

  it('refuses a second open registration for the same NIK, from the same account and from another', async () => {
    const person = newPerson();
    const first = newApplicant();
    await provideWebDocuments(server, await chooseService(server, first, 1));
    await say(server, first, 'SELESAI');
    const queueNumber = queueNumberIn((await say(server, first, registrationLine(person)))[0] ?? '');

    await provideWebDocuments(server, await chooseService(server, first, 2));
    await say(server, first, 'SELESAI');
    expect(await say(server, first, registrationLine(person))).toEqual([messages.registration.nikHasOpenRegistration(queueNumber)]);

    const other = newApplicant();
    await provideWebDocuments(server, await chooseService(server, other, 1));
    await say(server, other, 'SELESAI');
    const [refusal] = await say(server, other, registrationLine(person));
    expect(refusal).not.toContain(queueNumber);
    expect(refusal).toContain('sudah memiliki pendaftaran yang masih berjalan');
  });

  it('lets one account register a family member too, each with their own number', async () => {
    const waId = newApplicant();
    const numbers: string[] = [];
    for (const person of [newPerson({ name: 'Bapak Hasan' }), newPerson({ name: 'Anak Hasan', birth: '01-01-2010' })]) {
      await provideWebDocuments(server, await chooseService(server, waId, 2));
      await say(server, waId, 'SELESAI');
      numbers.push(queueNumberIn((await say(server, waId, registrationLine(person)))[0] ?? ''));
    }
    expect(new Set(numbers).size).toBe(2);
    for (const queueNumber of numbers) expect(await registrationOf(server, queueNumber)).toMatchObject({ ownerKey: waId, status: 'PENDING' });
  });

  it('gives 50 applicants registering at the same moment 50 different numbers', async () => {
    const applicants = Array.from({ length: 50 }, (_, index) => ({
      waId: newApplicant(),
      person: newPerson({ name: `Pemohon ${String.fromCharCode(65 + (index % 26))}` }),
    }));
    await Promise.all(
      applicants.map(async ({ waId }) => {
        await provideWebDocuments(server, await chooseService(server, waId, 1));
        await say(server, waId, 'SELESAI');
      }),
    );
    const replies = await Promise.all(applicants.map(({ waId, person }) => say(server, waId, registrationLine(person))));
    const numbers = replies.map(([reply]) => queueNumberIn(reply ?? ''));
    expect(new Set(numbers).size).toBe(50);
  }, 60_000);
});

describe('chat mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ UPLOAD_MODE: 'chat' });
  });
  afterAll(async () => server.cleanUp());

  async function sendFile(waId: string, bytes: Buffer, mimeType: string, options: { caption?: string; kind?: 'image' | 'document' } = {}) {
    const { mediaId, sha256 } = server.fakeGraph.addMedia(bytes, mimeType);
    const kind = options.kind ?? (mimeType === 'application/pdf' ? 'document' : 'image');
    return server.sendMessage(waId, {
      media: {
        kind,
        mediaId,
        mimeType,
        sha256,
        ...(options.caption ? { caption: options.caption } : {}),
        ...(kind === 'document' ? { filename: 'scan.pdf' } : {}),
      },
    });
  }

  it.each(DEFAULT_SERVICES.map((service) => [service.id] as const))(
    'carries service %s from greeting to a queue number with files sent in the chat',
    async (serviceId) => {
      const waId = newApplicant();
      await say(server, waId, 'halo', 2);
      const [requirements, firstAsk] = await say(server, waId, String(serviceId), 2);
      expect(requirements).toContain('kirim foto atau PDF setiap berkas di chat ini');
      expect(firstAsk).toBe(messages.documents.ask('KTP'));
      const service = DEFAULT_SERVICES.find((candidate) => candidate.id === serviceId)!;
      for (const [index] of service.requirements.entries()) {
        const before = server.fakeGraph.sentTo(waId).length;
        await sendFile(waId, index % 2 ? TINY_PDF : TINY_JPEG, index % 2 ? 'application/pdf' : 'image/jpeg');
        await server.waitForSent(waId, before + 1);
      }
      expect(textOf(server.fakeGraph.sentTo(waId).at(-1))).toContain(messages.documents.allReceived);
      expect(await say(server, waId, 'SELESAI')).toEqual([messages.registrationInstruction()]);
      const [success] = await say(server, waId, registrationLine(newPerson()));
      const registration = await registrationOf(server, queueNumberIn(success ?? ''));
      expect(registration).toMatchObject({ status: 'PENDING', documentsMode: 'chat', serviceId });
      const documents = await server.drafts.listDocuments(registration!.draftId);
      expect(documents.map((document) => document.requirement).sort()).toEqual([...service.requirements].sort());
      for (const document of documents) expect((await server.blobs.get(document.key)).length).toBe(document.size);
    },
  );

  it('files documents by their captions, whatever order the webhooks arrive in', async () => {
    const waId = newApplicant();
    await say(server, waId, 'halo', 2);
    await say(server, waId, '1', 2);
    const before = server.fakeGraph.sentTo(waId).length;
    await sendFile(waId, TINY_PDF, 'application/pdf', { caption: 'surat kehilangan dari polsek' });
    await sendFile(waId, TINY_JPEG, 'image/jpeg', { caption: 'kartu keluarga' });
    await sendFile(waId, TINY_JPEG, 'image/jpeg', { caption: 'akta kelahiran' });
    await sendFile(waId, TINY_JPEG, 'image/jpeg', { caption: 'KTP' });
    const replies = (await server.waitForSent(waId, before + 4)).slice(before).map(textOf);
    expect(replies.map((reply) => reply.split('\n')[0])).toEqual([
      messages.documents.received('Surat keterangan kehilangan dari kepolisian', 1),
      messages.documents.received('KK', 1),
      messages.documents.received('Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis', 1),
      messages.documents.received('KTP', 1),
    ]);
    expect(replies[3]).toContain(messages.documents.allReceived);
  });

  it('adds a page with TAMBAH, replaces with ULANG, and refuses a file that is not JPEG, PNG or PDF', async () => {
    const waId = newApplicant();
    await say(server, waId, 'halo', 2);
    await say(server, waId, '2', 2);
    let before = server.fakeGraph.sentTo(waId).length;
    await sendFile(waId, TINY_JPEG, 'image/jpeg');
    await server.waitForSent(waId, before + 1);
    expect(await say(server, waId, 'TAMBAH')).toEqual([messages.documents.addPage('KTP')]);
    before = server.fakeGraph.sentTo(waId).length;
    await sendFile(waId, TINY_JPEG, 'image/jpeg');
    expect(textOf((await server.waitForSent(waId, before + 1))[before])).toContain(messages.documents.received('KTP', 2));
    expect(await say(server, waId, 'ULANG')).toEqual([messages.documents.redo('KTP')]);
    before = server.fakeGraph.sentTo(waId).length;
    await sendFile(waId, Buffer.from('just some text'), 'text/plain', { kind: 'document' });
    expect(textOf((await server.waitForSent(waId, before + 1))[before])).toBe(messages.documents.wrongType('KTP'));
    before = server.fakeGraph.sentTo(waId).length;
    await sendFile(waId, Buffer.from('not really a jpeg'), 'image/jpeg');
    expect(textOf((await server.waitForSent(waId, before + 1))[before])).toBe(messages.documents.wrongType('KTP'));
    expect(await say(server, waId, 'SELESAI')).toEqual([
      messages.documents.incomplete(['KTP', 'KK', 'Akta kelahiran/ijazah/buku nikah/akta perkawinan/surat baptis', 'Paspor yang rusak'], { mode: 'chat' }),
    ]);
  });
});

describe('form mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ UPLOAD_MODE: 'form', FORM_URL: 'https://forms.example/si-bapao' });
  });
  afterAll(async () => server.cleanUp());

  it.each(DEFAULT_SERVICES.map((service) => [service.id] as const))('carries service %s from the form link to a queue number', async (serviceId) => {
    const waId = newApplicant();
    const requirements = await chooseService(server, waId, serviceId);
    expect(requirements).toContain('silakan upload pada link berikut: <https://forms.example/si-bapao>');
    expect(await say(server, waId, 'SELESAI')).toEqual([messages.registrationInstruction()]);
    const [success] = await say(server, waId, registrationLine(newPerson()));
    expect(await registrationOf(server, queueNumberIn(success ?? ''))).toMatchObject({ status: 'PENDING', documentsMode: 'form', serviceId });
  });
});
