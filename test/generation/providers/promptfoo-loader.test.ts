import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPromptfooProvider } from '../../../src/generation/providers/promptfoo.js';
import { defaultPromptfooSetup } from '../../../src/generation/providers/promptfoo-loader.js';

describe('promptfoo loaded outside a run', () => {
  it('keeps its folders out of the home directory by default', () => {
    const setup = defaultPromptfooSetup({}, '/project');
    expect(setup.configDir).toBe(resolve('/project/.cache/gherkin-bench/promptfoo'));
    expect(setup.cachePath).toBe(join(resolve('/project/.cache/gherkin-bench/promptfoo'), 'cache'));
    expect(defaultPromptfooSetup({ PROMPTFOO_CONFIG_DIR: '/x' }).configDir).toBe('/x');
  });

  it('loads a promptfoo provider with telemetry and update checks off and our config folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-pf-'));
    delete process.env.PROMPTFOO_DISABLE_TELEMETRY;
    const provider = await createPromptfooProvider({ providerId: 'echo', env: { PROMPTFOO_CONFIG_DIR: dir } });
    const reply = await provider.call({ messages: [{ role: 'user', content: 'hello' }], params: {} });
    expect(reply.text).toContain('hello');
    expect(process.env.PROMPTFOO_DISABLE_TELEMETRY).toBe('1');
    expect(process.env.PROMPTFOO_DISABLE_UPDATE).toBe('1');
    expect(process.env.PROMPTFOO_CONFIG_DIR).toBe(dir);
  });
});
