/**
 * The local labelling server (Node's http module): serves the page and a two-route API to one
 * annotator, bound to a loopback address only. Requests naming another Host (DNS rebinding) or
 * coming from another origin are refused; labels are appended to the annotator's file and
 * synced before the page is told they are saved.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { UserError } from '../errors.js';
import { readRun } from '../run/store.js';
import type { JudgeMode } from '../scoring/judge/prompt.js';
import { loadRubric, type Rubric } from '../scoring/judge/rubric.js';
import { labelPage, PAGE_CSP } from './page.js';
import { labellingDefaults, type SampledCase, sampleCases, sessionView } from './session.js';
import { checkAnnotator, LABEL_SCHEMA, type Label, type LabelValue, LabelWriter, labelFilePath } from './store.js';

/** The default bind address. */
export const DEFAULT_HOST = '127.0.0.1';
const MAX_BODY = 256 * 1024;

/** What {@link startLabelServer} needs. */
export interface LabelServerOptions {
  runDir: string;
  annotator: string;
  /** A rubric, or its name or path (default: the run's judge rubric, else `default`). */
  rubric?: Rubric | string;
  /** Default: the run's judge mode, else reference-guided (the gold is shown). */
  mode?: JudgeMode;
  seed: number;
  /** Cases in the sample (default 40). */
  sample?: number;
  /** Label file (default `<run-dir>/labels/<annotator>.jsonl`). */
  file?: string;
  /** A loopback address (default 127.0.0.1); anything else is refused. */
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** The clock (for tests). */
  now?: () => Date;
}

/** A running labelling server. */
export interface LabelServer {
  url: string;
  file: string;
  /** Cases in the sample and cases already fully labelled when it started. */
  cases: number;
  labelled: number;
  close(): Promise<void>;
}

/** True for a loopback address or `localhost`. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const version = isIP(host);
  if (version === 4) return host.startsWith('127.');
  if (version === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** Refuse a bind address that is not loopback: the page must never be reachable from the network. */
export function checkLoopback(host: string): string {
  if (!isLoopback(host))
    throw new UserError(
      'BAD_USAGE',
      `--host: ${host} is not a loopback address; the labelling server binds to 127.0.0.1, ::1 or localhost only`,
    );
  return host;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': PAGE_CSP,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const VALUES = new Set<unknown>([1, 2, 3, 4, 5, 'unsure']);

/** One posted label, checked against the session. */
interface Posted {
  sampled: SampledCase;
  criterion: string;
  value: LabelValue;
}

/** Check posted labels (`{labels: [{n, criterion, value}, …]}`) against the session; a string is what the page shows. */
function parsePosted(body: string, cases: readonly SampledCase[], rubric: Rubric): Posted[] | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'not JSON';
  }
  const labels = (value as { labels?: unknown } | null)?.labels;
  if (!Array.isArray(labels) || labels.length === 0) return 'expected {"labels": [...]}';
  const out: Posted[] = [];
  for (const entry of labels) {
    const posted = entry as { n?: unknown; criterion?: unknown; value?: unknown } | null;
    const sampled = typeof posted?.n === 'number' ? cases[posted.n] : undefined;
    if (!sampled) return 'unknown case';
    if (typeof posted?.criterion !== 'string' || !rubric.criteria.some((c) => c.id === posted.criterion))
      return 'unknown criterion';
    if (!VALUES.has(posted.value)) return 'value must be 1–5 or "unsure"';
    out.push({ sampled, criterion: posted.criterion, value: posted.value as LabelValue });
  }
  return out;
}

/** Start the labelling server for one annotator of a run. Resolves once it is listening. */
export async function startLabelServer(options: LabelServerOptions): Promise<LabelServer> {
  const host = checkLoopback(options.host ?? DEFAULT_HOST);
  const annotator = checkAnnotator(options.annotator);
  const run = await readRun(options.runDir);
  const defaults = labellingDefaults(run.manifest);
  const rubric = typeof options.rubric === 'object' ? options.rubric : loadRubric(options.rubric ?? defaults.rubric);
  const mode = options.mode ?? defaults.mode;
  const cases = sampleCases(run, {
    seed: options.seed,
    mode,
    ...(options.sample === undefined ? {} : { sample: options.sample }),
  });
  const file = options.file ?? labelFilePath(options.runDir, annotator);
  const { writer, existing } = await LabelWriter.open(file);
  const labels: Label[] = existing.labels.filter((l) => l.run === run.manifest.runId);
  const now = options.now ?? (() => new Date());
  const page = labelPage(annotator);
  let port = 0;
  const allowedHosts = (): Set<string> =>
    new Set([`${host.includes(':') ? `[${host}]` : host}:${port}`, `localhost:${port}`]);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts().has(hostHeader)) return send(res, 421, 'text/plain', 'wrong Host');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${hostHeader}`) return send(res, 403, 'text/plain', 'cross-origin');
    const path = new URL(req.url ?? '/', `http://${hostHeader}`).pathname;
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', page);
    if (req.method === 'GET' && path === '/api/session')
      return sendJson(res, 200, sessionView(annotator, mode, rubric, cases, labels));
    if (req.method === 'POST' && path === '/api/label') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(res, 415, 'text/plain', 'expected application/json');
      const posted = parsePosted(await readBody(req), cases, rubric);
      if (typeof posted === 'string') return send(res, 400, 'text/plain', posted);
      const at = now().toISOString();
      const given = posted.map(
        (p): Label => ({
          schema: LABEL_SCHEMA,
          run: run.manifest.runId,
          case: p.sampled.record.key,
          item: p.sampled.record.itemId,
          annotator,
          rubric: rubric.name,
          mode,
          criterion: p.criterion,
          value: p.value,
          at,
        }),
      );
      await writer.append(...given);
      labels.push(...given);
      return sendJson(res, 200, { saved: given.length });
    }
    return send(res, 404, 'text/plain', 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', (error as Error).message);
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (cause) {
    await writer.close();
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new UserError('BAD_USAGE', `--port: cannot listen on ${host}:${options.port ?? 0} (${code})`, { cause });
  }
  port = (server.address() as AddressInfo).port;
  const view = sessionView(annotator, mode, rubric, cases, labels);
  const labelled = Object.values(view.labels).filter((given) =>
    rubric.criteria.every((c) => given[c.id] !== undefined),
  ).length;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    file,
    cases: cases.length,
    labelled,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await writer.close();
    },
  };
}
