/**
 * What the rest of the code asks of the technique table (`technique-table.ts`): keys, defaults,
 * the variant-file schema fragments, on/off flags, ablation switching, ablation names and steps.
 * Config, variants, the chain and (through the stored `techniques` flags) analysis use these.
 */
import { canonicalJson } from '../canonical-json.js';
import type { StagedStep } from './step.js';
import type { Technique } from './technique.js';
import {
  TECHNIQUE_TABLE,
  type TechniqueFileShape,
  type TechniqueKey,
  type TechniqueSettings,
} from './technique-table.js';

export type { TechniqueFileShape, TechniqueKey, TechniqueSettings } from './technique-table.js';

/** Any row, its settings unknown (what code that walks the table sees). */
type AnyTechnique = Technique<string, unknown, unknown>;
const ROWS: readonly AnyTechnique[] = TECHNIQUE_TABLE;

/** The technique keys, in naming order. */
export const TECHNIQUES: readonly TechniqueKey[] = TECHNIQUE_TABLE.map((t) => t.key);

/** The keys every stored variant holds: the techniques of the first table (not {@link Technique.addedLater}). */
export const STORED_TECHNIQUES: readonly TechniqueKey[] = TECHNIQUE_TABLE.filter(
  (t) => !(t as AnyTechnique).addedLater,
).map((t) => t.key);

/**
 * A stored variant as today's table reads it: each technique added later that it lacks is off (its
 * `off` settings; `false` in its on/off flags when it has them). Returns a new object.
 */
export function withLaterTechniquesOff<V extends object>(stored: V): V & TechniqueSettings {
  const out: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  const flags = out.techniques as Record<string, boolean> | undefined;
  for (const t of ROWS) {
    if (!t.addedLater || out[t.key] !== undefined) continue;
    out[t.key] = structuredClone(t.off);
    if (flags && flags[t.key] === undefined) out.techniques = { ...(out.techniques as object), [t.key]: false };
  }
  return out as V & TechniqueSettings;
}

/**
 * A variant's definition as its hash reads it: without the techniques added later that are off at
 * their `off` settings (so a variant hashes as it did before they existed).
 */
export function hashedDefinition<V extends object>(variant: V): Partial<V> {
  const out: Record<string, unknown> = { ...(variant as Record<string, unknown>) };
  for (const t of ROWS) {
    if (t.addedLater && canonicalJson(out[t.key]) === canonicalJson(t.off)) delete out[t.key];
  }
  return out as Partial<V>;
}

/** The zod shape of every technique's variant-file fragment, in table order. */
export function techniqueFileShape(): TechniqueFileShape {
  return Object.fromEntries(TECHNIQUE_TABLE.map((t) => [t.key, t.schema.optional()])) as TechniqueFileShape;
}

/** Settings with every technique off. */
export function techniquesOff(): TechniqueSettings {
  return Object.fromEntries(ROWS.map((t) => [t.key, structuredClone(t.off)])) as TechniqueSettings;
}

function settingsOf(variant: TechniqueSettings, t: AnyTechnique): unknown {
  return (variant as Record<string, unknown>)[t.key];
}

function setSettings(variant: TechniqueSettings, t: AnyTechnique, settings: unknown): void {
  (variant as Record<string, unknown>)[t.key] = settings;
}

/** The technique keys a variant has on, in naming order. */
export function techniquesOn(variant: TechniqueSettings): TechniqueKey[] {
  return ROWS.filter((t) => t.isOn(settingsOf(variant, t))).map((t) => t.key as TechniqueKey);
}

/** On/off per technique key, in table order: the generic form analysis reads from a stored variant. */
export function techniqueFlags(variant: TechniqueSettings): Record<string, boolean> {
  return Object.fromEntries(ROWS.map((t) => [t.key, t.isOn(settingsOf(variant, t))]));
}

/** The ablation name of a set of techniques: labels joined with '+' in table order; `none` if empty. */
export function ablationName(on: readonly string[]): string {
  const names = ROWS.filter((t) => on.includes(t.key)).map((t) => t.label);
  return names.length ? names.join('+') : 'none';
}

/** Lay a variant file's technique fragments over settings (in place). */
export function mergeTechniques(variant: TechniqueSettings, input: Partial<Record<string, unknown>>): void {
  for (const t of ROWS) {
    const fragment = input[t.key];
    if (fragment !== undefined) setSettings(variant, t, t.merge(settingsOf(variant, t), fragment));
  }
}

/** Switch one technique on or off (in place) as an ablation does, from the base's settings. */
export function switchTechnique(variant: TechniqueSettings, base: TechniqueSettings, key: string, on: boolean): void {
  const t = ROWS.find((row) => row.key === key);
  if (t) setSettings(variant, t, t.switched(settingsOf(base, t), on));
}

/** True when a step of the variant needs the API retriever (RAG, the agent's tools). */
export function needsRetriever(variant: TechniqueSettings): boolean {
  return ROWS.some((t) => {
    const settings = settingsOf(variant, t);
    return t.isOn(settings) && (t.needsRetriever?.(settings) ?? false);
  });
}

/** The steps the variant's techniques add, in table order (the chain orders them by stage). */
export function techniqueSteps(variant: TechniqueSettings): StagedStep[] {
  return ROWS.flatMap((t) => {
    const settings = settingsOf(variant, t);
    return t.isOn(settings) ? t.steps(settings) : [];
  });
}
