/**
 * The step grammar's derived forms (datasets/README.md, "The step grammar"): conditions that read
 * something derived from a member rather than the member itself (a map entry, the entry of a list
 * with a key, a policy document's statements, a JSON document in a string, a part of a string, a
 * count) or quantify over a list. Pure string work, like the rest of the grammar (grammar.ts).
 */
import type { RawCondition } from './grammar.js';
import type { Predicate, Scalar } from './model.js';
import { CALL, Q, re, VALUE_RE } from './patterns.js';
import { parsePredicate, parseStatement, parseValue, quotedName, type StatementField } from './predicates.js';

/**
 * Where a policy document is read: `entry`, one entry of a map (`the "Attributes{}" value of Policy
 * document`); `of`, the call listing what the document belongs to (`the "PolicyVersion.Document"
 * document of the policies listed by "iam.list_attached_group_policies"`), so the documents of two
 * listings that one call returns stay apart.
 */
export interface DocumentPlace {
  entry?: string;
  of?: string;
}

/**
 * Which member of `path` a condition reads when it is not the path itself: one entry of a map
 * (`the "M{}" value of KEY`), the entry of a list whose key member has a value (`the "L[].B" of the
 * entry whose "L[].A" is V`), whether a policy document has a statement with these fields (or
 * whether every statement has them), the number of IP addresses a statement's condition holds, a
 * member of a JSON document held in a string (`the "Path" document's "A.B"`), a part of a string
 * (`the part of its "Path" after @`), or the elements of a
 * list among the entries whose key member has a value (`every "L[].X" of the entries whose "L[].Y" is V`).
 */
export type Derivation =
  | { kind: 'mapEntry'; entry: string }
  | { kind: 'keyedEntry'; keyPath: string; keyValue: Scalar }
  /** `every`: every statement of the document has the fields (`every statement of … has …`). */
  | ({ kind: 'statement'; fields: StatementField[]; every?: true } & DocumentPlace)
  /** The IP addresses of `Condition OPERATOR KEY` (`IpAddress aws:SourceIp`) in a statement of the document. */
  | ({ kind: 'ipAddresses'; condition: string } & DocumentPlace)
  | { kind: 'document'; member: string }
  /**
   * The part of a string after the first `after` and before the next `before` (either may be
   * missing: from the start, to the end); no such text: not set.
   */
  | { kind: 'part'; after?: string; before?: string }
  | { kind: 'filtered'; keyPath: string; keyValue: Scalar };

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
  `(every|some) value of (?:the rule parameter )?"([a-z][A-Za-z0-9]*)" is (not )?in (?:the |its |their )?(the configuration item's\\s+)?${Q}`,
);
/**
 * A document held in a member: `the "Path" document`, `the "M{}" value of KEY document`, then
 * optionally the call returning it (`returned by "svc.method"`) and the listing it belongs to
 * (`of the policies listed by "svc.method"`). Groups: path, entry, call, listing call.
 */
const DOCUMENT = `${OF}${Q}(?:\\s+value of\\s+("[^"]+"|[^\\s"]+))?\\s+document(?:\\s+returned by\\s+${CALL})?(?:\\s+(?:of|for)\\s+(?:the|each|every|a|an|its|their)\\s+[^"]*?\\b(?:listed|returned)\\s+by\\s+${CALL})?`;
const STATEMENT = re(`${DOCUMENT}\\s+has (a|no) statement with\\s+(.+)`);
const EVERY_STATEMENT = re(`(not )?every statement of\\s+${DOCUMENT}\\s+has\\s+(.+)`);
const IP_ADDRESSES = re(
  `the number of IP addresses in (?:the )?Condition\\s+([^\\s"]+)\\s+([^\\s"]+)\\s+of\\s+${DOCUMENT}\\s+(.+)`,
);
const DOCUMENT_MEMBER = re(`${OF}${Q}\\s+document's\\s+${Q}\\s+(.+)`);
/** `the part of its "Path" after V`, `… before V`, `… between V1 and V2`, then a predicate. */
const PART = re(
  `the part of\\s+${OF}${Q}\\s+(?:after\\s+(${VALUE_RE})|before\\s+(${VALUE_RE})|between\\s+(${VALUE_RE})\\s+and\\s+(${VALUE_RE}))\\s+(.+)`,
);

const IS_TRUE: Predicate = { op: 'eq', operand: { kind: 'value', value: true } };
const IS_TRUE_OR_NOT_SET: Predicate = { op: 'inOrNotset', values: [true] };
/** The predicates a count may take. */
const NUMERIC_OPS = new Set(['eq', 'neq', 'gte', 'gt', 'lte', 'lt', 'between']);

/**
 * A condition on a document ({@link DOCUMENT}'s groups: path, map entry, the call returning it, the
 * call listing what it belongs to).
 */
function documentCondition(
  [path, entry, call, of]: (string | undefined)[],
  predicate: Predicate,
  derive: Extract<Derivation, { kind: 'statement' | 'ipAddresses' }>,
): RawCondition {
  const place: DocumentPlace = {};
  if (entry) place.entry = entry.replace(/^"(.*)"$/, '$1');
  if (of) place.of = of;
  return { path: path as string, predicate, derive: { ...derive, ...place }, ...(call ? { call } : {}) };
}

/**
 * A condition in one of the derived forms; `null` when the text is in none of them (the caller
 * tries the plain forms), undefined when it is but does not parse.
 */
export function parseDerivedCondition(text: string, params: ReadonlySet<string>): RawCondition | undefined | null {
  let m = HOLDS_PARAM.exec(text);
  if (m) {
    const every = /^every$/i.test(m[1] as string);
    if (every === Boolean(m[3])) return undefined;
    const predicate: Predicate = { op: every ? 'holdsParam' : 'missesParam', param: m[2] as string };
    return { path: m[5] as string, predicate, ...(m[4] ? { item: true as const } : {}) };
  }
  m = PART.exec(text);
  if (m) {
    const predicate = parsePredicate(m[6] as string, params);
    const separator = (i: number) => (m?.[i] === undefined ? undefined : String(parseValue(m[i] as string)));
    const after = separator(2) ?? separator(4);
    const before = separator(3) ?? separator(5);
    const derive: Derivation = { kind: 'part', ...(after ? { after } : {}), ...(before ? { before } : {}) };
    return predicate ? { path: m[1] as string, predicate, derive } : undefined;
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
    const fields = parseStatement(m[6] as string);
    if (!fields) return undefined;
    const predicate: Predicate = /^a$/i.test(m[5] as string) ? IS_TRUE : { op: 'inOrNotset', values: [false] };
    return documentCondition(m.slice(1, 5), predicate, { kind: 'statement', fields });
  }
  m = EVERY_STATEMENT.exec(text);
  if (m) {
    const fields = parseStatement(m[6] as string);
    if (!fields) return undefined;
    // An absent document has no statement, so every statement of it has the fields.
    const predicate: Predicate = m[1] ? { op: 'eq', operand: { kind: 'value', value: false } } : IS_TRUE_OR_NOT_SET;
    return documentCondition(m.slice(2, 6), predicate, { kind: 'statement', fields, every: true });
  }
  m = IP_ADDRESSES.exec(text);
  if (m) {
    const inner = parsePredicate(m[7] as string, params);
    if (!inner || !NUMERIC_OPS.has(inner.op)) return undefined;
    const condition = `${m[1]} ${m[2]}`;
    return documentCondition(m.slice(3, 7), { op: 'count', predicate: inner }, { kind: 'ipAddresses', condition });
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
    const numeric = inner && NUMERIC_OPS.has(inner.op);
    const op = DISTINCT.test(text) ? 'distinctCount' : 'count';
    return inner && numeric ? { path: m[1] as string, predicate: { op, predicate: inner } } : undefined;
  }
  return null;
}
