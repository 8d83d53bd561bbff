import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holm } from '../../src/analysis/tests.js';
import type { FactorialEffect } from '../../src/analysis/types.js';
import { packagePath } from '../../src/paths.js';
import { effectPHolm } from '../../src/report/effect-holm.js';
import { noLlm } from '../../src/report/no-llm.js';
import { CLIENT_ENTRY, clientModules, clientScript } from '../../src/report/page-script.js';

describe('report page script', () => {
  it('assembles every client module, dependencies first, into one script that parses', () => {
    const dir = packagePath('src', 'report', 'client');
    const modules = clientModules();
    expect(modules.sort()).toEqual(
      readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .sort(),
    );
    const order = clientModules();
    expect(order.at(-1)).toBe(CLIENT_ENTRY);
    expect(order.indexOf('data.js')).toBeLessThan(order.indexOf('table.js'));
    const script = clientScript();
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(() => new Function(script)).not.toThrow();
  });

  it('refuses an import cycle, naming the module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-client-'));
    writeFileSync(join(dir, CLIENT_ENTRY), "import { a } from './a.js';\nexport const b = a;\n");
    writeFileSync(join(dir, 'a.js'), "import { b } from './main.js';\nexport const a = b;\n");
    expect(() => clientModules(dir)).toThrow(/import cycle through main\.js/);
  });

  it('refuses module syntax it cannot assemble, naming the module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-client-'));
    writeFileSync(join(dir, CLIENT_ENTRY), 'const a = 1;\nexport default a;\n');
    expect(() => clientScript(dir)).toThrow(/main\.js uses module syntax .*export default/);
  });
});

describe('report page data', () => {
  const effect = (metric: string, term: string, pValue: number): FactorialEffect => ({
    metric,
    model: 'm',
    term,
    kind: 'main',
    estimate: 0.1,
    ci: { low: 0, high: 0.2, level: 0.95, method: 'bootstrap-items' },
    pValue,
    items: 10,
  });

  it('Holm-adjusts the effects within each metric and model, in their order', () => {
    const effects = [
      effect('a', 'cot', 0.01),
      effect('b', 'cot', 0.04),
      effect('a', 'rag', 0.03),
      effect('b', 'rag', 0.5),
    ];
    const [a1, a2] = holm([0.01, 0.03]);
    const [b1, b2] = holm([0.04, 0.5]);
    expect(effectPHolm(effects)).toEqual([a1, b1, a2, b2]);
    expect(effectPHolm(effects)[0]).toBeCloseTo(0.02, 12);
  });

  it('knows a run no LLM generated', () => {
    expect(noLlm(['offline:reference'])).toBe(true);
    expect(noLlm(['offline', 'offline:reference'])).toBe(true);
    expect(noLlm(['offline:reference', 'bedrock:us.amazon.nova-lite-v1:0'])).toBe(false);
    expect(noLlm([])).toBe(false);
  });
});
