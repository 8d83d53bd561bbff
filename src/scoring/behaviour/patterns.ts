/** Regular-expression pieces the step grammar's forms share (grammar.ts, derived-forms.ts). */

/** A call as written, `"service.method"` (group: the call). */
export const CALL = '"([a-z0-9-]+\\.[a-z][a-z0-9_]*)"';
/** A quoted name or path (group: the text between the quotes). */
export const Q = '"([^"]+)"';
/** A value: quoted, or one word without spaces, quotes or commas. */
export const VALUE_RE = '(?:"[^"]*"|[^\\s",]+)';

/** A whole-text, case-insensitive pattern. */
export const re = (source: string): RegExp => new RegExp(`^${source}$`, 'i');
