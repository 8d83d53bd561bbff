/** `judge calibrate --labels` as text: agreement between people, then the judge against them. */
import { agreementHeadline, judgeTable, peopleTable } from '../../labels/render.js';
import { textTableLines } from '../../text-table.js';
import type { LabelCalibrationReport } from './human-labels.js';

/** Render a label calibration report for a terminal. */
export function renderLabelCalibration(report: LabelCalibrationReport): string {
  const out: string[] = [`Labels of run ${report.run}: ${agreementHeadline(report)}`, ''];
  const people = peopleTable(report);
  out.push('Agreement between people:', ...textTableLines(people.header, people.rows));
  const judge = judgeTable(report);
  const source = report.judgeSource;
  if (judge && source) {
    out.push('');
    out.push(
      source.kind === 'stored'
        ? `The judge against people (scores stored by the run: ${source.model}, rubric ${source.rubric}):`
        : `The judge against people (judged now: ${source.model}, rubric ${source.rubric} ${source.rubricHash.slice(0, 12)}, ${source.mode}; ${source.usage.calls} calls, ${source.failures.length} failed):`,
    );
    out.push(...textTableLines(judge.header, judge.rows));
    if (source.kind === 'model')
      for (const f of source.failures.slice(0, 5)) out.push(`  failed: ${f.case}: ${f.error}`);
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  return out.join('\n');
}
