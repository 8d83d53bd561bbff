/**
 * The layout of a two-level factorial design from its cells' on/off flags: the full 2^k, or a
 * regular half fraction 2^(k−1) with defining relation I = ±(all k factors) (resolution k), and
 * what each estimable term is aliased with. Main effects and two-way interactions are estimated
 * from the same ±1 contrasts in both; in a half fraction each is aliased with the word that
 * completes it to the defining relation.
 */

/** How a set of cells covers the design of its factors. */
export type DesignLayout =
  | { kind: 'full'; factors: string[] }
  | {
      kind: 'half';
      factors: string[];
      /** +1 when the cells are those where the product of the ±1 levels is +1, else −1. */
      sign: 1 | -1;
      /** The length of the defining word: the number of factors. */
      resolution: number;
    };

/** One term a layout estimates. */
export interface EstimableTerm {
  term: string;
  kind: 'main' | 'interaction';
  factors: string[];
  /** In a half fraction: the term it cannot be told apart from (`rag×fewShot×agent×repair`). */
  aliasedWith?: string;
}

/** Roman numerals of design resolutions. */
const ROMAN = ['0', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** The name of a product of factors, as terms are named (`cot×rag`). */
export const termName = (factors: readonly string[]): string => factors.join('×');

/**
 * The layout of cells given as 0/1 signatures over `factors`, or undefined when they are neither
 * the full design nor a half fraction of resolution IV or more (every combination at most once).
 */
export function designLayout(
  factors: readonly string[],
  signatures: readonly (readonly number[])[],
): DesignLayout | undefined {
  const k = factors.length;
  if (k === 0) return undefined;
  const distinct = new Set(signatures.map((s) => s.join('')));
  if (distinct.size !== signatures.length) return undefined;
  if (signatures.length === 2 ** k) return { kind: 'full', factors: [...factors] };
  if (k < 4 || signatures.length !== 2 ** (k - 1)) return undefined;
  const product = (s: readonly number[]) => s.reduce((p, bit) => p * (bit ? 1 : -1), 1);
  const sign = product(signatures[0] as number[]);
  if (!signatures.every((s) => product(s) === sign)) return undefined;
  return { kind: 'half', factors: [...factors], sign: sign as 1 | -1, resolution: k };
}

/**
 * Main effects and two-way interactions, in order (mains, then pairs in factor order). In a half
 * fraction of resolution IV, two-way interactions are aliased in pairs: the first of each pair is
 * kept, naming the other.
 */
export function estimableTerms(layout: DesignLayout): EstimableTerm[] {
  const { factors } = layout;
  const aliasOf = (word: readonly string[]) =>
    layout.kind === 'half' ? termName(factors.filter((f) => !word.includes(f))) : undefined;
  const out: EstimableTerm[] = factors.map((f) => {
    const term: EstimableTerm = { term: f, kind: 'main', factors: [f] };
    const alias = aliasOf([f]);
    if (alias) term.aliasedWith = alias;
    return term;
  });
  const seen = new Set<string>();
  factors.forEach((a, i) => {
    for (const b of factors.slice(i + 1)) {
      const name = termName([a, b]);
      if (seen.has(name)) continue;
      const term: EstimableTerm = { term: name, kind: 'interaction', factors: [a, b] };
      const alias = aliasOf([a, b]);
      if (alias) {
        term.aliasedWith = alias;
        seen.add(alias);
      }
      out.push(term);
    }
  });
  return out;
}

/**
 * The layout of a run's cells from their on/off flags: the factors are the flags every cell names
 * that are not set alike in every cell (a technique no variant switches, e.g. `repair` in the
 * paper's 2^3 ablation, is not a factor of it). Undefined when cells name different flags or do not
 * form a design {@link designLayout} knows.
 */
export function designOf(cells: readonly { on: Readonly<Record<string, boolean>> }[]): DesignLayout | undefined {
  const first = cells[0]?.on ?? {};
  const named = Object.keys(first);
  const same = cells.every((c) => {
    const keys = Object.keys(c.on);
    return keys.length === named.length && named.every((f) => f in c.on);
  });
  if (!same) return undefined;
  const factors = named.filter((f) => cells.some((c) => c.on[f] !== first[f]));
  return designLayout(
    factors,
    cells.map((c) => factors.map((f) => (c.on[f] ? 1 : 0))),
  );
}

/** The layout in words, for the report's methods. */
export function describeLayout(layout: DesignLayout): string {
  const k = layout.factors.length;
  if (layout.kind === 'full') return `full factorial 2^${k} of ${layout.factors.join(', ')}`;
  const relation = `I = ${layout.sign > 0 ? '+' : '−'}${termName(layout.factors)}`;
  const clear =
    layout.resolution >= 5
      ? 'main effects and two-way interactions are aliased only with interactions of three or more factors'
      : 'main effects are aliased only with three-factor interactions; two-way interactions are aliased in pairs (each estimate is the sum of the pair)';
  return `half fraction 2^(${k}−1) of ${layout.factors.join(', ')}, ${relation}, resolution ${ROMAN[layout.resolution] ?? layout.resolution}: ${clear}`;
}
