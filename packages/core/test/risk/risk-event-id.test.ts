import { riskEventId } from '../../src/risk/risk-event-id';
import { GRUNT_VALUES } from './detection-fixture';

const DETECTION_ID = '3b6e4a52-1d0f-4c7e-9a8b-0c1d2e3f4a5b';
const WINDOW_START = Date.UTC(2020, 7, 6, 7, 50) / 1000;

describe('riskEventId', () => {
  // Digests computed with Python hashlib over the documented `<byte length>:<bytes>` encoding.
  test('pinned digest of real positive', () => {
    expect(riskEventId(DETECTION_ID, WINDOW_START, GRUNT_VALUES)).toBe(
      '622c8f52b0f9b699f47aca81b342215561a8a2c0e4f262987f0eaf38db1a3600',
    );
  });

  test('length counts UTF-8 bytes', () => {
    expect(riskEventId('d', 0, ['é'])).toBe('fe9524b65a21bc13d813943184a6919f9033c49d68196150108d00d7731a9fdf');
  });

  test.each([
    ['values cannot run together', riskEventId('d', 0, ['ab', 'c']), riskEventId('d', 0, ['a', 'bc'])],
    ['id cannot run into start', riskEventId('d1', 0, ['x']), riskEventId('d', 10, ['x'])],
    ['window start matters', riskEventId('d', 0, ['x']), riskEventId('d', 3600, ['x'])],
    ['value case matters', riskEventId('d', 0, ['WmiPrvSE.exe']), riskEventId('d', 0, ['wmiprvse.exe'])],
  ])('%s', (_case, left, right) => {
    expect(left).not.toBe(right);
  });
});
