/**
 * `behaviour` and `behaviour_coverage`: execute the candidate on the gold's test states and compare
 * verdicts; the share of the candidate's Given/And steps the grammar understands.
 */
import { parseControl } from '../../gherkin/parse.js';
import type { CheckFactory, CheckInput } from '../checks/types.js';
import { compileControl } from './compile.js';
import { type Counterexample, counterexample } from './counterexample.js';
import { decide } from './evaluate.js';
import { goldBehaviour } from './gold-cache.js';
import type { DecisionModel } from './model.js';

/** Counterexamples kept in a score's details at most. */
export const MAX_COUNTEREXAMPLES = 5;

/** The last few candidates compiled: behaviour and behaviour_coverage read the same one in a row. */
const recent = new Map<string, DecisionModel | null>();

/** The candidate's decision model, or null when it does not parse. */
export function candidateModel(input: CheckInput): DecisionModel | null {
  const hit = recent.get(input.candidate);
  if (hit !== undefined) return hit;
  const parsed = input.parsed ?? parseControl(input.candidate);
  const model = parsed.ok ? compileControl(parsed.control) : null;
  if (recent.size >= 4) recent.delete(recent.keys().next().value as string);
  recent.set(input.candidate, model);
  return model;
}

/**
 * `behaviour`: the share of the gold's states on which the candidate decides as the gold does.
 * A state where the gold decides nothing counts only against a candidate that decides there (its
 * scenario is wider than the gold's); staying silent there earns nothing, so a candidate that
 * decides little cannot score by it.
 */
export const behaviourCheck: CheckFactory = () => (input) => {
  const gold = goldBehaviour(input.item.goldText);
  if (!gold.ok) return { metric: 'behaviour', value: null, reason: gold.reason };
  const candidate = candidateModel(input);
  const counterexamples: Counterexample[] = [];
  let agreed = 0;
  let total = 0;
  let decidedWhereGoldSilent = 0;
  for (const test of gold.states) {
    const verdict = candidate ? decide(candidate, test.state) : 'NONE';
    if (test.expected === 'NONE' && verdict === 'NONE') continue;
    total++;
    if (verdict === test.expected) agreed++;
    else {
      if (test.expected === 'NONE') decidedWhereGoldSilent++;
      if (counterexamples.length < MAX_COUNTEREXAMPLES)
        counterexamples.push(counterexample(test.state, gold.model, candidate ?? undefined, test.expected, verdict));
    }
  }
  const disagreed = total - agreed;
  const goldNote =
    gold.model.skipped.length > 0 ? `; ${gold.model.skipped.length} gold scenario(s) not executable, not tested` : '';
  return {
    metric: 'behaviour',
    value: agreed / total,
    reason: !candidate
      ? `the candidate does not parse, so it decides none of the gold's ${total} states`
      : disagreed === 0
        ? `decides all ${total} of the gold's states as the gold does${goldNote}`
        : `decides ${agreed}/${total} of the gold's states as the gold does; e.g. ${counterexamples[0]?.text}${goldNote}`,
    details: {
      states: total,
      agreed,
      disagreed,
      decidedWhereGoldSilent,
      counterexamples,
      goldScenarios: gold.model.scenarios.length,
      goldScenariosSkipped: gold.model.skipped.length,
    },
  };
};

/** `behaviour_coverage`: understood / all Given/And steps of the candidate (0 when it does not parse). */
export const behaviourCoverageCheck: CheckFactory = () => (input) => {
  const model = candidateModel(input);
  if (!model) return { metric: 'behaviour_coverage', value: 0, reason: 'the candidate does not parse' };
  if (model.givenSteps === 0)
    return { metric: 'behaviour_coverage', value: null, reason: 'the candidate has no Given/And steps' };
  const understood = model.givenSteps - model.unknown.length;
  return {
    metric: 'behaviour_coverage',
    value: understood / model.givenSteps,
    reason:
      model.unknown.length === 0
        ? `the grammar understands all ${model.givenSteps} Given/And steps`
        : `the grammar understands ${understood}/${model.givenSteps} Given/And steps; not line ${model.unknown
            .slice(0, 5)
            .map((u) => u.line)
            .join(', ')}`,
    details: { steps: model.givenSteps, understood, unknown: model.unknown.slice(0, 10) },
  };
};
