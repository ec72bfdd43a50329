/**
 * The admin function's bundle gets its `public/` folder and jsQR's browser build beside it (the verify
 * page's camera decoding): the afterBundling commands, run for real into a temp folder as CDK runs them.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PUBLIC_PACKAGE_FILES, copyPublicDir } from '../../lib/si-bapao-function';

it('copies lambdas/admin/public and node_modules/jsqr/dist/jsQR.js to <bundle>/public', () => {
  const output = mkdtempSync(join(tmpdir(), 'si-bapao-bundle-'));
  try {
    const hooks = copyPublicDir('admin/public', ADMIN_PUBLIC_PACKAGE_FILES);
    for (const command of hooks.afterBundling(join(__dirname, '..', '..'), output)) execSync(command);
    expect(existsSync(join(output, 'public', 'admin.js'))).toBe(true);
    expect(existsSync(join(output, 'public', 'admin.css'))).toBe(true);
    expect(readFileSync(join(output, 'public', 'jsqr.js'), 'utf8')).toContain('jsQR');
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});
