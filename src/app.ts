import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { bearerToken, liveSessionIds, resolveSession } from './auth/sessions.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Context, Services } from './context.js';
import { openDatabase, type Database } from './db/index.js';
import { EventHub } from './events/hub.js';
import { createEventBus } from './events/pubsub.js';
import { logHead, logTail, OutboxRelay } from './events/relay.js';
import { SessionWatch } from './events/sessions.js';
import { schema } from './schema/index.js';
import { hardening, type Logger } from './server/index.js';
import { createLogger, describeError } from './server/logging.js';
import { useSharedSubscriptions } from './server/shared-subscriptions.js';
import { renderGraphiQL, withStaticPages } from './server/static.js';
import { sharedEventKey } from './schema/subscriptions.js';
import type { AuthenticityChecker, HostingResources, MaterialStorage, NationalRegistry, SmsGateway } from './ports.js';
import { DatabaseRegistry } from './workflow/registry.js';
import { DevAuthenticityChecker } from './workflow/materials.js';
import { Sweeper } from './workflow/sweeper.js';
import { resolveIntegration } from './auth/integration.js';
import { DatabaseHosting } from './hosting/resources.js';
import { materialLinks } from './materials/links.js';
import { materialRoute } from './materials/route.js';
import { DatabaseStorage, DiskStorage } from './materials/storage.js';
import { HttpSmsGateway } from './sms/http.js';
import { OutboxSmsGateway } from './sms/outbox.js';
import { productionSchema } from './schema/development.js';
import { seedDemo } from './seed/demo.js';

export interface AppOptions {
  config: Config;
  clock?: Clock;
  /** Use an already opened database (tests share one per file). */
  db?: Database;
  /** The national registry port; the embedded one (backed by this database) by default. */
  registry?: NationalRegistry;
  /** The SMS gateway; the development outbox by default. */
  sms?: SmsGateway;
  /** Run the background timers (sweeper, relay safety net); tests that count queries turn them off. */
  timers?: boolean;
  /** The authenticity-check port; the development checker by default. */
  authenticity?: AuthenticityChecker;
  /** The material-storage port; chosen by MATERIAL_STORAGE by default. */
  storage?: MaterialStorage;
  /** The hosting-resources port; the provider's instances in this database by default. */
  hosting?: HostingResources;
  /** Where the JSON log goes; stdout at LOG_LEVEL by default. */
  logger?: Logger;
}

export interface App {
  services: Services;
  sweeper: Sweeper;
  yoga: ReturnType<typeof createYoga<Record<string, unknown>, Context>>;
  server: Server;
  logger: Logger;
  /** Listens on the given port (0 = any free port) and resolves with the base URL. */
  start(port?: number, host?: string): Promise<string>;
  /** Stops taking work, lets open requests finish, closes sockets and the database. */
  stop(): Promise<void>;
}

const WS_GOING_AWAY = 1001;

/**
 * CORS from `CORS_ORIGINS` (src/config.ts): listed origins may call with credentials, others get no
 * CORS headers; `any` lets every origin call without credentials; `none` answers no origin at all.
 * The API authenticates with a bearer header, not cookies, so credentials are never needed for `any`.
 */
function corsOptions(config: Config) {
  const policy = config.cors;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (policy.kind === 'none' || !origin) return false as const;
    if (policy.kind === 'any') return { origin: '*', credentials: false };
    return policy.origins.includes(origin) ? { origin, credentials: true } : (false as const);
  };
}

/** Builds the whole server without listening: database, event bus, GraphQL over HTTP and WebSocket. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openDatabase(config.database));
  const logger = options.logger ?? createLogger(config);
  const bus = await createEventBus(config.redisUrl, (err) => logger.warn({ err: describeError(err) }, 'Redis unreachable; retrying'));
  const relay = new OutboxRelay(db.prisma, bus);
  const hub = new EventHub(bus);
  hub.start();
  const sessions = new SessionWatch(bus, (ids) => liveSessionIds(db.prisma, ids, clock.now()));
  sessions.start(config.sessionCheckIntervalMs);
  if (options.timers !== false) {
    const interval = Math.min(config.sweepIntervalMs, 5_000);
    relay.start(interval);
    await hub.watchLog(logTail(db.prisma, interval), () => logHead(db.prisma), interval);
  }
  const registry = options.registry ?? new DatabaseRegistry(db.prisma);
  const sms: SmsGateway =
    options.sms ??
    (config.sms.kind === 'http'
      ? new HttpSmsGateway(db.prisma, { url: config.sms.url, secret: config.sms.secret, logger })
      : new OutboxSmsGateway(logger, config.env === 'production'));
  const authenticity = options.authenticity ?? new DevAuthenticityChecker();
  const storage = options.storage ?? (config.materials.storage === 'disk' ? new DiskStorage(config.materials.dir) : new DatabaseStorage());
  const hosting = options.hosting ?? new DatabaseHosting(db.prisma);
  const links = materialLinks(config.materials.urlSecret, config.materials.urlTtlSeconds);
  const services: Services = { config, db, clock, bus, relay, hub, sessions, registry, sms, authenticity, storage, hosting, materialLinks: links };
  let smsTimer: NodeJS.Timeout | null = null;
  if (options.timers !== false && sms.flush) {
    smsTimer = setInterval(() => void sms.flush!().catch((err: unknown) => logger.warn({ err: describeError(err) }, 'SMS retry failed')), Math.min(config.sweepIntervalMs, 5_000));
    smsTimer.unref();
  }
  if (config.seedDemo && (await seedDemo(db.prisma, config.passwordHashCost, clock.now()))) {
    logger.info('Loaded the demo data set (see README "Demo data").');
  }
  const sweeper = new Sweeper(services);
  if (options.timers !== false) sweeper.start(config.sweepIntervalMs);
  const served = config.env === 'production' ? productionSchema(schema) : schema;
  const security = hardening(config, services, logger, served);

  const yoga = createYoga<Record<string, unknown>, Context>({
    // Production serves the schema without its development-only fields (src/schema/development.ts).
    schema: served,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    // Bodies are limited before yoga sees them (src/server/http.ts withBodyLimits: a Content-Length is
    // required and at most the limit, and Node reads no more than it declares). Yoga's own limit would
    // pipe every body through a counting stream again, which cost 18 % of an order detail's CPU.
    maxRequestBodySize: false,
    landingPage: false,
    cors: corsOptions(config),
    graphiql: config.graphiql
      ? { subscriptionsProtocol: 'WS', title: 'ICP filing API', defaultQuery: '# The province modules; see docs/API.md for more.\n{\n  provinces {\n    code\n    name\n    abbreviation\n  }\n}\n' }
      : false,
    renderGraphiQL,
    maskedErrors: security.yoga.maskedErrors,
    logging: security.yoga.logging,
    context: async ({ request, connectionParams }: { request?: Request; connectionParams?: Record<string, unknown> }) => {
      const header =
        request?.headers.get('authorization') ??
        (typeof connectionParams?.authorization === 'string' ? connectionParams.authorization : null);
      const token = bearerToken(header);
      const integration = await resolveIntegration(db.prisma, token, clock.now());
      const viewer = integration ? null : await resolveSession(db, token, clock.now());
      return { ...services, viewer, integration };
    },
    plugins: [
      ...security.yoga.plugins,
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await db.sql.query('SELECT 1');
        },
      }),
      // Last, so that its subscribe function is the one that runs: each event executed once per document and viewer class.
      ...(config.sharedSubscriptions ? [useSharedSubscriptions({ eventKey: sharedEventKey })] : []),
    ],
  });

  const server = createServer(security.handler(withStaticPages(materialRoute(services, yoga), config)));
  security.configure(server);
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, ...security.websocket.serverOptions });
  security.websocket.attach(wss);
  const wsServer = useServer(
    {
      ...security.websocket.protocolOptions,
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const refused = security.websocket.admit(ctx);
        if (refused) return refused;
        const { schema: s, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (e) {
          // A syntax error (or too many tokens) is that operation's error, not the connection's.
          return [e instanceof GraphQLError ? e : new GraphQLError('Invalid query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const args = {
          schema: s,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
  );

  let stopping: Promise<void> | null = null;
  return {
    services,
    sweeper,
    yoga,
    server,
    logger,
    start(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shown}:${addr.port}`);
        });
      });
    },
    stop() {
      stopping ??= (async () => {
        for (const client of wss.clients) client.close(WS_GOING_AWAY, 'Server shutting down');
        await wsServer.dispose();
        await new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 10_000).unref();
        });
        if (smsTimer) clearInterval(smsTimer);
        await sms.close?.();
        await sweeper.stop();
        await hub.stop();
        await sessions.stop();
        await relay.stop();
        await bus.close();
        await security.close();
        if (!options.db) await db.close();
      })();
      return stopping;
    },
  };
}
