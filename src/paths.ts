/**
 * Where the package's own files (datasets, prompt variants, judges) live, whether the code runs
 * from `src/` under vitest or from `dist/src/` after a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding gherkin-bench's package.json. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'gherkin-bench') {
        cachedRoot = dir;
        return dir;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gherkin-bench: cannot find the package root (package.json)');
    dir = parent;
  }
}

/** A path inside the package root. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
