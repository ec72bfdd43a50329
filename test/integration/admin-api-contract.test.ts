/**
 * docs/contract.md's officers' JSON API over HTTP on the local server (`/admin/api/…`), logged in as an
 * officer: every registration call with its 200, 400, 404, 409 and 422 answers.
 */
import { adminSession, type AdminClient } from '../support/admin-client';
import { registerApplicant } from '../support/journey';
import { nextSaturday, workingDay } from '../support/officer-api';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let officer: AdminClient;

beforeAll(async () => {
  server = await startTestServer();
  officer = await adminSession(server);
});
afterAll(async () => server.cleanUp());

const REGISTRATION_KEYS = ['queueNumber', 'name', 'nik', 'placeOfBirth', 'dateOfBirth', 'phone', 'service', 'status', 'createdAt', 'rescheduled', 'flags'];

it('GET api/registrations lists open registrations, filtered by status, date and text', async () => {
  const { queueNumber, person } = await registerApplicant(server);
  const all = await officer.request('GET', '/api/registrations');
  expect(all.status).toBe(200);
  const listed = (all.body as Record<string, unknown>[]).find((registration) => registration.queueNumber === queueNumber);
  expect(Object.keys(listed ?? {})).toEqual(expect.arrayContaining(REGISTRATION_KEYS));
  expect(listed?.service).toEqual({ id: 1, name: 'BAP Paspor Hilang' });
  expect((await officer.request('GET', '/api/registrations?status=PENDING')).status).toBe(200);
  const search = await officer.request('GET', `/api/registrations?q=${encodeURIComponent(person.name)}`);
  expect((search.body as { queueNumber: string }[]).map((r) => r.queueNumber)).toContain(queueNumber);
  expect((await officer.request('GET', '/api/registrations?status=NONSENSE')).status).toBe(400);
  expect((await officer.request('GET', '/api/registrations?date=31-12-2026')).status).toBe(400);
});

it('GET api/registrations/{queueNumber} gives documents with short-lived links and the history; 404 for an unknown number', async () => {
  const { queueNumber } = await registerApplicant(server);
  const detail = await officer.request('GET', `/api/registrations/${queueNumber}`);
  expect(detail.status).toBe(200);
  const body = detail.body as {
    documents: { requirement: string; name: string; contentType: string; url: string }[];
    history: { at: string; actor: string; action: string; detail: string }[];
  };
  expect(body.documents.length).toBeGreaterThanOrEqual(4);
  expect(body.documents[0]).toEqual(
    expect.objectContaining({
      requirement: expect.any(String),
      name: expect.any(String),
      contentType: 'application/pdf',
      // Signed at the start of its five minutes, the link lives ten: at least five from now, at most ten.
      url: expect.stringMatching(/X-Amz-Date=\d{8}T\d{2}\d[05]00Z&X-Amz-Expires=600&/),
    }),
  );
  expect((await fetch(body.documents[0]!.url)).status).toBe(200);
  expect(body.history[0]).toEqual(expect.objectContaining({ at: expect.any(String), actor: 'pemohon', action: 'registered', detail: expect.any(String) }));
  expect((await officer.request('GET', '/api/registrations/KRC-99999')).status).toBe(404);
});

it('a review page fetched ahead (Sec-Purpose: prefetch) records no look; POST viewed records it once shown (CSRF checked) and names the next PENDING', async () => {
  const { queueNumber } = await registerApplicant(server);
  const looks = async () => {
    const history = ((await officer.request('GET', `/api/registrations/${queueNumber}`)).body as { history: { action: string; actor: string }[] }).history;
    return history.filter((entry) => entry.action === 'documents-viewed').length;
  };
  // Each API read is a look too: count from here.
  const before = await looks();
  const ahead = await officer.request('GET', `/registrations/${queueNumber}`, { headers: { 'sec-purpose': 'prefetch;prerender' } });
  expect(ahead.status).toBe(200);
  expect(String(ahead.body)).toContain('data-made-ahead');
  expect(await looks()).toBe(before + 1);
  const shown = await officer.request('GET', `/registrations/${queueNumber}`);
  expect(String(shown.body)).not.toContain('data-made-ahead');
  expect(await looks()).toBe(before + 3);

  expect((await officer.request('POST', `/api/registrations/${queueNumber}/viewed`, { csrf: null })).status).toBe(403);
  const viewed = await officer.request('POST', `/api/registrations/${queueNumber}/viewed`);
  expect(viewed.status).toBe(200);
  expect((viewed.body as { recorded: boolean }).recorded).toBe(true);
  expect(Object.keys(viewed.body as object)).toEqual(['recorded', 'next']);
  expect(await looks()).toBe(before + 5);
  expect((await officer.request('POST', '/api/registrations/KRC-99999/viewed')).status).toBe(404);
  expect((await officer.request('GET', `/api/registrations/${queueNumber}/viewed`)).status).toBe(405);
});

it('POST confirm, reschedule, complete: 200 with the Registration; 409 where the status does not allow it; 422 on a rule', async () => {
  const { queueNumber } = await registerApplicant(server);
  const base = `/api/registrations/${queueNumber}`;
  expect((await officer.request('POST', `${base}/reschedule`, { body: { date: workingDay(2), time: '09:00' } })).status).toBe(409);
  expect((await officer.request('POST', `${base}/complete`, { body: { attended: true } })).status).toBe(409);
  const saturday = await officer.request('POST', `${base}/confirm`, { body: { date: nextSaturday(), time: '09:00' } });
  expect(saturday.status).toBe(422);
  expect(saturday.body).toEqual({ error: 'date-closed', message: expect.stringContaining('Kantor tidak melayani') });
  expect((await officer.request('POST', `${base}/confirm`, { body: { date: workingDay(2) } })).status).toBe(400);
  expect((await officer.request('POST', `${base}/confirm`, { rawBody: '{"date":' })).status).toBe(400);
  const confirmed = await officer.request('POST', `${base}/confirm`, { body: { date: workingDay(2), time: '09:00', note: 'Bawa paspor lama' } });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body).toMatchObject({ queueNumber, status: 'DIKONFIRMASI', appointmentDate: workingDay(2), appointmentTime: '09:00', rescheduled: false });
  // The answer carries the open days after the decision, as GET api/days gives them (the next review screen's buttons).
  expect((confirmed.body as { days: unknown }).days).toEqual(((await officer.request('GET', '/api/days')).body as { days: unknown }).days);
  expect((confirmed.body as { days: { date: string; booked: number }[] }).days.find((day) => day.date === workingDay(2))?.booked).toBeGreaterThanOrEqual(1);
  expect((await officer.request('POST', `${base}/confirm`, { body: { date: workingDay(3), time: '09:00' } })).status).toBe(409);
  expect((await officer.request('POST', `${base}/request-fix`, { body: { note: 'x' } })).status).toBe(409);
  const moved = await officer.request('POST', `${base}/reschedule`, { body: { date: workingDay(3), time: '10:15' } });
  expect(moved).toMatchObject({ status: 200, body: { status: 'DIKONFIRMASI', appointmentDate: workingDay(3) } });
  expect((await officer.request('POST', `${base}/complete`, { body: { attended: true } })).status).toBe(422);
});

it('POST request-fix and cancel: 200, then 409 on a closed registration; 404 for an unknown one', async () => {
  const { queueNumber } = await registerApplicant(server);
  const base = `/api/registrations/${queueNumber}`;
  expect((await officer.request('POST', `${base}/request-fix`, { body: { note: '', requirements: ['ktp'] } })).status).toBe(422);
  expect(await officer.request('POST', `${base}/request-fix`, { body: { note: 'KTP buram', requirements: ['ktp'] } })).toMatchObject({
    status: 200,
    body: { status: 'PERLU_PERBAIKAN' },
  });
  expect((await officer.request('POST', `${base}/confirm`, { body: { date: workingDay(2), time: '09:00' } })).status).toBe(409);
  expect(await officer.request('POST', `${base}/cancel`, { body: { reason: 'Berkas tidak lengkap' } })).toMatchObject({
    status: 200,
    body: { status: 'DIBATALKAN' },
  });
  for (const action of ['confirm', 'request-fix', 'reschedule', 'cancel', 'complete']) {
    const body = { date: workingDay(2), time: '09:00', note: 'x', reason: 'x', attended: true };
    expect((await officer.request('POST', `${base}/${action}`, { body })).status).toBe(409);
  }
  expect((await officer.request('POST', '/api/registrations/KRC-99999/cancel', { body: { reason: 'x' } })).status).toBe(404);
});

it('GET and PUT api/days/{date}: capacity, closed days and who comes; 422 for a capacity below what is booked', async () => {
  const date = workingDay(8);
  const { queueNumber } = await registerApplicant(server);
  await officer.request('POST', `/api/registrations/${queueNumber}/confirm`, { body: { date, time: '08:30' } });
  const day = await officer.request('GET', `/api/days/${date}`);
  expect(day).toMatchObject({ status: 200, body: { date, capacity: 20, booked: 1, closed: false } });
  expect((day.body as { registrations: { queueNumber: string }[] }).registrations.map((r) => r.queueNumber)).toEqual([queueNumber]);
  expect(await officer.request('PUT', `/api/days/${date}`, { body: { capacity: 0 } })).toMatchObject({ status: 422 });
  expect(await officer.request('PUT', `/api/days/${date}`, { body: { capacity: 5, closed: true, reason: 'Rapat kantor' } })).toMatchObject({
    status: 200,
    body: { capacity: 5, closed: true, closedReason: 'Rapat kantor' },
  });
  expect((await officer.request('PUT', `/api/days/${date}`, { body: { capacity: 'lima' } })).status).toBe(400);
  expect((await officer.request('GET', '/api/days/kemarin')).status).toBe(400);
});

it('GET api/days lists the next open days with free places and the next free time; the list counts documents', async () => {
  // A fresh table: the only bookings are the ones made here.
  const days = await officer.request('GET', '/api/days?count=5');
  expect(days.status).toBe(200);
  const open = (days.body as { from: string; days: { date: string; capacity: number; booked: number; free: number; nextFreeTime?: string }[] }).days;
  expect(open.map((day) => day.date)).toEqual([1, 2, 3, 4, 5].map((n) => workingDay(n)));
  expect(open.every((day) => day.free === day.capacity - day.booked)).toBe(true);

  const { queueNumber } = await registerApplicant(server);
  const listed = (await officer.request('GET', '/api/registrations?status=PENDING')).body as { queueNumber: string; documentCount?: number }[];
  expect(listed.find((registration) => registration.queueNumber === queueNumber)?.documentCount).toBe(4);
  const date = workingDay(4);
  expect((await officer.request('POST', `/api/registrations/${queueNumber}/confirm`, { body: { date, time: '08:00' } })).status).toBe(200);
  const after = (await officer.request('GET', `/api/days?from=${date}&count=1`)).body as {
    days: { date: string; booked: number; free: number; nextFreeTime: string }[];
  };
  expect(after.days).toEqual([expect.objectContaining({ date, booked: 1, free: 19, nextFreeTime: '08:15' })]);
  expect((await officer.request('GET', '/api/days?from=07-12-2026')).status).toBe(400);
  expect((await officer.request('GET', '/api/days?count=99')).status).toBe(400);
});
