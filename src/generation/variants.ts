/**
 * Variants: the prompt strategies. A variant switches each technique of the technique table
 * (`techniques.ts`) on or off and sets its knobs. The 2^n ablation is built here; named variants can also be declared
 * in YAML files under `prompt-variants/variants/` (schema-validated, errors name the field path).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { badInput, UserError } from '../errors.js';
import { didYouMean } from '../knowledge/suggest.js';
import { packagePath } from '../paths.js';
import { parseYamlText } from '../yaml-text.js';
import {
  ablationName,
  mergeTechniques,
  switchTechnique,
  TECHNIQUES,
  type TechniqueKey,
  techniqueFileShape,
  techniqueFlags,
  techniquesOff,
  techniquesOn,
} from './techniques.js';
import type { Variant } from './types.js';

export { DEFAULT_FEWSHOT_K } from './techniques/fewshot.js';
export { ablationName, TECHNIQUES, type TechniqueKey, techniquesOn } from './techniques.js';

/** Set a built variant's `techniques` flags from its settings (the table decides what "on" means). */
function withFlags(variant: Variant): Variant {
  variant.techniques = techniqueFlags(variant);
  return variant;
}

/** The paper's three techniques (chain-of-thought, RAG, few-shot): its 2^3 ablation. */
export const PAPER_ABLATION: readonly TechniqueKey[] = ['cot', 'rag', 'fewShot'];

/**
 * The techniques an experiment ablates when it names none: all five, the paper's three and the
 * two after it (`agent`, `repair`), in the full 2^5 factorial. The paper's 2^3 grid is its
 * agent-off, repair-off half: the same variants and case keys as {@link PAPER_ABLATION} alone.
 */
export const DEFAULT_ABLATION: readonly TechniqueKey[] = ['cot', 'rag', 'fewShot', 'agent', 'repair'];

/**
 * The half fraction 2^(n−1) of an ablation over `techniques`: the variants where the product of
 * the techniques' ±1 levels (on +1, off −1) is `sign`, i.e. defining relation I = ±(all of them).
 * Its resolution is n: main effects are aliased with (n−1)-factor interactions, two-way
 * interactions with (n−2)-factor ones.
 */
export function halfFraction(variants: readonly Variant[], techniques: readonly string[], sign: 1 | -1): Variant[] {
  return variants.filter((v) => {
    const on = techniquesOn(v) as string[];
    return techniques.reduce((p, t) => p * (on.includes(t) ? 1 : -1), 1) === sign;
  });
}

/** The defaults every variant starts from: all techniques off. */
export const DEFAULT_VARIANT: Readonly<Variant> = Object.freeze<Variant>(
  withFlags({ name: 'none', ...techniquesOff(), params: { temperature: 0, maxTokens: 2048 } }),
);

function clone(variant: Readonly<Variant>): Variant {
  return structuredClone(variant);
}

/**
 * The full factorial over `techniques` (2^n variants) on top of `base` (default
 * {@link DEFAULT_VARIANT}); techniques outside the ablation keep the base's setting. Few-shot on
 * uses the base's k, or {@link DEFAULT_FEWSHOT_K} when that is 0. Each variant is named by the
 * techniques it has on ({@link ablationName}); order: by number of techniques on, then the fixed
 * order (`none`, `cot`, `rag`, `fewshot`, `cot+rag`, `cot+fewshot`, `rag+fewshot`, `cot+rag+fewshot`).
 */
export function ablationVariants(techniques: readonly string[], base: Readonly<Variant> = DEFAULT_VARIANT): Variant[] {
  for (const t of techniques) {
    if (!TECHNIQUES.some((known) => known === t)) {
      throw new UserError('BAD_INPUT', `ablate: unknown technique "${t}"${didYouMean(t, TECHNIQUES)}`);
    }
  }
  const ablated = TECHNIQUES.filter((t) => techniques.includes(t));
  const variants: Variant[] = [];
  for (let mask = 0; mask < 1 << ablated.length; mask++) {
    const v = clone(base);
    ablated.forEach((t, i) => {
      switchTechnique(v, base, t, (mask & (1 << i)) !== 0);
    });
    v.name = ablationName(techniquesOn(v));
    variants.push(withFlags(v));
  }
  const rank = (v: Variant): number[] => {
    const on = techniquesOn(v);
    return [on.length, ...TECHNIQUES.map((t) => (on.includes(t) ? 0 : 1))];
  };
  return variants.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) - (rb[i] ?? 0);
    return 0;
  });
}

/** The YAML shape of a named variant file: every field optional (defaults from {@link DEFAULT_VARIANT}). */
export const variantFileSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9+._-]*$/, 'use lower-case letters, digits and + . _ -')
    .optional(),
  description: z.string().optional(),
  ...techniqueFileShape(),
  params: z
    .strictObject({
      temperature: z.number().min(0).max(2).optional(),
      topP: z.number().min(0).max(1).optional(),
      maxTokens: z.int().min(1).max(200_000).optional(),
    })
    .optional(),
});
/** A parsed variant file. */
export type VariantFile = z.infer<typeof variantFileSchema>;

/** Fill a variant file's fields over a base (default {@link DEFAULT_VARIANT}). */
export function variantFrom(input: VariantFile, name: string, base: Readonly<Variant> = DEFAULT_VARIANT): Variant {
  const v = clone(base);
  v.name = input.name ?? name;
  mergeTechniques(v, input);
  Object.assign(v.params, input.params ?? {});
  return withFlags(v);
}

function lineOf(text: string, path: readonly PropertyKey[]): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  let node: unknown = doc.contents;
  let found: unknown = node;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      found = pair.key ?? pair.value;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      found = node;
    } else break;
  }
  const range = (found as { range?: [number, number, number] } | null)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

/** Parse one variant file's text; errors name the file, line and exact field path. */
export function parseVariantFile(text: string, file: string): Variant {
  const value = parseYamlText(text, file) ?? {};
  const result = variantFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.') || undefined;
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
    const keyPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const fullField = issue.code === 'unrecognized_keys' ? keyPath.map(String).join('.') : field;
    throw badInput({ file, line: lineOf(text, keyPath), field: fullField }, message);
  }
  return variantFrom(result.data, basename(file).replace(/\.ya?ml$/i, ''));
}

/** The folder holding the shipped named variants. */
export function defaultVariantsDir(): string {
  return packagePath('prompt-variants', 'variants');
}

/** Load every `*.yaml` / `*.yml` variant file of a folder, sorted by file name; duplicate names are an error. */
export function loadVariants(dir: string = defaultVariantsDir()): Variant[] {
  if (!existsSync(dir)) throw new UserError('NOT_FOUND', `${dir}: variants folder not found`);
  const variants: Variant[] = [];
  const seen = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/i.test(entry)) continue;
    const file = join(dir, entry);
    const v = parseVariantFile(readFileSync(file, 'utf8'), file);
    const previous = seen.get(v.name);
    if (previous) throw badInput({ file, field: 'name' }, `variant "${v.name}" is already declared in ${previous}`);
    seen.set(v.name, file);
    variants.push(v);
  }
  return variants;
}

/**
 * A variant by name: the ablation names (`none` … `cot+rag+fewshot`, on
 * {@link DEFAULT_VARIANT}), then the named variants (default: the shipped folder). A named file
 * may redefine an ablation name. Unknown → {@link UserError} with "did you mean".
 */
export function resolveVariant(name: string, named: readonly Variant[] = loadVariants()): Variant {
  const own = named.find((v) => v.name === name);
  if (own) return clone(own);
  const built = ablationVariants(TECHNIQUES).find((v) => v.name === name);
  if (built) return built;
  const known = [...ablationVariants(TECHNIQUES).map((v) => v.name), ...named.map((v) => v.name)];
  throw new UserError('BAD_USAGE', `unknown variant "${name}"${didYouMean(name, known)} (known: ${known.join(', ')})`);
}
