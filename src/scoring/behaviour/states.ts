/**
 * Test states from a gold: a witness per scenario (its conditions hold, the gold's other members
 * absent or filled), then from each witness: each condition made false in each way (boundaries,
 * every other enum value, absence), each member absent, the resource removed. Seeded, at most
 * {@link MAX_STATES}; the gold's own verdict on each is the oracle, and states where the gold
 * gives no verdict are dropped.
 */
import { canonicalJson, sha256 } from '../../canonical-json.js';
import type { Outcome } from '../../gherkin/parse.js';
import { type Change, conditionCases } from './assignments.js';
import { decide } from './evaluate.js';
import type { CompiledScenario, DecisionModel, State } from './model.js';

/** Most states kept per gold. */
export const MAX_STATES = 64;
/** Filler seeds tried when looking for a scenario's witness. */
const WITNESS_TRIES = 6;

/** One test state with the gold's verdict on it and where it came from. */
export interface TestState {
  state: State;
  /** The gold's verdict (never NONE: such states are dropped). */
  expected: Outcome;
  /** How it was made, e.g. `witness of "Storage is not encrypted"`. */
  origin: string;
}

/** A scenario's witness search result. */
export interface Witness {
  scenario: CompiledScenario;
  /** A state where every condition of the scenario holds. */
  state: State;
  /** The gold's verdict there (differs from the scenario's outcome when it is shadowed). */
  verdict: string;
}

function copy(state: State): State {
  return {
    resource: state.resource,
    members: new Map(state.members),
    errors: new Map(state.errors),
    params: new Map(state.params),
    seed: state.seed,
  };
}

function apply(state: State, change: Change): State {
  const next = copy(state);
  for (const [key, value] of change.members) next.members.set(key, value);
  for (const [name, value] of change.params) {
    if (value === undefined) next.params.delete(name);
    else next.params.set(name, value);
  }
  for (const [call, code] of change.errors) {
    if (code === undefined) next.errors.delete(call);
    else next.errors.set(call, code);
  }
  return next;
}

/** A stable text of a state (for de-duplication and the cache). */
export function stateKey(state: State): string {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return canonicalJson({
    r: state.resource,
    m: sorted(state.members),
    e: sorted(state.errors),
    p: sorted(state.params),
    s: state.seed,
  });
}

/** Where every condition of the scenario holds; `absent`: the gold's other members absent. */
function satisfy(model: DecisionModel, scenario: CompiledScenario, seed: number, absent: boolean): State {
  let state: State = {
    resource: scenario.resource ?? true,
    members: new Map(),
    errors: new Map(),
    params: new Map(),
    seed,
  };
  if (absent) for (const key of model.members.keys()) state.members.set(key, null);
  // Parameter conditions first, so a comparison with a parameter reuses the value they set.
  const ordered = [...scenario.conditions].sort((a, b) => Number(a.kind !== 'param') - Number(b.kind !== 'param'));
  for (const condition of ordered) {
    const [sat] = conditionCases(condition, model.members, model.parameters);
    if (sat[0]) state = apply(state, fitToParams(sat[0], state));
  }
  return state;
}

/**
 * A change that compares a member with a parameter the state already sets: keep the parameter and
 * move the member's value to match (same value) or not (a value outside it) as the change meant.
 */
function fitToParams(change: Change, state: State): Change {
  const [param] = change.params;
  const [member] = change.members;
  const existing = param ? state.params.get(param[0]) : undefined;
  if (!param || !member || existing === undefined || existing === 'invalid' || param[1] === undefined) return change;
  const wanted = param[1] === 'invalid' ? [] : param[1].map(String);
  const value = member[1];
  const values = value === null ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
  const inside = values.length > 0 && values.every((v) => wanted.includes(v));
  const next: (typeof member)[1] = inside ? (existing[0] ?? null) : `${String(existing[0] ?? 'value')}-other`;
  const shaped = Array.isArray(value) && next !== null ? [next as string | number | boolean] : next;
  return { ...change, params: [], members: [[member[0], shaped]] };
}

/** The first witness of a scenario that the gold decides as that scenario does (or the first tried). */
export function witnessOf(model: DecisionModel, scenario: CompiledScenario): Witness {
  let first: Witness | undefined;
  for (let k = 0; k <= WITNESS_TRIES; k++) {
    const state = satisfy(model, scenario, k, k === 0);
    const verdict = decide(model, state);
    if (verdict === scenario.outcome) return { scenario, state, verdict };
    first ??= { scenario, state, verdict };
  }
  return first as Witness;
}

/** The test states of a gold model (seeded; at most {@link MAX_STATES}; gold verdict attached). */
export function generateStates(model: DecisionModel, seed = 14): TestState[] {
  const witnesses: TestState[] = [];
  const variations: TestState[] = [];
  const seen = new Set<string>();
  const add = (list: TestState[], state: State, origin: string) => {
    const key = stateKey(state);
    if (seen.has(key)) return;
    seen.add(key);
    const expected = decide(model, state);
    if (expected !== 'NONE') list.push({ state, expected, origin });
  };
  for (const scenario of model.scenarios) {
    const { state: witness } = witnessOf(model, scenario);
    const of = `"${scenario.name}"`;
    add(witnesses, witness, `witness of ${of}`);
    scenario.conditions.forEach((condition, i) => {
      const [sat, vio] = conditionCases(condition, model.members, model.parameters);
      for (const change of vio) add(variations, apply(witness, change), `${of}, condition ${i + 1} false`);
      for (const change of sat.slice(1))
        add(variations, apply(witness, change), `${of}, condition ${i + 1} at another value`);
      if (condition.kind === 'member')
        add(
          variations,
          apply(witness, { members: [[condition.key, null]], params: [], errors: [] }),
          `${of}, member absent`,
        );
    });
    const flipped = copy(witness);
    flipped.resource = !witness.resource;
    add(variations, flipped, `${of}, resource ${witness.resource ? 'removed' : 'present'}`);
  }
  const room = Math.max(0, MAX_STATES - witnesses.length);
  return [...witnesses.slice(0, MAX_STATES), ...shuffle(variations, seed).slice(0, room)];
}

/** A seeded order that does not depend on how the list was built: by sha256(seed, state). */
function shuffle(list: TestState[], seed: number): TestState[] {
  const keyed = list.map((t) => ({ t, k: sha256(`${seed}:${stateKey(t.state)}`) }));
  return keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.t);
}
