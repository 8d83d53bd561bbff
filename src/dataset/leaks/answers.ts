/**
 * What an evaluation gold would hand over if a prompt quoted it: its Boto3 calls, the member paths
 * it quotes (not the enum values compared with them), and its rule parameter names.
 */
import { scanText } from '../../knowledge/references.js';
import { qualifiedMethod } from '../gold-checks.js';
import type { Item } from '../types.js';

/** A rule parameter's name at the start of each `name (type, …)` entry of `Rule Parameters:`. */
const PARAMETER = /(?:Rule Parameters:\s*|;\s*)([a-z][A-Za-z0-9]*)\s*\(/g;

const ENUM_POSITION = /"\s+(?:is|is not|equals|are)\s+$/;

/** The calls, quoted member paths and parameter names of one gold. */
export function answersOf(item: Item): Set<string> {
  const answers = new Set(item.methods.map((m) => qualifiedMethod(m, item.service)));
  const { tokens, lines } = scanText(item.goldText);
  for (const token of tokens) {
    if (!token.quoted || (token.shape !== 'method' && token.shape !== 'path')) continue;
    // An enum value right after its field (`its "X" is "Enabled"`) is a value, not a path.
    if (ENUM_POSITION.test((lines[token.line - 1] ?? '').slice(0, token.column))) continue;
    answers.add(token.text);
  }
  const parameters = /^\s*Rule Parameters:.*$/m.exec(item.goldText)?.[0] ?? '';
  for (const match of parameters.matchAll(PARAMETER)) answers.add(match[1] as string);
  return answers;
}
