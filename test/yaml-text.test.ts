/** YAML input files: plain data, or one bad-input line naming the file and the line. */
import { describe, expect, it } from 'vitest';
import { isUserError } from '../src/errors.js';
import { parseYamlText } from '../src/yaml-text.js';

describe('parseYamlText', () => {
  it('returns plain data, null for an empty document', () => {
    expect(parseYamlText('a: 1\nb: [x, y]\n', 'f.yaml')).toEqual({ a: 1, b: ['x', 'y'] });
    expect(parseYamlText('', 'f.yaml')).toBeNull();
  });

  it('names the file and line of a syntax error', () => {
    expect(() => parseYamlText('a: 1\nb: [x\nc: 2\n', 'rules.yaml')).toThrow(/^rules\.yaml:\d+: not valid YAML: /);
    try {
      parseYamlText('a: 1\n  b: 2\n', 'rules.yaml');
    } catch (error) {
      expect(isUserError(error) && error.code).toBe('BAD_INPUT');
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('rejects an unresolved alias and a second document', () => {
    expect(() => parseYamlText('a: *nope\n', 'x.yaml')).toThrow(/^x\.yaml(:\d+)?: not valid YAML: /);
    expect(() => parseYamlText('a: 1\n---\nb: 2\n', 'x.yaml')).toThrow(/not valid YAML/);
  });
});
