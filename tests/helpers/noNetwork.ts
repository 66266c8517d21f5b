import nock from 'nock';
import { afterEach } from 'vitest';

// Tests never reach the network: only servers the tests start on this machine are reachable.
nock.disableNetConnect();
nock.enableNetConnect('127.0.0.1');

afterEach(() => {
  nock.cleanAll();
});
