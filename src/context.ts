import type { Viewer } from './auth/sessions.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/index.js';
import type { EventHub } from './events/hub.js';
import type { EventBus } from './events/pubsub.js';
import type { OutboxRelay } from './events/relay.js';
import type { SessionWatch } from './events/sessions.js';
import type { AuthenticityChecker, HostingResources, MaterialStorage, NationalRegistry, SmsGateway } from './ports.js';

/** Long-lived parts of a running server, shared by every request. The ports are declared in src/ports.ts. */
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
  storage: MaterialStorage;
  hosting: HostingResources;
  /** Signs and checks short-lived material links (src/materials/links.ts). */
  materialLinks: MaterialLinks;
}

/** Short-lived signed links to uploaded materials. */
export interface MaterialLinks {
  sign(materialId: string, viewerId: string, now: Date): string;
  verify(query: URLSearchParams, materialId: string, now: Date): { viewerId: string } | null;
}

/** A machine credential in use (src/auth/integration.ts). */
export interface IntegrationCaller {
  id: string;
  name: string;
  scopes: string[];
}

/** Per-request (or per-subscription) context. */
export interface Context extends Services {
  viewer: Viewer | null;
  /** Set when the request carries an integration token instead of a session. */
  integration: IntegrationCaller | null;
}
