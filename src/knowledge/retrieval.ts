/**
 * The retriever of the RAG corpus: a security requirement (plus the security vocabulary's words)
 * searched in the operation index (api-index.ts) with BM25, read operations preferred, and each
 * hit's member paths ranked by the requirement's words.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { UserError } from '../errors.js';
import { catalogIndex, catalogServiceIndex, type IndexCache, type OperationDoc, serviceIndex } from './api-index.js';
import type { ServiceCatalog } from './catalog.js';
import { isReadOperation, resourceNoun } from './operation-names.js';
import { type PassageSource, type RetrievedPassage, renderPassages } from './passages.js';
import { parseResourceType } from './resource-types.js';
import { type RankedService, rankServices } from './service-ranking.js';
import { type MemberInfo, memberPaths } from './shapes.js';
import { didYouMean } from './suggest.js';
import { expand, terms } from './vocabulary.js';

export { isReadOperation };

/** One operation found for a query (the shape passages are made from). */
export type RetrievalHit = PassageSource;

/** How to narrow and size a query. */
export interface RetrieveOptions {
  /** boto3 client name to search within. */
  service?: string;
  /** CloudFormation type (`AWS::SageMaker::NotebookInstance`): narrows to its service, favours its words. */
  resourceType?: string;
  /** How many operations (default 5). */
  k?: number;
  /** How many member paths per operation (default 8). */
  members?: number;
}

/** A search over the API. */
export interface Retriever {
  /** Operations for a security requirement, best first. Unknown service → UserError with suggestions. */
  retrieve(query: string, opts?: RetrieveOptions): RetrievalHit[];
  /** Render hits as prompt passages within a token budget (chars/4). */
  renderPassages(hits: RetrievalHit[], tokenBudget: number): RetrievedPassage[];
}

/**
 * Ranking knobs, tuned once on datasets/retrieval (global values, no per-query rules; see README):
 * field boosts, BM25 parameters, the weight of the security vocabulary's words, the penalty of
 * operations that change things (controls only read), prefix matching of long words, how much an
 * operation about the resource the requirement names gains (less when named late); across all
 * services, how many of the services ranked for a requirement are searched and how steeply their
 * relative scores weight their operations, and (when no service matches) the share of operations
 * above which a word is too common to search for.
 */
const RANKING = {
  boost: { name: 3, svc: 4, doc: 1, members: 1, memberDocs: 0.6, values: 0.8 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  expansionWeight: 0.3,
  resourceWeight: 1.2,
  readBoost: 1.25,
  listBoost: 1.1,
  writeBoost: 0.25,
  deprecatedFactor: 0.5,
  prefixMinLength: 5,
  catalogMaxShare: 0.1,
  services: { count: 3, exponent: 1 },
  resourceNounBoost: 2,
  laterMentionDiscount: 0.6,
} as const;
/** Words too common in member names to tell members apart. */
const GENERIC = new Set(
  terms('id arn name names config configuration status type types enabled setting settings details'),
);

/** The weighted query words of a requirement (the vocabulary's words count less, generic ones not at all). */
export function queryTerms(requirement: string, resourceType?: string): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  for (const term of expand(requirement)) if (!GENERIC.has(term)) add(term, RANKING.expansionWeight);
  const resource = resourceType ? parseResourceType(resourceType) : undefined;
  if (resource) for (const term of terms(resource.type)) add(term, RANKING.resourceWeight);
  for (const term of terms(requirement)) add(term, 1);
  return weights;
}

/**
 * The opening "Check whether" / "Checks if" / "Verify that" of a rule description (AWS Config's
 * own style) says what the rule does, not what it reads: it is left out, so the resource named
 * next is the requirement's first word and "check" does not pull in Check… operations.
 */
export function withoutLeadingCheck(requirement: string): string {
  return requirement.replace(/^\s*(?:checks?|verif(?:y|ies))\s+(?:whether|if|that)\b/i, '');
}

/** A member path must score at least this share of the best path's score to count as relevant. */
const RELATIVE_FLOOR = 0.4;

const memberTermCache = new WeakMap<MemberInfo, readonly (readonly [string, number])[]>();

/**
 * A member's words, each with how much it counts (3 in the last path segment, 1 in an earlier
 * one, 0.5 in the doc; a word's best place wins), in first-seen order. Depends on the member
 * only, so it is worked out once per member.
 */
function memberTerms(member: MemberInfo): readonly (readonly [string, number])[] {
  let hit = memberTermCache.get(member);
  if (!hit) {
    const best = new Map<string, number>();
    const segments = member.path.split('.');
    segments.forEach((segment, i) => {
      const segmentWeight = i === segments.length - 1 ? 3 : 1;
      for (const term of terms(segment)) best.set(term, Math.max(best.get(term) ?? 0, segmentWeight));
    });
    for (const term of new Set(terms(member.doc))) best.set(term, Math.max(best.get(term) ?? 0, 0.5));
    hit = [...best];
    memberTermCache.set(member, hit);
  }
  return hit;
}

const memberWordIndex = new WeakMap<MemberInfo[], Map<string, number[]>>();

/** Which members (by position) have each word, for one operation's member list. */
function membersWithWords(members: MemberInfo[]): Map<string, number[]> {
  let hit = memberWordIndex.get(members);
  if (!hit) {
    hit = new Map();
    for (let order = 0; order < members.length; order++)
      for (const [term] of memberTerms(members[order] as MemberInfo)) {
        const list = hit.get(term);
        if (list) list.push(order);
        else hit.set(term, [order]);
      }
    memberWordIndex.set(members, hit);
  }
  return hit;
}

/**
 * Rank an operation's member paths by the query words in their names (the last member counts
 * most) and docs. Words of `context` (the operation's and service's names) count little: they name
 * the resource, not the setting. Paths scoring under 40% of the best are left out; top-level
 * members fill up the list when few paths match.
 */
export function rankMembers(
  members: MemberInfo[],
  weights: Map<string, number>,
  limit: number,
  context = '',
): string[] {
  const own = new Set(terms(context));
  const weightOf = (term: string): number => {
    const w = weights.get(term);
    if (w === undefined) return 0; // most of a member's words are not in the requirement
    return own.has(term) ? w * 0.15 : GENERIC.has(term) ? w * 0.3 : w;
  };
  // Only members with a query word can score above the floor; the others keep -depth × 0.05.
  const withWords = membersWithWords(members);
  const candidates = new Set<number>();
  for (const term of weights.keys()) for (const order of withWords.get(term) ?? []) candidates.add(order);
  const scored = [...candidates]
    .sort((a, b) => a - b)
    .map((order) => {
      const member = members[order] as MemberInfo;
      let score = -member.depth * 0.05;
      for (const [term, factor] of memberTerms(member)) score += weightOf(term) * factor;
      return { path: member.path, score, order };
    });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const floor = Math.max(0.5, best * RELATIVE_FLOOR);
  const relevant = scored.filter((s) => s.score >= floor).sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = relevant.slice(0, limit).map((s) => s.path);
  for (const member of members) {
    if (chosen.length >= limit) break;
    if (member.depth === 1 && !chosen.includes(member.path)) chosen.push(member.path);
  }
  return chosen;
}

/**
 * A retriever over a catalog, optionally limited to some services.
 * @param catalog - the service catalog (usually `defaultCatalog()`).
 * @param options.services - the services to search when a query names none (default: all).
 * @param options.cache - folder for the on-disk whole-catalog index, or false (default: see
 *   `defaultIndexCache`).
 */
export function createRetriever(
  catalog: ServiceCatalog,
  options: { services?: string[]; cache?: IndexCache } = {},
): Retriever {
  const universe = options.services;
  if (universe) for (const name of universe) catalog.service(name); // fail early on a bad name
  const retrieve = (requirement: string, opts: RetrieveOptions = {}): RetrievalHit[] => {
    const query = withoutLeadingCheck(requirement);
    const k = opts.k ?? 5;
    if (!Number.isInteger(k) || k < 1) throw new UserError('BAD_USAGE', `k must be a positive integer (got ${k})`);
    let service = opts.service;
    if (!service && opts.resourceType) {
      const resource = parseResourceType(opts.resourceType);
      if (!resource) {
        throw new UserError(
          'BAD_USAGE',
          `"${opts.resourceType}" is not a CloudFormation resource type; write it like AWS::SageMaker::NotebookInstance`,
        );
      }
      service = resource.service;
    }
    if (service && !catalog.hasService(service)) {
      throw new UserError('NOT_FOUND', `unknown service "${service}"${didYouMean(service, catalog.services())}`);
    }
    let weights = queryTerms(query, opts.resourceType);
    if (weights.size === 0) return [];
    const positions = termPositions(query);
    let results: SearchResult[];
    if (service) results = search(serviceIndex(catalog.service(service)), weights, positions);
    else {
      const ranked = rankServices(catalogServiceIndex(catalog, universe, options.cache), query, RANKING.services.count);
      if (ranked.length > 0) results = searchRankedServices(catalog, ranked, weights, positions);
      else {
        const index = catalogIndex(catalog, universe, options.cache);
        weights = withoutCommonTerms(index, weights);
        results = search(index, weights, positions);
      }
    }
    return results.slice(0, k).map((result) => toHit(catalog, result, weights, opts.members ?? 8));
  };
  return {
    retrieve,
    renderPassages: (hits, tokenBudget) => renderPassages(catalog, hits, tokenBudget),
  };
}

/** BM25 search of an operation index with weighted query words, read operations preferred. */
function search(
  index: MiniSearch<OperationDoc>,
  weights: Map<string, number>,
  positions: Map<string, number>,
): SearchResult[] {
  return index.search([...weights.keys()].join(' '), {
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boostTerm: (term) => weights.get(term) ?? 1,
    boostDocument: (_id, _term, stored) => documentBoost(stored) * resourceBoost(stored, weights, positions),
    prefix: (term: string) => term.length >= RANKING.prefixMinLength && (weights.get(term) ?? 0) >= 1,
    bm25: RANKING.bm25,
    boost: RANKING.boost,
  });
}

/**
 * Across all services: each of the services ranked for the requirement is searched on its own
 * index, as when the service is given, and its operations' scores are weighted by the service's
 * score relative to the best service's.
 */
function searchRankedServices(
  catalog: ServiceCatalog,
  ranked: RankedService[],
  weights: Map<string, number>,
  positions: Map<string, number>,
): SearchResult[] {
  const best = ranked[0]?.score ?? 1;
  return ranked
    .flatMap(({ service, score }) => {
      const factor = (score / best) ** RANKING.services.exponent;
      const hits = search(serviceIndex(catalog.service(service)), weights, positions);
      for (const hit of hits) hit.score *= factor; // fresh objects of this search: no copy needed
      return hits;
    })
    .sort((a, b) => b.score - a.score);
}

const documentFrequencies = new WeakMap<MiniSearch<OperationDoc>, Map<string, number>>();

/** How many operations of an index have a term (in any field); remembered per index. */
function documentFrequency(index: MiniSearch<OperationDoc>, term: string): number {
  let known = documentFrequencies.get(index);
  if (!known) {
    known = new Map();
    documentFrequencies.set(index, known);
  }
  let df = known.get(term);
  if (df === undefined) {
    df = index.search(term, { tokenize: (t) => [t], processTerm: (t) => t }).length;
    known.set(term, df);
  }
  return df;
}

/**
 * Across all services, words found in more than {@link RANKING.catalogMaxShare} of the operations
 * barely rank (BM25 gives them little weight) but each adds thousands of matches to score; they
 * are dropped, unless nothing would be left.
 */
function withoutCommonTerms(index: MiniSearch<OperationDoc>, weights: Map<string, number>): Map<string, number> {
  const limit = index.documentCount * RANKING.catalogMaxShare;
  const kept = new Map([...weights].filter(([term]) => documentFrequency(index, term) <= limit));
  return kept.size > 0 ? kept : weights;
}

/**
 * Words AWS API names abbreviate (`DescribeEndpointConfig`, `DescribeDBInstances`), as stems:
 * the abbreviation → the stem of the word a requirement writes out.
 */
const API_ABBREVIATIONS: Readonly<Record<string, string>> = {
  config: 'configur',
  db: 'databas',
  cert: 'certif',
  repo: 'repositori',
  env: 'environ',
  param: 'paramet',
};

const nounTerms = new Map<string, string[]>();

/** The stemmed words of the resource a read operation is about (`DescribeLogGroups` → log, group). */
function resourceTerms(operation: string): string[] {
  let hit = nounTerms.get(operation);
  if (!hit) {
    hit = [...new Set(terms(resourceNoun(operation)))];
    nounTerms.set(operation, hit);
  }
  return hit;
}

/**
 * A requirement names its resource ("log groups", "load balancers"), usually first: operations
 * about that resource rank higher, by the share of the resource's words the requirement itself
 * uses, and more when the requirement names them early (its subject) than late.
 */
function resourceBoost(
  stored: Record<string, unknown> | undefined,
  weights: Map<string, number>,
  positions: Map<string, number>,
): number {
  const nouns = resourceTerms(String(stored?.operation ?? ''));
  if (nouns.length === 0) return 1;
  let named = 0;
  let first = 1;
  for (const term of nouns) {
    const used = (weights.get(term) ?? 0) >= 1 ? term : API_ABBREVIATIONS[term];
    if (!used || (weights.get(used) ?? 0) < 1) continue;
    named++;
    first = Math.min(first, positions.get(used) ?? 1);
  }
  return 1 + RANKING.resourceNounBoost * (named / nouns.length) * (1 - RANKING.laterMentionDiscount * first);
}

/** Where each of a requirement's words first occurs, from 0 (first word) to 1 (last word). */
export function termPositions(requirement: string): Map<string, number> {
  const words = terms(requirement);
  const positions = new Map<string, number>();
  words.forEach((term, i) => {
    if (!positions.has(term)) positions.set(term, words.length > 1 ? i / (words.length - 1) : 0);
  });
  return positions;
}

function documentBoost(stored: Record<string, unknown> | undefined): number {
  if (!stored) return 1;
  let boost = stored.read
    ? /^List/.test(String(stored.operation))
      ? RANKING.listBoost
      : RANKING.readBoost
    : RANKING.writeBoost;
  if (stored.deprecated) boost *= RANKING.deprecatedFactor;
  return boost;
}

function toHit(
  catalog: ServiceCatalog,
  result: SearchResult,
  weights: Map<string, number>,
  limit: number,
): RetrievalHit {
  const service = result.service as string;
  const operation = result.operation as string;
  const api = catalog.service(service);
  const read = isReadOperation(operation);
  let members = memberPaths(api, operation, read ? 'output' : 'input');
  if (members.length === 0) members = memberPaths(api, operation, read ? 'input' : 'output');
  return {
    service,
    operation,
    method: result.method as string,
    score: Math.round(result.score * 1000) / 1000,
    members: rankMembers(members, weights, limit, `${operation} ${api.model.metadata.serviceId ?? service}`),
  };
}
