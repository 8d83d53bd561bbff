/**
 * The report page's script, assembled from the ES modules in `src/report/client/` into one classic
 * script the page inlines (an inline script cannot import, and the page makes no request).
 *
 * The client modules keep to a small convention so this stays a few lines: relative imports of
 * named bindings only (`import { a, b } from './x.js';`), `export` only on top-level declarations,
 * and top-level names unique across modules. Modules are emitted dependency-first, each once,
 * inside one function scope.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../paths.js';

/** The client's entry module, in `src/report/client/`. */
export const CLIENT_ENTRY = 'main.js';

const IMPORT = /^import\s*\{[^}]*\}\s*from\s*'\.\/([\w-]+\.js)';\s*$/gm;
const EXPORT = /^export (?=(?:async )?function |const |let |class )/gm;

function clientDir(): string {
  return packagePath('src', 'report', 'client');
}

/** The client modules in emission order (dependencies before their importers). */
export function clientModules(dir: string = clientDir()): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (order.includes(name)) return;
    if (visiting.has(name)) throw new Error(`report client: import cycle through ${name}`);
    visiting.add(name);
    const code = readFileSync(join(dir, name), 'utf8');
    for (const match of code.matchAll(IMPORT)) visit(match[1] as string);
    visiting.delete(name);
    order.push(name);
  };
  visit(CLIENT_ENTRY);
  return order;
}

/** One module's text without its import lines and `export` keywords. */
function stripModuleSyntax(name: string, code: string): string {
  const body = code.replace(IMPORT, '').replace(EXPORT, '');
  const left = /^\s*(?:import|export)\b.*$/m.exec(body);
  if (left)
    throw new Error(`report client: ${name} uses module syntax the page assembly does not support: ${left[0].trim()}`);
  return `// --- ${name}\n${body}`;
}

/** The page's script: every client module, dependency-first, in one strict function scope. */
export function clientScript(dir: string = clientDir()): string {
  const parts = clientModules(dir).map((name) => stripModuleSyntax(name, readFileSync(join(dir, name), 'utf8')));
  return `(() => {\n'use strict';\n${parts.join('\n')}\n})();\n`;
}
