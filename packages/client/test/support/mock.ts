// The project's real mock (Prism inside) on a free loopback port.
import { startMock, type MockOptions } from '@nimkit/mock';

export const APP_KEY = 'client-test-app-key';
export const APP_SECRET = 'client-test-app-secret';

export type Mock = Awaited<ReturnType<typeof startMock>>;

/** Examples mode: these suites check the client against the spec's examples, not the stateful emulator. */
export function startTestMock(options: MockOptions = {}): Promise<Mock> {
  return startMock({ port: 0, log: false, appKey: APP_KEY, appSecret: APP_SECRET, mode: 'examples', ...options });
}
