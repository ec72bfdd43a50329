/**
 * A static asset kept as a folder of small files (`NN-name.css`) and served as one: the files joined in
 * name order, read once per container. The browser still fetches one stylesheet (the officer pages' speed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function concatenatedAsset(folder: string): string {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('');
}
