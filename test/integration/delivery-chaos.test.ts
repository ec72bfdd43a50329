/**
 * Delivery chaos (README "Reliability"): stages 1–7 for several applicants, once cleanly and once with every webhook
 * delivered twice (the copy sometimes after the applicant's next message) and different applicants'
 * bodies shuffled together, as Meta may deliver them. Nothing may happen twice, each applicant's order
 * must hold, and the end state (every reply, every registration) must equal the clean run's.
 */
import type { Officer } from '../../lambdas/admin/officer-api';
import { messageEnvelope, signedRequest } from '../../local/meta-envelope';
import { queueNumberIn, uploadDocuments, uploadLinkIn } from '../support/journey';
import { officerApi, workingDay } from '../support/officer-api';
import { newPerson, registrationLine, type Person } from '../support/registration-lines';
import { tallyFor } from '../support/tally';
import { startTestServer, textOf, type TestServer } from '../support/test-server';

const tally = tallyFor(__filename);
const officer: Officer = { username: 'petugas1', role: 'petugas' };
const NAMES = ['Rina Marlina', 'Budi Santoso', 'Dewi Lestari', 'Agus Salim'];
const applicants = NAMES.map((name, index) => ({ waId: `62815777000${index}`, person: newPerson({ name }) }));
const firstDate = workingDay(2);
const requestedDate = workingDay(4);

/** A small seeded generator, so a failing shuffle can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Delivery {
  readonly waId: string;
  readonly payload: string;
  readonly signature: string;
}

/**
 * One round of applicant messages, each applicant's in order. Clean: one delivery each, applicant by
 * applicant. Chaos: each body twice (the copy at once or after the next one), applicants interleaved.
 */
function deliveries(server: TestServer, round: ReadonlyMap<string, readonly string[]>, chaos: boolean, random: () => number): Delivery[] {
  const streams = [...round].map(([waId, texts]) => {
    const bodies = texts.map((text) => {
      const { body } = messageEnvelope(server.config.WHATSAPP_PHONE_NUMBER_ID, { waId, name: 'Pemohon' }, { text });
      return { waId, ...signedRequest(body, server.secrets.WHATSAPP_APP_SECRET) };
    });
    if (!chaos) return bodies;
    const stream: Delivery[] = [];
    let late: Delivery | undefined;
    for (const body of bodies) {
      stream.push(body);
      if (late) stream.push(late);
      late = undefined;
      if (random() < 0.5) stream.push(body);
      else late = body;
    }
    if (late) stream.push(late);
    return stream;
  });
  if (!chaos) return streams.flat();
  const merged: Delivery[] = [];
  while (streams.some((stream) => stream.length > 0)) {
    const open = streams.filter((stream) => stream.length > 0);
    const next = open[Math.floor(random() * open.length)]?.shift();
    if (next) merged.push(next);
  }
  return merged;
}

async function deliver(server: TestServer, round: ReadonlyMap<string, readonly string[]>, chaos: boolean, random: () => number): Promise<number> {
  const all = deliveries(server, round, chaos, random);
  for (const delivery of all) {
    const response = await server.postWebhook(delivery.payload, delivery.signature);
    expect(response.status).toBe(200);
  }
  await server.queue.drained();
  return all.length;
}

const dmy = (iso: string) => `${iso.slice(8)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
/** Queue numbers and links differ between two runs by construction; everything else must not. */
const normalise = (text: string) => text.replace(/[A-Z]{2,5}-\d{3,}/g, '<antrian>').replace(/https?:\/\/[^\s>)]+/g, '<link>');

interface Outcome {
  readonly replies: string[];
  readonly registration: unknown;
}

async function stagesOneToSeven(chaos: boolean): Promise<{ outcomes: Outcome[]; posted: number }> {
  const server = await startTestServer();
  const officers = officerApi(server);
  const random = seeded(20261126);
  let posted = 0;
  try {
    const round = (texts: (person: Person) => string[]) => new Map(applicants.map(({ waId, person }) => [waId, texts(person)]));
    // Stages 1–2: greeting, the service, the privacy notice agreed to.
    posted += await deliver(
      server,
      round(() => ['Assalamualaikum', '1', 'SETUJU']),
      chaos,
      random,
    );
    // Stage 3: the documents, on the upload page.
    for (const { waId } of applicants) {
      const withLink = server.fakeGraph
        .sentTo(waId)
        .map(textOf)
        .find((text) => uploadLinkIn(text) !== '');
      await uploadDocuments(server, withLink ?? '');
    }
    // Stages 3–4: SELESAI, the DAFTAR line.
    posted += await deliver(
      server,
      round((person) => ['SELESAI', registrationLine(person)]),
      chaos,
      random,
    );
    const queueNumbers = applicants.map(({ waId }) =>
      queueNumberIn(
        server.fakeGraph
          .sentTo(waId)
          .map(textOf)
          .find((text) => text.includes('Nomor Antrian:')) ?? '',
      ),
    );
    // Stage 5: the officer confirms.
    for (const queueNumber of queueNumbers)
      expect((await officers.api.act(queueNumber, 'confirm', { date: firstDate, time: '09:00' }, officer)).status).toBe(200);
    await server.queue.drained();
    // Stage 6: the applicant asks once for another date.
    posted += await deliver(
      server,
      round((person) => ['6', `Ubah jadwal: ${person.name}/${dmy(requestedDate)}`]),
      chaos,
      random,
    );
    // Stage 7: the officer sets it.
    for (const queueNumber of queueNumbers)
      expect((await officers.api.act(queueNumber, 'reschedule', { date: requestedDate, time: '10:30' }, officer)).status).toBe(200);
    await server.queue.drained();

    const outcomes: Outcome[] = [];
    for (const [index, { waId }] of applicants.entries()) {
      const detail = (await officers.api.get(queueNumbers[index] ?? '', officer)).body as Record<string, unknown>;
      const own = ((await officers.api.list({ q: applicants[index]?.person.name ?? '' })).body as unknown[]).length;
      outcomes.push({
        replies: server.fakeGraph.sentTo(waId).map((message) => `${message.type}: ${normalise(textOf(message))}`),
        registration: {
          registrations: own,
          status: detail.status,
          appointmentDate: detail.appointmentDate,
          appointmentTime: detail.appointmentTime,
          requestedDate: detail.requestedDate,
          rescheduled: detail.rescheduled,
        },
      });
    }
    return { outcomes, posted };
  } finally {
    officers.close();
    await server.cleanUp();
  }
}

it('ends, with every webhook delivered twice and applicants shuffled, exactly as the clean run ends', async () => {
  const clean = await stagesOneToSeven(false);
  const chaos = await stagesOneToSeven(true);
  expect(chaos.posted).toBe(clean.posted * 2);

  for (const [index, expected] of clean.outcomes.entries()) {
    const actual = chaos.outcomes[index];
    const sameReplies = JSON.stringify(actual?.replies) === JSON.stringify(expected.replies);
    const sameRegistration = JSON.stringify(actual?.registration) === JSON.stringify(expected.registration);
    tally.check('delivery chaos', "applicant got the clean run's replies, in its order, none twice", sameReplies);
    tally.check('delivery chaos', 'registration ended as in the clean run (one, rescheduled once)', sameRegistration);
    expect(actual).toEqual(expected);
  }
  // The clean run itself went through stages 1–7.
  expect(
    clean.outcomes.every(
      (outcome) =>
        (outcome.registration as { rescheduled: boolean; registrations: number }).rescheduled &&
        (outcome.registration as { registrations: number }).registrations === 1,
    ),
  ).toBe(true);
  tally.add('delivery chaos', 'webhook deliveries (each body twice, applicants shuffled)', chaos.posted, chaos.posted);
});
