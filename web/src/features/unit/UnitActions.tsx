import { Button, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday, formatDate } from '../../shared/format/date';
import {
  contactKindLabels,
  contactPhaseLabels,
  type ContactKind,
  type ContactPhase,
} from '../../shared/labels/suggestion';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { activeGrantOf, useMe } from '../auth/auth.api';
import { can } from '../suggestion/abilities';
import { ReassignmentRequestButton } from '../suggestion/actions/ReassignmentRequestButton';
import { useSuggestionMutation } from '../suggestion/suggestion.api';
import type { SuggestionDetail } from '../suggestion/suggestion.detail.types';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
/** Today in China, whatever the browser's zone: the server counts days in Asia/Shanghai. */
const today = () => dayjs(chinaToday());
const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

/** The handling unit's buttons on one suggestion, from the server's abilities. */
export function UnitActions({ s }: { s: SuggestionDetail }) {
  const me = useMe();
  const grant = me.data ? activeGrantOf(me.data) : undefined;
  const unitId = grant?.unitId ?? null;
  const own = s.assignments.find((x) => x.unitId === unitId && x.state !== 'ended');
  const act = useSuggestionMutation();
  const a = s.abilities;
  const post = (path: string, body: object, done: string) =>
    act.mutateAsync({ path: `/suggestions/${s.id}/${path}`, body, done });
  const latestDue = own ? dayjs(own.role === 'co' ? (own.opinionDue ?? own.replyDueLatest) : own.replyDueLatest) : null;

  const buttons = [
    can(a, 'acknowledge') ? (
      <FormModalButton<{ handlerName: string; handlerPhone: string; plan: string; plannedReplyOn: Dayjs }>
        key="ack"
        label="签收"
        title="签收并确定经办人、办理计划（三定）"
        okText="签收"
        buttonProps={{ type: 'primary' }}
        initialValues={{ handlerName: me.data?.user.displayName }}
        onSubmit={(v) =>
          post(
            'acknowledge',
            {
              handlerName: v.handlerName.trim(),
              handlerPhone: v.handlerPhone.trim(),
              plan: v.plan.trim(),
              plannedReplyOn: day(v.plannedReplyOn),
              version: s.version,
            },
            '已签收，经办人和办理计划已登记',
          )
        }
      >
        <Form.Item name="handlerName" label="经办人" rules={required('经办人')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="handlerPhone"
          label="联系电话"
          rules={[...required('联系电话'), { pattern: /^[\d\-+ ()（）转]{5,40}$/, message: '请填写有效的电话号码' }]}
        >
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item name="plan" label="办理计划" rules={required('办理计划')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="plannedReplyOn"
          label="计划答复日期"
          rules={[{ required: true, message: '请选择计划答复日期' }]}
          extra={latestDue ? `不晚于${formatDate(day(latestDue))}` : undefined}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(today(), 'day') || (latestDue !== null && d.isAfter(latestDue, 'day'))}
          />
        </Form.Item>
      </FormModalButton>
    ) : null,
    can(a, 'recordContact') ? (
      <FormModalButton<{ phase: ContactPhase; kind: ContactKind; contactedOn: Dayjs; summary: string }>
        key="contact"
        label="登记沟通"
        title="登记与代表的沟通联系"
        initialValues={{
          phase: s.replies.some((r) => r.state === 'sent') ? 'after' : 'during',
          kind: 'phone',
          contactedOn: today(),
        }}
        onSubmit={(v) =>
          post(
            'contacts',
            { phase: v.phase, kind: v.kind, contactedOn: day(v.contactedOn), summary: v.summary.trim() },
            '沟通记录已登记，代表可以看到',
          )
        }
      >
        <Form.Item name="phase" label="阶段">
          <Radio.Group
            optionType="button"
            options={(Object.keys(contactPhaseLabels) as ContactPhase[]).map((k) => ({
              value: k,
              label: contactPhaseLabels[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label="方式">
          <Select
            options={(Object.keys(contactKindLabels) as ContactKind[]).map((k) => ({
              value: k,
              label: contactKindLabels[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="contactedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
        </Form.Item>
        <Form.Item name="summary" label="沟通情况" rules={required('沟通情况')}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </FormModalButton>
    ) : null,
    can(a, 'sendOpinion') ? (
      <FormModalButton<{ body: string }>
        key="opinion"
        label="提交会办意见"
        title="向主办单位提交会办意见"
        okText="提交"
        buttonProps={{ type: 'primary' }}
        width={720}
        onSubmit={(v) => post('opinions', { body: v.body.trim() }, '会办意见已送主办单位')}
      >
        {own?.opinionDue ? (
          <Typography.Paragraph>会办意见期限：{formatDate(own.opinionDue)}</Typography.Paragraph>
        ) : null}
        <Form.Item name="body" label="会办意见" rules={required('会办意见')}>
          <Input.TextArea rows={10} maxLength={10000} showCount />
        </Form.Item>
      </FormModalButton>
    ) : null,
    can(a, 'requestExtension') ? (
      <FormModalButton<{ requestedDue: Dayjs; reason: string }>
        key="ext"
        label="申请延期"
        title="申请延期答复"
        onSubmit={(v) =>
          post(
            'extension-requests',
            { requestedDue: day(v.requestedDue), reason: v.reason.trim() },
            '延期申请已提交，等待联工委决定',
          )
        }
      >
        {own ? (
          <Typography.Paragraph>
            现答复期限{formatDate(own.effectiveDue)}，最迟不得超过{formatDate(own.replyDueLatest)}。
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="requestedDue" label="申请延至" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) =>
              own
                ? d.isBefore(dayjs(own.effectiveDue), 'day') ||
                  d.isSame(dayjs(own.effectiveDue), 'day') ||
                  d.isAfter(dayjs(own.replyDueLatest), 'day')
                : false
            }
          />
        </Form.Item>
        <Form.Item name="reason" label="延期理由" rules={required('延期理由')}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </FormModalButton>
    ) : null,
    can(a, 'requestReassignment') ? <ReassignmentRequestButton key="reassign" s={s} /> : null,
    can(a, 'submitReply') ? (
      <Popconfirm
        key="submitReply"
        title="将答复送审？"
        description="送审后由审核人、签发人依次审核，签发后发给代表。"
        okText="送审"
        onConfirm={() => void post('reply/submit', {}, '答复已送审').catch(() => undefined)}
      >
        <Button type="primary">答复送审</Button>
      </Popconfirm>
    ) : null,
    can(a, 'reviewReply') ? (
      <FormModalButton<{ approve: boolean; comment?: string }>
        key="review"
        label="审核答复"
        title="审核答复"
        buttonProps={{ type: 'primary' }}
        initialValues={{ approve: true }}
        onSubmit={(v) =>
          post(
            'reply/review',
            { approve: v.approve, comment: (v.comment ?? '').trim() },
            v.approve
              ? grant?.role === 'unit_signer'
                ? '已签发，答复已送达代表'
                : '已审核通过，送下一环节'
              : '已退回经办人修改',
          )
        }
      >
        <Form.Item name="approve" label="意见">
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: '同意' },
              { value: false, label: '退回修改' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['approve']}>
          {({ getFieldValue }) => (
            <Form.Item
              name="comment"
              label={getFieldValue('approve') ? '审核意见（可不填）' : '退回理由'}
              rules={[{ required: !getFieldValue('approve'), whitespace: true, message: '请填写退回理由' }]}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          )}
        </Form.Item>
      </FormModalButton>
    ) : null,
  ].filter(Boolean);

  if (buttons.length === 0) return <Typography.Text type="secondary">本单位当前没有需要办理的操作。</Typography.Text>;
  return <Space wrap>{buttons}</Space>;
}
