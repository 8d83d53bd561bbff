/** Listing the stored runs of an output folder (`gherkin-bench runs`). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { MANIFEST_FILE } from './records.js';
import { readRun } from './store.js';

/** One stored run, as `gherkin-bench runs` lists it. */
export interface RunListing {
  id: string;
  dir: string;
  name: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Cases planned. */
  cases: number;
  ok: number;
  failed: number;
  variants: string[];
  models: string[];
  /** complete: every planned case stored; incomplete: interrupted (resume it); damaged: unreadable. */
  status: 'complete' | 'incomplete' | 'damaged';
  /** Why a damaged run could not be read. */
  problem?: string;
}

/** Every run folder under `outDir` (newest first). Folders without a manifest are not runs and are skipped. */
export async function listRuns(outDir: string): Promise<RunListing[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new UserError('NOT_FOUND', `${outDir}: cannot read the runs folder (${error.message})`, { cause: error });
  });
  const listings: RunListing[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(outDir, entry.name);
    if (!(await stat(join(dir, MANIFEST_FILE)).catch(() => undefined))) continue;
    try {
      const run = await readRun(dir);
      const failed = run.records.filter((r) => r.error !== null).length;
      listings.push({
        id: run.manifest.runId,
        dir,
        name: typeof run.manifest.config.name === 'string' ? run.manifest.config.name : null,
        startedAt: run.manifest.startedAt,
        finishedAt: run.manifest.finishedAt,
        cases: run.manifest.cases,
        ok: run.records.length - failed,
        failed,
        variants: run.manifest.variants.map((v) => v.name),
        models: run.manifest.models,
        status: run.records.length >= run.manifest.cases ? 'complete' : 'incomplete',
      });
    } catch (error) {
      listings.push({
        id: entry.name,
        dir,
        name: null,
        startedAt: null,
        finishedAt: null,
        cases: 0,
        ok: 0,
        failed: 0,
        variants: [],
        models: [],
        status: 'damaged',
        problem: (error as Error).message,
      });
    }
  }
  return listings.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '') || a.id.localeCompare(b.id));
}
