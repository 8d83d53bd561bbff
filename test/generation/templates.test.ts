import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../../src/errors.js';
import {
  defaultTemplatesDir,
  loadTemplates,
  parseTemplate,
  promptsHash,
  render,
  TEMPLATE_NAMES,
} from '../../src/generation/templates.js';

const dirs: string[] = [];
function copyOfShipped(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gb-templates-'));
  dirs.push(dir);
  cpSync(defaultTemplatesDir(), dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('render', () => {
  const t = parseTemplate('task', 't.md', 'Requirement: {{requirement}}\nService: {{ service }}', {
    required: ['requirement'],
    optional: ['service'],
  });

  it('substitutes every slot once', () => {
    expect(render(t, { requirement: 'encrypt volumes', service: 'ec2' })).toBe(
      'Requirement: encrypt volumes\nService: ec2',
    );
  });

  it('prints template syntax inside data verbatim, never evaluating it', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${} is the point of the test
    const hostile = 'use {{service}} and {% if x %}y{% endif %} and ${process.env.HOME} and {{requirement}}';
    const out = render(t, { requirement: hostile, service: 'ec2' });
    expect(out).toBe(`Requirement: ${hostile}\nService: ec2`);
  });

  it('is inert to replacement patterns such as $& and $1 in values', () => {
    expect(render(t, { requirement: '$& $1 $$', service: "$'" })).toBe("Requirement: $& $1 $$\nService: $'");
  });

  it('drops a line holding only an empty optional slot, and the blank line before it', () => {
    const s = parseTemplate('single', 's.md', 'A\n\n{{rag}}\n\n{{format}}', {
      required: ['format'],
      optional: ['rag'],
    });
    expect(render(s, { rag: '', format: 'F' })).toBe('A\n\nF');
    expect(render(s, { rag: 'R', format: 'F' })).toBe('A\n\nR\n\nF');
  });

  it('refuses to render without a value for a slot the template uses', () => {
    expect(() => render(t, { requirement: 'x' })).toThrow(/service/);
  });
});

describe('template slot checks', () => {
  it('names the file and the missing required slot', () => {
    try {
      parseTemplate('task', '/x/task.md', 'no slots here', { required: ['requirement'], optional: [] });
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as Error).message).toContain('/x/task.md');
      expect((error as Error).message).toContain('{{requirement}}');
    }
  });

  it('rejects an unknown slot with its file and line', () => {
    expect(() =>
      parseTemplate('task', '/x/task.md', 'ok {{requirement}}\n{{requirment}}', {
        required: ['requirement'],
        optional: [],
      }),
    ).toThrow(/\/x\/task\.md:2: unknown slot "\{\{requirment\}\}"/);
  });

  it('rejects a malformed slot', () => {
    expect(() => parseTemplate('system', 's.md', 'hello {{ a.b }}', { required: [], optional: [] })).toThrow(
      /malformed/,
    );
  });

  it('loads every shipped template', () => {
    const t = loadTemplates();
    expect(Object.keys(t).sort()).toEqual([...TEMPLATE_NAMES].sort());
    expect(t.single.slots).toEqual(expect.arrayContaining(['task', 'format']));
  });

  it('fails to load a folder whose template lost a required slot, naming file and slot', () => {
    const dir = copyOfShipped();
    const file = join(dir, 'cot-gherkin.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{analysis}}', ''));
    expect(() => loadTemplates(dir)).toThrow(/cot-gherkin\.md.*\{\{analysis\}\}/);
  });

  it('fails on a missing template file', () => {
    const dir = copyOfShipped();
    rmSync(join(dir, 'rag.md'));
    expect(() => loadTemplates(dir)).toThrow(/rag/);
  });
});

describe('promptsHash', () => {
  it('is stable and changes with any template byte', () => {
    const root = mkdtempSync(join(tmpdir(), 'gb-prompts-'));
    dirs.push(root);
    cpSync(join(defaultTemplatesDir(), '..'), root, { recursive: true });
    const before = promptsHash(root);
    expect(promptsHash(root)).toBe(before);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    const file = join(root, 'templates', 'system.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')} `);
    expect(promptsHash(root)).not.toBe(before);
  });

  it('hashes the shipped folder', () => {
    expect(promptsHash()).toMatch(/^[0-9a-f]{64}$/);
  });
});
