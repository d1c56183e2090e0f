import type { Consumer } from 'kafkajs';
import type { Logger } from './logger';
import type { HealthState } from './ops-server';

/**
 * Logs the consumer's lifecycle and mirrors it into the health state: ready once it has joined
 * its group, not ready while it rebalances or stops, dead when kafkajs gives up after a crash.
 */
export function trackConsumerHealth(consumer: Consumer, health: HealthState, logger: Logger): void {
  const { GROUP_JOIN, REBALANCING, STOP, CRASH } = consumer.events;
  consumer.on(GROUP_JOIN, (event) => {
    const { groupId, memberId, memberAssignment } = event.payload;
    logger.info({ groupId, memberId, assignment: memberAssignment }, 'consumer joined group');
    health.setReady(true, 'consuming');
  });
  consumer.on(REBALANCING, (event) => {
    logger.info({ groupId: event.payload.groupId, memberId: event.payload.memberId }, 'consumer group rebalancing');
    health.setReady(false, 'rebalancing');
  });
  consumer.on(STOP, () => health.setReady(false, 'consumer stopped'));
  consumer.on(CRASH, (event) => {
    const { error, groupId, restart } = event.payload;
    logger.error({ err: error, groupId, restart }, 'consumer crashed');
    if (restart) health.setReady(false, `restarting after: ${error.message}`);
    else health.setDead(`consumer crashed: ${error.message}`);
  });
}
