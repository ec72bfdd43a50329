/**
 * One catalogue of words (README "Where to change what"): every sentence the applicant reads is in
 * lambdas/domain/texts/. The domain's other modules are read as TypeScript and every string they write is
 * checked for Indonesian words; the same check over texts/ must find them there, so the scan cannot pass
 * by finding nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const DOMAIN = join(ROOT, 'lambdas', 'domain');
const TEXTS = join(DOMAIN, 'texts');

/** Words of the applicant's texts that are no code identifier, file name or Meta/AWS term. */
const INDONESIAN =
  /\b(anda|silakan|silahkan|ketik|yang|untuk|dengan|tidak|belum|sudah|pendaftaran|berkas|jadwal|layanan|nomor|antrian|tanggal|petugas|pemohon|kedatangan|catatan|lahir|hadir|oleh|kirim|terima|kasih|bukti|perubahan|dibatalkan|senin|selasa|rabu|kamis|jumat|sabtu|minggu|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\b/i;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every string a module writes: literals and the fixed parts of template literals, not import paths. */
function stringsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    if (ts.isTemplateExpression(node)) found.push(node.head.text, ...node.templateSpans.map((span) => span.literal.text));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Not a sentence but a word the code matches or stores: a keyword the applicant types or a status code
 * (one or two upper-case words: TIDAK, UBAH JADWAL, DIBATALKAN), a plain word the menu recognises
 * (jadwal), an id or file name (dasar-perubahan, bukti-antrian-).
 */
function isIdentifier(text: string): boolean {
  return /^[A-Z_]+( [A-Z_]+)?:?$/.test(text) || /^[a-z]+$/.test(text) || /^\S*-\S*$/.test(text);
}

function sentencesOf(file: string): string[] {
  return stringsOf(file).filter((text) => INDONESIAN.test(text) && !isIdentifier(text));
}

const files = sourceFiles(DOMAIN);
const catalogue = files.filter((file) => file.startsWith(TEXTS));
const elsewhere = files.filter((file) => !file.startsWith(TEXTS));

it('scans the domain: the catalogue folder and the modules outside it', () => {
  expect(catalogue.length).toBeGreaterThanOrEqual(10);
  expect(elsewhere.length).toBeGreaterThanOrEqual(20);
  expect(elsewhere.flatMap(stringsOf).length).toBeGreaterThan(200);
});

it('recognises the applicant’s sentences where they are (so the check below cannot pass vacuously)', () => {
  const sentences = catalogue.flatMap(sentencesOf);
  expect(sentences.length).toBeGreaterThan(150);
});

it('keeps every sentence the applicant reads in lambdas/domain/texts/', () => {
  const stray = elsewhere.flatMap((file) => sentencesOf(file).map((text) => `${relative(ROOT, file)}: ${text}`));
  expect(stray).toEqual([]);
});

it('defines the PENTING block once, and the reschedule menu number once', () => {
  const lambdas = sourceFiles(join(ROOT, 'lambdas'));
  const penting = lambdas.flatMap((file) =>
    stringsOf(file)
      .filter((text) => text.includes('PENTING'))
      .map((text) => `${relative(ROOT, file)}: ${text}`),
  );
  expect(penting).toEqual(['lambdas/domain/texts/notices.ts: PENTING:']);
  const declarations = lambdas.filter((file) => /\bRESCHEDULE_MENU_NUMBER\s*=/.test(readFileSync(file, 'utf8')));
  expect(declarations.map((file) => relative(ROOT, file))).toEqual(['lambdas/domain/texts/menu-numbers.ts']);
  // No text writes the number itself: "ketik 6", "6. Perubahan", "6 untuk", "1 sampai 6".
  const written = lambdas.flatMap((file) =>
    stringsOf(file)
      .filter((text) => /(ketik|angka|sampai)\s+6\b|\b6\s*(\.|=|untuk)\s/i.test(text))
      .map((text) => `${relative(ROOT, file)}: ${text}`),
  );
  expect(written).toEqual([]);
});
