import { Card, Space, Tag, Typography } from 'antd';
import { chinaToday, formatDate } from '../../shared/format/date';
import { activeGrantOf, useMe } from '../auth/auth.api';
import { ReplyLetterButtons } from '../documents/ReplyLetterButtons';
import type { Reply, SuggestionDetail } from './suggestion.detail.types';

/**
 * A reply as the deputy receives it: class mark, document number, salutation, the opening
 * "您提出的《……》收悉", the text, the unit and date, the handler to call.
 */
export function ReplyLetter({ s, reply, latest }: { s: SuggestionDetail; reply: Reply; latest: boolean }) {
  const title = s.title.startsWith('《') ? s.title : `《${s.title}》`;
  const hasOpening = reply.body.includes('收悉');
  const isDraft = reply.state !== 'sent';
  return (
    <Card
      size="small"
      title={
        <Space wrap size={4}>
          <span>{reply.unitName}的答复</span>
          {reply.round > 0 ? <Tag color="magenta">重新办理第{reply.round}轮</Tag> : null}
          {isDraft ? <Tag color="orange">{reply.stateLabel}</Tag> : null}
          {reply.onTime === false ? <Tag color="red">逾期答复</Tag> : null}
        </Space>
      }
      extra={<ReplyLetterButtons replyId={reply.id} unitName={reply.unitName} />}
      style={{ marginBottom: 12 }}
    >
      <article className="lx-letter" aria-label={`${reply.unitName}答复函`}>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
          <Typography.Text strong style={{ border: '1px solid #cf1322', color: '#cf1322', padding: '0 8px' }}>
            {reply.classCode}
          </Typography.Text>
          <Typography.Text>{reply.docNumber}</Typography.Text>
        </div>
        <p style={{ marginTop: 12 }}>{s.leadDeputy.name}代表：</p>
        {hasOpening ? null : <p style={{ textIndent: '2em', margin: 0 }}>您提出的{title}收悉。经研究，现答复如下：</p>}
        <div style={{ textIndent: '2em' }}>{reply.body}</div>
        {reply.consultedUnits ? (
          <p style={{ textIndent: '2em', margin: 0 }}>（本答复经商{reply.consultedUnits}）</p>
        ) : null}
        <p style={{ textAlign: 'right', marginTop: 16, marginBottom: 0 }}>{reply.unitName}</p>
        <p style={{ textAlign: 'right', margin: 0 }}>{reply.sentAt ? formatDate(reply.sentAt) : '（未签发）'}</p>
        <p style={{ marginTop: 12, marginBottom: 0, fontSize: 13, color: '#595959' }}>
          联系人：{reply.handlerName}　联系电话：{reply.handlerPhone}
        </p>
        {latest ? <FeedbackDue s={s} reply={reply} /> : null}
      </article>
      {reply.promise.plannedText ? (
        <div style={{ marginTop: 12, background: '#fafafa', padding: 8 }}>
          <Typography.Text strong>承诺事项（列入台账）</Typography.Text>
          {reply.promise.doneText ? <div>已经做的：{reply.promise.doneText}</div> : null}
          <div>计划做的：{reply.promise.plannedText}</div>
          {reply.promise.notDoneReason ? <div>不能做的及原因：{reply.promise.notDoneReason}</div> : null}
        </div>
      ) : null}
    </Card>
  );
}

export function ReplyLetters({ s }: { s: SuggestionDetail }) {
  if (s.replies.length === 0) return <Typography.Text type="secondary">尚无答复</Typography.Text>;
  return (
    <>
      {[...s.replies].reverse().map((r) => (
        <ReplyLetter key={r.id} s={s} reply={r} latest={isLatestSent(s, r)} />
      ))}
    </>
  );
}

/** The unit's latest sent letter on its part: the one the deputies rate (an earlier one was re-handled). */
function isLatestSent(s: SuggestionDetail, r: Reply): boolean {
  return (
    r.state === 'sent' &&
    !s.replies.some((later) => later.assignmentId === r.assignmentId && later.state === 'sent' && later.id > r.id)
  );
}

/**
 * 反馈期限 under the letter: the deputy is asked to rate by that day (every confirmed deputy
 * rates each unit's latest letter); other readers see the day the deputies' window closes.
 */
function FeedbackDue({ s, reply }: { s: SuggestionDetail; reply: Reply }) {
  const me = useMe();
  if (!reply.feedbackDue) return null;
  const due = formatDate(reply.feedbackDue);
  const isDeputy = me.data ? activeGrantOf(me.data)?.role === 'deputy' : false;
  const closed = chinaToday() > reply.feedbackDue;
  let text: string;
  if (!isDeputy) text = `代表反馈期限：${due}${closed ? '（已截止）' : ''}`;
  else if (s.abilities.ratableReplyIds.includes(reply.id)) text = `反馈期限（请于${due}前测评）`;
  else if (s.ratings.some((x) => x.mine && x.replyId === reply.id)) text = `反馈期限：${due}（您已测评）`;
  else text = `反馈期限：${due}${closed ? '（已截止）' : ''}`;
  return (
    <p style={{ marginTop: 8, marginBottom: 0, fontSize: 14 }}>
      <Typography.Text strong={isDeputy && !closed}>{text}</Typography.Text>
    </p>
  );
}
