import { z } from 'zod';
import { providerPolicies, type ProviderPolicies } from '../provinces/index.js';
import { DEFAULT_PASSWORD_COST, MIN_PRODUCTION_PASSWORD_COST } from './auth/passwords.js';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** PostgreSQL connection string; unset means the embedded PGlite database in PGLITE_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  /** Redis for pub/sub across instances; unset means in-process pub/sub. */
  REDIS_URL: z.string().url().optional(),
  /** Load the demo data set on start (only into an empty database). */
  SEED_DEMO: boolean.default(false),
  /** GraphiQL and introspection; default on outside production. */
  GRAPHIQL: boolean.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often the timer sweeps for expired orders and SMS codes, in milliseconds. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /** The provider's own initial review (初审) promise, in working days (Aliyun 1, Huawei 1–2, 21Vianet 2). */
  INITIAL_REVIEW_WORKING_DAYS: z.coerce.number().int().min(1).max(10).default(1),
  /** Introspection; defaults to the GRAPHIQL setting. */
  INTROSPECTION: boolean.optional(),
  /** The reviewers' board at /console; default on outside production. */
  CONSOLE: boolean.optional(),
  /** Largest request body: JSON and other bodies / multipart uploads (SECURITY.md). */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(6 * 1024 * 1024),
  /** Where rate-limit counters live: this process, Redis (shared by instances; needs REDIS_URL), or nowhere. */
  RATE_LIMIT_STORE: z.enum(['memory', 'redis', 'off']).default('memory'),
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  TRUST_PROXY: boolean.default(false),
  /** Bearer token for GET /metrics; without it only loopback clients may read the metrics. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** scrypt cost for new password hashes, as log2(N); production refuses less than 15 (src/auth/passwords.ts). */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(DEFAULT_PASSWORD_COST),
  /** Browser origins allowed to call the API cross-origin, comma-separated (`https://console.example.cn`); `*` any, without credentials. */
  CORS_ORIGINS: z.string().optional(),
  /** How often live streams re-check their sessions (expiry, and revocations whose notice was lost), in milliseconds. */
  SESSION_CHECK_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  /** Answer the order list and detail with one SQL statement each (src/read-models); `false` takes the general path. */
  READ_MODELS: boolean.default(true),
  SHARED_SUBSCRIPTIONS: boolean.default(true),
  /** SMS gateway: the development outbox, or the HTTP relay adapter (src/sms/http.ts). */
  SMS_GATEWAY: z.enum(['outbox', 'http']).default('outbox'),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_SECRET: z.string().min(16).optional(),
  /** Where uploaded materials are kept: in the database, or in a directory on disk. */
  MATERIAL_STORAGE: z.enum(['database', 'disk']).default('database'),
  MATERIAL_DIR: z.string().default('./data/materials'),
  /** Largest material file (at most 5 MiB, seed 000). */
  MATERIAL_MAX_BYTES: z.coerce.number().int().min(1024).max(5 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Key that signs material links; unset: a random key per process (links then work on the issuing instance only). */
  MATERIAL_URL_SECRET: z.string().min(16).optional(),
  MATERIAL_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** 备案服务号 an instance can issue unless its record says otherwise (Aliyun: 5 per ECS instance). */
  HOSTING_CODES_PER_INSTANCE: z.coerce.number().int().min(1).max(100).default(5),
  /** Remaining paid term an instance needs to carry a filing, in months (seed 000: 3). */
  HOSTING_MIN_REMAINING_MONTHS: z.coerce.number().int().min(0).max(36).default(3),
  /** Instance kinds the provider sells, comma-separated. */
  HOSTING_INSTANCE_KINDS: z.string().default('ECS,LIGHTWEIGHT,VIRTUAL_HOST'),
});

/**
 * Cross-origin access: `any` lets every origin call without credentials (development default);
 * `none` sends no CORS headers (production default); a list allows those origins, with credentials.
 */
export type CorsPolicy = { kind: 'any' } | { kind: 'none' } | { kind: 'list'; origins: string[] };

function corsPolicy(value: string | undefined, production: boolean): CorsPolicy {
  if (value === undefined || value.trim() === '') return production ? { kind: 'none' } : { kind: 'any' };
  const items = value.split(',').map((o) => o.trim()).filter(Boolean);
  if (items.includes('*')) return { kind: 'any' };
  const origins = items.map((o) => {
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new Error(`Invalid configuration:\n  CORS_ORIGINS: ${o} is not an origin (scheme://host[:port])`);
    }
    if (url.origin !== o.replace(/\/$/, '')) throw new Error(`Invalid configuration:\n  CORS_ORIGINS: ${o} is not an origin (scheme://host[:port])`);
    return url.origin;
  });
  return { kind: 'list', origins };
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };
  redisUrl?: string;
  seedDemo: boolean;
  graphiql: boolean;
  /** Serve the reviewers' board at /console. */
  console: boolean;
  sessionTtlHours: number;
  logLevel: string;
  sweepIntervalMs: number;
  initialReviewWorkingDays: number;
  introspection: boolean;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  rateLimitStore: 'memory' | 'redis' | 'off';
  trustProxy: boolean;
  metricsToken?: string;
  passwordHashCost: number;
  cors: CorsPolicy;
  sessionCheckIntervalMs: number;
  /** The access provider's own policies (provinces/kit/provider.ts), e.g. PROVIDER_MAX_ACCESS_APPLICATIONS_IN_FLIGHT. */
  providerPolicies: ProviderPolicies;
  readModels: boolean;
  /** Execute each event once per subscription document, variables and viewer class (src/server/shared-subscriptions.ts). */
  sharedSubscriptions: boolean;
  sms: { kind: 'outbox' } | { kind: 'http'; url: string; secret: string };
  materials: { storage: 'database' | 'disk'; dir: string; maxBytes: number; urlSecret?: string; urlTtlSeconds: number };
  hosting: { codesPerInstance: number; minRemainingMonths: number; instanceKinds: string[] };
}

/** Reads the configuration from environment variables (see README "Configuration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.PASSWORD_HASH_COST < MIN_PRODUCTION_PASSWORD_COST) {
    throw new Error(`Invalid configuration:\n  PASSWORD_HASH_COST: at least ${MIN_PRODUCTION_PASSWORD_COST} in production`);
  }
  if (e.SMS_GATEWAY === 'http' && (!e.SMS_GATEWAY_URL || !e.SMS_GATEWAY_SECRET)) {
    throw new Error('Invalid configuration:\n  SMS_GATEWAY=http needs SMS_GATEWAY_URL and SMS_GATEWAY_SECRET');
  }
  if (e.RATE_LIMIT_STORE === 'redis' && !e.REDIS_URL) throw new Error('Invalid configuration:\n  RATE_LIMIT_STORE=redis needs REDIS_URL');
  let policies: ProviderPolicies;
  try {
    policies = providerPolicies(env);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  ${(error as Error).message}`);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dir: e.PGLITE_DIR },
    redisUrl: e.REDIS_URL,
    seedDemo: e.SEED_DEMO,
    graphiql: e.GRAPHIQL ?? e.NODE_ENV !== 'production',
    console: e.CONSOLE ?? e.NODE_ENV !== 'production',
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    initialReviewWorkingDays: e.INITIAL_REVIEW_WORKING_DAYS,
    introspection: e.INTROSPECTION ?? e.GRAPHIQL ?? e.NODE_ENV !== 'production',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    rateLimitStore: e.RATE_LIMIT_STORE,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    passwordHashCost: e.PASSWORD_HASH_COST,
    cors: corsPolicy(e.CORS_ORIGINS, e.NODE_ENV === 'production'),
    sessionCheckIntervalMs: e.SESSION_CHECK_INTERVAL_MS,
    providerPolicies: policies,
    readModels: e.READ_MODELS,
    sharedSubscriptions: e.SHARED_SUBSCRIPTIONS,
    sms: e.SMS_GATEWAY === 'http' ? { kind: 'http', url: e.SMS_GATEWAY_URL!, secret: e.SMS_GATEWAY_SECRET! } : { kind: 'outbox' },
    materials: {
      storage: e.MATERIAL_STORAGE,
      dir: e.MATERIAL_DIR,
      maxBytes: e.MATERIAL_MAX_BYTES,
      urlSecret: e.MATERIAL_URL_SECRET,
      urlTtlSeconds: e.MATERIAL_URL_TTL_SECONDS,
    },
    hosting: {
      codesPerInstance: e.HOSTING_CODES_PER_INSTANCE,
      minRemainingMonths: e.HOSTING_MIN_REMAINING_MONTHS,
      instanceKinds: e.HOSTING_INSTANCE_KINDS.split(',').map((k) => k.trim()).filter(Boolean),
    },
  };
}
