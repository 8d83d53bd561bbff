/**
 * Member paths of an operation's input or output shape.
 *
 * Notation (the one gold gherkins use, see datasets/README): paths start at the shape's root,
 * members are joined with `.`, a list member is followed by `[]` before its element's members and
 * a map member by `{}` before its value's members:
 * `ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm`,
 * `Tags{}.Value`, `SecurityConfig.VolumeKmsKeyId`. A list of scalars is just its member (`Subnets`);
 * writing `Subnets[]` is accepted by {@link findMember} too.
 *
 * Recursive shapes terminate: a shape already on the walk's stack is listed but not expanded, and
 * the walk stops at {@link MAX_DEPTH} members deep and {@link MAX_PATHS} paths per operation.
 */
import type { BotocoreMemberRef, BotocoreShape } from './botocore-types.js';
import type { ServiceApi } from './catalog.js';
import { shortDoc } from './text.js';

/** Which side of an operation a path belongs to. */
export type Direction = 'input' | 'output';

/** One member path of an operation's input or output. */
export interface MemberInfo {
  /** The path from the root, e.g. `Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm`. */
  path: string;
  /** The member's own name (last segment without `[]`/`{}`). */
  name: string;
  /** botocore type: structure, list, map, string, boolean, integer, long, timestamp, ... */
  type: string;
  /** A readable type: `string`, `list<Trail>`, `map<string,string>`, `SecurityConfig`. */
  typeLabel: string;
  /** The botocore shape name. */
  shape: string;
  /** Allowed values, when the shape is an enum. */
  enum?: string[];
  /** True when the parent structure lists the member as required. */
  required: boolean;
  /** One short sentence of documentation, HTML stripped ("" when none). */
  doc: string;
  /** Number of members from the root (1 for a top-level member). */
  depth: number;
  /** True when the member's shape is already on the path above it (not expanded further). */
  recursive?: boolean;
}

/** How deep a walk goes (members from the root). */
export const MAX_DEPTH = 8;
/** How many paths one walk lists at most (very wide shapes such as QuickSight definitions). */
export const MAX_PATHS = 4000;

const walkCache = new WeakMap<ServiceApi, Map<string, MemberInfo[]>>();

function shapeOf(api: ServiceApi, name: string): BotocoreShape | undefined {
  return api.model.shapes[name];
}

/** The readable type of a shape, e.g. `list<Trail>` or `map<string,Tag>`. */
export function typeLabel(api: ServiceApi, shapeName: string): string {
  const shape = shapeOf(api, shapeName);
  if (!shape) return shapeName;
  const inner = (ref: BotocoreMemberRef | undefined): string => {
    if (!ref) return '?';
    const s = shapeOf(api, ref.shape);
    return s && (s.type === 'structure' || s.type === 'union') ? ref.shape : (s?.type ?? ref.shape);
  };
  switch (shape.type) {
    case 'structure':
    case 'union':
      return shapeName;
    case 'list':
      return `list<${inner(shape.member)}>`;
    case 'map':
      return `map<${inner(shape.key)},${inner(shape.value)}>`;
    default:
      return shape.type;
  }
}

/** The shape name at the root of an operation's input or output, or undefined when it has none. */
export function rootShape(api: ServiceApi, operation: string, direction: Direction): string | undefined {
  const op = api.operation(operation);
  return direction === 'input' ? op.input?.shape : op.output?.shape;
}

/** The structure-like shape whose members a path continues into (unwrapping lists and maps). */
function containerOf(api: ServiceApi, shapeName: string): { shape: string; suffix: string } {
  let name = shapeName;
  let suffix = '';
  for (let guard = 0; guard < 4; guard++) {
    const shape = shapeOf(api, name);
    if (shape?.type === 'list' && shape.member) {
      suffix += '[]';
      name = shape.member.shape;
    } else if (shape?.type === 'map' && shape.value) {
      suffix += '{}';
      name = shape.value.shape;
    } else break;
  }
  return { shape: name, suffix };
}

/**
 * Every member path of an operation's input or output, depth first in model order, cached per
 * service (walks with explicit `limits` are not cached). Returns [] when the operation has no such shape. Throws a UserError for an unknown
 * operation (with suggestions).
 * @param operation - operation name (`DescribeAutoMLJobV2`) or boto3 method (`describe_auto_ml_job_v2`).
 */
export function memberPaths(
  api: ServiceApi,
  operation: string,
  direction: Direction,
  limits?: WalkLimits,
): MemberInfo[] {
  const opName = api.resolveOperation(operation) ?? operation;
  const root = rootShape(api, opName, direction);
  if (!root) return [];
  if (limits) {
    const out: MemberInfo[] = [];
    walk(api, root, '', 1, [root], out, limits);
    return out;
  }
  let perService = walkCache.get(api);
  if (!perService) {
    perService = new Map();
    walkCache.set(api, perService);
  }
  const key = `${opName}\u0000${direction}`;
  const cached = perService.get(key);
  if (cached) return cached;
  const out: MemberInfo[] = [];
  walk(api, root, '', 1, [root], out, DEFAULT_LIMITS);
  perService.set(key, out);
  return out;
}

/** How far a walk goes; the defaults are {@link MAX_DEPTH} and {@link MAX_PATHS}. */
export interface WalkLimits {
  maxDepth: number;
  maxPaths: number;
  /** Members deeper than this get `doc: ''` (saves time when docs are not needed). */
  maxDocDepth?: number;
  /** Longest doc kept per member (default 160 characters, the first sentence). */
  docChars?: number;
}
const DEFAULT_LIMITS: WalkLimits = { maxDepth: MAX_DEPTH, maxPaths: MAX_PATHS };

function walk(
  api: ServiceApi,
  shapeName: string,
  prefix: string,
  depth: number,
  stack: string[],
  out: MemberInfo[],
  limits: WalkLimits,
) {
  const shape = shapeOf(api, shapeName);
  if (!shape?.members) return;
  const required = new Set(shape.required ?? []);
  for (const [name, ref] of Object.entries(shape.members)) {
    if (out.length >= limits.maxPaths) return;
    const memberShape = shapeOf(api, ref.shape);
    const path = prefix ? `${prefix}.${name}` : name;
    const { shape: container, suffix } = containerOf(api, ref.shape);
    const recursive = stack.includes(container);
    const info: MemberInfo = {
      path,
      name,
      type: memberShape?.type ?? 'unknown',
      typeLabel: typeLabel(api, ref.shape),
      shape: ref.shape,
      required: required.has(name),
      doc:
        depth > (limits.maxDocDepth ?? MAX_DEPTH)
          ? ''
          : shortDoc(ref.documentation ?? memberShape?.documentation, limits.docChars),
      depth,
    };
    if (memberShape?.enum) info.enum = memberShape.enum.slice();
    if (recursive) info.recursive = true;
    out.push(info);
    const containerShape = shapeOf(api, container);
    if (!recursive && depth < limits.maxDepth && containerShape?.members) {
      walk(api, container, `${path}${suffix}`, depth + 1, [...stack, container], out, limits);
    }
  }
}

/** One segment of a written path: the member name and the `[]`/`{}` written after it. */
interface Segment {
  name: string;
  suffix: string;
}

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\[\]|\{\})*)$/;

/** Split a written path into segments, or undefined when it is not in path notation. */
export function parsePath(path: string): Segment[] | undefined {
  if (!path) return undefined;
  const segments: Segment[] = [];
  for (const part of path.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match) return undefined;
    segments.push({ name: match[1] as string, suffix: match[2] ?? '' });
  }
  return segments;
}

/** A path found by {@link findMember}. */
export interface FoundMember extends MemberInfo {
  /** The canonical spelling of the path (with `[]`/`{}` where the model has lists and maps). */
  canonical: string;
  /** True when the path was written exactly in canonical notation. */
  exact: boolean;
}

/**
 * Resolve a written member path against an operation's input or output by walking the shapes
 * (no enumeration, so it is fast on any operation). `[]` and `{}` may be written or left out;
 * `exact` says whether the notation matched. Returns undefined when the path does not exist.
 */
export function findMember(
  api: ServiceApi,
  operation: string,
  path: string,
  direction: Direction,
): FoundMember | undefined {
  const opName = api.resolveOperation(operation);
  if (!opName) return undefined;
  const root = rootShape(api, opName, direction);
  const segments = parsePath(path);
  if (!root || !segments) return undefined;
  let container = root;
  let canonical = '';
  let exact = true;
  let result: FoundMember | undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as Segment;
    const parent = shapeOf(api, container);
    const ref = parent?.members?.[seg.name];
    if (!parent || !ref) return undefined;
    const memberShape = shapeOf(api, ref.shape);
    const next = containerOf(api, ref.shape);
    const isLast = i === segments.length - 1;
    const writtenSuffix = seg.suffix;
    // A written `[]`/`{}` must match the model's; leaving it out is tolerated but not exact, except
    // after the last member, where both `Subnets` and `Subnets[]` are exact.
    if (!next.suffix.startsWith(writtenSuffix)) return undefined;
    if (writtenSuffix !== next.suffix && !(isLast && writtenSuffix === '')) exact = false;
    canonical = canonical ? `${canonical}.${seg.name}` : seg.name;
    if (isLast) {
      const documentation = ref.documentation ?? memberShape?.documentation;
      result = {
        path: canonical,
        canonical,
        exact,
        name: seg.name,
        type: memberShape?.type ?? 'unknown',
        typeLabel: typeLabel(api, ref.shape),
        shape: ref.shape,
        required: (parent.required ?? []).includes(seg.name),
        // Made on first read: grounding and the checks look members up by the thousand and never
        // read the doc (its HTML stripping was a twentieth of the checks' time).
        get doc() {
          return shortDoc(documentation);
        },
        depth: i + 1,
      };
      if (memberShape?.enum) result.enum = memberShape.enum.slice();
    } else {
      canonical += next.suffix;
      container = next.shape;
    }
  }
  return result;
}

/**
 * Every member name used anywhere in a service's structures (for telling a member name in prose
 * from an operation name). Cached per service.
 */
export function memberNames(api: ServiceApi): ReadonlySet<string> {
  const hit = memberNameCache.get(api);
  if (hit) return hit;
  const names = new Set<string>();
  for (const shape of Object.values(api.model.shapes)) {
    if (shape.members) for (const name of Object.keys(shape.members)) names.add(name);
  }
  memberNameCache.set(api, names);
  return names;
}
const memberNameCache = new WeakMap<ServiceApi, Set<string>>();
