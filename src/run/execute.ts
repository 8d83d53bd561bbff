/**
 * Planning a run: the config pipeline (locate → load → schema → flags → cross-field checks →
 * plan), or the stored plan of a run being resumed. `executeRun` (src/experiment/) then runs and
 * reports it.
 */
import { join, resolve } from 'node:path';
import { applyFlags, caseChangingFlags, type RunFlags } from '../config/flags.js';
import { loadExperiment, parseExperiment } from '../config/load.js';
import { buildPlan, type RunPlan } from '../config/plan.js';
import { UserError } from '../errors.js';
import { MANIFEST_FILE, readManifest } from './records.js';

/** What planning a run reads: the experiment file, flags, environment and working folder. */
export interface PlanRunInput {
  /** The experiment file (undefined: the default experiment). */
  file?: string;
  flags?: RunFlags;
  /** The process environment (only the variables config/env.ts names are used). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths (experiment file, --out, --resume) resolve against. */
  cwd: string;
}

/** Plan the run (new or resumed) without running it. */
export async function planRun(input: PlanRunInput): Promise<RunPlan> {
  const flags = input.flags ?? {};
  const { cwd } = input;
  if (flags.resume !== undefined) {
    if (input.file !== undefined)
      throw new UserError('BAD_USAGE', '--resume continues a stored run; do not name an experiment file with it');
    const refused = [
      ...caseChangingFlags(flags),
      ...(flags.out ? ['--out'] : []),
      ...(flags.runId ? ['--run-id'] : []),
    ];
    if (refused.length)
      throw new UserError(
        'BAD_USAGE',
        `${refused.join(', ')} cannot be combined with --resume (the stored run fixes its cases)`,
      );
    const dir = resolve(cwd, flags.resume);
    const manifest = await readManifest(dir);
    const stored = parseExperiment(manifest.config, join(dir, MANIFEST_FILE));
    const config = applyFlags(stored, { ...flags, resume: undefined });
    return buildPlan({ config, file: manifest.source ?? null, baseDir: cwd }, { env: input.env, cwd, resumeDir: dir });
  }
  const loaded = await loadExperiment(input.file, cwd);
  const config = applyFlags(loaded.config, flags);
  return buildPlan({ ...loaded, config }, { env: input.env, cwd, ...(flags.runId ? { runId: flags.runId } : {}) });
}
