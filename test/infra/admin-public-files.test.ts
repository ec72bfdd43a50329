/**
 * The admin function's bundle gets its `public/` folder and jsQR's browser build beside it (the verify
 * page's camera decoding): the same bundling synth runs, into a temp folder.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PUBLIC_PACKAGE_FILES, bundleEntry, LAMBDA_SOURCE_DIR } from '../../lib/si-bapao-function';

it('copies lambdas/admin/public and node_modules/jsqr/dist/jsQR.js to <bundle>/public', () => {
  const output = mkdtempSync(join(tmpdir(), 'si-bapao-bundle-'));
  try {
    bundleEntry(join(LAMBDA_SOURCE_DIR, 'admin.ts'), output, { publicDir: 'admin/public', packageFiles: ADMIN_PUBLIC_PACKAGE_FILES });
    expect(existsSync(join(output, 'index.mjs'))).toBe(true);
    // The script and the stylesheet are folders of files, each joined in name order when the function starts.
    expect(readdirSync(join(output, 'public', 'js'))).toEqual(readdirSync(join(LAMBDA_SOURCE_DIR, 'admin', 'public', 'js')));
    expect(readdirSync(join(output, 'public', 'css'))).toEqual(readdirSync(join(LAMBDA_SOURCE_DIR, 'admin', 'public', 'css')));
    expect(readFileSync(join(output, 'public', 'jsqr.js'), 'utf8')).toContain('jsQR');
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});
