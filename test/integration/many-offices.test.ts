/**
 * Many offices, one deployment, on the real local server: a second office in WITA loaded from
 * OFFICES_FILE, both offices' applicants registering at once through signed webhooks to their own
 * numbers, officers confirming, and the hourly reminder run picking each office at its own local hour.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../lambdas/domain/calendar';
import { officeCommand } from '../../scripts/office';
import { newPerson } from '../support/registration-lines';
import { registerApplicant, say } from '../support/journey';
import { AdminClient, adminSession } from '../support/admin-client';
import { MATARAM, officesFile, throughNumber } from '../support/offices';
import { officerApi, workingDay } from '../support/officer-api';
import { startTestServer, textOf, waitFor, type TestServer } from '../support/test-server';

let server: TestServer;
let kerinci: TestServer;
let mataram: TestServer;
let officers: ReturnType<typeof officerApi>;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'si-bapao-offices-'));
  server = await startTestServer({ OFFICES_FILE: officesFile(dataDir, [MATARAM]) });
  kerinci = throughNumber(server, server.config.WHATSAPP_PHONE_NUMBER_ID);
  mataram = throughNumber(server, MATARAM.phoneNumberId);
  officers = officerApi(server);
});
afterAll(async () => {
  officers.close();
  await server.cleanUp();
});

async function runHourlyReminders(at: string): Promise<{ office: string; queued: number; appointmentDate: string }[]> {
  const response = await fetch(`${server.url}/_local/jobs/reminders?at=${encodeURIComponent(at)}`, { method: 'POST' });
  expect(response.status).toBe(200);
  return ((await response.json()) as { offices: { office: string; queued: number; appointmentDate: string }[] }).offices;
}

const remindersTo = (view: TestServer, waId: string) =>
  view.fakeGraph.sentTo(waId).filter((message) => textOf(message).startsWith('🔔 *PENGINGAT KEDATANGAN BESOK*'));

describe('two offices in one deployment', () => {
  it('registers applicants of both at once, each with its own prefix, texts, number, zone and reminder hour', async () => {
    const [atKerinci, atMataram] = await Promise.all([
      registerApplicant(kerinci, { person: newPerson({ name: 'Sipulan Kerinci' }) }),
      registerApplicant(mataram, { person: newPerson({ name: 'Baiq Mataram' }) }),
    ]);
    expect(atKerinci.queueNumber).toMatch(/^KRC-\d{3}$/);
    expect(atMataram.queueNumber).toBe('MTR-001');

    // Each office answers from its own number, with its own name.
    const toMataram = server.fakeGraph.sentTo(atMataram.waId);
    expect(toMataram.length).toBeGreaterThan(0);
    expect(toMataram.every((sent) => sent.fromPhoneNumberId === MATARAM.phoneNumberId)).toBe(true);
    expect(server.fakeGraph.sentTo(atKerinci.waId).every((sent) => sent.fromPhoneNumberId === server.config.WHATSAPP_PHONE_NUMBER_ID)).toBe(true);
    const mataramTexts = toMataram.map(textOf).join('\n');
    expect(mataramTexts).toContain(MATARAM.name);
    expect(mataramTexts).not.toContain('Kerinci');
    const superadmin = await adminSession(server);
    const inMataram = `?office=${MATARAM.id}`;
    expect((await superadmin.request('GET', `/api/registrations/${atMataram.queueNumber}${inMataram}`)).body).toMatchObject({
      office: { id: MATARAM.id, name: MATARAM.name },
    });
    expect((await superadmin.request('GET', `/api/registrations/${atKerinci.queueNumber}`)).body).toMatchObject({
      office: { id: 'kerinci', name: 'Kantor Imigrasi Kelas II Non TPI Kerinci' },
    });

    // Confirmed for the same day, each told in its own zone, from its own number.
    // Not tomorrow: a confirmation for tomorrow after the reminder hour is reminded at once.
    const date = workingDay(2);
    for (const [view, applicant, office] of [
      [kerinci, atKerinci, ''],
      [mataram, atMataram, inMataram],
    ] as const) {
      const before = view.fakeGraph.sentTo(applicant.waId).length;
      const confirm = await superadmin.request('POST', `/api/registrations/${applicant.queueNumber}/confirm${office}`, { body: { date, time: '09:00' } });
      expect(confirm.status).toBe(200);
      await view.waitForSent(applicant.waId, before + 1);
    }
    const confirmation = (view: TestServer, waId: string) =>
      JSON.stringify(view.fakeGraph.sentTo(waId).find((sent) => JSON.stringify(sent.payload).includes('Jadwal Antrian Dikonfirmasi'))?.payload);
    expect(confirmation(mataram, atMataram.waId)).toContain('Jam Kedatangan: 09.00 WITA');
    expect(confirmation(kerinci, atKerinci.waId)).toContain('Jam Kedatangan: 09.00 WIB');

    // 00:30 UTC the day before: 08:30 in Mataram (WITA, its reminder hour 8), 07:30 in Kerinci.
    const dayBefore = addDays(date, -1);
    expect(await runHourlyReminders(`${dayBefore}T00:30:00Z`)).toEqual([{ office: MATARAM.id, queued: 1, appointmentDate: date }]);
    const [reminder] = await waitFor(
      () => (remindersTo(mataram, atMataram.waId).length > 0 ? remindersTo(mataram, atMataram.waId) : undefined),
      20_000,
      () => 'no reminder to the Mataram applicant',
    );
    expect(textOf(reminder)).toContain(` Waktu: 09.00 WITA`);
    expect(textOf(reminder)).toContain(` ${MATARAM.name}\n ${MATARAM.address}`);
    expect(textOf(reminder)).toContain(` WhatsApp: ${MATARAM.displayPhoneNumber}`);
    expect(remindersTo(kerinci, atKerinci.waId)).toHaveLength(0);

    // An hour later it is 08:30 in Kerinci: its office's turn, and Mataram's is not run again.
    expect(await runHourlyReminders(`${dayBefore}T01:30:00Z`)).toEqual([{ office: 'kerinci', queued: 1, appointmentDate: date }]);
    await waitFor(
      () => (remindersTo(kerinci, atKerinci.waId).length > 0 ? true : undefined),
      20_000,
      () => 'no reminder to the Kerinci applicant',
    );
    expect(textOf(remindersTo(kerinci, atKerinci.waId)[0])).toContain(' Waktu: 09.00 WIB');
    expect(remindersTo(mataram, atMataram.waId)).toHaveLength(1);
  });

  it('keeps two conversations for one phone that writes to both offices', async () => {
    const { waId, queueNumber } = await registerApplicant(kerinci, { person: newPerson({ name: 'Dua Kantor' }) });
    // The same phone greets Mataram: a new conversation there, its menu, nothing of the Kerinci registration.
    const [welcome] = await say(mataram, waId, 'Assalamualaikum', 2);
    expect(welcome).toContain(`Selamat datang di SI BAPAO (Registrasi BAP Paspur Online) ${MATARAM.name}`);
    const [status] = await say(mataram, waId, 'STATUS');
    expect(status).not.toContain(queueNumber);
    const [atHome] = await say(kerinci, waId, 'STATUS');
    expect(atHome).toContain(queueNumber);
  });

  it('still ignores a number that is no office of the registry', async () => {
    const waId = '6281599999001';
    const { status } = await server.sendMessage(waId, { text: 'halo' }, { phoneNumberId: '9988776655443' });
    expect(status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.fakeGraph.sentTo(waId)).toHaveLength(0);
  });
});

describe('officers of one office', () => {
  const PASSWORD = 'rahasia-kantor-1';

  async function officerOf(office: string | undefined, username: string, role: 'petugas' | 'admin' = 'petugas'): Promise<AdminClient> {
    const superadmin = await adminSession(server);
    const added = await superadmin.request('POST', '/api/officers', { body: { username, password: PASSWORD, role, ...(office ? { office } : {}) } });
    expect(added.status).toBe(201);
    const client = new AdminClient(server);
    expect((await client.login(username, PASSWORD)).status).toBe(200);
    return client;
  }

  it('read, act on and count only their own office’s registrations: another office’s number is not found', async () => {
    const [atKerinci, atMataram] = await Promise.all([
      registerApplicant(kerinci, { person: newPerson({ name: 'Petugas Kerinci' }) }),
      registerApplicant(mataram, { person: newPerson({ name: 'Petugas Mataram' }) }),
    ]);
    const mataramOfficer = await officerOf(MATARAM.id, 'petugas-mtr');
    const kerinciOfficer = await officerOf(undefined, 'petugas-krc');

    expect((await mataramOfficer.request('GET', `/api/registrations/${atMataram.queueNumber}`)).status).toBe(200);
    expect((await mataramOfficer.request('GET', `/api/registrations/${atKerinci.queueNumber}`)).status).toBe(404);
    expect((await kerinciOfficer.request('GET', `/api/registrations/${atMataram.queueNumber}`)).status).toBe(404);
    expect((await kerinciOfficer.request('GET', `/api/registrations/${atKerinci.queueNumber}`)).status).toBe(200);
    // Every registration names its office, the default office's too.
    expect((await kerinciOfficer.request('GET', `/api/registrations/${atKerinci.queueNumber}`)).body).toMatchObject({
      office: { id: 'kerinci', name: 'Kantor Imigrasi Kelas II Non TPI Kerinci' },
    });
    expect((await mataramOfficer.request('GET', `/api/registrations/${atMataram.queueNumber}`)).body).toMatchObject({
      office: { id: MATARAM.id, name: MATARAM.name },
    });
    const act = await mataramOfficer.request('POST', `/api/registrations/${atKerinci.queueNumber}/cancel`, { body: { reason: 'bukan kantor ini' } });
    expect(act.status).toBe(404);
    expect((await officers.store.get(atKerinci.queueNumber))?.status).toBe('PENDING');

    const listed = (client: AdminClient) =>
      client.request('GET', '/api/registrations').then((answer) => (answer.body as { queueNumber: string }[]).map((registration) => registration.queueNumber));
    const mataramList = await listed(mataramOfficer);
    expect(mataramList).toContain(atMataram.queueNumber);
    expect(mataramList.every((queueNumber) => queueNumber.startsWith('MTR-'))).toBe(true);
    const kerinciList = await listed(kerinciOfficer);
    expect(kerinciList).toContain(atKerinci.queueNumber);
    expect(kerinciList.some((queueNumber) => queueNumber.startsWith('MTR-'))).toBe(false);

    const pendingOf = async (client: AdminClient) => ((await client.request('GET', '/api/summary')).body as { counts: Record<string, number> }).counts.PENDING;
    const pendingListed = async (client: AdminClient) => ((await client.request('GET', '/api/registrations?status=PENDING')).body as unknown[]).length;
    expect(await pendingOf(mataramOfficer)).toBe(await pendingListed(mataramOfficer));
    expect(await pendingOf(kerinciOfficer)).toBe(await pendingListed(kerinciOfficer));
    expect(await pendingOf(mataramOfficer)).toBe(1);

    // An office admin adds officers to their own office only; they see only their own office.
    const mataramAdmin = await officerOf(MATARAM.id, 'admin-mtr', 'admin');
    const elsewhere = await mataramAdmin.request('POST', '/api/officers', {
      body: { username: 'penyusup', password: PASSWORD, role: 'petugas', office: 'kerinci' },
    });
    expect(elsewhere.status).toBe(403);
    expect(((await mataramAdmin.request('GET', '/api/officers')).body as { username: string }[]).map((officer) => officer.username).sort()).toEqual([
      'admin-mtr',
      'petugas-mtr',
    ]);
    expect(((await mataramOfficer.request('GET', '/api/offices')).body as { id: string }[]).map((office) => office.id)).toEqual([MATARAM.id]);
  });

  it('list only their own office’s failed sends', async () => {
    const refused = new Set(['6281599999101', '6281599999102']);
    server.fakeGraph.scriptFailures((request) =>
      request.kind === 'message' && request.to && refused.has(request.to) ? { httpStatus: 400, code: 131026, message: 'Message undeliverable' } : undefined,
    );
    try {
      await server.sendMessage('6281599999101', { text: 'halo' }, { phoneNumberId: MATARAM.phoneNumberId });
      await server.sendMessage('6281599999102', { text: 'halo' });
      await server.queue.drained();
    } finally {
      server.fakeGraph.scriptFailures(undefined);
    }
    const failedTo = async (client: AdminClient) =>
      ((await client.request('GET', '/api/failed-sends')).body as { waId?: string }[]).map((failure) => failure.waId);
    const mataramOfficer = await officerOf(MATARAM.id, 'petugas-mtr-3');
    const kerinciOfficer = await officerOf(undefined, 'petugas-krc-3');
    const mataramFailures = await failedTo(mataramOfficer);
    expect(mataramFailures).toContain('6281599999101');
    expect(mataramFailures).not.toContain('6281599999102');
    const kerinciFailures = await failedTo(kerinciOfficer);
    expect(kerinciFailures).toContain('6281599999102');
    expect(kerinciFailures).not.toContain('6281599999101');
    // The daily report counts the same: each office's own failed sends of its own today, no other office's.
    for (const [officer, offsetHours] of [
      [mataramOfficer, 8],
      [kerinciOfficer, 7],
    ] as const) {
      const report = (await officer.request('GET', '/api/reports/daily')).body as { date: string; failedSends: number };
      const own = (await officer.request('GET', '/api/failed-sends')).body as { at: string }[];
      const localDate = (at: string) => new Date(Date.parse(at) + offsetHours * 3_600_000).toISOString().slice(0, 10);
      expect(report.failedSends).toBe(own.filter((failure) => localDate(failure.at) === report.date).length);
      expect(report.failedSends).toBeGreaterThan(0);
    }
  });

  it('list only their own office’s personal-data requests', async () => {
    const [atKerinci, atMataram] = await Promise.all([
      registerApplicant(kerinci, { person: newPerson({ name: 'Data Kerinci' }) }),
      registerApplicant(mataram, { person: newPerson({ name: 'Data Mataram' }) }),
    ]);
    await say(kerinci, atKerinci.waId, 'DATA SAYA');
    await say(mataram, atMataram.waId, 'DATA SAYA');
    const requestedAbout = async (client: AdminClient) =>
      ((await client.request('GET', '/api/data-requests')).body as { queueNumbers: string[] }[]).flatMap((request) => request.queueNumbers);
    const mataramSees = await requestedAbout(await officerOf(MATARAM.id, 'petugas-mtr-4'));
    expect(mataramSees).toContain(atMataram.queueNumber);
    expect(mataramSees).not.toContain(atKerinci.queueNumber);
    const kerinciSees = await requestedAbout(await officerOf(undefined, 'petugas-krc-4'));
    expect(kerinciSees).toContain(atKerinci.queueNumber);
    expect(kerinciSees).not.toContain(atMataram.queueNumber);
  });

  it('lets only a superadmin add or change an office, checked before it is saved', async () => {
    const superadmin = await adminSession(server);
    const denpasar = { ...MATARAM, id: 'denpasar', name: 'Kantor Imigrasi Kelas I TPI Denpasar', phoneNumberId: '3344556677889', queuePrefix: 'DPS' };
    const petugas = await officerOf(MATARAM.id, 'petugas-mtr-2');
    expect((await petugas.request('POST', '/api/offices', { body: denpasar })).status).toBe(403);
    expect((await superadmin.request('POST', '/api/offices', { body: { ...denpasar, timezone: 'Asia/Bangkok' } })).status).toBe(422);
    expect((await superadmin.request('POST', '/api/offices', { body: { ...denpasar, queuePrefix: MATARAM.queuePrefix } })).status).toBe(409);
    expect((await superadmin.request('POST', '/api/offices', { body: { ...denpasar, queuePrefix: 'KRC' } })).status).toBe(409);
    expect((await superadmin.request('POST', '/api/offices', { body: { ...denpasar, reminderHour: 9 } })).status).toBe(201);
    expect((await superadmin.request('POST', '/api/offices', { body: denpasar })).status).toBe(409);
    // A change names only what changes (as the page's form does): what it does not name stays as stored.
    const { shortName: _kept, ...withoutShortName } = denpasar;
    expect((await superadmin.request('PUT', '/api/offices/denpasar', { body: { ...withoutShortName, dayCapacity: 40 } })).status).toBe(200);
    expect((await superadmin.request('PUT', '/api/offices/bukan-kantor', { body: { ...denpasar, id: 'bukan-kantor' } })).status).toBe(404);
    const listed = (await superadmin.request('GET', '/api/offices')).body as { id: string; dayCapacity: number; reminderHour: number; shortName: string }[];
    expect(listed.map((office) => office.id)).toEqual(['kerinci', 'denpasar', MATARAM.id]);
    expect(listed.find((office) => office.id === 'denpasar')).toMatchObject({ dayCapacity: 40, reminderHour: 9, shortName: denpasar.shortName });

    // Its number works at once: the new office answers with its own name.
    const [welcome] = await say(throughNumber(server, denpasar.phoneNumberId), '6281599999002', 'Assalamualaikum', 2);
    expect(welcome).toContain(denpasar.name);
  });
});

describe('npm run office', () => {
  it('adds offices from a file, lists them, and disables one, with the admin page’s checks', async () => {
    const env = { TABLE_NAME: server.config.TABLE_NAME, DYNAMODB_ENDPOINT: server.dynamoEndpoint };
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(`ERR ${line}`) };
    const dir = mkdtempSync(join(tmpdir(), 'si-bapao-office-cli-'));
    const jayapura = {
      ...MATARAM,
      id: 'jayapura',
      name: 'Kantor Imigrasi Kelas I TPI Jayapura',
      phoneNumberId: '4455667788990',
      queuePrefix: 'DJJ',
      timezone: 'Asia/Jayapura',
    };
    const file = officesFile(dir, [jayapura, { ...jayapura, id: 'kembar', phoneNumberId: '4455667788991' }]);
    expect(await officeCommand(['add', '--file', file], env, out)).toBe(1);
    expect(lines).toEqual(['added jayapura', "ERR kembar: not saved: queuePrefix is already another office's"]);

    lines.length = 0;
    expect(await officeCommand(['list'], env, out)).toBe(0);
    expect(lines.find((line) => line.startsWith('jayapura'))).toMatch(
      /^jayapura\s+DJJ\s+Asia\/Jayapura\s+4455667788990\s+active\s+Kantor Imigrasi Kelas I TPI Jayapura$/,
    );

    // The running server reads the registry again within a minute; the test does not wait for it.
    server.offices.directory.invalidate();
    const waId = '6281599999003';
    const jayapuraView = throughNumber(server, jayapura.phoneNumberId);
    const [welcome] = await say(jayapuraView, waId, 'Assalamualaikum', 2);
    expect(welcome).toContain(jayapura.name);

    expect(await officeCommand(['disable', 'jayapura'], env, out)).toBe(0);
    server.offices.directory.invalidate();
    const before = server.fakeGraph.sentTo(waId).length;
    expect((await server.sendMessage(waId, { text: 'halo' }, { phoneNumberId: jayapura.phoneNumberId })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.fakeGraph.sentTo(waId)).toHaveLength(before);
  });
});

describe('routing in the worker, as in AWS (the webhook reads no table)', () => {
  it('answers a registry office from its own number and still ignores an unknown number', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'si-bapao-offices-aws-'));
    const awsLike = await startTestServer({ OFFICES_FILE: officesFile(dataDir, [MATARAM]), OFFICE_ROUTING: 'worker' });
    try {
      const waId = '6281599999004';
      const [welcome] = await say(throughNumber(awsLike, MATARAM.phoneNumberId), waId, 'Assalamualaikum', 2);
      expect(welcome).toContain(MATARAM.name);
      expect(awsLike.fakeGraph.sentTo(waId).every((sent) => sent.fromPhoneNumberId === MATARAM.phoneNumberId)).toBe(true);

      const stranger = '6281599999005';
      expect((await awsLike.sendMessage(stranger, { text: 'halo' }, { phoneNumberId: '9988776655443' })).status).toBe(200);
      // The default office's applicant after it is answered: the unknown number's message was handled (dropped) before.
      await say(awsLike, stranger, 'Assalamualaikum', 2);
      // Only the greeting's two replies: nothing answered the message to the unknown number.
      expect(awsLike.fakeGraph.sentTo(stranger)).toHaveLength(2);
      expect(awsLike.fakeGraph.sentTo(stranger).every((sent) => sent.fromPhoneNumberId === awsLike.config.WHATSAPP_PHONE_NUMBER_ID)).toBe(true);
    } finally {
      await awsLike.cleanUp();
    }
  });
});
