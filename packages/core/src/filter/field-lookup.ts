/**
 * Reads one field of the event being tested, by its case-sensitive SPL name. Returns undefined
 * when the field is absent or null. Splunk turns an empty value into a null field, so a lookup
 * must return undefined rather than "" for an empty value. A whitespace-only value is not
 * empty and is returned as is.
 */
export type FieldLookup = (field: string) => string | undefined;

/** A compiled filter: true when the event read through `lookup` passes. */
export type FilterPredicate = (lookup: FieldLookup) => boolean;
