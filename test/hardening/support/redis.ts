import { FakeRedis } from './fake-redis.js';

/** A Redis for a test: TEST_REDIS_URL when set (CI), otherwise an in-process fake. */
export async function testRedis(): Promise<{ url: string; real: boolean; stop(): Promise<void> }> {
  const real = process.env.TEST_REDIS_URL;
  if (real) return { url: real, real: true, stop: async () => undefined };
  const fake = new FakeRedis();
  const url = await fake.start();
  return { url, real: false, stop: () => fake.stop() };
}
