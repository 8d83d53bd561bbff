/** Canonical JSON: key order and undefined members never change the text or its hash. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../src/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":1}]},"b":1}',
    );
    expect(sha256(canonicalJson({ a: 1, b: 2 }))).toBe(sha256(canonicalJson({ b: 2, a: 1 })));
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
