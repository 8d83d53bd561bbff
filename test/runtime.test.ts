/**
 * The runtime: gherkin-bench runs on Node ≥ 22.22 (it targets 24 LTS) even on a machine whose own
 * Node is older, because npm scripts find the pinned `node-linux-*` package's `node` first on PATH.
 * Checked where users meet it: under `npm test` (this process) and under `npm start` (a child npm,
 * started from a PATH without the project's node_modules/.bin, as a user's shell has).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { delimiter, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';
import { packageVersions } from '../src/run/manifest.js';
import { useTempDirs } from './run/temp-dirs.js';

const run = promisify(execFile);
const newTempDir = useTempDirs('gb-runtime-');

/** The lowest Node the project supports. */
const MINIMUM = [22, 22] as const;

function atLeastMinimum(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

/** PATH as a user's shell has it: without any node_modules/.bin that npm put first. */
function userPath(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.endsWith(`node_modules${sep}.bin`))
    .join(delimiter);
}

describe('the Node runtime', () => {
  it('atLeastMinimum reads versions as numbers, not strings', () => {
    expect(atLeastMinimum('24.22.3')).toBe(true);
    expect(atLeastMinimum('v22.22.0')).toBe(true);
    expect(atLeastMinimum('22.9.0')).toBe(false);
    expect(atLeastMinimum('20.20.2')).toBe(false);
  });

  it('npm test runs on Node ≥ 22.22, and the manifest records that Node', () => {
    expect(atLeastMinimum(process.versions.node), `npm test ran on Node ${process.versions.node}`).toBe(true);
    expect(packageVersions().node).toBe(process.versions.node);
  });

  it('npm start runs on Node ≥ 22.22 from a shell whose PATH has no project binaries', async () => {
    const out = await newTempDir();
    await run(
      'npm',
      ['start', '--silent', '--', '--limit', '1', '--variant', 'none', '--out', out, '--run-id', 'runtime'],
      {
        cwd: packageRoot(),
        env: { ...process.env, PATH: userPath(), NO_COLOR: '1' },
        timeout: 240_000,
      },
    );
    const manifest = JSON.parse(await readFile(join(out, 'runtime', 'manifest.json'), 'utf8')) as {
      versions: { node: string };
    };
    expect(atLeastMinimum(manifest.versions.node), `npm start ran on Node ${manifest.versions.node}`).toBe(true);
  });
});
