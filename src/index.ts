/**
 * gherkin-bench's typed library API: what a scientist imports in a notebook or a script.
 * The CLI is a thin layer over these same functions.
 *
 * @example
 * ```ts
 * import { executeRun, readRun, summarize } from 'gherkin-bench';
 * const { counts } = await executeRun({ flags: { limit: 10 }, cwd: process.cwd() });
 * const run = await readRun(counts.runDir); // manifest and records, parsed and upgraded to today's versions
 * ```
 */

export { krippendorffAlpha, meanPairwiseKappa, weightedKappa } from './analysis/agreement.js';
export { compareRuns } from './analysis/compare-runs.js';
export { summarize } from './analysis/summarize.js';
// Analysis, reports and the gate.
export type { Summary } from './analysis/types.js';
// Experiments and the run store.
export { loadExperiment } from './config/load.js';
export { type PlannedModel, planModel } from './config/models.js';
export { buildPlan, type RunPlan } from './config/plan.js';
export { importAwsConfigRules } from './dataset/import/import.js';
export { defaultDatasetDir, loadDataset } from './dataset/load.js';
export { fewShotPool, splitItems } from './dataset/splits.js';
export { datasetStats } from './dataset/stats.js';
// The gold set.
export type { Category, Dataset, Item, Severity, Split } from './dataset/types.js';
export { validateDataset } from './dataset/validate.js';
// Errors every caller may meet.
export { isUserError, UserError } from './errors.js';
export { type ExecuteRunInput, type ExecuteRunResult, executeRun } from './experiment/execute.js';
export { type FailureGroup, groupFailures } from './experiment/failures.js';
export { makeBaseline, readBaseline } from './gate/baseline.js';
export { evaluateGate } from './gate/evaluate.js';
export { DEFAULT_RULES, readRules } from './gate/rules.js';
export { generateCandidate } from './generation/chain.js';
export { extractGherkin } from './generation/extract.js';
export { createBedrockProvider } from './generation/providers/bedrock.js';
export { openCallCache, withCache } from './generation/providers/cache.js';
export { createOfflineProvider } from './generation/providers/offline.js';
export { resolveProvider } from './generation/providers/registry.js';
export type { ModelProvider, ModelRequest, ModelResponse } from './generation/providers/types.js';
// Generation: variants, the chain and the providers.
export type { Candidate, CaseUsage, ChainStep, Trace, Variant } from './generation/types.js';
export { ablationVariants, loadVariants, resolveVariant } from './generation/variants.js';
export { type ParsedControl, parseControl } from './gherkin/parse.js';
export { checkStructure } from './gherkin/rules.js';
// Knowledge: the Boto3 API models, retrieval (the RAG corpus) and grounding.
export { createCatalog, defaultCatalog, type ServiceApi, type ServiceCatalog } from './knowledge/catalog.js';
export { apiReferences, type GroundingReport, groundText } from './knowledge/grounding.js';
export { createRetriever, type RetrievalHit, type Retriever } from './knowledge/retrieval.js';
export { findMember, type MemberInfo, memberPaths } from './knowledge/shapes.js';
export { xformName } from './knowledge/xform-name.js';
// Expert labels: the labelling server, the label files, agreement with people and the judge.
export { type LabelAgreement, labelAgreement } from './labels/agreement.js';
export { tabulateLabels } from './labels/ratings.js';
export { runLabelAgreement } from './labels/run-labels.js';
export { startLabelServer } from './labels/server.js';
export { readLabelFile } from './labels/store.js';
export type { ReportDetailStore } from './report/case-details.js';
export { rebuildReports } from './report/rebuild.js';
// The report page's data contract (what index.html embeds and its script reads).
export {
  REPORT_DATA_ELEMENT,
  type ReportCase,
  type ReportCaseDetail,
  type ReportData,
  type ReportPassage,
  type ReportScore,
  reportData,
} from './report/report-data.js';
export { writeReports } from './report/write.js';
export { runExperiment } from './run/engine.js';
export { type PlanRunInput, planRun } from './run/execute.js';
export { listRuns } from './run/list.js';
export { type PreflightOptions, preflight } from './run/preflight.js';
// Run records: zod schemas per stored version, the upgrade of older versions, the readers.
export {
  CASE_RECORD_V1,
  caseRecordV1Schema,
  MANIFEST_V1,
  MANIFEST_V2,
  type ManifestV1,
  manifestV1Schema,
  manifestV2Schema,
  scoreSchema,
  traceSchema,
} from './run/record-schemas.js';
export { MANIFEST_FILE, parseResults, RESULTS_FILE, readManifest, readResults } from './run/records.js';
export { type RescoreInput, type RescoreResult, rescoreRun } from './run/rescore.js';
export { readRun, type StoredRun } from './run/store.js';
export {
  CASE_RECORD_SCHEMA,
  type CaseId,
  type CaseRecord,
  MANIFEST_SCHEMA,
  type RescoreRecord,
  type RunItem,
  type RunManifest,
} from './run/types.js';
export { CASE_RECORD_KIND, MANIFEST_KIND, upgradeManifestV1 } from './run/upgrades.js';
export { type RecordKind, type RecordPlace, type RecordVersion, readRecord, recordVersion } from './run/versions.js';
export { calibrate } from './scoring/calibration/calibrate.js';
export { calibrateAgainstLabels } from './scoring/calibration/human-labels.js';
export { CHECKS, scoreChecks } from './scoring/checks.js';
export { judgeCandidate } from './scoring/judge/judge.js';
export { loadRubric } from './scoring/judge/rubric.js';
export { createScoringMemo, type ScoringMemo } from './scoring/memo.js';
export type { Scorer, ScorerDefinition, ScorerRecord, ScoringContext, ScoringSettings } from './scoring/scorer.js';
export { createCaseScorer, SCORER_IDS, SCORERS, type ScorerId } from './scoring/scorers.js';
// Scoring: deterministic checks and the judge.
export type { MetricId, Score } from './scoring/types.js';
