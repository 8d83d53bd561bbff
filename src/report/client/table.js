/*
 * Sortable, filterable tables. Rows flagged as noise (every number zero: a metric that never
 * varies, a difference of exactly 0 with a [0, 0] interval) are hidden until the reader asks.
 */
import { fmt, fmtInt, fmtP } from './data.js';
import { h } from './dom.js';

/** A numeric cell formatted as the metric's values are. */
export const num = (value, metric, className) => ({
  text: fmt(value, metric),
  value: value === null || value === undefined ? -Infinity : value,
  className,
});
/** A count (items, pairs, repeats): no decimals. */
export const int = (value) => ({ text: fmtInt(value), value: value ?? -Infinity });
/** A p-value, `<0.001` below a thousandth. */
export const pCell = (p) => ({ text: fmtP(p), value: p ?? Infinity });
export const txt = (text) => ({ text: String(text), value: String(text) });

/**
 * A table whose columns sort on click, with a text filter over every cell and, when some rows are
 * noise, a checkbox to show them. Rows: { cells: [{ text, value, className }], attrs?, noise? }.
 */
export function sortableTable(id, columns, rows, options = {}) {
  const tbody = h('tbody');
  const all = [...rows];
  let sortState = { index: -1, dir: 1 };
  const filter = h('input', {
    type: 'search',
    className: 'table-filter',
    placeholder: 'filter rows',
    'aria-label': `filter ${id}`,
  });
  const noisy = all.filter((row) => row.noise).length;
  const showNoise = h('input', { type: 'checkbox', className: 'show-noise' });
  const count = h('span', { className: 'muted row-count' });
  function render() {
    const needle = filter.value.toLowerCase();
    const shown = all.filter(
      (row) =>
        (showNoise.checked || !row.noise) &&
        (!needle || row.cells.some((cell) => cell.text.toLowerCase().includes(needle))),
    );
    tbody.replaceChildren(
      ...shown.map((row) =>
        h(
          'tr',
          row.attrs || null,
          row.cells.map((cell) => h('td', { className: cell.className || '' }, cell.text)),
        ),
      ),
    );
    count.textContent = `${shown.length} of ${all.length} rows`;
  }
  const head = h(
    'tr',
    null,
    columns.map((column, index) =>
      h(
        'th',
        {
          tabindex: 0,
          role: 'columnheader',
          onclick: () => {
            sortState = { index, dir: sortState.index === index ? -sortState.dir : 1 };
            all.sort((a, b) => {
              const x = a.cells[index].value;
              const y = b.cells[index].value;
              return (x < y ? -1 : x > y ? 1 : 0) * sortState.dir;
            });
            render();
          },
        },
        column,
      ),
    ),
  );
  filter.addEventListener('input', render);
  showNoise.addEventListener('change', render);
  render();
  const table = h('table', { id, className: 'sortable' }, h('thead', null, head), tbody);
  if (options.controls === false) return table;
  return h(
    'div',
    null,
    h(
      'div',
      { className: 'controls' },
      filter,
      noisy ? h('label', null, showNoise, ` show ${noisy} all-zero row${noisy === 1 ? '' : 's'}`) : null,
      count,
    ),
    h('div', { className: 'scroll' }, table),
  );
}
