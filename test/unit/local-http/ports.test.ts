import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { listensOn } from '../../../local/dynamodb';

describe('listensOn (how DynamoDB Local is confirmed to hold its port)', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });

  it.runIf(process.platform === 'linux')('is true for a port this process listens on, false for one it does not', async () => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    expect(listensOn(process.pid, port)).toBe(true);
    server.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(listensOn(process.pid, port)).toBe(false);
  });

  it('cannot tell for a process that does not exist', () => {
    expect(listensOn(2 ** 22 + 1, 8000)).toBeUndefined();
  });
});
