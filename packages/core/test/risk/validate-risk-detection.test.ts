import type { Detection } from '../../src/detection/detection';
import { validateRiskDetection } from '../../src/risk/validate-risk-detection';
import { wmiImpersonationDetection } from './detection-fixture';

function withChanges(change: (detection: Detection) => void): Detection {
  const detection = wmiImpersonationDetection();
  change(detection);
  return detection;
}

describe('validateRiskDetection', () => {
  test('accepts the fixture', () => {
    expect(() => validateRiskDetection(wmiImpersonationDetection())).not.toThrow();
  });

  test('accepts reordered by-fields', () => {
    const detection = withChanges((d) => d.byFields.reverse());
    expect(() => validateRiskDetection(detection)).not.toThrow();
  });

  test.each([
    ['missing by-field', (d: Detection) => d.byFields.pop(), /missing: dest/],
    ['extra by-field', (d: Detection) => d.byFields.push('user'), /not supported: user/],
    ['duplicate by-field', (d: Detection) => d.byFields.splice(0, 1, 'dest'), /duplicates: yes/],
    ['unknown risk object', (d: Detection) => (d.risk.objectField = 'user'), /invalid risk object field "user"/],
    ['fractional score', (d: Detection) => (d.risk.score = 2.5), /invalid risk score 2.5/],
    ['NaN impact', (d: Detection) => (d.risk.impact = NaN), /invalid risk impact NaN/],
    ['unknown placeholder', (d: Detection) => (d.risk.messageTemplate = '$user$'), /unknown placeholder \$user\$/],
  ])('rejects %s', (_case, change, message) => {
    expect(() => validateRiskDetection(withChanges(change))).toThrow(message);
  });
});
