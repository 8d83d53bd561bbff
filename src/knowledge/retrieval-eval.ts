/**
 * The retrieval benchmark: security requirements with the Boto3 methods a control for each must
 * call, and hit@k / MRR of the retriever on them. Two sets: `heldout.csv` (the headline; the
 * engineer-written evaluation requirements of datasets/aws-config-rules, which nothing was tuned
 * on) and `dev.csv` (what the vocabulary and ranking may be tuned on: few-shot items and
 * requirements for Security Hub controls no evaluation item covers). A requirement counts as
 * found at the rank of the first of its methods in the results.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { badInput } from '../errors.js';
import { packagePath } from '../paths.js';
import type { ServiceCatalog } from './catalog.js';
import { createRetriever } from './retrieval.js';

/** One row of the retrieval set. */
export interface RetrievalCase {
  id: string;
  service: string;
  resourceType: string;
  requirement: string;
  /** `service.method` calls, any of which counts as found. */
  methods: string[];
  /** 1-based line of the row in the CSV. */
  line: number;
}

/** Retrieval quality over a set. */
export interface RetrievalScores {
  n: number;
  hit1: number;
  hit5: number;
  hit10: number;
  mrr: number;
}

/** Per-case outcome (for the text report). */
export interface RetrievalCaseResult {
  id: string;
  /** 1-based rank of the first expected method, or null when not in the top `depth`. */
  rank: number | null;
  top: string[];
  expected: string[];
}

/** The shipped held-out retrieval set (the headline; never tuned on). */
export function defaultRetrievalSetPath(): string {
  return packagePath('datasets', 'retrieval', 'heldout.csv');
}

/** The shipped development retrieval set (what tuning may look at). */
export function devRetrievalSetPath(): string {
  return packagePath('datasets', 'retrieval', 'dev.csv');
}

const COLUMNS = ['id', 'service', 'resource_type', 'requirement', 'methods'] as const;

/** Load and check a retrieval set; with a catalog, every service and method must exist. */
export function loadRetrievalSet(file = defaultRetrievalSetPath(), catalog?: ServiceCatalog): RetrievalCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw badInput({ file }, 'cannot read the retrieval set; pass an existing CSV file', cause);
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (cause) {
    throw badInput({ file }, `not valid CSV: ${(cause as Error).message}`, cause);
  }
  const header = Object.keys(rows[0] ?? {});
  for (const column of COLUMNS)
    if (!header.includes(column))
      throw badInput({ file, line: 1, field: column }, `missing column; need ${COLUMNS.join(',')}`);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const line = i + 2;
    const id = row.id ?? '';
    if (!id || seen.has(id)) throw badInput({ file, line, field: 'id' }, `missing or duplicate id "${id}"`);
    seen.add(id);
    const methods = (row.methods ?? '')
      .split('|')
      .map((m) => m.trim())
      .filter(Boolean);
    if (!row.requirement) throw badInput({ file, line, field: 'requirement' }, 'empty requirement');
    if (methods.length === 0) throw badInput({ file, line, field: 'methods' }, 'list at least one service.method');
    if (catalog) {
      for (const ref of methods) {
        const [service = '', method = ''] = ref.split('.');
        const operation = catalog.hasService(service) ? catalog.service(service).resolveOperation(method) : undefined;
        if (!operation || catalog.service(service).methodOf(operation) !== method)
          throw badInput({ file, line, field: 'methods' }, `"${ref}" is not a Boto3 method of the pinned models`);
      }
    }
    return {
      id,
      service: row.service ?? '',
      resourceType: row.resource_type ?? '',
      requirement: row.requirement,
      methods,
      line,
    };
  });
}

/** Score a retriever on a set: narrowed by each row's service unless `useService` is false. */
export function evaluateRetrieval(
  catalog: ServiceCatalog,
  cases: RetrievalCase[],
  options: { useService?: boolean; depth?: number } = {},
): { scores: RetrievalScores; results: RetrievalCaseResult[] } {
  const useService = options.useService ?? true;
  const depth = options.depth ?? 10;
  const retriever = createRetriever(catalog);
  const results = cases.map((c) => {
    const hits = retriever.retrieve(c.requirement, {
      k: depth,
      ...(useService && c.service ? { service: c.service } : {}),
    });
    const top = hits.map((h) => `${h.service}.${h.method}`);
    const index = top.findIndex((ref) => c.methods.includes(ref));
    return { id: c.id, rank: index < 0 ? null : index + 1, top, expected: c.methods };
  });
  const n = results.length;
  const share = (k: number) => (n === 0 ? 0 : results.filter((r) => r.rank !== null && r.rank <= k).length / n);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const mrr = n === 0 ? 0 : results.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / n;
  return {
    scores: { n, hit1: round(share(1)), hit5: round(share(5)), hit10: round(share(10)), mrr: round(mrr) },
    results,
  };
}
