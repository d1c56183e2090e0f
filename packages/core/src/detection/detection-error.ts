/** Closed list of reasons a detection cannot be loaded or compiled. */
export type DetectionErrorCode =
  /** The detection file is not well-formed YAML. */
  | 'DETECTION_YAML'
  /** The YAML is well-formed but one or more fields are missing or invalid. */
  | 'DETECTION_INVALID'
  /** A known-false-positive exclusion expression is invalid. */
  | 'EXCLUSION_INVALID';

/** One problem found in a detection, located by its field path such as `risk.score`. */
export interface DetectionIssue {
  path: string;
  /** The value found at `path`; undefined when the field is missing. */
  value: unknown;
  /** The required content of the field, in words. */
  expected: string;
}

/** Reports every problem found in one detection at once, so a single edit can fix them all. */
export class DetectionError extends Error {
  override readonly name = 'DetectionError';

  constructor(
    readonly code: DetectionErrorCode,
    readonly issues: DetectionIssue[],
    options?: { cause?: unknown },
  ) {
    super(formatIssues(code, issues), options);
  }
}

const HEADLINES: Readonly<Record<DetectionErrorCode, string>> = {
  DETECTION_YAML: 'Detection file is not valid YAML',
  DETECTION_INVALID: 'Detection file has invalid fields',
  EXCLUSION_INVALID: 'Detection exclusions are invalid',
};

function formatIssues(code: DetectionErrorCode, issues: DetectionIssue[]): string {
  const lines = issues.map(
    (issue) => `  - ${issue.path}: found ${describeValue(issue.value)}, expected ${issue.expected}`,
  );
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return `${HEADLINES[code]} (${count}); fix each one and load it again:\n${lines.join('\n')}`;
}

const MAX_SHOWN_LENGTH = 80;

function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing (missing)';
  }
  // JSON.stringify returns undefined only for values YAML never produces, such as functions.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH)}…` : text;
}
