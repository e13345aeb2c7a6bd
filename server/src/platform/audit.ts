import type { AuditPayloads } from './audit-payloads.js';
import { writeEffects } from './commit.js';
import type { Executor } from './db.js';
import type { Grant, Viewer } from './auth/viewer.js';

// Every change of state is written with who and when in the same transaction as the change.
// The action names form a closed vocabulary; the payloads are the before → after of what moved.
export const auditActions = {
  'suggestion.created': '起草建议',
  'suggestion.edited': '修改建议',
  'suggestion.cosigner_invited': '邀请联名',
  'suggestion.cosign_confirmed': '确认联名',
  'suggestion.cosign_declined': '拒绝联名',
  'suggestion.submitted': '提交建议',
  'suggestion.registered': '立案',
  'suggestion.returned': '退回修改',
  'suggestion.declined': '不予立案',
  'suggestion.pre_assigned': '预交办',
  'suggestion.assigned': '交办',
  'suggestion.classed': '归类',
  'suggestion.reassignment_requested': '申请调整',
  'suggestion.reassignment_accepted': '同意调整',
  'suggestion.reassignment_rejected': '不同意调整',
  'suggestion.acknowledged': '签收',
  'suggestion.contact_recorded': '沟通联系',
  'suggestion.opinion_sent': '提交会办意见',
  'suggestion.extension_requested': '申请延期',
  'suggestion.extension_granted': '同意延期',
  'suggestion.extension_refused': '不同意延期',
  'suggestion.reply_drafted': '起草答复',
  'suggestion.reply_submitted': '答复送审',
  'suggestion.reply_approved': '答复审核通过',
  'suggestion.reply_returned': '答复退回修改',
  'suggestion.reply_sent': '签发答复',
  'suggestion.rated': '代表测评',
  'suggestion.rehandling_opened': '重新办理',
  'suggestion.closed': '办结',
  'suggestion.feedback_window_ended': '反馈期限届满（未反馈）',
  'suggestion.disclosure_set': '公开设置',
  'suggestion.attachment_added': '上传附件',
  'promise.progress_reported': '报告承诺进展',
  'promise.fulfilled': '承诺销号',
  'promise.progress_assessed': '代表评价承诺进展',
  'promise.fulfilment_requested': '申请销号',
  'promise.fulfilment_accepted': '代表同意销号',
  'promise.fulfilment_disputed': '代表不同意销号',
  'promise.focused': '列为重点督办（回头看）',
  'suggestion.continued': '上年度建议续办',
  'document.urging_notice_issued': '发出催办函',
  'document.letterhead_uploaded': '上传信笺模板',
  'document.letterhead_removed': '删除信笺模板',
  'policy.updated': '修改办理规则',
  'calendar.updated': '修改节假日安排',
  'session.reassignment_window_extended': '延长调整期限',
  'term.created': '新建届',
  'term.updated': '修改届',
  'session.created': '新建会议',
  'session.updated': '修改会议',
  'session.opened': '设为当前会议',
  'roster.created': '新建名录',
  'roster.renamed': '修改名称',
  'roster.retired': '停用',
  'deputy.created': '新增代表',
  'deputy.updated': '修改代表信息',
  'deputy.left': '代表离任',
  'unit.created': '新增承办单位',
  'unit.updated': '修改承办单位',
  'unit.retired': '撤销承办单位',
  'unit.reformed': '机构改革（合并或撤销）',
  'unit.work_passed': '机构改革移交承办',
  'category.created': '新增建议分类',
  'category.updated': '修改建议分类',
  'category.retired': '停用建议分类',
  'dictionary.created': '新增词典词条',
  'dictionary.updated': '修改词典词条',
  'dictionary.deleted': '删除词典词条',
  'account.created': '新建账号',
  'account.updated': '修改账号',
  'account.granted': '授予角色',
  'account.revoked': '收回角色',
  'account.password_reset': '重置密码',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'administration.settings_updated': '修改管理设置',
  'user.password_changed': '修改密码',
  'user.logged_in': '登录',
  'import.published': '导入Excel',
  'user.locked': '登录失败次数过多，账号锁定',
  'user.unlocked': '解除登录锁定',
  'congress.created': '创建人大机构',
  'congress.office_account_created': '创建联工委账号',
} as const;

export type AuditAction = keyof typeof auditActions;

// Every action has its payload type, and every payload type its action.
type Missing = Exclude<AuditAction, keyof AuditPayloads> | Exclude<keyof AuditPayloads, AuditAction>;
export const everyActionHasItsPayload: [Missing] extends [never] ? true : Missing = true;

interface AuditSubject {
  entityType:
    | 'suggestion'
    | 'assignment'
    | 'reply'
    | 'urging_notice'
    | 'letterhead'
    | 'promise'
    | 'policy'
    | 'calendar'
    | 'session'
    | 'user'
    | 'congress'
    | 'reassignment_request'
    | 'extension_request'
    | 'term'
    | 'delegation'
    | 'deputy_group'
    | 'committee'
    | 'unit_system'
    | 'deputy'
    | 'handling_unit'
    | 'unit_reform'
    | 'category'
    | 'dictionary_entry'
    | 'role_grant'
    | 'administration_setting'
    | 'import_job';
  entityId: number | null;
  suggestionId?: number | null;
  congressId: number | null;
}

/** One audit entry: the action, what it was done to, and its typed before → after. */
export type AuditEntry = { [A in AuditAction]: AuditSubject & { action: A } & AuditPayloads[A] }[AuditAction];

/** Who acted: a logged-in viewer, or at login the user and the grant they start with. */
export type AuditActor = Pick<Viewer, 'userId'> & { grant: { role: Grant['role'] | 'system_admin' } };

/** Who and what of a change; `null` actor: the system itself (the scheduled jobs). */
function auditFields(actor: AuditActor | null, entry: AuditEntry) {
  return {
    congress_id: entry.congressId,
    actor_user_id: actor?.userId ?? null,
    actor_role: actor?.grant.role ?? 'system',
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    suggestion_id: entry.suggestionId ?? null,
  };
}

/** The audit row of a change, ready to insert. */
export function auditRow(actor: AuditActor | null, entry: AuditEntry) {
  return {
    ...auditFields(actor, entry),
    before_state: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_state: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}

/**
 * Audit rows as one JSON array, for a statement that writes them beside a row it creates
 * itself (`jsonb_populate_recordset(null::audit_event, …)`), taking the new row's id there.
 */
export function auditRowsJson(actor: AuditActor | null, entries: readonly AuditEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => ({
      ...auditFields(actor, entry),
      before_state: entry.before ?? null,
      after_state: entry.after ?? null,
    })),
  );
}

/** One audit entry, through the commit helper. */
export async function recordAudit(tx: Executor, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await writeEffects(tx, actor, { audit: [entry] });
}
