/**
 * Every stored version the run store reads, and the explicit upgrade of each older version to the
 * current one. Adding a version: its schema in `record-schemas.ts`, an upgrade from the previous
 * current version here, and one entry at the end of the kind's list.
 */
import { techniqueFlags, withLaterTechniquesOff } from '../generation/techniques.js';
import type { Variant } from '../generation/types.js';
import {
  CASE_RECORD_V1,
  caseRecordV1Schema,
  MANIFEST_V1,
  MANIFEST_V2,
  type ManifestV1,
  manifestV1Schema,
  manifestV2Schema,
} from './record-schemas.js';
import type { CaseRecord, RunManifest } from './types.js';
import { type RecordKind, recordVersion } from './versions.js';

/**
 * manifest@1 → manifest@2. Version 1 stored each variant's three techniques written out but not
 * the technique table's on/off flags (what analysis reads): they are derived from the settings as
 * the table does for a new variant, so an old run also resumes against today's plan. Items keep no
 * Boto3 methods and the manifest no scorers: version 1 did not record them, and nothing guesses them.
 */
export function upgradeManifestV1(v1: ManifestV1): RunManifest {
  return {
    ...v1,
    schema: MANIFEST_V2,
    variants: v1.variants.map((stored): Variant => {
      const variant = withLaterTechniquesOff(stored);
      return { ...variant, techniques: techniqueFlags(variant) };
    }),
  };
}

/** manifest.json: version 1 (upgraded), version 2 (current). */
export const MANIFEST_KIND: RecordKind<RunManifest> = {
  name: 'run manifest',
  damaged: 'the manifest is damaged (it is written only by "gherkin-bench run")',
  versions: [
    recordVersion(MANIFEST_V1, manifestV1Schema, upgradeManifestV1),
    recordVersion(MANIFEST_V2, manifestV2Schema, (manifest): RunManifest => manifest),
  ],
};

/** A results.jsonl line: version 1 (current). */
export const CASE_RECORD_KIND: RecordKind<CaseRecord> = {
  name: 'case record',
  damaged: 'the results file is damaged',
  versions: [recordVersion(CASE_RECORD_V1, caseRecordV1Schema, (record): CaseRecord => record)],
};
