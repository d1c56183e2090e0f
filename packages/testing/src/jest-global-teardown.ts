/** Stops the containers that the global set-up started; servers from elsewhere keep running. */
export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.riskstreamTestServers;
  if (!servers) return;
  for (const container of servers.containers) {
    await container.stop({ remove: true, removeVolumes: true });
  }
}
