// A real mock (Prism inside) on a free loopback port, and raw signed POSTs for bodies the client would refuse.
import { startMock, type RunningMock } from '@nimkit/mock';
import { testMockStarter } from '@nimkit/test-kit';

export { APP_KEY, APP_SECRET, postRaw, sign } from '@nimkit/test-kit';

export type Mock = RunningMock;

export const startTestMock = testMockStarter(startMock);
