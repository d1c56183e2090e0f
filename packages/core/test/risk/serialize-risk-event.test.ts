import { buildRiskEvent } from '../../src/risk/build-risk-event';
import { serializeRiskEventJson } from '../../src/risk/serialize-risk-event';
import { GRUNT_VALUES, wmiImpersonationDetection } from './detection-fixture';

const WINDOW = { start: Date.UTC(2020, 7, 6, 7, 50) / 1000, end: Date.UTC(2020, 7, 6, 8, 50) / 1000 };
const MICROS = Date.UTC(2020, 7, 6, 7, 56, 41, 439) * 1000;
const EVENT = buildRiskEvent(wmiImpersonationDetection(), WINDOW, {
  values: GRUNT_VALUES,
  count: 1,
  minMicros: MICROS,
  maxMicros: MICROS + 1,
});

describe('serializeRiskEventJson', () => {
  test('round-trips through JSON', () => {
    expect(JSON.parse(serializeRiskEventJson(EVENT).toString('utf8'))).toEqual(EVENT);
  });

  test('writes epoch with microseconds', () => {
    const text = serializeRiskEventJson(EVENT).toString('utf8');
    expect(text).toContain('"last_time_epoch":1596700601.439001');
  });

  test('escapes backslashes once', () => {
    const text = serializeRiskEventJson(EVENT).toString('utf8');
    expect(text).toContain('"SourceImage":"C:\\\\windows\\\\system32\\\\wbem\\\\wmiprvse.exe"');
  });

  test.each(['count', 'first_time_epoch', '_time'] as const)('rejects NaN %s', (field) => {
    expect(() => serializeRiskEventJson({ ...EVENT, [field]: NaN })).toThrow(`invalid ${field} NaN`);
  });
});
