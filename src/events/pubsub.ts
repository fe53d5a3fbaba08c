import { createPubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';

/** What goes over the bus: JSON-safe, just enough to route and filter; resolvers reload the row. */
export interface OrderEventMessage {
  /** OrderEvent.id as a decimal string (bigint does not survive JSON). */
  id: string;
  orderId: string;
  type: string;
  toStatus: string | null;
  provinceCode: string;
  filingType: string;
  /** The order's owner, so an applicant's feed of all its orders can match without a read. */
  ownerId: string;
}

/** Sessions of an account ended (signed out, password changed, disabled); instances re-check theirs. */
export interface SessionEndedMessage {
  accountId: string;
  /** One session, or null for every session of the account. */
  sessionId: string | null;
}

type Topics = {
  orderEvent: [OrderEventMessage];
  sessionEnded: [SessionEndedMessage];
};

export type PubSub = Awaited<ReturnType<typeof createBus>>['pubsub'];

/** Reports the first error of each outage of a Redis client (it retries on its own), not every retry. */
function watch(client: Redis, onError: (err: Error) => void): void {
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) onError(err);
    down = true;
  });
  client.on('ready', () => {
    down = false;
  });
}

const ignore = () => undefined;

async function createBus(redisUrl?: string, onError: (err: Error) => void = ignore) {
  if (!redisUrl) {
    return { pubsub: createPubSub<Topics>(), close: async () => undefined };
  }
  // Loaded only with REDIS_URL (≈ 0.1–0.2 s of start-up otherwise).
  const [{ Redis }, { createRedisEventTarget }] = await Promise.all([import('ioredis'), import('@graphql-yoga/redis-event-target')]);
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  watch(publishClient, onError);
  watch(subscribeClient, onError);
  // The event target does not await these calls. While Redis is down (or once it is closed) they
  // fail: the notice is lost, which the hub's log check makes good; the rejection must not escape.
  const eventTarget = createRedisEventTarget({
    publishClient: { publish: (channel: string, message: string) => publishClient.publish(channel, message).catch(ignore) } as unknown as Redis,
    subscribeClient: {
      on: subscribeClient.on.bind(subscribeClient),
      subscribe: (topic: string) => subscribeClient.subscribe(topic).catch(ignore),
      unsubscribe: (topic: string) => subscribeClient.unsubscribe(topic).catch(ignore),
    } as unknown as Redis,
  });
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/** In-process pub/sub, or Redis pub/sub across instances when REDIS_URL is set; `onError` hears of Redis outages. */
export function createEventBus(redisUrl?: string, onError?: (err: Error) => void) {
  return createBus(redisUrl, onError);
}
export type EventBus = Awaited<ReturnType<typeof createEventBus>>;
