/**
 * Knowledge-base benchmarks: cold load of one service, index of all services (built from the
 * models, and loaded from the on-disk cache), query latency p50/p95 with and without a service,
 * and grounding throughput on the gold gherkins. Wall-clock figures carry the targets; CPU-time
 * figures (`*_cpu_ms`) show the cost on a machine shared with other work.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogIndex } from '../src/knowledge/api-index.js';
import { openBotocoreSource } from '../src/knowledge/botocore-source.js';
import { createCatalog } from '../src/knowledge/catalog.js';
import { groundText } from '../src/knowledge/grounding.js';
import { createRetriever } from '../src/knowledge/retrieval.js';
import { loadRetrievalSet } from '../src/knowledge/retrieval-eval.js';
import { packagePath } from '../src/paths.js';
import { atMost, type Benchmark, plain, quantile } from './types.js';

const now = () => performance.now();
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Open the zip and load one service (sagemaker, one of the largest models) with a fresh catalog. */
const coldLoad: Benchmark = {
  name: 'knowledge.cold-load-one-service',
  describe: 'open the model zip and parse sagemaker with a fresh catalog (first run and median of 5)',
  run() {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = now();
      const startCpu = cpuMs();
      createCatalog(openBotocoreSource()).service('sagemaker');
      times.push(now() - start);
      cpu.push(cpuMs() - startCpu);
    }
    return {
      first_ms: atMost(times[0] as number, 100),
      median_ms: atMost(quantile(times, 0.5), 100),
      median_cpu_ms: plain(quantile(cpu, 0.5)),
    };
  },
};

/** Build the whole-catalog index from the models, then load it from a fresh on-disk cache. */
const indexAll: Benchmark = {
  name: 'knowledge.index-all-services',
  describe: 'index every operation of every service: built from the models, then loaded from the disk cache',
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'gb-bench-index-'));
    try {
      const catalog = createCatalog(openBotocoreSource());
      const services = catalog.services().length;
      const startCpu = cpuMs();
      let start = now();
      const index = catalogIndex(catalog, undefined, dir);
      const build = now() - start;
      const buildCpu = cpuMs() - startCpu;
      start = now();
      catalogIndex(createCatalog(openBotocoreSource()), undefined, dir);
      const cached = now() - start;
      return {
        services: plain(services, 'count'),
        operations: plain(index.documentCount, 'count'),
        build_ms: plain(build),
        build_cpu_ms: plain(buildCpu),
        cached_load_ms: atMost(cached, 2000),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Query latency over the retrieval set, indexes warm. */
const queryLatency: Benchmark = {
  name: 'knowledge.query-latency',
  describe: 'retrieve(k=5) for every requirement of datasets/retrieval/dev.csv, indexes warm (3 rounds)',
  run() {
    const catalog = createCatalog(openBotocoreSource());
    // The dev set: timing only, but the held-out set stays untouched by everything but eval-retrieval.
    const cases = loadRetrievalSet(packagePath('datasets', 'retrieval', 'dev.csv'));
    const retriever = createRetriever(catalog);
    const measure = (useService: boolean) => {
      for (const c of cases) retriever.retrieve(c.requirement, useService ? { service: c.service } : {}); // warm
      const times: number[] = [];
      const cpu: number[] = [];
      const loopCpu = cpuMs();
      for (let round = 0; round < 3; round++)
        for (const c of cases) {
          const start = now();
          const startCpu = cpuMs();
          retriever.retrieve(c.requirement, useService ? { service: c.service } : {});
          times.push(now() - start);
          cpu.push(cpuMs() - startCpu);
        }
      // The loop's CPU time per query: not subject to the per-call timer resolution.
      return { times, cpu, cpuPerQuery: (cpuMs() - loopCpu) / times.length };
    };
    const withService = measure(true);
    const allServices = measure(false);
    return {
      service_p50_ms: atMost(quantile(withService.times, 0.5), 10),
      service_p95_ms: plain(quantile(withService.times, 0.95)),
      service_p50_cpu_ms: plain(quantile(withService.cpu, 0.5)),
      service_cpu_ms_per_query: plain(withService.cpuPerQuery),
      all_p50_ms: atMost(quantile(allServices.times, 0.5), 10),
      all_p95_ms: plain(quantile(allServices.times, 0.95)),
      all_p50_cpu_ms: plain(quantile(allServices.cpu, 0.5)),
      all_cpu_ms_per_query: plain(allServices.cpuPerQuery),
    };
  },
};

/** Grounding of every gold gherkin. */
const groundingThroughput: Benchmark = {
  name: 'knowledge.grounding-throughput',
  describe: 'groundText over the gold gherkins of datasets/security-controls (models warm, 3 rounds)',
  run() {
    const dir = packagePath('datasets', 'security-controls');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.feature'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const catalog = createCatalog(openBotocoreSource());
    let references = 0;
    for (const text of texts) groundText(text, { catalog }); // load the models once
    const start = now();
    for (let round = 0; round < 3; round++)
      for (const text of texts) references += groundText(text, { catalog }).counts.total;
    const seconds = (now() - start) / 1000;
    return {
      files: plain(texts.length, 'count'),
      files_per_s: plain((texts.length * 3) / seconds, 'per_s'),
      references_per_s: plain(references / seconds, 'per_s'),
    };
  },
};

/** Every knowledge-base benchmark, in run order. */
export const knowledgeBenchmarks: Benchmark[] = [coldLoad, indexAll, queryLatency, groundingThroughput];
