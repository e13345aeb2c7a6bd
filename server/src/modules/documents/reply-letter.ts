import type { AssignmentRole } from '../../db/schema.js';
import { formatChineseDate } from '../deadline/chinese-date.js';
import { replyCopiesTo, urgedAction, urgingCopiesTo, officeOrganName } from './documents.policy.js';
import { chineseOrdinal, type OfficialDocument } from './official-document.js';

// The reply letter (答复函) and the urging notice (催办函) as official documents, from the
// facts of the suggestion they answer or urge (no I/O).

export interface SuggestionFacts {
  congressName: string;
  congressShortName: string;
  termOrdinal: number;
  sessionOrdinal: number;
  period: 'in_session' | 'between_sessions';
  number: number | null;
  title: string;
}

export interface ReplyLetterFacts {
  suggestion: SuggestionFacts;
  /** The lead deputy first, then the co-signers who confirmed: the letter answers each of them. */
  deputyNames: string[];
  unitName: string;
  isGovernmentUnit: boolean;
  classCode: string;
  docNumber: string;
  body: string;
  consultedUnits: string;
  handlerName: string;
  handlerPhone: string;
  sentAt: Date | null;
}

/** 省十三届人大三次会议 (and 闭会期间 for a suggestion made between sessions). */
export function sessionName(s: SuggestionFacts): string {
  const session = `${s.congressShortName}${chineseOrdinal(s.termOrdinal)}届人大${chineseOrdinal(s.sessionOrdinal)}次会议`;
  return s.period === 'between_sessions' ? `${session}闭会期间` : session;
}

const bare = (title: string) => title.replace(/^《/, '').replace(/》$/, '');
const numbered = (s: SuggestionFacts) => (s.number === null ? '' : `（第${s.number}号）`);
const paragraphsOf = (body: string) =>
  body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
const contact = (name: string, phone: string) =>
  [name ? `联系人：${name}` : '', phone ? `联系电话：${phone}` : ''].filter(Boolean).join('；') || null;

/** 您提出的关于……的建议（第N号）收悉，现答复如下： — with 经商…… when co-handling units were consulted. */
export function openingSentence(s: SuggestionFacts, consultedUnits: string): string {
  const received = `您提出的${bare(s.title)}${numbered(s)}收悉`;
  return consultedUnits.trim()
    ? `${received}。经商${consultedUnits.trim()}，现答复如下：`
    : `${received}，现答复如下：`;
}

export function replyLetterDocument(f: ReplyLetterFacts): OfficialDocument {
  const body = paragraphsOf(f.body);
  // A handler who wrote the opening sentence into the text is not answered twice.
  const writesOwnOpening = (body[0] ?? '').includes('收悉');
  const docNumber = f.docNumber || '（文号于签发时编定）';
  return {
    name: `${docNumber}${f.unitName}答复函`,
    classMark: f.classCode ? `${f.classCode}类` : null,
    organ: { name: f.unitName, suffix: '函' },
    docNumber,
    title: `对${sessionName(f.suggestion)}第${f.suggestion.number ?? ''}号建议的答复`,
    addressee: `尊敬的${f.deputyNames.join('、')}代表：`,
    paragraphs: writesOwnOpening ? body : [openingSentence(f.suggestion, f.consultedUnits), ...body],
    signature: { organ: f.unitName, date: f.sentAt ? formatChineseDate(f.sentAt) : '　　年　月　日' },
    note: contact(f.handlerName, f.handlerPhone),
    copiesTo: replyCopiesTo(f.suggestion.congressName, f.isGovernmentUnit),
  };
}

export interface UrgingNoticeFacts {
  suggestion: SuggestionFacts;
  leadDeputyName: string;
  unitName: string;
  isGovernmentUnit: boolean;
  role: AssignmentRole;
  rehandling: boolean;
  assignedOn: string;
  dueOn: string;
  overdueDays: number;
  docNumber: string;
  contactName: string;
  contactPhone: string;
  issuedAt: Date;
}

export function urgingNoticeDocument(f: UrgingNoticeFacts): OfficialDocument {
  const office = officeOrganName(f.suggestion.congressName);
  const { task, action } = urgedAction(f.role, f.rehandling);
  const s = f.suggestion;
  return {
    name: `${f.docNumber}催办函`,
    classMark: null,
    organ: { name: office, suffix: '函' },
    docNumber: f.docNumber,
    title: '关于抓紧办理代表建议的函',
    addressee: `${f.unitName}：`,
    paragraphs: [
      `${sessionName(s)}第${s.number ?? ''}号建议《${bare(s.title)}》（领衔代表：${f.leadDeputyName}）于${formatChineseDate(f.assignedOn)}交由你单位${task}，` +
        `应于${formatChineseDate(f.dueOn)}前${action}，截至${formatChineseDate(f.issuedAt)}已逾期${f.overdueDays}日，尚未${action}。`,
      `请你单位高度重视，抓紧研究办理，加强与代表的沟通联系，尽快${action}，并将办理情况及时报送我委。`,
      '特此函告。',
    ],
    signature: { organ: office, date: formatChineseDate(f.issuedAt) },
    note: contact(f.contactName, f.contactPhone),
    copiesTo: urgingCopiesTo(s.congressName, f.isGovernmentUnit),
  };
}
