/**
 * The agent's tools over the knowledge base (the botocore models and the API search index) and the
 * draft checker: `search_api`, `list_operations`, `describe_operation`, `check_gherkin`. Nothing
 * here is computed from a gold. Every call returns text the model can read: a JSON result, or a
 * tool error (malformed input, an unknown tool, service or operation) naming what to do; a result
 * longer than {@link MAX_RESULT_CHARS} is cut and says so. Tools never throw.
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { ServiceCatalog } from '../../knowledge/catalog.js';
import { describeApi, type OperationDescription, type ServiceDescription } from '../../knowledge/describe.js';
import type { Retriever } from '../../knowledge/retrieval.js';
import { shortDoc } from '../../knowledge/text.js';
import { checkDraft } from '../draft-check.js';
import type { ToolSpec } from '../providers/types.js';

/** Longest tool result handed back (characters); longer ones are cut with a note. */
export const MAX_RESULT_CHARS = 12_000;
/** Operations `search_api` returns. */
export const SEARCH_HITS = 8;

/** What the tools read. */
export interface ToolBox {
  catalog: ServiceCatalog;
  retriever: Retriever;
  /** The task's boto3 client (scopes bare method names in `check_gherkin`). */
  service?: string;
}

/** One tool's answer: its text for the model, whether it is an error, its structured value, its time. */
export interface ToolAnswer {
  content: string;
  isError: boolean;
  /** The structured result (undefined for an error). */
  value?: unknown;
  ms: number;
}

const serviceName = z.string().trim().min(1).max(64);
const searchInput = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('What you look for, in words (e.g. "notebook instance root access").'),
  service: serviceName.optional().describe('Optional boto3 client name to search within, e.g. "sagemaker".'),
});
const serviceInput = z.strictObject({ service: serviceName.describe('boto3 client name, e.g. "rds".') });
const operationInput = z.strictObject({
  service: serviceName.describe('boto3 client name, e.g. "sagemaker".'),
  method: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .describe('boto3 method or operation name, e.g. "describe_notebook_instance".'),
});
const checkInput = z.strictObject({ text: z.string().min(1).max(100_000).describe('The whole draft gherkin.') });

/** One tool: its name and description, its input (zod; the spec's JSON schema is made from it), its work. */
interface ToolDef {
  name: string;
  description: string;
  input: z.ZodType;
  run(box: ToolBox, input: never): unknown;
}

/** A service's operation listing, built once per catalog and service (EC2 has over 700 operations). */
const listings = new WeakMap<ServiceCatalog, Map<string, unknown>>();
function operationList(catalog: ServiceCatalog, service: string): unknown {
  let byService = listings.get(catalog);
  if (!byService) {
    byService = new Map();
    listings.set(catalog, byService);
  }
  const known = byService.get(service);
  if (known) return known;
  const described = describeApi(catalog, service) as ServiceDescription;
  const listing = {
    service: described.service,
    operations: described.operations.map((o) => ({ method: o.method, doc: shortDoc(o.doc, 80) })),
  };
  byService.set(service, listing);
  return listing;
}

const TOOLS: readonly ToolDef[] = [
  {
    name: 'search_api',
    description:
      'Search the Boto3 API (botocore service models) for operations relevant to a query. Returns the best operations with their boto3 method, a one-line doc and their most relevant output member paths.',
    input: searchInput,
    run(box, input: z.output<typeof searchInput>) {
      const hits = box.retriever.retrieve(input.query, {
        ...(input.service ? { service: input.service } : {}),
        k: SEARCH_HITS,
      });
      return hits.map((hit) => ({
        call: `${hit.service}.${hit.method}`,
        operation: hit.operation,
        doc: shortDoc(box.catalog.service(hit.service).model.operations[hit.operation]?.documentation, 120),
        members: hit.members,
      }));
    },
  },
  {
    name: 'list_operations',
    description: "List a Boto3 service's operations: boto3 method and a one-line doc each.",
    input: serviceInput,
    run(box, input: z.output<typeof serviceInput>) {
      return operationList(box.catalog, input.service);
    },
  },
  {
    name: 'describe_operation',
    description:
      "Describe one Boto3 operation's output: every member path (notation A.B, List[].X, Map{}.Y) with its type and enum values.",
    input: operationInput,
    run(box, input: z.output<typeof operationInput>) {
      const d = describeApi(box.catalog, input.service, input.method) as OperationDescription;
      return {
        call: `${d.service}.${d.method}`,
        doc: d.doc,
        output: d.output.map((m) => ({ path: m.path, type: m.typeLabel, ...(m.enum ? { enum: m.enum } : {}) })),
      };
    },
  },
  {
    name: 'check_gherkin',
    description:
      'Check a draft control: does it parse as Gherkin, does it meet the structure rules, and does every Boto3 call, member path and enum value exist (with did-you-mean suggestions).',
    input: checkInput,
    run(box, input: z.output<typeof checkInput>) {
      const problems = checkDraft(input.text, box.service);
      return { ok: problems.length === 0, problems };
    },
  },
];

/** The tools' specs, as a request sends them (each input schema made from the tool's zod input). */
export const AGENT_TOOLS: readonly ToolSpec[] = TOOLS.map((t) => ({
  name: t.name,
  description: t.description,
  inputSchema: z.toJSONSchema(t.input) as Record<string, unknown>,
}));

function issueLine(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

function cut(text: string): string {
  if (text.length <= MAX_RESULT_CHARS) return text;
  return `${text.slice(0, MAX_RESULT_CHARS)}\n[result cut at ${MAX_RESULT_CHARS} of ${text.length} characters: narrow the request]`;
}

/** Run one tool call. Never throws: every failure is an error answer the model can read. */
export function runTool(box: ToolBox, name: string, input: unknown): ToolAnswer {
  const started = performance.now();
  const answer = (content: string, isError: boolean, value?: unknown): ToolAnswer => ({
    content: cut(content),
    isError,
    ...(value === undefined ? {} : { value }),
    ms: performance.now() - started,
  });
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) {
    return answer(`unknown tool "${name}"; the tools are ${TOOLS.map((t) => t.name).join(', ')}`, true);
  }
  const parsed = tool.input.safeParse(input);
  if (!parsed.success) return answer(`bad input for ${name}: ${issueLine(parsed.error)}`, true);
  try {
    const value = tool.run(box, parsed.data as never);
    return answer(JSON.stringify(value), false, value);
  } catch (error) {
    return answer(`${name} failed: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}
