/**
 * The agent's tools (`src/generation/agent/tools.ts`) as the agent technique calls them, warm (each
 * service loaded once before timing): for every requirement of the retrieval dev set, `search_api`
 * in its service, `describe_operation` of the top hit, `list_operations` of the service and
 * `check_gherkin` of a few-shot gold of the shipped set (a different one each call, so grounding's
 * memo of recent texts does not answer). Latency per call, p50 and p95 over all calls and per tool.
 */
import { loadDataset } from '../src/dataset/load.js';
import { runTool, type ToolBox } from '../src/generation/agent/tools.js';
import { defaultCatalog } from '../src/knowledge/catalog.js';
import { createRetriever } from '../src/knowledge/retrieval.js';
import { loadRetrievalSet } from '../src/knowledge/retrieval-eval.js';
import { packagePath } from '../src/paths.js';
import { atMost, type Benchmark, plain, quantile } from './types.js';

export const agentToolsBenchmark: Benchmark = {
  name: 'agent.tools',
  describe: 'agent tool calls over the knowledge base, warm: search, describe, list and check per dev-set requirement',
  async run() {
    const catalog = defaultCatalog();
    const queries = loadRetrievalSet(packagePath('datasets', 'retrieval', 'dev.csv'), catalog);
    const golds = (await loadDataset()).items.filter((i) => i.split === 'fewshot').map((i) => i.goldText);
    let next = 0;
    const calls = (box: ToolBox, requirement: string) => {
      const gold = golds[next++ % golds.length] as string;
      const times: Record<string, number> = {};
      const search = runTool(box, 'search_api', { query: requirement, service: box.service });
      times.search_api = search.ms;
      const top = (search.value as { call: string }[] | undefined)?.[0]?.call.split('.')[1];
      if (top) times.describe_operation = runTool(box, 'describe_operation', { service: box.service, method: top }).ms;
      times.list_operations = runTool(box, 'list_operations', { service: box.service }).ms;
      times.check_gherkin = runTool(box, 'check_gherkin', { text: gold }).ms;
      return times;
    };
    const retriever = createRetriever(catalog);
    const boxes = queries.map((q) => ({ box: { catalog, retriever, service: q.service }, requirement: q.requirement }));
    for (const { box, requirement } of boxes) calls(box, requirement); // warm: load each service once
    const all: number[] = [];
    const byTool = new Map<string, number[]>();
    for (const { box, requirement } of boxes) {
      for (const [tool, ms] of Object.entries(calls(box, requirement))) {
        all.push(ms);
        byTool.set(tool, [...(byTool.get(tool) ?? []), ms]);
      }
    }
    const perTool = Object.fromEntries(
      [...byTool].flatMap(([tool, times]) => [
        [`${tool}_p50_ms`, plain(quantile(times, 0.5))],
        [`${tool}_p95_ms`, plain(quantile(times, 0.95))],
      ]),
    );
    return {
      calls: plain(all.length, 'count'),
      p50_ms: atMost(quantile(all, 0.5), 5),
      p95_ms: atMost(quantile(all, 0.95), 20),
      ...perTool,
    };
  },
};
