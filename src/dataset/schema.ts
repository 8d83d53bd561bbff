/**
 * The index's columns and the zod schema of one row. A row is checked column by column so every
 * problem names its column; the messages say what is allowed.
 */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES, SPLITS } from './types.js';

/** The index columns, in the order the shipped `controls.csv` writes them. */
export const COLUMNS = [
  'id',
  'control_id',
  'service',
  'resource_type',
  'category',
  'severity',
  'requirement',
  'methods',
  'gold',
  'split',
] as const;
/** One column name. */
export type Column = (typeof COLUMNS)[number];

/** The index file's name inside a dataset folder. */
export const INDEX_FILE = 'controls.csv';

const oneOf = (values: readonly string[]) => (value: string) => `must be one of ${values.join(' | ')} (got "${value}")`;

/** `service.method` (boto3 client + snake_case method) or a bare snake_case method. */
export const METHOD_PATTERN = /^(?:[a-z][a-z0-9-]*\.)?[a-z][a-z0-9_]*$/;

/** The `methods` cell as a list: split on `|`, trimmed, empty cell → no methods. */
export function splitMethods(cell: string): string[] {
  return cell.trim() === '' ? [] : cell.split('|').map((m) => m.trim());
}

/** The schema of one index row (all values are strings as read from the CSV). */
export const rowSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (i) => `must be kebab-case, e.g. s3-bucket-encryption (got "${i.input}")`,
  }),
  control_id: z.string().regex(/^(?:|[A-Za-z0-9]+\.[0-9]+)$/, {
    error: (i) => `must be a Security Hub id like SageMaker.1, or empty (got "${i.input}")`,
  }),
  service: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, { error: (i) => `must be a boto3 client name like s3 (got "${i.input}")` }),
  resource_type: z.string().regex(/^AWS::[A-Za-z0-9]*::[A-Za-z0-9]+$/, {
    error: (i) => `must be a CloudFormation type like AWS::S3::Bucket (got "${i.input}")`,
  }),
  category: z.enum(CATEGORIES, { error: (i) => oneOf(CATEGORIES)(String(i.input)) }),
  severity: z.enum(SEVERITIES, { error: (i) => oneOf(SEVERITIES)(String(i.input)) }),
  requirement: z.string().trim().min(1, { error: 'must not be empty: write 1–3 sentences in your own words' }),
  methods: z.string().superRefine((value, ctx) => {
    for (const part of splitMethods(value)) {
      if (!METHOD_PATTERN.test(part)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${part}" is not a boto3 call; write service.method (e.g. s3.get_bucket_encryption), separated by |`,
        });
      }
    }
  }),
  gold: z.string().min(1, { error: 'must name the gold .feature file, relative to the dataset folder' }),
  split: z.enum(SPLITS, { error: (i) => oneOf(SPLITS)(String(i.input)) }),
});

/** A row after the schema accepted it. */
export type Row = z.infer<typeof rowSchema>;
