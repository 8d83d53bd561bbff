/**
 * Which services a requirement is about, before any operation is searched: one BM25 document per
 * service holding its names (botocore's serviceFullName, serviceAbbreviation, serviceId,
 * signingName, endpointPrefix, its CloudFormation namespaces and the documented names of
 * service-names.ts) and the resources its read operations are about (`DescribeLogGroups` → log
 * groups). Words written together in the requirement ("RedShift") also match as one word.
 */
import type MiniSearch from 'minisearch';
import type { Options } from 'minisearch';
import type { ServiceApi } from './catalog.js';
import { isReadOperation, resourceNoun } from './operation-names.js';
import { namespacesOf } from './resource-types.js';
import { documentedNames } from './service-names.js';
import { processTerm, terms, tokenize } from './vocabulary.js';

/** What the service index stores per service. */
export interface ServiceDoc {
  id: string;
  names: string;
  resources: string;
  /** Adjacent word pairs of the resource names (`password_polici`), matched as phrases. */
  phrases: string;
}

/** A service and how well it matches a requirement. */
export interface RankedService {
  service: string;
  score: number;
}

/** Ranking knobs of the service search (tuned on datasets/retrieval/dev.csv only). */
const SERVICE_RANKING = {
  boost: { names: 6, resources: 1, phrases: 4 },
  bm25: { k: 1.2, b: 0.5, d: 0.5 },
} as const;

/** Each alphanumeric run whole (lower-cased) and split at CamelCase: `RedShift` → redshift, red, shift. */
function serviceTokenize(text: string): string[] {
  const words: string[] = [];
  for (const run of text.split(/[^A-Za-z0-9]+/)) {
    if (!run) continue;
    const parts = tokenize(run);
    words.push(...parts);
    const whole = run.toLowerCase();
    if (parts.length > 1) words.push(whole);
  }
  return words;
}

/** Adjacent pairs of a word sequence, each as one term: `password polici` → `password_polici`. */
export function wordPairs(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) pairs.push(`${words[i - 1]}_${words[i]}`);
  return pairs;
}

/** MiniSearch options of the service index (also used to load it from the on-disk cache). */
export const SERVICE_INDEX_OPTIONS: Options<ServiceDoc> = {
  fields: ['names', 'resources', 'phrases'],
  storeFields: [],
  // Phrases are stored ready-made (processed words joined by `_`): split on spaces only, kept as they are.
  tokenize: (text, field) => (field === 'phrases' ? text.split(' ').filter(Boolean) : serviceTokenize(text)),
  processTerm: (term, field) => (field === 'phrases' ? term : processTerm(term)),
};

/** The search document of one service. */
export function serviceDocument(api: ServiceApi): ServiceDoc {
  const meta = api.model.metadata;
  const names = new Set(
    [
      api.name,
      api.fullName,
      meta.serviceAbbreviation ?? '',
      meta.serviceId ?? '',
      String(meta.signingName ?? ''),
      meta.endpointPrefix ?? '',
      ...namespacesOf(api.name),
      documentedNames(api.name),
    ].flatMap(serviceTokenize),
  );
  const resources = new Set<string>();
  const phrases = new Set<string>();
  for (const operation of api.operations()) {
    if (!isReadOperation(operation) || api.model.operations[operation]?.deprecated) continue;
    const words = terms(resourceNoun(operation));
    for (const term of words) resources.add(term);
    for (const pair of wordPairs(words)) phrases.add(pair);
  }
  return {
    id: api.name,
    names: [...names].join(' '),
    resources: [...resources].join(' '),
    phrases: [...phrases].join(' '),
  };
}

/** The source of what builds a service document and its terms (part of the on-disk cache key). */
export function serviceIndexSource(): string {
  return [
    serviceTokenize,
    serviceDocument,
    wordPairs,
    SERVICE_INDEX_OPTIONS.tokenize,
    SERVICE_INDEX_OPTIONS.processTerm,
  ]
    .map(String)
    .join('\n');
}

/** The services best matching a requirement, best first (at most `limit`; none when no word matches). */
export function rankServices(index: MiniSearch<ServiceDoc>, requirement: string, limit: number): RankedService[] {
  const words = [...new Set(serviceTokenize(requirement).map((w) => processTerm(w)))].filter((t) => t !== null);
  if (words.length === 0) return [];
  const pairs = wordPairs(terms(requirement));
  return index
    .search([...new Set([...words, ...pairs])].join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: SERVICE_RANKING.boost,
      bm25: SERVICE_RANKING.bm25,
    })
    .slice(0, limit)
    .map((result) => ({ service: String(result.id), score: result.score }));
}
