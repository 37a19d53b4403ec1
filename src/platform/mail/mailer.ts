import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain French text: every mail Guichet sends is readable as text, with full links. */
  text: string;
}

/**
 * Sends mails through SMTP (SMTP_URL, or the demo catcher's address). A mail that cannot be
 * sent is logged without its body (links in it are credentials) and reported to the caller,
 * who decides whether the person must be told.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly log?: FastifyBaseLogger,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<boolean> {
    try {
      await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
      return true;
    } catch (error) {
      this.log?.error({ err: error, subject: message.subject }, 'mail not sent');
      return false;
    }
  }

  close(): void {
    this.transport.close();
  }
}
