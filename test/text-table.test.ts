/** Terminal tables: columns padded to the widest cell, a dash rule, trailing spaces trimmed. */
import { describe, expect, it } from 'vitest';
import { textTableLines } from '../src/text-table.js';

describe('textTableLines', () => {
  it('pads every column to its widest cell and trims line ends', () => {
    expect(
      textTableLines(
        ['metric', 'v', ''],
        [
          ['parse', '0.950', ''],
          ['grounding', '1', 'B better'],
        ],
      ),
    ).toEqual(['metric     v', '---------  -----  --------', 'parse      0.950', 'grounding  1      B better']);
  });
});
