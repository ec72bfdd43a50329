/** A PDF's first page as a phone would see a print (pdftoppm at 150 dpi), its QR code decoded with jsQR. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** In a child Node process: inside Jest's VM context jsQR's loops run about 7x slower (jestjs/jest#5163). */
const DECODE_QR = `
const { readFileSync } = require('node:fs');
const { PNG } = require(${JSON.stringify(require.resolve('pngjs'))});
const jsQR = require(${JSON.stringify(require.resolve('jsqr'))});
const png = PNG.sync.read(readFileSync(process.argv[1]));
const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
process.stdout.write(JSON.stringify(found ? found.data : null));
`;

export function scanPdfQr(bytes: Uint8Array): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-qr-'));
  try {
    const pdf = join(dir, 'page.pdf');
    writeFileSync(pdf, bytes);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, join(dir, 'page')]);
    return JSON.parse(execFileSync(process.execPath, ['-e', DECODE_QR, join(dir, 'page.png')], { encoding: 'utf8' })) as string | null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
