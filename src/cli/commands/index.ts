/** The command table: every CLI command, in the order `--help` lists them. */
import type { CommandFactory } from '../io.js';
import { datasetCommand } from './dataset.js';
import { judgeCommand } from './judge.js';
import { runCommand } from './run.js';
import { runsCommand } from './runs.js';

/** All commands. Add a command by importing its factory and listing it here. */
export const commands: CommandFactory[] = [datasetCommand, runCommand, runsCommand, judgeCommand];
