/**
 * Leak check: under the exemplar policy in use, no evaluation item may find in its few-shot pool an
 * exemplar whose gold calls exactly the same Boto3 methods (that exemplar would hand over the calls).
 */
import { qualifiedMethod } from '../gold-checks.js';
import type { Problem } from '../problems.js';
import { type FewShotPoolOptions, fewShotPool } from '../splits.js';
import type { Dataset } from '../types.js';

function methodSet(item: Dataset['items'][number]): string {
  return [...new Set(item.methods.map((m) => qualifiedMethod(m, item.service)))].sort().join('|');
}

/** Evaluation items whose exact method set is in their exemplar pool under `policy`. */
export function exemplarLeaks(dataset: Dataset, policy: FewShotPoolOptions, indexFile: string): Problem[] {
  const problems: Problem[] = [];
  for (const item of dataset.items) {
    if (item.split !== 'eval') continue;
    const own = methodSet(item);
    const same = fewShotPool(dataset, item, policy).filter((e) => methodSet(e) === own);
    if (same.length === 0) continue;
    problems.push({
      file: indexFile,
      field: 'methods',
      message: `${item.id}: exemplar ${same.map((e) => e.id).join(', ')} calls exactly its methods (${own.replaceAll('|', ', ')}) under the exemplar policy (otherServicesOnly: ${policy.otherServicesOnly ?? false}); move one split or tighten the policy`,
      severity: 'error',
      check: 'leak:exemplar-methods',
    });
  }
  return problems;
}
