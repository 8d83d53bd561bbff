import { describe, expect, it } from 'vitest';
import { extractGherkin } from '../../src/generation/extract.js';

const FEATURE =
  '@control:none @severity:low\nFeature: X\n  Scenario: s\n    Given a\n    Then the rule returns COMPLIANT';

describe('extractGherkin', () => {
  it('takes a ```gherkin fence out of prose', () => {
    expect(extractGherkin(`Here it is:\n\n\`\`\`gherkin\n${FEATURE}\n\`\`\`\n\nHope this helps.`)).toBe(FEATURE);
  });

  it('accepts ```feature and ~~~ fences', () => {
    expect(extractGherkin(`x\n\`\`\`feature\n${FEATURE}\n\`\`\``)).toBe(FEATURE);
    expect(extractGherkin(`x\n~~~gherkin\n${FEATURE}\n~~~`)).toBe(FEATURE);
  });

  it('prefers the gherkin-labelled block over an earlier json block', () => {
    const text = `\`\`\`json\n{"a": 1}\n\`\`\`\nthen\n\`\`\`gherkin\n${FEATURE}\n\`\`\``;
    expect(extractGherkin(text)).toBe(FEATURE);
  });

  it('takes an unlabelled fence that holds a Feature line', () => {
    expect(extractGherkin(`\`\`\`text\nnot it\n\`\`\`\n\`\`\`\n${FEATURE}\n\`\`\``)).toBe(FEATURE);
  });

  it('takes a fence cut off at the end of the reply', () => {
    expect(extractGherkin(`Sure.\n\`\`\`gherkin\n${FEATURE}\n`)).toBe(FEATURE);
  });

  it('takes bare gherkin from its tag line to the end of the gherkin, dropping prose after', () => {
    const text = `I wrote this control.\n${FEATURE}\n\nThis control checks X and is important.\nLet me know.`;
    expect(extractGherkin(text)).toBe(FEATURE);
  });

  it('starts at Feature: when there is no tag line', () => {
    expect(extractGherkin('Intro\nFeature: Y\n  Scenario: a\n    Given b')).toBe(
      'Feature: Y\n  Scenario: a\n    Given b',
    );
  });

  it('returns empty for a reply without gherkin, never throwing', () => {
    expect(extractGherkin('I cannot help with that.')).toBe('');
    expect(extractGherkin('')).toBe('');
    expect(extractGherkin('```\n```')).toBe('');
    expect(extractGherkin(undefined as unknown as string)).toBe('');
  });

  it('handles CRLF line endings', () => {
    expect(extractGherkin(`\`\`\`gherkin\r\n${FEATURE.replace(/\n/g, '\r\n')}\r\n\`\`\``)).toBe(FEATURE);
  });
});
