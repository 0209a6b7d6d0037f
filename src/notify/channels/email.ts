import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config/index.ts';
import { DeliveryError } from '../errors.ts';
import { changeMail, confirmationMail, mailLinks } from '../mail.ts';
import type { ChannelSender, SendRequest, SendResult } from './types.ts';

/**
 * Mail over SMTP (nodemailer): a confirmation, one change, or a digest of changes. The Message-ID
 * is derived from the idempotency key, so a mail sent twice (a worker died after sending) is the
 * same message to the receiving side.
 */
export function emailSender(smtp: SmtpConfig, baseUrl: string, timeoutMs: number): ChannelSender {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password?.reveal() ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const domain = new URL(baseUrl).hostname || 'redline.invalid';
  return {
    async send(req: SendRequest): Promise<SendResult> {
      const links = mailLinks(baseUrl, req.token);
      const isConfirmation = req.batch.deliveries.every((d) => d.kind === 'confirm');
      const mail = isConfirmation ? confirmationMail(req.watch, links) : changeMail(req.watch, req.changes, links);
      const key = req.batch.deliveries.map((d) => d.key).join('.');
      try {
        const info = await transport.sendMail({
          from: smtp.from,
          to: req.subscription.address,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${key}@${domain}>`,
          headers: { ...mail.headers, 'X-Redline-Idempotency-Key': key, 'X-Redline-Attempt': String(req.attempt.attempt) },
        });
        return { response: `SMTP ${String(info.response ?? 'ok').slice(0, 120)}` };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // 5xx: the server refused for good (no such mailbox...); anything else may pass later.
        if (code && code >= 500)
          throw new DeliveryError(`SMTP ${code} for subscription ${req.subscription.id}`, { permanent: true, cause: err });
        throw new DeliveryError(`SMTP ${code ?? (err as { code?: string }).code ?? 'error'} for subscription ${req.subscription.id}`, {
          cause: err,
        });
      }
    },
    close: async () => transport.close(),
  };
}
