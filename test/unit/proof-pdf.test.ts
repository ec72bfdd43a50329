/**
 * The PDF proof, read back the way a person and an officer would: pdftotext for the words, pdfinfo for the
 * page count, pdftoppm + jsQR for the QR code (poppler-utils must be installed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signProofCode, verifyProofCode } from '../../lambdas/domain/proof-code';
import {
  PROOF_NOTICE_CONFIRMED,
  PROOF_NOTICE_CONFIRMED_CLOSING,
  PROOF_NOTICE_RESCHEDULED,
  renderProofPdf,
  renderProofPdfWithLayout,
  type ProofInput,
} from '../../lambdas/domain/proof-pdf';
import { testOffice } from '../support/office';

const KEY = { keyId: 'k2025', key: 'proof-secret-2025' };
const KEYS = new Map([[KEY.keyId, KEY.key]]);

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'proof-pdf-'));
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

let fileCounter = 0;
function writePdf(bytes: Uint8Array): string {
  fileCounter += 1;
  const path = join(workDir, `proof-${fileCounter}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

function pdftotext(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', writePdf(bytes), '-'], { encoding: 'utf8' });
}

/** pdftotext's text with runs of spaces (layout columns) and line breaks collapsed. */
function words(bytes: Uint8Array): string {
  return pdftotext(bytes).replace(/\s+/g, ' ');
}

function pages(bytes: Uint8Array): number {
  const info = execFileSync('pdfinfo', [writePdf(bytes)], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/**
 * Decodes the QR code of a whole page PNG with jsQR + pngjs in a child Node process: inside Jest's VM context
 * jsQR's Math-heavy loops run about 7x slower (jestjs/jest#5163), 2.5 s instead of 0.35 s a page.
 */
const DECODE_QR = `
const { readFileSync } = require('node:fs');
const { PNG } = require(${JSON.stringify(require.resolve('pngjs'))});
const jsQR = require(${JSON.stringify(require.resolve('jsqr'))});
const png = PNG.sync.read(readFileSync(process.argv[1]));
const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
process.stdout.write(JSON.stringify(found ? found.data : null));
`;

/** Page 1 at 150 dpi, as a phone would see a print, decoded with jsQR. */
function scanQr(bytes: Uint8Array): string | null {
  const pdf = writePdf(bytes);
  const pngBase = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, pngBase]);
  return JSON.parse(execFileSync(process.execPath, ['-e', DECODE_QR, `${pngBase}.png`], { encoding: 'utf8' })) as string | null;
}

function proofInput(
  overrides: { registration?: Partial<ProofInput['registration']>; appointment?: Partial<ProofInput['appointment']>; code?: string } = {},
): ProofInput {
  const appointment = { date: '2025-12-31', time: '09:00', note: 'Bawa paspor lama', ...overrides.appointment };
  const registration = {
    queueNumber: 'KRC-002',
    name: 'Siti Nurhaliza Hasibuan',
    nik: '3201231508900001',
    placeOfBirth: 'Jakarta',
    dateOfBirth: '1990-08-15',
    phone: '6289617841945',
    serviceId: 1 as const,
    status: 'DIKONFIRMASI' as const,
    ...overrides.registration,
  };
  return {
    office: testOffice(),
    registration,
    appointment,
    code: overrides.code ?? signProofCode({ queueNumber: registration.queueNumber, appointmentDate: appointment.date }, KEY),
    // 07:05 UTC is 14:05 WIB on the same day; 18:30 UTC would already be the next day in Jakarta.
    generatedAt: new Date('2025-12-30T07:05:00Z'),
  };
}

const LONG_NAME = 'Muhammad Abdurrahman Wahid Al-Faruq Syaifuddin Zainal Arifin Hidayatullah Prawiranegara Sastrowijoyo.';
const LONG_NOTE =
  'Mohon membawa paspor lama beserta fotokopi KTP dan KK, surat keterangan kehilangan dari kepolisian yang asli, ' +
  'serta akta kelahiran atau ijazah; datang lebih awal karena antrian ramai pada hari Rabu pagi ya.';

describe('PDF proof', () => {
  it('is one A4 page with every fact of the confirmation, extractable as text', async () => {
    const input = proofInput();
    const bytes = await renderProofPdf(input);
    expect(pages(bytes)).toBe(1);
    const text = words(bytes);
    for (const expected of [
      input.office.officeName.toUpperCase(),
      input.office.address,
      'BUKTI ANTRIAN BAP PASPOR',
      'Nomor Antrian',
      'KRC-002',
      'Nama : Siti Nurhaliza Hasibuan',
      'NIK : 3201231508900001',
      'Tempat/Tanggal Lahir : Jakarta, 15 Agustus 1990',
      'Nomor HP : 089617841945',
      'BAP Paspor Hilang',
      'Hari/Tanggal Kedatangan : Rabu, 31 Desember 2025',
      'Jam Kedatangan : 09.00 WIB',
      'DIKONFIRMASI',
      'Catatan Petugas : Bawa paspor lama',
      'PENTING:',
      ...PROOF_NOTICE_CONFIRMED,
      PROOF_NOTICE_CONFIRMED_CLOSING,
      'Pindai untuk verifikasi',
      'Dicetak: Selasa, 30 Desember 2025, 14.05 WIB',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Jadwal Lama');
    expect(text).not.toContain(PROOF_NOTICE_RESCHEDULED[0]);
  });

  it('prints the code under the QR so that it can be typed, and the typed text verifies', async () => {
    const input = proofInput();
    const text = pdftotext(await renderProofPdf(input));
    const printed = input.code.split('.');
    const signature = printed.pop() ?? '';
    const head = `${printed.join('.')}.`;
    const headLine = text.split('\n').find((line) => line.includes(head)) ?? '';
    const signatureLine = text.split('\n').find((line) => line.includes(signature)) ?? '';
    expect(verifyProofCode(`${headLine.trim().split(/\s+/).pop() ?? ''}\n${signatureLine.trim()}`, KEYS)).toMatchObject({
      valid: true,
      queueNumber: 'KRC-002',
    });
  });

  it('carries the seed PENTING lines taken from the office flow, without emoji', () => {
    const seed = readFileSync(join(__dirname, '..', 'fixtures', 'office-flow', 'si-bapao-flow.txt'), 'utf8');
    const seedLines = seed.split('\n').map((line) => line.replace(/^[\s-]+/, '').trim());
    for (const line of [...PROOF_NOTICE_CONFIRMED, ...PROOF_NOTICE_RESCHEDULED]) expect(seedLines).toContain(line);
    expect(seed.replace(/\s+/g, ' ')).toContain(PROOF_NOTICE_CONFIRMED_CLOSING);
  });

  it('shows old and new dates and the stage 7 lines on a reschedule proof', async () => {
    const bytes = await renderProofPdf(proofInput({ appointment: { date: '2026-01-07', time: '10:00', previousDate: '2025-12-31' } }));
    expect(pages(bytes)).toBe(1);
    const text = words(bytes);
    expect(text).toContain('PERUBAHAN JADWAL KEDATANGAN');
    expect(text).toContain('Jadwal Lama : Rabu, 31 Desember 2025');
    expect(text).toContain('Jadwal Baru : Rabu, 7 Januari 2026');
    expect(text).toContain('Jam Kedatangan : 10.00 WIB');
    for (const line of PROOF_NOTICE_RESCHEDULED) expect(text).toContain(line);
    expect(text).not.toContain(PROOF_NOTICE_CONFIRMED_CLOSING);
  });

  it("tells the times on the office's own clock: an office in WITA prints WITA, an hour after Jakarta", async () => {
    const input = { ...proofInput(), office: testOffice({ timezone: 'Asia/Makassar' }) };
    const text = words(await renderProofPdf(input));
    expect(text).toContain('Jam Kedatangan : 09.00 WITA');
    expect(text).toContain('Dicetak: Selasa, 30 Desember 2025, 15.05 WITA');
    expect(text).not.toContain('WIB');
  });

  it('shows a dash when the officer wrote no note', async () => {
    const input = proofInput();
    const { note: _note, ...appointment } = input.appointment;
    expect(words(await renderProofPdf({ ...input, appointment }))).toContain('Catatan Petugas : -');
  });

  it('wraps a 100-character name and a 200-character note inside the page', async () => {
    const name = LONG_NAME.slice(0, 100);
    const note = LONG_NOTE.slice(0, 200);
    expect([name.length, note.length]).toEqual([100, 200]);
    for (const previousDate of [undefined, '2025-12-24']) {
      const input = proofInput({ registration: { name, serviceId: 5 }, appointment: { note, ...(previousDate ? { previousDate } : {}) } });
      const rendered = await renderProofPdfWithLayout(input);
      expect(pages(rendered.bytes)).toBe(1);
      const text = words(rendered.bytes);
      expect(text).toContain(name);
      expect(text).toContain(note);
      assertInside(rendered);
    }
  });

  it.each([
    ['confirmation', undefined],
    ['reschedule', '2025-12-24'],
  ])('keeps the longest possible %s on the page, switching to compact spacing rather than overflowing', async (_kind, previousDate) => {
    // Every field at its limit, unbroken words, a long key id and queue number, long office texts.
    const office = { ...testOffice(), officeName: 'Kantor Imigrasi '.repeat(8), address: 'Jalan Panjang Sekali Nomor 123 '.repeat(6) };
    const code = signProofCode({ queueNumber: 'KRCXYZ-123456789', appointmentDate: '2026-01-07' }, { keyId: 'production-key-2026-01-abcdefghi', key: 'x' });
    const input: ProofInput = {
      ...proofInput({
        registration: { name: 'A'.repeat(100), placeOfBirth: 'X'.repeat(50), queueNumber: 'KRCXYZ-123456789', serviceId: 5 },
        appointment: { date: '2026-01-07', note: 'W'.repeat(200), ...(previousDate ? { previousDate } : {}) },
        code,
      }),
      office,
    };
    const rendered = await renderProofPdfWithLayout(input);
    expect(pages(rendered.bytes)).toBe(1);
    expect(words(rendered.bytes)).toContain('A'.repeat(40));
    assertInside(rendered);
    expect(scanQr(rendered.bytes)).toBe(code);
  });

  it('never throws on emoji, smart quotes or other scripts, and leaves them out or plain', async () => {
    const note = 'Bawa “paspor lama” 😀👍🏽 & KTP — jangan lupa… ‘ya’ ≥ 1 berkas; 北京 ş';
    const bytes = await renderProofPdf(proofInput({ registration: { name: 'José Ñúñez 🇮🇩' }, appointment: { note } }));
    const text = words(bytes);
    expect(text).toContain('Bawa "paspor lama" & KTP - jangan lupa... \'ya\' >= 1 berkas; ?? s');
    expect(text).toContain('José Ñúñez');
    expect(text).not.toMatch(/[\u{1F000}-\u{1FFFF}]/u);
  });

  it('is small, dated by its input and the same bytes for the same input (no clock inside)', async () => {
    const first = await renderProofPdf(proofInput());
    const second = await renderProofPdf(proofInput());
    expect(first.byteLength).toBeLessThanOrEqual(40 * 1024);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const info = execFileSync('pdfinfo', ['-isodates', writePdf(first)], { encoding: 'utf8' });
    expect(info).toMatch(/^CreationDate:\s+2025-12-30T07:05:00Z$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    // No personal data in the document's metadata.
    expect(info).not.toMatch(/Siti|3201231508900001/);
  });

  it('carries a QR code that scans at 150 dpi and verifies', async () => {
    const input = proofInput();
    const scanned = scanQr(await renderProofPdf(input));
    expect(scanned).toBe(input.code);
    expect(verifyProofCode(scanned ?? '', KEYS)).toEqual({ valid: true, queueNumber: 'KRC-002', appointmentDate: '2025-12-31', keyId: 'k2025' });
  });

  it('lets an officer tell a forged proof: a code signed with another key scans but does not verify', async () => {
    const forgedCode = signProofCode({ queueNumber: 'KRC-002', appointmentDate: '2025-12-31' }, { keyId: KEY.keyId, key: 'guessed-secret' });
    const scanned = scanQr(await renderProofPdf(proofInput({ code: forgedCode })));
    expect(scanned).toBe(forgedCode);
    expect(verifyProofCode(scanned ?? '', KEYS)).toEqual({ valid: false, reason: 'signature' });
  });
});

function assertInside({ texts, page, bodyBottom, footerTop }: Awaited<ReturnType<typeof renderProofPdfWithLayout>>): void {
  const footer = texts.find((t) => t.text.startsWith('Dicetak:'))?.y ?? NaN;
  expect(footerTop).toBeGreaterThan(footer);
  expect(bodyBottom).toBeGreaterThan(footerTop);
  for (const t of texts) {
    // Inside the margins (48 pt each side of the A4 width), by construction of the wrapping.
    expect({ text: t.text, left: t.x >= 48 - 0.01, right: t.x + t.width <= page.width - 48 + 0.01, top: t.y < page.height - 48 }).toEqual({
      text: t.text,
      left: true,
      right: true,
      top: true,
    });
    // Body text stays above the body's bottom edge, hence above the footer rule.
    if (t.y !== footer) expect({ text: t.text, aboveBody: t.y > bodyBottom }).toEqual({ text: t.text, aboveBody: true });
  }
}
