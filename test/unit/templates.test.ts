/** The WhatsApp templates: Meta's creation rules, the builders' parameters, and what Meta answers to a send. */
import fc from 'fast-check';
import type { AppointmentFacts } from '../../lambdas/domain/texts';
import type { TemplateParameters } from '../../lambdas/domain/replies';
import {
  cancelledTemplate,
  changedTemplate,
  confirmedTemplate,
  findTemplate,
  fixTemplate,
  parameter,
  parseReminderPayload,
  reminderTemplate,
  renderTemplateBody,
  TEMPLATE_NAMES,
  TEMPLATES,
  type TemplateBody,
  type TemplateComponent,
  type TemplateDefinition,
} from '../../lambdas/domain/templates';
import { validateTemplateDefinition, validateTemplateSend } from '../../lambdas/meta/template-review';
import type { DailyReport } from '../../lambdas/domain/daily-report';
import { dailySummaryTemplate } from '../../lambdas/domain/daily-summary';
import { dayClosedTemplate, earlierPlaceTemplate } from '../../lambdas/domain/real-days-templates';
import { parseRebookingChoicesPayload } from '../../lambdas/domain/rebooking';
import type { Registration } from '../../lambdas/domain/registration';
import { parseTakePayload } from '../../lambdas/domain/waitlist';
import { testOffice } from '../support/office';
import { testRegistration } from '../support/registration';

const facts: AppointmentFacts = {
  queueNumber: 'KRC-002',
  name: 'SIPULAN',
  nik: '3201231508900001',
  date: '2025-12-31',
  time: '09:00',
  note: 'Bawa KTP asli',
};
const proof = { link: 'https://bucket.example/proof.pdf?X-Amz-Signature=abc', filename: 'bukti_antrian_KRC-002.pdf' };
const office = testOffice();
const uploadHint = { mode: 'web' as const, uploadUrl: 'https://sibapao.example.id/upload/KRC-002?sig=xyz' };

const definition = (name: string): TemplateDefinition => {
  const found = findTemplate(name, 'id');
  if (!found) throw new Error(`no template ${name}`);
  return found;
};
const bodyText = (template: TemplateDefinition): string => (template.components.find((c) => c.type === 'BODY') as TemplateBody).text;
const withBody = (template: TemplateDefinition, text: string, example?: string[]): TemplateDefinition => ({
  ...template,
  components: template.components.map((component): TemplateComponent =>
    component.type === 'BODY' ? { type: 'BODY', text, ...(example ? { example: { body_text: [example] } } : {}) } : component,
  ),
});
const BAD_SPACING = /[\n\r\t]| {4,}/;
const registration = (extra: Partial<Registration>): Registration => testRegistration({ name: 'SIPULAN', ...extra });
const closedDayRegistration = registration({
  status: 'PERLU_JADWAL_ULANG',
  appointmentDate: '2025-12-31',
  rebooking: { from: '2025-12-31', reason: 'Banjir di depan\nkantor', askedAt: '2025-12-30T01:00:00Z' },
});
const waitingRegistration = registration({
  appointmentDate: '2025-12-31',
  waitlisted: true,
  offer: { date: '2025-12-22', until: '2025-12-20T05:00:00Z' },
});

const builders: [string, () => TemplateParameters][] = [
  [TEMPLATE_NAMES.confirmed, () => confirmedTemplate(facts, proof)],
  [TEMPLATE_NAMES.changed, () => changedTemplate({ ...facts, oldDate: '2025-12-22' }, proof)],
  [TEMPLATE_NAMES.reminder, () => reminderTemplate(facts, office)],
  [TEMPLATE_NAMES.fix, () => fixTemplate(facts.queueNumber, facts.name, 'Foto KTP buram', ['KTP', 'KK'], uploadHint)],
  [TEMPLATE_NAMES.cancelled, () => cancelledTemplate(facts.queueNumber, facts.name, 'Berkas tidak dilengkapi')],
  [TEMPLATE_NAMES.dayClosed, () => dayClosedTemplate(closedDayRegistration, office)],
  [TEMPLATE_NAMES.earlierPlace, () => earlierPlaceTemplate(waitingRegistration, office)],
];
const report: DailyReport = {
  date: '2025-12-31',
  booked: 40,
  checkedIn: 35,
  served: 33,
  noShows: 5,
  averageWaitMinutes: 12.5,
  satisfaction: 4.25,
  pendingOver24h: 2,
  failedSends: 0,
};

describe('the shipped definitions', () => {
  it('are the eight utility templates in Indonesian', () => {
    expect(TEMPLATES.map((template) => template.name).sort()).toEqual(Object.values(TEMPLATE_NAMES).sort());
    for (const template of TEMPLATES) {
      expect(template).toMatchObject({ language: 'id', category: 'UTILITY' });
    }
  });

  it.each(TEMPLATES.map((template) => [template.name, template] as const))("%s passes Meta's rules", (_name, template) => {
    expect(validateTemplateDefinition(template)).toEqual([]);
  });

  it('give the PDF proof a DOCUMENT header on the confirmation and the new date', () => {
    for (const name of [TEMPLATE_NAMES.confirmed, TEMPLATE_NAMES.changed]) {
      expect(definition(name).components[0]).toMatchObject({ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: [expect.any(String)] } });
    }
  });

  it('give the reminder the quick replies Datang, Ubah jadwal, Batal', () => {
    expect(definition(TEMPLATE_NAMES.reminder).components.find((c) => c.type === 'BUTTONS')).toEqual({
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Datang' },
        { type: 'QUICK_REPLY', text: 'Ubah jadwal' },
        { type: 'QUICK_REPLY', text: 'Batal' },
      ],
    });
  });

  it('give the closed day the quick reply Pilih tanggal and the earlier place Ambil', () => {
    expect(definition(TEMPLATE_NAMES.dayClosed).components.find((c) => c.type === 'BUTTONS')).toEqual({
      type: 'BUTTONS',
      buttons: [{ type: 'QUICK_REPLY', text: 'Pilih tanggal' }],
    });
    expect(definition(TEMPLATE_NAMES.earlierPlace).components.find((c) => c.type === 'BUTTONS')).toEqual({
      type: 'BUTTONS',
      buttons: [{ type: 'QUICK_REPLY', text: 'Ambil' }],
    });
  });

  it("keep the seed's wording", () => {
    expect(bodyText(definition(TEMPLATE_NAMES.confirmed))).toContain('File PDF ini adalah bukti resmi antrian Anda.');
    expect(bodyText(definition(TEMPLATE_NAMES.changed))).toContain('Jadwal kedatangan Anda telah diperbarui oleh petugas:');
    expect(bodyText(definition(TEMPLATE_NAMES.reminder))).toContain('Tunjukkan Hasil print PDF yang telah diberikan petugas.');
  });
});

describe('the builders', () => {
  it.each(builders)('%s: parameters match the definition and carry the queue number', (name, build) => {
    const params = build();
    expect(params.name).toBe(name);
    expect(validateTemplateSend(definition(name), params)).toBeUndefined();
    expect(params.body).toContain('KRC-002');
    for (const value of [...params.body, ...(params.buttonPayloads ?? [])]) expect(value).not.toMatch(BAD_SPACING);
    expect(renderTemplateBody(definition(name), params.body).length).toBeLessThanOrEqual(1024);
  });

  it('format dates as "Rabu, 31 Desember 2025" and times as "09.00 WIB"', () => {
    expect(confirmedTemplate(facts, proof)).toEqual({
      name: 'jadwal_dikonfirmasi',
      language: 'id',
      body: ['KRC-002', 'SIPULAN', 'Rabu, 31 Desember 2025', '09.00 WIB', 'Bawa KTP asli'],
      headerDocument: proof,
      buttonPayloads: ['MAJUKAN'],
    });
    expect(changedTemplate({ ...facts, oldDate: '2025-12-22' }, proof).body).toEqual([
      'SIPULAN',
      'KRC-002',
      'Senin, 22 Desember 2025',
      'Rabu, 31 Desember 2025',
      '09.00 WIB',
      'Bawa KTP asli',
    ]);
  });

  it("give the head of office the day's figures: decimal commas, minutes, and '-' for none", () => {
    const params = dailySummaryTemplate(office.officeName, report);
    expect(params).toEqual({
      name: 'ringkasan_harian',
      language: 'id',
      body: [office.officeName, 'Rabu, 31 Desember 2025', '40', '35', '33', '5', '12,5 menit', '4,25', '2', '0'],
    });
    expect(validateTemplateSend(definition(TEMPLATE_NAMES.dailySummary), params)).toBeUndefined();
    const quiet = dailySummaryTemplate(office.officeName, { ...report, averageWaitMinutes: null, satisfaction: null });
    expect(quiet.body.slice(6, 8)).toEqual(['-', '-']);
    expect(validateTemplateSend(definition(TEMPLATE_NAMES.dailySummary), quiet)).toBeUndefined();
  });

  it('give the closed day its date, time and reason, and the earlier place both dates, with the payloads their buttons answer to', () => {
    const closed = dayClosedTemplate(closedDayRegistration, office);
    expect(closed.body).toEqual(['KRC-002', 'SIPULAN', 'Rabu, 31 Desember 2025', '09.00 WIB', 'Banjir di depan kantor']);
    expect(closed.buttonPayloads).toEqual(['jadwal-ulang:KRC-002:pilih']);
    expect(parseRebookingChoicesPayload(closed.buttonPayloads![0]!)).toEqual({ queueNumber: 'KRC-002' });
    expect(renderTemplateBody(definition(TEMPLATE_NAMES.dayClosed), closed.body)).toContain(
      'Mohon maaf, kantor tutup pada Rabu, 31 Desember 2025 (jadwal Anda 09.00 WIB).\nAlasan: Banjir di depan kantor',
    );
    const earlier = earlierPlaceTemplate(waitingRegistration, office);
    expect(earlier.body).toEqual(['KRC-002', 'SIPULAN', 'Senin, 22 Desember 2025', '09.00 WIB', 'Rabu, 31 Desember 2025']);
    expect(earlier.buttonPayloads).toEqual(['ambil:KRC-002:2025-12-22']);
    expect(parseTakePayload(earlier.buttonPayloads![0]!)).toEqual({ queueNumber: 'KRC-002', date: '2025-12-22' });
  });

  it('give the reminder the office and payloads datang:/ubah:/batal: with the queue number', () => {
    const params = reminderTemplate(facts, office);
    expect(params.body).toEqual([
      'KRC-002',
      'SIPULAN',
      '3201231508900001',
      'Rabu, 31 Desember 2025',
      '09.00 WIB',
      office.officeName,
      office.address,
      office.whatsappNumber,
    ]);
    expect(params.buttonPayloads).toEqual(['datang:KRC-002', 'ubah:KRC-002', 'batal:KRC-002']);
    expect(params.buttonPayloads?.map(parseReminderPayload)).toEqual([
      { action: 'datang', queueNumber: 'KRC-002' },
      { action: 'ubah', queueNumber: 'KRC-002' },
      { action: 'batal', queueNumber: 'KRC-002' },
    ]);
    expect(parseReminderPayload('svc_1')).toBeUndefined();
  });

  it('put the documents on one line and the upload link last', () => {
    expect(fixTemplate('KRC-002', 'SIPULAN', 'Foto KTP buram', ['KTP', 'KK'], uploadHint).body).toEqual([
      'KRC-002',
      'SIPULAN',
      'KTP; KK',
      'Foto KTP buram',
      uploadHint.uploadUrl,
    ]);
    expect(fixTemplate('KRC-002', 'SIPULAN', 'x', ['KTP'], { mode: 'form', formUrl: 'https://forms.gle/abc' }).body[4]).toBe('https://forms.gle/abc');
    expect(fixTemplate('KRC-002', 'SIPULAN', 'x', ['KTP'], { mode: 'chat' }).body[4]).toMatch(/chat WhatsApp ini/);
  });

  it('turn line breaks, tabs and runs of spaces in a note or reason into one space, and an empty note into -', () => {
    const note = 'Baris satu\nbaris dua\r\n\tdengan     spasi';
    expect(confirmedTemplate({ ...facts, note }, proof).body[4]).toBe('Baris satu baris dua dengan spasi');
    expect(cancelledTemplate('KRC-002', 'SIPULAN', 'Alasan:\n\n- berkas palsu\n- NIK salah').body[2]).toBe('Alasan: - berkas palsu - NIK salah');
    expect(fixTemplate('KRC-002', 'SIPULAN', 'a\nb', ['KTP\n(asli)', 'KK'], uploadHint).body.slice(2, 4)).toEqual(['KTP (asli); KK', 'a b']);
    const { note: _none, ...withoutNote } = facts;
    expect(confirmedTemplate(withoutNote, proof).body[4]).toBe('-');
    expect(parameter('   ')).toBe('-');
  });

  it('shorten a long note so the message stays within 1024 characters, keeping the link whole', () => {
    const long = 'Mohon perbaiki berkas. '.repeat(60);
    const confirmed = confirmedTemplate({ ...facts, note: long }, proof);
    expect(renderTemplateBody(definition(TEMPLATE_NAMES.confirmed), confirmed.body).length).toBeLessThanOrEqual(1024);
    expect(confirmed.body[4]).toMatch(/…$/);
    const fix = fixTemplate(
      'KRC-002',
      'SIPULAN',
      long,
      Array.from({ length: 40 }, (_, i) => `Dokumen pendukung nomor ${i + 1}`),
      uploadHint,
    );
    expect(renderTemplateBody(definition(TEMPLATE_NAMES.fix), fix.body).length).toBeLessThanOrEqual(1024);
    expect(fix.body[4]).toBe(uploadHint.uploadUrl);
    expect(validateTemplateSend(definition(TEMPLATE_NAMES.fix), fix)).toBeUndefined();
  });

  it('always give Meta acceptable parameters, whatever officers and applicants type', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '\t', '\r', '7', 'é', '😀', '-'), maxLength: 600 });
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 100 }), text, text, (name, note, reason) => {
        const all = [
          confirmedTemplate({ ...facts, name, note }, proof),
          changedTemplate({ ...facts, name, note, oldDate: '2025-12-22' }, proof),
          reminderTemplate({ ...facts, name }, office),
          fixTemplate('KRC-002', name, note, [reason, note], uploadHint),
          cancelledTemplate('KRC-002', name, reason),
        ];
        for (const params of all) {
          expect(validateTemplateSend(definition(params.name), params)).toBeUndefined();
          expect(renderTemplateBody(definition(params.name), params.body).length).toBeLessThanOrEqual(1024);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('validateTemplateDefinition refuses what Meta refuses', () => {
  const cancelled = definition(TEMPLATE_NAMES.cancelled);
  const reminder = definition(TEMPLATE_NAMES.reminder);
  const problemsOf = (template: TemplateDefinition) => validateTemplateDefinition(template).join('\n');

  it('a body over 1024 characters', () => {
    const text = `Nomor Antrian: {{1}}, nama {{2}}, alasan {{3}}. ${'Terima kasih. '.repeat(80)}`;
    expect(problemsOf(withBody(cancelled, text, ['KRC-002', 'SIPULAN', 'x']))).toMatch(/more than 1024/);
  });

  it('adjacent placeholders', () => {
    const text = 'Nomor Antrian dan nama Anda: {{1}} {{2}}, dengan alasan {{3}}. Untuk mendaftar kembali, ketik MENU.';
    expect(problemsOf(withBody(cancelled, text, ['KRC-002', 'SIPULAN', 'x']))).toMatch(/\{\{1\}\} and \{\{2\}\} are adjacent/);
    const punctuated = 'Nomor Antrian dan nama Anda: {{1}} - {{2}}, dengan alasan {{3}}. Untuk mendaftar kembali, ketik MENU.';
    expect(problemsOf(withBody(cancelled, punctuated, ['KRC-002', 'SIPULAN', 'x']))).toMatch(/adjacent/);
  });

  it('a placeholder at the start or the end', () => {
    const start = '{{1}} adalah nomor antrian Anda atas nama {{2}}, dibatalkan karena {{3}}. Untuk mendaftar kembali, ketik MENU.';
    expect(problemsOf(withBody(cancelled, start, ['KRC-002', 'SIPULAN', 'x']))).toMatch(/must not start with a placeholder/);
    const end = 'Pendaftaran dengan nomor antrian {{1}} atas nama {{2}} dibatalkan oleh petugas dengan alasan {{3}}.';
    expect(problemsOf(withBody(cancelled, end, ['KRC-002', 'SIPULAN', 'x']))).toMatch(/must not end with a placeholder/);
  });

  it('too many placeholders for the text, numbering out of order, and missing examples', () => {
    expect(problemsOf(withBody(cancelled, 'Nomor {{1}} nama {{2}} alasan {{3}} ok', ['a', 'b', 'c']))).toMatch(/3 placeholders need at least 7 other words/);
    const shuffled = 'Nomor Antrian: {{2}}\nNama: {{1}}\nAlasan: {{3}}\nUntuk mendaftar kembali, ketik MENU.';
    expect(problemsOf(withBody(cancelled, shuffled, ['a', 'b', 'c']))).toMatch(/in order/);
    expect(problemsOf(withBody(cancelled, bodyText(cancelled)))).toMatch(/example\.body_text needs one row of 3/);
    expect(problemsOf(withBody(cancelled, bodyText(cancelled), ['a', 'b\nc', 'd']))).toMatch(/example value 2/);
    expect(problemsOf(withBody(cancelled, 'Nomor Antrian: {{ 1 }}, untuk mendaftar kembali ketik MENU sekarang juga.', ['a']))).toMatch(/must look like/);
  });

  it('a bad name', () => {
    expect(problemsOf({ ...cancelled, name: 'Pendaftaran-Dibatalkan' })).toMatch(/^name:/);
    expect(problemsOf({ ...cancelled, name: 'pendaftaran dibatalkan' })).toMatch(/^name:/);
    expect(problemsOf({ ...cancelled, name: 'a'.repeat(513) })).toMatch(/longer than 512/);
    expect(validateTemplateDefinition({ ...cancelled, name: 'a'.repeat(512) })).toEqual([]);
  });

  it('four buttons of 26 characters', () => {
    const buttons = ['a', 'b', 'c', 'd'].map((letter) => ({ type: 'QUICK_REPLY' as const, text: letter.repeat(26) }));
    const problems = validateTemplateDefinition({
      ...reminder,
      components: reminder.components.map((component) => (component.type === 'BUTTONS' ? { type: 'BUTTONS', buttons } : component)),
    });
    expect(problems.filter((problem) => /longer than 25/.test(problem))).toHaveLength(4);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY' as const, text: `Pilihan ${i}` }));
    expect(problemsOf({ ...reminder, components: [...reminder.components.filter((c) => c.type !== 'BUTTONS'), { type: 'BUTTONS', buttons: eleven }] })).toMatch(
      /at most 10 buttons/,
    );
  });

  it('a media header without a sample handle, a long footer, promotional words and no body', () => {
    const confirmed = definition(TEMPLATE_NAMES.confirmed);
    expect(
      problemsOf({ ...confirmed, components: confirmed.components.map((c) => (c.type === 'HEADER' ? { type: 'HEADER', format: 'DOCUMENT' } : c)) }),
    ).toMatch(/header_handle/);
    expect(problemsOf({ ...cancelled, components: [...cancelled.components, { type: 'FOOTER', text: 'x'.repeat(61) }] })).toMatch(/FOOTER: longer than 60/);
    expect(problemsOf(withBody(cancelled, `${bodyText(cancelled)} Dapatkan diskon dan hadiah gratis!`, ['a', 'b', 'c']))).toMatch(
      /promotional wording \(diskon, gratis, hadiah\)/,
    );
    expect(problemsOf({ ...cancelled, components: [] })).toMatch(/needs a body/);
    expect(problemsOf({ ...cancelled, language: 'Indonesian' })).toMatch(/^language:/);
  });
});

describe('validateTemplateSend answers like Meta', () => {
  const confirmed = definition(TEMPLATE_NAMES.confirmed);
  const good = confirmedTemplate(facts, proof);

  it('132001 for an unknown name or a language without that translation', () => {
    expect(validateTemplateSend(undefined, { ...good, name: 'jadwal_konfirmasi' })?.code).toBe(132001);
    expect(validateTemplateSend(confirmed, { ...good, name: 'jadwal_konfirmasi' })?.code).toBe(132001);
    expect(validateTemplateSend(confirmed, { ...good, language: 'en_US' })?.code).toBe(132001);
  });

  it('132000 for a wrong number of body, header or button parameters', () => {
    expect(validateTemplateSend(confirmed, { ...good, body: good.body.slice(1) })).toMatchObject({
      code: 132000,
      message: expect.stringMatching(/body expects 5, got 4/),
    });
    expect(validateTemplateSend(confirmed, { ...good, body: [...good.body, 'lagi'] })?.code).toBe(132000);
    const { headerDocument: _header, ...noHeader } = good;
    expect(validateTemplateSend(confirmed, noHeader)?.code).toBe(132000);
    expect(validateTemplateSend(confirmed, { ...good, buttonPayloads: ['MAJUKAN', 'datang:KRC-002'] })?.code).toBe(132000);
    const { buttonPayloads: _payloads, ...noButton } = good;
    expect(validateTemplateSend(confirmed, noButton)?.code).toBe(132000);
    const reminder = reminderTemplate(facts, office);
    expect(validateTemplateSend(definition(TEMPLATE_NAMES.reminder), { ...reminder, buttonPayloads: reminder.buttonPayloads?.slice(0, 2) })?.code).toBe(132000);
    expect(validateTemplateSend(definition(TEMPLATE_NAMES.cancelled), { ...cancelledTemplate('KRC-002', 'SIPULAN', 'x'), headerDocument: proof })?.code).toBe(
      132000,
    );
  });

  it('132012 for a parameter with a line break, a tab or 4+ spaces', () => {
    const withParam = (value: string) => ({ ...good, body: [good.body[0] ?? '', value, ...good.body.slice(2)] });
    expect(validateTemplateSend(confirmed, withParam('SI\nPULAN'))).toMatchObject({
      code: 132012,
      message: expect.stringMatching(/Parameter format does not match/),
    });
    expect(validateTemplateSend(confirmed, withParam('SI\tPULAN'))?.code).toBe(132012);
    expect(validateTemplateSend(confirmed, withParam('SI    PULAN'))?.code).toBe(132012);
    expect(validateTemplateSend(confirmed, withParam('SI   PULAN'))).toBeUndefined();
  });
});
