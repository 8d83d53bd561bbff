/**
 * Grounding: resolve every API reference of a text against the botocore models.
 *
 * - `service.method` (quoted or bare), bare snake_case methods and PascalCase operation names are
 *   resolved within the services in scope (the given one, those named by `service.method`
 *   references, and the `@resource:` tag's).
 * - Quoted member paths are resolved against the output (then the input) of the operations named in
 *   the same Scenario or a Background (the whole document's when the scenario names none). A path
 *   right after `the configuration item's` is resolved only against the calls describing the
 *   configuration items of the resource types the text names (`ec2.describe_volumes` for
 *   `AWS::EC2::Volume`), never against the calls in scope; written elsewhere it is checked as usual.
 *   The member of a JSON document held in a string (`the "Path" document's "A.B"`) is not checked.
 *   A real member of the service found elsewhere is `misplaced`, with where it does exist.
 * - A quoted value right after a path whose member is an enum is checked against the enum, unless
 *   it is a rule parameter declared under `Rule Parameters:` (`equals "trafficType"`).
 * - Quoted text with spaces, numbers and rule parameters are ignored: a one-word camelCase token
 *   that does not resolve is a rule parameter when the text declares it under `Rule Parameters:`
 *   or the services in scope do not use camelCase member names (API Gateway, ECS, EKS do).
 */
import { UserError } from '../errors.js';
import { defaultCatalog, type ServiceApi, type ServiceCatalog } from './catalog.js';
import { CONFIGURATION_ITEM_WORDS, configurationItemCalls } from './configuration-items.js';
import {
  anywhere,
  declaredParameters,
  findInScope,
  isEnumValueInScope,
  isRuleParameterLike,
  type OpRef,
  resolvePathInScope,
  similarPaths,
  wherePathExists,
} from './member-lookup.js';
import { type RawToken, scanText, splitMethodRef } from './references.js';
import { serviceForResourceType } from './resource-types.js';
import { type FoundMember, memberNames } from './shapes.js';
import { closest, didYouMean } from './suggest.js';

/** Re-exported for callers of this module (defined with the other member lookups). */
export { declaredParameters } from './member-lookup.js';

/** What a reference names. */
export type ReferenceKind = 'method' | 'operation' | 'path' | 'enum';
/** How a reference resolved. */
export type ReferenceStatus = 'valid' | 'unknown' | 'misplaced';

/** One resolved API reference. */
export interface GroundedReference {
  kind: ReferenceKind;
  /** As written. */
  text: string;
  line: number;
  quoted: boolean;
  status: ReferenceStatus;
  /** The service (and operation, method) it resolved to or was checked against. */
  service?: string;
  operation?: string;
  method?: string;
  /** For paths: the canonical path found, and whether it is in the output or the input. */
  canonical?: string;
  direction?: 'input' | 'output';
  /** "Did you mean" candidates (unknown) or where the member does exist (misplaced). */
  suggestions: string[];
  /** One human line: why it is not valid, or a notation hint for a valid one. */
  note?: string;
}

/** The grounding of one text. */
export interface GroundingReport {
  references: GroundedReference[];
  counts: { valid: number; unknown: number; misplaced: number; total: number };
  /** valid / (valid + unknown + misplaced), or null when the text has no API reference. */
  precision: number | null;
  /** The services references were resolved in. */
  services: string[];
}

/** Options of {@link groundText}. */
export interface GroundOptions {
  /** The boto3 client the text is about (added to the services named in it). */
  service?: string;
  catalog?: ServiceCatalog;
}

/** How many recent reports {@link groundText} keeps per catalog. */
const RECENT_REPORTS = 8;
const recentReports = new WeakMap<ServiceCatalog, Map<string, GroundingReport>>();

/**
 * Resolve every API reference in `text`. Unknown `service` option → UserError with suggestions.
 * The last few reports are remembered (scoring grounds each candidate twice: the grounding check
 * and the recall checks), so a report may be shared between calls: treat it as read-only.
 */
export function groundText(text: string, options: GroundOptions = {}): GroundingReport {
  const catalog = options.catalog ?? defaultCatalog();
  if (options.service && !catalog.hasService(options.service)) {
    throw new UserError(
      'NOT_FOUND',
      `unknown service "${options.service}"${didYouMean(options.service, catalog.services())}`,
    );
  }
  let recent = recentReports.get(catalog);
  if (!recent) {
    recent = new Map();
    recentReports.set(catalog, recent);
  }
  const key = `${options.service ?? ''}\u0000${text}`;
  const remembered = recent.get(key);
  if (remembered) return remembered;
  const report = groundUncached(text, catalog, options.service);
  if (recent.size >= RECENT_REPORTS) recent.delete(recent.keys().next().value as string);
  recent.set(key, report);
  return report;
}

function groundUncached(text: string, catalog: ServiceCatalog, service: string | undefined): GroundingReport {
  const { tokens, blocks, lines } = scanText(text);
  const parameters = declaredParameters(text);
  const services = scopeServices(text, tokens, catalog, service);
  const apis = services.map((name) => catalog.service(name));
  const refs: GroundedReference[] = [];
  const opsByBlock = new Map<number, OpRef[]>();
  const nameOf = (op: OpRef) => `${op.api.name}.${op.api.methodOf(op.operation)}`;

  // Pass 1: calls.
  const pathTokens: RawToken[] = [];
  for (const token of tokens) {
    let ref: GroundedReference | undefined;
    if (token.shape === 'method') ref = resolveMethodRef(catalog, token);
    else if (token.shape === 'snake') ref = resolveBareMethod(apis, token);
    else if (token.shape === 'pascal') ref = resolveBareOperation(apis, token);
    else pathTokens.push(token);
    if (!ref) continue;
    refs.push(ref);
    if (ref.status === 'valid' && ref.service && ref.operation) {
      const list = opsByBlock.get(token.block) ?? [];
      list.push({ api: catalog.service(ref.service), operation: ref.operation });
      opsByBlock.set(token.block, list);
    }
  }
  const allOps = [...opsByBlock.values()].flat();
  const itemOps = configurationItemCalls(text).flatMap((call): OpRef[] => {
    const split = splitMethodRef(call);
    const api = split && catalog.hasService(split.service) ? catalog.service(split.service) : undefined;
    const operation = split ? api?.resolveOperation(split.method) : undefined;
    return api && operation ? [{ api, operation }] : [];
  });
  const before = (token: RawToken) => (lines[token.line - 1] ?? '').slice(0, token.column);
  const inItemForm = (token: RawToken) => CONFIGURATION_ITEM_WORDS.test(before(token));
  const backgroundOps = blocks.flatMap((b, i) => (b.kind === 'background' ? (opsByBlock.get(i) ?? []) : []));
  const scopeOf = (block: number): OpRef[] => {
    const own = [...(opsByBlock.get(block) ?? []), ...backgroundOps];
    return own.length > 0 ? own : allOps;
  };

  // Pass 2: member paths and enum values, in reading order per line.
  // `unresolved`: the line's last path did not resolve, so a quoted word after it is its value.
  let previous: { line: number; member?: FoundMember; unresolved?: boolean } = { line: 0 };
  for (const token of pathTokens) {
    const sameLine = previous.line === token.line;
    const afterPath = sameLine ? previous.member : undefined;
    const afterUnresolved = sameLine && previous.unresolved === true;
    previous = { line: token.line };
    if (apis.length === 0) continue; // nothing to resolve against
    // A member of a JSON document held in a string (`the "Path" document's "A.B"`) is not an API path.
    if (DOCUMENT_MEMBER_WORDS.test(before(token))) continue;
    const itemForm = inItemForm(token);
    if (itemForm && token.shape === 'path') {
      const found = findInScope(itemOps, token.text);
      refs.push(
        found
          ? { ...base(token, 'path', 'valid'), canonical: found.member.canonical, direction: found.direction }
          : {
              ...base(token, 'path', 'unknown'),
              note: `not a member of the configuration item (${itemOps.map(nameOf).join(', ') || 'no resource type the grammar knows'})`,
            },
      );
      previous = { line: token.line, member: found?.member };
      continue;
    }
    const scope = scopeOf(token.block);
    // A declared rule parameter compared with an enum member (`equals "trafficType"`) is not a value.
    if (afterPath?.enum && parameters.has(token.text)) continue;
    if (afterPath?.enum) {
      if (afterPath.enum.includes(token.text)) {
        refs.push({ ...base(token, 'enum', 'valid'), canonical: afterPath.canonical });
        continue;
      }
      if (parameters.has(token.text)) continue; // compared with a declared rule parameter
      if (token.shape === 'value' || !resolvePathInScope(scope, token.text)) {
        refs.push({
          ...base(token, 'enum', 'unknown'),
          canonical: afterPath.canonical,
          suggestions: closest(token.text, afterPath.enum),
          note: `not a value of ${afterPath.canonical}: ${afterPath.enum.slice(0, 8).join(', ')}`,
        });
        continue;
      }
    }
    if (token.shape !== 'path') continue;
    if ((afterPath && !afterPath.enum) || afterUnresolved) {
      if (!resolvePathInScope(scope, token.text)) continue; // a plain value
    }
    const ref = resolvePath(apis, scope, token, nameOf, parameters);
    if (!ref) continue;
    refs.push(ref);
    if (ref.kind === 'path' && ref.status !== 'valid') previous = { line: token.line, unresolved: true };
    if (ref.kind === 'path' && ref.status === 'valid') {
      previous = { line: token.line, member: resolvePathInScope(scope, token.text) ?? undefined };
      if (!previous.member && scope.length === 0) previous.member = anywhere(apis, token.text)?.member;
    }
  }

  refs.sort((a, b) => a.line - b.line);
  const count = (status: ReferenceStatus) => refs.filter((r) => r.status === status).length;
  const counts = {
    valid: count('valid'),
    unknown: count('unknown'),
    misplaced: count('misplaced'),
    total: refs.length,
  };
  return { references: refs, counts, precision: counts.total === 0 ? null : counts.valid / counts.total, services };
}

/** The words right before a JSON document's member: `… document's "`. */
const DOCUMENT_MEMBER_WORDS = /"\s+document's\s+"?$/i;

function base(token: RawToken, kind: ReferenceKind, status: ReferenceStatus): GroundedReference {
  return { kind, text: token.text, line: token.line, quoted: token.quoted, status, suggestions: [] };
}

/** The services a text is about: the given one, those of its `service.method` calls, its resource tag's. */
function scopeServices(text: string, tokens: RawToken[], catalog: ServiceCatalog, given?: string): string[] {
  const names = new Set<string>();
  if (given) names.add(given);
  for (const token of tokens) {
    const split = token.shape === 'method' ? splitMethodRef(token.text) : undefined;
    if (split && catalog.hasService(split.service)) names.add(split.service);
  }
  for (const match of text.matchAll(/@resource:(AWS::[A-Za-z0-9]*::[A-Za-z0-9]+)/g)) {
    const service = serviceForResourceType(match[1] as string);
    if (service && catalog.hasService(service)) names.add(service);
  }
  return [...names];
}

function resolveMethodRef(catalog: ServiceCatalog, token: RawToken): GroundedReference | undefined {
  const split = splitMethodRef(token.text);
  if (!split) return undefined;
  const { service, method } = split;
  if (!catalog.hasService(service)) {
    // Bare `word.word` with an unknown service is prose (e.g. a file name), unless it looks like a call.
    if (!token.quoted || !method.includes('_')) return undefined;
    const near = closest(service, catalog.services());
    return {
      ...base(token, 'method', 'unknown'),
      suggestions: near.map((s) => `${s}.${method}`),
      note: `no service "${service}"`,
    };
  }
  const api = catalog.service(service);
  const operation = api.resolveOperation(method);
  if (operation) {
    return { ...base(token, 'method', 'valid'), service, operation, method };
  }
  if (!token.quoted && !method.includes('_')) return undefined;
  return {
    ...base(token, 'method', 'unknown'),
    service,
    suggestions: closest(method, api.methods()).map((m) => `${service}.${m}`),
    note: `no method "${method}" in ${service}`,
  };
}

const verbCache = new WeakMap<ServiceApi, { methods: Set<string>; operations: Set<string> }>();

/** The first words of a service's methods (`get`) and operations (`Get`), computed once per service. */
function verbsOf(api: ServiceApi): { methods: Set<string>; operations: Set<string> } {
  let verbs = verbCache.get(api);
  if (!verbs) {
    verbs = {
      methods: new Set(api.methods().map((name) => name.split('_')[0] ?? name)),
      operations: new Set(api.operations().map((name) => name.split(/(?=[A-Z])/)[0] ?? name)),
    };
    verbCache.set(api, verbs);
  }
  return verbs;
}

function resolveBareMethod(apis: ServiceApi[], token: RawToken): GroundedReference | undefined {
  const verb = token.text.split('_')[0] ?? '';
  if (!apis.some((api) => verbsOf(api).methods.has(verb))) return undefined;
  for (const api of apis) {
    const operation = api.resolveOperation(token.text);
    if (operation) return { ...base(token, 'method', 'valid'), service: api.name, operation, method: token.text };
  }
  const candidates = apis.flatMap((api) => api.methods().map((m) => `${api.name}.${m}`));
  return {
    ...base(token, 'method', 'unknown'),
    suggestions: closest(
      token.text,
      apis.flatMap((a) => a.methods()),
    ).map((m) => candidates.find((c) => c.endsWith(`.${m}`)) ?? m),
    note: `no method "${token.text}" in ${apis.map((a) => a.name).join(', ')}`,
  };
}

/** A valid reference when a token is, letter for letter, an operation name of one of the services. */
function operationRef(apis: ServiceApi[], token: RawToken): GroundedReference | undefined {
  for (const api of apis) {
    if (api.model.operations[token.text]) {
      return {
        ...base(token, 'operation', 'valid'),
        service: api.name,
        operation: token.text,
        method: api.methodOf(token.text),
      };
    }
  }
  return undefined;
}

function resolveBareOperation(apis: ServiceApi[], token: RawToken): GroundedReference | undefined {
  const verb = /^[A-Z][a-z]+/.exec(token.text)?.[0] ?? '';
  if (!apis.some((api) => verbsOf(api).operations.has(verb))) return undefined;
  const operation = operationRef(apis, token);
  if (operation) return operation;
  if (apis.some((api) => memberNames(api).has(token.text))) return undefined; // a member name in prose
  return {
    ...base(token, 'operation', 'unknown'),
    suggestions: closest(
      token.text,
      apis.flatMap((a) => a.operations()),
    ),
    note: `no operation "${token.text}" in ${apis.map((a) => a.name).join(', ')}`,
  };
}

function resolvePath(
  apis: ServiceApi[],
  scope: OpRef[],
  token: RawToken,
  nameOf: (op: OpRef) => string,
  parameters: ReadonlySet<string> = new Set(),
): GroundedReference | undefined {
  const camel = /^[a-z]/.test(token.text);
  const found = scope.length > 0 ? findInScope(scope, token.text) : anywhere(apis, token.text);
  if (found) {
    const ref: GroundedReference = {
      ...base(token, 'path', 'valid'),
      service: found.op.api.name,
      operation: found.op.operation,
      method: found.op.api.methodOf(found.op.operation),
      canonical: found.member.canonical,
      direction: found.direction,
    };
    if (!found.member.exact) ref.note = `write "${found.member.canonical}"`;
    else if (found.direction === 'input') ref.note = `an input member of ${nameOf(found.op)}`;
    return ref;
  }
  if (camel && isRuleParameterLike(apis, token.text, parameters)) return undefined;
  if (!token.text.includes('.') && !/[[{]/.test(token.text)) {
    const operation = operationRef(apis, token);
    if (operation) return operation;
    if (isEnumValueInScope(scope, token.text)) return base(token, 'enum', 'valid');
  }
  const places = wherePathExists(apis, scope, token.text, nameOf);
  if (places.length > 0) {
    return {
      ...base(token, 'path', 'misplaced'),
      suggestions: places,
      note: `not in the output or input of ${scope.length > 0 ? [...new Set(scope.map(nameOf))].join(', ') : 'the named calls'}; it exists at ${places[0]}${places.length > 1 ? ` (+${places.length - 1} more)` : ''}`,
    };
  }
  if (token.shape === 'value') return undefined;
  return {
    ...base(token, 'path', 'unknown'),
    suggestions: similarPaths(scope.length > 0 ? scope : [], token.text),
    note: `no member "${token.text}" in ${scope.length > 0 ? [...new Set(scope.map(nameOf))].join(', ') : apis.map((a) => a.name).join(', ')}`,
  };
}

/** The API references of a text, for recall metrics: `service.method` calls and member paths. */
export function apiReferences(text: string, options: GroundOptions = {}): { methods: string[]; paths: string[] } {
  const report = groundText(text, options);
  const methods = new Set<string>();
  const paths = new Set<string>();
  for (const ref of report.references) {
    if ((ref.kind === 'method' || ref.kind === 'operation') && ref.service && ref.method)
      methods.add(`${ref.service}.${ref.method}`);
    else if (ref.kind === 'method') methods.add(ref.text);
    else if (ref.kind === 'path') paths.add(ref.canonical ?? ref.text);
  }
  return { methods: [...methods], paths: [...paths] };
}
