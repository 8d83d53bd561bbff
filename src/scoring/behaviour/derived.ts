/**
 * Derived members: the member keys of what a step reads that is not a plain botocore path (a map's
 * entry, a keyed list entry, the elements of a list, whether a policy document has a statement,
 * the evaluated Region), and their names in plain words for counterexamples. A derived key is the
 * resolved path's key with the derivation written into it, so a state stays "member key → value":
 *
 * - `sns.get_topic_attributes:Attributes{KmsMasterKeyId}` (map entry),
 * - `elbv2.describe_load_balancer_attributes:Attributes[Key=deletion_protection.enabled].Value` (keyed entry),
 * - `elb.describe_load_balancers:LoadBalancerDescriptions[*].ListenerDescriptions[*].Listener.Protocol` (elements),
 * - `s3.get_bucket_policy:Policy#statement(Action=s3:*; Effect=Deny)` (policy statement),
 * - `iam.get_policy_version:PolicyVersion.Document@of(iam.list_attached_group_policies)#everyStatement(Effect=Allow)`
 *   (every statement of the documents of one listing),
 * - `iam.get_user_policy:PolicyDocument#ipAddresses(IpAddress aws:SourceIp)` (the IP addresses of a statement's condition),
 * - `emr.describe_security_configuration:SecurityConfiguration#json(AuthenticationConfiguration.KerberosConfiguration.Provider)` (a member of a JSON document in a string),
 * - `sns.list_subscriptions:Subscriptions[].Endpoint#part(@|)` (the part of a string after `@`; `#part(A|B)` between A and B),
 * - `elbv2.describe_listeners:Listeners[?Protocol=HTTP].DefaultActions[*].Type` (the elements among the entries whose key member has a value),
 * - `@region` (the evaluated Region).
 */
import type { Derivation } from './derived-forms.js';
import { type MemberType, type MemberValue, REGION_KEY } from './model.js';
import type { StatementField } from './predicates.js';

/** A member path resolved against a call: its key (`svc.method:Canonical.Path`) and shape type. */
export interface ResolvedMember {
  key: string;
  type: MemberType;
}

/** A few real Region names: the values the evaluated Region takes in states. */
export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** The type of the evaluated Region's member. */
export const REGION_TYPE: MemberType = { type: 'string', enum: REGIONS };

const STATEMENT_MARK = '#statement(';
const EVERY_STATEMENT_MARK = '#everyStatement(';
const IP_ADDRESSES_MARK = '#ipAddresses(';
const OF_MARK = '@of(';
const DOCUMENT_MARK = '#json(';
const PART_MARK = '#part(';

const isListType = (type: MemberType) => type.type === 'list' || type.type === 'map';

/** A statement's fields in one order and spelling, so equal specs give one key. */
function normalizedStatement(fields: readonly StatementField[]): string {
  const norm = ({ field, value }: StatementField) => {
    if (field === 'Effect') return `${field}=${value.charAt(0).toUpperCase()}${value.slice(1).toLowerCase()}`;
    if (field === 'Action' || field === 'NotAction') return `${field}=${value.toLowerCase()}`;
    if (field === 'NoCondition') return field;
    return `${field}=${value}`;
  };
  return fields.map(norm).sort().join('; ');
}

/**
 * The derived member a condition reads, or why it cannot be read. `resolve` resolves another
 * written path in the same calls (the key member of a keyed entry).
 */
export function deriveMember(
  member: ResolvedMember,
  derive: Derivation,
  resolve: (path: string) => ResolvedMember | undefined,
): ResolvedMember | string {
  const { key, type } = member;
  switch (derive.kind) {
    case 'mapEntry': {
      if (type.type === 'map') {
        const value: MemberType = { type: type.element ?? 'string' };
        if (type.enum) value.enum = type.enum;
        return { key: `${key}{${derive.entry}}`, type: value };
      }
      const at = key.lastIndexOf('{}');
      if (at < 0) return `"${key.slice(key.indexOf(':') + 1)}" is not a map (write "Map{}" or "Map{}.Member")`;
      return { key: `${key.slice(0, at)}{${derive.entry}}${key.slice(at + 2)}`, type };
    }
    case 'keyedEntry': {
      const keyMember = resolve(derive.keyPath);
      if (!keyMember) return `"${derive.keyPath}" is not a member of the calls the scenario names`;
      const listOf = (k: string) => k.slice(0, k.lastIndexOf('[]'));
      const list = listOf(key);
      if (!key.includes('[]') || list !== listOf(keyMember.key))
        return `"${derive.keyPath}" and the member it selects must be members of one list's entries`;
      const keyName = keyMember.key.slice(list.length + 3);
      return { key: `${list}[${keyName}=${String(derive.keyValue)}]${key.slice(list.length + 2)}`, type };
    }
    case 'statement':
    case 'ipAddresses': {
      const document = derive.entry ? deriveMember(member, { kind: 'mapEntry', entry: derive.entry }, resolve) : member;
      if (typeof document === 'string') return document;
      const place = `${document.key}${derive.of ? `${OF_MARK}${derive.of})` : ''}`;
      if (derive.kind === 'ipAddresses')
        // Held as a list of addresses: the condition's count is its length (none: 0).
        return { key: `${place}${IP_ADDRESSES_MARK}${derive.condition})`, type: { type: 'list', element: 'string' } };
      const mark = derive.every ? EVERY_STATEMENT_MARK : STATEMENT_MARK;
      return { key: `${place}${mark}${normalizedStatement(derive.fields)})`, type: { type: 'boolean' } };
    }
    case 'document':
      // A list of strings holds one document per element (`"Results[]"` of config.select_resource_config).
      if (type.type !== 'string' && !(isListType(type) && type.element === 'string'))
        return `"${pathOfKey(key)}" is not a string holding a JSON document`;
      return { key: `${key}${DOCUMENT_MARK}${derive.member})`, type: { type: 'string' } };
    case 'part':
      if (type.type !== 'string') return `"${pathOfKey(key)}" is not a string (a part is read from a string)`;
      return { key: `${key}${PART_MARK}${derive.after ?? ''}|${derive.before ?? ''})`, type: { type: 'string' } };
    case 'filtered': {
      const keyMember = resolve(derive.keyPath);
      if (!keyMember) return `"${derive.keyPath}" is not a member of the calls the scenario names`;
      // The entries are a list's elements or a map's values, whichever is the key member's last.
      const at = Math.max(keyMember.key.lastIndexOf('[]'), keyMember.key.lastIndexOf('{}'));
      const list = keyMember.key.slice(0, at);
      const entries = keyMember.key.slice(at, at + 2);
      if (at < 0 || !key.startsWith(`${list}${entries}.`))
        return `"${derive.keyPath}" must be a member of the entries of a list that holds "${pathOfKey(key)}"`;
      const keyName = keyMember.key.slice(list.length + 3);
      const rest = key.slice(list.length + 2);
      return elementsMember({ key: `${list}[?${keyName}=${String(derive.keyValue)}]${rest}`, type });
    }
  }
}

/** The member holding every element's value of a list path (`every`, `some`, `no`), or why none. */
export function elementsMember(member: ResolvedMember): ResolvedMember | string {
  const { key, type } = member;
  const elements = key.replaceAll('[]', '[*]');
  const element = isListType(type) ? type.element : type.type;
  if (elements === key && !isListType(type) && !key.includes('[?'))
    return `"${key.slice(key.indexOf(':') + 1)}" is not a list (write "List[].Member")`;
  const out: MemberType = { type: 'list', element: element ?? 'string' };
  if (type.enum) out.enum = type.enum;
  return { key: elements, type: out };
}

/** The member of a list counted by `the number of` (the list itself), or why it is not a list. */
export function countedMember(member: ResolvedMember): ResolvedMember | string {
  return isListType(member.type)
    ? member
    : `"${member.key.slice(member.key.indexOf(':') + 1)}" is not a list (write "List[]")`;
}

/** A member key's path without its call (`rds.describe_db_instances:DBInstances[].X` → `DBInstances[].X`). */
export const pathOfKey = (key: string) => key.slice(key.indexOf(':') + 1);

/** A member key in plain words: its name, and how its value is said. */
export interface MemberWords {
  name: string;
  /** A policy statement test: the sentence its value (true, false, or absent: null) completes. */
  statement?: (value: MemberValue | null) => string;
  /** The value is a count: shown as its number of elements. */
  counted?: true;
}

/**
 * A document in words, with where it comes from (two calls may return a document of one name):
 * `the PolicyDocument document returned by iam.get_group_policy`, or for a listing's documents
 * `the PolicyVersion.Document document of what iam.list_attached_group_policies lists`.
 */
function documentWords(place: string, call: string): string {
  const of = place.indexOf(OF_MARK);
  if (of < 0) return `the ${place} document returned by ${call}`;
  return `the ${place.slice(0, of)} document of what ${place.slice(of + OF_MARK.length, -1)} lists`;
}

/** The words of a policy-document member (a statement test or an IP address count), or undefined. */
function documentMemberWords(path: string, call: string): MemberWords | undefined {
  const marks = [STATEMENT_MARK, EVERY_STATEMENT_MARK, IP_ADDRESSES_MARK];
  const mark = marks.find((m) => path.includes(m));
  if (!mark) return undefined;
  const at = path.indexOf(mark);
  const document = documentWords(path.slice(0, at), call);
  const inside = path.slice(at + mark.length, -1);
  if (mark === IP_ADDRESSES_MARK)
    return { name: `the number of IP addresses in Condition ${inside} of ${document}`, counted: true };
  const fields = inside
    .split('; ')
    .map((f) => (f === 'NoCondition' ? 'no Condition' : f.replace('=', ' ')))
    .join(', ');
  if (mark === EVERY_STATEMENT_MARK)
    return {
      name: document,
      // An absent document has no statement, so every statement of it has the fields.
      statement: (value) => `${value !== false ? 'every' : 'not every'} statement of ${document} has ${fields}`,
    };
  return {
    name: document,
    statement: (value) => `${document} has ${value === true ? 'a' : 'no'} statement with ${fields}`,
  };
}

/**
 * A member key in plain words, with how to say its value: `the Attributes{} value of
 * KmsMasterKeyId`, `the Attributes[].Value of the entry whose Attributes[].Key is x`, `the
 * evaluated Region`; a policy statement reads as a sentence that its boolean value completes.
 */
export function describeMember(key: string): MemberWords {
  if (key === REGION_KEY) return { name: 'the evaluated Region' };
  if (key === '@resourceType') return { name: "the configuration item's resource type" };
  if (key === '@itemStatus') return { name: "the configuration item's status" };
  const path = pathOfKey(key);
  const document = documentMemberWords(path, key.slice(0, key.indexOf(':')));
  if (document) return document;
  const part = /^(.*)#part\(([^|]*)\|([^)]*)\)$/.exec(path);
  if (part) {
    const [, of, after, before] = part as unknown as [string, string, string, string];
    const where = after && before ? `between ${after} and ${before}` : after ? `after ${after}` : `before ${before}`;
    return { name: `the part of ${of} ${where}` };
  }
  const json = path.indexOf(DOCUMENT_MARK);
  if (json >= 0)
    return { name: `the ${path.slice(0, json)} document's ${path.slice(json + DOCUMENT_MARK.length, -1)}` };
  const filtered = /^(.*)\[\?([^\]=]+)=([^\]]*)\](.*)$/.exec(path);
  if (filtered) {
    const rest = (filtered[4] as string).replaceAll('[*]', '[]');
    return {
      name: `the ${filtered[1]}[]${rest} values of the entries whose ${filtered[1]}[].${filtered[2]} is ${filtered[3]}`,
    };
  }
  const entry = /^(.*)\{([^}]*)\}(.*)$/.exec(path);
  if (entry) return { name: `the ${entry[1]}{}${entry[3]} value of ${entry[2]}` };
  const keyed = /^(.*)\[([^\]=*]+)=([^\]]*)\](.*)$/.exec(path);
  if (keyed)
    return { name: `the ${keyed[1]}[]${keyed[4]} of the entry whose ${keyed[1]}[].${keyed[2]} is ${keyed[3]}` };
  if (path.includes('[*]')) return { name: `the ${path.replaceAll('[*]', '[]')} values` };
  return { name: path };
}
