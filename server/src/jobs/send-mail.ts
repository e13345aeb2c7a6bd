import nodemailer from 'nodemailer';
import type { Db } from '../platform/db.js';

const MAX_ATTEMPTS = 5;

/**
 * Delivers undelivered notices by mail to users who gave an address, after the commit that
 * wrote them. A failed send is retried on the next run, up to five times.
 */
export async function sendPendingMail(db: Db, smtpUrl: string, from: string, batch = 200): Promise<{ sent: number; failed: number }> {
  const transport = nodemailer.createTransport(smtpUrl);
  const pending = await db
    .selectFrom('outbox as o')
    .innerJoin('app_user as u', 'u.id', 'o.recipient_user_id')
    .select(['o.id', 'o.title', 'o.body', 'u.email', 'u.display_name'])
    .where('o.delivered_at', 'is', null)
    .where('u.email', '!=', '')
    .where('o.mail_attempts', '<', MAX_ATTEMPTS)
    .orderBy('o.id')
    .limit(batch)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const n of pending) {
    try {
      await transport.sendMail({
        from,
        to: { name: n.display_name, address: n.email },
        subject: `【连心】${n.title}`,
        text: `${n.display_name}：\n\n${n.title}\n${n.body}\n\n请登录连心代表建议办理系统查看详情。`,
      });
      await db.updateTable('outbox').set({ delivered_at: new Date(), mail_error: null }).where('id', '=', n.id).execute();
      sent += 1;
    } catch (err) {
      await db
        .updateTable('outbox')
        .set((eb) => ({ mail_attempts: eb('mail_attempts', '+', 1), mail_error: String((err as Error).message).slice(0, 500) }))
        .where('id', '=', n.id)
        .execute();
      failed += 1;
    }
  }
  transport.close();
  return { sent, failed };
}
