/** A calibration report as text: the sensitivity table, blind spots, agreement, repeatability, verbosity. */
import { textTableLines } from '../../text-table.js';
import type { CalibrationReport } from './calibrate.js';

const pct = (v: number | null): string => (v === null ? '   –' : `${Math.round(v * 100)}%`.padStart(4));
const num = (v: number | null, digits = 2): string => (v === null ? '–' : v.toFixed(digits));
const indent = (lines: string[]): string[] => lines.map((line) => `  ${line}`);

/** The behaviour target table: one row per corruption, one column per set and `all`. */
function renderBehaviourTargets(report: CalibrationReport): string[] {
  const rows = report.behaviourTargets ?? [];
  const sets = [...new Set(rows.map((r) => r.set))];
  const corruptions = [...new Set(rows.map((r) => r.corruption))];
  const cell = (set: string, corruption: string): string => {
    const r = rows.find((x) => x.set === set && x.corruption === corruption);
    if (!r) return '–';
    const mark = r.met === null ? '' : r.met ? ' ✓' : ' ✗';
    const partial = r.missed > 0 ? ` miss${r.missed}(${r.missedInPartialGolds}p)` : '';
    const extra = `${partial}${r.equivalent ? ` eq${r.equivalent}` : ''}${r.applies > r.scored ? ` n/s${r.applies - r.scored}` : ''}`;
    return r.expect === 'tie'
      ? `${r.scored - r.below}/${r.scored} at 1.0${extra}${mark}`
      : `${r.below}/${r.scored - r.equivalent} ${pct(r.share).trim()}${extra}${mark}`;
  };
  const out = [
    `Behaviour targets: rewrites at 1.0; each defect below 1.0 for ≥ 95 % of the golds it applies to (miss N(Mp) = N at 1.0, M of them in golds with a scenario that does not execute; eq = proven equivalent, not counted; n/s = gold not executable)`,
    ...indent(
      textTableLines(
        ['corruption', ...sets],
        corruptions.map((c) => [c, ...sets.map((s) => cell(s, c))]),
      ),
    ),
  ];
  const all = rows.filter((r) => r.set === 'all');
  const missed = all.reduce((n, r) => n + r.missed, 0);
  const partial = all.reduce((n, r) => n + r.missedInPartialGolds, 0);
  out.push(
    `  ${missed} miss(es) over all sets, ${partial} of them in golds with a scenario that does not execute${missed > partial ? '; the others:' : ''}`,
  );
  const misses = all.filter((r) => r.misses.length > 0);
  for (const r of misses)
    for (const m of r.misses.filter((x) => !x.partialGold).slice(0, 3))
      out.push(`  miss ${r.corruption} ${m.itemId}: ${m.reason}`);
  return out;
}

/** Render a calibration report for a terminal. */
export function renderCalibration(report: CalibrationReport): string {
  const out: string[] = [];
  const perSet = report.sets.length > 1;
  out.push(
    `Calibration over ${report.items} gold items${perSet ? ` (${report.sets.map((s) => `${s.name} ${s.items}`).join(', ')})` : ''}`,
  );
  out.push('');
  out.push(
    `Corruptions (applied to N golds${perSet ? `; per set: ${report.sets.map((s) => s.name).join(' / ')}` : ''}):`,
  );
  for (const c of report.corruptions) {
    const split = perSet ? ` (${report.sets.map((s) => s.applied[c.id] ?? 0).join('/')})` : '';
    out.push(`  ${c.id.padEnd(24)} N=${`${c.applied}${split}`.padEnd(perSet ? 12 : 3)} ${c.description}`);
  }
  out.push('');
  out.push('Sensitivity: gold > corrupted share (higher/ties/lower of comparable pairs; n/s = not scored)');
  const corruptions = report.corruptions.map((c) => c.id);
  const metrics = [...new Set(report.sensitivity.map((r) => r.metric))];
  const rows = metrics.map((metric) => [
    metric,
    ...corruptions.map((c) => {
      const row = report.sensitivity.find((r) => r.metric === metric && r.corruption === c);
      if (!row) return '– not-applied 0/0/0'; // the corruption applies to none of these golds
      const counts = `${row.higher}/${row.ties}/${row.lower}${row.notScored ? ` n/s${row.notScored}` : ''}`;
      return `${pct(row.shareHigher).trim()} ${row.verdict} ${counts}`;
    }),
  ]);
  out.push(...indent(textTableLines(['metric', ...corruptions], rows)));
  out.push('');
  if (report.behaviourTargets) out.push(...renderBehaviourTargets(report), '');
  const blind = Object.entries(report.blind);
  out.push(
    blind.length === 0
      ? 'No metric is blind to a real defect.'
      : `Blind (never scores the gold higher): ${blind.map(([m, cs]) => `${m} ← ${cs.join(', ')}`).join('; ')}`,
  );
  if (report.labelCorrelation) {
    const criteria = [...new Set(report.labelCorrelation.map((c) => c.criterion))];
    const n = Math.max(0, ...report.labelCorrelation.map((c) => c.n));
    out.push('');
    out.push(`Deterministic metrics vs labelled scores (Spearman rho, up to ${n} labelled cases):`);
    const rows = [...new Set(report.labelCorrelation.map((c) => c.metric))].map((metric) => [
      metric,
      ...criteria.map((criterion) => {
        const cell = report.labelCorrelation?.find((c) => c.metric === metric && c.criterion === criterion);
        return num(cell?.spearman ?? null);
      }),
    ]);
    out.push(...indent(textTableLines(['metric', ...criteria], rows)));
  }
  if (report.judge) {
    const j = report.judge;
    out.push('');
    out.push(
      `Judge ${j.model}, rubric ${j.rubric} (${j.rubricHash.slice(0, 12)}), ${j.mode}, samples ${j.samples}: ${j.usage.calls} calls, ${j.usage.tokensIn} in / ${j.usage.tokensOut} out tokens, cost ${j.usage.costUsd === null ? 'unknown' : `$${j.usage.costUsd.toFixed(4)}`}, ${j.failures.length} failed`,
    );
    for (const f of j.failures.slice(0, 5)) out.push(`  failed: ${f.text}: ${f.error}`);
  }
  if (report.agreement) {
    out.push('');
    out.push(
      `Agreement with expert labels (${report.agreement.cases} cases): quadratic-weighted kappa, Spearman, exact`,
    );
    for (const a of report.agreement.criteria) {
      out.push(
        `  ${a.criterion.padEnd(14)} n=${String(a.n).padEnd(3)} kappa ${num(a.kappa)}  rho ${num(a.spearman)}  exact ${pct(a.exact)}`,
      );
      out.push(`    confusion (rows expert 1-5, cols judge 1-5): ${a.confusion.map((r) => r.join(' ')).join(' | ')}`);
    }
  }
  if (report.repeatability) {
    out.push('');
    out.push('Repeatability (sd of raw 1-5 scores over samples):');
    for (const r of report.repeatability)
      out.push(
        `  ${r.criterion.padEnd(14)} texts ${r.texts}  mean sd ${num(r.meanSd)}  max sd ${num(r.maxSd)}  identical ${pct(r.identical)}`,
      );
  }
  if (report.verbosity) {
    out.push('');
    out.push('Verbosity probe (padding must not raise scores):');
    for (const v of report.verbosity)
      out.push(
        `  ${v.metric.padEnd(20)} raised in ${pct(v.raised)} of ${v.pairs} items, mean change ${num(v.meanDelta, 3)}`,
      );
  }
  if (report.position) {
    out.push('');
    out.push('Position probe (pairwise, gold vs real defect, both orders):');
    for (const p of report.position)
      out.push(
        `  ${p.criterion.padEnd(14)} pairs ${p.pairs}  consistent ${pct(p.pairs ? p.consistent / p.pairs : null)}  gold preferred in both ${pct(p.pairs ? p.goldPreferred / p.pairs : null)}  first shown chosen ${pct(p.firstShown)}`,
      );
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  return out.join('\n');
}
