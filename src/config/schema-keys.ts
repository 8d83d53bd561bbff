/** The field names a zod schema accepts, at every depth: what "did you mean" suggests from. */
import { z } from 'zod';

/** Every object key of `schema`, depth first in declaration order, without repeats. */
export function schemaKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const visit = (node: z.ZodType): void => {
    if (node instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(node.shape as Record<string, z.ZodType>)) {
        keys.add(key);
        visit(child);
      }
    } else if (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable)
      visit(node.unwrap() as z.ZodType);
    else if (node instanceof z.ZodArray) visit(node.element as z.ZodType);
    else if (node instanceof z.ZodUnion) for (const option of node.options) visit(option as z.ZodType);
    else if (node instanceof z.ZodRecord) visit(node.valueType as z.ZodType);
  };
  visit(schema);
  return [...keys];
}
