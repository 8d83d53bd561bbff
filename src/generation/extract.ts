/**
 * Output extraction: the gherkin out of a model's reply (fences and prose around it).
 *
 * 1. Fenced blocks (``` or ~~~, closed or cut off at the end of the reply): the first block
 *    labelled `gherkin`, `feature` or `cucumber`; else the first block, of any label or none, that
 *    holds a `Feature:` line.
 * 2. No such block: from the first line that starts with a tag (`@…`) or `Feature:` — the tag
 *    lines directly above a `Feature:` line — to the last line that still looks like gherkin
 *    (indented, a keyword, a tag, a comment, a table row or a doc string), which drops trailing prose.
 * 3. Nothing: '' (the candidate then fails the `parse` check; extraction never throws).
 */

const FENCE_OPEN = /^\s*(```+|~~~+)\s*([A-Za-z0-9_+-]*)[^\n]*$/;
const GHERKIN_LABELS = new Set(['gherkin', 'feature', 'cucumber']);
const FEATURE_LINE = /^\s*Feature\s*:/;
const TAG_LINE = /^\s*@\S/;
const GHERKIN_LINE =
  /^(\s+\S|\s*(Feature|Background|Scenario|Scenario Outline|Scenario Template|Example|Examples|Rule|Given|When|Then|And|But)\b|\s*[*@#|]|\s*("""|```))/;

interface Block {
  label: string;
  body: string;
}

function fencedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const label = (open[2] ?? '').toLowerCase();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim().startsWith(fence[0]!.repeat(3)) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(line);
    }
    blocks.push({ label, body: body.join('\n') });
    i = j;
  }
  return blocks;
}

function fromProse(lines: string[]): string {
  const featureAt = lines.findIndex((l) => FEATURE_LINE.test(l));
  if (featureAt < 0) return '';
  let start = featureAt;
  while (start > 0 && TAG_LINE.test(lines[start - 1] ?? '')) start--;
  let end = lines.length - 1;
  while (end > featureAt && !GHERKIN_LINE.test(lines[end] ?? '')) end--;
  return lines.slice(start, end + 1).join('\n');
}

/** The gherkin in a model's reply, trimmed; '' when there is none. Never throws. */
export function extractGherkin(text: string): string {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = fencedBlocks(lines);
  const labelled = blocks.find((b) => GHERKIN_LABELS.has(b.label) && b.body.trim() !== '');
  const withFeature = blocks.find((b) => b.body.split('\n').some((l) => FEATURE_LINE.test(l)));
  const block = labelled ?? withFeature;
  if (block) return block.body.trim();
  return fromProse(lines).trim();
}
