/** Counterexamples: a state where candidate and gold decide differently, in plain words. */
import { describeMember } from './derived.js';
import { readMember } from './evaluate.js';
import type { DecisionModel, MemberType, MemberValue, State, Verdict } from './model.js';

/** One disagreement, as stored in a score's details and shown in the report. */
export interface Counterexample {
  /**
   * The members, parameters and errors that matter (`PubliclyAccessible` → `true`, `absent`;
   * derived members by their name in words, e.g. `the Attributes{} value of KmsMasterKeyId`).
   */
  state: Record<string, string>;
  gold: Verdict;
  candidate: Verdict;
  /** `PubliclyAccessible = true: gold NON_COMPLIANT, candidate COMPLIANT`. */
  text: string;
}

/** Members shown per counterexample at most. */
const MAX_SHOWN = 6;

const show = (value: MemberValue | null, type: MemberType | undefined): string =>
  value === null
    ? 'absent'
    : Array.isArray(value)
      ? `[${value.map((e) => (e === null ? 'absent' : String(e))).join(', ')}]`
      : typeof value === 'object'
        ? 'set'
        : type?.type === 'timestamp'
          ? `${String(value)} days old`
          : String(value);

/** Describe a disagreement with the members both models read (gold's first). */
export function counterexample(
  state: State,
  gold: DecisionModel,
  candidate: DecisionModel | undefined,
  goldVerdict: Verdict,
  candidateVerdict: Verdict,
): Counterexample {
  const out: Record<string, string> = {};
  /** Labels that are whole sentences (policy statement tests): shown without their value. */
  const sentences = new Set<string>();
  if (!state.resource) out.resource = 'none';
  else {
    const keys = new Set([...gold.members.keys(), ...(candidate ? [...candidate.members.keys()] : [])]);
    for (const key of keys) {
      if (Object.keys(out).length >= MAX_SHOWN) break;
      const { name, statement, counted } = describeMember(key);
      const type = gold.members.get(key) ?? candidate?.members.get(key);
      const value = readMember(state, key, type);
      const said = statement ? statement(value) : name;
      // Two members of one name (one path of two calls): the second names its call.
      const label = said in out ? `${said} (${key.slice(0, key.indexOf(':'))})` : said;
      if (label in out) continue;
      if (statement) sentences.add(label);
      out[label] = statement
        ? String(value === true)
        : counted
          ? String(Array.isArray(value) ? value.length : 0)
          : show(value, type);
    }
  }
  for (const [name, value] of state.params)
    out[`rule parameter ${name}`] = value === 'invalid' ? 'invalid' : value.map(String).join(', ');
  for (const [call, code] of state.errors) out[`${call} fails`] = code;
  const words = Object.entries(out)
    .map(([k, v]) =>
      k === 'resource'
        ? 'no resource'
        : sentences.has(k)
          ? k
          : v === 'absent' && k.startsWith('the ')
            ? `${k} is not set`
            : `${k} = ${v}`,
    )
    .join(', ');
  const verdictWord = (v: Verdict) => (v === 'NONE' ? 'no verdict' : v);
  return {
    state: out,
    gold: goldVerdict,
    candidate: candidateVerdict,
    text: `${words || 'any resource'}: gold ${verdictWord(goldVerdict)}, candidate ${verdictWord(candidateVerdict)}`,
  };
}
