/**
 * Checks across items: the same gold twice (two rows sharing a gold file, or two golds for one
 * rule name) would let an exemplar hand an evaluation item its own answer; a `.feature` file the
 * index does not list is probably a forgotten row; an empty split makes few-shot or scoring
 * impossible.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetRead } from './load.js';
import type { Problem } from './problems.js';
import { splitItems } from './splits.js';

/** Problems of the dataset as a whole. `featureNames` maps item id → its gold's Feature name. */
export async function checkDataset(read: DatasetRead, featureNames: ReadonlyMap<string, string>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const byGold = new Map<string, string>();
  const byFeature = new Map<string, string>();
  for (const { item, line, indexFile } of read.located) {
    const goldOwner = byGold.get(item.gold);
    if (goldOwner) {
      problems.push({
        file: indexFile,
        line,
        field: 'gold',
        message: `"${item.gold}" is also the gold of ${goldOwner}; each item has its own gold file`,
        severity: 'error',
        check: 'duplicate-gold',
      });
    } else byGold.set(item.gold, item.id);
    const feature = featureNames.get(item.id);
    if (!feature) continue;
    const featureOwner = byFeature.get(feature);
    if (featureOwner) {
      problems.push({
        file: indexFile,
        line,
        field: 'gold',
        message: `Feature ${feature} is also the gold of ${featureOwner}; the same rule twice would leak as an exemplar`,
        severity: 'error',
        check: 'duplicate-rule',
      });
    } else byFeature.set(feature, item.id);
  }

  const listed = new Set(read.located.map((l) => l.item.gold));
  const entries = await readdir(read.dataset.dir, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.feature') || listed.has(entry.name)) continue;
    problems.push({
      file: join(read.indexFile, '..', entry.name),
      message: 'not listed in controls.csv; add its row or remove the file',
      severity: 'warning',
      check: 'unlisted-gold',
    });
  }

  if (read.located.length > 0) {
    for (const split of ['fewshot', 'eval'] as const) {
      if (splitItems(read.dataset, split).length > 0) continue;
      problems.push({
        file: read.indexFile,
        field: 'split',
        message: `no item is in the ${split} split`,
        severity: 'warning',
        check: 'split',
      });
    }
  }
  return problems;
}
