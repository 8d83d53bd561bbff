/**
 * Test states from a gold: a witness per scenario (its conditions hold, the gold's other members
 * absent or filled), then from each witness: each condition made false in each way (boundaries,
 * every other enum value, absence), each member absent, the resource removed, and each condition
 * made false where another scenario holds. Seeded, at most {@link MAX_STATES}; the gold's own
 * verdict on each is the oracle ("no verdict" included when every gold scenario executes).
 */
import { canonicalJson, sha256 } from '../../canonical-json.js';
import { type Change, conditionCases } from './assignments.js';
import { applies, decide } from './evaluate.js';
import type { CompiledScenario, DecisionModel, Element, Scalar, State, Verdict } from './model.js';

/** Most states kept per gold. */
export const MAX_STATES = 64;
/** Filler seeds tried when looking for a scenario's witness. */
const WITNESS_TRIES = 6;

/** One test state with the gold's verdict on it and where it came from. */
export interface TestState {
  state: State;
  /** The gold's verdict; NONE (no scenario applies) only when every gold scenario executes. */
  expected: Verdict;
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

/** A state with every condition of a scenario made true (its first way) except condition `except`. */
function holding(base: State, cases: readonly [Change[], Change[]][], except: number): State {
  let state = base;
  cases.forEach(([holds], j) => {
    if (j !== except && holds[0]) state = apply(state, holds[0]);
  });
  return state;
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
 * move the member's value so that it stands to the parameter's value as the change meant it to
 * stand to the value the change wanted: an element equal to a wanted value takes the parameter's
 * value, a number keeps its distance (so `more than "p"` and `more than "p" days old` still hold),
 * anything else becomes a value outside it. A list is fitted element by element (a `some` witness
 * keeps its one matching element); an absent member stays absent.
 */
function fitToParams(change: Change, state: State): Change {
  const [param] = change.params;
  const [member] = change.members;
  const existing = param ? state.params.get(param[0]) : undefined;
  if (!param || !member || existing === undefined || existing === 'invalid' || param[1] === undefined) return change;
  const meant = param[1] === 'invalid' ? [] : param[1];
  const wanted = meant.map(String);
  const value = member[1];
  if (value === null) return { ...change, params: [], members: [[member[0], null]] };
  const fitOne = (v: Element): Element => {
    if (v === null) return null;
    const at = wanted.indexOf(String(v));
    if (at >= 0) return existing[at] ?? (existing[0] as Scalar);
    const from = Number(meant[0]);
    const to = Number(existing[0]);
    if (typeof v === 'number' && Number.isFinite(from) && Number.isFinite(to)) return v - from + to;
    return `${String(existing[0] ?? 'value')}-other`;
  };
  const fitted = Array.isArray(value)
    ? value.map(fitOne)
    : typeof value === 'object'
      ? value
      : (fitOne(value) as Scalar);
  return { ...change, params: [], members: [[member[0], fitted]] };
}

/**
 * A scenario's witness: the first state tried where the scenario decides alone (it applies, no
 * other scenario does, so a change to one of its conditions shows in the verdict), else the first
 * the gold decides as that scenario does, else the first tried.
 */
export function witnessOf(model: DecisionModel, scenario: CompiledScenario): Witness {
  let first: Witness | undefined;
  let agreeing: Witness | undefined;
  for (let k = 0; k <= WITNESS_TRIES; k++) {
    const state = satisfy(model, scenario, k, k === 0);
    const verdict = decide(model, state);
    const found = { scenario, state, verdict };
    if (verdict === scenario.outcome) {
      if (model.scenarios.every((other) => other === scenario || !applies(other, state, model))) return found;
      agreeing ??= found;
    }
    first ??= found;
  }
  return (agreeing ?? first) as Witness;
}

/**
 * The test states of a gold model (seeded; at most {@link MAX_STATES}; gold verdict attached).
 *
 * Witnesses come first; then, round by round, one state of each group (a scenario's condition
 * made false in one way, at another value, absent; the resource flipped), so every condition is
 * tested before any gets a second state. A condition is also made false on the witness of every
 * other scenario with the rest of its own scenario holding: where that other scenario still
 * applies, the gold's verdict there is what a control that dropped the condition would get wrong;
 * and with all of them holding, where precedence decides between the two.
 * States where the gold decides nothing are kept (expected `NONE`, "no verdict") only when every
 * scenario of the gold executes; otherwise a scenario the grammar could not read might decide
 * there, and they are dropped.
 */
export function generateStates(model: DecisionModel, seed = 14): TestState[] {
  const keepUndecided = model.skipped.length === 0;
  const witnesses: TestState[] = [];
  const groups: TestState[][] = [];
  const seen = new Set<string>();
  const add = (list: TestState[], state: State, origin: string) => {
    const key = stateKey(state);
    if (seen.has(key)) return;
    seen.add(key);
    const expected = decide(model, state);
    if (expected !== 'NONE' || keepUndecided) list.push({ state, expected, origin });
  };
  const found = model.scenarios.map((scenario) => witnessOf(model, scenario).state);
  model.scenarios.forEach((scenario, s) => {
    const witness = found[s] as State;
    const of = `"${scenario.name}"`;
    add(witnesses, witness, `witness of ${of}`);
    const cases = scenario.conditions.map((c) => conditionCases(c, model.members, model.parameters));
    scenario.conditions.forEach((condition, i) => {
      const group: TestState[] = [];
      const [sat, vio] = cases[i] as [Change[], Change[]];
      for (const change of vio) add(group, apply(witness, change), `${of}, condition ${i + 1} false`);
      for (const change of sat.slice(1))
        add(group, apply(witness, change), `${of}, condition ${i + 1} at another value`);
      if (condition.kind === 'member')
        add(
          group,
          apply(witness, { members: [[condition.key, null]], params: [], errors: [] }),
          `${of}, member absent`,
        );
      // The same condition false on each other scenario's witness, the rest of this scenario holding.
      for (const [o, other] of model.scenarios.entries()) {
        if (o === s || other.outcome === scenario.outcome) continue;
        const base = holding(found[o] as State, cases, i);
        for (const change of vio)
          add(group, apply(base, change), `${of}, condition ${i + 1} false where "${other.name}" holds`);
      }
      groups.push(shuffle(group, seed));
    });
    // Every condition holding on each other scenario's witness: where both apply, precedence decides.
    const overlaps: TestState[] = [];
    for (const [o, other] of model.scenarios.entries())
      if (o !== s && other.outcome !== scenario.outcome)
        add(overlaps, holding(found[o] as State, cases, -1), `${of} and "${other.name}" both hold`);
    groups.push(shuffle(overlaps, seed));
    const flipped = copy(witness);
    flipped.resource = !witness.resource;
    const group: TestState[] = [];
    add(group, flipped, `${of}, resource ${witness.resource ? 'removed' : 'present'}`);
    groups.push(group);
  });
  const states = witnesses.slice(0, MAX_STATES);
  for (let round = 0; states.length < MAX_STATES; round++) {
    const next = shuffle(
      groups.flatMap((g) => g.slice(round, round + 1)),
      seed + round,
    );
    if (next.length === 0) break;
    states.push(...next.slice(0, MAX_STATES - states.length));
  }
  return states;
}

/** A seeded order that does not depend on how the list was built: by sha256(seed, state). */
function shuffle(list: TestState[], seed: number): TestState[] {
  const keyed = list.map((t) => ({ t, k: sha256(`${seed}:${stateKey(t.state)}`) }));
  return keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.t);
}
