/** What `gherkin-bench api` shows: a service's operations, or one operation's member trees. */
import type { ServiceCatalog } from './catalog.js';
import { type MemberInfo, memberPaths } from './shapes.js';
import { shortDoc } from './text.js';

/** One operation of a service listing. */
export interface OperationSummary {
  operation: string;
  method: string;
  doc: string;
}

/** A service's operations. */
export interface ServiceDescription {
  service: string;
  fullName: string;
  apiVersion: string;
  operations: OperationSummary[];
}

/** One operation's input and output member paths. */
export interface OperationDescription {
  service: string;
  operation: string;
  method: string;
  doc: string;
  input: MemberInfo[];
  output: MemberInfo[];
}

/**
 * Describe a service (no operation) or one operation (by operation name or boto3 method).
 * Unknown names → UserError naming the closest ones.
 * @param maxDepth - keep members at most this deep (default: all the walk lists).
 */
export function describeApi(
  catalog: ServiceCatalog,
  service: string,
  operation?: string,
  maxDepth = Number.POSITIVE_INFINITY,
): ServiceDescription | OperationDescription {
  const api = catalog.service(service);
  if (operation === undefined) {
    return {
      service: api.name,
      fullName: api.fullName,
      apiVersion: api.apiVersion,
      operations: api.operations().map((op) => ({
        operation: op,
        method: api.methodOf(op),
        doc: shortDoc(api.model.operations[op]?.documentation, 120),
      })),
    };
  }
  const op = api.operation(operation);
  const keep = (members: MemberInfo[]) => members.filter((m) => m.depth <= maxDepth);
  return {
    service: api.name,
    operation: op.name,
    method: api.methodOf(op.name),
    doc: shortDoc(op.documentation, 300),
    input: keep(memberPaths(api, op.name, 'input')),
    output: keep(memberPaths(api, op.name, 'output')),
  };
}

/** One member as a tree line: indented by depth, with type, enum values, required flag and doc. */
export function memberLine(member: MemberInfo): string {
  const indent = '  '.repeat(member.depth);
  const values = member.enum ? ` {${member.enum.slice(0, 10).join('|')}${member.enum.length > 10 ? '|…' : ''}}` : '';
  const flags = `${member.required ? ' (required)' : ''}${member.recursive ? ' (recursive)' : ''}`;
  return `${indent}${member.path}: ${member.typeLabel}${values}${flags}${member.doc ? ` — ${member.doc}` : ''}`;
}

/** Render a description for a terminal. */
export function renderDescription(description: ServiceDescription | OperationDescription): string {
  if ('operations' in description) {
    const width = Math.max(...description.operations.map((o) => o.method.length), 6);
    return [
      `${description.service} (${description.fullName}, API ${description.apiVersion}): ${description.operations.length} operations`,
      ...description.operations.map((o) => `  ${o.method.padEnd(width)}  ${o.operation}${o.doc ? ` — ${o.doc}` : ''}`),
    ].join('\n');
  }
  const d = description;
  return [
    `${d.service}.${d.method} (${d.operation})${d.doc ? ` — ${d.doc}` : ''}`,
    `input (${d.input.length} paths):`,
    ...(d.input.length ? d.input.map(memberLine) : ['  (none)']),
    `output (${d.output.length} paths):`,
    ...(d.output.length ? d.output.map(memberLine) : ['  (none)']),
  ].join('\n');
}
