import type { RiskEvent } from '@riskstream/core';

/** Formats a risk event for a person reading the terminal; the topic carries the JSON form. */
export function formatRiskEvent(event: RiskEvent): string {
  return [
    `risk event ${event.id.slice(0, 12)}  score ${event.risk_score}  ${event.risk_object_type} ${event.risk_object}`,
    `  ${event.risk_message}`,
    `  window ${event.window_start} .. ${event.window_end}  count ${event.count}  first ${event.firstTime}  last ${event.lastTime}`,
  ].join('\n');
}
