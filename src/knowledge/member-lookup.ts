/**
 * Where member paths live in the botocore models, for grounding: the first scope call whose output
 * (then input) has a path, every operation of a service that has it (memoised), where a misplaced
 * path exists instead, spelling neighbours, enum values, and which unresolved camelCase words are
 * rule parameters rather than member paths.
 */
import type { ServiceApi } from './catalog.js';
import { type FoundMember, findMember, type MemberInfo, memberNames, memberPaths } from './shapes.js';
import { closest } from './suggest.js';

/** One operation of one service, as a grounding scope holds it. */
export interface OpRef {
  api: ServiceApi;
  /** The operation name (PascalCase). */
  operation: string;
}

/** Where a path was found: the operation, the member and the side of the call. */
export interface PathPlace {
  op: OpRef;
  member: FoundMember;
  direction: 'input' | 'output';
}

/** The member a path names in the output (then input) of the first scope operation that has it. */
export function resolvePathInScope(scope: OpRef[], path: string): FoundMember | undefined {
  return findInScope(scope, path)?.member;
}

/** The first scope operation whose output (then input) has `path`, with the member found. */
export function findInScope(scope: OpRef[], path: string): PathPlace | undefined {
  for (const direction of ['output', 'input'] as const) {
    for (const op of scope) {
      const member = findMember(op.api, op.operation, path, direction);
      if (member) return { op, member, direction };
    }
  }
  return undefined;
}

/** A path in any operation's output (then input) of the services, for texts that name no call. */
export function anywhere(apis: ServiceApi[], path: string): PathPlace | undefined {
  for (const direction of ['output', 'input'] as const)
    for (const api of apis) {
      const first = operationsWithPath(api, path, direction)[0];
      if (first) return { op: { api, operation: first.operation }, member: first.member, direction };
    }
  return undefined;
}

/** Bound on the paths remembered per service (a hostile text cannot grow the memo without limit). */
const MAX_REMEMBERED_PATHS = 20_000;
const pathPlaces = new WeakMap<ServiceApi, Map<string, { operation: string; member: FoundMember }[]>>();

/**
 * Every operation of a service whose output (or input) has `path`, in operation order. One scan of
 * the service's operations per (direction, path), remembered: the same paths recur across a run's
 * variants and repeats, and scanning every operation was most of the grounding time.
 */
function operationsWithPath(
  api: ServiceApi,
  path: string,
  direction: 'input' | 'output',
): { operation: string; member: FoundMember }[] {
  let perApi = pathPlaces.get(api);
  if (!perApi) {
    perApi = new Map();
    pathPlaces.set(api, perApi);
  }
  const key = `${direction}\u0000${path}`;
  let hits = perApi.get(key);
  if (!hits) {
    hits = [];
    for (const operation of api.operations()) {
      const member = findMember(api, operation, path, direction);
      if (member) hits.push({ operation, member });
    }
    if (perApi.size >= MAX_REMEMBERED_PATHS) perApi.clear();
    perApi.set(key, hits);
  }
  return hits;
}

const MAX_PLACES = 3;

const camelStyleCache = new WeakMap<ServiceApi, boolean>();

/** True when most member names of a service are camelCase (API Gateway, ECS, EKS, ECR, Logs…). */
function camelStyle(api: ServiceApi): boolean {
  let style = camelStyleCache.get(api);
  if (style === undefined) {
    const names = [...memberNames(api)];
    style = names.filter((n) => /^[a-z]/.test(n)).length > names.length / 2;
    camelStyleCache.set(api, style);
  }
  return style;
}

/**
 * Whether an unresolved camelCase token is a rule parameter (or a plain word) rather than a member
 * path: it is one word, and either the text declares it under `Rule Parameters:` or no service in
 * scope names its members in camelCase nor has a member of that name.
 */
export function isRuleParameterLike(apis: ServiceApi[], text: string, parameters: ReadonlySet<string>): boolean {
  if (/[.[{]/.test(text)) return false;
  if (parameters.has(text)) return true;
  return !apis.some((api) => camelStyle(api) || memberNames(api).has(text));
}

/** The camelCase names declared on the `Rule Parameters:` line(s), e.g. `kmsKeyArns (string, …)`. */
export function declaredParameters(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/^\s*Rule Parameters:(.*)$/gm))
    for (const name of (match[1] ?? '').matchAll(/(?:^|;)\s*([a-z][A-Za-z0-9]*)\s*\(/g)) names.add(name[1] as string);
  return names;
}

/** Whether `value` is an enum value of some output member of the scope calls. */
export function isEnumValueInScope(scope: OpRef[], value: string): boolean {
  return scope.some((op) => memberPaths(op.api, op.operation, 'output').some((m) => m.enum?.includes(value)));
}

const strip = (path: string) => path.replace(/\[\]|\{\}/g, '');

/** Where a path exists instead: deeper in a scope call, or in other calls of the services. */
export function wherePathExists(
  apis: ServiceApi[],
  scope: OpRef[],
  path: string,
  nameOf: (op: OpRef) => string,
): string[] {
  const places: string[] = [];
  const bare = `.${strip(path)}`;
  for (const op of scope) {
    for (const direction of ['output', 'input'] as const) {
      const members = memberPaths(op.api, op.operation, direction);
      const stripped = strippedPaths(members);
      const at = stripped.findIndex((p) => p.endsWith(bare));
      if (at >= 0) places.push(`${nameOf(op)} ${direction} ${(members[at] as MemberInfo).path}`);
      if (places.length >= MAX_PLACES) return places;
    }
  }
  const inScope = new Set(scope.map((op) => `${op.api.name}.${op.operation}`));
  for (const direction of ['output', 'input'] as const) {
    for (const api of apis) {
      for (const { operation, member } of operationsWithPath(api, path, direction)) {
        if (inScope.has(`${api.name}.${operation}`)) continue;
        places.push(`${nameOf({ api, operation })} ${direction} ${member.canonical}`);
        if (places.length >= MAX_PLACES) return places;
      }
    }
  }
  return places;
}

const strippedCache = new WeakMap<readonly MemberInfo[], string[]>();

/** The member paths of one (cached) memberPaths list without `[]`/`{}`, computed once per list. */
function strippedPaths(members: readonly MemberInfo[]): string[] {
  let stripped = strippedCache.get(members);
  if (!stripped) {
    stripped = members.map((m) => strip(m.path));
    strippedCache.set(members, stripped);
  }
  return stripped;
}

/** Paths of the scope calls' outputs whose last member is spelled like the path's. */
export function similarPaths(scope: OpRef[], path: string): string[] {
  const last = strip(path).split('.').pop() ?? path;
  const byName = new Map<string, string[]>();
  for (const op of scope)
    for (const member of memberPaths(op.api, op.operation, 'output')) {
      const list = byName.get(member.name) ?? [];
      list.push(member.path);
      byName.set(member.name, list);
    }
  return closest(last, byName.keys())
    .flatMap((name) => (byName.get(name) ?? []).slice(0, 2))
    .slice(0, 3);
}
