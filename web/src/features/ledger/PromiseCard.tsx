import { Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format/date';
import { DueDate } from '../../shared/ui/DueDate';
import { TextPromptModal } from '../../shared/ui/TextPromptModal';
import {
  useAnswerFulfilment,
  useAssessProgress,
  useFocusPromise,
  useFulfilPromise,
  useReportProgress,
  useRequestFulfilment,
  type PromiseAbilities,
  type PromiseItem,
  type PromiseProgress,
} from './ledger.api';

/** The unit asked for 销号 and the lead deputy has not answered yet. */
const awaitsVerdict = (p: PromiseItem): boolean =>
  p.status === 'open' && p.fulfilmentRequestedAt !== null && p.deputyVerdict === null;

interface Props {
  p: PromiseItem;
  may: PromiseAbilities;
  /** Whose page: the words differ (「请于……前确认」 to the deputy, 「待代表确认」 to the others). */
  viewer: 'deputy' | 'other';
  /** For a deputy who co-signed: 销号 is the lead deputy's word. */
  isCosigner?: boolean;
  today: string;
  suggestionPath: string;
}

const statusTags: Record<PromiseItem['status'], { color: string; text: string }> = {
  open: { color: 'blue', text: '跟踪中' },
  fulfilled: { color: 'green', text: '已销号' },
  superseded: { color: 'default', text: '已被取代' },
};

type Prompt = 'progress' | 'request' | 'dispute' | 'fulfil' | 'focus' | { unsatisfied: number };

/** One promise of the ledger (台账): what was promised, each progress report, where 销号 stands. */
export function PromiseCard({ p, may, viewer, isCosigner = false, today, suggestionPath }: Props) {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const close = () => setPrompt(null);
  const report = useReportProgress();
  const request = useRequestFulfilment();
  const assess = useAssessProgress();
  const answer = useAnswerFulfilment();
  const fulfil = useFulfilPromise();
  const focus = useFocusPromise();
  const status = statusTags[p.status];
  const ruling = may.fulfil === 'office_ruling';

  const actions = [
    may.reportProgress ? (
      <Button key="progress" onClick={() => setPrompt('progress')}>
        报告进展
      </Button>
    ) : null,
    may.requestFulfilment ? (
      <Button key="request" type="primary" onClick={() => setPrompt('request')}>
        {p.deputyVerdict === 'disputed' ? '再次申请销号' : '申请销号'}
      </Button>
    ) : null,
    may.answerFulfilment ? (
      <Popconfirm
        key="accept"
        title="同意销号"
        description="同意后由联工委销号，此项承诺不再跟踪。"
        okText="同意"
        cancelText="取消"
        onConfirm={() => answer.mutate({ id: p.id, accept: true, comment: '' })}
      >
        <Button type="primary" loading={answer.isPending}>
          同意销号
        </Button>
      </Popconfirm>
    ) : null,
    may.answerFulfilment ? (
      <Button key="dispute" onClick={() => setPrompt('dispute')}>
        不同意销号
      </Button>
    ) : null,
    may.fulfil ? (
      <Button key="fulfil" type="primary" onClick={() => setPrompt('fulfil')}>
        {ruling ? '裁定销号' : '销号'}
      </Button>
    ) : null,
    may.focus ? (
      <Button key="focus" onClick={() => setPrompt('focus')}>
        列为重点督办
      </Button>
    ) : null,
  ].filter(Boolean);

  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={
        <Link to={suggestionPath} style={{ whiteSpace: 'normal' }}>
          {p.suggestionNumber} {p.suggestionTitle}
        </Link>
      }
      extra={
        <Space size={4} wrap>
          <Tag color="blue">{p.classCode}类</Tag>
          <Tag color={status.color}>{status.text}</Tag>
          {p.focused ? <Tag color="red">重点督办</Tag> : null}
        </Space>
      }
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text>承办单位：{p.unitName}</Typography.Text>
        {p.doneText ? <Typography.Text>已经做的：{p.doneText}</Typography.Text> : null}
        <Typography.Text>计划做的：{p.plannedText || '—'}</Typography.Text>
        {p.notDoneReason ? <Typography.Text>不能做的及原因：{p.notDoneReason}</Typography.Text> : null}
        <Typography.Text>
          承诺期限：
          <DueDate due={p.targetOn} done={p.status !== 'open'} nearDays={60} />
        </Typography.Text>
        {p.focused ? <Typography.Text>回头看重点督办{p.focusNote ? `：${p.focusNote}` : ''}</Typography.Text> : null}
        {p.progress.length ? (
          <div style={{ background: '#fafafa', padding: 8, marginTop: 4 }}>
            <Typography.Text strong>进展报告（{p.progress.length}次）</Typography.Text>
            {p.progress.map((x) => (
              <ProgressReport
                key={x.id}
                x={x}
                mayAssess={may.assessProgress && x.deputySatisfied === null}
                viewer={viewer}
                pending={assess.isPending}
                onSatisfied={() => assess.mutate({ id: p.id, progressId: x.id, satisfied: true, comment: '' })}
                onUnsatisfied={() => setPrompt({ unsatisfied: x.id })}
              />
            ))}
          </div>
        ) : (
          <Typography.Text type="secondary">尚未报告进展</Typography.Text>
        )}
        <FulfilmentLine p={p} viewer={viewer} isCosigner={isCosigner} today={today} />
        {actions.length ? <Space wrap>{actions}</Space> : null}
      </Space>

      <TextPromptModal
        open={prompt === 'progress'}
        title="报告承诺事项进展"
        label="进展情况"
        maxLength={4000}
        pending={report.isPending}
        onClose={close}
        onSubmit={(progress) => report.mutate({ id: p.id, progress }, { onSuccess: close })}
      />
      <TextPromptModal
        open={prompt === 'request'}
        title="申请销号"
        label="完成情况"
        placeholder="写明承诺事项的完成情况；领衔代表确认同意后由联工委销号"
        okText="提交申请"
        pending={request.isPending}
        onClose={close}
        onSubmit={(note) => request.mutate({ id: p.id, note }, { onSuccess: close })}
      />
      <TextPromptModal
        open={prompt === 'dispute'}
        title="不同意销号"
        label="不同意的理由"
        okText="提交"
        pending={answer.isPending}
        onClose={close}
        onSubmit={(comment) => answer.mutate({ id: p.id, accept: false, comment }, { onSuccess: close })}
      />
      <TextPromptModal
        open={typeof prompt === 'object' && prompt !== null}
        title="对这次进展不满意"
        label="不满意的理由"
        okText="提交"
        pending={assess.isPending}
        onClose={close}
        onSubmit={(comment) =>
          typeof prompt === 'object' &&
          prompt !== null &&
          assess.mutate({ id: p.id, progressId: prompt.unsatisfied, satisfied: false, comment }, { onSuccess: close })
        }
      />
      <TextPromptModal
        open={prompt === 'fulfil'}
        title={ruling ? '联工委裁定销号' : '承诺事项销号'}
        label={ruling ? '裁定理由' : '销号说明（可不填）'}
        required={ruling}
        placeholder={
          ruling
            ? p.deputyVerdict === 'disputed'
              ? '代表不同意销号，请写明联工委裁定销号的理由'
              : '代表未在期限内确认，请写明联工委裁定销号的理由'
            : undefined
        }
        okText="确认销号"
        pending={fulfil.isPending}
        onClose={close}
        onSubmit={(note) => fulfil.mutate({ id: p.id, note }, { onSuccess: close })}
      />
      <TextPromptModal
        open={prompt === 'focus'}
        title="列为重点督办（回头看）"
        label="督办说明"
        placeholder="如：列入本年度回头看重点督办，请承办单位每季度报告进展"
        okText="列为重点督办"
        pending={focus.isPending}
        onClose={close}
        onSubmit={(note) => focus.mutate({ id: p.id, note }, { onSuccess: close })}
      />
    </Card>
  );
}

function ProgressReport(props: {
  x: PromiseProgress;
  mayAssess: boolean;
  viewer: 'deputy' | 'other';
  pending: boolean;
  onSatisfied: () => void;
  onUnsatisfied: () => void;
}) {
  const { x, mayAssess, viewer } = props;
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6, marginTop: 6 }}>
      <div>
        <Typography.Text type="secondary">{formatDateTime(x.reportedAt)}</Typography.Text> {x.progress}
      </div>
      {x.deputySatisfied === null ? (
        mayAssess ? (
          <Space wrap size={8} style={{ marginTop: 4 }}>
            <Typography.Text>您对这次进展：</Typography.Text>
            <Button size="small" loading={props.pending} onClick={props.onSatisfied}>
              满意
            </Button>
            <Button size="small" onClick={props.onUnsatisfied}>
              不满意
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{viewer === 'deputy' ? '尚未评价' : '代表尚未评价'}</Typography.Text>
        )
      ) : (
        <Space wrap size={4} style={{ marginTop: 4 }}>
          <Tag color={x.deputySatisfied ? 'green' : 'red'}>代表{x.deputySatisfied ? '满意' : '不满意'}</Tag>
          {x.deputyComment ? <Typography.Text>{x.deputyComment}</Typography.Text> : null}
        </Space>
      )}
    </div>
  );
}

/** Where 销号 stands, in the words of the one reading it. */
function FulfilmentLine({
  p,
  viewer,
  isCosigner,
  today,
}: {
  p: PromiseItem;
  viewer: 'deputy' | 'other';
  isCosigner: boolean;
  today: string;
}) {
  // Coloured tags (dark text, AA contrast) rather than coloured text, which antd draws too light.
  const line = (tag: { color: string; text: string } | null, text: string, strong = false) => (
    <div>
      {tag ? <Tag color={tag.color}>{tag.text}</Tag> : null}
      <Typography.Text strong={strong}>{text}</Typography.Text>
    </div>
  );
  if (p.status === 'fulfilled') {
    const how = p.fulfilledHow === 'office_ruling' ? '联工委裁定销号' : '代表同意后销号';
    return line(
      { color: 'green', text: '已销号' },
      `${formatDate(p.fulfilledAt)}${how}${p.fulfilNote ? `：${p.fulfilNote}` : ''}`,
    );
  }
  if (p.status === 'superseded') return line(null, '重新办理后已另行答复，本项承诺不再跟踪。');
  const asked = formatDate(p.fulfilmentRequestedAt);
  const due = formatDate(p.verdictDue);
  if (p.fulfilmentRequestedAt === null) return line(null, '承办单位尚未申请销号。');
  if (awaitsVerdict(p)) {
    const passed = p.verdictDue !== null && today > p.verdictDue;
    const waiting = { color: 'orange', text: passed ? '确认期限已过' : '待代表确认' };
    if (viewer === 'deputy' && !isCosigner)
      return passed
        ? line(
            waiting,
            `承办单位于${asked}申请销号；确认期限（${due}）已过，联工委可说明理由裁定销号，您仍可表态。`,
            true,
          )
        : line(waiting, `承办单位于${asked}申请销号，请于${due}前确认是否同意销号。`, true);
    if (viewer === 'deputy') return line(waiting, `承办单位于${asked}申请销号，由领衔代表于${due}前确认。`);
    return passed
      ? line(waiting, `承办单位于${asked}申请销号；领衔代表未在${due}前确认，联工委可说明理由裁定销号。`)
      : line(waiting, `承办单位于${asked}申请销号，待领衔代表于${due}前确认。`);
  }
  if (p.deputyVerdict === 'accepted')
    return line(
      { color: 'green', text: '代表同意销号' },
      `领衔代表于${formatDate(p.deputyVerdictAt)}同意销号，待联工委销号。`,
    );
  return line(
    { color: 'red', text: '代表不同意销号' },
    `领衔代表于${formatDate(p.deputyVerdictAt)}不同意销号${p.deputyVerdictComment ? `：${p.deputyVerdictComment}` : '。'}`,
  );
}
