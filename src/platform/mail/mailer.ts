import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { PlatformTables } from '../db/tables';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain French text: every mail Guichet sends is readable as text, with full links. */
  text: string;
}

/**
 * Writes, when the worker takes the row, the mail of a kind a module registered (or null when
 * there is nothing to send, e.g. a reset asked for an address without account). Composing at
 * sending time lets a request write the same row whatever it found, and keeps one-time links
 * out of the table.
 */
export type MailComposer = (payload: Record<string, unknown>) => Promise<MailMessage | null>;

/** The database, or the transaction of the change the mail is about. */
type Executor = Pick<Kysely<PlatformTables>, 'insertInto'>;

export interface MailerOptions {
  db: Kysely<PlatformTables>;
  smtpUrl: string;
  from: string;
  log?: FastifyBaseLogger;
  /** How often the worker looks for due mails (it is also woken by every new mail). */
  pollMs?: number;
}

const MAX_ATTEMPTS = 10;
/** A claimed row comes back to every worker after this, if its sender died while sending. */
const CLAIM_SECONDS = 300;
const BATCH = 20;

/** 30 s, 1 min, 2 min… up to 1 h between attempts. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Guichet's mail: `send` writes the mail to the outbox table (platform_mail_outbox) and returns
 * at once, so a request never waits for SMTP and answers in the same time whatever it mails. A
 * worker in every instance delivers due rows through SMTP (SMTP_URL, or the demo catcher):
 * rows are claimed with FOR UPDATE SKIP LOCKED (several instances never send one twice),
 * deleted once sent, retried with growing delays after a failure, and given up after
 * MAX_ATTEMPTS (logged, kept without body). A mail's body never goes to the logs.
 */
export class Mailer {
  private readonly transport: Transporter;
  private readonly composers = new Map<string, MailComposer>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: MailerOptions) {
    this.transport = nodemailer.createTransport(options.smtpUrl);
  }

  /** Registers the composer of a kind of mail (modules, when they are registered). */
  compose(kind: string, composer: MailComposer): void {
    if (kind === 'mail') throw new Error('"mail" is the kind of ready-made mails');
    this.composers.set(kind, composer);
  }

  /** Queues a ready-made mail (in `executor`'s transaction when given). Always true: kept for callers. */
  async send(message: MailMessage, executor: Executor = this.options.db): Promise<boolean> {
    await this.enqueue('mail', { to: message.to, subject: message.subject, text: message.text }, executor);
    return true;
  }

  /** Queues a mail of a registered kind, composed when it is sent. */
  async enqueue(kind: string, payload: Record<string, unknown>, executor: Executor = this.options.db): Promise<void> {
    await executor.insertInto('platform_mail_outbox').values({ kind, payload: JSON.stringify(payload) }).execute();
    this.wake();
  }

  /** Starts the worker: it runs every pollMs and whenever a mail is queued in this instance. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Sends every due mail now and resolves when none is left (tests; the worker does the same). */
  async drain(): Promise<void> {
    for (;;) {
      while (this.running) await this.running;
      const sent = await this.deliverBatch();
      // The worker may have started meanwhile and taken the due rows (ours then found none):
      // done only when neither found anything left.
      if (sent === 0 && !this.running) return;
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) await this.running;
    this.transport.close();
  }

  private wake(): void {
    if (this.stopped || !this.timer) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while (!this.stopped && (await this.deliverBatch()) === BATCH);
        } catch (error) {
          // The database is away for a moment: the next tick tries again.
          this.options.log?.warn({ err: error }, 'mail outbox: could not read');
        }
      } while (this.again && !this.stopped);
    })();
    await this.running;
    this.running = undefined;
    // A mail queued while the last batch was finishing is not left for the next poll.
    if (!this.stopped) this.schedule(this.again ? 0 : (this.options.pollMs ?? 500));
  }

  /** Claims up to BATCH due rows (one statement, so the claim is atomic) and sends them. */
  private async deliverBatch(): Promise<number> {
    const claimed = await sql<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number }>`
      update platform_mail_outbox
      set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
      where id in (
        select id from platform_mail_outbox
        where failed_at is null and next_attempt_at <= now()
        order by next_attempt_at, id
        limit ${BATCH}
        for update skip locked)
      returning id, kind, payload, attempts`.execute(this.options.db);
    // RETURNING gives no order: mails leave in the order they were written (a newer link after an older one).
    const inOrder = [...claimed.rows].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    for (const row of inOrder) await this.deliver(row);
    return claimed.rows.length;
  }

  private async deliver(row: { id: string; kind: string; payload: Record<string, unknown>; attempts: number }): Promise<void> {
    const { db, log, from } = this.options;
    try {
      const message = await this.messageOf(row);
      if (message) await this.transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      await db.deleteFrom('platform_mail_outbox').where('id', '=', row.id).execute();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      log?.error({ err: error, kind: row.kind, attempts: row.attempts, giveUp }, 'mail not sent');
      await db
        .updateTable('platform_mail_outbox')
        .set({
          last_error: reason.slice(0, 500),
          next_attempt_at: new Date(Date.now() + retryDelaySeconds(row.attempts) * 1000),
          ...(giveUp ? { failed_at: new Date(), payload: JSON.stringify({ to: row.payload.to ?? null, subject: row.payload.subject ?? null }) } : {}),
        })
        .where('id', '=', row.id)
        .execute();
    }
  }

  private async messageOf(row: { kind: string; payload: Record<string, unknown> }): Promise<MailMessage | null> {
    if (row.kind === 'mail') {
      const { to, subject, text } = row.payload;
      return { to: String(to), subject: String(subject), text: String(text) };
    }
    const composer = this.composers.get(row.kind);
    if (!composer) throw new Error(`no composer for mails of kind ${row.kind}`);
    return composer(row.payload);
  }
}
