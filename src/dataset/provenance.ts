/**
 * A dataset's provenance file, `dataset.yaml` (optional): where the golds come from and whether
 * their scenarios are the project's own (held to the style guide's 3–8 scenarios covering every
 * outcome) or kept as the engineers wrote them. An imported set keeps the engineers' scenarios:
 * adding a NOT_APPLICABLE scenario a rule's author never wrote would invent logic, so for such a
 * set the scenario count and outcome coverage are reported as warnings, not errors.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { badInput } from '../errors.js';
import { parseYamlText } from '../yaml-text.js';

/** The provenance file's name inside a dataset folder. */
export const PROVENANCE_FILE = 'dataset.yaml';

const schema = z
  .object({
    /** `authored`: written for this project; `imported`: taken from a public source. */
    origin: z.enum(['authored', 'imported']),
    /** Where the golds come from (a repository, a URL). */
    source: z.string().min(1).optional(),
    /** The source's commit, when it is a repository. */
    commit: z.string().min(1).optional(),
    /** The source's licence (SPDX id). */
    licence: z.string().min(1).optional(),
    /** `canonical`: the style guide's scenario rules are errors; `as-written`: warnings. */
    scenarios: z.enum(['canonical', 'as-written']).default('canonical'),
  })
  .strict();

/** A parsed `dataset.yaml`. */
export type Provenance = z.infer<typeof schema>;

/** What a folder without `dataset.yaml` is: the project's own golds under the full style guide. */
export const AUTHORED: Provenance = { origin: 'authored', scenarios: 'canonical' };

/**
 * Read `<dir>/dataset.yaml`; {@link AUTHORED} when there is none. A malformed file is a bad-input
 * error naming the file and the field.
 */
export async function readProvenance(dir: string): Promise<Provenance> {
  const file = join(dir, PROVENANCE_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return AUTHORED;
  const parsed = schema.safeParse(parseYamlText(text, file));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw badInput(
    { file, field: issue?.path.join('.') || undefined },
    `${issue?.message ?? 'invalid'}; see datasets/README.md (dataset.yaml)`,
  );
}

/** The `dataset.yaml` the importer writes for a set imported from `source` at `commit`. */
export function renderProvenance(p: Provenance): string {
  const lines = [
    '# Provenance of this gold set (read by `gherkin-bench dataset validate`).',
    `origin: ${p.origin}`,
    ...(p.source ? [`source: ${p.source}`] : []),
    ...(p.commit ? [`commit: ${p.commit}`] : []),
    ...(p.licence ? [`licence: ${p.licence}`] : []),
    '# as-written: the engineers\u2019 scenarios are kept; scenario count and outcome coverage are warnings.',
    `scenarios: ${p.scenarios}`,
  ];
  return `${lines.join('\n')}\n`;
}
