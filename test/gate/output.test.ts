/** Gate outputs escape what they embed: Markdown cells stay one table row, JUnit stays well-formed XML. */
import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../src/gate/evaluate.js';
import { gateJunit, gateMarkdown } from '../../src/gate/output.js';

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
