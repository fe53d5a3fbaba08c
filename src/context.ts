import type { Viewer } from './auth/sessions.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/index.js';
import type { EventHub } from './events/hub.js';
import type { EventBus } from './events/pubsub.js';
import type { OutboxRelay } from './events/relay.js';
import type { SessionWatch } from './events/sessions.js';
import type { NationalRegistry } from './workflow/registry.js';
import type { AuthenticityChecker } from './workflow/materials.js';
import type { SmsGateway } from './workflow/sms.js';

/** Long-lived parts of a running server, shared by every request. */
export interface Services {
  config: Config;
  db: Database;
  clock: Clock;
  bus: EventBus;
  relay: OutboxRelay;
  hub: EventHub;
  /** Ends live streams whose session ended. */
  sessions: SessionWatch;
  registry: NationalRegistry;
  sms: SmsGateway;
  authenticity: AuthenticityChecker;
}

/** Per-request (or per-subscription) context. */
export interface Context extends Services {
  viewer: Viewer | null;
}
