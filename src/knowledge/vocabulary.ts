/**
 * The words of the API search index: tokenizing CamelCase and snake_case, stemming, stop words, and
 * the security vocabulary that turns a requirement's phrases ("encryption at rest") into the
 * words API fields use (`KmsKeyId`, `SSE`, `encrypt`).
 */
import { stemmer } from 'stemmer';

const CAMEL_PART = /[A-Z]{2,}(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+/g;
const partsCache = new Map<string, readonly string[]>();

/** The lower-case words of one alphanumeric run: `SSEAlgorithm` → sse, algorithm; `ec2` stays. */
function splitRun(run: string): readonly string[] {
  const hit = partsCache.get(run);
  if (hit) return hit;
  const parts = /[A-Z]/.test(run) ? (run.match(CAMEL_PART) ?? []).map((p) => p.toLowerCase()) : [run];
  if (partsCache.size < 200_000) partsCache.set(run, parts);
  return parts;
}

/** Split CamelCase, snake_case, kebab-case and prose into lower-case words. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const run of text.split(/[^A-Za-z0-9]+/)) {
    if (run) for (const part of splitRun(run)) words.push(part);
  }
  return words;
}

/** Words that carry no meaning for finding an API operation. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being by can could do does each either for from has have how if in into is it its ' +
    'itself may must no nor not of on or our over shall should so such than that the their them then there these ' +
    'they this those to under up us was we were what when where whether which while who will with within without ' +
    'would you your all any every only also ensure make sure aws amazon use used using uses via per'
  ).split(' '),
);

const stemCache = new Map<string, string | null>();

/** Index-time and query-time term processing: stop words out, Porter stem (memoized). */
export function processTerm(term: string): string | null {
  const cached = stemCache.get(term);
  if (cached !== undefined) return cached;
  const word = term.toLowerCase();
  const result = word.length < 2 || STOP_WORDS.has(word) ? null : stemmer(word);
  if (stemCache.size < 200_000) stemCache.set(term, result);
  return result;
}

/** Tokenize and process, dropping stop words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    const term = processTerm(word);
    if (term) out.push(term);
  }
  return out;
}

/** A requirement phrase and the API words it should also match. */
interface Expansion {
  when: RegExp;
  add: string;
}

/**
 * The security vocabulary. Each rule adds API words when a requirement uses the phrase; the added
 * words count less than the requirement's own words (see the retriever).
 */
const EXPANSIONS: readonly Expansion[] = [
  {
    when: /encrypt|at rest|\bkms\b|\bcmk\b|customer[- ]managed key|\bsse\b|cipher/i,
    add: 'KmsKeyId KmsKeyArn KmsMasterKeyId SSEAlgorithm SSESpecification ServerSideEncryption Encrypted EncryptionConfiguration EncryptionAtRest StorageEncrypted kms key encrypt',
  },
  {
    when: /in transit|\btls\b|\bssl\b|https|transport|plain ?text|unencrypted (?:traffic|connections)/i,
    add: 'TLS SSL HTTPS TransitEncryptionEnabled InTransitEncryption EnableInterContainerTrafficEncryption NodeToNodeEncryption SslPolicy ViewerProtocolPolicy Protocol Certificate SecurityPolicy EnforceHTTPS listener',
  },
  {
    when: /\blog(?:s|ging|ged)?\b|audit|record(?:s|ed)? (?:requests|calls|activity)/i,
    add: 'LoggingConfig LoggingEnabled LogConfiguration LogGroup LogDestination AccessLogs LogPublishingOptions logging log audit',
  },
  {
    when: /public|internet|anonymous|anyone|exposed|open to the world|0\.0\.0\.0/i,
    add: 'PubliclyAccessible DirectInternetAccess PublicAccessBlock BlockPublicAccess MapPublicIpOnLaunch AssociatePublicIpAddress Public Policy Status CidrIp internet',
  },
  {
    when: /\bvpc\b|private (?:network|subnet)|network isolation|isolat|subnet|security group/i,
    add: 'VpcConfig VpcId SubnetIds SecurityGroupIds EnableNetworkIsolation NetworkConfig vpc subnet',
  },
  {
    when: /backup|point[- ]in[- ]time|snapshot|recover/i,
    add: 'BackupRetentionPeriod PointInTimeRecovery ContinuousBackups SnapshotRetentionLimit AutomatedSnapshotRetentionPeriod backup retention',
  },
  {
    when: /multi[- ]?az|availability zone|high(?:ly)? availab|resilien|redundan|fail ?over/i,
    add: 'MultiAZ AvailabilityZones AutomaticFailover ZoneAwareness ReplicasPerNodeGroup availability zone',
  },
  {
    when: /delet(?:ion|e) protection|accidental(?:ly)? delet|termination protection/i,
    add: 'DeletionProtection DeletionProtectionEnabled TerminationProtection EnableTerminationProtection',
  },
  { when: /version(?:ing|ed)|mfa delete/i, add: 'Versioning Status MFADelete' },
  { when: /root access|\broot\b/i, add: 'RootAccess root' },
  { when: /rotat/i, add: 'KeyRotationEnabled RotationEnabled RotationRules rotation' },
  {
    when: /monitor|metric|alarm|tracing|x-?ray|observab/i,
    add: 'MonitoringInterval EnhancedMonitoring TracingConfig Tracing Alarm Metric monitoring',
  },
  {
    when: /metadata service|imds/i,
    add: 'MetadataOptions HttpTokens HttpEndpoint InstanceMetadataServiceConfiguration MinimumInstanceMetadataServiceVersion',
  },
  {
    when: /authenticat|authoriz|\biam\b|access control|least privilege|permission|credential/i,
    add: 'AuthorizationType AuthenticationType IAMDatabaseAuthenticationEnabled Policy Principal Permissions auth',
  },
  { when: /\bmfa\b|multi[- ]factor/i, add: 'MFA MfaDevices MFADevice VirtualMFA' },
  { when: /password/i, add: 'PasswordPolicy MinimumPasswordLength RequireSymbols MaxPasswordAge password' },
  {
    when: /runtime|deprecat|outdated|supported (?:version|platform)|engine version|minor version|patch/i,
    add: 'Runtime EngineVersion PlatformVersion AutoMinorVersionUpgrade version',
  },
  { when: /certificate|expir|renew/i, add: 'Certificate NotAfter RenewalEligibility expiration' },
  { when: /privileged|elevated privilege/i, add: 'Privileged ContainerDefinitions privileged' },
  {
    when: /\btag(?:s|ged|ging)?\b|label/i,
    add: 'Tags TagList ResourceTags tag',
  },
  { when: /web acl|\bwaf\b|firewall/i, add: 'WebACL WebACLId WebACLArn firewall rule' },
  { when: /dead[- ]letter|\bdlq\b/i, add: 'DeadLetterConfig RedrivePolicy' },
  { when: /concurren/i, add: 'ReservedConcurrentExecutions concurrency' },
  { when: /key pair|ssh/i, add: 'KeyName SSH key pair' },
];

/** The API words the security vocabulary adds to a requirement (none when nothing applies). */
export function expand(requirement: string): string[] {
  const added: string[] = [];
  for (const rule of EXPANSIONS) if (rule.when.test(requirement)) added.push(...terms(rule.add));
  return added;
}

/** Extra names people use for a service, added to its operations' service field. */
export const SERVICE_ALIASES: Readonly<Record<string, string>> = {
  'acm-pca': 'private certificate authority',
  apigateway: 'api gateway rest api stage',
  apigatewayv2: 'api gateway http websocket api stage',
  'cognito-idp': 'cognito user pool',
  dynamodb: 'dynamo table',
  ec2: 'elastic compute cloud instance vpc ebs volume security group',
  ecr: 'container registry image repository',
  ecs: 'elastic container service task definition cluster',
  efs: 'elastic file system',
  eks: 'kubernetes cluster',
  elasticache: 'redis memcached cache cluster',
  elb: 'classic load balancer clb',
  elbv2: 'application network load balancer alb nlb',
  emr: 'elastic mapreduce hadoop spark cluster',
  es: 'elasticsearch opensearch domain',
  firehose: 'kinesis data firehose delivery stream',
  kafka: 'msk managed streaming kafka cluster',
  kms: 'key management service',
  logs: 'cloudwatch logs log group',
  mq: 'amazonmq broker activemq rabbitmq',
  'network-firewall': 'network firewall policy',
  opensearch: 'opensearch elasticsearch domain',
  rds: 'relational database aurora db instance cluster',
  s3: 'simple storage bucket object',
  s3control: 's3 account public access block access point',
  sns: 'simple notification topic',
  sqs: 'simple queue',
  ssm: 'systems manager parameter document',
  stepfunctions: 'step functions state machine',
  wafv2: 'waf web acl',
};
