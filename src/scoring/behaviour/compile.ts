/**
 * The compiler: a parsed control → its decision model (scenarios: conditions → outcome). Paths are
 * resolved against the output shapes of the calls the scenario (or its Background) names, so a
 * member has one key however it is written (`"PubliclyAccessible"` or
 * `"DBInstances[].PubliclyAccessible"` → `rds.describe_db_instances:DBInstances[].PubliclyAccessible`).
 */
import type { ControlStep, ParsedControl } from '../../gherkin/parse.js';
import { defaultCatalog, type ServiceCatalog } from '../../knowledge/catalog.js';
import {
  configurationItemCall,
  configurationItemStatuses,
  resourceTypesIn,
} from '../../knowledge/configuration-items.js';
import { splitMethodRef } from '../../knowledge/references.js';
import { findMember, memberPaths } from '../../knowledge/shapes.js';
import { countedMember, deriveMember, elementsMember, REGION_TYPE, type ResolvedMember } from './derived.js';
import { ITEM_STATUS_PATH, isInvalidParam, parseStep, type RawCondition, RESOURCE_TYPE_PATH } from './grammar.js';
import {
  type CompiledScenario,
  type Condition,
  type DecisionModel,
  type MemberType,
  type Predicate,
  REGION_KEY,
  type UnknownStep,
} from './model.js';
import { DOCUMENT_OPERAND, ITEM_OPERAND } from './predicates.js';

/** The rule parameters a `Rule Parameters:` field declares: name → type word (`int`, `string`, …). */
export function ruleParameters(field: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (field ?? '').matchAll(/(?:^|;)\s*([a-z][A-Za-z0-9]*)\s*\(\s*([^,)\s]+)/g))
    out.set(m[1] as string, (m[2] as string).toLowerCase());
  return out;
}

const strip = (path: string) => path.replace(/\[\]|\{\}/g, '');

/** Resolves written paths against the calls in scope, memoised per compile. */
class PathResolver {
  private readonly memo = new Map<string, ResolvedMember | undefined>();
  constructor(private readonly catalog: ServiceCatalog) {}

  resolve(path: string, calls: readonly string[]): ResolvedMember | undefined {
    const memoKey = `${path}\u0000${calls.join(',')}`;
    if (this.memo.has(memoKey)) return this.memo.get(memoKey);
    const found = this.find(path, calls);
    this.memo.set(memoKey, found);
    return found;
  }

  private find(path: string, calls: readonly string[]): ResolvedMember | undefined {
    for (const exact of [true, false])
      for (const call of calls) {
        const ref = splitMethodRef(call);
        if (!ref || !this.catalog.hasService(ref.service)) continue;
        const api = this.catalog.service(ref.service);
        const operation = api.resolveOperation(ref.method);
        if (!operation) continue;
        let canonical: string | undefined;
        let member = exact ? findMember(api, operation, path, 'output') : undefined;
        if (member) canonical = member.canonical;
        else if (!exact) {
          // Written relative to a listed element: the shortest output path ending in it.
          const tail = `.${strip(path)}`;
          const hit = memberPaths(api, operation, 'output')
            .filter((m) => `.${strip(m.path)}`.endsWith(tail))
            .sort((a, b) => a.depth - b.depth)[0];
          if (hit) {
            canonical = hit.path;
            member = findMember(api, operation, hit.path, 'output');
          }
        }
        if (!member || !canonical) continue;
        const type: MemberType = { type: member.type };
        const shape = api.model.shapes[member.shape];
        const inner = shape?.type === 'list' ? shape.member : shape?.type === 'map' ? shape.value : undefined;
        const element = inner ? api.model.shapes[inner.shape] : undefined;
        if (element) type.element = element.type;
        const values = member.enum ?? element?.enum;
        if (values) type.enum = values.slice();
        return { key: `${ref.service}.${api.methodOf(operation)}:${canonical}`, type };
      }
    return undefined;
  }
}

/** Options of {@link compileControl}. */
export interface CompileOptions {
  catalog?: ServiceCatalog;
}

/** Compile a parsed control into its decision model. Never throws on odd text. */
export function compileControl(control: ParsedControl, options?: CompileOptions): DecisionModel {
  const catalog = options?.catalog ?? defaultCatalog();
  const resolver = new PathResolver(catalog);
  const itemStatuses = configurationItemStatuses(catalog);
  const parameters = ruleParameters(control.fields['Rule Parameters']);
  const background = control.background ?? [];
  const model: DecisionModel = {
    scenarios: [],
    skipped: [],
    unknown: [],
    givenSteps: 0,
    members: new Map(),
    parameters,
  };
  const countGiven = (steps: readonly ControlStep[]) => steps.filter((s) => s.kind === 'given').length;
  const resourceTypes = resourceTypesIn(
    [
      control.tagValues.resource ?? '',
      control.fields['Reports on'] ?? '',
      ...[...background, ...control.scenarios.flatMap((s) => s.steps)].map((s) => s.text),
    ].join('\n'),
  );
  model.givenSteps += countGiven(background);
  const backgroundUnknown = new Set<number>();
  for (const scenario of control.scenarios) {
    model.givenSteps += countGiven(scenario.steps);
    const unknown: UnknownStep[] = [];
    const compiled = compileScenario(
      [...background, ...scenario.steps],
      { parameters, resourceTypes, itemStatuses },
      resolver,
      model,
      unknown,
    );
    for (const u of unknown) {
      const inBackground = background.some((s) => s.line === u.line);
      if (inBackground && backgroundUnknown.has(u.line)) continue;
      if (inBackground) backgroundUnknown.add(u.line);
      model.unknown.push(u);
    }
    const outcome = scenario.outcomes.length === 1 ? scenario.outcomes[0] : undefined;
    const reason =
      unknown.length > 0
        ? `${unknown.length} step(s) not understood (line ${unknown.map((u) => u.line).join(', ')})`
        : outcome
          ? undefined
          : `states ${scenario.outcomes.length} outcomes (needs exactly one)`;
    if (reason || !outcome) model.skipped.push({ name: scenario.name, line: scenario.line, reason: reason ?? '' });
    else model.scenarios.push({ name: scenario.name, line: scenario.line, outcome, ...compiled });
  }
  return model;
}

/** What a scenario compiles against besides its steps: the declared parameters, the resource types named. */
interface ScenarioContext {
  parameters: ReadonlyMap<string, string>;
  /** The resource types the control names (their configuration items' calls resolve `the configuration item's` paths). */
  resourceTypes: readonly string[];
  /** The values of a configuration item's status (botocore's `config` ConfigurationItemStatus). */
  itemStatuses: string[];
}

function compileScenario(
  steps: readonly ControlStep[],
  { parameters, resourceTypes, itemStatuses }: ScenarioContext,
  resolver: PathResolver,
  model: DecisionModel,
  unknown: UnknownStep[],
): Pick<CompiledScenario, 'resource' | 'conditions'> {
  const given = steps.filter((s) => s.kind === 'given');
  const calls = [
    ...new Set(
      given.flatMap((s) => [...s.text.matchAll(/"([a-z0-9-]+\.[a-z][a-z0-9_]*)"/g)].map((m) => m[1] as string)),
    ),
  ];
  const params = new Set([
    ...parameters.keys(),
    ...given.flatMap((s) => [...s.text.matchAll(/rule parameter "([^"]+)"/gi)].map((m) => m[1] as string)),
  ]);
  let resource: boolean | null = null;
  let subjectCall: string | undefined;
  const conditions: Condition[] = [];
  const addMember = (raw: RawCondition, step: ControlStep): boolean => {
    const condition = compileCondition(raw, step);
    if (condition) conditions.push(condition);
    return condition !== undefined;
  };
  /** One written condition → its compiled condition (registering its members), or undefined when it fails. */
  const compileCondition = (raw: RawCondition, step: ControlStep): Condition | undefined => {
    if (raw.param || params.has(raw.path)) return { kind: 'param', name: raw.path, predicate: raw.predicate };
    if (raw.item && raw.path === RESOURCE_TYPE_PATH) {
      model.members.set(RESOURCE_TYPE_PATH, { type: 'string', enum: [...resourceTypes] });
      return { kind: 'member', key: RESOURCE_TYPE_PATH, predicate: raw.predicate };
    }
    if (raw.item && raw.path === ITEM_STATUS_PATH) {
      model.members.set(ITEM_STATUS_PATH, { type: 'string', enum: [...itemStatuses] });
      return { kind: 'member', key: ITEM_STATUS_PATH, predicate: raw.predicate };
    }
    const itemCalls = resourceTypes.map(configurationItemCall).filter((c): c is string => c !== undefined);
    /** The calls the scenario makes that a path not of the configuration item resolves in. */
    const callScope = raw.call ? [raw.call] : subjectCall ? [...new Set([subjectCall, ...calls])] : calls;
    const scope = raw.item ? itemCalls : callScope;
    const fail = (reason: string) => {
      unknown.push({ line: step.line, text: step.text, reason });
      return undefined;
    };
    const notMember = (path: string) =>
      `"${path}" is not a member of ${scope.join(', ') || 'any call the scenario names'}`;
    const resolve = (path: string) => resolver.resolve(path, scope);
    const plain = resolve(raw.path);
    if (!plain) return fail(notMember(raw.path));
    const op = raw.predicate.op;
    // A list test on a scalar reached through a list (`"Features[].Name" contains X`) reads every
    // element's value, as `some "Features[].Name" is X` does.
    const throughList =
      (op === 'contains' || op === 'notcontains' || op === 'holds' || op === 'holdsOnly') &&
      plain.key.includes('[]') &&
      plain.type.type !== 'list' &&
      plain.type.type !== 'map';
    const member = raw.derive
      ? deriveMember(plain, raw.derive, resolve)
      : op === 'every' ||
          op === 'some' ||
          op === 'none' ||
          op === 'distinctCount' ||
          op === 'holdsParam' ||
          op === 'missesParam' ||
          throughList
        ? elementsMember(plain)
        : op === 'count'
          ? countedMember(plain)
          : plain;
    if (typeof member === 'string') return fail(member);
    /** An operand as written: a path in scope, a path of the configuration item, or a member of a JSON document. */
    const resolveOperand = (written: string): ResolvedMember | undefined => {
      const item = ITEM_OPERAND.exec(written);
      if (item) return resolver.resolve(item[1] as string, itemCalls);
      const document = DOCUMENT_OPERAND.exec(written);
      if (!document) return resolve(written);
      // The document is held by a call the scenario makes (the configuration item holds none).
      const holder = resolver.resolve(document[1] as string, callScope);
      const derived = holder && deriveMember(holder, { kind: 'document', member: document[2] as string }, resolve);
      return typeof derived === 'object' ? derived : undefined;
    };
    const predicate = withMemberOperand(raw.predicate, resolveOperand);
    if (typeof predicate === 'string') return fail(notMember(predicate));
    // A date held as a string (`"Images[].CreationDate"`) whose age a step tests is a timestamp.
    const dated = op === 'olderThan' || op === 'notOlderThan' || model.members.get(member.key)?.type === 'timestamp';
    const type: MemberType = dated && member.type.type === 'string' ? { type: 'timestamp' } : member.type;
    model.members.set(member.key, type);
    return { kind: 'member', key: member.key, predicate };
  };
  /** Resolves a member operand's written path (registering its member), or returns the path that fails. */
  const withMemberOperand = (
    predicate: Predicate,
    resolve: (path: string) => ResolvedMember | undefined,
  ): Predicate | string => {
    if (
      predicate.op === 'every' ||
      predicate.op === 'some' ||
      predicate.op === 'none' ||
      predicate.op === 'count' ||
      predicate.op === 'distinctCount'
    ) {
      const inner = withMemberOperand(predicate.predicate, resolve);
      return typeof inner === 'string' ? inner : { ...predicate, predicate: inner };
    }
    const withOperand =
      predicate.op === 'eq' || predicate.op === 'neq' || predicate.op === 'among' || predicate.op === 'notAmong';
    if (!withOperand || predicate.operand.kind !== 'member') return predicate;
    if (predicate.operand.key === REGION_KEY) {
      model.members.set(REGION_KEY, REGION_TYPE);
      return predicate;
    }
    const other = resolve(predicate.operand.key);
    if (!other) return predicate.operand.key;
    model.members.set(other.key, other.type);
    return { ...predicate, operand: { kind: 'member', key: other.key } };
  };
  for (const step of given) {
    const meaning = parseStep(step.text, params);
    if (!meaning) {
      unknown.push({ line: step.line, text: step.text, reason: 'no step form of the grammar matches' });
      continue;
    }
    switch (meaning.kind) {
      case 'neutral':
        break;
      case 'subject':
        resource = true;
        subjectCall = meaning.call ?? subjectCall;
        for (const raw of meaning.conditions) addMember(raw, step);
        break;
      case 'conditions':
        for (const raw of meaning.conditions) addMember(raw, step);
        break;
      case 'either': {
        const branches = meaning.branches.map((raw): Condition | undefined =>
          isInvalidParam(raw)
            ? { kind: 'param', name: raw.path, predicate: raw.predicate }
            : compileCondition(raw, step),
        );
        if (branches.every((b): b is Condition => b !== undefined))
          conditions.push({ kind: 'any', conditions: branches });
        break;
      }
      case 'nothing': {
        const first = !meaning.scoped && resource === null && conditions.length === 0;
        const listed = meaning.path ? resolver.resolve(meaning.path, [meaning.call]) : undefined;
        const isList = listed?.type.type === 'list' || listed?.type.type === 'map';
        if (first && (meaning.test === 'empty' || !meaning.path || isList)) resource = false;
        else if (meaning.path)
          addMember({ path: meaning.path, call: meaning.call, predicate: { op: meaning.test } }, step);
        else unknown.push({ line: step.line, text: step.text, reason: 'after a subject, say which member is empty' });
        break;
      }
      case 'noResource':
        if (resource === null && conditions.length === 0) resource = false;
        else unknown.push({ line: step.line, text: step.text, reason: 'say that there is no resource first' });
        break;
      case 'error':
        conditions.push({ kind: 'error', call: meaning.call, code: meaning.code });
        break;
      case 'param':
        conditions.push({ kind: 'param', name: meaning.name, predicate: meaning.predicate });
        break;
    }
  }
  const readsResource = (c: Condition): boolean =>
    c.kind === 'any' ? c.conditions.some(readsResource) : c.kind !== 'param';
  if (resource === null && conditions.some(readsResource)) resource = true;
  return { resource, conditions };
}
