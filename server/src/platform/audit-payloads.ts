// What each audited action records of before → after: one payload type per action, so the
// history (办理记录) and the figures read the same shapes the commands wrote. A module adds
// its actions here with their payloads (and their labels in audit.ts); the compiler then
// refuses an entry whose payload does not fit its action.

type Status = { status: string };
type PartState = { state: string };
type Unit = { unitId: number; role: string };
type CalendarDay = { day: string; kind: string; name: string };
type AdminTerm = { ordinal: number; startsOn: string; endsOn: string | null };
type AdminSession = { termId: number; ordinal: number; opensOn: string; closesOn: string; submissionClosesAt: string };
type AdminDeputy = {
  name: string;
  termId: number;
  gender: string;
  ethnicity: string;
  delegationId: number | null;
  deputyGroupId: number | null;
  occupation: string;
  userId: number | null;
};
type AdminUnit = {
  name: string;
  shortName: string;
  unitSystemId: number;
  reviewChain: string[];
  duties: string;
};
type AdminCategory = { code: string; name: string; parentCode: string | null; committeeId: number | null };
type AdminDictionaryEntry = { kind: string; term: string; note: string };
type AdminGrant = {
  userId: number;
  role: string;
  deputyId: number | null;
  unitId: number | null;
  unitSystemId: number | null;
  committeeId: number | null;
  deputyGroupId: number | null;
};

export interface AuditPayloads {
  'suggestion.created': { before?: never; after: { title: string; categoryCode: string } };
  'suggestion.edited': {
    before: { title: string; body: string; categoryCode: string };
    after: { title: string; body: string; categoryCode: string };
  };
  'suggestion.cosigner_invited': { before?: never; after: { deputyIds: number[]; reason?: 'text_changed' } };
  'suggestion.cosign_confirmed': { before: Status; after: Status };
  'suggestion.cosign_declined': { before: Status; after: Status };
  'suggestion.submitted': { before: Status; after: Status & { period: string } };
  'suggestion.registered': {
    before: Status;
    after: Status & { number: number | null; comment: string | null; reason: string | null };
  };
  'suggestion.returned': AuditPayloads['suggestion.registered'];
  'suggestion.declined': AuditPayloads['suggestion.registered'];
  'suggestion.pre_assigned': { before?: never; after: { units: readonly Unit[] } };
  'suggestion.assigned': {
    before: Status;
    after: Status & { mode: string; assignments: (Unit & { replyDue: string })[] };
  };
  'suggestion.classed': { before: { classId: number | null }; after: { classId: number; className: string } };
  'suggestion.reassignment_requested': { before?: never; after: { reason: string; proposedUnitIds: number[] } };
  'suggestion.reassignment_accepted': {
    before: { assignments: Unit[] };
    after: { reason: string; mode?: string | undefined; units?: Unit[] | undefined };
  };
  'suggestion.reassignment_rejected': AuditPayloads['suggestion.reassignment_accepted'];
  'suggestion.acknowledged': { before: PartState; after: PartState & { handlerName: string; plannedReplyOn: string } };
  'suggestion.contact_recorded': { before?: never; after: { phase: string; kind: string; contactedOn: string } };
  'suggestion.opinion_sent': { before: PartState; after: PartState & { onTime: boolean } };
  'suggestion.extension_requested': { before?: never; after: { requestedDue: string; reason: string } };
  'suggestion.extension_granted': { before: { due: string }; after: { due: string } | { reason: string } };
  'suggestion.extension_refused': AuditPayloads['suggestion.extension_granted'];
  'suggestion.reply_drafted': { before?: { classCode: string } | undefined; after: { classCode: string } };
  'suggestion.reply_submitted': {
    before: { state: string; step: number };
    after: { state?: string; step?: number; comment?: string };
  };
  'suggestion.reply_approved': AuditPayloads['suggestion.reply_submitted'];
  'suggestion.reply_returned': AuditPayloads['suggestion.reply_submitted'];
  'suggestion.reply_sent': {
    before: Status;
    after: Status & { docNumber: string; classCode: string; onTime: boolean; round: number; feedbackDue: string };
  };
  /** Back to back: the audit keeps who rated (its actor); presenters never show it to units. */
  'suggestion.rated': { before?: never; after: { attitude: string; result: string; isLead: boolean } };
  'suggestion.rehandling_opened': {
    before: PartState;
    after: PartState & { rehandlingDue: string; round: number; unitId: number };
  };
  'suggestion.closed': {
    before: Status;
    after: Status & { closeKind: 'rated' | 'no_feedback' | 'office'; reason?: string };
  };
  'suggestion.feedback_window_ended': { before: PartState; after: PartState & { feedbackDue: string; unitId: number } };
  'suggestion.disclosure_set': { before: { disclosure: string }; after: { disclosure: string } };
  'suggestion.attachment_added': {
    before?: never;
    after: { attachmentId: number; fileName: string; sizeBytes: number };
  };
  'suggestion.continued': {
    before?: never;
    after:
      | { continues: number; sessionId: number; number: number; openPromises: string[] }
      | { continuedAs: number; sessionId: number };
  };
  'promise.progress_reported': { before?: never; after: { progress: string } };
  'promise.progress_assessed': { before?: never; after: { progressId: number; satisfied: boolean; comment: string } };
  'promise.fulfilment_requested': { before?: never; after: { note: string; verdictDue: string } };
  'promise.fulfilment_accepted': { before?: never; after: { verdict: 'accepted' | 'disputed'; comment: string } };
  'promise.fulfilment_disputed': AuditPayloads['promise.fulfilment_accepted'];
  'promise.fulfilled': {
    before: { status: 'open'; deputyVerdict: 'accepted' | 'disputed' | null };
    after: {
      status: 'fulfilled';
      note: string;
      ground: 'deputy_accepted' | 'office_ruling';
      acceptedBy: number | null;
    };
  };
  'promise.focused': { before?: never; after: { note: string } };
  /** The whole table before and after (handling-rules.schemas.ts). */
  'document.urging_notice_issued': {
    before?: never;
    after: { docNumber: string; unitId: number; assignmentId: number; dueOn: string; overdueDays: number };
  };
  'document.letterhead_uploaded': {
    before: { fileName: string } | null;
    after: { fileName: string; sizeBytes: number };
  };
  'document.letterhead_removed': { before: { fileName: string }; after?: never };
  'policy.updated': { before: object; after: object };
  'calendar.updated': { before: CalendarDay[]; after: CalendarDay[] };
  'session.reassignment_window_extended': {
    before: { until: string | null };
    after: { until: string; assignmentsExtended: number };
  };
  'term.created': { before?: never; after: AdminTerm };
  'term.updated': { before: AdminTerm; after: AdminTerm };
  'session.created': { before?: never; after: AdminSession };
  'session.updated': { before: AdminSession; after: AdminSession };
  'session.opened': { before: { currentSessionId: number | null }; after: { currentSessionId: number } };
  /** A delegation, deputy group, committee or system (entityType says which). */
  'roster.created': { before?: never; after: { name: string } };
  'roster.renamed': { before: { name: string }; after: { name: string } };
  'roster.retired': { before: { name: string }; after: { retiredAt: string } };
  /** Phone and ID number are named when they change, never written here. */
  'deputy.created': { before?: never; after: AdminDeputy & { privateFieldsSet: string[] } };
  'deputy.updated': { before: AdminDeputy; after: AdminDeputy & { privateFieldsChanged: string[] } };
  'deputy.left': { before: { status: string }; after: { status: string; on: string } };
  'unit.created': { before?: never; after: AdminUnit };
  'unit.updated': { before: AdminUnit; after: AdminUnit };
  'unit.retired': { before: { name: string }; after: { retiredAt: string } };
  'unit.reformed': {
    before: { unitId: number; name: string };
    after: {
      kind: string;
      successorUnitId: number | null;
      effectiveOn: string;
      assignmentsMoved: number;
      promisesMoved: number;
    };
  };
  /** One open part or promise of a suggestion passed to the successor of a reformed unit. */
  'unit.work_passed': { before: { unitId: number }; after: { unitId: number; reformId: number } };
  'category.created': { before?: never; after: AdminCategory };
  'category.updated': { before: AdminCategory; after: AdminCategory };
  'category.retired': { before: { name: string }; after: { retiredAt: string } };
  'dictionary.created': { before?: never; after: AdminDictionaryEntry };
  'dictionary.updated': { before: AdminDictionaryEntry; after: AdminDictionaryEntry };
  'dictionary.deleted': { before: AdminDictionaryEntry; after?: never };
  'account.created': { before?: never; after: { username: string; displayName: string } };
  'account.updated': { before: { displayName: string; phone: string }; after: { displayName: string; phone: string } };
  'account.granted': { before?: never; after: AdminGrant };
  'account.revoked': { before: AdminGrant; after: { sessionsEnded: number } };
  'account.password_reset': { before?: never; after: { mustChange: true; sessionsEnded: number } };
  'account.disabled': { before: { isActive: true }; after: { isActive: false; sessionsEnded: number } };
  'account.enabled': { before: { isActive: false }; after: { isActive: true } };
  'administration.settings_updated': {
    before: { governmentOfficeAdministersUnits: boolean };
    after: { governmentOfficeAdministersUnits: boolean };
  };
  'user.password_changed': { before?: never; after?: never };
  'user.logged_in': { before?: never; after?: never };
  /** One entry for a whole import: what was imported from which file (the rows carry the job's id). */
  'import.published': {
    before?: never;
    after: { kind: string; fileName: string; counts: Record<string, number> };
  };
  'user.locked': { before?: never; after: { lockedUntil: string } };
  'user.unlocked': { before: { lockedUntil: string | null }; after?: never };
  'congress.created': {
    before?: never;
    after: {
      name: string;
      shortName: string;
      level: string;
      parentId: number | null;
      adminCode: string | null;
      docPrefix: string;
    };
  };
  'congress.office_account_created': {
    before?: never;
    after: { username: string; displayName: string; passwordGenerated: boolean };
  };
}
