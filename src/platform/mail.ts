// Email: through SMTP when SMTP_URL is set; otherwise every message lands in the outbox
// table, which administrators read on /beheer/outbox (demo and development).
import nodemailer from 'nodemailer';
import type { Executor } from '../db/client.js';
import { platformRepository } from './repository.js';

export interface Mail {
  to: string;
  personId?: number | null;
  subject: string;
  body: string;
}

export interface Mailer {
  send(db: Executor, mail: Mail): Promise<void>;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!options.smtpUrl) {
    return {
      send: async (db, mail) => {
        await platformRepository(db).insertOutbox({
          recipient: mail.to,
          personId: mail.personId ?? null,
          subject: mail.subject,
          body: mail.body,
        });
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    send: async (_db, mail) => {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
      });
    },
  };
}
