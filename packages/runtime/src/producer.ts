import { Partitioners, type Kafka, type Producer } from 'kafkajs';

/**
 * Creates the idempotent producer every service uses. The default partitioner hashes keys with
 * murmur2 as the Java client does, so a key lands on the same partition whichever client wrote it.
 */
export function createProducer(kafka: Kafka, options: { transactionalId?: string } = {}): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    ...options,
  });
}
