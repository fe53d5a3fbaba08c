import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

/** What goes over the bus: JSON-safe, just enough to route and filter; resolvers reload the row. */
export interface OrderEventMessage {
  /** OrderEvent.id as a decimal string (bigint does not survive JSON). */
  id: string;
  orderId: string;
  type: string;
  toStatus: string | null;
  provinceCode: string;
  filingType: string;
}

export type PubSub = ReturnType<typeof createBus>['pubsub'];

function createBus(redisUrl?: string) {
  if (!redisUrl) {
    return { pubsub: createPubSub<{ orderEvent: [OrderEventMessage] }>(), close: async () => undefined };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<{ orderEvent: [OrderEventMessage] }>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/** In-process pub/sub, or Redis pub/sub across instances when REDIS_URL is set. */
export function createEventBus(redisUrl?: string) {
  return createBus(redisUrl);
}
export type EventBus = ReturnType<typeof createEventBus>;
