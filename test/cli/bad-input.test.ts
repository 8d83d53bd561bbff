/** Bad input to the CLI is refused with exit 2, one line per problem, and nothing written. */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { syntheticRun, writeRunDir } from '../support/synthetic-run.js';

const root = mkdtempSync(join(tmpdir(), 'gb-cli-bad-'));

describe('bad input to the CLI', () => {
  it('run: an experiment file with three problems names all three, one line each, and runs nothing', async () => {
    const file = join(root, 'exp.yaml');
    writeFileSync(file, 'repeats: 0\nseed: -1\nbogus: 1\n');
    const out = join(root, 'runs');
    const { code, stdout, stderr } = await cli(['run', file, '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `gherkin-bench: ${file}:1: repeats: expected number to be >=1`,
      `gherkin-bench: ${file}:2: seed: expected number to be >=0`,
      `gherkin-bench: ${file}:3: (top level): unknown field "bogus"`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('report --reference: a variant the run does not have exits 2 and writes nothing', async () => {
    const dir = writeRunDir(join(root, 'run'), syntheticRun({ items: 6, seed: 3 }));
    const before = readdirSync(dir).sort();
    const { code, stderr } = await cli(['report', dir, '--reference', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^gherkin-bench: --reference: "nope" is not a variant of run synthetic.*; its variants: none, fewshot, /,
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    const near = await cli(['report', dir, '--reference', 'cot+rg']);
    expect(near.stderr).toContain('(did you mean cot+rag?)');
    expect((await cli(['report', dir, '--reference', 'rag'])).code).toBe(0);
  });

  it('retrieve: an empty or blank requirement exits 2 with what to pass', async () => {
    for (const requirement of ['', '   ']) {
      const { code, stdout, stderr } = await cli(['retrieve', requirement]);
      expect(code, JSON.stringify(requirement)).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^gherkin-bench: requirement: empty; pass the security requirement in words/);
    }
  });
});
