/**
 * The upload page's script and style, served by the upload Lambda itself (one origin, `script-src 'self'`).
 * They are read once per container from `public/` beside this module; in the Lambda bundle that folder
 * sits beside `index.js` (the Upload SiBapaoFunction copies it there after bundling), which is the same
 * relative place, so one path works locally, in tests and in AWS.
 */
import { join } from 'node:path';
import { concatenatedAsset } from '../http-assets';

export interface StaticAsset {
  readonly contentType: string;
  readonly body: string;
}

/** Where the assets are, relative to the bundle or to this module. */
export const PUBLIC_DIR_NAME = 'public';

/** A folder of `public/` (`js`, `css`) served as one file: its files joined in name order. */
function loadFolder(folder: string, contentType: string): StaticAsset {
  return { contentType, body: concatenatedAsset(join(__dirname, PUBLIC_DIR_NAME, folder)) };
}

/** By path under the upload root. */
export const STATIC_ASSETS: Readonly<Record<string, StaticAsset>> = {
  '/static/upload.js': loadFolder('js', 'text/javascript; charset=utf-8'),
  '/static/upload.css': loadFolder('css', 'text/css; charset=utf-8'),
};
