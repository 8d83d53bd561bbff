/**
 * `precision`: reference-free padding cost. The share of the candidate's quoted Boto3 calls and
 * member paths that the gold also uses, with `extra_scenarios` (candidate scenarios that apply to
 * none of the gold's test states: checks of situations the control is not about) in details.
 */

import { applies } from '../behaviour/evaluate.js';
import { goldBehaviour } from '../behaviour/gold-cache.js';
import { candidateModel } from '../behaviour/metric.js';
import { goldReference, normaliseMethod, normalisePath } from './gold.js';
import { candidateRefs } from './reference.js';
import type { CheckFactory, CheckInput } from './types.js';

/** Candidate scenarios that apply to none of the states the gold decides (null when the gold cannot be executed). */
function extraScenarios(input: CheckInput): string[] | null {
  const gold = goldBehaviour(input.item.goldText);
  const model = candidateModel(input);
  if (!gold.ok || !model) return null;
  const decided = gold.states.filter((t) => t.expected !== 'NONE');
  return model.scenarios.filter((s) => !decided.some((t) => applies(s, t.state, model))).map((s) => s.name);
}

/** `precision`: matched / all of the candidate's calls and paths; null when it quotes none. */
export const precisionCheck: CheckFactory = () => (input) => {
  const gold = goldReference(input.item, input.memo);
  const goldRefs = new Set([...gold.methods, ...gold.paths.map(normalisePath)]);
  const refs = candidateRefs(input);
  const found = [
    ...new Set([...refs.methods.map((m) => normaliseMethod(m, input.item.service)), ...refs.paths.map(normalisePath)]),
  ];
  const extra = found.filter((r) => !goldRefs.has(r)).sort();
  const extraScenariosNames = extraScenarios(input);
  const details = {
    matched: found.length - extra.length,
    extra,
    extra_scenarios: extraScenariosNames?.length ?? null,
    extraScenarios: extraScenariosNames ?? [],
  };
  const scenarioNote =
    extraScenariosNames && extraScenariosNames.length > 0
      ? `; ${extraScenariosNames.length} scenario(s) apply to none of the gold's states`
      : '';
  if (found.length === 0)
    return { metric: 'precision', value: null, reason: 'the candidate quotes no Boto3 call or member path', details };
  return {
    metric: 'precision',
    value: details.matched / found.length,
    reason:
      extra.length === 0
        ? `all ${found.length} calls and paths are the gold's${scenarioNote}`
        : `${details.matched}/${found.length} calls and paths are the gold's; extra ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}${scenarioNote}`,
    details,
  };
};
