import { readServerMode } from '../src/servers';

test('readServerMode defaults to auto', () => {
  expect(readServerMode({})).toBe('auto');
  expect(readServerMode({ RISKSTREAM_TEST_SERVERS: '' })).toBe('auto');
});

test.each(['auto', 'containers', 'local-stack'])('readServerMode accepts %s', (mode) => {
  expect(readServerMode({ RISKSTREAM_TEST_SERVERS: mode })).toBe(mode);
});

test('readServerMode rejects unknown values', () => {
  expect(() => readServerMode({ RISKSTREAM_TEST_SERVERS: 'docker' })).toThrow(
    'RISKSTREAM_TEST_SERVERS=docker is invalid. Set it to auto, containers or local-stack, or unset it',
  );
});
