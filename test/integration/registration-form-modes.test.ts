/**
 * Issue 16, the registration form: REGISTRATION_FORM=questions asks one value at a time, every mode
 * switches to questions after two refused DAFTAR lines, and REGISTRATION_FORM=flow sends a WhatsApp Flow
 * whose reply (`nfm_reply`) registers exactly as a DAFTAR line would. Real signed webhooks, real
 * DynamoDB Local, the fake Graph API checking each message the way Meta does.
 */
import { messages } from '../../lambdas/domain/texts';
import { FLAG_NIK_DATE_MISMATCH } from '../../lambdas/domain/registration';
import { REGISTRATION_FLOW_NAME, REGISTRATION_FLOW_SCREEN } from '../../lambdas/domain/registration-flow';
import type { SentMessage } from '../../local/fake-graph-api';
import { newWaId, queueNumberIn, say, uploadDocuments } from '../support/journey';
import { officerApi } from '../support/officer-api';
import { testOffice } from '../support/office';
import { newPerson, nikOf, registrationLine, type Person } from '../support/registration-lines';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const SUCCESS = '✅ Pendaftaran Antrian Berhasil 🎉';
const ask = messages.questions.ask;

/** An applicant who chose service 1 and uploaded its documents; SELESAI's replies are returned. */
async function documentsIn(server: TestServer, waId: string, count: number): Promise<SentMessage[]> {
  await say(server, waId, 'halo', 2);
  const [requirements = ''] = await say(server, waId, '1');
  await uploadDocuments(server, requirements);
  const before = server.fakeGraph.sentTo(waId).length;
  await server.sendMessage(waId, { text: 'SELESAI' });
  return (await server.waitForSent(waId, before + count)).slice(before);
}

async function submitFlow(server: TestServer, waId: string, response: Record<string, string>, count = 1): Promise<SentMessage[]> {
  const before = server.fakeGraph.sentTo(waId).length;
  const { status } = await server.sendMessage(waId, { flowReply: { response, flowToken: 'daftar:test' } });
  expect(status).toBe(200);
  return (await server.waitForSent(waId, before + count)).slice(before);
}

/** What the officers' API shows of a registration: the values the applicant gave, as stored. */
async function stored(server: TestServer, queueNumber: string) {
  const officers = officerApi(server);
  try {
    const registration = await officers.store.get(queueNumber);
    return (
      registration && {
        name: registration.name,
        placeOfBirth: registration.placeOfBirth,
        dateOfBirth: registration.dateOfBirth,
        nik: registration.nik,
        phone: registration.phone,
        serviceId: registration.serviceId,
        status: registration.status,
        flags: registration.flags,
      }
    );
  } finally {
    officers.close();
  }
}

function expected(person: Person, dateOfBirth: string) {
  return {
    name: person.name,
    placeOfBirth: person.place,
    dateOfBirth,
    nik: nikOf(person),
    phone: `62${person.phone.slice(1)}`,
    serviceId: 1,
    status: 'PENDING',
    flags: [],
  };
}

describe('REGISTRATION_FORM=questions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ REGISTRATION_FORM: 'questions' });
  });
  afterAll(async () => server.cleanUp());

  it('asks the five values one at a time and registers them as the line would', async () => {
    const waId = newWaId();
    const person = newPerson({ name: 'Siti Rahmawati', place: 'BATAM', birth: '17-08-1990', sex: 'P' });
    expect((await documentsIn(server, waId, 2)).map(textOf)).toEqual([messages.questions.intro, ask.name]);
    expect(await say(server, waId, person.name)).toEqual([ask.placeOfBirth]);
    // "Batam" is one letter from BATAL: while a question waits, only an exact command counts.
    expect(await say(server, waId, 'Batam')).toEqual([ask.dateOfBirth]);
    expect(await say(server, waId, '17 Agustus 1990')).toEqual([ask.nik]);
    expect(await say(server, waId, nikOf(person))).toEqual([ask.phone]);
    const [done = ''] = await say(server, waId, person.phone);
    expect(done.split('\n')[0]).toBe(SUCCESS);
    expect(await stored(server, queueNumberIn(done))).toEqual({ ...expected(person, '1990-08-17'), placeOfBirth: 'Batam' });
  });

  it('says exactly what is wrong with an answer and asks the same question again; MENU still leaves', async () => {
    const waId = newWaId();
    const person = newPerson();
    await documentsIn(server, waId, 2);
    await say(server, waId, person.name);
    await say(server, waId, person.place);
    const [wrongDate = ''] = await say(server, waId, '31-02-1990');
    expect(wrongDate).toBe(
      ['❌ *Tanggal lahir* tidak ada di kalender.', 'Tanggal 31-02-1990 tidak ada. Periksa kembali tanggal dan bulannya.', '', ask.dateOfBirth].join('\n'),
    );
    expect(await say(server, waId, '15-08-1990')).toEqual([ask.nik]);
    const [shortNik = ''] = await say(server, waId, '320123150890');
    expect(shortNik).toBe(['❌ *NIK* harus tepat 16 angka.', 'NIK terdiri dari 16 angka (lihat KTP/KK); yang Anda tulis 12 angka.', '', ask.nik].join('\n'));

    const before = server.fakeGraph.sentTo(waId).length;
    await server.sendMessage(waId, { media: { kind: 'audio', mediaId: 'voice-1', mimeType: 'audio/ogg' } });
    const [voice] = (await server.waitForSent(waId, before + 1)).slice(before);
    expect(textOf(voice)).toBe(messages.prompts.cannotRead('audio', messages.questions.now(ask.nik)));

    const menu = await say(server, waId, 'MENU', 2);
    expect(menu).toEqual([messages.welcome(testOffice()), messages.menuList.body]);
  });

  it('still takes a typed DAFTAR line', async () => {
    const waId = newWaId();
    const person = newPerson();
    await documentsIn(server, waId, 2);
    const [done = ''] = await say(server, waId, registrationLine(person));
    expect(done.split('\n')[0]).toBe(SUCCESS);
  });
});

describe("two refused DAFTAR lines (the office's line mode)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.cleanUp());

  it('switch to one question at a time, and the answers register', async () => {
    const waId = newWaId();
    const person = newPerson();
    expect((await documentsIn(server, waId, 1)).map(textOf)).toEqual([messages.registrationInstruction()]);
    const first = await say(server, waId, `DAFTAR/${person.name}/${person.place}/15-08-1990`, 2);
    expect(first[1]).toBe(messages.registrationTemplate);
    const [refusal = '', question = ''] = await say(server, waId, `DAFTAR/${person.name}/${person.place}/15 08 90/${nikOf(person)}/${person.phone}`, 2);
    expect(refusal.split('\n')[0]).toBe('❌ *Tanggal lahir* tidak sesuai format.');
    expect(refusal.endsWith(messages.questions.switched)).toBe(true);
    expect(question).toBe(ask.name);

    for (const [answer, next] of [
      [person.name, ask.placeOfBirth],
      [person.place, ask.dateOfBirth],
      ['15/08/1990', ask.nik],
      [nikOf(person), ask.phone],
    ] as const) {
      expect(await say(server, waId, answer)).toEqual([next]);
    }
    const [done = ''] = await say(server, waId, person.phone);
    expect(done.split('\n')[0]).toBe(SUCCESS);
    expect(await stored(server, queueNumberIn(done))).toEqual(expected(person, '1990-08-15'));
  });
});

describe('REGISTRATION_FORM=flow', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ REGISTRATION_FORM: 'flow' });
  });
  afterAll(async () => server.cleanUp());

  function flowResponse(person: Person, dateOfBirth: string): Record<string, string> {
    return { nama: person.name, tempat_lahir: person.place, tanggal_lahir: dateOfBirth, nik: nikOf(person), nomor_hp: person.phone };
  }

  it('sends the registration Flow as an interactive flow message Meta accepts', async () => {
    const [message] = await documentsIn(server, newWaId(), 1);
    expect(message?.type).toBe('interactive');
    expect(message?.payload.interactive).toEqual({
      type: 'flow',
      body: { text: messages.registrationFlow.body },
      action: {
        name: 'flow',
        parameters: {
          flow_message_version: '3',
          flow_name: REGISTRATION_FLOW_NAME,
          flow_token: expect.stringMatching(/^daftar:/),
          flow_cta: 'Isi formulir',
          flow_action: 'navigate',
          flow_action_payload: { screen: REGISTRATION_FLOW_SCREEN },
        },
      },
    });
  });

  it.each([
    ['YYYY-MM-DD (the date picker)', '1990-08-15'],
    ['DD-MM-YYYY', '15-08-1990'],
  ])('registers a submitted form with the date as %s, exactly as the line would', async (_case, date) => {
    const waId = newWaId();
    const person = newPerson();
    await documentsIn(server, waId, 1);
    const [done] = await submitFlow(server, waId, flowResponse(person, date));
    expect(textOf(done).split('\n')[0]).toBe(SUCCESS);
    expect(await stored(server, queueNumberIn(textOf(done)))).toEqual(expected(person, '1990-08-15'));
  });

  it("answers a wrong value with the line's field-precise words and sends the form again", async () => {
    const waId = newWaId();
    const person = newPerson();
    await documentsIn(server, waId, 1);
    const [refusal, form] = await submitFlow(server, waId, { ...flowResponse(person, '1990-08-15'), nik: nikOf(person).slice(0, 15) }, 2);
    expect(textOf(refusal)).toBe(
      ['❌ *NIK* harus tepat 16 angka.', 'NIK terdiri dari 16 angka (lihat KTP/KK); yang Anda tulis 15 angka.', '', messages.registrationFlow.again].join('\n'),
    );
    expect(form?.payload.interactive).toMatchObject({ type: 'flow', action: { parameters: { flow_name: REGISTRATION_FLOW_NAME } } });

    const [done] = await submitFlow(server, waId, flowResponse(person, '1990-08-15'));
    expect(textOf(done).split('\n')[0]).toBe(SUCCESS);
  });

  it("asks YA or TIDAK when the NIK's date differs from the birth date picked, and YA registers with the flag", async () => {
    const waId = newWaId();
    const person = newPerson();
    await documentsIn(server, waId, 1);
    const [mismatch] = await submitFlow(server, waId, flowResponse(person, '1990-08-16'));
    expect(textOf(mismatch).split('\n')[0]).toBe('❌ Pendaftaran belum berhasil: *NIK dan tanggal lahir* tidak cocok.');
    expect(textOf(mismatch).endsWith(messages.questions.confirmMismatch)).toBe(true);
    const [done = ''] = await say(server, waId, 'ya');
    expect(done.split('\n')[0]).toBe(SUCCESS);
    expect(await stored(server, queueNumberIn(done))).toMatchObject({ dateOfBirth: '1990-08-16', flags: [FLAG_NIK_DATE_MISMATCH] });
  });

  it('still takes a typed DAFTAR line', async () => {
    const waId = newWaId();
    const person = newPerson();
    await documentsIn(server, waId, 1);
    const [done = ''] = await say(server, waId, registrationLine(person));
    expect(done.split('\n')[0]).toBe(SUCCESS);
  });
});
