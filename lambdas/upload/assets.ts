/**
 * The upload page's script and style, served by the upload Lambda itself (one origin, `script-src 'self'`),
 * from `public/` beside this module (beside `index.mjs` in the bundle: the loader's note in lambdas/http/assets.ts).
 * Linked without a version and answered `no-store` like the page itself.
 */
import { loadStaticAssets } from '../http/assets';

export const UPLOAD_ASSETS = loadStaticAssets({ moduleDir: __dirname, concatenated: { 'upload.css': 'css', 'upload.js': 'js' } });
