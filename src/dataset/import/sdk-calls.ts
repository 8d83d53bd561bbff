/**
 * Reading which AWS API calls a rule source makes, as boto3 `service.method` names checked against
 * the pinned botocore models. Python: a client from `boto3.client('s3')`, `get_client('s3', event)`,
 * `get_redshift_client(...)` or rdklib's `client_factory.build_client('s3')`, then `x.get_bucket_acl(`,
 * `x.get_paginator('list_buckets')`, or a bound method passed on (`paginate(client,
 * client.list_users)`). Java (SDK v1/v2) and Node (SDK v2/v3): the client class names the service
 * (`AmazonS3`, `S3Client`, `new AWS.S3()`), camelCase calls, `…Request` classes and v3 `…Command`
 * classes name the operation, which xformName turns into the boto3 method. The RDK template's own
 * plumbing (sts.assume_role, config.put_evaluations, config.get_resource_config_history,
 * config.get_compliance_details_by_config_rule) is not the control's logic and is left out.
 */
import type { ServiceCatalog } from '../../knowledge/catalog.js';
import { xformName } from '../../knowledge/xform-name.js';
import type { SourceLanguage } from './comment-block.js';

/** RDK/template calls that every rule makes, whatever it checks. */
export const PLUMBING_CALLS: ReadonlySet<string> = new Set([
  'sts.assume_role',
  'config.put_evaluations',
  'config.get_resource_config_history',
  // The RDK template's clean-up of evaluations left by deleted resources (clean_up_old_evaluations).
  'config.get_compliance_details_by_config_rule',
]);

/** SDK class names (lower-cased, prefixes and suffixes stripped) whose boto3 name differs. */
const CLASS_ALIASES: Readonly<Record<string, string>> = {
  configservice: 'config',
  config: 'config',
  identitymanagement: 'iam',
  elasticloadbalancing: 'elb',
  elasticloadbalancingv2: 'elbv2',
  cloudwatchlogs: 'logs',
  securitytoken: 'sts',
  securitytokenservice: 'sts',
  elasticsearch: 'es',
  elasticsearchservice: 'es',
  elasticfilesystem: 'efs',
  simplesystemsmanagement: 'ssm',
  certificatemanager: 'acm',
  elasticmapreduce: 'emr',
  lambdaclient: 'lambda',
  keymanagementservice: 'kms',
  databasemigrationservice: 'dms',
  apigatewayv2: 'apigatewayv2',
};

/** The calls read from a source. */
export interface SdkCalls {
  /** boto3 `service.method` calls, in order of first appearance, plumbing removed. */
  calls: string[];
  /** Services whose clients the source creates (plumbing services included). */
  services: string[];
}

/** The boto3 service of an SDK class name (`AmazonS3`, `S3Client`, `CloudWatchLogs`), if known. */
export function serviceOfClass(className: string, catalog: ServiceCatalog): string | undefined {
  const core = className
    .replace(/^(?:Amazon|AWS|Aws)(?=[A-Z])/, '')
    .replace(/(?:AsyncClientBuilder|ClientBuilder|AsyncClient|Client|Async)$/, '')
    .toLowerCase();
  if (!core) return undefined;
  const alias = CLASS_ALIASES[core];
  if (alias) return alias;
  return catalog.hasService(core) ? core : undefined;
}

/** `getBucketAcl` / `GetBucketAcl` → `get_bucket_acl`. */
function methodOfCamel(name: string): string {
  return xformName(name.charAt(0).toUpperCase() + name.slice(1));
}

function addCall(out: string[], catalog: ServiceCatalog, service: string, method: string): boolean {
  if (!catalog.hasService(service)) return false;
  if (!catalog.service(service).methods().includes(method)) return false;
  const call = `${service}.${method}`;
  if (!PLUMBING_CALLS.has(call) && !out.includes(call)) out.push(call);
  return true;
}

function pythonCalls(source: string, catalog: ServiceCatalog): SdkCalls {
  const vars = new Map<string, string>();
  const services: string[] = [];
  const creation =
    /(?:(\w+)\s*=\s*)?(?:boto3\.client|boto3\.Session\([^)]*\)\.client|\bget_\w*client|\w+\.(?:build_)?client)\(\s*(?:service_name\s*=\s*)?['"]([a-z0-9-]+)['"][^)]*\)(?:\.(\w+)\()?/g;
  const calls: string[] = [];
  const ordered: { index: number; service: string; method: string }[] = [];
  for (const m of source.matchAll(creation)) {
    const service = m[2] as string;
    if (!services.includes(service)) services.push(service);
    if (m[1]) vars.set(m[1], service);
    if (m[3]) ordered.push({ index: m.index ?? 0, service, method: m[3] });
  }
  // `x.method(`, and `x.method` passed as a function (`paginate(client, client.list_users)`).
  for (const m of source.matchAll(/\b(\w+)\.(\w+)\b(\(\s*(?:['"]([a-z0-9_]+)['"])?)?/g)) {
    const [, receiver, name, called, arg] = m as unknown as [string, string, string, string?, string?];
    const method = name === 'get_paginator' || name === 'get_waiter' ? arg : name;
    if (!method) continue;
    const bound = vars.get(receiver);
    if (!called && !bound) continue;
    // A client passed in under another name: attribute the call to a created service that has it.
    const candidates = bound ? [bound] : services;
    const service = candidates.find((s) => catalog.hasService(s) && catalog.service(s).methods().includes(method));
    if (service) ordered.push({ index: m.index ?? 0, service, method });
  }
  ordered.sort((a, b) => a.index - b.index);
  for (const c of ordered) addCall(calls, catalog, c.service, c.method);
  return { calls, services };
}

function sdkCalls(source: string, catalog: ServiceCatalog): SdkCalls {
  const vars = new Map<string, string>();
  const services: string[] = [];
  const note = (service: string | undefined): void => {
    if (service && !services.includes(service)) services.push(service);
  };
  // Java declarations (`AmazonS3 s3 =`, `private final S3Client client;`) and Node v2/v3 `new`.
  for (const m of source.matchAll(/\b((?:Amazon|AWS)[A-Z]\w*|[A-Z]\w*Client)\b(?:<[^>]*>)?\s+(\w+)\s*[=;,)]/g)) {
    const service = serviceOfClass(m[1] as string, catalog);
    note(service);
    if (service) vars.set(m[2] as string, service);
  }
  for (const m of source.matchAll(
    /(?:(?:const|let|var|final)\s+)?(?:(\w+)\s*=\s*)?new\s+(?:AWS\.|aws\.|AWSSDK\.)?([A-Z]\w*)\s*\(/g,
  )) {
    const className = m[2] as string;
    if (/Command$|Request$/.test(className)) continue;
    const service = serviceOfClass(className, catalog);
    note(service);
    if (service && m[1]) vars.set(m[1], service);
  }
  for (const m of source.matchAll(/\b([A-Z]\w*)Client\.(?:builder|create)\(/g))
    note(serviceOfClass(`${m[1]}Client`, catalog));

  const ordered: { index: number; service: string; method: string }[] = [];
  const attribute = (index: number, method: string, bound?: string): void => {
    const candidates = bound ? [bound] : services;
    const service = candidates.find((s) => catalog.hasService(s) && catalog.service(s).methods().includes(method));
    if (service) ordered.push({ index, service, method });
  };
  for (const m of source.matchAll(/\b(\w+)\.([a-z]\w*)\s*\(/g)) {
    attribute(m.index ?? 0, methodOfCamel(m[2] as string), vars.get(m[1] as string));
  }
  for (const m of source.matchAll(/\bnew\s+([A-Z]\w*?)(Request|Command)\s*\(|\b([A-Z]\w*?)Request\.builder\(/g)) {
    attribute(m.index ?? 0, xformName((m[1] ?? m[3]) as string));
  }
  ordered.sort((a, b) => a.index - b.index);
  const calls: string[] = [];
  for (const c of ordered) addCall(calls, catalog, c.service, c.method);
  return { calls, services };
}

/** The boto3 calls a rule source makes (as far as they can be read). */
export function readSdkCalls(source: string, language: SourceLanguage, catalog: ServiceCatalog): SdkCalls {
  return language === 'python' ? pythonCalls(source, catalog) : sdkCalls(source, catalog);
}
