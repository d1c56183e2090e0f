import { FilterError, compileNode, parseFilter, referencedFields } from '../filter';
import type { FieldLookup, FilterNode, FilterPredicate } from '../filter';
import { requiredEventIds } from './required-event-ids';
import type { Detection } from './detection';
import { DetectionError, type DetectionIssue } from './detection-error';
import { createFieldLookup, type SearchableEvent } from './fields';
import { groupValues, type GroupValues } from './group-key';

export interface CompileDetectionOptions {
  /**
   * Known-false-positive exclusions, each an SPL search expression over the by-fields. They
   * stand in for the ESCU `<name>_filter` macro, which is empty by default.
   */
  exclusions?: readonly string[];
}

/** Outcome for one event: not read by the search, dropped as a known false positive, or matched. */
export type MatchOutcome = 'ignored' | 'excluded' | 'matched';

export interface CompiledDetection {
  readonly detection: Detection;
  /** True when the event is in one of the input channels and passes the filter. */
  matches(event: SearchableEvent): boolean;
  /** True when any exclusion matches the event; the caller drops and counts such events. */
  excluded(event: SearchableEvent): boolean;
  /** Runs `matches`, then `excluded`, with a single field lookup. */
  classify(event: SearchableEvent): MatchOutcome;
  groupValues(event: SearchableEvent): GroupValues;
  /** EventIDs a matching event must have, so callers can skip decoding others; undefined when any may match. */
  readonly eventIds: ReadonlySet<number> | undefined;
}

/**
 * Compiles a detection's filter and exclusions. Throws DetectionError with code
 * DETECTION_INVALID for a filter that does not compile, and EXCLUSION_INVALID for any bad
 * exclusion, listing every one.
 */
export function compileDetection(detection: Detection, options: CompileDetectionOptions = {}): CompiledDetection {
  const { filter, node } = compileMainFilter(detection.filter);
  const excludedBy = compileExclusions(options.exclusions ?? [], detection.byFields);
  const channels = new Set(detection.input.channels.map((channel) => channel.toLowerCase()));
  // Splunk compares `source` case-insensitively, so channel names do too.
  const matchesLookup = (event: SearchableEvent, lookup: FieldLookup): boolean =>
    event.channel !== null && channels.has(event.channel.toLowerCase()) && filter(lookup);
  return {
    detection,
    matches: (event) => matchesLookup(event, createFieldLookup(event)),
    excluded: (event) => excludedBy(createFieldLookup(event)),
    classify(event) {
      const lookup = createFieldLookup(event);
      if (!matchesLookup(event, lookup)) {
        return 'ignored';
      }
      return excludedBy(lookup) ? 'excluded' : 'matched';
    },
    groupValues: (event) => groupValues(event, detection.byFields),
    eventIds: requiredEventIds(node),
  };
}

function compileMainFilter(filter: string): { filter: FilterPredicate; node: FilterNode } {
  try {
    const node = parseFilter(filter);
    return { filter: compileNode(node), node };
  } catch (error) {
    if (error instanceof FilterError) {
      const issue = { path: 'filter', value: filter, expected: `a valid SPL search expression; ${error.problem}` };
      throw new DetectionError('DETECTION_INVALID', [issue], { cause: error });
    }
    throw error;
  }
}

// ESCU applies the filter macro to the stats rows, where only the by-fields, count, firstTime and
// lastTime exist. Events of one row share their by-field values, so an exclusion over by-fields
// gives the same result per event as per row. An exclusion over count or times cannot run per event.
function compileExclusions(exclusions: readonly string[], byFields: readonly string[]): FilterPredicate {
  const issues: DetectionIssue[] = [];
  const predicates = exclusions.flatMap((source, index) => {
    const path = `exclusions[${index}]`;
    try {
      const node = parseFilter(source);
      const outside = [...referencedFields(node)].filter((field) => !byFields.includes(field));
      outside.forEach((field) => issues.push({ path, value: field, expected: `a by-field (${byFields.join(', ')})` }));
      return [compileNode(node)];
    } catch (error) {
      if (!(error instanceof FilterError)) {
        throw error;
      }
      issues.push({ path, value: source, expected: `a valid SPL search expression; ${error.problem}` });
      return [];
    }
  });
  if (issues.length > 0) {
    throw new DetectionError('EXCLUSION_INVALID', issues);
  }
  return (lookup) => predicates.some((predicate) => predicate(lookup));
}
