/** The gold set's words: an item is one gold control with its gold gherkin. */

/** Security categories an item belongs to. */
export const CATEGORIES = [
  'encryption-at-rest',
  'encryption-in-transit',
  'logging',
  'network-exposure',
  'access-control',
  'resilience',
  'monitoring',
] as const;
/** One category. */
export type Category = (typeof CATEGORIES)[number];

/** Severities, as Security Hub writes them (lower-cased). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** One severity. */
export type Severity = (typeof SEVERITIES)[number];

/** Splits: the few-shot pool (exemplars) and the evaluation split (what is scored). */
export const SPLITS = ['fewshot', 'eval'] as const;
/** One split. */
export type Split = (typeof SPLITS)[number];

/** One gold control. */
export interface Item {
  /** Stable id, e.g. `sagemaker-notebook-direct-internet`. */
  id: string;
  /** Security Hub control id (`SageMaker.1`), or null when there is none. */
  controlId: string | null;
  /** boto3 client name, e.g. `sagemaker`. */
  service: string;
  /** CloudFormation resource type, e.g. `AWS::SageMaker::NotebookInstance`. */
  resourceType: string;
  category: Category;
  severity: Severity;
  /** 1–3 sentences: the input a generator gets. */
  requirement: string;
  /** Boto3 methods a control must call, `service.method` or bare `method` of `service`. */
  methods: string[];
  /** The gold gherkin's path, relative to the dataset folder. */
  gold: string;
  /** The gold gherkin's text. */
  goldText: string;
  split: Split;
}

/** A loaded dataset. */
export interface Dataset {
  /** Folder name, e.g. `security-controls`. */
  name: string;
  /** Absolute folder path. */
  dir: string;
  items: Item[];
  /** sha256 over the index and every gold file (hex), recorded in run manifests. */
  hash: string;
}
