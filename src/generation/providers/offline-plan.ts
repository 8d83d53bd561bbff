/**
 * The offline reference generator's plan: which Boto3 calls, which fields, which values, as a list
 * of checks in the CoT analysis shape. Built only from the request's context: with retrieved
 * passages it picks real operations and member paths from them; without, it forms names from the
 * requirement's words (guesses, often wrong). See `offline.ts` for the whole algorithm.
 */

import type { Analysis, AnalysisCheck } from '../analysis.js';
import type { GenerationContext, RetrievedPassage } from '../providers/types.js';
import {
  conditionsFor,
  type FieldCandidate,
  leafOf,
  outputMembers,
  parameterName,
  rankFields,
} from './offline-fields.js';
import { pascal, plural, type RequirementReading, readRequirement, singular, stem } from './offline-terms.js';

/** How much the plan enumerates: `direct` (one best field), `analysis` (up to 3 fields + the absent case). */
export type PlanMode = 'direct' | 'analysis';

/** The resource noun of a plan, for step wording. */
export interface PlanNoun {
  singular: string;
  plural: string;
}

function call(p: { service: string; method: string }): string {
  return `${p.service}.${p.method}`;
}

function guessedNoun(reading: RequirementReading): PlanNoun {
  const ws = reading.subject.length ? reading.subject : ['resource'];
  const last = ws[ws.length - 1] ?? 'resource';
  return { singular: ws.join(' '), plural: [...ws.slice(0, -1), plural(last)].join(' ') };
}

function snake(ws: readonly string[]): string {
  return ws.join('_');
}

function nounFromPassage(p: RetrievedPassage, fallback: PlanNoun): PlanNoun {
  const m = /^(?:list|describe|get)_(.+)$/.exec(p.method);
  if (!m?.[1]) return fallback;
  const ws = m[1].split('_').filter((w, i, all) => !(i === all.length - 1 && /^v\d+$/.test(w) && all.length > 1));
  const last = ws[ws.length - 1] ?? '';
  return {
    singular: [...ws.slice(0, -1), singular(last)].join(' '),
    plural: [...ws.slice(0, -1), plural(singular(last))].join(' '),
  };
}

/** Pick the enumerating call among passages: list/describe, with a list member, naming the subject. */
function enumerator(passages: RetrievedPassage[], reading: RequirementReading): RetrievedPassage | undefined {
  const subjectStems = reading.subject.map(stem);
  let best: RetrievedPassage | undefined;
  let bestScore = -1;
  for (const p of passages) {
    let score = 0;
    if (/^list_/.test(p.method)) score += 2;
    else if (/^describe_/.test(p.method)) score += 1;
    else continue;
    if (p.members.some((m) => m.includes('[]'))) score += 1;
    const methodStems = p.method.split('_').map(stem);
    score += subjectStems.filter((s) => methodStems.includes(s)).length;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** Add a field's NON_COMPLIANT and COMPLIANT checks. */
function addPair(
  nc: AnalysisCheck[],
  c: AnalysisCheck[],
  where: string,
  field: string,
  cond: { insecure: string; secure: string },
): void {
  nc.push({
    description: `${field} ${cond.insecure}`,
    call: where,
    field,
    condition: cond.insecure,
    outcome: 'NON_COMPLIANT',
  });
  c.push({ description: `${field} ${cond.secure}`, call: where, field, condition: cond.secure, outcome: 'COMPLIANT' });
}

/** The best describe_/get_ passage: one whose method names the subject, else the first. */
function readerCall(passages: readonly RetrievedPassage[], reading: RequirementReading): RetrievedPassage | undefined {
  const readers = passages.filter((p) => /^(describe|get)_/.test(p.method));
  const subjectStems = reading.subject.map(stem);
  return readers.find((p) => p.method.split('_').some((w) => subjectStems.includes(stem(w)))) ?? readers[0];
}

/** The list member an enumerating call returns (`NotebookInstances[]`), from its first `[]` output path. */
function listMember(p: RetrievedPassage): string | undefined {
  const path = outputMembers(p).find((m) => m.includes('[]'));
  return path ? path.slice(0, path.indexOf('[]') + 2) : undefined;
}

const QUOTED_CALL = /"([a-z0-9-]+)\.([a-z0-9_]+)"/g;

/**
 * Calls of the item's own service that the few-shot exemplars quote: the list call and the
 * describe/get call whose method names share the most stems with the subject (none: undefined).
 */
function exemplarCalls(
  ctx: GenerationContext,
  service: string,
  reading: RequirementReading,
): { list?: string; describe?: string } {
  const subjectStems = reading.subject.map(stem);
  const best = (prefix: RegExp): string | undefined => {
    let found: string | undefined;
    let score = -1;
    for (const e of ctx.exemplars ?? []) {
      for (const m of e.gherkin.matchAll(QUOTED_CALL)) {
        if (m[1] !== service || !prefix.test(m[2] ?? '')) continue;
        const stems = (m[2] ?? '').split('_').map(stem);
        const s = subjectStems.filter((x) => stems.includes(x)).length;
        if (s > score) {
          found = `${m[1]}.${m[2]}`;
          score = s;
        }
      }
    }
    return found;
  };
  return { list: best(/^list_/), describe: best(/^(describe|get)_/) };
}

function ruleParameter(reading: RequirementReading): { name: string; type: string; value: number } | undefined {
  if (!reading.threshold) return undefined;
  const unit = reading.threshold.unit;
  return { name: parameterName(unit), type: 'int', value: reading.threshold.value };
}

/** The plan: an analysis (resources, calls, insecure configurations, checks) plus the rule parameter, if any. */
export interface OfflinePlan {
  analysis: Analysis;
  noun: PlanNoun;
  parameter?: { name: string; type: string; value: number };
}

/** Build the plan from a request context (see `offline.ts`). Deterministic. */
export function planFromContext(ctx: GenerationContext, mode: PlanMode): OfflinePlan {
  const reading = readRequirement(ctx.requirement, ctx.service, ctx.resourceType);
  const service = ctx.service ?? reading.subject[0] ?? 'aws';
  const passages = (ctx.passages ?? []).filter((p) => !ctx.service || p.service === ctx.service);
  const usable = passages.length ? passages : (ctx.passages ?? []);
  let noun = guessedNoun(reading);
  const checks: AnalysisCheck[] = [];
  const nc: AnalysisCheck[] = [];
  const c: AnalysisCheck[] = [];
  let listCall: string;
  let listPath: string | undefined;

  if (usable.length) {
    const lister = enumerator(usable, reading);
    noun = lister ? nounFromPassage(lister, noun) : noun;
    listCall = lister ? call(lister) : call(usable[0]!);
    // No list_ call retrieved: a list_ call of the same service quoted by an exemplar is better.
    const borrowedList = lister && /^list_/.test(lister.method) ? undefined : exemplarCalls(ctx, service, reading).list;
    if (borrowedList) listCall = borrowedList;
    const candidates = rankFields(usable, reading);
    const chosen: FieldCandidate[] = [];
    for (const cand of candidates) {
      if (chosen.length >= (mode === 'analysis' ? 3 : 1)) break;
      if (chosen.some((x) => leafOf(x.path) === leafOf(cand.path))) continue;
      chosen.push(cand);
    }
    for (const f of chosen) addPair(nc, c, call(f.passage), f.path, conditionsFor(f.path, reading, f.passage));
    if (!chosen.length) {
      // No member matched: fall back to word-formed fields on the best describe/get call retrieved.
      const reader = readerCall(usable, reading) ?? lister ?? usable[0]!;
      for (const phrase of reading.phrases.slice(0, mode === 'analysis' ? 3 : 1)) {
        const field = pascal(phrase);
        addPair(nc, c, call(reader), field, conditionsFor(field, reading));
      }
    }
    listPath = lister && !borrowedList ? listMember(lister) : undefined;
  } else {
    const borrowed = exemplarCalls(ctx, service, reading);
    listCall = borrowed.list ?? `${service}.list_${snake(noun.plural.split(' '))}`;
    const describe = borrowed.describe ?? `${service}.describe_${snake(noun.singular.split(' '))}`;
    for (const phrase of reading.phrases.slice(0, mode === 'analysis' ? 3 : 1)) {
      const field = pascal(phrase);
      addPair(nc, c, describe, field, conditionsFor(field, reading));
    }
  }
  // CoT spells out the absent-field case of the first field as its own check.
  const firstNc = nc[0];
  if (mode === 'analysis' && firstNc && firstNc.condition !== 'is not set' && !reading.negated) {
    nc.splice(1, 0, { ...firstNc, description: `${firstNc.field} is not set`, condition: 'is not set' });
  }
  checks.push({
    description: `no ${noun.plural} exist`,
    call: listCall,
    field: listPath ?? '',
    condition: listPath ? `returns no ${noun.plural} in "${listPath}"` : `returns no ${noun.plural}`,
    outcome: 'NOT_APPLICABLE',
  });
  checks.push(...nc, ...c);
  const parameter = ruleParameter(reading);
  if (parameter) {
    checks.push({
      description: `the "${parameter.name}" parameter is invalid`,
      call: '',
      field: parameter.name,
      condition: 'is not a positive integer',
      outcome: 'ERROR',
    });
  }
  const analysis: Analysis = {
    resources: [ctx.resourceType ?? `AWS::${pascal([service])}::${pascal(noun.singular.split(' '))}`],
    boto3_calls: [...new Set([listCall, ...nc.map((x) => x.call)])],
    insecure_configurations: nc.map((x) => `"${x.field}" ${x.condition} (${x.call})`),
    checks,
  };
  return { analysis, noun, parameter };
}

/**
 * CoT step 2 with exemplars in view. Without passages, the analysis's calls that no exemplar quotes
 * are replaced by the same-service calls the exemplars do quote (a list_ call for a list_ call, a
 * describe_/get_ call for a describe_/get_ call), as a writer copying from worked examples would.
 * With passages, only a non-list enumerating call gives way to an exemplar's list_ call.
 */
export function withExemplarCalls(analysis: Analysis, ctx: GenerationContext): Analysis {
  if (!ctx.exemplars?.length) return analysis;
  const reading = readRequirement(ctx.requirement, ctx.service, ctx.resourceType);
  const service = ctx.service ?? reading.subject[0] ?? 'aws';
  const borrowed = exemplarCalls(ctx, service, reading);
  if (ctx.passages?.length) {
    // With passages only the enumerating call is at stake: a retrieved non-list call gives way to
    // an exemplar's list_ call (as in the direct plan).
    const na = analysis.checks.find((c) => c.outcome === 'NOT_APPLICABLE');
    if (!na || !borrowed.list || /\.list_/.test(na.call)) return analysis;
    const list = borrowed.list;
    const checks = analysis.checks.map((c) =>
      c === na ? { ...c, call: list, field: '', condition: c.condition.replace(/ in "[^"]*"$/, '') } : c,
    );
    return {
      ...analysis,
      boto3_calls: [...new Set([list, ...analysis.boto3_calls.filter((c) => c !== na.call)])],
      checks,
    };
  }
  const quoted = new Set(
    ctx.exemplars.flatMap((e) => [...e.gherkin.matchAll(QUOTED_CALL)].map((m) => `${m[1]}.${m[2]}`)),
  );
  const swap = (c: string): string => {
    if (!c || quoted.has(c)) return c;
    const method = c.slice(c.indexOf('.') + 1);
    if (/^list_/.test(method)) return borrowed.list ?? c;
    if (/^(describe|get)_/.test(method)) return borrowed.describe ?? c;
    return c;
  };
  return {
    ...analysis,
    boto3_calls: [...new Set(analysis.boto3_calls.map(swap))],
    checks: analysis.checks.map((check) => ({ ...check, call: swap(check.call) })),
  };
}
