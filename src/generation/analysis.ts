/**
 * The chain-of-thought step-1 analysis: its JSON schema (sent as `ModelRequest.jsonSchema`) and
 * its validation (zod). Step 1 turns the requirement into resources, Boto3 calls, insecure
 * configurations and a list of compliance checks; step 2 writes the gherkin from it.
 */
import { z } from 'zod';
import { OUTCOMES } from '../gherkin/parse.js';
import { parseJsonFromText } from './providers/structured.js';

/** One compliance check of the analysis. */
export const checkSchema = z.object({
  description: z.string(),
  call: z.string(),
  field: z.string(),
  condition: z.string(),
  outcome: z.enum(OUTCOMES),
});

/** The step-1 analysis. */
export const analysisSchema = z.object({
  resources: z.array(z.string()),
  boto3_calls: z.array(z.string()),
  insecure_configurations: z.array(z.string()),
  checks: z.array(checkSchema).min(1),
});
/** A validated analysis. */
export type Analysis = z.infer<typeof analysisSchema>;
/** One check of an analysis. */
export type AnalysisCheck = z.infer<typeof checkSchema>;

/** The JSON schema of the analysis, as `ModelRequest.jsonSchema` carries it. */
export const ANALYSIS_JSON_SCHEMA: { name: string; description: string; schema: Record<string, unknown> } = {
  name: 'security_control_analysis',
  description: 'Step 1: the resources, Boto3 calls, insecure configurations and compliance checks of a requirement.',
  schema: z.toJSONSchema(analysisSchema) as Record<string, unknown>,
};

/** The outcome of validating a step-1 reply. */
export type AnalysisResult = { ok: true; analysis: Analysis } | { ok: false; error: string };

/**
 * Validate a step-1 reply: the structured `json` when the provider gave one, else JSON found in the
 * text (a ```json fence, the whole text, or the outermost braces). Never throws.
 */
export function parseAnalysis(reply: { json?: unknown; text: string }): AnalysisResult {
  const raw = reply.json !== undefined ? reply.json : parseJsonFromText(reply.text);
  if (raw === undefined) return { ok: false, error: 'no JSON object in the analysis reply' };
  const result = analysisSchema.safeParse(raw);
  if (result.success) return { ok: true, analysis: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `analysis ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}
