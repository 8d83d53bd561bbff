/**
 * Loading promptfoo safely. promptfoo reads its settings from environment variables when it is
 * first imported, so they are set here BEFORE the (only) import: telemetry and update checks off,
 * its config folder inside the project (or the caller's), its log lines on stderr (stdout stays
 * ours, e.g. for --json). promptfoo 0.121 still POSTs one "telemetry disabled" event to
 * r.promptfoo.app on every evaluate() even with telemetry off; that event is marked as already
 * sent on its telemetry singleton, so a run makes no network request of promptfoo's own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** promptfoo's Node API, as gherkin-bench uses it. */
export type Promptfoo = typeof import('promptfoo');

/** Options of {@link loadPromptfoo}. */
export interface PromptfooSetup {
  /**
   * promptfoo's config folder (its database lives there when --promptfoo-db is asked); undefined
   * leaves promptfoo's own default (~/.promptfoo), where `npx promptfoo view` looks.
   */
  configDir?: string;
  /** promptfoo's own cache folder. */
  cachePath: string;
}

let loaded: Promise<{ promptfoo: Promptfoo; telemetryMuted: boolean }> | undefined;

/**
 * Set promptfoo's environment and import it (once per process; later calls return the same
 * module and ignore `setup`). `telemetryMuted` is false if the telemetry singleton could not be
 * found (a different promptfoo build); the engine reports that.
 */
export function loadPromptfoo(setup: PromptfooSetup): Promise<{ promptfoo: Promptfoo; telemetryMuted: boolean }> {
  loaded ??= (async () => {
    const env = process.env;
    env.PROMPTFOO_DISABLE_TELEMETRY = '1';
    env.PROMPTFOO_DISABLE_UPDATE = '1';
    if (setup.configDir !== undefined) env.PROMPTFOO_CONFIG_DIR = setup.configDir;
    env.PROMPTFOO_CACHE_PATH ??= setup.cachePath;
    env.PROMPTFOO_LOG_TO_STDERR ??= 'true';
    const promptfoo = (await import('promptfoo')) as Promptfoo;
    await quietDebugLog();
    return { promptfoo, telemetryMuted: await muteTelemetryEvent() };
  })();
  return loaded;
}

type LogMethod = (...args: unknown[]) => void;

/**
 * One of promptfoo's bundled chunks (`./<name>-<hash>.js`, as its index.js imports it), or
 * undefined when the index names no such chunk (a different promptfoo build).
 */
async function importPromptfooChunk(name: 'logger' | 'telemetry'): Promise<Record<string, unknown> | undefined> {
  const dir = dirname(createRequire(import.meta.url).resolve('promptfoo'));
  const index = readFileSync(join(dir, 'index.js'), 'utf8');
  const chunk = new RegExp(`from "\\./(${name}-[\\w-]+\\.js)"`).exec(index)?.[1];
  if (!chunk) return undefined;
  return (await import(pathToFileURL(join(dir, chunk)).href)) as Record<string, unknown>;
}

/**
 * Make promptfoo's `logger.debug` return at once unless promptfoo logs at debug level. In promptfoo
 * 0.121 every debug call, with debug logging off, still captures a stack trace, sanitises and
 * serialises its context, and retries `import('source-map-support')` — a devDependency of
 * promptfoo, so not installed: the import fails and is tried again on the next call. Profiled,
 * that was a third of the time of an evaluate() over no-op cases, more of it in our engine than in
 * a bare evaluate(). True when the logger was found (a different promptfoo build keeps its own).
 */
async function quietDebugLog(): Promise<boolean> {
  try {
    const mod = await importPromptfooChunk('logger');
    if (!mod) return false;
    const values = Object.values(mod);
    const isDebugEnabled = values.find(
      (value): value is () => boolean => typeof value === 'function' && value.name === 'isDebugEnabled',
    );
    const logger = values.find((value): value is Record<'debug' | 'info' | 'warn' | 'error', LogMethod> => {
      const v = value as Record<string, unknown> | null;
      return (
        !!v && typeof v === 'object' && ['debug', 'info', 'warn', 'error'].every((k) => typeof v[k] === 'function')
      );
    });
    if (!isDebugEnabled || !logger) return false;
    const debug = logger.debug;
    logger.debug = (...args: unknown[]) => {
      if (isDebugEnabled()) debug(...args);
    };
    return true;
  } catch {
    return false;
  }
}

/** Mark promptfoo's one-off "telemetry disabled" event as sent. True when it worked. */
async function muteTelemetryEvent(): Promise<boolean> {
  try {
    const mod = await importPromptfooChunk('telemetry');
    if (!mod) return false;
    for (const value of Object.values(mod)) {
      const candidate = value as { telemetryDisabledRecorded?: unknown } | null;
      if (candidate && typeof candidate === 'object' && typeof candidate.telemetryDisabledRecorded === 'boolean') {
        candidate.telemetryDisabledRecorded = true;
        return true;
      }
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * promptfoo's folders when it is loaded outside a run (e.g. a promptfoo model id used by
 * `judge calibrate`): the caller's PROMPTFOO_CONFIG_DIR / PROMPTFOO_CACHE_PATH, else a folder
 * under the project's `.cache/gherkin-bench/` — never the user's home.
 */
export function defaultPromptfooSetup(
  env: Readonly<Record<string, string | undefined>> = {},
  cwd = '.',
): PromptfooSetup {
  const ownDir = resolve(cwd, '.cache', 'gherkin-bench', 'promptfoo');
  return {
    configDir: env.PROMPTFOO_CONFIG_DIR ?? ownDir,
    cachePath: env.PROMPTFOO_CACHE_PATH ?? join(ownDir, 'cache'),
  };
}
