/**
 * Locate → load → schema: read an experiment YAML file and validate it, with errors that name the
 * file, the line (where the YAML parser knows it) and the exact field path.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { badInput, UserError } from '../errors.js';
import { didYouMean } from '../knowledge/suggest.js';
import { type ExperimentConfig, ExperimentSchema, ModelObjectSchema, VariantSpecSchema } from './schema.js';
import { schemaKeys } from './schema-keys.js';

/** A validated experiment and where it came from. */
export interface LoadedExperiment {
  /** The experiment after schema defaults. */
  config: ExperimentConfig;
  /** Absolute path of the file, or null for the default experiment. */
  file: string | null;
  /** The folder relative paths in the file are resolved against. */
  baseDir: string;
}

/**
 * Load an experiment file (or the default experiment when `file` is undefined; a relative path is
 * resolved against `cwd`), validate it against {@link ExperimentSchema} and apply the defaults.
 * Throws a {@link UserError} (exit 2) naming `file:line: field` for every problem found, one line each.
 */
export async function loadExperiment(file: string | undefined, cwd: string): Promise<LoadedExperiment> {
  if (file === undefined) return { config: parseExperiment({}, '<default experiment>'), file: null, baseDir: cwd };
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError('NOT_FOUND', `${file}: cannot read the experiment file (${(error as Error).message})`, {
      cause: error,
    });
  }
  return { config: parseExperimentText(text, file), file: path, baseDir: resolve(path, '..') };
}

/** Parse and validate experiment YAML text; `label` names the file in errors. */
export function parseExperimentText(text: string, label: string): ExperimentConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw badInput({ file: label, line }, `not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    // toJS throws on an unresolved alias and on alias expansion bombs ("billion laughs").
    value = doc.toJS() ?? {};
  } catch (error) {
    throw badInput({ file: label }, `not valid YAML: ${(error as Error).message.split('\n')[0]}`, error);
  }
  return parseExperiment(value, label, (path) => lineOf(doc, lineCounter, path));
}

/** Validate an already-parsed experiment object; `lineOf` maps a field path to a line number. */
export function parseExperiment(
  value: unknown,
  label: string,
  lineOf: (path: PropertyKey[]) => number | undefined = () => undefined,
): ExperimentConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badInput({ file: label, line: lineOf([]) }, 'an experiment file must be a YAML mapping (key: value lines)');
  const result = ExperimentSchema.safeParse(value);
  if (result.success) return result.data;
  // Every problem, one `file:line: field: message` line each in file order, so one edit fixes them all.
  const lines = flattenIssues(result.error.issues)
    .map((problem) => ({ problem, line: lineOf(problem.path) }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .map(({ problem, line }) => badInput({ file: label, line }, problem.message).message);
  const unique = [...new Set(lines)];
  throw new UserError('BAD_INPUT', unique.join('\n'), { cause: result.error, lines: unique });
}

/** One schema problem with its full path. */
interface Problem {
  path: PropertyKey[];
  message: string;
}

/** Turn zod issues into `field.path: message` problems, choosing the union branch that matches the input's type. */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.filter(
        (branch) => !branch.some((i) => i.code === 'invalid_type' && !i.path.length),
      );
      const chosen = branches[0];
      if (chosen) {
        out.push(...flattenIssues(chosen, path));
        continue;
      }
    }
    const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
    out.push({ path: at, message: `${formatPath(path)}: ${describeIssue(issue, path)}` });
  }
  return out;
}

/** A human message for one issue (without its path; `path` tells a model's union from a variant's). */
function describeIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}${issue.message.includes('received') ? `, got ${issue.message.split('received ').pop()}` : ''}`;
    case 'unrecognized_keys': {
      const known = knownKeysHint(issue.keys);
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${known}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      if (path[0] === 'models' || (path[0] === 'judge' && path[1] === 'model'))
        return `expected a model id or a model mapping (${MODEL_FIELDS.join(', ')})`;
      return `expected a variant name or a variant mapping (${VARIANT_FIELDS.join(', ')})`;
    default:
      return issue.message
        .replace(/^Invalid input: /, '')
        .replace(/^Too small: /, '')
        .replace(/^Too big: /, '');
  }
}

/** Every field name an experiment file may use (from the schema), for "did you mean". */
const ALL_KEYS = schemaKeys(ExperimentSchema);

/** The fields of an inline variant, for the union's message. */
const VARIANT_FIELDS = Object.keys(VariantSpecSchema.shape).filter((key) => key !== 'description');

/** The fields of a model mapping, for the union's message. */
const MODEL_FIELDS = Object.keys(ModelObjectSchema.shape);

function knownKeysHint(keys: string[]): string {
  const first = keys[0];
  return first === undefined ? '' : didYouMean(first, ALL_KEYS);
}

/** `variants[2].rag.topK` for `['variants', 2, 'rag', 'topK']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

/** The 1-based line of the node at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return counter.linePos(range[0]).line;
  }
  return undefined;
}
