/**
 * A local OpenAI-compatible chat endpoint for tests: a plain HTTP server on 127.0.0.1 that
 * records each request body (with its path) and answers with `reply(body)` (default: an empty
 * 200). What promptfoo's `openai:` providers (through `apiBaseUrl`) and its `http` provider talk to.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running local chat server. */
export interface LocalChatServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request body received, in order, with its `path`. */
  bodies: Record<string, unknown>[];
  /** The answer to a request body; replace it to script the server. */
  reply: (body: Record<string, unknown>) => { status: number; json: unknown };
  close(): Promise<void>;
}

/** Start a server on a free port of 127.0.0.1. */
export async function startLocalChatServer(): Promise<LocalChatServer> {
  const state: LocalChatServer = {
    url: '',
    bodies: [],
    reply: () => ({ status: 200, json: {} }),
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      state.bodies.push({ ...body, path: req.url });
      const { status, json } = state.reply(body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** An OpenAI chat-completion reply carrying `content`. */
export function chatCompletion(content: string, model = 'gpt-4o-mini') {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
  };
}
