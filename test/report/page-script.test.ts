import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
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
  it('knows a run no LLM generated', () => {
    expect(noLlm(['offline:reference'])).toBe(true);
    expect(noLlm(['offline', 'offline:reference'])).toBe(true);
    expect(noLlm(['offline:reference', 'bedrock:us.amazon.nova-lite-v1:0'])).toBe(false);
    expect(noLlm([])).toBe(false);
  });
});
