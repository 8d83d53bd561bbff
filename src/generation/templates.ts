/**
 * Prompt templates: files under `prompt-variants/templates/`, each with `{{slot}}` placeholders.
 *
 * Rendering is a single pass over the TEMPLATE text: each `{{slot}}` is replaced by its value and
 * the value is never scanned again, so data that contains template syntax (`{{x}}`, `{% %}`,
 * `${}`) is printed as written, never evaluated. Every template has a fixed set of known slots,
 * some of them required: a template file that lacks a required slot or uses an unknown one is a
 * {@link UserError} naming the file and the slot (exit 2).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { badInput, UserError } from '../errors.js';
import { packagePath } from '../paths.js';

/** The templates a chain uses, by name (file = `<name>.md`). */
export const TEMPLATE_NAMES = [
  'system',
  'task',
  'format',
  'rag',
  'fewshot',
  'fewshot-exemplar',
  'single',
  'cot-analysis',
  'cot-gherkin',
  'repair',
  'agent',
] as const;
/** One template name. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Which slots each template must contain (`required`) and may contain (`optional`). */
export const TEMPLATE_SLOTS: Readonly<
  Record<TemplateName, { required: readonly string[]; optional: readonly string[] }>
> = {
  system: { required: [], optional: [] },
  task: { required: ['requirement'], optional: ['service', 'resource_type'] },
  format: { required: [], optional: [] },
  rag: { required: ['passages'], optional: [] },
  fewshot: { required: ['exemplars'], optional: [] },
  'fewshot-exemplar': { required: ['requirement', 'gherkin'], optional: ['id'] },
  single: { required: ['task', 'format'], optional: ['rag', 'fewshot'] },
  'cot-analysis': { required: ['task'], optional: ['rag'] },
  'cot-gherkin': { required: ['task', 'analysis', 'format'], optional: ['rag', 'fewshot'] },
  repair: { required: ['task', 'draft', 'problems'], optional: ['rag', 'format'] },
  agent: { required: ['task', 'format'], optional: ['rag', 'fewshot', 'analysis'] },
};

/** One loaded, checked template. */
export interface PromptTemplate {
  name: string;
  /** The file it came from (for error messages). */
  file: string;
  text: string;
  /** The slots it uses, in order of first use. */
  slots: string[];
}

/** Every template a chain needs. */
export type PromptTemplates = Readonly<Record<TemplateName, PromptTemplate>>;

const SLOT = /\{\{([^{}]*)\}\}/g;
const SLOT_NAME = /^[a-z][a-z0-9_]*$/;

/** The folder holding the shipped templates. */
export function defaultTemplatesDir(): string {
  return packagePath('prompt-variants', 'templates');
}

/**
 * Parse a template's text into a {@link PromptTemplate}, checking its slots against the allowed
 * (and required) ones when given.
 */
export function parseTemplate(
  name: string,
  file: string,
  text: string,
  allowed?: { required: readonly string[]; optional: readonly string[] },
): PromptTemplate {
  const slots: string[] = [];
  for (const match of text.matchAll(SLOT)) {
    const slot = (match[1] ?? '').trim();
    const line = text.slice(0, match.index).split('\n').length;
    if (!SLOT_NAME.test(slot)) {
      throw badInput({ file, line }, `malformed slot "{{${match[1]}}}" (slots are {{lower_snake_case}})`);
    }
    if (allowed && !allowed.required.includes(slot) && !allowed.optional.includes(slot)) {
      const known = [...allowed.required, ...allowed.optional];
      throw badInput(
        { file, line },
        `unknown slot "{{${slot}}}" in template "${name}" (known slots: ${known.length ? known.join(', ') : 'none'})`,
      );
    }
    if (!slots.includes(slot)) slots.push(slot);
  }
  for (const required of allowed?.required ?? []) {
    if (!slots.includes(required)) {
      throw badInput({ file }, `template "${name}" is missing its required slot "{{${required}}}"`);
    }
  }
  return { name, file, text, slots };
}

/**
 * Load and check every template from a folder (default: the shipped `prompt-variants/templates`).
 * Throws a {@link UserError} for a missing file, a missing required slot or an unknown slot.
 */
export function loadTemplates(dir: string = defaultTemplatesDir()): PromptTemplates {
  const out = {} as Record<TemplateName, PromptTemplate>;
  for (const name of TEMPLATE_NAMES) {
    const file = join(dir, `${name}.md`);
    if (!existsSync(file)) {
      throw new UserError('NOT_FOUND', `${file}: prompt template "${name}" is missing (expected ${name}.md in ${dir})`);
    }
    out[name] = parseTemplate(name, file, readFileSync(file, 'utf8'), TEMPLATE_SLOTS[name]);
  }
  return out;
}

let shipped: PromptTemplates | undefined;

/** The shipped templates, loaded once. */
export function defaultTemplates(): PromptTemplates {
  shipped ??= loadTemplates();
  return shipped;
}

/**
 * Render a template: one pass, each `{{slot}}` replaced by `slots[slot]`. Values are inserted
 * verbatim and never re-scanned. A line that holds nothing but a slot whose value is empty is
 * dropped (with its line break), so optional blocks that are off leave no blank gap. A slot the
 * template uses but `slots` lacks is a programming error (the template was checked at load).
 */
export function render(template: PromptTemplate, slots: Readonly<Record<string, string>>): string {
  for (const slot of template.slots) {
    if (!Object.hasOwn(slots, slot)) {
      throw badInput({ file: template.file }, `no value for slot "{{${slot}}}" of template "${template.name}"`);
    }
  }
  const lines = template.text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const alone = /^\s*\{\{([^{}]*)\}\}\s*$/.exec(line);
    if (alone && (slots[(alone[1] ?? '').trim()] ?? '') === '') {
      // An optional block that is off: drop the line and one blank line before it.
      if (out.length && out[out.length - 1]?.trim() === '') out.pop();
      continue;
    }
    out.push(line.replace(SLOT, (_whole, raw: string) => slots[raw.trim()] ?? ''));
  }
  return out.join('\n').trimEnd();
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/**
 * sha256 (hex) over every file under the prompt-variants folder (templates and named variants):
 * relative path and content of each, in sorted order. Recorded in run manifests.
 */
export function promptsHash(root: string = packagePath('prompt-variants')): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(root)) {
    hash.update(relative(root, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
