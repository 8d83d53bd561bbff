/**
 * The environment variables gherkin-bench reads, read here and nowhere else: the Bedrock endpoint
 * override, the region, and promptfoo's own `PROMPTFOO_*` settings. They are resolved into the run
 * plan; the rest of the code receives them as data.
 */

/** Variables passed on to providers (exact names). */
export const ENV_NAMES = [
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_BEDROCK',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
] as const;

/** Prefix of promptfoo's variables, passed on as well. */
export const PROMPTFOO_PREFIX = 'PROMPTFOO_';

/** What the run plan keeps of the environment. */
export interface RunEnv {
  /** The variables providers see (only the names above and `PROMPTFOO_*`). */
  vars: Record<string, string>;
  /** The Bedrock Runtime endpoint override, if any (service-specific variable first). */
  bedrockEndpoint: string | null;
  /** The AWS region, if set. */
  region: string | null;
}

/** Pick the variables gherkin-bench honours out of a whole environment. */
export function resolveEnv(env: Readonly<Record<string, string | undefined>>): RunEnv {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if ((ENV_NAMES as readonly string[]).includes(name) || name.startsWith(PROMPTFOO_PREFIX)) vars[name] = value;
  }
  return {
    vars,
    bedrockEndpoint: vars.AWS_ENDPOINT_URL_BEDROCK_RUNTIME ?? vars.AWS_ENDPOINT_URL ?? null,
    region: vars.AWS_REGION ?? vars.AWS_DEFAULT_REGION ?? null,
  };
}

/** The part of a {@link RunEnv} safe to record in a manifest (no PROMPTFOO_* values, which may hold keys). */
export function describeEnv(env: RunEnv): Record<string, unknown> {
  return {
    bedrockEndpoint: env.bedrockEndpoint,
    region: env.region,
    promptfooVariables: Object.keys(env.vars)
      .filter((n) => n.startsWith(PROMPTFOO_PREFIX))
      .sort(),
  };
}
