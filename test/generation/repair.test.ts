import { describe, expect, it } from 'vitest';
import { generateCandidate } from '../../src/generation/chain.js';
import { checkDraft, renderProblems } from '../../src/generation/draft-check.js';
import { createOfflineProvider } from '../../src/generation/providers/offline.js';
import { repairDraft } from '../../src/generation/providers/offline-repair.js';
import type { RepairRound } from '../../src/generation/techniques/repair.js';
import type { Variant } from '../../src/generation/types.js';
import { ablationVariants } from '../../src/generation/variants.js';
import { type FakeBedrock, fakeBedrockProvider, reply } from '../support/fake-bedrock.js';
import { NOTEBOOK_GOLD } from '../support/notebook-gold.js';
import { useFakeBedrock } from '../support/use-fake-bedrock.js';
import { NOTEBOOK_ROOT, POOL } from './items.js';

/** The gold with one invented method name (a typo a model makes). */
const TYPO = NOTEBOOK_GOLD.replaceAll(
  '"sagemaker.describe_notebook_instance"',
  '"sagemaker.describe_notebook_instanse"',
);
const fenced = (gherkin: string) => `Here it is.\n\n\`\`\`gherkin\n${gherkin}\`\`\`\n`;

function repairVariant(rounds = 1): Variant {
  const variant = ablationVariants(['repair']).find((v) => v.name === 'repair');
  if (!variant) throw new Error('no repair variant');
  return { ...variant, repair: { enabled: true, rounds } };
}

describe('checkDraft: what the repair technique gives back to the model', () => {
  it('finds nothing wrong with a valid gold', () => {
    expect(checkDraft(NOTEBOOK_GOLD, 'sagemaker')).toEqual([]);
  });

  it('names an invented method with its line and the real method as a suggestion', () => {
    const problems = checkDraft(TYPO, 'sagemaker');
    // In line order: each unknown call, then the member its scenario reads, which no call named returns.
    expect(problems.map((p) => [p.line, p.status, p.reference])).toEqual([
      [13, 'unknown', 'sagemaker.describe_notebook_instanse'],
      [14, 'misplaced', 'DirectInternetAccess'],
      [18, 'unknown', 'sagemaker.describe_notebook_instanse'],
      [19, 'misplaced', 'DirectInternetAccess'],
    ]);
    expect(problems[0]).toMatchObject({
      check: 'grounding',
      line: 13,
      status: 'unknown',
      reference: 'sagemaker.describe_notebook_instanse',
    });
    expect(problems[0]?.suggestions?.[0]).toBe('sagemaker.describe_notebook_instance');
    expect(renderProblems(problems)).toContain('did you mean "sagemaker.describe_notebook_instance"');
  });

  it('reports a draft that does not parse as one parse problem, and broken structure rules by name', () => {
    expect(checkDraft('just prose, no feature')).toMatchObject([{ check: 'parse' }]);
    const lower = NOTEBOOK_GOLD.replace('SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS', 'notebook check');
    expect(checkDraft(lower, 'sagemaker').map((p) => p.message)).toEqual([expect.stringMatching(/^feature-name: /)]);
  });
});

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

const bedrock = () => fakeBedrockProvider(fake);

const base = { item: NOTEBOOK_ROOT, pool: POOL, seed: 1, repeat: 0 };

describe('the repair technique against the fake Bedrock runtime (real SDK)', () => {
  it('gives the checker problems back once and scores the revision', async () => {
    fake.enqueue(reply.text(fenced(TYPO)), reply.text(fenced(NOTEBOOK_GOLD)));
    const out = await generateCandidate({ ...base, variant: repairVariant(), provider: bedrock() });
    expect(out.error).toBeNull();
    expect(out.trace.steps.map((s) => s.name)).toEqual(['single', 'repair.1']);
    expect(out.trace.repair).toEqual({ roundsUsed: 1, problemsBefore: 4, problemsAfter: 0 });
    expect(out.gherkin?.trim()).toBe(NOTEBOOK_GOLD.trim());
    const shown = String(fake.requests[1]?.body?.messages?.[0]?.content?.[0]?.text ?? '');
    expect(shown).toContain('describe_notebook_instanse');
    expect(shown).toContain('did you mean "sagemaker.describe_notebook_instance"');
    expect((out.trace.steps[1]?.parsed as RepairRound | undefined)?.accepted).toBe(true);
    expect(out.usage.calls).toBe(2);
  });

  it('stops after its rounds when the model never fixes the draft, keeping the problems on record', async () => {
    fake.enqueue(reply.text(fenced(TYPO)), reply.text(fenced(TYPO)), reply.text(fenced(TYPO)));
    const out = await generateCandidate({ ...base, variant: repairVariant(2), provider: bedrock() });
    expect(out.trace.steps.map((s) => s.name)).toEqual(['single', 'repair.1', 'repair.2']);
    expect(out.trace.repair).toEqual({ roundsUsed: 2, problemsBefore: 4, problemsAfter: 4 });
    expect(fake.calls).toBe(3);
  });

  it('keeps the draft when a revision is worse (here: no gherkin at all)', async () => {
    fake.enqueue(reply.text(fenced(TYPO)), reply.text('I cannot help with that.'));
    const out = await generateCandidate({ ...base, variant: repairVariant(), provider: bedrock() });
    expect(out.gherkin?.trim()).toBe(TYPO.trim());
    expect((out.trace.steps[1]?.parsed as RepairRound | undefined)?.accepted).toBe(false);
    expect(out.trace.repair).toEqual({ roundsUsed: 1, problemsBefore: 4, problemsAfter: 4 });
  });

  it('makes no revision call for a draft without problems', async () => {
    fake.enqueue(reply.text(fenced(NOTEBOOK_GOLD)));
    const out = await generateCandidate({ ...base, variant: repairVariant(3), provider: bedrock() });
    expect(out.trace.steps.map((s) => s.name)).toEqual(['single']);
    expect(out.trace.repair).toEqual({ roundsUsed: 0, problemsBefore: 0, problemsAfter: 0 });
  });

  it('records a failed revision call as the case error, with the calls before it in the trace', async () => {
    fake.enqueue(reply.text(fenced(TYPO)), reply.error('AccessDeniedException'));
    const out = await generateCandidate({ ...base, variant: repairVariant(), provider: bedrock() });
    expect(out.gherkin).toBeNull();
    expect(out.error).toMatch(/^repair\.1: /);
    expect(out.trace.steps.map((s) => s.name)).toEqual(['single']);
  });
});

describe('the repair technique with the offline reference generator', () => {
  it('swaps a quoted unknown call for its first suggestion and leaves misplaced members alone', () => {
    expect(repairDraft(TYPO, checkDraft(TYPO, 'sagemaker'))).toBe(NOTEBOOK_GOLD);
    expect(repairDraft(NOTEBOOK_GOLD, [])).toBe(NOTEBOOK_GOLD);
  });

  it('replaces each quoted unknown reference it has a suggestion for, deterministically', async () => {
    const provider = createOfflineProvider();
    const run = () => generateCandidate({ ...base, variant: repairVariant(), provider });
    const [a, b] = [await run(), await run()];
    expect(a.gherkin).toBe(b.gherkin);
    const record = a.trace.repair;
    expect(record).toBeDefined();
    expect(record?.problemsAfter).toBeLessThanOrEqual(record?.problemsBefore ?? 0);
    expect(checkDraft(a.gherkin ?? '', 'sagemaker').length).toBe(record?.problemsAfter);
  });
});
