/**
 * The names AWS documentation uses for services, beyond what botocore's metadata says: product
 * names ("Application Load Balancer"), services that share a boto3 client ("Amazon EBS" and
 * "Amazon VPC" are `ec2`), and older names ("Elasticsearch"). Each entry names the document the
 * names come from. Written from AWS documentation only; never from a gold item or a held-out query.
 */

/** Documented names of one boto3 client, and where they come from. */
export interface ServiceNames {
  /** boto3 client name. */
  service: string;
  /** The documented names, space-separated (words, not phrases: the search matches words). */
  names: string;
  /** The AWS document the names come from. */
  source: string;
}

/** The documented service names (a boto3 client appears once). */
export const SERVICE_NAMES: readonly ServiceNames[] = [
  { service: 'acm', names: 'certificate manager acm', source: 'AWS Certificate Manager User Guide' },
  {
    service: 'acm-pca',
    names: 'private certificate authority private ca',
    source: 'AWS Private Certificate Authority User Guide',
  },
  {
    service: 'apigateway',
    names: 'api gateway rest api stage',
    source: 'Amazon API Gateway Developer Guide, REST APIs',
  },
  {
    service: 'apigatewayv2',
    names: 'api gateway http websocket api stage',
    source: 'Amazon API Gateway Developer Guide, HTTP APIs and WebSocket APIs',
  },
  {
    service: 'autoscaling',
    names: 'ec2 auto scaling group launch configuration',
    source: 'Amazon EC2 Auto Scaling User Guide',
  },
  { service: 'backup', names: 'aws backup vault plan', source: 'AWS Backup Developer Guide' },
  {
    service: 'cloudfront',
    names: 'cloudfront cdn content delivery network',
    source: 'Amazon CloudFront Developer Guide',
  },
  { service: 'cloudwatch', names: 'cloudwatch alarms metrics', source: 'Amazon CloudWatch User Guide' },
  { service: 'cognito-idp', names: 'cognito user pool', source: 'Amazon Cognito Developer Guide, User pools' },
  {
    service: 'dax',
    names: 'dynamodb accelerator dax',
    source: 'Amazon DynamoDB Developer Guide, DynamoDB Accelerator',
  },
  { service: 'dms', names: 'database migration service dms', source: 'AWS Database Migration Service User Guide' },
  { service: 'docdb', names: 'documentdb mongodb compatibility', source: 'Amazon DocumentDB Developer Guide' },
  { service: 'dynamodb', names: 'dynamodb dynamo table', source: 'Amazon DynamoDB Developer Guide' },
  {
    service: 'ec2',
    names:
      'elastic compute cloud ec2 instance elastic block store ebs volume snapshot ami amazon machine image ' +
      'virtual private cloud vpc subnet security group network acl flow logs site to site vpn transit gateway',
    source: 'Amazon EC2 User Guide; Amazon EBS User Guide; Amazon VPC User Guide; AWS Site-to-Site VPN User Guide',
  },
  {
    service: 'ecr',
    names: 'elastic container registry ecr image repository',
    source: 'Amazon ECR User Guide',
  },
  {
    service: 'ecs',
    names: 'elastic container service ecs fargate task definition cluster',
    source: 'Amazon ECS Developer Guide',
  },
  { service: 'efs', names: 'elastic file system efs', source: 'Amazon EFS User Guide' },
  { service: 'eks', names: 'elastic kubernetes service eks kubernetes cluster', source: 'Amazon EKS User Guide' },
  {
    service: 'elasticache',
    names: 'elasticache redis oss valkey memcached cache cluster',
    source: 'Amazon ElastiCache User Guide',
  },
  {
    service: 'elasticbeanstalk',
    names: 'elastic beanstalk environment',
    source: 'AWS Elastic Beanstalk Developer Guide',
  },
  {
    service: 'elb',
    names: 'classic load balancer clb',
    source: 'Elastic Load Balancing User Guide for Classic Load Balancers',
  },
  {
    service: 'elbv2',
    names: 'application load balancer network load balancer gateway load balancer alb nlb',
    source: 'Elastic Load Balancing User Guides for Application, Network and Gateway Load Balancers',
  },
  { service: 'emr', names: 'emr elastic mapreduce hadoop spark cluster', source: 'Amazon EMR Management Guide' },
  {
    service: 'es',
    names: 'elasticsearch service opensearch domain',
    source: 'Amazon OpenSearch Service Developer Guide (formerly Amazon Elasticsearch Service)',
  },
  { service: 'events', names: 'eventbridge cloudwatch events rule', source: 'Amazon EventBridge User Guide' },
  {
    service: 'firehose',
    names: 'data firehose kinesis data firehose delivery stream',
    source: 'Amazon Data Firehose Developer Guide',
  },
  { service: 'iam', names: 'identity and access management iam', source: 'AWS IAM User Guide' },
  { service: 'inspector2', names: 'amazon inspector', source: 'Amazon Inspector User Guide' },
  {
    service: 'kafka',
    names: 'msk managed streaming for apache kafka cluster',
    source: 'Amazon MSK Developer Guide',
  },
  { service: 'kinesis', names: 'kinesis data streams stream', source: 'Amazon Kinesis Data Streams Developer Guide' },
  { service: 'kms', names: 'key management service kms key', source: 'AWS KMS Developer Guide' },
  { service: 'lambda', names: 'lambda function', source: 'AWS Lambda Developer Guide' },
  { service: 'logs', names: 'cloudwatch logs log group', source: 'Amazon CloudWatch Logs User Guide' },
  { service: 'macie2', names: 'amazon macie', source: 'Amazon Macie User Guide' },
  { service: 'mq', names: 'amazon mq activemq rabbitmq broker', source: 'Amazon MQ Developer Guide' },
  {
    service: 'network-firewall',
    names: 'network firewall firewall policy',
    source: 'AWS Network Firewall Developer Guide',
  },
  {
    service: 'opensearch',
    names: 'opensearch service elasticsearch domain',
    source: 'Amazon OpenSearch Service Developer Guide',
  },
  {
    service: 'rds',
    names: 'relational database service rds aurora mysql postgresql mariadb oracle sql server db instance cluster',
    source: 'Amazon RDS User Guide; Amazon Aurora User Guide',
  },
  { service: 'redshift', names: 'redshift data warehouse cluster', source: 'Amazon Redshift Management Guide' },
  { service: 's3', names: 'simple storage service s3 bucket object', source: 'Amazon S3 User Guide' },
  {
    service: 's3control',
    names: 's3 block public access account access point',
    source: 'Amazon S3 User Guide, Blocking public access; Access points',
  },
  { service: 'sagemaker', names: 'sagemaker ai autopilot', source: 'Amazon SageMaker AI Developer Guide' },
  { service: 'secretsmanager', names: 'secrets manager secret', source: 'AWS Secrets Manager User Guide' },
  {
    service: 'shield',
    names: 'shield advanced ddos shield response team srt drt ddos response team',
    source: 'AWS Shield Advanced Developer Guide',
  },
  { service: 'sns', names: 'simple notification service sns topic', source: 'Amazon SNS Developer Guide' },
  { service: 'sqs', names: 'simple queue service sqs queue', source: 'Amazon SQS Developer Guide' },
  {
    service: 'ssm',
    names: 'systems manager ssm parameter store session manager patch manager document',
    source: 'AWS Systems Manager User Guide',
  },
  { service: 'stepfunctions', names: 'step functions state machine', source: 'AWS Step Functions Developer Guide' },
  { service: 'transfer', names: 'transfer family sftp ftps server', source: 'AWS Transfer Family User Guide' },
  { service: 'waf', names: 'waf classic', source: 'AWS WAF Classic Developer Guide' },
  { service: 'waf-regional', names: 'waf classic regional', source: 'AWS WAF Classic Developer Guide' },
  { service: 'wafv2', names: 'waf web acl', source: 'AWS WAF Developer Guide, Web ACLs' },
  { service: 'xray', names: 'x ray xray tracing', source: 'AWS X-Ray Developer Guide' },
];

const BY_SERVICE = new Map(SERVICE_NAMES.map((entry) => [entry.service, entry.names]));

/** The documented names of a boto3 client ('' when the table has none). */
export function documentedNames(service: string): string {
  return BY_SERVICE.get(service) ?? '';
}
