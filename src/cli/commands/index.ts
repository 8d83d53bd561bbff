/** The command table: every CLI command, in the order `--help` lists them. */
import type { CommandFactory } from '../io.js';
import { apiCommand } from './api.js';
import { compareCommand } from './compare.js';
import { datasetCommand } from './dataset.js';
import { evalRetrievalCommand } from './eval-retrieval.js';
import { baselineCommand, gateCommand } from './gate.js';
import { groundCommand } from './ground.js';
import { judgeCommand } from './judge.js';
import { labelCommand } from './label.js';
import { mergeCommand } from './merge.js';
import { reportCommand } from './report.js';
import { rescoreCommand } from './rescore.js';
import { retrieveCommand } from './retrieve.js';
import { runCommand } from './run.js';
import { runsCommand } from './runs.js';
import { scoreCommand } from './score.js';

/** All commands. Add a command by importing its factory and listing it here. */
export const commands: CommandFactory[] = [
  datasetCommand,
  runCommand,
  runsCommand,
  mergeCommand,
  reportCommand,
  rescoreCommand,
  compareCommand,
  gateCommand,
  baselineCommand,
  retrieveCommand,
  apiCommand,
  groundCommand,
  scoreCommand,
  evalRetrievalCommand,
  judgeCommand,
  labelCommand,
];
