/**
 * The offline reference generator's plan: which Boto3 calls, which fields, which values, as a list
 * of checks in the CoT analysis shape. Built only from the request's context: with retrieved
 * passages it picks real operations and member paths from them; without, it forms names from the
 * requirement's words (guesses, often wrong). See `offline.ts` for the whole algorithm.
 */

import type { Analysis, AnalysisCheck } from '../analysis.js';
import type { GenerationContext, RetrievedPassage } from '../providers/types.js';
import {
  nameTokens,
  pascal,
  plural,
  type RequirementReading,
  readRequirement,
  singular,
  stem,
} from './offline-terms.js';

/** How much the plan enumerates: `direct` (one best field), `analysis` (up to 3 fields + the absent case). */
export type PlanMode = 'direct' | 'analysis';

/** The resource noun of a plan, for step wording. */
export interface PlanNoun {
  singular: string;
  plural: string;
}

/** Field tokens that carry no security meaning (identifiers, timestamps). */
const GENERIC = new Set([
  'id',
  'arn',
  'name',
  'time',
  'date',
  'creation',
  'last',
  'modified',
  'token',
  'next',
  'marker',
]);
const ON_VALUE = /^(enabled?|true|on|yes|public|allow(ed)?|open|active|all)$/i;
const OFF_VALUE = /^(disabled?|false|off|no|none|private|deny|denied|block(ed)?|inactive|plaintext|unencrypted)$/i;
const BOOLEAN_NAME = /^(Is|Enable|Has|Allow|Require)[A-Z]|(Enabled|Encrypted|Accessible|Protection|Required)$/;

/** One candidate field: a member path of a retrieved operation and its match with the requirement. */
interface FieldCandidate {
  passage: RetrievedPassage;
  path: string;
  score: number;
  order: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The member paths a passage shows as OUTPUT members (`-> Path: …` lines), in order. */
export function outputMembers(p: RetrievedPassage): string[] {
  return p.members.filter((m) => p.text.split('\n').some((l) => l.trimStart().startsWith(`-> ${m}:`)));
}

function leafOf(path: string): string {
  return (
    path
      .replace(/(\[\]|\{\})/g, '')
      .split('.')
      .pop() ?? path
  );
}

/** Score a member path: matching stems of its leaf count 1, of its parents 0.5; generic tokens and the subject count 0. */
export function fieldScore(path: string, reading: RequirementReading): number {
  const segments = path.replace(/(\[\]|\{\})/g, '').split('.');
  let score = 0;
  segments.forEach((segment, i) => {
    const weight = i === segments.length - 1 ? 1 : 0.5;
    for (const token of nameTokens(segment)) {
      const s = stem(token);
      if (GENERIC.has(s)) continue;
      if (reading.securityStems.has(s)) score += weight;
    }
  });
  return score;
}

/**
 * Enum values of a member as a passage's text shows them, on a line naming the member: boto3
 * response syntax (`'Enabled'|'Disabled'`), or a list after `enum`, `one of` or `values`
 * (`|` or `,` separated), or parenthesised alternatives `(A|B)`.
 */
export function enumValuesIn(text: string, path: string): string[] {
  const leaf = leafOf(path);
  const all = text.split('\n');
  const exact = all.filter((l) => l.includes(`${path}:`));
  const lines = exact.length ? exact : all.filter((l) => new RegExp(`\\b${escapeRegExp(leaf)}\\b`).test(l));
  for (const line of lines) {
    const at = exact.length
      ? line.indexOf(`${path}:`) + path.length
      : line.search(new RegExp(`\\b${escapeRegExp(leaf)}\\b`)) + leaf.length;
    const after = line.slice(at);
    const quoted = /(['"])([^'"|]+)\1(?:\s*\|\s*(['"])[^'"|]+\3)+/.exec(after);
    if (quoted) return [...quoted[0].matchAll(/['"]([^'"|]+)['"]/g)].map((m) => m[1] ?? '').filter(Boolean);
    const listed = /(?:enum|one of|values?)\s*[:=]?\s*\[?\s*([A-Za-z0-9_.:-]+(?:\s*[|,]\s*[A-Za-z0-9_.:-]+)+)/i.exec(
      after,
    );
    if (listed) return (listed[1] ?? '').split(/\s*[|,]\s*/).filter(Boolean);
    const paren = /\(([A-Za-z0-9_.:-]+(?:\s*\|\s*[A-Za-z0-9_.:-]+)+)\)/.exec(after);
    if (paren) return (paren[1] ?? '').split(/\s*\|\s*/).filter(Boolean);
  }
  return [];
}

const NUMERIC_NAME = /(Days|Period|Count|Age|Length|Hours|Minutes|Seconds|Retention|Size|Number)$/;

/** Threshold conditions (`is less than the "minimumDays" parameter`) for a numeric field when the requirement states a threshold. */
function thresholdConditions(
  path: string,
  reading: RequirementReading,
  passage?: RetrievedPassage,
): { insecure: string; secure: string } | undefined {
  if (!reading.threshold) return undefined;
  const leaf = leafOf(path);
  const numericDoc =
    passage?.text.split('\n').some((l) => new RegExp(`\\b${leaf}\\b.*\\b(integer|long|int)\\b`, 'i').test(l)) ?? false;
  const unitStem = stem(reading.threshold.unit);
  const named = nameTokens(leaf).some((t) => stem(t) === unitStem);
  if (!numericDoc && !NUMERIC_NAME.test(leaf) && !named) return undefined;
  const parameter = parameterName(reading.threshold.unit);
  return {
    insecure: `is less than the "${parameter}" parameter`,
    secure: `is at least the "${parameter}" parameter`,
  };
}

/** The camelCase rule parameter of a threshold unit (`days` → minimumDays). */
export function parameterName(unit: string): string {
  return `minimum${pascal([unit])}`;
}

function looksBoolean(text: string, path: string): boolean {
  const leaf = leafOf(path);
  if (BOOLEAN_NAME.test(leaf)) return true;
  return text.split('\n').some((l) => new RegExp(`\\b${leaf}\\b.*\\b(boolean|True\\s*\\|\\s*False)\\b`, 'i').test(l));
}

/** The insecure and secure conditions of a field (the text after `its "<field>"`). */
export function conditionsFor(
  path: string,
  reading: RequirementReading,
  passage?: RetrievedPassage,
): { insecure: string; secure: string } {
  const values = passage ? enumValuesIn(passage.text, path) : [];
  const threshold = thresholdConditions(path, reading, passage);
  if (threshold) return threshold;
  if (values.length >= 2) {
    const on = values.find((v) => ON_VALUE.test(v));
    const off = values.find((v) => OFF_VALUE.test(v));
    const matching = values.find((v) => nameTokens(v).some((t) => reading.securityStems.has(stem(t))));
    let bad: string | undefined;
    let good: string | undefined;
    if (reading.negated) {
      bad = on ?? values[0];
      good = off ?? values.find((v) => v !== bad);
    } else {
      bad = off;
      good = matching ?? on ?? values.find((v) => v !== bad);
    }
    return { insecure: bad ? `is "${bad}"` : 'is not set', secure: good ? `is "${good}"` : 'is set' };
  }
  if (!passage || looksBoolean(passage.text, path)) {
    return reading.negated ? { insecure: 'is true', secure: 'is false' } : { insecure: 'is false', secure: 'is true' };
  }
  return reading.negated ? { insecure: 'is set', secure: 'is not set' } : { insecure: 'is not set', secure: 'is set' };
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

  if (usable.length) {
    const lister = enumerator(usable, reading);
    noun = lister ? nounFromPassage(lister, noun) : noun;
    listCall = lister ? call(lister) : call(usable[0]!);
    const candidates: FieldCandidate[] = [];
    let order = 0;
    const anyOutput = usable.some((p) => outputMembers(p).length > 0);
    for (const p of usable) {
      for (const path of anyOutput ? outputMembers(p) : p.members) {
        const score = fieldScore(path, reading);
        if (score >= 1) candidates.push({ passage: p, path, score, order: order++ });
        else order++;
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.order - b.order);
    const chosen: FieldCandidate[] = [];
    for (const cand of candidates) {
      if (chosen.length >= (mode === 'analysis' ? 3 : 1)) break;
      if (chosen.some((x) => leafOf(x.path) === leafOf(cand.path))) continue;
      chosen.push(cand);
    }
    for (const f of chosen) {
      const cond = conditionsFor(f.path, reading, f.passage);
      const where = call(f.passage);
      nc.push({
        description: `${f.path} ${cond.insecure}`,
        call: where,
        field: f.path,
        condition: cond.insecure,
        outcome: 'NON_COMPLIANT',
      });
      c.push({
        description: `${f.path} ${cond.secure}`,
        call: where,
        field: f.path,
        condition: cond.secure,
        outcome: 'COMPLIANT',
      });
    }
  } else {
    const borrowed = exemplarCalls(ctx, service, reading);
    listCall = borrowed.list ?? `${service}.list_${snake(noun.plural.split(' '))}`;
    const describe = borrowed.describe ?? `${service}.describe_${snake(noun.singular.split(' '))}`;
    const phrases = reading.phrases.slice(0, mode === 'analysis' ? 3 : 1);
    for (const phrase of phrases) {
      const field = pascal(phrase);
      const cond = conditionsFor(field, reading);
      nc.push({
        description: `${field} ${cond.insecure}`,
        call: describe,
        field,
        condition: cond.insecure,
        outcome: 'NON_COMPLIANT',
      });
      c.push({
        description: `${field} ${cond.secure}`,
        call: describe,
        field,
        condition: cond.secure,
        outcome: 'COMPLIANT',
      });
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
    field: '',
    condition: `returns no ${noun.plural}`,
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
