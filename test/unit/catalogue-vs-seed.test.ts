/**
 * The catalogue reviewed line by line against the office's own flow: every line the bot sends must be a
 * line of the seed, up to the deliberate changes docs/behaviour.md lists ("Message texts") and the values that
 * fill its placeholders. Lines the seed does not have are listed here with the reason they exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../../lambdas/domain/texts';
import { REQUIREMENTS, DEFAULT_SERVICES } from '../../lambdas/domain/services';
import { testOffice } from '../support/office';

const SEED_PATH = join(__dirname, '..', 'fixtures', 'office-flow', 'si-bapao-flow.txt');
const VALUE = '«VALUE»';

/** The deliberate changes of docs/behaviour.md, applied to the seed so that both sides compare as equals. */
function normalise(line: string): string {
  return line
    .replace(/\*\*/g, '*')
    .replace(/\*/g, '')
    .replace(/PENINGAT/g, 'PENGINGAT')
    .replace(/pemoohon/g, 'pemohon')
    .replace(/📅 17 /g, '📅 ')
    .replace(/[–—]/g, '-')
    .replace(/--/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const seedLines = readFileSync(SEED_PATH, 'utf8').split('\n').map(normalise).filter(Boolean);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A catalogue line matches when some seed line contains it, its values standing for any text. */
function inSeed(line: string): boolean {
  const pattern = new RegExp(normalise(line).split(VALUE).map(escapeRegExp).join('.+'));
  return seedLines.some((seedLine) => pattern.test(seedLine));
}

/** Lines docs/behaviour.md asks for that the seed cannot contain, each with its reason. */
const NOT_IN_SEED: Record<string, string> = {
  'DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945': 'docs/behaviour.md: the example NIK must be valid',
  'Jika persyaratan sudah lengkap, silakan kirim foto atau PDF setiap berkas di chat ini satu per satu.': 'docs/behaviour.md: chat mode last line of stage 2',
  [`- ${REQUIREMENTS['paspor-rusak'].label}`]: 'docs/behaviour.md service catalogue (services 2 and 5)',
  [`- ${REQUIREMENTS['paspor-lama'].label}`]: 'docs/behaviour.md service catalogue (service 3)',
  [`- ${REQUIREMENTS['dasar-perubahan'].label}`]: 'docs/behaviour.md service catalogue (services 3–5)',
  'Status: DIKONFIRMASI': 'docs/behaviour.md rendered example of stage 5',
  '✅ *Jadwal Antrian Dikonfirmasi*': 'docs/behaviour.md rendered example of stage 5 (the seed words it as a notification title)',
  'Ketik STATUS untuk melihat status pendaftaran Anda, atau BATAL untuk membatalkan pendaftaran.': 'issue 16: the menu names STATUS and BATAL',
  'Ketik DATA SAYA untuk melihat data Anda, UBAH DATA untuk memperbaikinya, atau HAPUS DATA untuk menghapusnya.':
    "issue 19: the menu names the applicant's data rights",
  '📅 Jadwal Anda: «VALUE» «VALUE», Rabu, 24 Desember 2025, 09.00 WIB': "issue 16: 6 names the applicant's confirmed appointment",
  'Tanggal baru yang bisa dipilih: Kamis, 25 Desember 2025 sampai Sabtu, 24 Januari 2026 (Senin–Jumat, bukan hari libur).':
    'issue 16: 6 names the window the appointment may move to',
  'Permintaan perubahan jadwal ke Rabu, 31 Desember 2025 sudah kami terima dan *menunggu persetujuan petugas*.':
    'issue 16: replaces the seed\'s "Perubahan Jadwal terkonfirmasi", which sounded final while it is a request',
  'Petugas akan segera menelpon anda. Jadwal baru dan PDF bukti antrian yang baru dikirim via WhatsApp setelah disetujui. Terima Kasih 🙏🙏':
    'issue 16: the request waits for the officer, who calls',
  'Link berlaku sampai Rabu, 31 Desember 2025.': 'issue 16: the upload link, alone on its line without brackets, says until when it works',
};

const facts = { queueNumber: VALUE, name: VALUE, nik: VALUE, date: '2025-12-31', time: '09:00', note: VALUE };
const office = testOffice();

const rendered: Record<string, string> = {
  'stage 1 welcome': messages.welcome(office),
  ...Object.fromEntries(
    DEFAULT_SERVICES.map((service) => [
      `stage 2 service ${service.id} (web)`,
      // The seed shows service 1; the others follow its wording with their own number and name.
      messages.requirements(service, { mode: 'web', uploadUrl: VALUE, validUntil: '2025-12-31' }).replace(`${service.id} ${service.name},`, `${VALUE},`),
    ]),
  ),
  'stage 2 (form)': messages.requirements(DEFAULT_SERVICES[0]!, { mode: 'form', formUrl: VALUE }),
  'stage 2 (chat)': messages.requirements(DEFAULT_SERVICES[0]!, { mode: 'chat' }),
  'stage 4 instruction': messages.registrationInstruction(),
  'stage 4 success': messages.registrationSucceeded(VALUE, VALUE),
  'stage 5 confirmed': messages.scheduleConfirmed(facts),
  'stage 6 rules': messages.rescheduleRules(
    [{ queueNumber: VALUE, name: VALUE, date: '2025-12-24', time: '09:00', zone: 'WIB', earliest: '2025-12-25', latest: '2026-01-24' }],
    { name: 'SIPULAN', date: '2025-12-31' },
  ),
  'stage 6 requested': messages.rescheduleRequested('2025-12-31'),
  'stage 7 changed': messages.scheduleChanged({ ...facts, oldDate: '2025-12-24' }, office),
  'stage 8 reminder': messages.reminder(facts, office),
};

/** Dates and times are rendered the Indonesian way (docs/behaviour.md); compare them as values. */
function withValues(line: string): string {
  return line
    .replace(/(Senin|Selasa|Rabu|Kamis|Jumat), \d{1,2} \w+ \d{4}/g, VALUE)
    .replace(/\b\d{1,2} (Desember|Januari) \d{4}/g, VALUE)
    .replace(/\b(Senin|Selasa|Rabu|Kamis|Jumat)\b/g, VALUE)
    .replace(/\d{2}\.\d{2} WIB/g, VALUE);
}

describe('the message catalogue against the seed', () => {
  it('finds the seed file', () => {
    expect(seedLines.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(rendered))('%s: every line is a line of the seed', (_name, text) => {
    const missing = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .filter((line) => !(line in NOT_IN_SEED))
      .filter((line) => !inSeed(withValues(line)));
    expect(missing).toEqual([]);
  });

  it('would catch a reworded line (the check can fail)', () => {
    expect(inSeed('Selamat datang di SI BAPAO, silakan pilih layanan')).toBe(false);
    expect(inSeed('⚠️ Pastikan semua data diisi dengan benar!')).toBe(true);
  });

  it('keeps every line the seed gives for stage 1 and stage 4 in the same order', () => {
    // Issues 16 and 19 add lines after the seed's last (STATUS and BATAL; DATA SAYA and HAPUS DATA); the seed's own lines keep their order.
    const welcome = messages
      .welcome(office)
      .split('\n')
      .filter(Boolean)
      .filter((line) => !(line in NOT_IN_SEED))
      .map(normalise);
    const start = seedLines.findIndex((line) => line.startsWith('Selamat datang di SI BAPAO'));
    expect(seedLines.slice(start, start + welcome.length)).toEqual(welcome);
  });

  it("writes bold the WhatsApp way and fixes the seed's typos", () => {
    const all = Object.values(rendered).join('\n');
    expect(all).not.toContain('**');
    expect(all).not.toContain('PENINGAT');
    expect(all).not.toContain('pemoohon');
    expect(all).toContain('*PENGINGAT KEDATANGAN BESOK*');
    expect(all).not.toMatch(/📅 17/);
  });
});
