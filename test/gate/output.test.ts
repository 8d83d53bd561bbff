/** Gate outputs escape what they embed: Markdown cells stay one table row, JUnit stays well-formed XML. */
import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../src/gate/evaluate.js';
import { gateJunit, gateMarkdown, gateTable } from '../../src/gate/output.js';

const hostile: GateResult = {
  passed: false,
  checks: [
    {
      name: 'parse[a|b\nc] min 0.9',
      metric: 'parse',
      variant: 'a|b\nc',
      model: 'm',
      kind: 'min',
      baseline: 1,
      current: 0.5,
      diff: -0.5,
      ci: null,
      pairs: 10,
      pValue: null,
      pHolm: null,
      verdict: 'fail',
      reason: 'below <0.9> & "bad"\u0001',
    },
  ],
  flips: [{ itemId: 'x\n<script>', variant: 'v', model: 'm', metric: 'parse' }],
  warnings: ['line one\nline two & <b>'],
};

describe('gate outputs', () => {
  it('shows costs in their units, not rounded to three decimals', () => {
    const check = { ...hostile.checks[0]!, name: 'cost', metric: 'cost_usd', baseline: 0.00012, current: 0.00031 };
    const cost: GateResult = { ...hostile, checks: [{ ...check, diff: 0.00019 }], flips: [], warnings: [] };
    expect(gateTable(cost)).toMatch(/^cost\s+0\.00012\s+0\.00031\s+\+0\.00019\s+FAIL$/m);
  });

  it('Markdown: pipes, newlines and HTML in names, warnings and item ids are escaped', () => {
    const md = gateMarkdown(hostile);
    const row = md.split('\n').find((l) => l.startsWith('| parse'));
    expect(row).toBe('| parse[a\\|b c] min 0.9 | 1.000 | 0.500 | -0.500 | ❌ fail |');
    expect(md).toContain('> ⚠️ line one line two &#38; &#60;b&#62;');
    expect(md).not.toContain('<script>');
  });

  it('JUnit: markup escaped and XML-forbidden control characters dropped', () => {
    const xml = gateJunit(hostile);
    expect(xml).toContain('<failure message="below &#60;0.9&#62; &#38; &#34;bad&#34;">');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking none is left
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });
});

describe('gate text table', () => {
  it('puts the verdict and the failed checks first, however many checks passed', () => {
    const check = hostile.checks[0]!;
    const passing = Array.from({ length: 60 }, (_, i) => ({
      ...check,
      name: `rule-${String(i).padStart(2, '0')}`,
      verdict: 'pass' as const,
    }));
    const failing = { ...check, name: 'grounding-regressed', verdict: 'fail' as const };
    const result: GateResult = {
      passed: false,
      checks: [...passing.slice(0, 40), failing, ...passing.slice(40)],
      flips: [],
      warnings: [],
    };
    const lines = gateTable(result).split('\n');
    expect(lines[0]).toBe('gate: FAIL (1 of 61 checks failed)');
    const header = lines.findIndex((l) => l.startsWith('rule '));
    expect(lines[header + 2]).toMatch(/^grounding-regressed\s.*FAIL$/);
    expect(lines[header + 3]).toMatch(/^rule-00\s.*PASS$/);
    expect(lines.filter((l) => /^rule-\d\d\s/.test(l))).toHaveLength(60);
  });
});
