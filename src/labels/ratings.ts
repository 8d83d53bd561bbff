/**
 * Label files as ratings tables: per criterion, one row per labelled case and one column per
 * annotator (the latest value each gave; "unsure" counts as no rating). This is the shape the
 * agreement statistics of src/analysis/agreement.ts take.
 */
import type { Ratings } from '../analysis/agreement.js';
import { badInput } from '../errors.js';
import { type LabelFile, latestLabels } from './store.js';

/** Every annotator's labels of one run, tabulated. */
export interface LabelTable {
  /** The run the labels belong to. */
  run: string;
  /** Label files read, in order. */
  files: string[];
  /** Column order. */
  annotators: string[];
  /** Row order: case keys labelled by anyone (on any criterion), sorted. */
  cases: string[];
  /** Item id of each case key. */
  items: Map<string, string>;
  /** Criteria labelled, in order of first appearance. */
  criteria: string[];
  /** Rubric names and modes the labels were given under. */
  rubrics: string[];
  modes: string[];
  /** criterion → rows (cases) × columns (annotators), null where not rated or unsure. */
  ratings: Map<string, (number | null)[][]>;
  /** Labels marked unsure, per criterion. */
  unsure: Map<string, number>;
}

/**
 * Tabulate label files of one run. Files of different runs, or two files of the same
 * annotator, are a UserError naming the file.
 */
export function tabulateLabels(files: readonly LabelFile[]): LabelTable {
  if (files.length === 0) throw badInput({}, 'no label files given');
  const byAnnotator = new Map<string, LabelFile>();
  let run: string | undefined;
  for (const file of files) {
    for (const label of file.labels) {
      if (run === undefined) run = label.run;
      else if (label.run !== run)
        throw badInput(
          { file: file.file, field: 'run' },
          `labels of run "${label.run}" mixed with run "${run}"; give label files of one run`,
        );
      const owner = byAnnotator.get(label.annotator);
      if (owner && owner !== file)
        throw badInput(
          { file: file.file, field: 'annotator' },
          `annotator "${label.annotator}" also labelled in ${owner.file}; give each annotator's file once`,
        );
      byAnnotator.set(label.annotator, file);
    }
  }
  if (run === undefined) throw badInput({ file: files[0]?.file }, 'the label files hold no label');
  const annotators = [...byAnnotator.keys()].sort();
  const all = files.flatMap((f) => f.labels);
  const perAnnotator = new Map(annotators.map((a) => [a, latestLabels(all.filter((l) => l.annotator === a))] as const));
  const cases = [...new Set(all.map((l) => l.case))].sort();
  const criteria = [...new Set(all.map((l) => l.criterion))];
  const unsure = new Map<string, number>();
  const ratings = new Map(
    criteria.map((criterion) => [
      criterion,
      cases.map((key) =>
        annotators.map((annotator) => {
          const value = perAnnotator.get(annotator)?.get(key)?.get(criterion);
          if (value === 'unsure') unsure.set(criterion, (unsure.get(criterion) ?? 0) + 1);
          return typeof value === 'number' ? value : null;
        }),
      ),
    ]),
  );
  return {
    run,
    files: files.map((f) => f.file),
    annotators,
    cases,
    items: new Map(all.map((l) => [l.case, l.item])),
    criteria,
    rubrics: [...new Set(all.map((l) => l.rubric))],
    modes: [...new Set(all.map((l) => l.mode))],
    ratings,
    unsure,
  };
}

/** The rounded mean of a row's ratings (the pooled human label), or null when nobody rated it. */
export function pooledRating(row: readonly (number | null)[]): number | null {
  const values = row.filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Ratings as a plain table type (for the statistics). */
export function ratingsOf(table: LabelTable, criterion: string): Ratings {
  return table.ratings.get(criterion) ?? [];
}
