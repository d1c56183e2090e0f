import { readDetectorConfig } from '../src/config';

test('empty channel list is rejected', () => {
  expect(() => readDetectorConfig({ KAFKA_BROKERS: '127.0.0.1:9092', SYSMON_CHANNELS: ' , ' })).toThrow(
    /SYSMON_CHANNELS: invalid value/,
  );
});

test('channel list overrides the detection file', () => {
  const config = readDetectorConfig({
    KAFKA_BROKERS: '127.0.0.1:9092',
    SYSMON_CHANNELS: 'Microsoft-Windows-Sysmon/Operational, ForwardedEvents',
  });

  expect(config.channels).toEqual(['Microsoft-Windows-Sysmon/Operational', 'ForwardedEvents']);
});
