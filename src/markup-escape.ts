/** Escaping text for the markup our reports and the gate write: HTML, XML and Markdown table cells. */

/** Escape text for HTML (or XML) element content and attribute values, as numeric character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escape text for an XML 1.0 document: {@link escapeHtml}, and control characters XML forbids dropped. */
export function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

/** Escape text for a Markdown table cell (pipes, newlines, HTML). */
export function mdCell(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}
