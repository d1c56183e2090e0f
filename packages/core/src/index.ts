export type { Detection, WindowSettings, RiskSettings } from './detection/detection';
