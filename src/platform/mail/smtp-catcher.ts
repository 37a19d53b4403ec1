import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  receivedAt: Date;
}

export interface SmtpCatcher {
  /** smtp://127.0.0.1:<port>, to give nodemailer. */
  url: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server, in-process, that keeps what it receives instead of delivering it. The demo
 * shows its mails to the demo operator; the tests read them. Listens on 127.0.0.1 only.
 */
export async function startSmtpCatcher(onMail: (mail: CaughtMail) => void | Promise<void>): Promise<SmtpCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1_000_000,
    onData(stream, session, callback) {
      // mailparser (~0.25 s of CPU to load) is loaded with the first mail caught, not with the app.
      import('mailparser')
        .then(({ simpleParser }) => simpleParser(stream))
        .then(async (parsed) => {
          await onMail({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: new Date(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
