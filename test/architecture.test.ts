/**
 * The module table of docs/architecture.md, enforced: every import (static, re-export, dynamic,
 * type-only) between src/ folders must be one the table allows. Imports are read from the
 * source with comments removed (TypeScript 7's compiler has no stable JavaScript parser API).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../src/paths.js';

/** A module group: a folder (`run`) or a top-level file (`errors.ts`). */
type Group = string;

/** What the table says: who may import whom, and which groups are shared helpers. */
interface Rules {
  allowed: Map<Group, ReadonlySet<Group> | 'anything'>;
  shared: ReadonlySet<Group>;
}

/** A broken rule: `file` imports `specifier`, which the table does not allow. */
interface Violation {
  file: string;
  specifier: string;
  from: Group;
  to: Group;
}

const code = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

/** The rows of the module table in docs/architecture.md. */
function parseRules(markdown: string): Rules {
  const allowed = new Map<Group, ReadonlySet<Group> | 'anything'>();
  const shared = new Set<Group>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[1]?.startsWith('`src/')) continue;
    const groups = code(cells[1]).map(groupOfPath);
    const may = cells[3] ?? '';
    const targets = may === 'anything' ? 'anything' : new Set(code(may));
    for (const group of groups) allowed.set(group, targets);
    if (targets !== 'anything' && targets.has('shared')) for (const group of groups) shared.add(group);
  }
  return { allowed, shared };
}

/** `src/run/` → `run`, `src/errors.ts` (or `.js`, as imports spell it) → `errors.ts`, `src/generation/providers/x.ts` → `generation`. */
function groupOfPath(path: string): Group {
  return (path.replace(/^src\//, '').split('/')[0] as string).replace(/\.js$/, '.ts');
}

/** Block and line comments, blanked (an import quoted in a comment is not an import). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every module specifier a source imports or re-exports (static, dynamic, `import type`, `import('…')` types). */
function importsOf(text: string): string[] {
  const code = withoutComments(text);
  const patterns = [
    /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns
    .flatMap((pattern) => [...code.matchAll(pattern)])
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((m) => m[1] as string);
}

/**
 * The imports of `sources` (paths relative to the package, `src/...`) that break `rules`. Only
 * relative imports are ours; packages (zod, node:fs) are not the table's business.
 */
function violations(sources: ReadonlyMap<string, string>, rules: Rules): Violation[] {
  const out: Violation[] = [];
  for (const [file, text] of sources) {
    const from = groupOfPath(file);
    for (const specifier of importsOf(text)) {
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (!target.startsWith('src/')) {
        out.push({ file, specifier, from, to: target });
        continue;
      }
      const to = groupOfPath(target);
      if (to !== from && !allows(rules, from, to)) out.push({ file, specifier, from, to });
    }
  }
  return out;
}

function allows(rules: Rules, from: Group, to: Group): boolean {
  if (to === 'cli' || to === 'index.ts') return false;
  const may = rules.allowed.get(from);
  if (may === undefined) return false;
  if (may === 'anything') return rules.allowed.has(to);
  return may.has(to) || (rules.shared.has(to) && rules.allowed.has(to));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function repositorySources(): Map<string, string> {
  const root = packagePath();
  return new Map(
    sourceFiles(packagePath('src'))
      .filter((file) => !file.includes(`${sep}client${sep}`)) // the report page's browser script imports nothing
      .map((file) => [relative(root, file).split(sep).join('/'), readFileSync(file, 'utf8')]),
  );
}

const rules = parseRules(readFileSync(packagePath('docs', 'architecture.md'), 'utf8'));
const describeViolation = (v: Violation) => `${v.file}: import '${v.specifier}' (${v.from} → ${v.to})`;

describe('architecture (docs/architecture.md)', () => {
  it('has a row for every src/ folder and top-level module', () => {
    const groups = new Set([...repositorySources().keys()].map(groupOfPath));
    const missing = [...groups].filter((group) => !rules.allowed.has(group));
    expect(missing, 'add a row to the module table of docs/architecture.md').toEqual([]);
    expect(rules.allowed.get('cli')).toBe('anything');
    expect(rules.shared.has('errors.ts')).toBe(true);
  });

  it('every import between src/ folders is one the table allows', () => {
    expect(violations(repositorySources(), rules).map(describeViolation)).toEqual([]);
  });

  it('fails on a planted bad import, naming the file and the import', () => {
    const planted = new Map([
      ['src/gate/planted.ts', "import type { ReportData } from '../report/report-data.js';\n"],
      ['src/run/planted.ts', "export { writeReports } from '../report/write.js';\n"],
      ['src/knowledge/planted.ts', "const m = await import('../generation/types.js');\nexport default m;\n"],
      ['src/analysis/planted.ts', "import { main } from '../cli/main.js';\nexport const x = main;\n"],
      [
        'src/dataset/fine.ts',
        "import { z } from 'zod';\nimport { badInput } from '../errors.js';\nimport './load.js';\n",
      ],
      ['src/report/fine.ts', "import type { Summary } from '../analysis/types.js';\nimport '../markup-escape.js';\n"],
    ]);
    expect(violations(planted, rules).map(describeViolation)).toEqual([
      "src/gate/planted.ts: import '../report/report-data.js' (gate → report)",
      "src/run/planted.ts: import '../report/write.js' (run → report)",
      "src/knowledge/planted.ts: import '../generation/types.js' (knowledge → generation)",
      "src/analysis/planted.ts: import '../cli/main.js' (analysis → cli)",
    ]);
  });

  it('comments and strings are not imports; multi-line, type and dynamic imports are', () => {
    const text = [
      "// import { x } from '../report/write.js';",
      'const s = "import { y } from \'../cli/main.js\'";',
      "import type { A } from './a.js';",
      "export * from './b.js';",
      "type T = import('./c.js').T;",
      "import {\n  d,\n  e,\n} from './d.js';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.js', './b.js', './c.js', './d.js']);
  });

  it('a shared top-level module imports only other shared modules', () => {
    const sources = new Map([['src/errors.ts', "import { x } from './run/types.js';\nimport './paths.js';\n"]]);
    expect(violations(sources, rules).map(describeViolation)).toEqual([
      "src/errors.ts: import './run/types.js' (errors.ts → run)",
    ]);
  });
});
