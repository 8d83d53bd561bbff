/**
 * `dataset import --from aws-config-rules`: walk a tree of AWS Config rule sources (a checkout of
 * awslabs/aws-config-rules, or RDK rules), convert each file's Gherkin docstring into a canonical
 * gold + index row, and write the new dataset folder atomically: everything is built in a temp
 * folder beside `--out` and renamed into place only when complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { badInput, UserError } from '../../errors.js';
import { defaultCatalog, type ServiceCatalog } from '../../knowledge/catalog.js';
import { printable } from '../problems.js';
import { PROVENANCE_FILE, renderProvenance } from '../provenance.js';
import { COLUMNS, INDEX_FILE, type Row } from '../schema.js';
import { assignSplitsKeepingNearDuplicatesTogether } from '../splits.js';
import { validateDataset } from '../validate.js';
import { toCanonical } from './canonical.js';
import { findGherkinBlock, isTestFile, languageOf } from './comment-block.js';
import { parseRuleDoc } from './rule-doc.js';
import { readSdkCalls } from './sdk-calls.js';

/** What happened to one source file. */
export interface FileResult {
  /** Path relative to the source folder. */
  file: string;
  status: 'imported' | 'repaired' | 'skipped';
  /** The item id, when imported. */
  id?: string;
  /** Why it was skipped. */
  reason?: string;
  /** What was repaired or guessed. */
  warnings: string[];
  /** Defaults applied for optional fields (they do not make a file "repaired"). */
  notes: string[];
}

/** The import's outcome. */
export interface ImportReport {
  source: string;
  out: string;
  files: FileResult[];
  imported: number;
  repaired: number;
  skipped: number;
  /** `dataset validate` on the written folder: errors left for a person to fix. */
  validation: { errors: number; warnings: number };
}

/** Options of {@link importAwsConfigRules}. */
export interface ImportOptions {
  /** Share of items put in the fewshot split (stable per id). Default 0.25. */
  fewshotShare?: number;
  /** Replace `out` when it exists. Default false. */
  force?: boolean;
  catalog?: ServiceCatalog;
}

/** Larger files are not rule sources (vendored bundles, data). */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

const SKIP_DIRS = new Set(['node_modules', '.git', '__pycache__', 'dist', 'build', 'target', '.venv', 'venv']);

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...(await walk(join(dir, entry.name))));
    } else if (entry.isFile() && languageOf(entry.name)) out.push(join(dir, entry.name));
  }
  return out;
}

/** One CSV cell, quoted when it must be. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The index text for `rows`. */
export function renderIndex(rows: readonly Row[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

function stemOf(file: string): string {
  const stem = basename(file, extname(file));
  return /^(index|handler|rule|main|app|lambda_function)$/i.test(stem) ? basename(dirname(file)) : stem;
}

/** Convert every rule source under `source`; nothing is written. */
export async function convertTree(
  source: string,
  options: Pick<ImportOptions, 'fewshotShare' | 'catalog'> = {},
): Promise<{ files: FileResult[]; rules: { id: string; feature: string; row: Row }[] }> {
  const catalog = options.catalog ?? defaultCatalog();
  const files: FileResult[] = [];
  const rules: { id: string; feature: string; row: Row }[] = [];
  const owners = new Map<string, string>();
  for (const path of await walk(source)) {
    const file = relative(source, path);
    const language = languageOf(path);
    if (!language) continue;
    if (isTestFile(path)) {
      files.push({ file, status: 'skipped', reason: 'a test file, not a rule', warnings: [], notes: [] });
      continue;
    }
    const size = (await stat(path)).size;
    if (size > MAX_SOURCE_BYTES) {
      files.push({
        file,
        status: 'skipped',
        reason: `${size} bytes; rule sources over 2 MB are not read`,
        warnings: [],
        notes: [],
      });
      continue;
    }
    const text = await readFile(path, 'utf8');
    const block = findGherkinBlock(text, language);
    if (!block) {
      files.push({
        file,
        status: 'skipped',
        reason: 'no Gherkin block (a comment with Rule Name:, or Description: and Scenario:)',
        warnings: [],
        notes: [],
      });
      continue;
    }
    const conversion = toCanonical({
      fileStem: stemOf(path),
      source: text,
      doc: parseRuleDoc(block),
      calls: readSdkCalls(text, language, catalog),
      catalog,
      fewshotShare: options.fewshotShare ?? 0.25,
    });
    if (!conversion.ok) {
      files.push({
        file,
        status: 'skipped',
        reason: conversion.reason,
        warnings: conversion.warnings,
        notes: conversion.notes,
      });
      continue;
    }
    const { rule } = conversion;
    const owner = owners.get(rule.id);
    if (owner) {
      files.push({
        file,
        status: 'skipped',
        reason: `same rule name as ${owner} (${rule.id})`,
        warnings: rule.warnings,
        notes: rule.notes,
      });
      continue;
    }
    owners.set(rule.id, file);
    rules.push(rule);
    files.push({
      file,
      status: rule.warnings.length ? 'repaired' : 'imported',
      id: rule.id,
      warnings: rule.warnings,
      notes: rule.notes,
    });
  }
  const splits = assignSplitsKeepingNearDuplicatesTogether(
    rules.map((r) => r.row),
    options.fewshotShare ?? 0.25,
  );
  for (const rule of rules) rule.row.split = splits.get(rule.id) ?? rule.row.split;
  return { files, rules };
}

/**
 * Import AWS Config rule sources under `source` into a new dataset folder `out`. Throws a
 * {@link UserError} (and writes nothing) when `source` is not a folder, `out` exists without
 * `force`, or no file could be imported.
 */
export async function importAwsConfigRules(
  source: string,
  out: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const share = options.fewshotShare ?? 0.25;
  if (!(share >= 0 && share <= 1))
    throw badInput({ field: '--fewshot-share' }, `must be between 0 and 1 (got ${share})`);
  if (!(await stat(source).catch(() => undefined))?.isDirectory())
    throw badInput({ file: source }, 'not a folder; give a checkout of aws-config-rules or a folder of RDK rules');
  const existing = await stat(out).catch(() => undefined);
  if (existing && !options.force)
    throw badInput({ file: out }, 'already exists; choose a new --out folder or pass --force');

  const { files, rules } = await convertTree(source, options);
  if (rules.length === 0) {
    const why =
      files.length === 0
        ? 'no .py, .java, .js or .ts files'
        : `${files.length} files, none with a usable Gherkin block`;
    throw new UserError('BAD_INPUT', `${source}: nothing to import (${why}); nothing was written`);
  }

  const target = resolve(out);
  const temp = join(dirname(target), `.${basename(target)}.import-${randomBytes(4).toString('hex')}`);
  await mkdir(dirname(target), { recursive: true });
  let validation: ImportReport['validation'];
  try {
    await mkdir(temp);
    for (const rule of rules) await writeFile(join(temp, rule.row.gold), rule.feature, 'utf8');
    await writeFile(join(temp, INDEX_FILE), renderIndex(rules.map((r) => r.row)), 'utf8');
    const provenance = renderProvenance({ origin: 'imported', source, scenarios: 'as-written' });
    await writeFile(join(temp, PROVENANCE_FILE), provenance, 'utf8');
    const report = await validateDataset(temp, options.catalog ? { catalog: options.catalog } : {});
    validation = { errors: report.errors, warnings: report.warnings };
    if (existing) {
      const old = `${temp}.old`;
      await rename(target, old);
      await rename(temp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const count = (status: FileResult['status']): number => files.filter((f) => f.status === status).length;
  return {
    source,
    out,
    files,
    imported: count('imported'),
    repaired: count('repaired'),
    skipped: count('skipped'),
    validation,
  };
}

/** The report as text: one line per file, its warnings indented, a summary last (control characters escaped). */
export function renderImportReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const what = f.status === 'skipped' ? `skipped: ${f.reason}` : `${f.status} as ${f.id}`;
    lines.push(`${f.file}: ${what}`);
    for (const w of f.warnings) lines.push(`  warning: ${w}`);
    for (const n of f.notes) lines.push(`  note: ${n}`);
  }
  lines.push(
    `imported ${report.imported + report.repaired} rules into ${report.out} (${report.imported} clean, ${report.repaired} repaired), skipped ${report.skipped} files`,
    report.validation.errors === 0
      ? 'the new dataset validates clean'
      : `the new dataset has ${report.validation.errors} validation error(s) to fix: gherkin-bench dataset validate ${report.out}`,
  );
  return lines.map(printable).join('\n');
}
