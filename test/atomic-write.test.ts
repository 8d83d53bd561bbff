/** Atomic writes: the file appears whole, the folder is created, no temp file is left behind. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicAsync } from '../src/atomic-write.js';

describe('atomic writes', () => {
  it('writes synchronously into a new folder and replaces an existing file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gb-atomic-')), 'a', 'b');
    writeFileAtomic(join(dir, 'x.txt'), 'one');
    writeFileAtomic(join(dir, 'x.txt'), 'two');
    expect(readFileSync(join(dir, 'x.txt'), 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['x.txt']);
  });

  it('writes asynchronously, many at once, leaving no temp files', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gb-atomic-')), 'c');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomicAsync(join(dir, 'y.json'), `${i}`)));
    expect(readdirSync(dir)).toEqual(['y.json']);
    expect(Number(readFileSync(join(dir, 'y.json'), 'utf8'))).toBeLessThan(20);
  });

  it('removes its temp file and throws when the target cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-atomic-'));
    writeFileAtomic(join(dir, 'taken', 'z'), 'file where a folder should be');
    await expect(writeFileAtomicAsync(join(dir, 'taken'), 'x')).rejects.toThrow();
    expect(() => writeFileAtomic(join(dir, 'taken'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
