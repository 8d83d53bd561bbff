/**
 * The step grammar (datasets/README.md, "The step grammar"): one Given/And step's text → what it
 * means, with paths and calls still as written. Pure string work; the compiler resolves paths
 * against botocore. Returns undefined for a step no form matches. The forms that read something
 * derived from a member (a map entry, a policy document's statements, a count, …) are in
 * derived-forms.ts.
 */
import { type Derivation, parseDerivedCondition } from './derived-forms.js';
import type { Predicate, Scalar } from './model.js';
import { CALL, Q, re, VALUE_RE } from './patterns.js';
import { parseList, parsePredicate, parseValue } from './predicates.js';

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
   * member of the call describing the item's resource type; {@link RESOURCE_TYPE_PATH} is its type,
   * {@link ITEM_STATUS_PATH} its status.
   */
  item?: true;
}

/**
 * One branch of `either … or …`: a condition, or a rule parameter whose value is not valid
 * (`the rule parameter "p" is invalid`).
 */
export type RawBranch = RawCondition | InvalidParam;

/** `the rule parameter "p" is invalid` inside `either … or …`: `path` is the parameter's name. */
export interface InvalidParam {
  path: string;
  param: true;
  predicate: { op: 'invalid' };
}

/** Whether an `either` branch tests a rule parameter's value for not being valid. */
export const isInvalidParam = (branch: RawBranch): branch is InvalidParam => branch.predicate.op === 'invalid';

/** The path of `the configuration item's resource type is T`. */
export const RESOURCE_TYPE_PATH = '@resourceType';
/** The path of `the configuration item's status is S` (its `configurationItemStatus`). */
export const ITEM_STATUS_PATH = '@itemStatus';

/** What one step means. */
export type StepMeaning =
  /** A resource exists (described/returned by `call`, or on a later page), with conditions. */
  | { kind: 'subject'; call?: string; conditions: RawCondition[] }
  /**
   * `call` returns nothing, an empty `path` (`test: 'empty'`) or no `path` (`'notset'`); `scoped`:
   * said of another resource (`for that user`).
   */
  | { kind: 'nothing'; call: string; path?: string; test: 'empty' | 'notset'; scoped: boolean }
  /** Paging words, the calls a control makes, or that the rule is evaluated: no condition. */
  | { kind: 'neutral' }
  /** No resource is evaluated: `there is no configuration item`. */
  | { kind: 'noResource' }
  /** Conditions on members. */
  | { kind: 'conditions'; conditions: RawCondition[] }
  /** `either A or B`: at least one of the conditions holds. */
  | { kind: 'either'; branches: RawBranch[] }
  /** `call` fails with an error code. */
  | { kind: 'error'; call: string; code: string }
  /** A rule parameter test. */
  | { kind: 'param'; name: string; predicate: Predicate | { op: 'invalid' } };

const FOR = '(?:\\s+for\\s+(?:[^",]+?|[^",]*?"[^"]+"))?';
const PAGED = '(?:,\\s+paged with "[^"]+"(?:\\s+(?:until it is not set|while "[^"]+" is true))?,)?';
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
/** The words after `the rule parameter "p"` that say its value is not valid (`is invalid`, `is not a valid …`). */
const INVALID = /^(?:is invalid|is not valid|is not a valid .+|has an invalid value)$/i;
const CONDITION_SUBJECT = re(`(?:its|their|the|that [a-z-]+'s|the [a-z ]+'s)\\s+${Q}\\s+(.+)`);
const BARE_CONDITION = re(`${Q}\\s+((?:is|equals|contains|does|holds)\\b.+)`);
const ONE_OF_ITS = re(`one of (?:its|their) ${Q} values is (${VALUE_RE})`);
const EITHER = re('either\\s+(.+)');
/** That the rule runs (an engineer's `When: Evaluation occurs`): no condition. */
const EVALUATED = re('(?:the )?(?:evaluation occurs|rule is evaluated)');
/** No configuration item to evaluate (a rule triggered by configuration changes). */
const NO_ITEM = re(`there is no configuration item(?:\\s+(?:of|for)\\s+[^"]+)?`);
const ITEM_MEMBER = re(`the configuration item's\\s+${Q}\\s+(.+)`);
const ITEM_TYPE = re(`the configuration item's resource type\\s+(.+)`);
const ITEM_STATUS = re(`the configuration item's status\\s+(.+)`);
/** Where `either A or B` splits: an `or` before a new condition's subject. */
const OR_BRANCH = /\s+or\s+(?=(?:its|their|the|every|some|at least one|no|not every|one of)\s)/i;
/** Pagination members: conditions on them are paging, not logic. */
const PAGINATION =
  /^(?:NextToken|nextToken|Marker|NextMarker|IsTruncated|position|NextPageToken|PaginationToken|ContinuationToken|NextContinuationToken|LastEvaluated\w*|\w+NextToken)$/;

/** Whether a written path names a pagination member (`NextToken`, `Marker`, `IsTruncated`, …). */
export function isPaginationPath(path: string): boolean {
  return PAGINATION.test(path.split('.').pop() ?? path);
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

function parseCondition(text: string, params: ReadonlySet<string>): RawCondition | undefined {
  let m = ITEM_MEMBER.exec(text) ?? ITEM_TYPE.exec(text);
  if (m) {
    const typed = m.length === 2;
    const predicate = parsePredicate(m[typed ? 1 : 2] as string, params);
    return predicate ? { path: typed ? RESOURCE_TYPE_PATH : (m[1] as string), predicate, item: true } : undefined;
  }
  m = ITEM_STATUS.exec(text);
  if (m) {
    const predicate = parsePredicate(m[1] as string, params);
    return predicate ? { path: ITEM_STATUS_PATH, predicate, item: true } : undefined;
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

/** One branch of `either … or …`: a rule-parameter test (its validity included) or a condition on a member. */
function parseBranch(text: string, params: ReadonlySet<string>): RawBranch | undefined {
  const m = PARAM.exec(text);
  if (m) {
    if (INVALID.test(m[2] as string)) return { path: m[1] as string, param: true, predicate: { op: 'invalid' } };
    const predicate = parsePredicate(m[2] as string, params);
    return predicate ? { path: m[1] as string, predicate, param: true } : undefined;
  }
  return parseCondition(text, params);
}

/** What one Given/And step means, or undefined when no form of the grammar matches it. */
export function parseStep(text: string, params: ReadonlySet<string>): StepMeaning | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (CALLS.test(t) || EVALUATED.test(t)) return { kind: 'neutral' };
  if (NO_ITEM.test(t)) return { kind: 'noResource' };
  let m = EITHER.exec(t);
  if (m) {
    const branches = (m[1] as string).split(OR_BRANCH).map((b) => parseBranch(b.trim(), params));
    if (branches.length < 2 || branches.some((b) => b === undefined)) return undefined;
    return { kind: 'either', branches: branches as RawBranch[] };
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
    if (INVALID.test(rest)) return { kind: 'param', name, predicate: { op: 'invalid' } };
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
