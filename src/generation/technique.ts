/**
 * The contract of one prompting technique (a row of the technique table in `techniques.ts`):
 * its key in a variant, its settings and their variant-file schema fragment, how an ablation
 * switches it, and the steps it adds to the chain when on.
 */
import type { z } from 'zod';
import type { StagedStep } from './step.js';

/**
 * One technique. `S` is its settings as a variant holds them (under `key`), `I` the parsed
 * variant-file fragment (every field optional). Methods (not function properties) so a table of
 * techniques with different settings is one array.
 */
export interface Technique<K extends string = string, S = unknown, I = unknown> {
  /** The variant field and ablation factor id, e.g. `fewShot`. */
  readonly key: K;
  /** Its name inside ablation variant names, e.g. `fewshot` in `cot+fewshot`. */
  readonly label: string;
  /**
   * True for a technique added after runs were first stored: a stored variant without its key had
   * it off, and while its settings equal `off` it stays out of the variant's hash, so adding it
   * changed no existing case key (stored runs resume and compare as before).
   */
  readonly addedLater?: boolean;
  /** Settings with the technique off (the default variant's). */
  readonly off: S;
  /** The variant-file fragment under `key` (zod); its errors name the field path. */
  readonly schema: z.ZodType<I>;
  /** Settings after a variant file's fragment is laid over `current`. */
  merge(current: S, input: I): S;
  /** True when the settings switch the technique on. */
  isOn(settings: S): boolean;
  /** The settings an ablation uses for this level, from the base variant's settings. */
  switched(base: S, on: boolean): S;
  /** True when its steps need the API retriever (`StepContext.retriever`); default: never. */
  needsRetriever?(settings: S): boolean;
  /** The steps it adds to the chain (only asked when on). */
  steps(settings: S): StagedStep[];
}

/** The settings of a technique switched by an `enabled` field (RAG, the agent, repair). */
export interface Switchable {
  enabled: boolean;
}

/**
 * `merge`, `isOn` and `switched` of a technique whose settings have an `enabled` field: a variant
 * file's fragment is laid over the settings, `enabled` says whether it is on, and an ablation sets
 * `enabled` over the base's knobs.
 */
export function switchedByEnabled<S extends Switchable, I extends Partial<S>>(): Pick<
  Technique<string, S, I>,
  'merge' | 'isOn' | 'switched'
> {
  return {
    merge: (current, input) => ({ ...current, ...input }),
    isOn: (settings) => settings.enabled,
    switched: (base, on) => ({ ...base, enabled: on }),
  };
}
