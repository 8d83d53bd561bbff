/**
 * The search index of the RAG corpus: one MiniSearch (BM25) document per operation — its name and
 * boto3 method, service names, docs, member names, member docs and enum values — tokenized by
 * CamelCase and snake_case and stemmed (vocabulary.ts).
 *
 * Per-service indexes are built lazily in memory. The whole-catalog indexes — of every operation,
 * and of services (one document each, service-ranking.ts) — are built once per process (all models
 * inflated in one pass over the zip) and, for the pinned model package, also kept on disk under
 * node_modules/.cache/gherkin-bench so later processes load them instead of rebuilding.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import { writeFileAtomic } from '../atomic-write.js';
import { packagePath } from '../paths.js';
import { MODEL_PACKAGE_VERSION } from './botocore-source.js';
import type { ServiceApi, ServiceCatalog } from './catalog.js';
import { isReadOperation, READ_VERBS, resourceNoun } from './operation-names.js';
import { namespacesOf } from './resource-types.js';
import { documentedNames, SERVICE_NAMES } from './service-names.js';
import { SERVICE_INDEX_OPTIONS, type ServiceDoc, serviceDocument, serviceIndexSource } from './service-ranking.js';
import { type Direction, type MemberInfo, memberPaths, type WalkLimits } from './shapes.js';
import { shortDoc } from './text.js';
import { processTerm, tokenize } from './vocabulary.js';

/** What the index stores per operation. */
export interface OperationDoc {
  id: string;
  service: string;
  operation: string;
  method: string;
  read: boolean;
  deprecated: boolean;
  name: string;
  svc: string;
  doc: string;
  members: string;
  memberDocs: string;
  values: string;
}

/** Index limits: how much of each operation's shapes goes into the index. */
const INDEX_WALK = { maxDepth: 5, maxPaths: 600, maxDocDepth: 2 };
/** The whole-catalog index walks less deep and keeps only top-level member docs (build time). */
const CATALOG_WALK = { maxDepth: 4, maxPaths: 200, maxDocDepth: 1 };
const FIELDS = ['name', 'svc', 'doc', 'members', 'memberDocs', 'values'] as const;
/** Enum values indexed per operation (map keys such as `KmsMasterKeyId` are enum values). */
const MAX_VALUES = 80;
/**
 * Bump when what goes into an index changes in a way the cache fingerprint cannot see (e.g. the
 * member walk in shapes.ts or the stemmer package): it names the on-disk cache file.
 */
export const INDEX_SCHEMA = 3;

function serviceWords(api: ServiceApi): string {
  const meta = api.model.metadata;
  return [api.name, api.fullName, meta.serviceId ?? '', documentedNames(api.name), ...namespacesOf(api.name)].join(' ');
}

function operationDocs(api: ServiceApi, walk: WalkLimits = INDEX_WALK): OperationDoc[] {
  const svc = serviceWords(api);
  return api.operations().map((operation) => {
    const op = api.model.operations[operation];
    const read = isReadOperation(operation);
    const main: Direction = read ? 'output' : 'input';
    const primary = memberPaths(api, operation, main, walk);
    const secondary = memberPaths(api, operation, read ? 'input' : 'output', { maxDepth: 1, maxPaths: 30 });
    const method = api.methodOf(operation);
    return {
      id: `${api.name}.${operation}`,
      service: api.name,
      operation,
      method,
      read,
      deprecated: op?.deprecated === true,
      name: `${operation} ${method}`,
      svc,
      doc: shortDoc(op?.documentation, 400),
      members: [...primary, ...secondary].map((m) => m.name).join(' '),
      memberDocs: primary
        .filter((m) => m.doc !== '')
        .map((m) => m.doc)
        .join(' '),
      values: enumValues(api, primary),
    };
  });
}

/** Enum values of the members and of map keys (e.g. SQS attribute names), up to {@link MAX_VALUES}. */
function enumValues(api: ServiceApi, members: MemberInfo[]): string {
  const values = new Set<string>();
  for (const member of members) {
    const shape = api.model.shapes[member.shape];
    const keyShape = shape?.type === 'map' && shape.key ? api.model.shapes[shape.key.shape] : undefined;
    for (const value of [...(keyShape?.enum ?? []), ...(member.depth <= 2 ? (member.enum ?? []) : [])]) {
      if (values.size >= MAX_VALUES) break;
      values.add(value);
    }
  }
  return [...values].join(' ');
}

const INDEX_OPTIONS: Options<OperationDoc> = {
  fields: [...FIELDS],
  storeFields: ['service', 'operation', 'method', 'read', 'deprecated'],
  tokenize,
  processTerm,
};

function newIndex(): MiniSearch<OperationDoc> {
  return new MiniSearch<OperationDoc>(INDEX_OPTIONS);
}

const serviceIndexes = new WeakMap<ServiceApi, MiniSearch<OperationDoc>>();
const catalogIndexes = new WeakMap<ServiceCatalog, Map<string, MiniSearch<unknown>>>();

/** The (cached) index of one service's operations. */
export function serviceIndex(api: ServiceApi): MiniSearch<OperationDoc> {
  let index = serviceIndexes.get(api);
  if (!index) {
    index = newIndex();
    index.addAll(operationDocs(api));
    serviceIndexes.set(api, index);
  }
  return index;
}

/** Where whole-catalog indexes are kept on disk, or false for none. */
export type IndexCache = string | false;

/** The default on-disk cache: inside the package's node_modules/.cache, for the pinned models only. */
export function defaultIndexCache(catalog: ServiceCatalog): IndexCache {
  return catalog.version === MODEL_PACKAGE_VERSION ? packagePath('node_modules', '.cache', 'gherkin-bench') : false;
}

/**
 * A fingerprint of what builds an index: the settings and the source of the functions that make
 * its documents and terms, so an edited tokenizer or walk never reads an old cache.
 */
function indexFingerprint(): string {
  return simpleHash(
    [
      JSON.stringify({ INDEX_SCHEMA, FIELDS, CATALOG_WALK, MAX_VALUES, SERVICE_NAMES, READ_VERBS: READ_VERBS.source }),
      tokenize.toString(),
      processTerm.toString(),
      operationDocs.toString(),
      enumValues.toString(),
      serviceWords.toString(),
      shortDoc.toString(),
      resourceNoun.toString(),
      serviceIndexSource(),
    ].join('\n'),
  );
}

/** The two kinds of whole-catalog index: one document per operation, or per service. */
type IndexKind = 'api-index' | 'service-index';

function cacheFile(dir: string, kind: IndexKind, catalog: ServiceCatalog, key: string): string {
  const scope = key === '*' ? 'all' : `${key.length}-${simpleHash(key)}`;
  return join(dir, `${kind}-${catalog.version}-v${INDEX_SCHEMA}-${indexFingerprint()}-${scope}.json`);
}

function simpleHash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return (h >>> 0).toString(36);
}

function readCached<T>(file: string, options: Options<T>): MiniSearch<T> | undefined {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch {
    return undefined; // not built yet
  }
  try {
    return MiniSearch.loadJSON<T>(json, options);
  } catch {
    return undefined; // damaged: rebuild and overwrite
  }
}

function writeCached(file: string, kind: IndexKind, index: MiniSearch<unknown>): void {
  const dir = dirname(file);
  try {
    writeFileAtomic(file, JSON.stringify(index));
    // Older builds of the same kind and scope are stale now.
    const scope = file.slice(file.lastIndexOf('-'));
    for (const name of readdirSync(dir))
      if (name.startsWith(`${kind}-`) && name.endsWith(scope) && join(dir, name) !== file)
        rmSync(join(dir, name), { force: true });
  } catch {
    // A read-only install just rebuilds next time.
  }
}

/**
 * A whole-catalog index of one kind over many services, or all of the catalog when `services` is
 * omitted: kept in memory per catalog, and in `cache` (a folder) across processes. All models are
 * inflated in one pass when it is built.
 */
function cachedCatalogIndex<T>(
  kind: IndexKind,
  options: Options<T>,
  documents: (api: ServiceApi) => T[],
  catalog: ServiceCatalog,
  services: string[] | undefined,
  cache: IndexCache,
): MiniSearch<T> {
  const scope = services ? [...services].sort().join(',') : '*';
  const key = `${kind}:${scope}`;
  let perCatalog = catalogIndexes.get(catalog);
  if (!perCatalog) {
    perCatalog = new Map();
    catalogIndexes.set(catalog, perCatalog);
  }
  const known = perCatalog.get(key) as MiniSearch<T> | undefined;
  if (known) return known;
  const file = cache ? cacheFile(cache, kind, catalog, scope) : undefined;
  let index = file ? readCached<T>(file, options) : undefined;
  if (!index) {
    index = new MiniSearch<T>(options);
    for (const api of catalog.loadMany(services)) index.addAll(documents(api));
    if (file) writeCached(file, kind, index as MiniSearch<unknown>);
  }
  perCatalog.set(key, index as MiniSearch<unknown>);
  return index;
}

/** The index of every operation of many services, or of all of the catalog when `services` is omitted. */
export function catalogIndex(
  catalog: ServiceCatalog,
  services?: string[],
  cache: IndexCache = defaultIndexCache(catalog),
): MiniSearch<OperationDoc> {
  return cachedCatalogIndex(
    'api-index',
    INDEX_OPTIONS,
    (api) => operationDocs(api, CATALOG_WALK),
    catalog,
    services,
    cache,
  );
}

/** The index of services (service-ranking.ts) of many services, or of all of the catalog. */
export function catalogServiceIndex(
  catalog: ServiceCatalog,
  services?: string[],
  cache: IndexCache = defaultIndexCache(catalog),
): MiniSearch<ServiceDoc> {
  return cachedCatalogIndex(
    'service-index',
    SERVICE_INDEX_OPTIONS,
    (api) => [serviceDocument(api)],
    catalog,
    services,
    cache,
  );
}
