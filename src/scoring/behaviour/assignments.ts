/**
 * For state generation: the values that make one condition true (the first is the witness's) and
 * those that make it false (boundaries, each other enum value, absence), from the member's shape.
 */
import { filler, holds, isNumericType } from './evaluate.js';
import type { Condition, Element, MemberType, MemberValue, ParamValue, Predicate, Scalar, State } from './model.js';

/**
 * One way to set a condition's member, with the parameters it needs and the other members it
 * compares with (`equals the "Path2"`, `is the evaluated Region`).
 */
export interface Assignment {
  value: MemberValue | null;
  params?: [string, ParamValue | undefined][];
  others?: [string, MemberValue | null][];
}

/** At most this many other enum values are tried per condition. */
const MAX_OTHERS = 6;

const isList = (type: MemberType | undefined) => type?.type === 'list' || type?.type === 'map';
const shaped = (v: Scalar, type: MemberType | undefined): MemberValue => (isList(type) ? [v] : v);
const elementType = (type: MemberType | undefined) => (isList(type) ? type?.element : type?.type);

/** Values of the member's type that differ from every value given (enum values first). */
export function othersThan(values: readonly Scalar[], type: MemberType | undefined): Scalar[] {
  const taken = new Set(values.map(String));
  const enumOthers = (type?.enum ?? []).filter((e) => !taken.has(e));
  if (enumOthers.length > 0) return enumOthers.slice(0, MAX_OTHERS);
  const first = values[0];
  const flipped = !(first === true);
  // Both booleans taken (`is not one of True, False and ""`): only a value of another kind differs.
  if ((typeof first === 'boolean' || elementType(type) === 'boolean') && !taken.has(String(flipped))) return [flipped];
  if (typeof first === 'boolean') return [`${String(first)}-other`];
  if (typeof first === 'number' || isNumericType(elementType(type)))
    return [Math.max(...values.map(Number).filter(Number.isFinite), 0) + 1];
  return [`${String(first ?? 'value')}-other`];
}

const some = (key: string, type: MemberType | undefined) => filler(0, key, type);
const v = (value: MemberValue | null, params?: Assignment['params']): Assignment =>
  params ? { value, params } : { value };
const firstScalar = (value: MemberValue): Scalar =>
  Array.isArray(value) ? (value.find((e) => e !== null) ?? 'value') : typeof value === 'object' ? 'value' : value;
/** The type of one element of a list member (the member's own type when it is not a list). */
const elementOf = (type: MemberType | undefined): MemberType | undefined =>
  isList(type) ? { type: type?.element ?? 'string', ...(type?.enum ? { enum: type.enum } : {}) } : type;
/** An assignment's value as one list element (a list's first element; a structure as present). */
const asElement = (a: Assignment): Element =>
  a.value === null
    ? null
    : Array.isArray(a.value)
      ? (a.value[0] ?? null)
      : typeof a.value === 'object'
        ? 'value'
        : a.value;
/** Elements as a list assignment, keeping the parameters the element assignments need. */
const list = (parts: Assignment[]): Assignment => {
  const params = parts.flatMap((a) => a.params ?? []);
  return v(parts.map(asElement), params.length > 0 ? params : undefined);
};

/** Cases of a comparison with another member: both equal, or both set and different. */
function memberOperandCases(
  op: 'eq' | 'neq',
  key: string,
  type: MemberType | undefined,
  otherKey: string,
  otherType: MemberType | undefined,
): [Assignment[], Assignment[]] {
  // Take the value from the side with an enum (a real Region, a real enum value) when there is one.
  const x = firstScalar(otherType?.enum ? some(otherKey, otherType) : some(key, type));
  const y = othersThan([x], otherType?.enum ? otherType : elementOf(type))[0] as Scalar;
  const pair = (mine: Scalar, theirs: Scalar | null): Assignment => ({
    value: shaped(mine, type),
    others: [[otherKey, theirs === null ? null : shaped(theirs, otherType)]],
  });
  const equal = pair(x, x);
  const differ = pair(y, x);
  const otherAbsent = pair(x, null);
  return op === 'eq' ? [[equal], [differ, v(null), otherAbsent]] : [[differ], [equal, v(null), otherAbsent]];
}

/** [satisfying, violating] assignments of a predicate on a member. */
function memberCases(
  p: Predicate,
  key: string,
  type: MemberType | undefined,
  members: ReadonlyMap<string, MemberType>,
): [Assignment[], Assignment[]] {
  const empty: MemberValue = type?.type === 'string' ? '' : [];
  switch (p.op) {
    case 'set':
      return [[v(some(key, type))], [v(null)]];
    case 'notset':
      return [[v(null)], [v(some(key, type))]];
    case 'empty':
      return [[v(empty)], [v(some(key, type)), v(null)]];
    case 'notempty':
      return [[v(some(key, type))], [v(empty), v(null)]];
    case 'emptyOrNotset':
      return [[v(null), v(empty)], [v(some(key, type))]];
    case 'eq':
    case 'neq': {
      if (p.operand.kind === 'member')
        return memberOperandCases(p.op, key, type, p.operand.key, members.get(p.operand.key));
      if (p.operand.kind === 'param') {
        const [x, y] = [String(some(key, type)), 'other-value'];
        const same = v(shaped(x, type), [[p.operand.name, [x]]]);
        const differ = v(shaped(y, type), [[p.operand.name, [x]]]);
        return p.op === 'eq' ? [[same], [differ, v(null)]] : [[differ], [same, v(null)]];
      }
      const target = p.operand.value;
      const equal = [v(shaped(target, type))];
      const other = othersThan([target], type).map((o) => v(shaped(o, type)));
      return p.op === 'eq' ? [equal, [...other, v(null)]] : [other.slice(0, 1), [...equal, v(null)]];
    }
    case 'among':
    case 'notAmong': {
      if (p.operand.kind !== 'member') return [[], []];
      const otherKey = p.operand.key;
      const x = String(firstScalar(some(key, type)));
      const y = `${x}-other`;
      const pair = (mine: Scalar[] | null, theirs: Scalar[]): Assignment => ({
        value: mine,
        others: [[otherKey, theirs]],
      });
      const within = [pair([x], [x, y]), pair([x, y], [y, x])];
      const outside = [pair([x, y], [x]), pair([y], [x]), pair(null, [x])];
      return p.op === 'among' ? [within, outside] : [outside.slice(0, 2), [...within, outside[2] as Assignment]];
    }
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt': {
      const limitOf = (n: number) => n;
      // The grammar compares two members only for equality; an ordered member comparison has no cases.
      if (p.operand.kind === 'member') return [[], []];
      const param = p.operand.kind === 'param' ? p.operand.name : undefined;
      const n = param ? 7 : Number(p.operand.kind === 'value' ? p.operand.value : 7);
      const withParam = (value: number) => v(shaped(value, type), param ? [[param, [limitOf(n)]]] : undefined);
      const at = withParam(n);
      const below = withParam(n - 1);
      const above = withParam(n + 1);
      if (p.op === 'gte')
        return [
          [at, above],
          [below, v(null)],
        ];
      if (p.op === 'gt') return [[above], [at, below, v(null)]];
      if (p.op === 'lte')
        return [
          [at, below],
          [above, v(null)],
        ];
      return [[below], [at, above, v(null)]];
    }
    case 'olderThan':
    case 'notOlderThan':
      return memberCases({ op: p.op === 'olderThan' ? 'gt' : 'lte', operand: p.operand }, key, type, members);
    case 'between':
      return [
        [v(shaped(p.low, type)), v(shaped(p.high, type))],
        [v(shaped(p.low - 1, type)), v(shaped(p.high + 1, type)), v(null)],
      ];
    case 'in':
    case 'inOrNotset': {
      const inside = p.values.map((x) => v(shaped(x, type)));
      const outside = othersThan(p.values, type).map((o) => v(shaped(o, type)));
      return p.op === 'in' ? [inside, [...outside, v(null)]] : [[...inside, v(null)], outside];
    }
    case 'notin':
      return [
        othersThan(p.values, type)
          .map((o) => v(shaped(o, type)))
          .slice(0, 1),
        [...p.values.map((x) => v(shaped(x, type))), v(null)],
      ];
    case 'inParam':
    case 'notinParam': {
      const x = String(some(key, type));
      const inside = v(shaped(x, type), [[p.param, [x]]]);
      const outside = v(shaped(x, type), [[p.param, ['other-value']]]);
      return p.op === 'inParam' ? [[inside], [outside, v(null)]] : [[outside], [inside, v(null)]];
    }
    case 'contains':
    case 'notcontains': {
      const other = othersThan([p.value], type)[0] as Scalar;
      const withIt = v([p.value, other]);
      const without = v([other]);
      return p.op === 'contains' ? [[withIt], [without, v([])]] : [[without], [withIt]];
    }
    case 'holds':
    case 'holdsOnly': {
      const all = v([...p.values]);
      const extra = othersThan(p.values, type)[0] as Scalar;
      const short = p.values.map((_, i) => v(p.values.filter((__, j) => j !== i)));
      return p.op === 'holds' ? [[all, v([...p.values, extra])], short] : [[all], [v([...p.values, extra]), ...short]];
    }
    case 'startsWith':
    case 'notStartsWith':
    case 'endsWith':
    case 'notEndsWith': {
      const starts = p.op === 'startsWith' || p.op === 'notStartsWith';
      const hit = v(shaped(starts ? `${p.value}example` : `example${p.value}`, type));
      const miss = v(shaped(starts ? `example-${p.value}` : `${p.value}-example`, type));
      return p.op === 'startsWith' || p.op === 'endsWith' ? [[hit], [miss, v(null)]] : [[miss], [hit, v(null)]];
    }
    case 'every':
    case 'some':
    case 'none': {
      const [sat, vio] = memberCases(p.predicate, key, elementOf(type), members);
      const yes = sat[0];
      const no = vio[0];
      if (!yes || !no) return [[], []];
      const someHold = [list([no, yes]), list([yes])];
      const noneHold = [list([no]), v([])];
      if (p.op === 'some') return [someHold, [...noneHold, v(null)]];
      if (p.op === 'none') return [[...noneHold, v(null)], someHold];
      return [
        [list([yes]), list([yes, ...sat.slice(1, 2)]), v([])],
        vio.slice(0, 3).flatMap((x) => [list([yes, x]), list([x])]),
      ];
    }
    case 'count': {
      const [sat, vio] = memberCases(p.predicate, key, { type: 'integer' }, members);
      const ofLength = (a: Assignment): Assignment | undefined => {
        const n = a.value === null ? 0 : Number(firstScalar(a.value));
        if (!Number.isInteger(n) || n < 0 || n > 20) return undefined;
        return v(
          Array.from({ length: n }, (_, i) => `element-${i + 1}`),
          a.params,
        );
      };
      const lengths = (as: Assignment[]) => as.map(ofLength).filter((a): a is Assignment => a !== undefined);
      return [lengths(sat), lengths(vio)];
    }
    case 'distinctCount': {
      // Distinct elements as in `count`, and a repeated element (one distinct value among two elements).
      const [sat, vio] = memberCases({ op: 'count', predicate: p.predicate }, key, type, members);
      const repeated = v(['element-1', 'element-1']);
      const state: State = { resource: true, members: new Map(), errors: new Map(), params: new Map(), seed: 0 };
      const oneHolds = holds(p.predicate, 1, state);
      return oneHolds ? [[...sat, repeated], vio] : [sat, [...vio, repeated]];
    }
    case 'holdsParam':
    case 'missesParam': {
      const x = String(some(key, elementOf(type)));
      const y = othersThan([x], elementOf(type))[0] as Scalar;
      const holding = [v([x], [[p.param, [x]]]), v([x, y], [[p.param, [x]]])];
      const missing = [v([y], [[p.param, [x]]]), v(null, [[p.param, [x]]])];
      return p.op === 'holdsParam' ? [holding, missing] : [missing, holding];
    }
  }
}

/** [satisfying, violating] assignments of a parameter predicate (value = the parameter's value). */
function paramCases(
  p: Predicate | { op: 'invalid' },
  declared: string | undefined,
): [ParamValue | undefined, ParamValue | undefined][] {
  const numeric = /^(int|integer|number|long|double|float)/.test(declared ?? '');
  const valid: ParamValue = [numeric ? 7 : 'valid-value'];
  if (p.op === 'invalid') return [['invalid', valid]];
  const [sat, vio] = memberCases(p, '#param', numeric ? { type: 'integer' } : { type: 'string' }, new Map());
  const toParam = (a: Assignment): ParamValue | undefined =>
    a.value === null
      ? undefined
      : Array.isArray(a.value)
        ? a.value.filter((e): e is Scalar => e !== null)
        : typeof a.value === 'object'
          ? valid
          : [a.value];
  return [
    ...sat.map((a): [ParamValue | undefined, ParamValue | undefined] => [toParam(a), undefined]),
    ...vio.map((a): [ParamValue | undefined, ParamValue | undefined] => [undefined, toParam(a)]),
  ];
}

/** A change to a state: members, parameters and call errors to set. */
export interface Change {
  members: [string, MemberValue | null][];
  params: [string, ParamValue | undefined][];
  errors: [string, string | undefined][];
}

/** [ways to make the condition true, ways to make it false], as state changes. */
export function conditionCases(
  condition: Condition,
  members: ReadonlyMap<string, MemberType>,
  parameters: ReadonlyMap<string, string>,
): [Change[], Change[]] {
  const change = (c: Partial<Change>): Change => ({ members: [], params: [], errors: [], ...c });
  switch (condition.kind) {
    case 'member': {
      const [sat, vio] = memberCases(condition.predicate, condition.key, members.get(condition.key), members);
      const toChange = (a: Assignment) =>
        change({ members: [[condition.key, a.value], ...(a.others ?? [])], params: a.params ?? [] });
      return [sat.map(toChange), vio.map(toChange)];
    }
    case 'error':
      return [
        [change({ errors: [[condition.call, condition.code]] })],
        [change({ errors: [[condition.call, undefined]] })],
      ];
    case 'any': {
      // True when one branch is made true; false only when every branch is false.
      const branches = condition.conditions.map((c) => conditionCases(c, members, parameters));
      const sat = branches.flatMap(([s]) => s);
      const merge = (parts: Change[]): Change => ({
        members: parts.flatMap((c) => c.members),
        params: parts.flatMap((c) => c.params),
        errors: parts.flatMap((c) => c.errors),
      });
      const firsts = branches.map(([, x]) => x[0]);
      if (firsts.some((x) => x === undefined)) return [sat, []];
      const vio = branches.flatMap(([, x], i) =>
        x.map((alt) => merge(firsts.map((first, j) => (j === i ? alt : (first as Change))))),
      );
      // Each later branch true with every other false (its own change last, so it wins a shared
      // member): the state where that branch alone makes the condition hold.
      const alone = branches.flatMap(([s], i) => {
        const own = s[0];
        return i === 0 || !own ? [] : [merge([...firsts.filter((_, j) => j !== i), own] as Change[])];
      });
      return [[...sat, ...alone], vio];
    }
    case 'param': {
      const cases = paramCases(condition.predicate, parameters.get(condition.name));
      const sat: Change[] = [];
      const vio: Change[] = [];
      for (const [s, x] of cases) {
        if (x === undefined && s !== undefined) sat.push(change({ params: [[condition.name, s]] }));
        else if (s === undefined && x !== undefined) vio.push(change({ params: [[condition.name, x]] }));
        if (condition.predicate.op === 'invalid') {
          sat.push(change({ params: [[condition.name, s]] }));
          vio.push(change({ params: [[condition.name, x]] }));
        }
      }
      if (sat.length === 0) sat.push(change({ params: [[condition.name, undefined]] }));
      if (condition.predicate.op === 'notset') vio.push(change({ params: [[condition.name, ['valid-value']]] }));
      if (condition.predicate.op !== 'notset' && condition.predicate.op !== 'invalid')
        vio.push(change({ params: [[condition.name, undefined]] }));
      return [sat, vio];
    }
  }
}
