/**
 * The technique table: every prompting technique a variant can switch, in the naming order of
 * ablation variants (`cot+rag+fewshot`). Config (the variant-file schema, `ablate`), variants
 * (defaults, ablations, names), the chain (steps) and the stored variants' `techniques` flags
 * (what analysis reads) all come from this table through `techniques.ts`.
 * Adding a technique: its own module under `techniques/` plus one row here.
 */
import type { z } from 'zod';
import { agentTechnique } from './techniques/agent.js';
import { cotTechnique } from './techniques/cot.js';
import { fewShotTechnique } from './techniques/fewshot.js';
import { ragTechnique } from './techniques/rag.js';
import { repairTechnique } from './techniques/repair.js';

/** The table. */
export const TECHNIQUE_TABLE = [cotTechnique, ragTechnique, fewShotTechnique, agentTechnique, repairTechnique] as const;

type Row = (typeof TECHNIQUE_TABLE)[number];

/** One technique key. */
export type TechniqueKey = Row['key'];

/** Every technique's settings, under its key: the technique part of a variant. */
export type TechniqueSettings = { [T in Row as T['key']]: T['off'] };

/** The variant-file fragments of every technique, each optional (the shape a zod object extends). */
export type TechniqueFileShape = { [T in Row as T['key']]: z.ZodOptional<T['schema']> };
