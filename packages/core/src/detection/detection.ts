/**
 * A detection as data: the search's filter, its `stats … by` fields, the scheduled-search
 * window it reproduces and the risk event it produces. Loaded from a file under detections/.
 */
export interface Detection {
  /** ESCU detection id (a UUID). */
  id: string;
  /** Short name, e.g. "Windows WMI Impersonate Token". */
  name: string;
  /** Splunk saved-search name, e.g. "ESCU - Windows WMI Impersonate Token - Rule". */
  searchName: string;
  description: string;
  /** The `sysmon` input macro: which events the search reads before its filter. */
  input: { channels: string[] };
  /** The where-clause in SPL search syntax, e.g. `EventCode=10 SourceImage="*\\wmiprvse.exe"`. */
  filter: string;
  /** The `stats … by` fields, in SPL order; each is an SPL field name such as `dest`. */
  byFields: string[];
  window: WindowSettings;
  risk: RiskSettings;
  annotations: { mitreAttack: string[]; analyticStories: string[] };
  knownFalsePositives: string;
}

/** Tumbling windows; all values in seconds. */
export interface WindowSettings {
  size: number;
  /** Windows start at `offset` seconds past each multiple of `size` since the epoch. */
  offset: number;
  /** A window accepts events until `end + grace`. */
  grace: number;
}

export interface RiskSettings {
  score: number;
  impact: number;
  confidence: number;
  /** The by-field whose value is the risk object, e.g. `dest`. */
  objectField: string;
  objectType: string;
  /** Message template with `$field$` placeholders, as ESCU writes it. */
  messageTemplate: string;
}
