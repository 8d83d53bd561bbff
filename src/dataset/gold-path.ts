/**
 * Where a `gold` cell may point: a file inside the dataset folder, named by a relative path
 * without `..`, that is not a symlink leading out of the folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A gold file's absolute path, or why the cell is refused. */
export type GoldPath = { ok: true; path: string } | { ok: false; message: string };

/** Check a `gold` cell against the dataset folder `dir` and resolve it. */
export function resolveGoldPath(dir: string, gold: string): GoldPath {
  if (isAbsolute(gold) || /^[a-zA-Z]:/.test(gold) || gold.startsWith('\\')) {
    return { ok: false, message: `"${gold}" is absolute; write a path relative to the dataset folder` };
  }
  if (gold.split(/[\\/]/).includes('..')) {
    return { ok: false, message: `"${gold}" escapes the dataset folder; gold files must live inside it` };
  }
  const path = resolve(dir, gold);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { ok: false, message: `"${gold}" not found in the dataset folder` };
  }
  const root = realpathSync(dir);
  const rel = relative(root, real);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return { ok: false, message: `"${gold}" is a link that leads outside the dataset folder` };
  }
  if (!statSync(real).isFile()) return { ok: false, message: `"${gold}" is not a file` };
  return { ok: true, path };
}
