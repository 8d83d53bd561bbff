/**
 * Fault injection on top of the fake Bedrock Runtime, deterministic under any concurrency: every
 * logical model call carries a marker (its case and call index, or a hash of a judge request),
 * and the fault of each attempt is drawn from a hash of (seed, marker, attempt number). So the
 * same experiment always meets the same faults, whatever order the cases run in.
 */
import { createHash } from 'node:crypto';
import type { ModelProvider } from '../../src/generation/providers/types.js';
import type { FakeBedrock, FakeReply, FakeRequest } from '../support/fake-bedrock.js';
import { reply } from '../support/fake-bedrock.js';
import { NOTEBOOK_GOLD } from '../support/notebook-gold.js';

/** Per-attempt fault rates (the rest are answered normally). */
export interface FaultRates {
  throttle: number;
  serverError: number;
  timeout: number;
  malformed: number;
  truncated: number;
}

/** The issue's mix: 30% throttling, 5% 5xx, 2% timeouts, and some malformed or truncated bodies. */
export const ISSUE_FAULTS: FaultRates = {
  throttle: 0.3,
  serverError: 0.05,
  timeout: 0.02,
  malformed: 0.02,
  truncated: 0.02,
};

const MARKER = /\[gb-call ([^\]]+)\]/;

/** A canonical gherkin the fake answers generation calls with. */
export const FAKE_GHERKIN = NOTEBOOK_GOLD.replace('@control:SageMaker.1', '@control:SageMaker.2');

/** A uniform number in [0, 1) from a string. */
export function hashUniform(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/** What the responder saw: attempts per marker, and the faults it injected by kind. */
export interface FaultLog {
  attempts: Map<string, number>;
  /** What each attempt of each marker got, in order. */
  history: Map<string, string[]>;
  injected: Record<keyof FaultRates | 'ok' | 'forced', number>;
}

/**
 * Install a seeded fault responder on `fake`. `forceFailure(request)` true makes that request
 * fail every attempt with a non-retryable `ValidationException` (a deterministic failed case).
 */
export function injectFaults(
  fake: FakeBedrock,
  options: {
    seed: string;
    rates: FaultRates;
    delayMs?: number;
    forceFailure?: (request: FakeRequest) => boolean;
  },
): FaultLog {
  const log: FaultLog = {
    attempts: new Map(),
    history: new Map(),
    injected: { throttle: 0, serverError: 0, timeout: 0, malformed: 0, truncated: 0, ok: 0, forced: 0 },
  };
  fake.respond((request) => {
    const marker = MARKER.exec(request.rawBody)?.[1] ?? `unmarked:${request.rawBody.length}`;
    const attempt = (log.attempts.get(marker) ?? 0) + 1;
    log.attempts.set(marker, attempt);
    if (options.forceFailure?.(request)) {
      log.injected.forced++;
      log.history.set(marker, [...(log.history.get(marker) ?? []), 'forced']);
      return reply.error('ValidationException', 'The provided model identifier is invalid (forced by the test).');
    }
    const u = hashUniform(`${options.seed}\u0000${marker}\u0000${attempt}`);
    const r = options.rates;
    const bands: [keyof FaultRates, number, () => FakeReply][] = [
      ['throttle', r.throttle, reply.throttle],
      ['serverError', r.serverError, () => (attempt % 2 ? reply.internal() : reply.unavailable())],
      ['timeout', r.timeout, reply.hang],
      ['malformed', r.malformed, () => reply.malformed()],
      ['truncated', r.truncated, reply.truncated],
    ];
    let edge = 0;
    for (const [kind, rate, make] of bands) {
      edge += rate;
      if (u < edge) return count(kind, make(), marker);
    }
    log.injected.ok++;
    log.history.set(marker, [...(log.history.get(marker) ?? []), 'ok']);
    const delay = options.delayMs ?? 0;
    if (request.body?.toolConfig) return undefined; // structured output: the fake samples the schema
    return reply.text(`Here is the control:\n\n\`\`\`gherkin\n${FAKE_GHERKIN}\`\`\`\n`, { delayMs: delay });
  });
  function count(kind: keyof FaultRates, answer: FakeReply, marker: string): FakeReply {
    log.injected[kind]++;
    log.history.set(marker, [...(log.history.get(marker) ?? []), kind]);
    return answer;
  }
  return log;
}

/** Logical calls a marking provider made, by owner (the case key, or `judge`). */
export type CallLog = Map<string, string[]>;

/**
 * Wrap a provider so each logical call carries a marker in its last message (the responder
 * reads it). Generation calls are marked by case key and call index; judge calls (which carry
 * no case key) by a hash of the request.
 */
export function marking(provider: ModelProvider, log: CallLog): ModelProvider {
  return {
    id: provider.id,
    ...(provider.version === undefined ? {} : { version: provider.version }),
    call: (request, options) => {
      const owner = options?.caseId ?? 'judge';
      const calls = log.get(owner) ?? [];
      log.set(owner, calls);
      let marker = `${owner}:${calls.length}`;
      if (owner === 'judge') {
        // Judge calls run concurrently: name them by content (and repeats of the same content).
        const hash = createHash('sha256').update(JSON.stringify(request.messages)).digest('hex').slice(0, 16);
        marker = `judge:${hash}:${calls.filter((c) => c.startsWith(`judge:${hash}:`)).length}`;
      }
      calls.push(marker);
      const messages = request.messages.map((m, i) =>
        i === request.messages.length - 1 ? { ...m, content: `${m.content}\n\n[gb-call ${marker}]` } : m,
      );
      return provider.call({ ...request, messages }, options);
    },
  };
}
