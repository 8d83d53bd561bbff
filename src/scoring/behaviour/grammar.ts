/**
 * The step grammar (datasets/README.md, "The step grammar"): one Given/And step's text → what it
 * means, with paths and calls still as written. Pure string work; the compiler resolves paths
 * against botocore. Returns undefined for a step no form matches.
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

/**
 * Which member of `path` a condition reads when it is not the path itself: one entry of a map
 * (`the "M{}" value of KEY`), the entry of a list whose key member has a value (`the "L[].B" of the
 * entry whose "L[].A" is V`), whether a policy document has a statement with these fields, a
 * member of a JSON document held in a string (`the "Path" document's "A.B"`), or the elements of a
 * list among the entries whose key member has a value (`every "L[].X" of the entries whose "L[].Y" is V`).
 */
export type Derivation =
  | { kind: 'mapEntry'; entry: string }
  | { kind: 'keyedEntry'; keyPath: string; keyValue: Scalar }
  /** `entry`: the document is one entry of a map (`the "Attributes{}" value of Policy document has …`). */
  | { kind: 'statement'; fields: StatementField[]; entry?: string }
  | { kind: 'document'; member: string }
  | { kind: 'filtered'; keyPath: string; keyValue: Scalar };

/**
 * A condition on a member path as written (its call, when the step names one). A member operand
 * (`equals the "Path2"`) still holds the written path as its key; the compiler resolves it.
 */
export interface RawCondition {
  path: string;
  call?: string;
  predicate: Predicate;
  derive?: Derivation;
  /** `path` names a rule parameter (`the rule parameter "p" …` inside `either … or …`). */
  param?: true;
  /**
   * Read from the AWS Config configuration item (`the configuration item's "Path"`): `path` is a
   * member of the call describing the item's resource type; {@link RESOURCE_TYPE_PATH} is its type.
   */
  item?: true;
}

/** The path of `the configuration item's resource type is T`. */
export const RESOURCE_TYPE_PATH = '@resourceType';

/** What one step means. */
export type StepMeaning =
  /** A resource exists (described/returned by `call`, or on a later page), with conditions. */
  | { kind: 'subject'; call?: string; conditions: RawCondition[] }
  /**
   * `call` returns nothing, an empty `path` (`test: 'empty'`) or no `path` (`'notset'`); `scoped`:
   * said of another resource (`for that user`).
   */
  | { kind: 'nothing'; call: string; path?: string; test: 'empty' | 'notset'; scoped: boolean }
  /** Paging words, or the calls a control makes: no condition. */
  | { kind: 'neutral' }
  /** Conditions on members. */
  | { kind: 'conditions'; conditions: RawCondition[] }
  /** `either A or B`: at least one of the conditions holds. */
  | { kind: 'either'; branches: RawCondition[] }
  /** `call` fails with an error code. */
  | { kind: 'error'; call: string; code: string }
  /** A rule parameter test. */
  | { kind: 'param'; name: string; predicate: Predicate | { op: 'invalid' } };

const CALL = '"([a-z0-9-]+\\.[a-z][a-z0-9_]*)"';
const Q = '"([^"]+)"';
const FOR = '(?:\\s+for\\s+(?:[^",]+?|[^",]*?"[^"]+"))?';
const PAGED = '(?:,\\s+paged with "[^"]+"(?:\\s+(?:until it is not set|while "[^"]+" is true))?,)?';
const VALUE_RE = '(?:"[^"]*"|[^\\s",]+)';

const re = (source: string) => new RegExp(`^${source}$`, 'i');
const SUBJECT_BY = re(
  `(?:a|an|one)\\s+[^"]*?(?:\\s+(?:in|named in|listed in|from)\\s+${Q})?\\s+(?:(?:described|returned|listed)\\s+)?(?:by|of)\\s+${CALL}(?:\\s+with\\s+[^"]*(?:"[^"]*")?)?(?:\\s+(?:whose|where)\\s+(.+))?`,
);
const SUBJECT_WITH = re(
  `(?:a|an|one)\\s+[^"]*?(?:\\s+(?:in|named in|listed in|from)\\s+${Q})?\\s+(?:(?:described|returned|listed)\\s+)?(?:by|of)\\s+${CALL}\\s+with\\s+(no\\s+"[^"]+"|"[^"]+"\\s+.+)`,
);
const SUBJECT_WHOSE_CALL = re(`(?:a|an|one)\\s+[^"]*?\\s+whose\\s+${CALL}${FOR}\\s+returns\\s+(.+)`);
const NEXT_PAGE = re(`the next page (?:contains|holds|lists|has|returns) (?:a|an|one) [^"]*?\\bwhose\\s+(.+)`);
const CALL_STEP = re(`${CALL}${FOR}${PAGED}\\s+(returns|fails with the error code)\\s+(.+)`);
const CALLS = re(`the rule(?:'s code)? (?:calls|uses) ${CALL}(?:(?:,\\s*|\\s+and\\s+)${CALL})*`);
const PARAM = re(`the rule parameter ${Q}\\s+(.+)`);
const CONDITION_SUBJECT = re(`(?:its|their|the|that [a-z-]+'s|the [a-z ]+'s)\\s+${Q}\\s+(.+)`);
const BARE_CONDITION = re(`${Q}\\s+((?:is|equals|contains|does|holds)\\b.+)`);
const ONE_OF_ITS = re(`one of (?:its|their) ${Q} values is (${VALUE_RE})`);
const OF = '(?:its|their|the)\\s+';
const MAP_ENTRY = re(`${OF}${Q}\\s+value of\\s+("[^"]+"|[^\\s"]+)\\s+(.+)`);
const KEYED_ENTRY = re(`${OF}${Q}\\s+of the entry whose\\s+${Q}\\s+is\\s+(${VALUE_RE})\\s+(.+)`);
const QUANTIFIED = re(`(every|some|at least one|no)\\s+${Q}\\s+(.+)`);
const FILTERED = re(
  `(every|some|at least one|no)\\s+${Q}\\s+of the entries whose\\s+${Q}\\s+is\\s+(${VALUE_RE})\\s+(.+)`,
);
const COUNT = re(`the number of\\s+${Q}\\s+(.+)`);
const DISTINCT = re(`the number of distinct\\s+${Q}\\s+(.+)`);
const HOLDS_PARAM = re(
  `(every|some) value of (?:the rule parameter )?"([a-z][A-Za-z0-9]*)" is (not )?in (?:the |its |their )?${Q}`,
);
const STATEMENT = re(`${OF}${Q}(?:\\s+value of\\s+("[^"]+"|[^\\s"]+))?\\s+document has (a|no) statement with\\s+(.+)`);
const DOCUMENT_MEMBER = re(`${OF}${Q}\\s+document's\\s+${Q}\\s+(.+)`);
const EITHER = re('either\\s+(.+)');
const ITEM_MEMBER = re(`the configuration item's\\s+${Q}\\s+(.+)`);
const ITEM_TYPE = re(`the configuration item's resource type\\s+(.+)`);
/** Where `either A or B` splits: an `or` before a new condition's subject. */
const OR_BRANCH = /\s+or\s+(?=(?:its|their|the|every|some|at least one|no|one of)\s)/i;
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

/** Pagination members: conditions on them are paging, not logic. */
const PAGINATION =
  /^(?:NextToken|nextToken|Marker|NextMarker|IsTruncated|position|NextPageToken|PaginationToken|ContinuationToken|NextContinuationToken|LastEvaluated\w*|\w+NextToken)$/;

/** Whether a written path names a pagination member (`NextToken`, `Marker`, `IsTruncated`, …). */
export function isPaginationPath(path: string): boolean {
  return PAGINATION.test(path.split('.').pop() ?? path);
}

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
function parseList(text: string): Scalar[] | undefined {
  const parts = text.split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/).filter((p) => p !== '');
  const values = parts.map(parseValue);
  return values.length > 0 && values.every((v) => v !== undefined) ? (values as Scalar[]) : undefined;
}

const quotedName = (text: string): string | undefined => /^"([a-z][A-Za-z0-9]*)"$/.exec(text.trim())?.[1];

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
  m = /^(?:is|are) (not )?among the "([^"]+)"$/i.exec(t);
  if (m) return { op: m[1] ? 'notAmong' : 'among', operand: { kind: 'member', key: m[2] as string } };
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

/** Conditions joined by `and` (`its "A" is true and its "B" is set`), each `<subject> "Path" <predicate>`. */
export function parseConditions(text: string, params: ReadonlySet<string>, call?: string): RawCondition[] | undefined {
  const parts = text.split(/\s+and\s+(?=(?:its|their|the|that [a-z-]+'s)\s+"|"[A-Z][^"]*"\s+is\b)/i);
  const out: RawCondition[] = [];
  for (const part of parts) {
    const one = parseCondition(part.trim(), params);
    if (!one) return undefined;
    out.push(call ? { ...one, call } : one);
  }
  return out;
}

/** `Effect Deny, Principal "*", Action "s3:*" and Condition Bool aws:SecureTransport false` → fields. */
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
    const field = Object.keys(STATEMENT_FIELDS).find((f) => f.toLowerCase() === tokens[i]?.toLowerCase());
    if (!field) return undefined;
    const width = STATEMENT_FIELDS[field] as number;
    const values = tokens.slice(i + 1, i + 1 + width);
    if (values.length < width || values.some((x) => x === ',' || (/^and$/i.test(x) && width === 1))) return undefined;
    fields.push({ field, value: values.map((x) => x.replace(/^"(.*)"$/, '$1')).join(' ') });
    i += 1 + width;
    if (tokens[i] === ',') i++;
    if (/^and$/i.test(tokens[i] ?? '')) i++;
  }
  return fields.length > 0 ? fields : undefined;
}

/** The new forms that name a derived member or quantify over a list (datasets/README.md). */
function parseDerivedCondition(text: string, params: ReadonlySet<string>): RawCondition | undefined | null {
  let m = HOLDS_PARAM.exec(text);
  if (m) {
    const every = /^every$/i.test(m[1] as string);
    if (every === Boolean(m[3])) return undefined;
    return { path: m[4] as string, predicate: { op: every ? 'holdsParam' : 'missesParam', param: m[2] as string } };
  }
  m = DOCUMENT_MEMBER.exec(text);
  if (m) {
    const predicate = parsePredicate(m[3] as string, params);
    return predicate
      ? { path: m[1] as string, predicate, derive: { kind: 'document', member: m[2] as string } }
      : undefined;
  }
  m = FILTERED.exec(text);
  if (m) {
    const inner = parsePredicate(m[5] as string, params);
    // A declared rule parameter as the key's value selects the entries whose key equals it.
    const keyParam = quotedName(m[4] as string);
    const keyValue = keyParam && params.has(keyParam) ? `the rule parameter ${keyParam}` : parseValue(m[4] as string);
    if (!inner || keyValue === undefined) return undefined;
    const word = (m[1] as string).toLowerCase();
    const op = word === 'every' ? 'every' : word === 'no' ? 'none' : 'some';
    return {
      path: m[2] as string,
      predicate: { op, predicate: inner },
      derive: { kind: 'filtered', keyPath: m[3] as string, keyValue },
    };
  }
  m = STATEMENT.exec(text);
  if (m) {
    const fields = parseStatement(m[4] as string);
    if (!fields) return undefined;
    const predicate: Predicate = /^a$/i.test(m[3] as string)
      ? { op: 'eq', operand: { kind: 'value', value: true } }
      : { op: 'inOrNotset', values: [false] };
    const entry = m[2]?.replace(/^"(.*)"$/, '$1');
    return { path: m[1] as string, predicate, derive: { kind: 'statement', fields, ...(entry ? { entry } : {}) } };
  }
  m = MAP_ENTRY.exec(text);
  if (m) {
    const predicate = parsePredicate(m[3] as string, params);
    const entry = (m[2] as string).replace(/^"(.*)"$/, '$1');
    return predicate ? { path: m[1] as string, predicate, derive: { kind: 'mapEntry', entry } } : undefined;
  }
  m = KEYED_ENTRY.exec(text);
  if (m) {
    const predicate = parsePredicate(m[4] as string, params);
    const keyValue = parseValue(m[3] as string);
    if (!predicate || keyValue === undefined) return undefined;
    return { path: m[1] as string, predicate, derive: { kind: 'keyedEntry', keyPath: m[2] as string, keyValue } };
  }
  m = QUANTIFIED.exec(text);
  if (m) {
    const inner = parsePredicate(m[3] as string, params);
    const word = (m[1] as string).toLowerCase();
    const op = word === 'every' ? 'every' : word === 'no' ? 'none' : 'some';
    return inner ? { path: m[2] as string, predicate: { op, predicate: inner } } : undefined;
  }
  m = DISTINCT.exec(text) ?? COUNT.exec(text);
  if (m) {
    const inner = parsePredicate(m[2] as string, params);
    const numeric = inner && ['eq', 'neq', 'gte', 'gt', 'lte', 'lt', 'between'].includes(inner.op);
    const op = DISTINCT.test(text) ? 'distinctCount' : 'count';
    return inner && numeric ? { path: m[1] as string, predicate: { op, predicate: inner } } : undefined;
  }
  return null;
}

function parseCondition(text: string, params: ReadonlySet<string>): RawCondition | undefined {
  let m = ITEM_MEMBER.exec(text) ?? ITEM_TYPE.exec(text);
  if (m) {
    const typed = m.length === 2;
    const predicate = parsePredicate(m[typed ? 1 : 2] as string, params);
    return predicate ? { path: typed ? RESOURCE_TYPE_PATH : (m[1] as string), predicate, item: true } : undefined;
  }
  const derived = parseDerivedCondition(text, params);
  if (derived !== null) return derived;
  m = ONE_OF_ITS.exec(text);
  if (m) {
    const value = parseValue(m[2] as string);
    if (value === undefined) return undefined;
    return {
      path: m[1] as string,
      predicate: { op: 'some', predicate: { op: 'eq', operand: { kind: 'value', value } } },
    };
  }
  m = CONDITION_SUBJECT.exec(text) ?? BARE_CONDITION.exec(text);
  if (!m) return undefined;
  const predicate = parsePredicate(m[2] as string, params);
  return predicate ? { path: m[1] as string, predicate } : undefined;
}

/** `"Path" V`, `"Path" as V`, `a "Path"`, `no "Path"`, `no "Path" V`, `an empty "Path"` after `returns`. */
function parseReturned(text: string, call: string, params: ReadonlySet<string>): RawCondition[] | 'paging' | undefined {
  const parts = text.split(/\s+and\s+(?=(?:a |an |no )?")/i);
  const out: RawCondition[] = [];
  for (const part of parts) {
    let m = /^(?:a|an) "([^"]+)"(?: with its first page)?$/i.exec(part);
    if (m) {
      if (!isPaginationPath(m[1] as string)) out.push({ path: m[1] as string, call, predicate: { op: 'set' } });
      continue;
    }
    m = /^no "([^"]+)"(?: at all)?$/i.exec(part);
    if (m) {
      if (!isPaginationPath(m[1] as string)) out.push({ path: m[1] as string, call, predicate: { op: 'notset' } });
      continue;
    }
    m = /^no "([^"]+)" ("[^"]*"|[^\s",]+)$/i.exec(part);
    if (m) {
      out.push({
        path: m[1] as string,
        call,
        predicate: { op: 'notcontains', value: parseValue(m[2] as string) as Scalar },
      });
      continue;
    }
    m = /^an empty "([^"]+)"(?: list)?$/i.exec(part);
    if (m) {
      out.push({ path: m[1] as string, call, predicate: { op: 'empty' } });
      continue;
    }
    m = /^"([^"]+)" (?:as |set to )?(.+)$/i.exec(part);
    if (!m) return undefined;
    const path = m[1] as string;
    const rest = m[2] as string;
    const predicate =
      parseValue(rest) !== undefined ? parsePredicate(`is ${rest}`, params) : parsePredicate(rest, params);
    if (!predicate) return undefined;
    if (!isPaginationPath(path)) out.push({ path, call, predicate });
  }
  return out.length === 0 ? 'paging' : out;
}

/** One branch of `either … or …`: a rule-parameter test or a condition on a member. */
function parseBranch(text: string, params: ReadonlySet<string>): RawCondition | undefined {
  const m = PARAM.exec(text);
  if (m) {
    const predicate = parsePredicate(m[2] as string, params);
    return predicate ? { path: m[1] as string, predicate, param: true } : undefined;
  }
  return parseCondition(text, params);
}

/** What one Given/And step means, or undefined when no form of the grammar matches it. */
export function parseStep(text: string, params: ReadonlySet<string>): StepMeaning | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (CALLS.test(t)) return { kind: 'neutral' };
  let m = EITHER.exec(t);
  if (m) {
    const branches = (m[1] as string).split(OR_BRANCH).map((b) => parseBranch(b.trim(), params));
    if (branches.length < 2 || branches.some((b) => b === undefined)) return undefined;
    return { kind: 'either', branches: branches as RawCondition[] };
  }
  m = SUBJECT_WITH.exec(t);
  if (m) {
    const returned = parseReturned(m[3] as string, m[2] as string, params);
    if (returned === undefined) return undefined;
    return { kind: 'subject', call: m[2] as string, conditions: returned === 'paging' ? [] : returned };
  }
  m = SUBJECT_BY.exec(t);
  if (m) {
    const call = m[2] as string;
    if (!m[3]) return { kind: 'subject', call, conditions: [] };
    const conditions = parseConditions(`its ${m[3]}`.replace(/^its (its|their) /i, 'its '), params, undefined);
    return conditions ? { kind: 'subject', call, conditions } : undefined;
  }
  m = SUBJECT_WHOSE_CALL.exec(t);
  if (m) {
    const returned = parseReturned(m[2] as string, m[1] as string, params);
    if (returned === undefined) return undefined;
    return { kind: 'subject', call: m[1] as string, conditions: returned === 'paging' ? [] : returned };
  }
  m = NEXT_PAGE.exec(t);
  if (m) {
    const conditions = parseConditions(`its ${m[1]}`, params);
    return conditions ? { kind: 'subject', conditions } : undefined;
  }
  m = PARAM.exec(t);
  if (m) {
    const name = m[1] as string;
    const rest = m[2] as string;
    if (/^(?:is invalid|is not valid|is not a valid .+|has an invalid value)$/i.test(rest))
      return { kind: 'param', name, predicate: { op: 'invalid' } };
    const lists = /^lists (.+)$/i.exec(rest);
    const values = lists ? parseList(lists[1] as string) : undefined;
    if (values) return { kind: 'param', name, predicate: { op: 'holds', values } };
    const predicate = parsePredicate(rest, params);
    return predicate ? { kind: 'param', name, predicate } : undefined;
  }
  m = CALL_STEP.exec(t);
  if (m) {
    const call = m[1] as string;
    const scoped = /^"[^"]+"\s+for\s/i.test(t);
    const rest = (m[3] as string).trim();
    if (/^fails/i.test(m[2] as string))
      return /^[A-Za-z][\w.-]*$/.test(rest) ? { kind: 'error', call, code: rest } : undefined;
    const paging = /(?:\s+and\s+(?:no "[^"]+"|"[^"]+" (?:true|false)|a "[^"]+"))+$/i.exec(rest);
    const pagingOnly = paging && [...paging[0].matchAll(/"([^"]+)"/g)].every((q) => isPaginationPath(q[1] as string));
    const core = pagingOnly && paging ? rest.slice(0, paging.index) : rest;
    const empty = /^(?:an empty "([^"]+)"(?: list)?|no "([^"]+)"|no [^"]+)$/i.exec(core);
    if (empty && !(empty[2] && isPaginationPath(empty[2]))) {
      const test = empty[2] ? 'notset' : 'empty';
      const path = empty[1] ?? empty[2];
      return path ? { kind: 'nothing', call, path, test, scoped } : { kind: 'nothing', call, test, scoped };
    }
    const returned = parseReturned(core, call, params);
    if (returned === 'paging') return { kind: 'neutral' };
    return returned ? { kind: 'conditions', conditions: returned } : undefined;
  }
  const conditions = parseConditions(t, params);
  return conditions ? { kind: 'conditions', conditions } : undefined;
}
