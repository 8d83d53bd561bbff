/** A capturing CliIo for in-process CLI tests. */
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';

/** Run the CLI in-process and capture what it prints. */
export async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
