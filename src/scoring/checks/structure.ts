/** `structure`: the share of the named structure rules (src/gherkin/rules.ts) the candidate meets. */
import { checkStructure, STRUCTURE_RULES } from '../../gherkin/rules.js';
import { parsedOf } from './parse.js';
import type { CheckFactory } from './types.js';

/** Default pass threshold: with nine rules, one failed rule passes (8/9) and two fail (7/9). */
export const STRUCTURE_PASS_SHARE = 0.8;

/**
 * `structure`: met rules / all rules; every verdict is in `details.rules`. A candidate that does
 * not parse meets no rule: value 0, not null, so failures pull the mean down instead of vanishing.
 */
export const structureCheck: CheckFactory = (options) => {
  const threshold = options?.structurePassShare ?? STRUCTURE_PASS_SHARE;
  return (input) => {
    const parsed = parsedOf(input);
    const total = Object.keys(STRUCTURE_RULES).length;
    if (!parsed.ok)
      return {
        metric: 'structure',
        value: 0,
        pass: false,
        reason: `did not parse, so none of the ${total} structure rules is met`,
        details: { threshold },
      };
    const verdicts = checkStructure(input.candidate, parsed.control);
    const met = verdicts.filter((v) => v.pass).length;
    const value = met / verdicts.length;
    const failed = verdicts.filter((v) => !v.pass);
    return {
      metric: 'structure',
      value,
      pass: value >= threshold,
      reason:
        failed.length === 0
          ? `all ${verdicts.length} structure rules met`
          : `${met}/${verdicts.length} rules met; failed: ${failed.map((v) => `${v.rule} (${v.message})`).join('; ')}`,
      details: { threshold, rules: verdicts },
    };
  };
};
