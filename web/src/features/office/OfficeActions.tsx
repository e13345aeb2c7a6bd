import { AutoComplete, Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { notifyError, notifySuccess } from '../../shared/api/notify';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { can } from '../suggestion/abilities';
import { useClasses } from '../suggestion/directory.api';
import { useSuggestionMutation } from '../suggestion/suggestion.api';
import { useAssignSuggestions } from './assign.api';
import type { SuggestionDetail } from '../suggestion/suggestion.detail.types';
import { picksOf, UnitPickerFields, valuesOf, type UnitPickValues } from '../suggestion/UnitPicker';
import { ExtensionRulingFields, RulingFields } from './RulingFields';
import { formatDate } from '../../shared/format/date';

const reasonField = (name: string, label: string) => (
  <Form.Item
    name={name}
    label={label}
    rules={[
      { required: true, whitespace: true, message: `请填写${label}` },
      { max: 1000, message: '不能超过1000字' },
    ]}
  >
    <Input.TextArea rows={4} maxLength={1000} showCount />
  </Form.Item>
);

/** The liaison office's buttons on one suggestion, from the server's abilities. */
export function OfficeActions({ s }: { s: SuggestionDetail }) {
  const act = useSuggestionMutation();
  const assign = useAssignSuggestions();
  const classes = useClasses(s.sessionId);
  const a = s.abilities;
  const v = s.version;
  const post = (path: string, body: object, done: string) =>
    act.mutateAsync({ path: `/suggestions/${s.id}/${path}`, body, done });
  const pending = s.reassignmentRequests.filter((r) => r.status === 'pending');

  const buttons = [
    can(a, 'register') ? (
      <Popconfirm
        key="register"
        title="立案并编号"
        description="立案后将按本次会议顺序编号。"
        okText="立案"
        onConfirm={() => void post('register', { version: v }, '已立案并编号').catch(() => undefined)}
      >
        <Button type="primary">立案</Button>
      </Popconfirm>
    ) : null,
    can(a, 'returnForRevision') ? (
      <FormModalButton<{ comment: string }>
        key="return"
        label="退回修改"
        title="退回代表修改"
        okText="退回"
        onSubmit={(x) => post('return', { comment: x.comment.trim(), version: v }, '已退回代表修改')}
      >
        {reasonField('comment', '退回意见')}
      </FormModalButton>
    ) : null,
    can(a, 'decline') ? (
      <FormModalButton<{ reason: string }>
        key="decline"
        label="不予立案"
        title="不予立案"
        okText="不予立案"
        buttonProps={{ danger: true }}
        onSubmit={(x) => post('decline', { reason: x.reason.trim(), version: v }, '已作不予立案处理')}
      >
        <Typography.Paragraph type="secondary">如属个人诉求、涉诉案件等，可转为来信处理。</Typography.Paragraph>
        {reasonField('reason', '不予立案理由')}
      </FormModalButton>
    ) : null,
    can(a, 'preAssign') ? (
      <FormModalButton<UnitPickValues>
        key="pre"
        label="预交办"
        title="预交办"
        okText="预交办"
        initialValues={valuesOf(s.preAssignments)}
        onSubmit={(x) => post('pre-assign', { units: picksOf(x).units, version: v }, '已预交办，承办单位可提前查看')}
      >
        <UnitPickerFields />
      </FormModalButton>
    ) : null,
    can(a, 'assign') ? (
      <FormModalButton<UnitPickValues>
        key="assign"
        label="交办"
        title="交办"
        okText="交办"
        buttonProps={{ type: 'primary' }}
        initialValues={s.preAssignments.length ? valuesOf(s.preAssignments) : { mode: 'sole' }}
        onSubmit={async (x) => {
          const { complete, refused } = await assign.mutateAsync({
            items: [{ suggestionId: s.id, version: v, ...picksOf(x) }],
          });
          // 207 (Multi-Status): this one item was refused; its message says why.
          const failed = refused[0];
          if (complete) notifySuccess('交办已处理');
          else if (failed) {
            notifyError(failed.message);
            throw new Error(failed.message);
          }
        }}
      >
        <UnitPickerFields />
      </FormModalButton>
    ) : null,
    can(a, 'groupIntoClass') ? (
      <FormModalButton<{ className: string }>
        key="class"
        label="归类"
        title="归入一类（办理一件，解决一类）"
        okText="归类"
        initialValues={{ className: s.class?.name ?? '' }}
        onSubmit={(x) =>
          act.mutateAsync({
            path: '/suggestions/classes',
            body: { suggestionIds: [s.id], className: x.className.trim() },
            done: `已归入「${x.className.trim()}」`,
          })
        }
      >
        <Form.Item
          name="className"
          label="类名"
          rules={[
            { required: true, whitespace: true, message: '请填写类名' },
            { max: 100, message: '不能超过100字' },
          ]}
        >
          <AutoComplete
            options={(classes.data ?? []).map((c) => ({ value: c.name, label: `${c.name}（${c.size}件）` }))}
            placeholder="选择已有类或输入新类名"
            filterOption
          />
        </Form.Item>
      </FormModalButton>
    ) : null,
    ...(can(a, 'ruleReassignment')
      ? pending.map((r) => (
          <FormModalButton<UnitPickValues & { accept: boolean; reason?: string }>
            key={`rule-${r.id}`}
            label={`处理调整申请（${r.requesterName}）`}
            title="对调整申请作出决定"
            okText="确定"
            initialValues={{ accept: true, mode: 'sole', soleUnitId: r.proposedUnitIds[0] }}
            width={640}
            onSubmit={(x) =>
              act.mutateAsync({
                path: `/reassignment-requests/${r.id}/ruling`,
                body: x.accept
                  ? { accept: true, reason: (x.reason ?? '').trim(), ...picksOf(x), version: v }
                  : { accept: false, reason: (x.reason ?? '').trim(), version: v },
                done: x.accept ? '已同意调整，新承办单位的期限重新计算' : '已不同意调整',
              })
            }
          >
            <Typography.Paragraph>申请理由：{r.reason}</Typography.Paragraph>
            <RulingFields />
          </FormModalButton>
        ))
      : []),
    ...(can(a, 'ruleExtension')
      ? s.extensionRequests
          .filter((e) => e.status === 'pending')
          .map((e) => (
            <FormModalButton<{ grant: boolean; reason?: string }>
              key={`ext-${e.id}`}
              label={`处理延期申请（${e.unitName}）`}
              title="对延期申请作出决定"
              initialValues={{ grant: true }}
              onSubmit={(x) =>
                act.mutateAsync({
                  path: `/extension-requests/${e.id}/ruling`,
                  body: { grant: x.grant, reason: (x.reason ?? '').trim() },
                  done: x.grant ? `已同意延期至${formatDate(e.requestedDue)}` : '已不同意延期',
                })
              }
            >
              <Typography.Paragraph>
                申请延至{formatDate(e.requestedDue)}。理由：{e.reason}
              </Typography.Paragraph>
              <ExtensionRulingFields />
            </FormModalButton>
          ))
      : []),
    can(a, 'setDisclosure') ? (
      <Space key="disclose">
        {s.disclosure !== 'published' ? (
          <Popconfirm
            title="向社会公开该建议及答复？"
            description={s.mayDisclose ? undefined : '注意：代表不同意公开。'}
            okText="公开"
            onConfirm={() => void post('disclosure', { publish: true, version: v }, '已公开').catch(() => undefined)}
          >
            <Button>公开</Button>
          </Popconfirm>
        ) : null}
        {s.disclosure !== 'withheld' ? (
          <Button
            onClick={() =>
              void post('disclosure', { publish: false, version: v }, '已设为不公开').catch(() => undefined)
            }
          >
            不公开
          </Button>
        ) : null}
      </Space>
    ) : null,
    can(a, 'closeByOffice') ? (
      <FormModalButton<{ reason: string }>
        key="close"
        label="办结"
        title="联工委决定办结"
        okText="办结"
        onSubmit={(x) => post('close', { reason: x.reason.trim(), version: v }, '已办结')}
      >
        {reasonField('reason', '办结理由')}
      </FormModalButton>
    ) : null,
  ].filter(Boolean);

  if (buttons.length === 0) return <Typography.Text type="secondary">当前没有需要联工委办理的操作。</Typography.Text>;
  return <Space wrap>{buttons}</Space>;
}
