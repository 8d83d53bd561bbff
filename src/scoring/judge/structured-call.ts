/**
 * One structured judge call with the judge's failure policy: temperature 0, the JSON schema asked
 * for, the reply validated with zod, ONE repair retry that sends the validation error back, then a
 * failure as data. Provider errors become failures; user errors (setup problems) propagate.
 */
import type { z } from 'zod';
import { isUserError } from '../../errors.js';
import type {
  ModelMessage,
  ModelProvider,
  ModelRequest,
  ModelResponse,
  Usage,
} from '../../generation/providers/types.js';
import type { CaseUsage } from '../../generation/types.js';
import { addCaseUsage } from '../../generation/usage.js';
import { jsonInText } from './prompt.js';

/** A validated reply, or why there is none. */
export type Structured<T> = { ok: true; value: T } | { ok: false; error: string };

/** What one structured call needs. */
export interface StructuredCall<T> {
  provider: ModelProvider;
  system: string;
  user: string;
  jsonSchema: NonNullable<ModelRequest['jsonSchema']>;
  schema: z.ZodType<T>;
  /** The repair message for a validation error. */
  repair: (error: string) => string;
  maxTokens?: number;
  repeat?: number;
  signal?: AbortSignal;
  costOf?: (usage: Usage, modelId: string) => number | null;
}

function validate<T>(schema: z.ZodType<T>, response: ModelResponse): Structured<T> {
  const raw = response.json ?? jsonInText(response.text);
  if (raw === undefined) return { ok: false, error: 'the reply holds no JSON object' };
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'reply'}: ${issue?.message ?? 'invalid'}` };
}

/** Make the call (and at most one repair call); usage is added to `usage`. Never throws for the model's faults. */
export async function structuredCall<T>(call: StructuredCall<T>, usage: CaseUsage): Promise<Structured<T>> {
  const request = {
    system: call.system,
    params: { temperature: 0, maxTokens: call.maxTokens ?? 2048 },
    jsonSchema: call.jsonSchema,
    cacheSystemPrompt: true,
  };
  const options = { repeat: call.repeat ?? 0, ...(call.signal ? { signal: call.signal } : {}) };
  const messages: ModelMessage[] = [{ role: 'user', content: call.user }];
  const send = async (): Promise<ModelResponse> => {
    const response = await call.provider.call({ ...request, messages: [...messages] }, options);
    const cost = call.costOf ? call.costOf(response.usage, response.modelId) : null;
    addCaseUsage(usage, {
      calls: 1,
      tokensIn: response.usage.inputTokens,
      tokensOut: response.usage.outputTokens,
      cacheReadTokens: response.usage.cacheReadTokens,
      cacheWriteTokens: response.usage.cacheWriteTokens,
      latencyMs: response.latencyMs,
      costUsd: cost,
    });
    return response;
  };
  try {
    const first = await send();
    const checked = validate(call.schema, first);
    if (checked.ok) return checked;
    const said = first.text.trim() || (first.json === undefined ? '' : JSON.stringify(first.json));
    messages.push({ role: 'assistant', content: said || '(no reply)' });
    messages.push({ role: 'user', content: call.repair(checked.error) });
    const repaired = validate(call.schema, await send());
    return repaired.ok ? repaired : { ok: false, error: `invalid reply after one repair retry: ${repaired.error}` };
  } catch (error) {
    if (isUserError(error)) throw error; // a setup problem (e.g. a replay cache miss), not the model's fault
    return { ok: false, error: `judge call failed: ${(error as Error).message ?? String(error)}` };
  }
}
