import { Alert, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { activeGrantOf, useMe } from '../auth/auth.api';
import { can } from '../suggestion/abilities';
import { describePromiseTarget, goesOnLedger, useRules } from '../suggestion/rules.api';
import { useSuggestionMutation } from '../suggestion/suggestion.api';
import type { SuggestionDetail } from '../suggestion/suggestion.detail.types';

interface Values {
  classCode: string;
  body: string;
  handlerName: string;
  handlerPhone: string;
  consultedUnits?: string;
  promise?: { doneText?: string; plannedText?: string; notDoneReason?: string };
}

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

/**
 * 答复起草: the handler writes the letter with its class code; a class that the congress's table
 * puts on the ledger (B1, B2, A2 by default) carries the promise that goes on it. Saved as a
 * draft, then sent up the unit's chain.
 */
export function ReplyPanel({ s }: { s: SuggestionDetail }) {
  const me = useMe();
  const rules = useRules();
  const save = useSuggestionMutation();
  const [form] = Form.useForm<Values>();
  const classCode = Form.useWatch('classCode', form);
  const unitId = me.data ? activeGrantOf(me.data)?.unitId : null;
  const own = s.assignments.find((a) => a.unitId === unitId && a.state !== 'ended');
  const open = s.replies.find((r) => r.unitId === unitId && r.state !== 'sent');

  if (!can(s.abilities, 'draftReply')) {
    if (open?.state === 'in_review')
      return (
        <Alert type="info" showIcon message="本单位的答复正在审核签发中" description="审核人或签发人退回后可再修改。" />
      );
    return null;
  }

  const classes = rules.data?.rules.replyClasses ?? [];
  // Whether the class goes on the ledger is the congress's own table (办理规则), nothing else.
  const chosenClass = classes.find((c) => c.code === classCode);
  const needsPromise = goesOnLedger(chosenClass);
  const coUnits = s.assignments
    .filter((a) => a.role === 'co' && a.state !== 'ended')
    .map((a) => a.unitName)
    .join('、');
  const initial: Partial<Values> = open
    ? {
        classCode: open.classCode,
        body: open.body,
        handlerName: open.handlerName,
        handlerPhone: open.handlerPhone,
        consultedUnits: open.consultedUnits,
        promise: open.promise,
      }
    : { handlerName: own?.handlerName ?? '', handlerPhone: own?.handlerPhone ?? '', consultedUnits: coUnits };

  const onFinish = (v: Values) =>
    save.mutate({
      path: `/suggestions/${s.id}/reply`,
      method: 'PUT',
      body: {
        classCode: v.classCode,
        body: v.body.trim(),
        handlerName: v.handlerName.trim(),
        handlerPhone: v.handlerPhone.trim(),
        consultedUnits: (v.consultedUnits ?? '').trim(),
        ...(needsPromise
          ? {
              promise: {
                doneText: v.promise?.doneText?.trim() ?? '',
                plannedText: v.promise?.plannedText?.trim() ?? '',
                notDoneReason: v.promise?.notDoneReason?.trim() ?? '',
              },
            }
          : {}),
      },
      done: '答复草稿已保存；确认无误后请点「答复送审」',
    });

  return (
    <Card size="small" title={open ? '修改答复草稿' : s.status === 'rehandling' ? '重新办理答复' : '起草答复'}>
      {s.status === 'rehandling' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="代表对上次答复不满意，请再次研究、与代表沟通后重新答复。"
        />
      ) : null}
      {s.opinions.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已收到${s.opinions.length}份会办意见，见下方「会办意见」。`}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        requiredMark="optional"
        key={open?.version ?? 0}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="classCode" label="答复分类" rules={[{ required: true, message: '请选择答复分类' }]}>
              <Select
                options={classes.map((c) => ({ value: c.code, label: `${c.code}　${c.meaning}` }))}
                loading={rules.isLoading}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="consultedUnits" label="会商单位" extra="答复中写明「经商……」的单位">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="body"
          label="答复正文"
          rules={[...required('答复正文'), { min: 20, message: '答复正文过短' }]}
          extra="正文前将自动加上称谓和「您提出的《……》收悉。经研究，现答复如下」"
        >
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 30 }} maxLength={30000} showCount />
        </Form.Item>
        {needsPromise ? (
          <Card size="small" type="inner" title="承诺事项（列入台账跟踪）" style={{ marginBottom: 12 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {chosenClass ? `${chosenClass.code}类答复的承诺期限：${describePromiseTarget(chosenClass)}。` : null}
              签发后列入本单位台账，须定期报告进展，办完后申请销号。
            </Typography.Paragraph>
            <Form.Item name={['promise', 'doneText']} label="已经做的">
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Form.Item name={['promise', 'plannedText']} label="计划做的（含时间）" rules={required('计划做的事项')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name={['promise', 'notDoneReason']} label="不能做的及原因">
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </Card>
        ) : null}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="handlerName" label="经办人" rules={required('经办人')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="handlerPhone" label="联系电话" rules={required('联系电话')}>
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">
          保存后为草稿，只在本单位内可见；送审并经签发后才发给代表。
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存答复草稿
        </Button>
      </Form>
    </Card>
  );
}
