/**
 * The offline reference generator's reading of a requirement: its words, its security concepts,
 * whether it forbids something, its subject (the resource it talks about) and its key phrase.
 * Pure text processing over the requirement sentence; no API knowledge. Its word lists are general
 * English and general security terms, not words picked from any gold set's requirements.
 */
import type { Category } from '../../dataset/types.js';

const STOP = new Set(
  (
    'a an the of for to in on at by with from into and or as is are be been being it its their this that these ' +
    'those all any each every which who whose when where while than then so such only also aws amazon'
  ).split(' '),
);
const MODALS = new Set(['must', 'should', 'shall', 'need', 'needs', 'require', 'requires', 'required', 'have', 'has']);
const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'disallow', 'prohibit', 'prevent', 'block', 'deny']);
/**
 * Verbs and fillers dropped from the key phrase: modals, negations, copulas and the generic verbs of
 * configuring something (general English, not words picked from any gold set's requirements).
 */
const PHRASE_FILLER = new Set([
  ...MODALS,
  ...NEGATIONS,
  'be',
  'is',
  'are',
  'been',
  'use',
  'uses',
  'using',
  'enable',
  'enabled',
  'turned',
  'on',
  'configured',
  'set',
  'allow',
  'allowed',
  'allows',
  'at',
  'least',
  'more',
  'than',
  'they',
  'them',
]);
/** Words that open a subordinate clause: the key phrase stops there. */
const CLAUSE_BREAK = new Set([
  'that',
  'which',
  'who',
  'so',
  'because',
  'when',
  'where',
  'during',
  'than',
  'rather',
  'unless',
  'if',
]);

/** Security concepts: requirement words that name them, field-name tokens that carry them, their category. */
export const CONCEPTS: readonly { words: readonly string[]; tokens: readonly string[]; category: Category }[] = [
  {
    words: ['encrypt', 'encrypted', 'encryption', 'kms', 'cmk', 'sse', 'key', 'keys', 'rest'],
    tokens: ['encrypt', 'encrypted', 'encryption', 'kms', 'sse', 'algorithm', 'key'],
    category: 'encryption-at-rest',
  },
  {
    words: ['tls', 'ssl', 'https', 'transit', 'certificate', 'protocol', 'cipher', 'secure'],
    tokens: ['tls', 'ssl', 'https', 'transit', 'certificate', 'protocol', 'policy', 'secure'],
    category: 'encryption-in-transit',
  },
  {
    words: ['log', 'logs', 'logging', 'logged', 'audit', 'auditing', 'trail', 'record'],
    tokens: ['log', 'logging', 'audit', 'trail', 'destination'],
    category: 'logging',
  },
  {
    words: ['public', 'publicly', 'internet', 'anonymous', 'exposed', 'exposure', 'vpc', 'subnet', 'network', 'open'],
    tokens: ['public', 'publicly', 'accessible', 'internet', 'direct', 'access', 'vpc', 'subnet', 'network'],
    category: 'network-exposure',
  },
  {
    words: ['iam', 'mfa', 'root', 'permission', 'permissions', 'authentication', 'password', 'rotation', 'privilege'],
    tokens: ['mfa', 'authentication', 'auth', 'password', 'rotation', 'policy', 'permission', 'role', 'root'],
    category: 'access-control',
  },
  {
    words: ['backup', 'backups', 'retention', 'replication', 'versioning', 'deletion', 'snapshot', 'multi', 'az'],
    tokens: ['backup', 'retention', 'replication', 'versioning', 'deletion', 'protection', 'snapshot', 'multi', 'az'],
    category: 'resilience',
  },
  {
    words: ['monitor', 'monitoring', 'alarm', 'alarms', 'metric', 'metrics', 'tracing', 'insights', 'alert'],
    tokens: ['monitoring', 'alarm', 'metric', 'metrics', 'tracing', 'insights'],
    category: 'monitoring',
  },
];

/** A light stemmer shared by requirement words and field-name tokens (so both match alike). */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Lower-case words of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** The words of a PascalCase / camelCase / snake_case name (`DirectInternetAccess` → direct, internet, access). */
export function nameTokens(name: string): string[] {
  return words(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'));
}

/** PascalCase of words (`direct internet access` → DirectInternetAccess). */
export function pascal(ws: readonly string[]): string {
  return ws.map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : '')).join('');
}

/** snake_case singular/plural nouns of a phrase's words. */
export function singular(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** The plural of a singular English noun (`policy` → policies, `instance` → instances). */
export function plural(w: string): string {
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

/** What the generator reads in a requirement. */
export interface RequirementReading {
  /** The first sentence, on one line. */
  sentence: string;
  /** Stems of the content words. */
  stems: Set<string>;
  /** Stems of the security concept tokens the requirement evokes, minus the subject's words. */
  securityStems: Set<string>;
  /** True when the requirement forbids its key phrase ("must not have direct internet access"). */
  negated: boolean;
  /** The subject's nouns, singular, e.g. ['notebook', 'instance'] (without the service name). */
  subject: string[];
  /** The key phrase after the modal, e.g. ['direct', 'internet', 'access']; split on "and" into parts. */
  phrases: string[][];
  category: Category;
  /** A number with a unit the rule may take as a parameter ("at least 7 days" → {value 7, unit days}). */
  threshold?: { value: number; unit: string };
}

/** Read a requirement (see {@link RequirementReading}). `service` and `resourceType` help find the subject. */
export function readRequirement(requirement: string, service?: string, resourceType?: string): RequirementReading {
  const flat = requirement.replace(/\s+/g, ' ').trim();
  const sentence = (/^.*?[.!?](\s|$)/.exec(flat)?.[0] ?? flat).trim();
  const all = words(flat);
  const stems = new Set(all.filter((w) => !STOP.has(w) && !PHRASE_FILLER.has(w)).map(stem));

  const first = words(sentence);
  const modalAt = first.findIndex((w) => MODALS.has(w) || w === 'are' || w === 'is');
  const serviceWords = new Set(words(service ?? '').concat(nameTokens(service ?? '')));
  const before = modalAt > 0 ? first.slice(0, modalAt) : [];
  // The noun phrase: the words after the service's name when it is named ("people using a SageMaker
  // notebook instance" → notebook instance), else the words before the first stop word.
  const serviceAt = before.findIndex((w) => serviceWords.has(w));
  const afterService = serviceAt >= 0 ? before.slice(serviceAt + 1) : [];
  const firstStop = before.findIndex((w, i) => i > 0 && STOP.has(w));
  const phrase = afterService.length ? afterService : firstStop > 0 ? before.slice(0, firstStop) : before;
  const subjectRaw = phrase.filter((w) => !STOP.has(w) && !serviceWords.has(w) && !/^(every|each)$/.test(w));
  const typeNoun = nameTokens(resourceType?.split('::').pop() ?? '');
  const subject = (subjectRaw.length ? subjectRaw.slice(-3) : typeNoun).map(singular);

  const rest = modalAt >= 0 ? first.slice(modalAt) : first;
  const negated = rest.slice(0, 4).some((w) => NEGATIONS.has(w));
  const breakAt = rest.findIndex((w, i) => i > 0 && CLAUSE_BREAK.has(w));
  const clause = breakAt > 0 ? rest.slice(0, breakAt) : rest;
  const keep = (w: string) => !PHRASE_FILLER.has(w) && !STOP.has(w) && !serviceWords.has(w) && !/^\d+$/.test(w);
  const phrases: string[][] = [];
  let current: string[] = [];
  for (const w of clause) {
    if (w === 'and' || w === 'or') {
      if (current.length) phrases.push(current);
      current = [];
    } else if (keep(w)) current.push(w);
  }
  if (current.length) phrases.push(current);
  const trimmed = phrases.map((p) => p.slice(0, 4)).filter((p) => p.length > 0);

  const subjectStems = new Set(subject.map(stem));
  const securityStems = new Set<string>();
  const votes = new Map<Category, number>();
  for (const concept of CONCEPTS) {
    const hits = concept.words.filter((w) => all.includes(w)).length;
    if (!hits) continue;
    votes.set(concept.category, (votes.get(concept.category) ?? 0) + hits);
    for (const t of concept.tokens) securityStems.add(stem(t));
  }
  for (const s of stems) if (!subjectStems.has(s) && !serviceWords.has(s)) securityStems.add(s);
  for (const s of subjectStems) securityStems.delete(s);
  let category: Category = 'access-control';
  let best = 0;
  for (const concept of CONCEPTS) {
    const v = votes.get(concept.category) ?? 0;
    if (v > best) {
      best = v;
      category = concept.category;
    }
  }
  const number = /\b(\d+)\s*(days?|hours?|minutes?|seconds?|characters?|versions?|years?)\b/i.exec(flat);
  const threshold = number
    ? { value: Number(number[1]), unit: plural(singular((number[2] ?? 'days').toLowerCase())) }
    : undefined;
  return { sentence, stems, securityStems, negated, subject, phrases: trimmed, category, threshold };
}
