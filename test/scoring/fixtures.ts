/** Shared fixtures of the scoring tests: the gold item and hand-written candidates (test/fixtures/scoring/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item } from '../../src/dataset/types.js';
import { parseControl } from '../../src/gherkin/parse.js';
import { compileControl } from '../../src/scoring/behaviour/compile.js';
import type { DecisionModel } from '../../src/scoring/behaviour/model.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'scoring');

/** A hand-written candidate by file name (under candidates/). */
export function candidate(name: string): string {
  return readFileSync(join(DIR, 'candidates', name), 'utf8');
}

/** The gold item the candidates answer. */
export function goldItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'sagemaker-notebook-no-direct-internet',
    controlId: 'SageMaker.1',
    service: 'sagemaker',
    resourceType: 'AWS::SageMaker::NotebookInstance',
    category: 'network-exposure',
    severity: 'high',
    requirement: 'SageMaker notebook instances must not be able to reach the internet directly.',
    methods: ['sagemaker.list_notebook_instances', 'describe_notebook_instance'],
    gold: 'sagemaker-notebook-no-direct-internet.feature',
    goldText: readFileSync(join(DIR, 'gold.feature'), 'utf8'),
    split: 'eval',
    ...overrides,
  };
}

/** A gherkin text compiled to its decision model (the text must parse). */
export function compileText(text: string): DecisionModel {
  const parsed = parseControl(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return compileControl(parsed.control);
}
