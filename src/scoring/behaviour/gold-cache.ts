/**
 * A gold's executable form: its decision model and test states, built once per gold text and kept
 * in a bounded map keyed by the text itself (so a run over many items never grows it unbounded).
 * The text is the key, not its sha256: a digest per lookup was 1.4 % of all scoring time.
 */
import { parseControl } from '../../gherkin/parse.js';
import { compileControl } from './compile.js';
import type { DecisionModel } from './model.js';
import { generateStates, type TestState } from './states.js';

/** A gold compiled and its states, or why it cannot be executed. */
export type GoldBehaviour = { ok: true; model: DecisionModel; states: TestState[] } | { ok: false; reason: string };

/** Golds remembered at most (oldest dropped first). */
export const MAX_CACHED_GOLDS = 256;
const cache = new Map<string, GoldBehaviour>();

/** The gold's decision model and test states (cached by the gold text). */
export function goldBehaviour(goldText: string): GoldBehaviour {
  const hit = cache.get(goldText);
  if (hit) return hit;
  const built = build(goldText);
  if (cache.size >= MAX_CACHED_GOLDS) cache.delete(cache.keys().next().value as string);
  cache.set(goldText, built);
  return built;
}

function build(goldText: string): GoldBehaviour {
  const parsed = parseControl(goldText);
  if (!parsed.ok) return { ok: false, reason: `the gold does not parse: ${parsed.error.message}` };
  const model = compileControl(parsed.control);
  const states = generateStates(model);
  if (!states.some((t) => t.expected !== 'NONE'))
    return {
      ok: false,
      reason: `no scenario of the gold is executable (${model.unknown.length} step(s) not understood)`,
    };
  return { ok: true, model, states };
}
