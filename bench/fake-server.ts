/**
 * The fake Bedrock Runtime as the engine benchmarks use it: in its own process on 127.0.0.1
 * (load.ts's `startFakeProcess`, fake-bedrock-server.ts), with a fixed latency per call, and a
 * case runner whose Bedrock provider is the real registry's SDK client signing with fake
 * credentials (nothing is read from this shell).
 */
import type { RunPlan } from '../src/config/plan.js';
import { resolveProvider } from '../src/generation/providers/registry.js';
import type { ModelProvider } from '../src/generation/providers/types.js';
import { type CaseRunner, createCaseRunner } from '../src/run/case-runner.js';
import { FAKE_CREDENTIALS } from '../test/support/fake-bedrock.js';
import { startFakeProcess } from './load.js';

/** The Bedrock model the benchmarks name (a real id, so the provider takes its real code path). */
export const BENCH_MODEL = 'bedrock:anthropic.claude-3-5-haiku-20241022-v1:0';

/** A fake Bedrock Runtime in a child process. */
export type FakeServer = Awaited<ReturnType<typeof startFakeProcess>>;

/** Start the fake answering every call after `delayMs`. */
export function startFakeServer(delayMs: number): Promise<FakeServer> {
  return startFakeProcess(delayMs);
}

/** The environment a plan against the fake needs (no credentials: those go to the provider). */
export function fakeEnv(server: FakeServer): Record<string, string> {
  return { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: server.url, AWS_REGION: 'us-east-1' };
}

/** The registry's Bedrock provider for {@link BENCH_MODEL}, pointed at the fake, signing with fake credentials. */
export function fakeBedrockProvider(server: FakeServer): Promise<ModelProvider> {
  return resolveProvider(BENCH_MODEL, { env: fakeEnv(server), credentials: FAKE_CREDENTIALS });
}

/**
 * The plan's case runner, its Bedrock provider (default: {@link fakeBedrockProvider}) under the
 * plan's call cache.
 */
export async function fakeBedrockRunner(
  plan: RunPlan,
  server: FakeServer,
  provider?: ModelProvider,
): Promise<CaseRunner> {
  const bedrock = provider ?? (await fakeBedrockProvider(server));
  return createCaseRunner(plan, { wrapProvider: (p) => (p.id.startsWith('bedrock') ? bedrock : p) });
}
