/** Documentation text of the botocore models, made short and plain for terminals and prompts. */

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
};

/** Strip HTML tags, decode the common entities and collapse whitespace. */
export function stripHtml(html: string | undefined): string {
  if (!html) return '';
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:lt|gt|amp|quot|#39|apos|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first sentence of a documentation string (or, when `maxChars` is over 200, as many
 * sentences as fit), HTML stripped, at most `maxChars` long (cut at a word boundary with "…").
 */
export function shortDoc(html: string | undefined, maxChars = 160): string {
  // Only the start matters; a tag cut off at the end is dropped.
  const head = html && html.length > maxChars * 4 ? html.slice(0, maxChars * 4).replace(/<[^>]*$/, '') : html;
  const text = stripHtml(head);
  if (!text) return '';
  const sentence = maxChars > 200 ? text : (/^(.+?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text);
  if (sentence.length <= maxChars) return sentence;
  const cut = sentence.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}
