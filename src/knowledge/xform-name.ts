/**
 * An exact port of botocore's `xform_name` (botocore/__init__.py), which turns an operation name
 * (`DescribeAutoMLJobV2`) into the boto3 method name (`describe_auto_ml_job_v2`).
 *
 * The reverse (method → operation) cannot be computed by title-casing; it is built per service
 * from the models (see `ServiceCatalog`).
 */

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
/** An acronym pluralised at the end of a name: GatewayARNs, ListWebACLs, SomeCNAMEs. */
const SPECIAL_CASE_TRANSFORM = /[A-Z]{2,}s$/;

/**
 * botocore's pre-populated `_xform_cache`: names the regular transformation gets wrong.
 * Kept in the order botocore lists them; each maps to the '_'-separated form (the '-' form is the
 * same with dashes).
 */
const SPECIAL_CASES: Readonly<Record<string, string>> = {
  CreateCachediSCSIVolume: 'create_cached_iscsi_volume',
  DescribeCachediSCSIVolumes: 'describe_cached_iscsi_volumes',
  DescribeStorediSCSIVolumes: 'describe_stored_iscsi_volumes',
  CreateStorediSCSIVolume: 'create_stored_iscsi_volume',
  ListHITsForQualificationType: 'list_hits_for_qualification_type',
  ExecutePartiQLStatement: 'execute_partiql_statement',
  ExecutePartiQLTransaction: 'execute_partiql_transaction',
  ExecutePartiQLBatch: 'execute_partiql_batch',
  CreateOAuth2Token: 'create_oauth2_token',
  CreateOAuth2TokenWithIAM: 'create_oauth2_token_with_iam',
  IntrospectOAuth2TokenWithIAM: 'introspect_oauth2_token_with_iam',
  RevokeOAuth2TokenWithIAM: 'revoke_oauth2_token_with_iam',
  AssociateWhatsAppBusinessAccount: 'associate_whatsapp_business_account',
  CreateWhatsAppFlow: 'create_whatsapp_flow',
  CreateWhatsAppMessageTemplate: 'create_whatsapp_message_template',
  CreateWhatsAppMessageTemplateFromLibrary: 'create_whatsapp_message_template_from_library',
  CreateWhatsAppMessageTemplateMedia: 'create_whatsapp_message_template_media',
  DeleteWhatsAppFlow: 'delete_whatsapp_flow',
  DeleteWhatsAppMessageMedia: 'delete_whatsapp_message_media',
  DeleteWhatsAppMessageTemplate: 'delete_whatsapp_message_template',
  DeprecateWhatsAppFlow: 'deprecate_whatsapp_flow',
  DisassociateWhatsAppBusinessAccount: 'disassociate_whatsapp_business_account',
  GetLinkedWhatsAppBusinessAccount: 'get_linked_whatsapp_business_account',
  GetLinkedWhatsAppBusinessAccountPhoneNumber: 'get_linked_whatsapp_business_account_phone_number',
  GetOTelEnrichment: 'get_otel_enrichment',
  GetWhatsAppFlow: 'get_whatsapp_flow',
  GetWhatsAppFlowPreview: 'get_whatsapp_flow_preview',
  GetWhatsAppMessageMedia: 'get_whatsapp_message_media',
  GetWhatsAppMessageTemplate: 'get_whatsapp_message_template',
  ListLinkedWhatsAppBusinessAccounts: 'list_linked_whatsapp_business_accounts',
  ListWhatsAppFlowAssets: 'list_whatsapp_flow_assets',
  ListWhatsAppFlows: 'list_whatsapp_flows',
  ListWhatsAppMessageTemplates: 'list_whatsapp_message_templates',
  ListWhatsAppTemplateLibrary: 'list_whatsapp_template_library',
  PostWhatsAppMessageMedia: 'post_whatsapp_message_media',
  PublishWhatsAppFlow: 'publish_whatsapp_flow',
  PutWhatsAppBusinessAccountEventDestinations: 'put_whatsapp_business_account_event_destinations',
  SendWhatsAppMessage: 'send_whatsapp_message',
  StartOTelEnrichment: 'start_otel_enrichment',
  StopOTelEnrichment: 'stop_otel_enrichment',
  UpdateWhatsAppFlow: 'update_whatsapp_flow',
  UpdateWhatsAppFlowAssets: 'update_whatsapp_flow_assets',
  UpdateWhatsAppMessageTemplate: 'update_whatsapp_message_template',
};

const cache = new Map<string, string>();

/**
 * Convert a CamelCase name to boto3's snake_case (or another separator), exactly as botocore does.
 * Names that already contain the separator are returned unchanged.
 */
export function xformName(name: string, sep = '_'): string {
  if (name.includes(sep)) return name;
  const key = `${name}\u0000${sep}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const special = SPECIAL_CASES[name];
  let result: string;
  if (special !== undefined) {
    result = sep === '_' ? special : special.replaceAll('_', sep);
  } else {
    let working = name;
    const match = SPECIAL_CASE_TRANSFORM.exec(working);
    if (match) {
      const matched = match[0];
      // botocore: name[:-len(matched)] + sep + matched.lower()
      working = `${working.slice(0, working.length - matched.length)}${sep}${matched.toLowerCase()}`;
    }
    const s1 = working.replace(FIRST_CAP, `$1${sep}$2`);
    result = s1.replace(END_CAP, `$1${sep}$2`).toLowerCase();
  }
  cache.set(key, result);
  return result;
}
