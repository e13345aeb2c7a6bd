import nodemailer from 'nodemailer';
import type { Db } from '../platform/db.js';

/**
 * Mails the given notices to their recipients who gave an address, each once: a notice is
 * marked delivered as soon as its mail is accepted, and carries its own Message-ID, so a
 * retry after a crash sends only what was not yet accepted (and a server can tell a repeat).
 */
export async function mailNotices(
  db: Db,
  smtpUrl: string,
  from: string,
  noticeIds: readonly number[],
): Promise<{ sent: number }> {
  if (noticeIds.length === 0) return { sent: 0 };
  const pending = await db
    .selectFrom('outbox as o')
    .innerJoin('app_user as u', 'u.id', 'o.recipient_user_id')
    .select(['o.id', 'o.title', 'o.body', 'u.email', 'u.display_name'])
    .where('o.id', 'in', noticeIds)
    .where('o.delivered_at', 'is', null)
    .where('u.email', '!=', '')
    .orderBy('o.id')
    .execute();
  if (pending.length === 0) return { sent: 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  try {
    for (const n of pending) {
      try {
        await transport.sendMail({
          from,
          to: { name: n.display_name, address: n.email },
          messageId: `<notice-${n.id}@lianxin>`,
          subject: `【连心】${n.title}`,
          text: `${n.display_name}：\n\n${n.title}\n${n.body}\n\n请登录连心代表建议办理系统查看详情。`,
        });
      } catch (err) {
        await db
          .updateTable('outbox')
          .set((eb) => ({
            mail_attempts: eb('mail_attempts', '+', 1),
            mail_error: String((err as Error).message).slice(0, 500),
          }))
          .where('id', '=', n.id)
          .execute();
        throw err;
      }
      await db
        .updateTable('outbox')
        .set({ delivered_at: new Date(), mail_error: null })
        .where('id', '=', n.id)
        .execute();
      sent += 1;
    }
  } finally {
    transport.close();
  }
  return { sent };
}
