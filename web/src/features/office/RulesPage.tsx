import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { StoredRules } from '../../../../server/src/modules/handling-rules/handling-rules.schemas';
import { api } from '../../shared/api/client';
import { QueryState } from '../../shared/ui/QueryState';
import { CalendarEditor } from './CalendarEditor';
import {
  describePeriod,
  rulesKey,
  useRules,
  type HandlingRules,
  type Period,
  type ReplyClassRule,
} from '../suggestion/rules.api';

const periodFields: { name: keyof HandlingRules; label: string }[] = [
  { name: 'replyWithin', label: '答复期限（自交办之日起）' },
  { name: 'replyLatestWithin', label: '最迟答复期限（含延期）' },
  { name: 'coOpinionWithin', label: '会办意见期限' },
  { name: 'reassignmentWindow', label: '调整申请期限' },
  { name: 'rehandlingWithin', label: '重新办理答复期限' },
  { name: 'feedbackWindow', label: '代表测评期限（答复后）' },
];

const unitOptions = [
  { value: 'months', label: '个月' },
  { value: 'days', label: '日' },
  { value: 'working_days', label: '个工作日' },
];

function PeriodInput({ name }: { name: (string | number)[] }) {
  return (
    <Space.Compact>
      <Form.Item name={[...name, 'amount']} noStyle rules={[{ required: true, message: '请填写期限' }]}>
        <InputNumber min={1} max={120} style={{ width: 90 }} aria-label="期限数" />
      </Form.Item>
      <Form.Item name={[...name, 'unit']} noStyle>
        <Select options={unitOptions} style={{ width: 120 }} aria-label="期限单位" />
      </Form.Item>
    </Space.Compact>
  );
}

/** Whether a class goes on the ledger (台账), and how its target date is set. */
type LedgerChoice = 'none' | 'period' | 'yearEnd';

const ledgerOptions: { value: LedgerChoice; label: string }[] = [
  { value: 'none', label: '不列入台账' },
  { value: 'period', label: '交办之日起（期限）' },
  { value: 'yearEnd', label: '本年度内（答复当年12月31日）' },
];

const ledgerChoiceOf = (c: ReplyClassRule): LedgerChoice =>
  c.promiseByYearEnd ? 'yearEnd' : c.promiseTarget ? 'period' : 'none';

interface ClassValues {
  code: string;
  meaning: string;
  ledger: LedgerChoice;
  /** Kept while another choice is shown, so switching back restores it. */
  promiseTarget: Period | null;
}

interface FormValues extends Omit<HandlingRules, 'replyClasses'> {
  replyClasses: ClassValues[];
}

/** 办理规则: every deadline and the reply class table of this congress — settings, not code. */
export function RulesPage() {
  const q = useRules();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const save = useMutation({
    mutationFn: (rules: HandlingRules) => api.put<StoredRules>('/rules', { rules, version: q.data?.version ?? 0 }),
    meta: { success: '办理规则已保存，此后的交办按新规则计算期限' },
    onSuccess: (data) => qc.setQueryData(rulesKey, data),
  });

  const initial: FormValues | undefined = q.data
    ? {
        ...q.data.rules,
        replyClasses: q.data.rules.replyClasses.map((c) => ({
          code: c.code,
          meaning: c.meaning,
          ledger: ledgerChoiceOf(c),
          promiseTarget: c.promiseTarget ?? { amount: 36, unit: 'months' },
        })),
      }
    : undefined;

  const onFinish = (v: FormValues) =>
    save.mutate({
      ...v,
      reminderDaysBefore: [...new Set(v.reminderDaysBefore)].sort((a, b) => b - a),
      replyClasses: v.replyClasses.map((c): ReplyClassRule => ({
        code: c.code.trim(),
        meaning: c.meaning.trim(),
        promiseTarget: c.ledger === 'period' ? (c.promiseTarget ?? { amount: 36, unit: 'months' }) : null,
        promiseByYearEnd: c.ledger === 'yearEnd',
      })),
    });

  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        办理规则
      </Typography.Title>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {initial ? (
          <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} key={q.data?.version}>
            <Card title="期限" size="small" style={{ marginBottom: 12 }}>
              <Row gutter={16}>
                {periodFields.map((f) => (
                  <Col key={f.name} xs={24} sm={12} lg={8}>
                    <Form.Item
                      label={f.label}
                      extra={q.data ? `现为${describePeriod(q.data.rules[f.name] as Period)}` : undefined}
                    >
                      <PeriodInput name={[f.name]} />
                    </Form.Item>
                  </Col>
                ))}
                <Col xs={24} sm={12} lg={8}>
                  <Form.Item name="nearDueDays" label="临近期限提示（天）" rules={[{ required: true }]}>
                    <InputNumber min={1} max={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={8}>
                  <Form.Item name="reminderDaysBefore" label="到期前提醒（天）" extra="如 15、7、3、1；超期后每日提醒">
                    <Select
                      mode="tags"
                      tokenSeparators={[',', '，', ' ']}
                      aria-label="到期前提醒天数"
                      onChange={(vals: (string | number)[]) =>
                        form.setFieldValue(
                          'reminderDaysBefore',
                          vals.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 90),
                        )
                      }
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title="答复分类" size="small" style={{ marginBottom: 12 }}>
              <Form.Item
                name="replyClassVersion"
                label="分类表版本"
                rules={[{ required: true, message: '请填写版本' }]}
              >
                <Input style={{ maxWidth: 240 }} />
              </Form.Item>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                列入台账的类别，承办单位答复时须填写承诺事项，由联工委跟踪至销号。期限自交办之日起计算；「本年度内」以答复当年12月31日为期。修改只对此后签发的答复生效。
              </Typography.Paragraph>
              <Form.List name="replyClasses">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                        <Form.Item
                          name={[field.name, 'code']}
                          rules={[{ required: true, message: '代码' }]}
                          style={{ width: 80, marginBottom: 0 }}
                        >
                          <Input placeholder="A1" aria-label="分类代码" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'meaning']}
                          rules={[{ required: true, message: '请填写含义' }]}
                          style={{ width: 420, maxWidth: '70vw', marginBottom: 0 }}
                        >
                          <Input placeholder="含义" aria-label="分类含义" />
                        </Form.Item>
                        <Form.Item name={[field.name, 'ledger']} style={{ marginBottom: 0 }}>
                          <Select options={ledgerOptions} style={{ width: 240 }} aria-label="承诺事项台账" />
                        </Form.Item>
                        <Form.Item noStyle dependencies={[['replyClasses', field.name, 'ledger']]}>
                          {({ getFieldValue }) =>
                            getFieldValue(['replyClasses', field.name, 'ledger']) === 'period' ? (
                              <span>
                                承诺期限 <PeriodInput name={[field.name, 'promiseTarget']} />
                              </span>
                            ) : null
                          }
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label="删除该分类"
                          onClick={() => remove(field.name)}
                        />
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() =>
                        add({
                          code: '',
                          meaning: '',
                          ledger: 'none',
                          promiseTarget: { amount: 12, unit: 'months' },
                        } satisfies ClassValues)
                      }
                    >
                      增加分类
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存规则
            </Button>
          </Form>
        ) : null}
      </QueryState>
      <CalendarEditor />
    </div>
  );
}
