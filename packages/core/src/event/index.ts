export type { WindowsEvent, EventDataItem, ExtraNode } from './windows-event';
export { parseSystemTime } from './system-time';
export { parseDecimalInteger, MAX_INT32 } from './decimal-integer';
