/**
 * The repository stands alone: a clone anywhere has every file it reads, and every document a comment
 * or the README points to is inside it, down to the section named.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return listed
    .split('\n')
    .filter((file) => /\.(ts|js|mjs|cjs|json|md|css|html|sh)$/.test(file) || file.startsWith('.ci/'))
    .filter((file) => file !== 'package-lock.json' && !file.startsWith('test/fixtures/') && existsSync(join(ROOT, file)));
}

/** `# Heading` → the words of the heading, as a reader would quote them. */
function headingsOf(markdown: string): Set<string> {
  return new Set(
    markdown
      .split('\n')
      .filter((line) => /^#{1,4} /.test(line))
      .map((line) => line.replace(/^#+ /, '').trim()),
  );
}

const files = trackedTextFiles();

it('finds the files it scans (so an empty scan cannot pass)', () => {
  expect(files).toEqual(expect.arrayContaining(['README.md', 'lambdas/domain/texts/index.ts', 'test/support/fixtures.ts']));
});

it('reads and names nothing outside the repository', () => {
  const outside = files.filter((file) => /\.\.\/shared|['"]shared['"]\s*,\s*['"](fixtures|seed|spec)/.test(readFileSync(join(ROOT, file), 'utf8')));
  expect(outside).toEqual([]);
});

it('points every reader to documents that exist, at sections that exist', () => {
  const missing: string[] = [];
  const reference = /docs\/([a-z0-9-]+\.md)(?:,? (?:section )?(Stage \d|"[^"]+"|'[^']+'))?/g;
  for (const file of files) {
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(reference)) {
      const name = match[1] ?? '';
      const document = join(ROOT, 'docs', name);
      if (!existsSync(document)) {
        missing.push(`${file}: docs/${name}`);
        continue;
      }
      const section = match[2]?.replace(/^["']|["']$/g, '');
      if (section && !headingsOf(readFileSync(document, 'utf8')).has(section)) missing.push(`${file}: docs/${name} "${section}"`);
    }
  }
  expect(missing).toEqual([]);
});

it('keeps the licence and the origin of the third-party test data beside it', () => {
  const origin = readFileSync(join(ROOT, 'test', 'fixtures', 'whatsapp-webhooks', 'README.md'), 'utf8');
  expect(origin).toMatch(/pywa/);
  expect(readFileSync(join(ROOT, 'test', 'fixtures', 'whatsapp-webhooks', 'LICENSE.pywa'), 'utf8')).toMatch(/MIT License/);
});
