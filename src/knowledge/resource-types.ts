/**
 * CloudFormation resource types (`AWS::<Namespace>::<Type>`) mapped to the boto3 client that
 * describes them. Covers every namespace in the Security Hub controls reference and the other
 * services security controls usually check.
 */

/** CloudFormation namespace → boto3 client name. */
export const NAMESPACE_TO_SERVICE: Readonly<Record<string, string>> = {
  ACM: 'acm',
  ACMPCA: 'acm-pca',
  AmazonMQ: 'mq',
  Amplify: 'amplify',
  ApiGateway: 'apigateway',
  ApiGatewayV2: 'apigatewayv2',
  AppFlow: 'appflow',
  AppRunner: 'apprunner',
  AppSync: 'appsync',
  Athena: 'athena',
  AutoScaling: 'autoscaling',
  Backup: 'backup',
  Batch: 'batch',
  Bedrock: 'bedrock',
  Cassandra: 'keyspaces',
  Cloud9: 'cloud9',
  CloudFormation: 'cloudformation',
  CloudFront: 'cloudfront',
  CloudTrail: 'cloudtrail',
  CloudWatch: 'cloudwatch',
  CodeArtifact: 'codeartifact',
  CodeBuild: 'codebuild',
  CodePipeline: 'codepipeline',
  Cognito: 'cognito-idp',
  Config: 'config',
  Connect: 'connect',
  DataSync: 'datasync',
  DAX: 'dax',
  Detective: 'detective',
  DMS: 'dms',
  DocDB: 'docdb',
  DynamoDB: 'dynamodb',
  EC2: 'ec2',
  ECR: 'ecr',
  ECS: 'ecs',
  EFS: 'efs',
  EKS: 'eks',
  ElastiCache: 'elasticache',
  ElasticBeanstalk: 'elasticbeanstalk',
  ElasticLoadBalancing: 'elb',
  ElasticLoadBalancingV2: 'elbv2',
  Elasticsearch: 'es',
  EMR: 'emr',
  EMRServerless: 'emr-serverless',
  Events: 'events',
  EventSchemas: 'schemas',
  FSx: 'fsx',
  GlobalAccelerator: 'globalaccelerator',
  Glue: 'glue',
  GuardDuty: 'guardduty',
  IAM: 'iam',
  ImageBuilder: 'imagebuilder',
  Inspector: 'inspector',
  InspectorV2: 'inspector2',
  IoT: 'iot',
  Kendra: 'kendra',
  Kinesis: 'kinesis',
  KinesisFirehose: 'firehose',
  KinesisVideo: 'kinesisvideo',
  KMS: 'kms',
  LakeFormation: 'lakeformation',
  Lambda: 'lambda',
  Logs: 'logs',
  Macie: 'macie2',
  MemoryDB: 'memorydb',
  MSK: 'kafka',
  MWAA: 'mwaa',
  Neptune: 'neptune',
  NetworkFirewall: 'network-firewall',
  OpenSearch: 'opensearch',
  OpenSearchServerless: 'opensearchserverless',
  OpenSearchService: 'opensearch',
  Organizations: 'organizations',
  RDS: 'rds',
  Redshift: 'redshift',
  RedshiftServerless: 'redshift-serverless',
  Route53: 'route53',
  Route53Resolver: 'route53resolver',
  S3: 's3',
  S3Express: 's3',
  S3Outposts: 's3outposts',
  SageMaker: 'sagemaker',
  SecretsManager: 'secretsmanager',
  SecurityHub: 'securityhub',
  ServiceCatalog: 'servicecatalog',
  SES: 'sesv2',
  Shield: 'shield',
  SNS: 'sns',
  SQS: 'sqs',
  SSM: 'ssm',
  StepFunctions: 'stepfunctions',
  Timestream: 'timestream-write',
  Transfer: 'transfer',
  WAF: 'waf',
  WAFRegional: 'waf-regional',
  WAFv2: 'wafv2',
  WAFV2: 'wafv2',
  WorkSpaces: 'workspaces',
  XRay: 'xray',
};

/** Whole resource types whose client differs from their namespace's. */
const TYPE_TO_SERVICE: Readonly<Record<string, string>> = {
  'AWS::S3::AccessPoint': 's3control',
  'AWS::S3::Account': 's3control',
  'AWS::S3::MultiRegionAccessPoint': 's3control',
  'AWS::S3::StorageLens': 's3control',
};

const RESOURCE_TYPE = /^AWS::([A-Za-z0-9]*)::([A-Za-z0-9]+)$/;

/** A parsed CloudFormation resource type. */
export interface ResourceType {
  namespace: string;
  type: string;
  /** The boto3 client, or undefined when the type has none we know (`AWS::::Account`). */
  service: string | undefined;
}

/** Parse `AWS::SageMaker::NotebookInstance`, or undefined when it is not a resource type. */
export function parseResourceType(text: string): ResourceType | undefined {
  const match = RESOURCE_TYPE.exec(text.trim());
  if (!match) return undefined;
  const namespace = match[1] as string;
  const type = match[2] as string;
  const service = TYPE_TO_SERVICE[`AWS::${namespace}::${type}`] ?? NAMESPACE_TO_SERVICE[namespace];
  return { namespace, type, service };
}

/** The boto3 client for a CloudFormation resource type, or undefined. */
export function serviceForResourceType(resourceType: string): string | undefined {
  return parseResourceType(resourceType)?.service;
}

/** Every CloudFormation namespace that maps to a service (for aliases in the search index). */
export function namespacesOf(service: string): string[] {
  return Object.entries(NAMESPACE_TO_SERVICE)
    .filter(([, s]) => s === service)
    .map(([ns]) => ns);
}
