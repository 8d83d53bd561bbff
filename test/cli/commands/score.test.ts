import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_METRICS, type Score } from '../../../src/scoring/types.js';
import { cli } from '../../support/cli.js';

const ITEM = 'rds-instance-public-access';
const GOLD = join('datasets', 'security-controls', `${ITEM}.feature`);

describe('gherkin-bench score', () => {
  it('prints every deterministic metric as a case stores them (--json), exit 0 for the gold', async () => {
    const { code, stdout } = await cli(['score', GOLD, '--item', ITEM, '--json']);
    expect(code).toBe(0);
    const scores = JSON.parse(stdout) as Score[];
    expect(scores.map((s) => s.metric)).toEqual([...CHECK_METRICS]);
    expect(scores.find((s) => s.metric === 'behaviour')?.value).toBe(1);
  });

  it('shows the counterexamples of inverted logic in plain words (stdin)', async () => {
    const inverted = readFileSync(GOLD, 'utf8').replaceAll(
      '"DBInstances[].PubliclyAccessible" is true',
      '"DBInstances[].PubliclyAccessible" is false',
    );
    const { code, stdout } = await cli(['score', '-', '--item', ITEM], {}, inverted);
    expect(code).toBe(0);
    expect(stdout).toContain('DBInstances[].PubliclyAccessible = true: gold NON_COMPLIANT, candidate no verdict');
  });

  it('exits 1 when a check fails and 2 on an unknown item or unreadable file', async () => {
    expect((await cli(['score', '-', '--item', ITEM], {}, 'not gherkin')).code).toBe(1);
    const unknown = await cli(['score', GOLD, '--item', 'rds-instance-public-acess']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--item: no item "rds-instance-public-acess"');
    expect(unknown.stderr).toContain('did you mean rds-instance-public-access');
    expect((await cli(['score', 'no/such.feature', '--item', ITEM])).code).toBe(2);
  });
});
