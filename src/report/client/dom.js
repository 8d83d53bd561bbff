/*
 * Building DOM nodes. Every piece of run data is inserted as text (never innerHTML), so model and
 * dataset text renders as text.
 */

/** Create an element; children are nodes or strings (strings become text nodes). */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
  return node;
}

export function metricSelect(id, metrics, initial, onChange) {
  const select = h(
    'select',
    { id, 'aria-label': 'metric' },
    metrics.map((m) => h('option', { value: m }, m)),
  );
  select.value = metrics.includes(initial) ? initial : metrics[0];
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

export function pre(text, className) {
  return h('pre', { className: className || '' }, text === null || text === undefined ? '' : String(text));
}
