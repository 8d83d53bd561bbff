/**
 * The fake Bedrock Runtime as its own process, for load benchmarks: the server (and its request
 * log) must not share the process whose memory is measured. Answers every call after
 * `LATENCY_MS` (argv[2], default 50) with a gold gherkin (or a tool use sampled from the
 * request's schema). Prints `url <url>` when listening; on stdin `count` prints `calls <n>`; on
 * stdin `close` (or end of stdin) closes and exits.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../src/paths.js';
import { reply, sampleFromSchema, startFakeBedrock } from '../test/support/fake-bedrock.js';
import { controlFromStdin } from './stdin-control.js';

const latency = Number(process.argv[2] ?? 50);
const gold = readFileSync(
  packagePath('datasets', 'security-controls', 'sagemaker-notebook-no-direct-internet.feature'),
  'utf8',
);
const fake = await startFakeBedrock();
let calls = 0;
fake.respond((request) => {
  calls++;
  fake.requests.length = 0; // keep no request log: this process only serves
  const tool = request.body?.toolConfig?.tools?.[0]?.toolSpec;
  if (tool) return reply.tool(sampleFromSchema(tool.inputSchema?.json), { delayMs: latency });
  return reply.text(`\`\`\`gherkin\n${gold}\`\`\`\n`, { delayMs: latency });
});
process.stdout.write(`url ${fake.url}\n`);

controlFromStdin({ answers: { count: () => `calls ${calls}` }, close: () => fake.close() });
