/**
 * The evaluator: a decision model's verdict on a state. Members the state does not set take a
 * type-correct filler value from the botocore shape, seeded by the state (datasets/README.md,
 * "How a state is decided").
 */
import { canonicalJson } from '../../canonical-json.js';
import type { Outcome } from '../../gherkin/parse.js';
import type {
  CompiledScenario,
  Condition,
  DecisionModel,
  MemberType,
  MemberValue,
  Operand,
  Predicate,
  Scalar,
  State,
  Verdict,
} from './model.js';

/** FNV-1a of a text: the filler's deterministic choice. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const NUMBERS = [1, 5, 7, 14, 30, 60, 90, 365];
const NUMERIC_TYPES = new Set(['integer', 'long', 'float', 'double']);

/** Whether a botocore type is numeric. */
export function isNumericType(type: string | undefined): boolean {
  return type !== undefined && NUMERIC_TYPES.has(type);
}

function scalarFiller(h: number, type: string | undefined, values: string[] | undefined): Scalar {
  if (values && values.length > 0) return values[h % values.length] as string;
  if (type === 'boolean') return (h & 1) === 1;
  if (isNumericType(type)) return NUMBERS[h % NUMBERS.length] as number;
  // A timestamp is held as its age in whole days (the age predicates compare it).
  if (type === 'timestamp') return NUMBERS[h % NUMBERS.length] as number;
  return `value-${h % 997}`;
}

/** The seeded, type-correct value of a member a state does not set (never absent, never empty). */
export function filler(seed: number, key: string, type: MemberType | undefined): MemberValue {
  const h = hash(`${seed}:${key}`);
  if (type?.type === 'structure' || type?.type === 'union') return { structure: true };
  if (type?.type === 'list' || type?.type === 'map') return [scalarFiller(h, type.element, type.enum)];
  return scalarFiller(h, type?.type, type?.enum);
}

/** A member's value in a state: explicit, absent (null), or its filler. No resource: absent. */
export function readMember(state: State, key: string, type: MemberType | undefined): MemberValue | null {
  if (!state.resource) return null;
  const set = state.members.get(key);
  return set === undefined ? filler(state.seed, key, type) : set;
}

const items = (v: MemberValue | null): Scalar[] =>
  v === null
    ? []
    : Array.isArray(v)
      ? v.filter((e): e is Scalar => e !== null)
      : typeof v === 'object'
        ? ['{structure}']
        : [v];
const same = (a: Scalar, b: Scalar) => String(a) === String(b);
const isEmpty = (v: MemberValue | null) => v !== null && (Array.isArray(v) ? v.length === 0 : v === '');
const numberOf = (v: MemberValue | null): number | undefined => {
  const first = items(v);
  const n = first.length === 1 ? Number(first[0]) : Number.NaN;
  return Number.isFinite(n) && String(first[0]).trim() !== '' ? n : undefined;
};
/** The elements of a list value (a scalar is one element; absent: none). */
const elementsOf = (v: MemberValue | null): (Scalar | null)[] =>
  v === null ? [] : Array.isArray(v) ? v : typeof v === 'object' ? ['{structure}'] : [v];
/** Two values are equal when they hold the same items (order ignored). */
const sameValue = (a: MemberValue, b: MemberValue) => {
  const sorted = (v: MemberValue) => items(v).map(String).sort().join('\u0000');
  return sorted(a) === sorted(b);
};

/**
 * Whether a predicate holds of a value. `state` gives the rule parameters of parameter operands;
 * `members` the types of member operands (for their filler when the state does not set them).
 */
export function holds(
  predicate: Predicate,
  value: MemberValue | null,
  state: State,
  members?: ReadonlyMap<string, MemberType>,
): boolean {
  const param = (name: string): Scalar[] | undefined => {
    const p = state.params.get(name);
    return p === undefined || p === 'invalid' ? undefined : p;
  };
  const targetsOf = (operand: Operand): Scalar[] | undefined =>
    operand.kind === 'value'
      ? [operand.value]
      : operand.kind === 'param'
        ? param(operand.name)
        : items(readMember(state, operand.key, members?.get(operand.key)));
  switch (predicate.op) {
    case 'set':
      return value !== null;
    case 'notset':
      return value === null;
    case 'empty':
      return isEmpty(value);
    case 'notempty':
      return value !== null && !isEmpty(value);
    case 'emptyOrNotset':
      return value === null || isEmpty(value);
    case 'eq':
    case 'neq': {
      if (value === null) return false;
      if (predicate.operand.kind === 'member') {
        const other = readMember(state, predicate.operand.key, members?.get(predicate.operand.key));
        if (other === null) return false;
        return sameValue(value, other) === (predicate.op === 'eq');
      }
      const targets = targetsOf(predicate.operand);
      if (!targets) return false;
      const equal = items(value).some((v) => targets.some((t) => same(v, t)));
      return predicate.op === 'eq' ? equal : !equal;
    }
    case 'among':
    case 'notAmong': {
      const others = value === null ? undefined : targetsOf(predicate.operand);
      if (value === null || others === undefined) return false;
      const inside = items(value).every((v) => others.some((t) => same(v, t)));
      return predicate.op === 'among' ? inside : !inside;
    }
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt': {
      const raw = targetsOf(predicate.operand);
      const limit = raw && raw.length === 1 ? Number(raw[0]) : Number.NaN;
      const n = numberOf(value);
      if (n === undefined || !Number.isFinite(limit)) return false;
      return predicate.op === 'gte'
        ? n >= limit
        : predicate.op === 'gt'
          ? n > limit
          : predicate.op === 'lte'
            ? n <= limit
            : n < limit;
    }
    case 'olderThan':
    case 'notOlderThan':
      return holds(
        { op: predicate.op === 'olderThan' ? 'gt' : 'lte', operand: predicate.operand },
        value,
        state,
        members,
      );
    case 'between': {
      const n = numberOf(value);
      return n !== undefined && n >= predicate.low && n <= predicate.high;
    }
    case 'in':
      return items(value).some((v) => predicate.values.some((t) => same(v, t)));
    case 'notin':
      return value !== null && !items(value).some((v) => predicate.values.some((t) => same(v, t)));
    case 'inOrNotset':
      return value === null || items(value).some((v) => predicate.values.some((t) => same(v, t)));
    case 'inParam':
    case 'notinParam': {
      const allowed = param(predicate.param);
      if (!allowed || value === null) return false;
      const inside = items(value).every((v) => allowed.some((t) => same(v, t)));
      return predicate.op === 'inParam' ? inside : !inside;
    }
    case 'contains':
      return items(value).some((v) => same(v, predicate.value));
    case 'notcontains':
      return !items(value).some((v) => same(v, predicate.value));
    case 'holds':
      return predicate.values.every((t) => items(value).some((v) => same(v, t)));
    case 'holdsOnly': {
      const have = items(value);
      return (
        predicate.values.every((t) => have.some((v) => same(v, t))) &&
        have.every((v) => predicate.values.some((t) => same(v, t)))
      );
    }
    case 'startsWith':
    case 'notStartsWith':
    case 'endsWith':
    case 'notEndsWith': {
      if (value === null) return false;
      const test = (v: Scalar) =>
        predicate.op.endsWith('tartsWith')
          ? String(v).startsWith(predicate.value)
          : String(v).endsWith(predicate.value);
      const hit = items(value).some(test);
      return predicate.op === 'startsWith' || predicate.op === 'endsWith' ? hit : !hit;
    }
    case 'every':
    case 'some':
    case 'none': {
      const inner = predicate.predicate;
      const matching = elementsOf(value).filter((e) => holds(inner, e, state, members)).length;
      const total = elementsOf(value).length;
      return predicate.op === 'every' ? matching === total : predicate.op === 'some' ? matching > 0 : matching === 0;
    }
    case 'count':
      return holds(predicate.predicate, elementsOf(value).length, state, members);
    case 'distinctCount':
      return holds(predicate.predicate, new Set(items(value).map(String)).size, state, members);
    case 'holdsParam':
    case 'missesParam': {
      const wanted = param(predicate.param);
      if (wanted === undefined) return false;
      return wanted.every((t) => items(value).some((v) => same(v, t))) === (predicate.op === 'holdsParam');
    }
  }
}

/** Whether one condition holds in a state. */
export function conditionHolds(condition: Condition, state: State, model: DecisionModel): boolean {
  switch (condition.kind) {
    case 'member':
      return holds(
        condition.predicate,
        readMember(state, condition.key, model.members.get(condition.key)),
        state,
        model.members,
      );
    case 'error':
      return state.errors.get(condition.call) === condition.code;
    case 'param': {
      const value = state.params.get(condition.name);
      if (condition.predicate.op === 'invalid') return value === 'invalid';
      if (value === 'invalid') return false;
      const as: MemberValue | null = value === undefined ? null : value.length === 1 ? (value[0] as Scalar) : value;
      return holds(condition.predicate, as, state, model.members);
    }
    case 'any':
      return condition.conditions.some((c) => conditionHolds(c, state, model));
  }
}

/** Whether a scenario applies to a state: its resource requirement and every condition hold. */
export function applies(scenario: CompiledScenario, state: State, model: DecisionModel): boolean {
  if (scenario.resource !== null && scenario.resource !== state.resource) return false;
  return scenario.conditions.every((c) => conditionHolds(c, state, model));
}

/** Which outcome wins when scenarios that apply disagree: exemptions and errors first, then any violation. */
export const PRECEDENCE: readonly Outcome[] = ['ERROR', 'NOT_APPLICABLE', 'NON_COMPLIANT', 'COMPLIANT'];

const conditionSets = new WeakMap<CompiledScenario, Set<string>>();
function conditionSet(scenario: CompiledScenario): Set<string> {
  let set = conditionSets.get(scenario);
  if (!set) {
    set = new Set(scenario.conditions.map((c) => canonicalJson(c)));
    if (scenario.resource !== null) set.add(`resource:${scenario.resource}`);
    conditionSets.set(scenario, set);
  }
  return set;
}

/** Whether two scenarios state exactly the same conditions (and resource requirement). */
export function sameConditions(a: CompiledScenario, b: CompiledScenario): boolean {
  const sa = conditionSet(a);
  const sb = conditionSet(b);
  return sa.size === sb.size && [...sa].every((c) => sb.has(c));
}

/**
 * The model's verdict on a state: NONE when no scenario applies, else the first outcome in
 * {@link PRECEDENCE} among the scenarios that apply (an ERROR or NOT_APPLICABLE scenario is an
 * exemption checked first, as rule code does; one violated requirement makes the resource
 * NON_COMPLIANT). Independent of the order of scenarios and steps.
 */
export function decide(model: DecisionModel, state: State): Verdict {
  let best = PRECEDENCE.length;
  for (const scenario of model.scenarios) {
    const rank = PRECEDENCE.indexOf(scenario.outcome);
    if (rank < best && applies(scenario, state, model)) best = rank;
  }
  return best < PRECEDENCE.length ? (PRECEDENCE[best] as Outcome) : 'NONE';
}
