/**
 * Whether a corrupted control is undetectable by the behaviour metric, proven by evaluation: the
 * gold's and the corrupted control's decision models are run on every state of the product of
 * their members' (and rule parameters', and call errors') value classes — every value any
 * condition of either model is made true or false with (`conditionCases`), plus absence — and
 * their verdicts compared. A corruption that decides like the gold on all of them is
 * `equivalent`; one that differs on a state is `differs`, with that state as the proof.
 */
import { canonicalJson } from '../../canonical-json.js';
import { conditionCases } from '../behaviour/assignments.js';
import { decide } from '../behaviour/evaluate.js';
import type { DecisionModel, MemberValue, ParamValue, State, Verdict } from '../behaviour/model.js';

/** Largest product of value classes evaluated; beyond it equivalence is not proven. */
export const MAX_PRODUCT_STATES = 200_000;

/** The outcome of an equivalence check. */
export type Equivalence =
  /** Same verdict on every state of the product (`states` of them). */
  | { kind: 'equivalent'; states: number }
  /**
   * A state where the verdicts differ: one where the gold decides when there is one, else one
   * where the gold decides nothing (NONE) and the corrupted control does.
   */
  | { kind: 'differs'; states: number; state: State; gold: Verdict; corrupted: Verdict }
  /** The product is larger than {@link MAX_PRODUCT_STATES}: not proven either way. */
  | { kind: 'too-large'; states: number };

/** One dimension of the product: a member, a parameter or a call's error, with its value classes. */
interface Dimension {
  kind: 'member' | 'param' | 'error';
  name: string;
  values: unknown[];
}

function dimensions(models: readonly DecisionModel[]): Dimension[] {
  const dims = new Map<string, Dimension & { seen: Set<string> }>();
  const add = (kind: Dimension['kind'], name: string, value: unknown) => {
    const id = `${kind}\u0000${name}`;
    let dim = dims.get(id);
    if (!dim) {
      // Absence is a class of every dimension (null member, unset parameter, call that succeeds).
      const absent = kind === 'member' ? null : undefined;
      dim = { kind, name, values: [absent], seen: new Set([canonicalJson(absent ?? null)]) };
      dims.set(id, dim);
    }
    const key = canonicalJson(value ?? null);
    if (dim.seen.has(key)) return;
    dim.seen.add(key);
    dim.values.push(value);
  };
  for (const model of models)
    for (const scenario of model.scenarios)
      for (const condition of scenario.conditions) {
        const [sat, vio] = conditionCases(condition, model.members, model.parameters);
        for (const change of [...sat, ...vio]) {
          for (const [key, value] of change.members) add('member', key, value);
          for (const [name, value] of change.params) add('param', name, value);
          for (const [call, code] of change.errors) add('error', call, code);
        }
      }
  return [...dims.values()].map(({ kind, name, values }) => ({ kind, name, values }));
}

function stateOf(resource: boolean, dims: readonly Dimension[], choice: readonly number[]): State {
  const state: State = { resource, members: new Map(), errors: new Map(), params: new Map(), seed: 0 };
  dims.forEach((dim, i) => {
    const value = dim.values[choice[i] as number];
    if (dim.kind === 'member') state.members.set(dim.name, value as MemberValue | null);
    else if (value === undefined) return;
    else if (dim.kind === 'param') state.params.set(dim.name, value as ParamValue);
    else state.errors.set(dim.name, value as string);
  });
  return state;
}

/**
 * A model's scenarios as a set of (outcome, resource, set of conditions): what `decide` reads.
 * Two models with one such set decide every state alike.
 */
function scenarioSet(model: DecisionModel): string {
  const scenarios = model.scenarios.map((s) =>
    canonicalJson([s.outcome, s.resource, [...new Set(s.conditions.map((c) => canonicalJson(c)))].sort()]),
  );
  return canonicalJson([...new Set(scenarios)].sort());
}

/**
 * Compare two decision models: equivalent at once when they state the same scenarios (a
 * condition written twice, scenarios reordered); else on every state of their value-class product
 * (the resource present with every combination; the resource absent with every combination of
 * parameters and errors).
 */
export function checkEquivalence(gold: DecisionModel, corrupted: DecisionModel): Equivalence {
  if (scenarioSet(gold) === scenarioSet(corrupted)) return { kind: 'equivalent', states: 0 };
  const dims = dimensions([gold, corrupted]);
  const withoutMembers = dims.filter((d) => d.kind !== 'member');
  const size = (list: readonly Dimension[]) => list.reduce((n, d) => n * d.values.length, 1);
  const states = size(dims) + size(withoutMembers);
  if (states > MAX_PRODUCT_STATES) return { kind: 'too-large', states };
  let undecided: Equivalence | undefined;
  for (const [resource, list] of [
    [true, dims],
    [false, withoutMembers],
  ] as const) {
    const choice = list.map(() => 0);
    for (;;) {
      const state = stateOf(resource, list, choice);
      const a = decide(gold, state);
      const b = decide(corrupted, state);
      if (a !== b && a !== 'NONE') return { kind: 'differs', states, state, gold: a, corrupted: b };
      if (a !== b) undecided ??= { kind: 'differs', states, state, gold: a, corrupted: b };
      let i = 0;
      while (i < list.length && ++choice[i]! >= (list[i] as Dimension).values.length) choice[i++] = 0;
      if (i === list.length) break;
    }
  }
  return undecided ?? { kind: 'equivalent', states };
}
