/**
 * Stable identities: the hash of a variant's definition and the key of a case (item × variant ×
 * model × repeat). The case key is the unit of resume: the same case always gets the same key.
 */
import { canonicalJson, sha256 } from '../canonical-json.js';
import { hashedDefinition } from '../generation/techniques.js';
import type { Variant } from '../generation/types.js';

/**
 * sha256 (16 hex) of a variant's whole definition (name, technique settings, model parameters);
 * the derived `techniques` flags are left out, and so are techniques added later while they are
 * off, so a variant hashes as it did before they existed.
 */
export function variantHash(variant: Variant): string {
  const { techniques: _derived, ...definition } = variant;
  return sha256(canonicalJson(hashedDefinition(definition))).slice(0, 16);
}

/** The stable key of a case: sha256 of item id, variant definition hash, model and repeat (16 hex). */
export function caseKey(itemId: string, variant: Variant, model: string, repeat: number): string {
  return sha256([itemId, variantHash(variant), model, String(repeat)].join('\0')).slice(0, 16);
}
