/**
 * The service catalog: every botocore service, loaded lazily and cached, with boto3 method names
 * mapped both ways (operation ↔ method). The reverse map is built from each model, never by
 * title-casing.
 */
import { UserError } from '../errors.js';
import { type BotocoreSource, openBotocoreSource } from './botocore-source.js';
import type { BotocoreOperation, BotocoreServiceModel } from './botocore-types.js';
import { didYouMean } from './suggest.js';
import { xformName } from './xform-name.js';

/** One service's API: its model and its names. */
export interface ServiceApi {
  /** boto3 client name, e.g. `sagemaker`. */
  readonly name: string;
  readonly apiVersion: string;
  /** e.g. "Amazon SageMaker Service". */
  readonly fullName: string;
  readonly model: BotocoreServiceModel;
  /** Operation names (PascalCase), sorted. */
  operations(): string[];
  /** boto3 method names (snake_case), sorted. */
  methods(): string[];
  /** The boto3 method of an operation. */
  methodOf(operation: string): string;
  /** The operation for a method or operation name, or undefined. */
  resolveOperation(methodOrOperation: string): string | undefined;
  /** The operation for a method or operation name; throws a UserError with suggestions. */
  operation(methodOrOperation: string): BotocoreOperation;
}

/** All services of the pinned botocore models. */
export interface ServiceCatalog {
  /** The model package version. */
  readonly version: string;
  /** Every service name, sorted. */
  services(): string[];
  hasService(name: string): boolean;
  /** Load (once) and return a service; throws a UserError naming the closest services. */
  service(name: string): ServiceApi;
  /**
   * Load (once) several services, or all when `names` is omitted, in one pass over the model zip.
   * Throws a UserError for an unknown name.
   */
  loadMany(names?: string[]): ServiceApi[];
}

function buildServiceApi(name: string, model: BotocoreServiceModel): ServiceApi {
  const operationNames = Object.keys(model.operations).sort();
  const methodToOperation = new Map<string, string>();
  const operationToMethod = new Map<string, string>();
  for (const op of operationNames) {
    const method = xformName(op);
    methodToOperation.set(method, op);
    operationToMethod.set(op, method);
  }
  const methods = [...methodToOperation.keys()].sort();
  const resolveOperation = (id: string): string | undefined => (model.operations[id] ? id : methodToOperation.get(id));
  return {
    name,
    apiVersion: model.metadata.apiVersion,
    fullName: model.metadata.serviceFullName ?? name,
    model,
    operations: () => operationNames.slice(),
    methods: () => methods.slice(),
    methodOf: (op) => operationToMethod.get(op) ?? xformName(op),
    resolveOperation,
    operation(id) {
      const op = resolveOperation(id);
      if (!op) {
        throw new UserError(
          'NOT_FOUND',
          `unknown operation "${id}" in service "${name}"${didYouMean(id, [...methods, ...operationNames])}`,
        );
      }
      return model.operations[op] as BotocoreOperation;
    },
  };
}

/** Build a catalog over a botocore source (lazy: nothing is parsed until asked). */
export function createCatalog(source: BotocoreSource): ServiceCatalog {
  const loaded = new Map<string, ServiceApi>();
  const names = source.services();
  const known = new Set(names);
  return {
    version: source.version,
    services: () => names.slice(),
    hasService: (name) => known.has(name),
    service(name) {
      const hit = loaded.get(name);
      if (hit) return hit;
      if (!known.has(name)) throw new UserError('NOT_FOUND', `unknown service "${name}"${didYouMean(name, names)}`);
      const api = buildServiceApi(name, source.readModel(name));
      loaded.set(name, api);
      return api;
    },
    loadMany(wanted = names) {
      for (const name of wanted)
        if (!known.has(name)) throw new UserError('NOT_FOUND', `unknown service "${name}"${didYouMean(name, names)}`);
      const missing = wanted.filter((name) => !loaded.has(name));
      if (missing.length > 0) {
        for (const [name, model] of source.readModels(missing)) loaded.set(name, buildServiceApi(name, model));
      }
      return wanted.map((name) => loaded.get(name) as ServiceApi);
    },
  };
}

let defaultInstance: ServiceCatalog | undefined;

/** The process-wide catalog over the installed, pinned model package. */
export function defaultCatalog(): ServiceCatalog {
  defaultInstance ??= createCatalog(openBotocoreSource());
  return defaultInstance;
}
