/** Issue 18: no file in lambdas/ over 300 lines, so each stays one thing a newcomer can read at once. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAX_LINES = 300;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|css)$/.test(entry.name) ? [path] : [];
  });
}

it(`keeps every source file of lambdas/ at ${MAX_LINES} lines or fewer`, () => {
  const files = sourceFiles(join(ROOT, 'lambdas'));
  expect(files.length).toBeGreaterThan(100);
  const tooLong = files
    .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES);
  expect(tooLong).toEqual([]);
});
