/**
 * The AWS Config configuration item of a resource type, read as the describe output botocore
 * defines for that type: a rule triggered by configuration changes reads `configuration.encrypted`
 * of an `AWS::EC2::Volume` item, which is `Volumes[].Encrypted` of `ec2.describe_volumes`. The step
 * grammar's `the configuration item's "Path"` form and grounding resolve such paths against this
 * call only (datasets/README.md, "The step grammar").
 */
import type { ServiceCatalog } from './catalog.js';

/**
 * Resource type → the call whose output describes its configuration item. Only types whose item
 * fields were checked against that output are listed (add a type with the gold that needs it).
 */
const CONFIGURATION_ITEM_CALLS: Readonly<Record<string, string>> = {
  'AWS::EC2::Volume': 'ec2.describe_volumes',
  'AWS::EC2::Instance': 'ec2.describe_instances',
  'AWS::EC2::SecurityGroup': 'ec2.describe_security_groups',
  // AWS Config's IAM items hold what GetAccountAuthorizationDetails returns for the entity
  // (configuration.attachedManagedPolicies[].policyArn, groupList[], userPolicyList[], …).
  'AWS::IAM::User': 'iam.get_account_authorization_details',
  'AWS::IAM::Role': 'iam.get_account_authorization_details',
  'AWS::IAM::Group': 'iam.get_account_authorization_details',
};

/**
 * The values of a configuration item's `configurationItemStatus` (`OK`, `ResourceDeleted`, …), read
 * from botocore's `config` model (shape `ConfigurationItemStatus`); none when the model lacks it.
 */
export function configurationItemStatuses(catalog: ServiceCatalog): string[] {
  if (!catalog.hasService('config')) return [];
  return catalog.service('config').model.shapes.ConfigurationItemStatus?.enum?.slice() ?? [];
}

/** The call describing a resource type's configuration item, when the table knows the type. */
export function configurationItemCall(resourceType: string): string | undefined {
  return CONFIGURATION_ITEM_CALLS[resourceType];
}

/** The resource types a control text names (`@resource:` tag, `Reports on:`, `resource type is …`). */
export function resourceTypesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/g)].map((m) => m[0]))];
}

/** The calls describing the configuration items of the resource types a text names. */
export function configurationItemCalls(text: string): string[] {
  return [
    ...new Set(
      resourceTypesIn(text)
        .map(configurationItemCall)
        .filter((c): c is string => c !== undefined),
    ),
  ];
}

/** Matches the words that open the form, right before its quoted path. */
export const CONFIGURATION_ITEM_WORDS = /\bthe configuration item's\s+"?$/i;
