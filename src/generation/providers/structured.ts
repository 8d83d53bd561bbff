/** Structured output helpers shared by the providers: ask for JSON in words, find it in a text reply. */
import type { ModelRequest } from './types.js';

/** The system-prompt instruction asking for a JSON object, for models without a JSON mode or forced tool use. */
export function jsonInstruction(schema: NonNullable<ModelRequest['jsonSchema']>): string {
  return `Answer with only a JSON object (no prose, no code fence) that matches this JSON schema for "${schema.name}":\n${JSON.stringify(schema.schema)}`;
}

/** `system` with the JSON instruction appended. */
export function withJsonInstruction(
  system: string | undefined,
  schema: NonNullable<ModelRequest['jsonSchema']>,
): string {
  return [system, jsonInstruction(schema)].filter(Boolean).join('\n\n');
}

/**
 * Parse the JSON object or array a model wrote in `text`: the whole text, else the first fenced
 * ```json block, else the span from the first `{` to the last `}`. Undefined when none parses.
 */
export function parseJsonFromText(text: string): unknown {
  const candidates: string[] = [text.trim()];
  const fence = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(text);
  if (fence?.[1]) candidates.push(fence[1].trim());
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));
  for (const candidate of candidates) {
    if (!candidate.startsWith('{') && !candidate.startsWith('[')) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}
