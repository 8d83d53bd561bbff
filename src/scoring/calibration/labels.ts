/**
 * The judge-calibration file format (datasets/judge-calibration/*.yaml): candidates with
 * per-criterion reference scores from experts. Validated with zod; a score out of range or a
 * malformed case is a UserError naming the file and the field (exit 2).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { badInput } from '../../errors.js';
import { packagePath } from '../../paths.js';
import { parseYamlText } from '../../yaml-text.js';

const score = z
  .number()
  .int('must be an integer from 1 to 5')
  .min(1, 'must be from 1 to 5')
  .max(5, 'must be from 1 to 5');

const caseSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'id must be a simple slug'),
    /** Item id in the dataset (its requirement and gold are what the judge sees). */
    item: z.string().min(1),
    candidate: z.string(),
    scores: z.record(z.string(), score).refine((s) => Object.keys(s).length > 0, 'at least one criterion score'),
    note: z.string().optional(),
  })
  .strict();

const fileSchema = z
  .object({
    /** Rubric name the criteria ids belong to. */
    rubric: z.string().default('default'),
    /** Dataset folder name the item ids come from. */
    dataset: z.string().default('security-controls'),
    /** Who gave the reference scores. */
    labeller: z.string().min(1),
    description: z.string().optional(),
    cases: z.array(caseSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.cases.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['cases', i, 'id'], message: `duplicate case id "${c.id}"` });
      seen.add(c.id);
    });
  });

/** One labelled candidate. */
export type LabelledCase = z.output<typeof caseSchema>;
/** One calibration file. */
export type CalibrationSet = z.output<typeof fileSchema> & { file: string };

/** The shipped calibration folder. */
export function defaultCalibrationDir(): string {
  return packagePath('datasets', 'judge-calibration');
}

function fieldOf(path: readonly PropertyKey[], raw: unknown): string {
  let node: unknown = raw;
  let out = '';
  for (const key of path) {
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof key === 'number') {
      const id = (next as { id?: unknown } | undefined)?.id;
      out += typeof id === 'string' ? `[${id}]` : `[${key}]`;
    } else out += out ? `.${String(key)}` : String(key);
    node = next;
  }
  return out;
}

/** Validate a parsed calibration file. */
export function validateCalibrationSet(raw: unknown, file: string): CalibrationSet {
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [...(issue?.path ?? []), ...(issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
    const message = issue?.code === 'unrecognized_keys' ? 'unknown field (check the spelling)' : issue?.message;
    throw badInput({ file, field: fieldOf(path, raw) || 'file' }, message ?? 'invalid calibration file');
  }
  return { ...result.data, file };
}

/** Load one calibration YAML file. */
export function loadCalibrationFile(file: string): CalibrationSet {
  return validateCalibrationSet(parseYamlText(readFileSync(file, 'utf8'), file), file);
}

/** Load every *.yaml calibration file of a folder (or one file), sorted by name. */
export function loadCalibrationSets(path: string = defaultCalibrationDir()): CalibrationSet[] {
  if (!existsSync(path)) throw badInput({ file: path }, 'calibration folder or file not found');
  if (!statSync(path).isDirectory()) return [loadCalibrationFile(path)];
  const files = readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  if (files.length === 0) throw badInput({ file: path }, `no *.yaml calibration files in ${basename(path)}`);
  return files.map((f) => loadCalibrationFile(join(path, f)));
}
