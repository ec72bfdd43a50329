/**
 * A surface's static files (scripts, styles), each read once per container, when first needed, from its `public/` folder: in the
 * Lambda bundle that folder sits beside `index.mjs` (SiBapaoFunction's `publicDir`), here beside the
 * surface's module, the same relative place. Every file directly in the folder is served by its name under
 * `/static/`; an asset may also be declared as the concatenation of a subfolder's files in name order
 * (`admin.css` from `public/css/*.css`), so a long stylesheet or script is written as several short files
 * and the browser still loads one. Each asset has a version (a hash of its body) for `?v=` links.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface StaticAsset {
  readonly contentType: string;
  readonly body: string;
  /** A hash of the body: pages link `?v=<version>`, so a browser may keep the file until it changes. */
  readonly version: string;
}

/** Where the assets are, relative to the bundle or to the surface's module. */
export const PUBLIC_DIR_NAME = 'public';
export const STATIC_PREFIX = '/static/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticAssetOptions {
  /** The surface's module folder (`__dirname`); the files are in its `public/`. */
  readonly moduleDir: string;
  /** Asset name → subfolder of `public/` whose files (same extension, name order) make it; used when the folder exists. */
  readonly concatenated?: Readonly<Record<string, string>>;
  /** Asset name → its body when not in `public/` (e.g. an npm package's browser build during development). */
  readonly fallbacks?: Readonly<Record<string, () => string>>;
  /** `Cache-Control` of an asset answer; @default the surface's own (no-store) */
  readonly cacheControl?: string;
}

export interface StaticAssets {
  /** The asset at a path under the surface's root (`/static/admin.css`), if there is one. */
  find(path: string): StaticAsset | undefined;
  /** `/static/admin.js?v=…`: the link a page uses, changing whenever the file does. */
  link(name: string): string;
  /** Headers an asset answer adds to the surface's own. */
  readonly headers: Readonly<Record<string, string>>;
}

export function loadStaticAssets(options: StaticAssetOptions): StaticAssets {
  // Each asset is read and hashed when a page first links it or a browser first asks for it, not at the cold
  // start: the admin's jsQR (257 KB) is for the verify page alone.
  let sources: ReadonlyMap<string, () => string> | undefined;
  const assets = new Map<string, StaticAsset>();
  const assetOf = (name: string): StaticAsset | undefined => {
    const known = assets.get(name);
    if (known) return known;
    sources ??= sourcesOf(options);
    const contentType = CONTENT_TYPES[extname(name)];
    const read = sources.get(name);
    // Only what exists is kept: asking for made-up names grows nothing.
    if (!contentType || !read) return undefined;
    const body = read();
    const asset = { contentType, body, version: versionOf(body) };
    assets.set(name, asset);
    return asset;
  };
  return {
    find: (path) => (path.startsWith(STATIC_PREFIX) ? assetOf(path.slice(STATIC_PREFIX.length)) : undefined),
    link: (name) => {
      const found = assetOf(name);
      return found ? `${STATIC_PREFIX}${name}?v=${found.version}` : `${STATIC_PREFIX}${name}`;
    },
    headers: options.cacheControl ? { 'cache-control': options.cacheControl } : {},
  };
}

/** How to read each asset: the files of `public/`, then the concatenations (which win), then the fallbacks for what is still missing. */
function sourcesOf(options: StaticAssetOptions): ReadonlyMap<string, () => string> {
  const dir = join(options.moduleDir, PUBLIC_DIR_NAME);
  const sources = new Map<string, () => string>();
  for (const name of filesIn(dir)) sources.set(name, () => readFileSync(join(dir, name), 'utf8'));
  for (const [name, folder] of Object.entries(options.concatenated ?? {})) {
    const parts = filesIn(join(dir, folder)).filter((file) => extname(file) === extname(name));
    if (parts.length > 0) sources.set(name, () => parts.map((file) => withFinalNewline(readFileSync(join(dir, folder, file), 'utf8'))).join(''));
  }
  for (const [name, body] of Object.entries(options.fallbacks ?? {})) if (!sources.has(name)) sources.set(name, body);
  return sources;
}

function versionOf(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}

/** The plain files directly in `dir`, in name order; none when it does not exist. */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
