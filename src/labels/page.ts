/**
 * The labelling page: one self-contained HTML file with an inline script and style, allowed by
 * their hashes in a strict Content-Security-Policy (nothing else may run or load; requests go
 * only to the page's own server). The page holds no data: it fetches the session from the API.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../markup-escape.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-script.js';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const POLICY = [
  "default-src 'none'",
  `script-src ${hash(PAGE_SCRIPT)}`,
  `style-src ${hash(PAGE_STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The Content-Security-Policy header the page is served with (frame-ancestors works only as a header). */
export const PAGE_CSP = `${POLICY}; frame-ancestors 'none'`;

/** The labelling page for an annotator. */
export function labelPage(annotator: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(POLICY)}">
<title>gherkin-bench labels: ${escapeHtml(annotator)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><b>gherkin-bench labels</b><span>annotator <b id="annotator"></b></span><span>mode <b id="mode"></b></span><span id="position"></span><span id="progress"></span><span id="status" data-state="saving">loading…</span></header>
<div id="done">Every case of this sample is labelled. Labels are saved; you can close this page (←/→ to review).</div>
<main>
<div>
<section><h2>Requirement</h2><pre id="requirement"></pre></section>
<section><h2>Candidate</h2><pre id="candidate"></pre></section>
<section id="gold-section" hidden><h2>Gold (reference)</h2><pre id="gold"></pre></section>
</div>
<aside>
<section id="criteria"><h2>Criteria</h2><ol id="criteria-list"></ol></section>
<section><h2 id="anchors-title"></h2><div id="anchors"></div></section>
<section><h2>Keys</h2><kbd>1</kbd>–<kbd>5</kbd> score · <kbd>u</kbd> unsure · <kbd>Backspace</kbd> previous criterion · <kbd>←</kbd>/<kbd>→</kbd> previous/next case</section>
</aside>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
