/**
 * The words of the behaviour metric: values, predicates, the decision model a control compiles to
 * (scenarios: conditions → outcome), states and verdicts. Types only.
 */
import type { Outcome } from '../../gherkin/parse.js';

/** A scalar read from a response or a rule parameter. */
export type Scalar = string | number | boolean;
/** One element of a list member: a scalar, or null when that element lacks the member. */
export type Element = Scalar | null;
/** A member's value in a state: a scalar, a list (or a map's values), or a present structure. */
export type MemberValue = Scalar | Element[] | { readonly structure: true };

/**
 * What a predicate compares with: a literal value, a rule parameter's value, or another member's
 * value (its key; the grammar writes the quoted path, or `the configuration item's "Path"` or
 * `the "Path" document's "A.B"`, and the compiler resolves it; `@region` is the evaluated Region).
 */
export type Operand =
  | { kind: 'value'; value: Scalar }
  | { kind: 'param'; name: string }
  | { kind: 'member'; key: string };

/** The member key of the Region a state is evaluated in. */
export const REGION_KEY = '@region';

/** A test on one member (or one rule parameter). */
export type Predicate =
  | { op: 'eq' | 'neq' | 'gte' | 'gt' | 'lte' | 'lt'; operand: Operand }
  /** Every value of the member is among the other member's values (`is among the "Path2"`), or one is not. */
  | { op: 'among' | 'notAmong'; operand: Operand }
  /** The age of a timestamp (or of a date held as a string) in whole days, compared with the operand. */
  | { op: 'olderThan' | 'notOlderThan'; operand: Operand }
  | { op: 'set' | 'notset' | 'empty' | 'notempty' | 'emptyOrNotset' }
  | { op: 'in' | 'notin' | 'inOrNotset'; values: Scalar[] }
  | { op: 'inParam' | 'notinParam'; param: string }
  | { op: 'contains' | 'notcontains'; value: Scalar }
  | { op: 'holds' | 'holdsOnly'; values: Scalar[] }
  | { op: 'between'; low: number; high: number }
  | { op: 'startsWith' | 'notStartsWith' | 'endsWith' | 'notEndsWith'; value: string }
  /** Over the elements of a list (`every`, `some`, `no`): the element predicate holds for all / one / none. */
  | { op: 'every' | 'some' | 'none'; predicate: Predicate }
  /** The number of elements of a list (absent: 0) satisfies a numeric predicate. */
  | { op: 'count'; predicate: Predicate }
  /** The number of distinct values among a list's elements (absent: 0) satisfies a numeric predicate. */
  | { op: 'distinctCount'; predicate: Predicate }
  /**
   * The member holds every value of a (set) list rule parameter (`every value of "p" is in
   * "Path"`), or misses one of them (`some value of "p" is not in "Path"`).
   */
  | { op: 'holdsParam' | 'missesParam'; param: string };

/** One predicate op. */
export type PredicateOp = Predicate['op'];

/** What the compiler knows of a member from the botocore output shape. */
export interface MemberType {
  /** botocore type of the member (`string`, `boolean`, `integer`, `list`, `structure`, …). */
  type: string;
  /** The element type when the member is a list (`string`, `structure`, …). */
  element?: string;
  /** The member's enum (or its list element's), when it has one. */
  enum?: string[];
}

/** One compiled condition. */
export type Condition =
  | { kind: 'member'; key: string; predicate: Predicate }
  | { kind: 'error'; call: string; code: string }
  | { kind: 'param'; name: string; predicate: Predicate | { op: 'invalid' } }
  /** `either A or B`: at least one of the conditions holds. */
  | { kind: 'any'; conditions: Condition[] };

/** A compiled scenario. */
export interface CompiledScenario {
  name: string;
  line: number;
  outcome: Outcome;
  /** true: the evaluated resource must exist; false: there must be none; null: either. */
  resource: boolean | null;
  conditions: Condition[];
}

/** A step the grammar does not understand. */
export interface UnknownStep {
  line: number;
  text: string;
  /** Why (no form matches, a path that resolves to no call, …). */
  reason: string;
}

/** A control compiled to a decision model. */
export interface DecisionModel {
  /** Scenarios whose every step was understood and that state one outcome. */
  scenarios: CompiledScenario[];
  /** Scenarios left out (a step not understood, or not exactly one outcome), with why. */
  skipped: { name: string; line: number; reason: string }[];
  /** Given/And steps not understood. */
  unknown: UnknownStep[];
  /** Given/And steps seen (for behaviour_coverage). */
  givenSteps: number;
  /** Every member key the model reads, with its shape type. */
  members: Map<string, MemberType>;
  /** Rule parameters declared under `Rule Parameters:` (name → declared type word, e.g. `int`). */
  parameters: Map<string, string>;
}

/** A rule parameter's value in a state: its values (a scalar parameter holds one), or invalid. */
export type ParamValue = Scalar[] | 'invalid';

/** A synthetic configuration on which a control is executed. */
export interface State {
  /** Whether the evaluated resource exists (false: the list calls return nothing). */
  resource: boolean;
  /** Members set explicitly; `null` = absent from the response. Others take a seeded filler value. */
  members: Map<string, MemberValue | null>;
  /** Calls that fail, with their error code. */
  errors: Map<string, string>;
  /** Rule parameters given (absent = not set). */
  params: Map<string, ParamValue>;
  /** Seed of the filler values of members the state does not mention. */
  seed: number;
}

/** What a control decides on a state: an outcome, or none when no scenario applies. */
export type Verdict = Outcome | 'NONE';
