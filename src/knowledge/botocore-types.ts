/**
 * The subset of botocore's `service-2.json` format that gherkin-bench reads.
 * See botocore/data/<service>/<api-version>/service-2.json.
 */

/** A member of a structure shape. */
export interface BotocoreMemberRef {
  shape: string;
  documentation?: string;
  locationName?: string;
  deprecated?: boolean;
}

/** One shape of a service model (structure, list, map or scalar). */
export interface BotocoreShape {
  type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'boolean'
    | 'timestamp'
    | 'blob'
    | 'double'
    | 'float'
    | 'union'
    | string;
  members?: Record<string, BotocoreMemberRef>;
  member?: BotocoreMemberRef;
  key?: BotocoreMemberRef;
  value?: BotocoreMemberRef;
  enum?: string[];
  required?: string[];
  documentation?: string;
  union?: boolean;
  exception?: boolean;
  deprecated?: boolean;
}

/** One operation of a service model. */
export interface BotocoreOperation {
  name: string;
  http?: { method?: string; requestUri?: string };
  input?: { shape: string };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
  documentation?: string;
  deprecated?: boolean;
}

/** A parsed service-2.json. */
export interface BotocoreServiceModel {
  metadata: {
    apiVersion: string;
    serviceId?: string;
    serviceFullName?: string;
    serviceAbbreviation?: string;
    endpointPrefix?: string;
    protocol?: string;
    [key: string]: unknown;
  };
  operations: Record<string, BotocoreOperation>;
  shapes: Record<string, BotocoreShape>;
  documentation?: string;
}
