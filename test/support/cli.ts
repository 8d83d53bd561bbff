/** Run the CLI in-process and capture what it prints. */
import { runCli } from '../../src/cli/cli.js';

/** What one CLI invocation printed and returned. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `gherkin-bench <argv>` in-process; `stdin`, when given, is what a command reading `-` gets. */
export async function cli(
  argv: string[],
  env: Record<string, string | undefined> = {},
  stdin?: string,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
    cwd: process.cwd(),
    ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
  });
  return { code, stdout, stderr };
}
