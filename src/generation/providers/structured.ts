/** Structured output helpers shared by the providers: find a JSON value in a model's text reply. */

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
