/**
 * Leak check: a prompt template must not quote any evaluation gold's answer. Every quoted token of
 * a template, and every bare `service.method`, is looked up among the calls, member paths and rule
 * parameter names of the evaluation items; a hit is a leak (the model would be shown the answer
 * of an item it is scored on).
 */
import { scanText } from '../../knowledge/references.js';
import type { Problem } from '../problems.js';
import type { Item } from '../types.js';
import { answersOf } from './answers.js';

/** A template to check: its file (as problems name it) and text. */
export interface TemplateText {
  file: string;
  text: string;
}

/** Leaks of evaluation answers into templates, one problem per quoted answer. */
export function templateLeaks(templates: readonly TemplateText[], evalItems: readonly Item[]): Problem[] {
  const owners = new Map<string, string[]>();
  for (const item of evalItems)
    for (const answer of answersOf(item)) owners.set(answer, [...(owners.get(answer) ?? []), item.id]);
  const problems: Problem[] = [];
  for (const template of templates) {
    // Markdown headings start with # (which scanText reads as a gherkin comment): scan them too.
    for (const token of scanText(template.text.replace(/^(\s*)#+/gm, '$1 ')).tokens) {
      if (!token.quoted && token.shape !== 'method') continue;
      const items = owners.get(token.text);
      if (!items) continue;
      problems.push({
        file: template.file,
        line: token.line,
        field: 'template',
        message: `quotes "${token.text}", an answer of evaluation item ${items.slice(0, 3).join(', ')}${items.length > 3 ? ` (+${items.length - 3} more)` : ''}; use an example no evaluation item needs`,
        severity: 'error',
        check: 'leak:template',
      });
    }
  }
  return problems;
}
