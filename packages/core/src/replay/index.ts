export { EventSplitter } from './event-splitter';
export { latestSystemTimeSeconds, shiftEventTimes } from './time-shift';
