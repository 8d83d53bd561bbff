/** docs/ci-gate.md tells users to commit files: every one of them must be committable. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const doc = readFileSync(join(packageRoot(), 'docs', 'ci-gate.md'), 'utf8');

/** Whether git would ignore `path` under the repository's .gitignore (the file need not exist). */
function ignored(path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: packageRoot(), stdio: 'ignore' });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 1) return false;
    throw error;
  }
}

describe('docs/ci-gate.md', () => {
  it('names a call-cache folder to commit that .gitignore does not ignore', () => {
    const dir = /^\s*dir:\s*(\S+)\s*$/m.exec(doc)?.[1];
    expect(dir).toBeDefined();
    const added = doc.match(/^\s*git add (.+)$/m)?.[1]?.split(/\s+/) ?? [];
    expect(added).toContain(dir);
    for (const path of added) expect(ignored(`${path}/example.json`), path).toBe(false);
    expect(ignored('.cache/gherkin-bench/calls/example.json')).toBe(true);
  });
});
