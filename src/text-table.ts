/** Plain-text tables for the terminal: columns padded to their widest cell, two spaces apart. */

/**
 * The lines of a table: the header, a rule of dashes under each column, then the rows. Cells are
 * left-aligned and trailing spaces are trimmed.
 */
export function textTableLines(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
