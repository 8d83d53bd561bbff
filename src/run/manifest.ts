/**
 * The run manifest: what ran (the resolved experiment, variants, models, items), with what
 * (package and model versions, git commit) and on what (dataset, prompt and rubric hashes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { describeEnv } from '../config/env.js';
import type { RunPlan } from '../config/plan.js';
import { promptsHash } from '../generation/templates.js';
import { MODEL_PACKAGE } from '../knowledge/botocore-source.js';
import { packagePath, packageRoot } from '../paths.js';
import { judgePromptHash } from '../scoring/judge/prompt.js';
import { scorerRecords, scoringSettings } from '../scoring/scorers.js';
import { MANIFEST_SCHEMA, type RunItem, type RunManifest } from './types.js';

/** Packages whose installed versions every manifest records (beside gherkin-bench and node). */
const RECORDED_PACKAGES = ['@aws-sdk/client-bedrock-runtime', '@cucumber/gherkin', 'zod', 'yaml'];

/** The manifest of a new run of `plan`, started at `startedAt`. */
export function createManifest(plan: RunPlan, startedAt: Date): RunManifest {
  return {
    schema: MANIFEST_SCHEMA,
    runId: plan.runId,
    config: plan.config as unknown as Record<string, unknown>,
    variants: plan.variants,
    models: plan.models,
    repeats: plan.repeats,
    seed: plan.seed,
    dataset: {
      name: plan.dataset.name,
      split: plan.config.dataset.split,
      items: plan.items.length,
      hash: plan.dataset.hash,
    },
    items: plan.items.map(
      (item): RunItem => ({
        id: item.id,
        controlId: item.controlId,
        service: item.service,
        resourceType: item.resourceType,
        category: item.category,
        severity: item.severity,
        requirement: item.requirement,
        goldText: item.goldText,
        methods: item.methods,
      }),
    ),
    hashes: {
      prompts: promptsHash(),
      rubric: plan.judge ? plan.judge.rubric.hash : null,
      judgePrompt: plan.judge ? judgePromptHash() : null,
    },
    versions: packageVersions(),
    git: gitState(),
    judge: plan.judge ? { model: plan.judge.model, rubric: plan.judge.rubric.file } : null,
    scorers: scorerRecords(scoringSettings(plan)),
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    cases: plan.cases.length,
    ...(plan.shard ? { shard: plan.shard } : {}),
    source: plan.file,
    env: describeEnv(plan.env),
  };
}

/** Installed versions: gherkin-bench, node, promptfoo, the botocore models package and a few more. */
export function packageVersions(): RunManifest['versions'] {
  const own = installedVersion(packagePath('package.json')) ?? 'unknown';
  const versions: RunManifest['versions'] = {
    gherkinBench: own,
    node: process.versions.node,
    promptfoo: installedVersion(modulePackageJson('promptfoo')) ?? 'not installed',
    botocoreModels: installedVersion(modulePackageJson(MODEL_PACKAGE)) ?? 'not installed',
  };
  for (const name of RECORDED_PACKAGES) versions[name] = installedVersion(modulePackageJson(name)) ?? 'not installed';
  return versions;
}

function modulePackageJson(name: string): string {
  return packagePath('node_modules', ...name.split('/'), 'package.json');
}

function installedVersion(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/**
 * The package checkout's git commit and whether it has uncommitted changes; nulls outside git.
 * Read once per process: the code a process runs is the code it loaded, whatever happens to the
 * checkout afterwards (and a run's start-up need not wait for two git processes each time).
 */
export function gitState(): RunManifest['git'] {
  loadedGitState ??= readGitState();
  return loadedGitState;
}

let loadedGitState: RunManifest['git'] | undefined;

function readGitState(): RunManifest['git'] {
  const git = (args: string[]): string | null => {
    try {
      return execFileSync('git', args, {
        cwd: packageRoot(),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      }).trim();
    } catch {
      return null;
    }
  };
  // Only the package's own checkout counts (not a repository it is installed inside). One git
  // process answers both (a run's start-up waits for these).
  const [top, head] = git(['rev-parse', '--show-toplevel', 'HEAD'])?.split('\n') ?? [];
  const commit = top && head && realpathSync(top) === realpathSync(packageRoot()) ? head : null;
  if (!commit) return { commit: null, dirty: null };
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return { commit, dirty: status === null ? null : status.length > 0 };
}
