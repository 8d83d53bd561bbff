/**
 * Reading a versioned stored record: find its `schema` id among the known versions, parse it with
 * that version's zod schema, and bring it to the current version through that version's upgrade.
 * An unknown, future or malformed record is one {@link badInput} line naming the file, line and field.
 */
import type { z } from 'zod';
import { badInput } from '../errors.js';

/** One readable version of a record kind: its schema id, its schema, and its way to the current type. */
export interface RecordVersion<T> {
  /** e.g. `gherkin-bench/manifest@1`. */
  readonly id: string;
  /** Parse a value of this version; a failure is data (the zod issues). */
  read(value: unknown): { ok: true; value: T } | { ok: false; issues: readonly z.core.$ZodIssue[] };
}

/** A version whose parsed value becomes the current type through `upgrade` (the identity for the current version). */
export function recordVersion<S extends z.ZodType, T>(
  id: string,
  schema: S,
  upgrade: (parsed: z.output<S>) => T,
): RecordVersion<T> {
  return {
    id,
    read(value) {
      const parsed = schema.safeParse(value);
      return parsed.success ? { ok: true, value: upgrade(parsed.data) } : { ok: false, issues: parsed.error.issues };
    },
  };
}

/** A stored record kind and every version this gherkin-bench reads. */
export interface RecordKind<T> {
  /** What the record is, for messages (e.g. `run manifest`). */
  readonly name: string;
  /** Known versions, oldest first; the last is the one written today. */
  readonly versions: readonly RecordVersion<T>[];
  /** What to do when a known version fails its schema (e.g. "the results file is damaged"). */
  readonly damaged: string;
}

/** Where a record was read from, for messages. */
export interface RecordPlace {
  file: string;
  line?: number;
}

/** The version number at the end of a schema id (`…@3` → 3), or null. */
function versionNumber(id: string): number | null {
  const match = /^(.*)@(\d+)$/.exec(id);
  return match ? Number(match[2]) : null;
}

function familyOf(id: string): string {
  return id.replace(/@\d+$/, '');
}

/**
 * Read `value` as the current version of `kind`. Throws a {@link UserError} (exit 2) naming
 * `place` and the field: for an unknown schema id, a newer version than this gherkin-bench knows,
 * or a record that fails its version's schema.
 */
export function readRecord<T>(kind: RecordKind<T>, value: unknown, place: RecordPlace): T {
  const current = kind.versions.at(-1);
  if (!current) throw new Error(`record kind ${kind.name} has no versions`);
  const id =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as { schema?: unknown }).schema : undefined;
  const version = kind.versions.find((v) => v.id === id);
  if (!version) throw unknownVersion(kind, current.id, id, place);
  const result = version.read(value);
  if (result.ok) return result.value;
  const issue = result.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  throw badInput({ ...place, field }, `${issue?.message ?? 'invalid'}; ${kind.damaged}`);
}

function unknownVersion<T>(kind: RecordKind<T>, currentId: string, id: unknown, place: RecordPlace): Error {
  const where = { ...place, field: 'schema' };
  const newest = versionNumber(currentId) ?? 0;
  const found = typeof id === 'string' ? versionNumber(id) : null;
  if (typeof id === 'string' && familyOf(id) === familyOf(currentId) && found !== null && found > newest)
    return badInput(
      where,
      `"${id}" was written by a newer gherkin-bench; this one reads ${kind.name}s up to "${currentId}": update gherkin-bench to read it`,
    );
  const older = kind.versions.slice(0, -1).map((v) => `"${v.id}"`);
  const also = older.length ? ` (or an older ${older.join(', ')})` : '';
  return badInput(where, `expected "${currentId}"${also}; this is not a gherkin-bench ${kind.name} of a known version`);
}
