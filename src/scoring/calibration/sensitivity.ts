/**
 * Sensitivity: does a metric score the gold above each corrupted version of it? Per metric ×
 * corruption type, the (gold, corrupted) pairs where the gold scores higher, ties, lower, and the
 * pairs a metric could not score (null on either side), with a verdict.
 */
import type { Score } from '../types.js';
import type { Corruption, Expectation } from './corrupt.js';

/** A metric's verdict on one corruption type. */
export type Verdict =
  /** gold-higher: the gold wins ≥ 80 % of the comparable pairs. */
  | 'detects'
  /** gold-higher: the gold wins some pairs, < 80 %. */
  | 'partial'
  /** gold-higher: the gold never wins (ties or worse): the metric cannot see this defect. */
  | 'blind'
  /** gold-higher: the corruption wins more often than the gold. */
  | 'inverted'
  /** not-higher: the corruption never scores above the gold. */
  | 'ok'
  /** not-higher: the corruption scores above the gold in some pair (e.g. verbosity bias). */
  | 'biased'
  /** tie: every pair ties. */
  | 'invariant'
  /** tie: some pair differs (reported, not a defect in itself). */
  | 'sensitive'
  /** No comparable pair. */
  | 'n/a';

/** One metric × corruption cell. */
export interface SensitivityRow {
  metric: string;
  corruption: string;
  expect: Expectation;
  /** Pairs where both sides have a value. */
  pairs: number;
  higher: number;
  ties: number;
  lower: number;
  /** Pairs where either side is null. */
  notScored: number;
  /** higher / pairs, null when no pair. */
  shareHigher: number | null;
  /** Mean of (corrupted − gold) over the pairs, null when no pair. */
  meanDelta: number | null;
  verdict: Verdict;
}

/** The two scores sets of one (gold, corrupted) pair. */
export interface ScoredPair {
  itemId: string;
  corruption: Corruption;
  gold: Score[];
  corrupted: Score[];
}

const EPSILON = 1e-9;

function verdictOf(expect: Expectation, row: Omit<SensitivityRow, 'verdict'>): Verdict {
  if (row.pairs === 0) return 'n/a';
  if (expect === 'tie') return row.ties === row.pairs ? 'invariant' : 'sensitive';
  if (expect === 'not-higher') return row.lower > 0 ? 'biased' : 'ok';
  if (row.higher === 0) return row.lower > 0 ? 'inverted' : 'blind';
  if (row.lower > row.higher) return 'inverted';
  return (row.shareHigher ?? 0) >= 0.8 ? 'detects' : 'partial';
}

/** Tabulate scored pairs into one row per metric × corruption (metrics and corruptions in first-seen order). */
export function tabulateSensitivity(pairs: readonly ScoredPair[]): SensitivityRow[] {
  const cells = new Map<string, { metric: string; corruption: Corruption; deltas: number[]; notScored: number }>();
  for (const pair of pairs) {
    const corrupted = new Map(pair.corrupted.map((s) => [s.metric, s.value]));
    for (const gold of pair.gold) {
      const key = `${gold.metric}\u0000${pair.corruption.id}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { metric: gold.metric, corruption: pair.corruption, deltas: [], notScored: 0 };
        cells.set(key, cell);
      }
      const other = corrupted.get(gold.metric);
      if (gold.value === null || other === null || other === undefined) cell.notScored++;
      else cell.deltas.push(other - gold.value);
    }
  }
  const rows: SensitivityRow[] = [];
  for (const cell of cells.values()) {
    const higher = cell.deltas.filter((d) => d < -EPSILON).length;
    const lower = cell.deltas.filter((d) => d > EPSILON).length;
    const n = cell.deltas.length;
    const base = {
      metric: cell.metric,
      corruption: cell.corruption.id,
      expect: cell.corruption.expect,
      pairs: n,
      higher,
      ties: n - higher - lower,
      lower,
      notScored: cell.notScored,
      shareHigher: n === 0 ? null : higher / n,
      meanDelta: n === 0 ? null : cell.deltas.reduce((a, b) => a + b, 0) / n,
    };
    rows.push({ ...base, verdict: verdictOf(cell.corruption.expect, base) });
  }
  return rows;
}
