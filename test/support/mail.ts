import type { TestContext } from 'node:test';
import { startSmtpCatcher, type CaughtMail } from '../../src/platform/mail/smtp-catcher';

export interface TestInbox {
  /** Give it to buildTestApp as SMTP_URL. */
  url: string;
  mails: CaughtMail[];
  /**
   * Waits (up to 5 s) for a mail to `to` whose subject matches, and returns it; with `nth`, for
   * the nth such mail (mails leave through the outbox, one after the other).
   */
  waitFor(to: string, subject?: RegExp, nth?: number): Promise<CaughtMail>;
}

/** A real SMTP server in the test process: Guichet sends to it through nodemailer. */
export async function startTestInbox(t: Pick<TestContext, 'after'>): Promise<TestInbox> {
  const mails: CaughtMail[] = [];
  const waiters: Array<() => void> = [];
  const catcher = await startSmtpCatcher((mail) => {
    mails.push(mail);
    for (const wake of waiters.splice(0)) wake();
  });
  t.after(() => catcher.close());
  const find = (to: string, subject: RegExp | undefined, nth: number) =>
    mails.filter((m) => m.to.some((r) => r.toLowerCase() === to.toLowerCase()) && (!subject || subject.test(m.subject)))[nth - 1];
  return {
    url: catcher.url,
    mails,
    async waitFor(to, subject, nth = 1) {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const found = find(to, subject, nth);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail${nth > 1 ? ` number ${nth}` : ''} to ${to}${subject ? ` matching ${subject}` : ''}; got: ${mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 200);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

/** The first http(s) link in a mail's text that contains `pathPart`. */
export function linkIn(mail: CaughtMail, pathPart: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(pathPart));
  if (!link) throw new Error(`No link with ${pathPart} in: ${mail.text}`);
  return link;
}
