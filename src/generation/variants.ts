/**
 * Variants: the prompt strategies. A variant switches chain-of-thought, RAG and few-shot on or
 * off and sets their knobs. The 2^3 ablation is built here; named variants can also be declared
 * in YAML files under `prompt-variants/variants/` (schema-validated, errors name the field path).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DEFAULT_EXEMPLAR_POLICY } from '../dataset/splits.js';
import { badInput, UserError } from '../errors.js';
import { didYouMean } from '../knowledge/suggest.js';
import { packagePath } from '../paths.js';
import { parseYamlText } from '../yaml-text.js';
import type { Variant } from './types.js';

/** The techniques an ablation switches, in their fixed naming order. */
export const TECHNIQUES = ['cot', 'rag', 'fewShot'] as const;
/** One technique. */
export type Technique = (typeof TECHNIQUES)[number];

const TECHNIQUE_LABEL: Record<Technique, string> = { cot: 'cot', rag: 'rag', fewShot: 'fewshot' };

/** k used when an ablation switches few-shot on and the base variant has k = 0. */
export const DEFAULT_FEWSHOT_K = 3;

/** The defaults every variant starts from: all techniques off. */
export const DEFAULT_VARIANT: Readonly<Variant> = Object.freeze<Variant>({
  name: 'none',
  cot: false,
  rag: { enabled: false, topK: 5, tokenBudget: 1500 },
  fewShot: { k: 0, strategy: 'similar', resample: false, ...DEFAULT_EXEMPLAR_POLICY },
  params: { temperature: 0, maxTokens: 2048 },
});

function clone(variant: Readonly<Variant>): Variant {
  return {
    name: variant.name,
    cot: variant.cot,
    rag: { ...variant.rag },
    fewShot: { ...variant.fewShot },
    params: { ...variant.params },
  };
}

/** The techniques a variant has on. */
export function techniquesOn(variant: Variant): Technique[] {
  return TECHNIQUES.filter((t) =>
    t === 'cot' ? variant.cot : t === 'rag' ? variant.rag.enabled : variant.fewShot.k > 0,
  );
}

/** The ablation name of a set of techniques: joined with '+' in the order cot, rag, fewshot; `none` if empty. */
export function ablationName(on: readonly Technique[]): string {
  const names = TECHNIQUES.filter((t) => on.includes(t)).map((t) => TECHNIQUE_LABEL[t]);
  return names.length ? names.join('+') : 'none';
}

/**
 * The full factorial over `techniques` (2^n variants) on top of `base` (default
 * {@link DEFAULT_VARIANT}); techniques outside the ablation keep the base's setting. Few-shot on
 * uses the base's k, or {@link DEFAULT_FEWSHOT_K} when that is 0. Each variant is named by the
 * techniques it has on ({@link ablationName}); order: by number of techniques on, then the fixed
 * order (`none`, `cot`, `rag`, `fewshot`, `cot+rag`, `cot+fewshot`, `rag+fewshot`, `cot+rag+fewshot`).
 */
export function ablationVariants(
  techniques: readonly Technique[],
  base: Readonly<Variant> = DEFAULT_VARIANT,
): Variant[] {
  for (const t of techniques) {
    if (!TECHNIQUES.includes(t)) {
      throw new UserError('BAD_INPUT', `ablate: unknown technique "${t}"${didYouMean(t, TECHNIQUES)}`);
    }
  }
  const ablated = TECHNIQUES.filter((t) => techniques.includes(t));
  const variants: Variant[] = [];
  for (let mask = 0; mask < 1 << ablated.length; mask++) {
    const v = clone(base);
    ablated.forEach((t, i) => {
      const on = (mask & (1 << i)) !== 0;
      if (t === 'cot') v.cot = on;
      else if (t === 'rag') v.rag.enabled = on;
      else v.fewShot.k = on ? base.fewShot.k || DEFAULT_FEWSHOT_K : 0;
    });
    v.name = ablationName(techniquesOn(v));
    variants.push(v);
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
  cot: z.boolean().optional(),
  rag: z
    .strictObject({
      enabled: z.boolean().optional(),
      topK: z.int().min(1).max(50).optional(),
      tokenBudget: z.int().min(50).max(100_000).optional(),
    })
    .optional(),
  fewShot: z
    .strictObject({
      k: z.int().min(0).max(20).optional(),
      strategy: z.enum(['similar', 'random']).optional(),
      resample: z.boolean().optional(),
      otherServicesOnly: z.boolean().optional(),
    })
    .optional(),
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
  if (input.cot !== undefined) v.cot = input.cot;
  Object.assign(v.rag, input.rag ?? {});
  Object.assign(v.fewShot, input.fewShot ?? {});
  Object.assign(v.params, input.params ?? {});
  return v;
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
 * A variant by name: the eight ablation names (`none` … `cot+rag+fewshot`, on
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
