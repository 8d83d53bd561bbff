/*
 * The headline table: variants × quality metrics, mean and 95% CI, the best mean of each column
 * marked; it copies as Markdown or LaTeX for a paper.
 */
import { estimate, fmt, fmtCi, QUALITY, summary } from './data.js';
import { h } from './dom.js';

const EPSILON = 1e-9;

/** Rows of the headline: one per variant (× model when the run has several). */
function headlineRows() {
  const rows = [];
  for (const model of summary.models)
    for (const variant of summary.variants)
      rows.push({ variant, model, cells: QUALITY.map((m) => estimate(variant, model, m)) });
  return rows;
}

/** Per column, the best mean, or null when every variant has the same mean (nothing to mark). */
function bestPerColumn(rows) {
  return QUALITY.map((_, i) => {
    const means = rows.map((r) => r.cells[i]?.mean).filter((m) => Number.isFinite(m));
    if (!means.length) return null;
    const best = Math.max(...means);
    return best - Math.min(...means) > EPSILON ? best : null;
  });
}

const isBest = (best, e) => best !== null && Number.isFinite(e?.mean) && Math.abs(e.mean - best) <= EPSILON;

function cellText(e, metric) {
  return e && Number.isFinite(e.mean) ? `${fmt(e.mean, metric)} ${fmtCi(e.ci, metric)}`.trim() : '–';
}

const severalModels = () => summary.models.length > 1;

/** The headline as a GitHub Markdown table (best in bold). */
export function headlineMarkdown() {
  const rows = headlineRows();
  const best = bestPerColumn(rows);
  const head = ['variant', ...(severalModels() ? ['model'] : []), ...QUALITY];
  const esc = (text) => text.replace(/\|/g, '\\|');
  const lines = [`| ${head.map(esc).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const cells = row.cells.map((e, i) => {
      const text = cellText(e, QUALITY[i]);
      return isBest(best[i], e) ? `**${text}**` : text;
    });
    lines.push(`| ${[row.variant, ...(severalModels() ? [row.model] : []), ...cells].map(esc).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const latexEscape = (text) => text.replace(/[\\&%$#_{}~^]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`));

/** The headline as a LaTeX tabular (booktabs; best in bold). */
export function headlineLatex() {
  const rows = headlineRows();
  const best = bestPerColumn(rows);
  const lead = severalModels() ? 'll' : 'l';
  const head = ['variant', ...(severalModels() ? ['model'] : []), ...QUALITY].map(latexEscape);
  const lines = [
    `\\begin{tabular}{${lead}${'c'.repeat(QUALITY.length)}}`,
    '\\toprule',
    `${head.join(' & ')} \\\\`,
    '\\midrule',
  ];
  for (const row of rows) {
    const cells = row.cells.map((e, i) => {
      const text = latexEscape(cellText(e, QUALITY[i]));
      return isBest(best[i], e) ? `\\textbf{${text}}` : text;
    });
    lines.push(
      `${[row.variant, ...(severalModels() ? [row.model] : [])].map(latexEscape).concat(cells).join(' & ')} \\\\`,
    );
  }
  lines.push('\\bottomrule', '\\end{tabular}');
  return `${lines.join('\n')}\n`;
}

/** Put text in the copy box (always) and on the clipboard (when the browser allows it). */
function copy(text, label) {
  const box = document.getElementById('headline-copy');
  box.hidden = false;
  box.value = text;
  box.select();
  const status = document.getElementById('headline-copy-status');
  const done = (ok) => {
    status.textContent = ok ? `${label} copied to the clipboard.` : `${label} selected below: press Ctrl+C to copy.`;
  };
  if (navigator.clipboard?.writeText)
    navigator.clipboard.writeText(text).then(
      () => done(true),
      () => done(false),
    );
  else done(false);
}

export function drawHeadline() {
  const rows = headlineRows();
  const best = bestPerColumn(rows);
  const head = h(
    'tr',
    null,
    h('th', null, 'variant'),
    severalModels() ? h('th', null, 'model') : null,
    QUALITY.map((m) => h('th', null, m)),
  );
  const body = rows.map((row) =>
    h(
      'tr',
      null,
      h('th', null, row.variant),
      severalModels() ? h('td', null, row.model) : null,
      row.cells.map((e, i) =>
        h(
          'td',
          {
            className: isBest(best[i], e) ? 'best' : '',
            title: isBest(best[i], e) ? 'best mean of this column' : null,
          },
          cellText(e, QUALITY[i]),
        ),
      ),
    ),
  );
  document
    .getElementById('headline-host')
    .replaceChildren(
      h(
        'div',
        { className: 'scroll' },
        h('table', { id: 'headline-table' }, h('thead', null, head), h('tbody', null, body)),
      ),
    );
  document.getElementById('copy-markdown').addEventListener('click', () => copy(headlineMarkdown(), 'Markdown'));
  document.getElementById('copy-latex').addEventListener('click', () => copy(headlineLatex(), 'LaTeX'));
}
