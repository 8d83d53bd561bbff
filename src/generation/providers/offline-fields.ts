/**
 * The offline reference generator's fields: which member paths of the retrieved operations match
 * a requirement, and which values of a field are insecure or secure. Reads passage texts in the
 * knowledge base's rendered format (`  -> Path: enum(A|B) — doc`). See `offline.ts`.
 */
import type { RetrievedPassage } from '../providers/types.js';
import { nameTokens, pascal, type RequirementReading, stem } from './offline-terms.js';

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
export interface FieldCandidate {
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

/** The member's own name: the last segment of a path, without `[]` / `{}`. */
export function leafOf(path: string): string {
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

const SETTING_LEAF = /(Status|Mode|Policy|Type|Level|Enabled|Encrypted|Protocol|Algorithm)$/;

/** True when a member reads as a setting: a boolean-looking name, enum values, or a Status/Mode/… leaf. */
function settingLike(p: RetrievedPassage, path: string): boolean {
  const leaf = leafOf(path);
  return SETTING_LEAF.test(leaf) || looksBoolean(p.text, path) || enumValuesIn(p.text, path).length >= 2;
}

/**
 * Rank the output member paths of the passages for a requirement (all members when no passage
 * marks any as output). A path is a candidate when its match ({@link fieldScore}) is at least 1;
 * its rank adds priors: +0.5 for a setting-like member, +0.3 − 0.1 × the passage's rank (not below
 * 0), +0.3 when the passage's method names the subject, +0.2 for the first three members the
 * retriever listed, −0.1 per path segment beyond the first. Ties keep passage and member order.
 */
export function rankFields(passages: readonly RetrievedPassage[], reading: RequirementReading): FieldCandidate[] {
  const subjectStems = reading.subject.map(stem);
  const anyOutput = passages.some((p) => outputMembers(p).length > 0);
  const out: FieldCandidate[] = [];
  let order = 0;
  passages.forEach((p, rank) => {
    const methodStems = p.method.split('_').map(stem);
    const namesSubject = subjectStems.some((s) => methodStems.includes(s));
    (anyOutput ? outputMembers(p) : p.members).forEach((path, position) => {
      const match = fieldScore(path, reading);
      order++;
      if (match < 1) return;
      const depth = path.split('.').length - 1;
      const score =
        match +
        (settingLike(p, path) ? 0.5 : 0) +
        Math.max(0, 0.3 - 0.1 * rank) +
        (namesSubject ? 0.3 : 0) +
        (position < 3 ? 0.2 : 0) -
        0.1 * depth;
      out.push({ passage: p, path, score, order });
    });
  });
  return out.sort((a, b) => b.score - a.score || a.order - b.order);
}
