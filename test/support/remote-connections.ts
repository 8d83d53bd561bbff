/** Watching the sockets a test opens, to prove nothing leaves the machine. */
import net from 'node:net';
import { vi } from 'vitest';

/**
 * Start recording every socket connect; `stop()` ends the recording and returns the connects
 * to hosts other than 127.0.0.1 / localhost (their options as given to `connect`).
 */
export function watchRemoteConnections(): { stop(): unknown[] } {
  const connect = vi.spyOn(net.Socket.prototype, 'connect');
  return {
    stop() {
      const remote = connect.mock.calls.filter(([options]) => {
        const host = (options as { host?: string } | undefined)?.host;
        return host !== undefined && host !== '127.0.0.1' && host !== 'localhost';
      });
      connect.mockRestore();
      return remote;
    },
  };
}
