/**
 * Issue 16, problem 6: "6" knows the applicant. With nothing confirmed it says so instead of explaining
 * rules and asking for a date; with a confirmed appointment it names it, the window it may move to, and
 * an example from today's calendar; the acknowledgement says the request waits for the officer.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { addDays, addOneMonth, formatDayDate, jakartaDate } from '../../lambdas/domain/calendar';
import { messages } from '../../lambdas/domain/texts';
import type { SimulatedMessage } from '../../local/meta-envelope';
import { newWaId, registerApplicant, say } from '../support/journey';
import { newPerson } from '../support/registration-lines';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const officer: Officer = { username: 'petugas1', role: 'petugas' };
let server: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  server = await startTestServer();
  officers = officerApi(server);
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

describe('6 knows the applicant', () => {
  it('says there is nothing to move yet, with no registration or one not yet confirmed', async () => {
    const stranger = newWaId();
    await say(server, stranger, 'halo', 2);
    expect(await say(server, stranger, '6')).toEqual([messages.selfService.noConfirmedAppointment]);

    const { waId } = await registerApplicant(server);
    expect(await say(server, waId, '6')).toEqual([messages.selfService.noConfirmedAppointment]);
  });

  it('names the confirmed appointment, the window, an example from today, and calls the result a request', async () => {
    const confirmedDate = workingDay(2);
    const { waId, queueNumber } = await registerApplicant(server, { person: newPerson({ name: 'Nurul Huda' }) });
    const before = server.fakeGraph.sentTo(waId).length;
    expect((await officers.api.act(queueNumber, 'confirm', { date: confirmedDate, time: '10:30' }, officer)).status).toBe(200);
    await server.waitForSent(waId, before + 1);

    const [rules = ''] = await say(server, waId, '6');
    const tomorrow = addDays(jakartaDate(new Date()), 1);
    const earliest = addDays(confirmedDate, 1) > tomorrow ? addDays(confirmedDate, 1) : tomorrow;
    expect(rules).toContain(`📅 Jadwal Anda: ${queueNumber} Nurul Huda, ${formatDayDate(confirmedDate)}, 10.30 WIB`);
    expect(rules).toContain(`Tanggal baru yang bisa dipilih: ${formatDayDate(earliest)} sampai ${formatDayDate(addOneMonth(confirmedDate))}`);
    expect(rules).not.toContain('31-12-2025');
    const example = rules.split('\n').pop() ?? '';
    const [name, dmy = ''] = example.split('/');
    expect(name).toBe('NURUL HUDA');
    const exampleDate = dmy.split('-').reverse().join('-');
    expect(exampleDate >= earliest && exampleDate <= addOneMonth(confirmedDate)).toBe(true);

    // A video while the bot waits for the date gets the short answer, not silence or the rules again.
    const video: SimulatedMessage = { media: { kind: 'video', mediaId: 'video-6', mimeType: 'video/mp4' } };
    const beforeVideo = server.fakeGraph.sentTo(waId).length;
    await server.sendMessage(waId, video);
    const [answer] = (await server.waitForSent(waId, beforeVideo + 1)).slice(beforeVideo).map(textOf);
    expect(answer).toBe(messages.prompts.cannotRead('video', messages.prompts.nowReschedule));

    const requested = workingDay(4);
    const [acknowledged = ''] = await say(server, waId, `Nurul Huda/${requested.split('-').reverse().join('-')}`);
    expect(acknowledged).toContain(`Permintaan perubahan jadwal ke ${formatDayDate(requested)} sudah kami terima dan *menunggu persetujuan petugas*.`);
    expect(acknowledged).not.toContain('terkonfirmasi');
  });
});
