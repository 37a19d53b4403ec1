import { createServer, type AddressInfo } from 'node:net';

/**
 * A TCP port free right now on 127.0.0.1. Used where the address must be known before the app
 * is built (PUBLIC_URL names it in mails, OpenID issuers and sign-on redirects).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
