/**
 * The value and predicate language of the step grammar: written values and lists, operands (a
 * value or a declared rule parameter), the predicates a condition puts on a member (`is "Enabled"`,
 * `is 7 or more`, `is more than "p" days old`, `is not set`, …) and the fields of a policy
 * statement. Pure string work; `grammar.ts` parses the step forms around them.
 */
import { type Predicate, REGION_KEY, type Scalar } from './model.js';

/**
 * One field of a policy statement as written (`Effect Deny`, `Condition Bool aws:SecureTransport
 * false`, `ConditionKey aws:SourceIp`; `no Condition` is the field `NoCondition` with no value).
 */
export interface StatementField {
  field: string;
  value: string;
}

/** The fields a policy statement step may name, with how many tokens each takes. */
const STATEMENT_FIELDS: Record<string, number> = {
  Effect: 1,
  Principal: 1,
  Action: 1,
  NotAction: 1,
  Resource: 1,
  NotResource: 1,
  Condition: 3,
  ConditionKey: 1,
};

/** One written value: a quoted string, true/false, a number, or one bare word. */
export function parseValue(text: string): Scalar | undefined {
  const t = text.trim();
  if (/^"[^"]*"$/.test(t)) return t.slice(1, -1);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^[^\s",]+$/.test(t)) return t;
  return undefined;
}

/** `a, b and c` / `a or b` / `a, b, or c` → values, or undefined when an item is not a value. */
export function parseList(text: string): Scalar[] | undefined {
  const parts = text.split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/).filter((p) => p !== '');
  const values = parts.map(parseValue);
  return values.length > 0 && values.every((v) => v !== undefined) ? (values as Scalar[]) : undefined;
}

/**
 * A member operand written in a form other than a plain path (`is among the configuration item's
 * "Path"`, `is among the "Path" document's "A.B"`): the compiler resolves its key from these.
 */
export const ITEM_OPERAND = /^the configuration item's "([^"]+)"$/i;
/** See {@link ITEM_OPERAND}: a member of the JSON document held in a string member. */
export const DOCUMENT_OPERAND = /^the "([^"]+)" document's "([^"]+)"$/i;

/** A quoted camelCase name (`"maxDays"`) without its quotes, or undefined. */
export const quotedName = (text: string): string | undefined => /^"([a-z][A-Za-z0-9]*)"$/.exec(text.trim())?.[1];

/** A comparison operand: a declared rule parameter (quoted), or a value. */
function operand(text: string, params: ReadonlySet<string>) {
  const name = quotedName(text.replace(/^the rule parameter\s+/i, ''));
  if (name && (params.has(name) || /^the rule parameter/i.test(text))) return { kind: 'param' as const, name };
  const value = parseValue(text);
  return value === undefined ? undefined : { kind: 'value' as const, value };
}

const NUMERIC: [RegExp, 'gte' | 'gt' | 'lte' | 'lt'][] = [
  [/^is (.+?) or (?:more|greater|higher)$/i, 'gte'],
  [/^is at least (.+)$/i, 'gte'],
  [/^is (.+?) or (?:less|fewer|lower)$/i, 'lte'],
  [/^is at most (.+)$/i, 'lte'],
  [/^is (?:more|greater|higher) than (.+)$/i, 'gt'],
  [/^is (?:less|fewer|lower) than (.+)$/i, 'lt'],
];

/** Age of a timestamp (a state holds it in whole days): `is more than N days old`, `is N days old or less`. */
const AGE: [RegExp, 'olderThan' | 'notOlderThan'][] = [
  [/^is more than (.+?) days old$/i, 'olderThan'],
  [/^is (.+?) days old or less$/i, 'notOlderThan'],
];

/** A predicate as written after a member (`is "Enabled"`, `is 7 or more`, `is not set`, …). */
export function parsePredicate(text: string, params: ReadonlySet<string>): Predicate | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const fixed: Record<string, Predicate> = {
    'is set': { op: 'set' },
    'is present': { op: 'set' },
    'is not set': { op: 'notset' },
    'is absent': { op: 'notset' },
    'is empty': { op: 'empty' },
    'is not empty': { op: 'notempty' },
    'is empty or not set': { op: 'emptyOrNotset' },
    'is not set or empty': { op: 'emptyOrNotset' },
  };
  const hit = fixed[t.toLowerCase()];
  if (hit) return hit;
  let m = /^is (not )?the evaluated Region$/i.exec(t);
  if (m) return { op: m[1] ? 'neq' : 'eq', operand: { kind: 'member', key: REGION_KEY } };
  m =
    /^(?:is|are) (not )?among (?:the "([^"]+)"|(the configuration item's "[^"]+"|the "[^"]+" document's "[^"]+"))$/i.exec(
      t,
    );
  if (m) return { op: m[1] ? 'notAmong' : 'among', operand: { kind: 'member', key: (m[2] ?? m[3]) as string } };
  m = /^(equals|differs from) the "([^"]+)"$/i.exec(t);
  if (m) return { op: /^e/i.test(m[1] as string) ? 'eq' : 'neq', operand: { kind: 'member', key: m[2] as string } };
  m = /^(starts with|does not start with|ends with|does not end with) (.+)$/i.exec(t);
  if (m) {
    const value = parseValue(m[2] as string);
    const words = (m[1] as string).toLowerCase();
    const op = words.includes('start')
      ? words.includes('not')
        ? 'notStartsWith'
        : 'startsWith'
      : words.includes('not')
        ? 'notEndsWith'
        : 'endsWith';
    if (value !== undefined) return { op, value: String(value) };
  }
  for (const [pattern, op] of AGE) {
    m = pattern.exec(t);
    const o = m ? operand(m[1] as string, params) : undefined;
    if (o && (o.kind === 'param' || typeof o.value === 'number')) return { op, operand: o };
  }
  for (const [pattern, op] of NUMERIC) {
    const m = pattern.exec(t);
    const o = m ? operand(m[1] as string, params) : undefined;
    if (o && (o.kind === 'param' || typeof o.value === 'number')) return { op, operand: o };
  }
  m = /^is between (-?\d+(?:\.\d+)?) and (-?\d+(?:\.\d+)?)$/i.exec(t);
  if (m) return { op: 'between', low: Number(m[1]), high: Number(m[2]) };
  m = /^is (?:not in|not listed in|not one of the values of) (?:the rule parameter )?("[a-z][A-Za-z0-9]*")$/i.exec(t);
  if (m) return { op: 'notinParam', param: quotedName(m[1] as string) as string };
  m = /^is (?:in|listed in|one of the values of|one of) (?:the rule parameter )?("[a-z][A-Za-z0-9]*")$/i.exec(t);
  if (m && params.has(quotedName(m[1] as string) as string))
    return { op: 'inParam', param: quotedName(m[1] as string) as string };
  m = /^is (.+?) or not set$/i.exec(t);
  if (m) {
    const values = parseList(m[1] as string);
    if (values) return { op: 'inOrNotset', values };
  }
  m = /^is not one of (.+)$/i.exec(t);
  if (m) {
    const values = parseList(m[1] as string);
    if (values) return { op: 'notin', values };
  }
  m = /^is one of (.+)$/i.exec(t);
  if (m) {
    const values = parseList(m[1] as string);
    if (values) return { op: 'in', values };
  }
  m = /^is ((?:"[^"]*"|[^\s",]+)(?:(?:,| or| and)\s*(?:or )?(?:"[^"]*"|[^\s",]+))*\sor\s(?:"[^"]*"|[^\s",]+))$/i.exec(
    t,
  );
  if (m) {
    const values = parseList(m[1] as string);
    if (values && values.length > 1) return { op: 'in', values };
  }
  m = /^(?:is not|does not equal) (.+)$/i.exec(t);
  if (m) {
    const o = operand(m[1] as string, params);
    if (o) return { op: 'neq', operand: o };
  }
  m = /^(?:is|equals|is equal to) (.+)$/i.exec(t);
  if (m) {
    const o = operand(m[1] as string, params);
    if (o) return { op: 'eq', operand: o };
  }
  m = /^(does not contain|contains|includes|does not include) (.+)$/i.exec(t);
  if (m) {
    const value = parseValue(m[2] as string);
    if (value !== undefined) return { op: /not/i.test(m[1] as string) ? 'notcontains' : 'contains', value };
  }
  m = /^holds (only )?(.+)$/i.exec(t);
  if (m) {
    const values = parseList((m[2] as string).replace(/,?\s+without\s+.+$/i, ''));
    if (values) return { op: m[1] ? 'holdsOnly' : 'holds', values };
  }
  return undefined;
}

/** The statement field named by token `i` (any case), or undefined. */
const fieldAt = (tokens: readonly string[], i: number) =>
  Object.keys(STATEMENT_FIELDS).find((f) => f.toLowerCase() === tokens[i]?.toLowerCase());

/**
 * Whether the `Condition` at token `i` names an operator and a key only (`Condition IpAddress
 * aws:SourceIp`: any value): its third token is missing, a comma, or `and` before another field.
 */
function endsAfterKey(tokens: readonly string[], i: number): boolean {
  const third = tokens[i + 3];
  if (third === undefined || third === ',') return true;
  return /^and$/i.test(third) && (fieldAt(tokens, i + 4) !== undefined || /^no$/i.test(tokens[i + 4] ?? ''));
}

/**
 * `Effect Deny, Principal "*", Action "s3:*" and Condition Bool aws:SecureTransport false` → fields.
 * `Condition OPERATOR KEY` without a value is a condition with that operator on that key, any value.
 */
export function parseStatement(text: string): StatementField[] | undefined {
  const tokens = text.match(/"[^"]*"|,|[^\s",]+/g) ?? [];
  const fields: StatementField[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (/^no$/i.test(tokens[i] ?? '') && /^condition$/i.test(tokens[i + 1] ?? '')) {
      fields.push({ field: 'NoCondition', value: '' });
      i += 2;
      if (tokens[i] === ',') i++;
      if (/^and$/i.test(tokens[i] ?? '')) i++;
      continue;
    }
    const field = fieldAt(tokens, i);
    if (!field) return undefined;
    const width = field === 'Condition' && endsAfterKey(tokens, i) ? 2 : (STATEMENT_FIELDS[field] as number);
    const values = tokens.slice(i + 1, i + 1 + width);
    if (values.length < width || values.some((x) => x === ',' || (/^and$/i.test(x) && width === 1))) return undefined;
    fields.push({ field, value: values.map((x) => x.replace(/^"(.*)"$/, '$1')).join(' ') });
    i += 1 + width;
    if (tokens[i] === ',') i++;
    if (/^and$/i.test(tokens[i] ?? '')) i++;
  }
  return fields.length > 0 ? fields : undefined;
}
