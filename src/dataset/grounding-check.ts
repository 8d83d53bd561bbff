/**
 * Grounding a gold against the pinned botocore models (the knowledge base's {@link groundText}):
 * a gold must have no unknown and no misplaced API reference. Each offender becomes a problem on
 * its line, with the knowledge base's note and suggestions.
 */
import type { ServiceCatalog } from '../knowledge/catalog.js';
import { groundText } from '../knowledge/grounding.js';
import type { LocatedItem } from './load.js';
import type { Problem } from './problems.js';

/** Every unknown or misplaced reference of one gold, as problems. */
export function checkGrounding(located: LocatedItem, catalog: ServiceCatalog): Problem[] {
  const { item, goldFile } = located;
  if (!catalog.hasService(item.service)) return []; // reported by the row check
  const report = groundText(item.goldText, { service: item.service, catalog });
  return report.references
    .filter((ref) => ref.status !== 'valid')
    .map((ref) => {
      const hint = ref.note ?? (ref.suggestions.length ? `did you mean ${ref.suggestions.join(', ')}?` : '');
      return {
        file: goldFile,
        line: ref.line,
        field: 'grounding',
        message: `${ref.status} ${ref.kind} "${ref.text}"${hint ? `: ${hint}` : ''}`,
        severity: 'error' as const,
        check: `grounding:${ref.status}`,
      };
    });
}
