/**
 * Stable identities: the hash of a variant's definition and the key of a case (item × variant ×
 * model × repeat). The case key is the unit of resume: the same case always gets the same key.
 */
import { createHash } from 'node:crypto';
import type { Variant } from '../generation/types.js';

/** JSON with object keys sorted at every level, so equal values always serialise the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** sha256 (hex) of a string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** sha256 (16 hex) of a variant's whole definition (name, techniques, knobs, model parameters). */
export function variantHash(variant: Variant): string {
  return sha256(canonicalJson(variant)).slice(0, 16);
}

/** The stable key of a case: sha256 of item id, variant definition hash, model and repeat (16 hex). */
export function caseKey(itemId: string, variant: Variant, model: string, repeat: number): string {
  return sha256([itemId, variantHash(variant), model, String(repeat)].join('\0')).slice(0, 16);
}
