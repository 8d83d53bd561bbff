/**
 * Gold checks of the behaviour metric (datasets/README.md, "The step grammar"): every Given/And
 * step of a gold is understood (a warning while golds still hold prose steps), no scenario is
 * shadowed (its witness state gets its own outcome), and no two scenarios decide the same
 * conditions differently.
 */
import type { ParsedControl } from '../gherkin/parse.js';
import { compileControl } from '../scoring/behaviour/compile.js';
import { sameConditions } from '../scoring/behaviour/evaluate.js';
import { witnessOf } from '../scoring/behaviour/states.js';
import type { LocatedItem } from './load.js';
import type { Problem } from './problems.js';

/** Check that a gold executes as written. */
export function checkGoldBehaviour(located: LocatedItem, control: ParsedControl): Problem[] {
  const file = located.goldFile;
  const model = compileControl(control);
  const problems: Problem[] = model.unknown.map((u) => ({
    file,
    line: u.line,
    field: 'steps',
    message: `the step grammar does not understand this step (${u.reason}); restate it in a form of datasets/README.md "The step grammar"`,
    severity: 'warning',
    check: 'behaviour:step',
  }));
  for (const scenario of model.scenarios) {
    const witness = witnessOf(model, scenario);
    if (witness.verdict !== scenario.outcome)
      problems.push({
        file,
        line: scenario.line,
        field: 'scenarios',
        message: `scenario "${scenario.name}" is shadowed: where its conditions hold the gold decides ${witness.verdict}, not ${scenario.outcome}; make the overlapping scenarios exclusive`,
        severity: 'error',
        check: 'behaviour:shadowed',
      });
  }
  model.scenarios.forEach((a, i) => {
    for (const b of model.scenarios.slice(i + 1))
      if (a.outcome !== b.outcome && sameConditions(a, b))
        problems.push({
          file,
          line: b.line,
          field: 'scenarios',
          message: `scenarios "${a.name}" (line ${a.line}) and "${b.name}" state the same conditions but decide ${a.outcome} and ${b.outcome}; one of them is wrong`,
          severity: 'error',
          check: 'behaviour:contradiction',
        });
  });
  return problems;
}
