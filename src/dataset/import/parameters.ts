/**
 * The `Rule Parameters:` section of a rule docstring, in any of its usual shapes (None, a pipe
 * table, `Name: meaning` or `Name (Optional): meaning` lines, a JSON object), written the
 * canonical way: `name (type, optional|required, default X): meaning; ...` with camelCase names.
 */

/** One rule parameter. */
export interface RuleParameter {
  /** The name as the source writes it (`ExemptedInstanceIds`). */
  source: string;
  /** camelCase (`exemptedInstanceIds`). */
  name: string;
  type: string;
  required: boolean;
  defaultValue: string;
  meaning: string;
}

const NONE = /^(?:none|n\/a|no parameters?|-)\.?$/i;
const TYPE_WORD = /^(string|int|integer|boolean|bool|csv|list|number|stringmap|string list|comma[- ]separated list)$/i;

/** `ExemptedInstanceIds` / `exempted_instance_ids` / `Exempted-Ids` → `exemptedInstanceIds`. */
export function camelCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== '');
  if (parts.length === 0) return name;
  const [first, ...rest] = parts as [string, ...string[]];
  const head = /^[A-Z0-9]+$/.test(first) ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return head + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

function parameter(source: string, details: string, hints: string[] = []): RuleParameter {
  const all = [details, ...hints].join(' ');
  const typeHint = hints.find((h) => TYPE_WORD.test(h.trim()));
  // `default is 7`, `default: x`, `defaults to "y"`, or `default 14` (a number or a quoted value):
  // never `Default behavior checks all buckets`.
  const defaultMatch =
    /\bdefault(?:s to|\s+value)?\s*(?:is|:|=)\s*["'`]?([^"'`\s,;)]+)/i.exec(all) ??
    /\bdefault(?:s to)?\s+(?:["'`]([^"'`]+)["'`]|(\d[\w./-]*))/i.exec(all);
  const defaultValue = (defaultMatch?.[1] ?? defaultMatch?.[2])?.replace(/\.$/, '');
  return {
    source,
    name: camelCase(source),
    type: typeHint
      ? typeHint
          .trim()
          .toLowerCase()
          .replace(/^comma[- ]separated list$/, 'csv')
      : defaultValue !== undefined && /^\d+$/.test(defaultValue)
        ? 'int'
        : 'string',
    required: /\brequired\b|\bmandatory\b/i.test(all) && !/\boptional\b/i.test(all),
    defaultValue: defaultValue ?? 'none',
    meaning: details
      .replace(/^\s*\((?:optional|required|mandatory)\)\s*/i, '')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/** The cells of a pipe-table row, by column position (the outer pipes dropped, empty cells kept). */
function tableCells(row: string): string[] {
  const line = row.trim();
  const inner = line.slice(line.startsWith('|') ? 1 : 0, line.endsWith('|') ? -1 : undefined);
  return inner.split('|').map((c) => c.trim());
}

/**
 * A pipe table, one parameter per row. A row whose first cell is empty continues the row above
 * (a description wrapped over several lines): each of its cells is joined to the same column's
 * cell above, so wrapped text never becomes a parameter of its own.
 */
function readTable(rows: readonly string[]): RuleParameter[] {
  const merged: string[][] = [];
  for (const row of rows) {
    const cells = tableCells(row);
    if (cells.length === 0 || cells.every((c) => /^[-:= ]*$/.test(c))) continue;
    if (/^parameter(?:\s+name)?$|^name$/i.test(cells[0] as string)) continue;
    const above = merged.at(-1);
    if (cells[0] === '' && above) {
      cells.forEach((c, i) => {
        if (c !== '') above[i] = above[i] ? `${above[i]} ${c}` : c;
      });
    } else if (cells[0] !== '') {
      merged.push(cells);
    }
  }
  return merged.map(([name, ...rest]) => {
    const filled = rest.filter((c) => c !== '');
    const meaning = filled.filter((c) => !TYPE_WORD.test(c) && !/^(optional|required|mandatory)$/i.test(c));
    return parameter(name as string, meaning.join(' '), filled);
  });
}

/** Read the parameters of a `Rule Parameters:` section (its lines, header excluded). */
export function readParameters(lines: readonly string[] | undefined): RuleParameter[] {
  if (!lines || lines.length === 0) return [];
  const text = lines.join('\n').trim();
  if (NONE.test(text)) return [];

  if (text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      return Object.entries(json).map(([k, v]) => parameter(k, '', [`default ${String(v)}`]));
    } catch {
      // not JSON after all; read it as lines below
    }
  }

  const tableRows = lines.filter((l) => l.includes('|'));
  if (tableRows.length > 0) return readTable(tableRows);

  const out: RuleParameter[] = [];
  let current: { name: string; details: string[] } | undefined;
  const flush = (): void => {
    if (current) out.push(parameter(current.name, current.details.join(' ')));
  };
  for (const line of lines) {
    // `Name: meaning`, `Name (Optional): meaning`, `Name - meaning`, or a bare `Name` line.
    const head =
      /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(\((?:optional|required|mandatory)[^)]*\))?\s*(?:(?::|\s-\s|–)\s*(.*))?$/i.exec(
        line,
      );
    const bare = head !== null && head[2] === undefined && head[3] === undefined;
    if (head && (!bare || /[a-z][A-Z]|_|^[A-Z][a-z]+[A-Z]/.test(head[1] as string))) {
      flush();
      current = { name: head[1] as string, details: [head[2] ?? '', head[3] ?? ''].filter((d) => d !== '') };
    } else if (current) {
      current.details.push(line.trim());
    }
  }
  flush();
  return out;
}

/** The canonical `Rule Parameters:` value: `None`, or `name (type, optional, default X): meaning; ...`. */
export function canonicalParameters(parameters: readonly RuleParameter[]): string {
  if (parameters.length === 0) return 'None';
  return parameters
    .map((p) => {
      const head = `${p.name} (${p.type}, ${p.required ? 'required' : 'optional'}, default ${p.defaultValue})`;
      return p.meaning ? `${head}: ${p.meaning.replace(/;/g, ',')}` : head;
    })
    .join('; ');
}
