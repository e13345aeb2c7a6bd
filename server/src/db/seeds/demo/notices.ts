import type { Insertable } from 'kysely';
import type { OutboxTable } from '../../schema.js';
import { assignmentRoleLabels } from '../../../shared/labels.js';
import type { SuggestionPlan } from './types.js';

// The in-app notices the demo accounts would have received, as the commands word them:
// the latest few per account unread, older ones read. Mail went out long ago.

interface Notice {
  to: number;
  at: Date;
  kind: string;
  title: string;
  body: string;
  s: SuggestionPlan;
}

function noticesOf(s: SuggestionPlan): Notice[] {
  const out: Notice[] = [];
  const deputies = [s.lead.id, ...s.cosigners.filter((c) => c.status === 'confirmed').map((c) => c.deputy.id)];
  const add = (to: readonly number[], at: Date, kind: string, title: string, body = '') => {
    for (const id of new Set(to)) out.push({ to: id, at, kind, title, body, s });
  };
  for (const e of s.events) {
    switch (e.action) {
      case 'suggestion.cosigner_invited':
        add(
          s.cosigners.map((c) => c.deputy.id),
          e.at,
          'cosign_invited',
          `${s.lead.name}代表邀请您联名：${s.title}`,
        );
        break;
      case 'suggestion.submitted':
        add([s.dir.office.id], e.at, 'submitted', `收到代表建议待审核：${s.title}`);
        break;
      case 'suggestion.registered':
        add(
          deputies,
          e.at,
          e.action,
          `您的建议已立案，编为${s.period === 'between_sessions' ? '闭会' : ''}第${s.number}号：${s.title}`,
        );
        break;
      case 'suggestion.returned':
        add(deputies, e.at, e.action, `您的建议被退回修改：${s.title}。意见：${s.reviewComment ?? ''}`);
        break;
      case 'suggestion.assigned':
        for (const p of s.parts)
          add(
            [p.unit.handler.id],
            e.at,
            'assigned',
            `新交办建议（${assignmentRoleLabels[p.role]}）：${s.title}`,
            `${p.unit.name}：${p.replyDueRule}`,
          );
        break;
      case 'suggestion.reply_sent': {
        const part = s.parts.find((p) => p.replies.some((r) => r === e.ref));
        const reply = part?.replies.find((r) => r === e.ref);
        if (part && reply)
          add(
            [...deputies, s.dir.office.id],
            e.at,
            'reply_sent',
            `${part.unit.name}已答复：${s.title}（${reply.docNumber}）`,
          );
        break;
      }
      case 'suggestion.reply_submitted':
      case 'suggestion.reply_approved': {
        const part = s.parts.find((p) => p.replies.some((r) => r === e.ref));
        if (!part) break;
        const next = e.action === 'suggestion.reply_submitted' ? part.unit.chain[0] : part.unit.chain[1];
        const who = next === 'unit_reviewer' ? part.unit.reviewer : part.unit.signer;
        add(
          [who.id],
          e.at,
          'reply_to_review',
          `答复待${next === 'unit_reviewer' ? '审核人' : '签发人'}审核：${s.title}`,
        );
        break;
      }
      case 'suggestion.rehandling_opened': {
        const part = s.parts.find((p) => p === e.ref);
        if (part)
          add(
            [part.unit.handler.id, s.dir.office.id],
            e.at,
            'rehandling',
            `代表测评不满意，须重新办理并于${part.rehandlingDue}前再次答复：${s.title}`,
          );
        break;
      }
      case 'suggestion.extension_requested':
        add([s.dir.office.id], e.at, 'extension_requested', `收到延期申请：${s.title}`);
        break;
      case 'suggestion.reassignment_requested':
        add([s.dir.office.id], e.at, 'reassignment_requested', `收到调整申请：${s.title}`);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Notices for the given accounts only: the newest `keep` of each, the last few unread. */
export function demoNotices(
  plans: readonly SuggestionPlan[],
  recipients: ReadonlySet<number>,
  keep = 40,
): Insertable<OutboxTable>[] {
  const byRecipient = new Map<number, Notice[]>();
  for (const s of plans) {
    for (const n of noticesOf(s)) {
      if (!recipients.has(n.to)) continue;
      const list = byRecipient.get(n.to) ?? [];
      list.push(n);
      byRecipient.set(n.to, list);
    }
  }
  const rows: (Insertable<OutboxTable> & { at: Date; notice: Notice })[] = [];
  for (const list of byRecipient.values()) {
    list.sort((a, b) => b.at.getTime() - a.at.getTime());
    list.slice(0, keep).forEach((n, i) => {
      rows.push({
        at: n.at,
        notice: n,
        congress_id: n.s.dir.congressId,
        recipient_user_id: n.to,
        kind: n.kind,
        title: n.title,
        body: n.body,
        suggestion_id: null,
        created_at: n.at,
        read_at: i < 6 ? null : new Date(n.at.getTime() + 3 * 3_600_000),
        delivered_at: n.at,
      });
    });
  }
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  return rows.map(({ at: _at, notice, ...row }) => ({ ...row, suggestion_id: notice.s.id ?? null }));
}
