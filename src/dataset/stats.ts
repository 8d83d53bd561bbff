/**
 * Dataset statistics: items by service, category, severity and split; scenarios per gold; how
 * many scenarios end in each outcome. Pure over a loaded {@link Dataset} (golds are parsed here).
 */
import { join } from 'node:path';
import { badInput } from '../errors.js';
import { OUTCOMES, type Outcome, parseControl } from '../gherkin/parse.js';
import { takesParameters } from './gold-checks.js';
import { defaultDatasetDir, loadDataset } from './load.js';
import { withoutLocation } from './problems.js';
import { CATEGORIES, type Dataset, SEVERITIES, SPLITS } from './types.js';

/** Counts of a dataset. */
export interface DatasetStats {
  name: string;
  hash: string;
  items: number;
  services: number;
  byService: Record<string, number>;
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
  bySplit: Record<string, number>;
  /** Items whose gold declares rule parameters. */
  withParameters: number;
  scenarios: { total: number; min: number; max: number; mean: number };
  /** Scenarios per outcome their Then step states. */
  outcomes: Record<Outcome, number>;
}

function countBy(values: string[], known: readonly string[] = []): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of known) counts[k] = 0;
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/**
 * Count a loaded dataset. Throws a {@link UserError} naming the gold file (under `displayDir`,
 * default the dataset's folder) when one does not parse.
 */
export function computeStats(dataset: Dataset, displayDir: string = dataset.dir): DatasetStats {
  const perItem: number[] = [];
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let withParameters = 0;
  for (const item of dataset.items) {
    const parsed = parseControl(item.goldText);
    if (!parsed.ok) {
      throw badInput(
        { file: join(displayDir, item.gold), line: parsed.error.line },
        `does not parse as Gherkin: ${withoutLocation(parsed.error.message)}`,
      );
    }
    perItem.push(parsed.control.scenarios.length);
    for (const scenario of parsed.control.scenarios) for (const o of scenario.outcomes) outcomes[o]++;
    if (takesParameters(parsed.control.fields['Rule Parameters'])) withParameters++;
  }
  const total = perItem.reduce((a, b) => a + b, 0);
  const byService = countBy(dataset.items.map((i) => i.service));
  return {
    name: dataset.name,
    hash: dataset.hash,
    items: dataset.items.length,
    services: Object.keys(byService).length,
    byService: Object.fromEntries(Object.entries(byService).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))),
    byCategory: countBy(
      dataset.items.map((i) => i.category),
      CATEGORIES,
    ),
    bySeverity: countBy(
      dataset.items.map((i) => i.severity),
      SEVERITIES,
    ),
    bySplit: countBy(
      dataset.items.map((i) => i.split),
      SPLITS,
    ),
    withParameters,
    scenarios: {
      total,
      min: perItem.length ? Math.min(...perItem) : 0,
      max: perItem.length ? Math.max(...perItem) : 0,
      mean: perItem.length ? Math.round((total / perItem.length) * 100) / 100 : 0,
    },
    outcomes,
  };
}

/** Load a dataset folder and count it. */
export async function datasetStats(dir: string = defaultDatasetDir()): Promise<DatasetStats> {
  return computeStats(await loadDataset(dir), dir);
}

function table(title: string, counts: Record<string, number>): string[] {
  const width = Math.max(title.length, ...Object.keys(counts).map((k) => k.length));
  return [title, ...Object.entries(counts).map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(4)}`)];
}

/** The stats as a plain-text report. */
export function renderStats(stats: DatasetStats): string {
  return [
    `dataset ${stats.name}: ${stats.items} items, ${stats.services} services, sha256 ${stats.hash.slice(0, 12)}`,
    `scenarios: ${stats.scenarios.total} (per gold min ${stats.scenarios.min}, mean ${stats.scenarios.mean}, max ${stats.scenarios.max}); ${stats.withParameters} golds take rule parameters`,
    '',
    ...table('split', stats.bySplit),
    ...table('category', stats.byCategory),
    ...table('severity', stats.bySeverity),
    ...table('outcome (scenarios)', stats.outcomes),
    ...table('service', stats.byService),
  ].join('\n');
}
