/**
 * Issue 16, problem 2: the DAFTAR line as applicants really write it (dates with slashes or dots, a
 * written month, one field per line, commas), and a refusal that names the wrong field, says how to write
 * it, and comes with a blank form to copy as its own message.
 */
import { messages } from '../../lambdas/domain/texts';
import { newWaId, say, uploadDocuments } from '../support/journey';
import { newPerson, nikOf, type Person } from '../support/registration-lines';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanUp());

/** An applicant at stage 4: service 1 chosen, its documents in, SELESAI answered with the instruction. */
async function atRegistration(): Promise<string> {
  const waId = newWaId();
  await say(server, waId, 'halo', 2);
  const [requirements = ''] = await say(server, waId, '1');
  await uploadDocuments(server, requirements);
  expect(await say(server, waId, 'SELESAI')).toEqual([messages.registrationInstruction()]);
  return waId;
}

const SUCCESS = '✅ Pendaftaran Antrian Berhasil 🎉';
const born17August = (): Person => newPerson({ name: 'Rahmat Hidayat', place: 'SUNGAI PENUH', birth: '17-08-1990' });

describe('a forgiving DAFTAR line', () => {
  it.each<[string, (person: Person) => string]>([
    ['a date with slashes', (p) => `DAFTAR/${p.name}/${p.place}/17/08/1990/${nikOf(p)}/${p.phone}`],
    ['a written month', (p) => `DAFTAR/${p.name}/${p.place}/17 Agustus 1990/${nikOf(p)}/${p.phone}`],
    ['one field per line', (p) => ['DAFTAR', p.name, p.place, '17-08-1990', nikOf(p), p.phone].join('\n')],
    ['commas', (p) => `Daftar, ${p.name}, ${p.place}, 17 agustus 1990, ${nikOf(p)}, ${p.phone}`],
  ])('registers a line written with %s', async (_case, write) => {
    const waId = await atRegistration();
    const person = born17August();
    const [reply = ''] = await say(server, waId, write(person));
    expect(reply.split('\n')[0]).toBe(SUCCESS);
    expect(reply).toContain(`Nama: ${person.name}`);
  });

  it('names the missing field, sends the blank form as its own message, and registers the form filled in', async () => {
    const waId = await atRegistration();
    const person = born17August();
    const [refusal = '', template = ''] = await say(server, waId, `DAFTAR/${person.name}/${person.place}/17-08-1990/${nikOf(person)}`, 2);
    expect(refusal).toContain('❌ Pendaftaran belum berhasil: *Format pendaftaran* tidak sesuai.');
    expect(refusal).toContain('Yang belum ada: *Nomor HP*.');
    expect(template).toBe(messages.registrationTemplate);

    const filled = template
      .replace('Nama lengkap: ', `Nama lengkap: ${person.name}`)
      .replace('Tempat lahir: ', `Tempat lahir: ${person.place}`)
      .replace('Tanggal lahir (DD-MM-YYYY): ', 'Tanggal lahir (DD-MM-YYYY): 17/08/1990')
      .replace('NIK: ', `NIK: ${nikOf(person)}`)
      .replace('Nomor HP: ', `Nomor HP: ${person.phone}`);
    const [reply = ''] = await say(server, waId, filled);
    expect(reply.split('\n')[0]).toBe(SUCCESS);
  });

  it('quotes a date it cannot read as written, and says how to write it', async () => {
    const waId = await atRegistration();
    const person = born17August();
    const [refusal = ''] = await say(server, waId, `DAFTAR/${person.name}/${person.place}/17 Agustos 1990/${nikOf(person)}/${person.phone}`, 2);
    expect(refusal).toContain('*Tanggal lahir* tidak sesuai format');
    expect(refusal).toContain('misalnya 15-08-1990 (boleh juga 15 Agustus 1990); yang Anda tulis: “17 Agustos 1990”');
  });
});
