/**
 * Judge rubrics are YAML files (judges/<name>.yaml): named criteria, each with a question, a
 * weight and an anchored 1–5 scale. Loaded through a zod schema; a missing anchor, a duplicate
 * criterion or a bad field is a UserError naming the file and the field (exit 2).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { badInput } from '../../errors.js';
import { packagePath } from '../../paths.js';
import { parseYamlText } from '../../yaml-text.js';

/** The 1–5 scale's points. */
export const SCALE = [1, 2, 3, 4, 5] as const;

const anchorText = z.string().trim().min(1, 'anchor text is empty');

const criterionSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'criterion id must be lower_snake_case (it becomes the metric judge.<id>)')
    .refine((id) => id !== 'overall', 'criterion id "overall" is reserved for judge.overall'),
  question: z.string().trim().min(1),
  weight: z.number().positive().default(1),
  anchors: z.object({ 1: anchorText, 2: anchorText, 3: anchorText, 4: anchorText, 5: anchorText }).strict(),
});

const rubricSchema = z
  .object({
    name: z.string().trim().min(1),
    version: z.number().int().positive().default(1),
    description: z.string().default(''),
    criteria: z.array(criterionSchema).min(1, 'a rubric needs at least one criterion'),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', index, 'id'],
          message: `duplicate criterion "${criterion.id}" (entry ${index + 1} repeats an earlier id)`,
        });
      seen.add(criterion.id);
    });
  });

/** One criterion of a rubric. */
export type Criterion = z.output<typeof criterionSchema>;

/** A loaded rubric. */
export interface Rubric {
  name: string;
  version: number;
  description: string;
  criteria: Criterion[];
  /** The file it came from ('' when built in code). */
  file: string;
  /** sha256 (hex) of the validated rubric (canonical JSON), for the run manifest. */
  hash: string;
}

/** Where the default rubric lives. */
export function defaultRubricPath(): string {
  return packagePath('judges', 'default.yaml');
}

/** A rubric name (`default` → judges/default.yaml) or a path, as a file path. */
export function resolveRubricPath(nameOrPath: string): string {
  if (isAbsolute(nameOrPath) || /[\\/]|\.ya?ml$/.test(nameOrPath)) return nameOrPath;
  return packagePath('judges', `${nameOrPath}.yaml`);
}

function fieldOf(path: readonly PropertyKey[], raw: unknown): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      const id = (node as unknown[] | undefined)?.[key] as { id?: unknown } | undefined;
      parts.push(typeof id?.id === 'string' && parts.at(-1) === 'criteria' ? `[${id.id}]` : `[${key}]`);
    } else parts.push(parts.length === 0 ? String(key) : `.${String(key)}`);
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  return parts.join('').replace(/\.\[/g, '[');
}

/** Validate a rubric object (already parsed from YAML); `file` names it in errors. */
export function validateRubric(raw: unknown, file: string): Rubric {
  const result = rubricSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [...(issue?.path ?? []), ...(issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
    const missingAnchor =
      issue?.code === 'invalid_type' && path.length >= 3 && path.at(-2) === 'anchors'
        ? `missing anchor ${String(path.at(-1))} of the 1-5 scale`
        : undefined;
    const message = issue?.code === 'unrecognized_keys' ? 'unknown field (check the spelling)' : issue?.message;
    throw badInput({ file, field: fieldOf(path, raw) || 'rubric' }, missingAnchor ?? message ?? 'invalid rubric');
  }
  const rubric = result.data;
  const hash = createHash('sha256').update(JSON.stringify(rubric)).digest('hex');
  return { ...rubric, file, hash };
}

/** Load and validate a rubric file (a name under judges/ or a path). */
export function loadRubric(nameOrPath: string = defaultRubricPath()): Rubric {
  const file = resolveRubricPath(nameOrPath);
  if (!existsSync(file)) throw badInput({ file }, 'rubric file not found (name one under judges/ or give a path)');
  return validateRubric(parseYamlText(readFileSync(file, 'utf8'), file), file);
}
