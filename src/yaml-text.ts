/** Parsing the YAML of an input file (rubric, calibration set, variant, gate rules) into plain data. */
import { parseDocument } from 'yaml';
import { badInput } from './errors.js';

/**
 * Parse YAML text into plain data (`null` for an empty document). A syntax error, more than one
 * document, an unresolved alias or an alias bomb is a bad-input error naming `file` (and the line
 * when YAML knows it): `file:line: not valid YAML: <first line of the parser's message>`.
 */
export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) throw badInput({ file, line: error.linePos?.[0]?.line }, `not valid YAML: ${firstLine(error)}`, error);
  try {
    return doc.toJS(); // throws on an unresolved alias or an alias bomb
  } catch (cause) {
    throw badInput({ file }, `not valid YAML: ${firstLine(cause)}`, cause);
  }
}

function firstLine(error: unknown): string | undefined {
  return (error as Error).message.split('\n')[0];
}
