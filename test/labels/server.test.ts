import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { isLoopback, type LabelServer, startLabelServer } from '../../src/labels/server.js';
import { readLabelFile } from '../../src/labels/store.js';
import { syntheticRun, writeRunDir } from '../support/synthetic-run.js';

function runDir(): string {
  const run = syntheticRun({ items: 6, seed: 2, model: 'bedrock:secret-model' });
  return writeRunDir(mkdtempSync(join(tmpdir(), 'gb-label-run-')), run);
}

/** A raw request, so tests can send headers fetch() will not let them forge (Host). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (server: LabelServer, value: unknown) =>
  raw(`${server.url}api/label`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ labels: [value] }),
  });

describe('labelling server', () => {
  const open: LabelServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('refuses to bind to an address that is not loopback', async () => {
    const dir = runDir();
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      const error = await startLabelServer({ runDir: dir, annotator: 'alice', seed: 1, host }).catch((e) => e);
      expect(isUserError(error)).toBe(true);
      expect(error.message).toMatch(/not a loopback address/);
    }
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
  });

  it('serves a blind session: no model, variant or case key reaches the page', async () => {
    const server = await startLabelServer({ runDir: runDir(), annotator: 'alice', seed: 3, sample: 5 });
    open.push(server);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await raw(server.url);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'none'; script-src 'sha256-/);
    const session = await raw(`${server.url}api/session`);
    const view = JSON.parse(session.body);
    expect(view.cases).toHaveLength(5);
    expect(view.cases[0].gold).toBeDefined();
    expect(view.criteria.map((c: { id: string }) => c.id)).toContain('correctness');
    expect(session.body).not.toMatch(/secret-model|"variant"|"model"|"key"|cot\+rag|\|none\|/);
  });

  it('shuffles with the seed: the same seed gives the same order, another seed another', async () => {
    const dir = runDir();
    const order = async (seed: number, annotator: string) => {
      const server = await startLabelServer({ runDir: dir, annotator, seed, sample: 20 });
      open.push(server);
      const view = JSON.parse((await raw(`${server.url}api/session`)).body);
      return view.cases.map((c: { candidate: string; requirement: string }) => c.requirement + c.candidate);
    };
    const a = await order(5, 'a');
    expect(await order(5, 'b')).toEqual(a);
    expect(await order(6, 'c')).not.toEqual(a);
  });

  it('saves each label to the annotator file with its case key, and resumes from it', async () => {
    const dir = runDir();
    const server = await startLabelServer({
      runDir: dir,
      annotator: 'alice',
      seed: 1,
      sample: 3,
      mode: 'reference-free',
    });
    expect((await post(server, { n: 0, criterion: 'correctness', value: 4 })).status).toBe(200);
    expect((await post(server, { n: 0, criterion: 'clarity', value: 'unsure' })).status).toBe(200);
    const labels = (await readLabelFile(join(dir, 'labels', 'alice.jsonl'))).labels;
    expect(labels.map((l) => [l.criterion, l.value, l.mode])).toEqual([
      ['correctness', 4, 'reference-free'],
      ['clarity', 'unsure', 'reference-free'],
    ]);
    expect(labels[0]?.case).toMatch(/\|bedrock:secret-model\|/);
    await server.close();
    const again = await startLabelServer({
      runDir: dir,
      annotator: 'alice',
      seed: 1,
      sample: 3,
      mode: 'reference-free',
    });
    open.push(again);
    const view = JSON.parse((await raw(`${again.url}api/session`)).body);
    expect(view.labels).toEqual({ 0: { correctness: 4, clarity: 'unsure' } });
    expect(view.cases[0].gold).toBeUndefined();
  });

  it('refuses bad labels (a bad batch writes nothing), a foreign Host (DNS rebinding) and cross-origin posts', async () => {
    const dir = runDir();
    const server = await startLabelServer({ runDir: dir, annotator: 'alice', seed: 1, sample: 2 });
    open.push(server);
    expect((await post(server, { n: 9, criterion: 'correctness', value: 4 })).status).toBe(400);
    expect((await post(server, { n: 0, criterion: 'nope', value: 4 })).status).toBe(400);
    expect((await post(server, { n: 0, criterion: 'correctness', value: 6 })).status).toBe(400);
    const batch = await raw(`${server.url}api/label`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        labels: [
          { n: 0, criterion: 'correctness', value: 4 },
          { n: 0, criterion: 'clarity', value: 9 },
        ],
      }),
    });
    expect(batch.status).toBe(400);
    expect(
      existsSync(join(dir, 'labels', 'alice.jsonl')) ? readFileSync(join(dir, 'labels', 'alice.jsonl'), 'utf8') : '',
    ).toBe('');
    const port = new URL(server.url).port;
    expect((await raw(server.url, { headers: { host: `evil.example:${port}` } })).status).toBe(421);
    const crossOrigin = await raw(`${server.url}api/label`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ labels: [{ n: 0, criterion: 'correctness', value: 4 }] }),
    });
    expect(crossOrigin.status).toBe(403);
    const form = await raw(`${server.url}api/label`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('lets two annotators label at once without touching each other, and keeps one server per annotator', async () => {
    const dir = runDir();
    const alice = await startLabelServer({ runDir: dir, annotator: 'alice', seed: 1, sample: 6 });
    const bob = await startLabelServer({ runDir: dir, annotator: 'bob', seed: 1, sample: 6 });
    open.push(alice, bob);
    await expect(startLabelServer({ runDir: dir, annotator: 'alice', seed: 1 })).rejects.toThrow(
      /already being written/,
    );
    const criteria = ['correctness', 'completeness', 'specificity', 'testability', 'clarity'];
    await Promise.all(
      [alice, bob].flatMap((server, who) =>
        [0, 1, 2, 3, 4, 5].flatMap((n) =>
          criteria.map((criterion) => post(server, { n, criterion, value: ((n + who) % 5) + 1 })),
        ),
      ),
    );
    const a = (await readLabelFile(join(dir, 'labels', 'alice.jsonl'))).labels;
    const b = (await readLabelFile(join(dir, 'labels', 'bob.jsonl'))).labels;
    expect(a).toHaveLength(30);
    expect(b).toHaveLength(30);
    expect(new Set(a.map((l) => l.annotator))).toEqual(new Set(['alice']));
    expect(new Set(b.map((l) => l.annotator))).toEqual(new Set(['bob']));
  });
});
