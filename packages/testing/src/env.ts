/** Reads a server address that the global set-up exported; a missing one is a set-up bug. */
export function requireTestEnv(name: 'KAFKA_BROKERS' | 'REDIS_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run integration tests through jest's integration project (npm test)`);
  }
  return value;
}
