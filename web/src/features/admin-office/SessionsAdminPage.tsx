import { Button, DatePicker, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type {
  SessionRecord,
  TermList,
  TermRecord,
} from '../../../../server/src/modules/administration/sessions.schemas';
import { formatDate, formatDateTime } from '../../shared/format/date';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { QueryState } from '../../shared/ui/QueryState';
import { AdminFrame } from './AdminFrame';
import { dayOf, useAdminList, useAdminMutation } from './admin.api';

interface TermValues {
  ordinal: number;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
}
interface SessionValues {
  ordinal: number;
  opensOn: Dayjs;
  closesOn: Dayjs;
  submissionClosesAt: Dayjs;
}

const required = (label: string) => [{ required: true, message: `请填写${label}` }];

function TermFields() {
  return (
    <>
      <Form.Item name="ordinal" label="届次（第几届）" rules={required('届次')}>
        <InputNumber min={1} max={99} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="startsOn" label="本届开始日期" rules={required('开始日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endsOn" label="本届结束日期（可不填）">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

function SessionFields() {
  return (
    <>
      <Form.Item name="ordinal" label="第几次会议" rules={required('会议次数')}>
        <InputNumber min={1} max={99} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="opensOn" label="开幕日期" rules={required('开幕日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="closesOn" label="闭幕日期" rules={required('闭幕日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="submissionClosesAt" label="大会期间建议截止提交时间" rules={required('截止时间')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

const termBody = (v: TermValues) => ({ ordinal: v.ordinal, startsOn: dayOf(v.startsOn), endsOn: dayOf(v.endsOn) });
const sessionBody = (termId: number, v: SessionValues) => ({
  termId,
  ordinal: v.ordinal,
  opensOn: dayOf(v.opensOn),
  closesOn: dayOf(v.closesOn),
  submissionClosesAt: v.submissionClosesAt.format(),
});

function SessionTable({ term }: { term: TermRecord }) {
  const act = useAdminMutation();
  return (
    <Table<SessionRecord>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={term.sessions}
      scroll={{ x: 760 }}
      locale={{ emptyText: '本届尚无会议' }}
      columns={[
        {
          title: '会议',
          render: (_, s) => (
            <Space>
              {s.label}
              {s.isCurrent ? <Tag color="blue">当前会议</Tag> : null}
            </Space>
          ),
        },
        { title: '会期', width: 230, render: (_, s) => `${formatDate(s.opensOn)}至${formatDate(s.closesOn)}` },
        { title: '建议截止提交', width: 180, render: (_, s) => formatDateTime(s.submissionClosesAt) },
        {
          title: '操作',
          width: 190,
          render: (_, s) => (
            <Space>
              <FormModalButton<SessionValues>
                label="修改"
                title={`修改${s.label}`}
                buttonProps={{ size: 'small' }}
                initialValues={{
                  ordinal: s.ordinal,
                  opensOn: dayjs(s.opensOn),
                  closesOn: dayjs(s.closesOn),
                  submissionClosesAt: dayjs(s.submissionClosesAt),
                }}
                onSubmit={(v) =>
                  act.mutateAsync({
                    method: 'PUT',
                    path: `/sessions/${s.id}`,
                    body: sessionBody(term.id, v),
                    done: '会议已修改',
                  })
                }
              >
                <SessionFields />
              </FormModalButton>
              {s.isCurrent ? null : (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => act.mutate({ path: `/sessions/${s.id}/open`, done: `${s.label}已设为当前会议` })}
                >
                  设为当前会议
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 届次与会议: terms, their sessions, and which session is current. */
export function SessionsAdminPage() {
  const terms = useAdminList<TermList>('/terms');
  const act = useAdminMutation();
  return (
    <AdminFrame
      title="届次与会议"
      extra={
        <FormModalButton<TermValues>
          label="新建届"
          title="新建届"
          buttonProps={{ type: 'primary' }}
          onSubmit={(v) => act.mutateAsync({ path: '/terms', body: termBody(v), done: '已新建届' })}
        >
          <TermFields />
        </FormModalButton>
      }
    >
      <Typography.Paragraph type="secondary">
        当前会议只有一个：代表提交的建议归入当前会议。设为当前会议不改变全会统一的调整申请截止日期。
      </Typography.Paragraph>
      <QueryState isLoading={terms.isLoading} error={terms.error} onRetry={() => void terms.refetch()}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {(terms.data?.items ?? []).map((term) => (
            <section key={term.id} aria-label={`第${term.ordinal}届`}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                  第{term.ordinal}届（{formatDate(term.startsOn)}至{term.endsOn ? formatDate(term.endsOn) : '今'}）
                </Typography.Title>
                <FormModalButton<TermValues>
                  label="修改届"
                  title={`修改第${term.ordinal}届`}
                  buttonProps={{ size: 'small' }}
                  initialValues={{
                    ordinal: term.ordinal,
                    startsOn: dayjs(term.startsOn),
                    endsOn: term.endsOn ? dayjs(term.endsOn) : null,
                  }}
                  onSubmit={(v) =>
                    act.mutateAsync({ method: 'PUT', path: `/terms/${term.id}`, body: termBody(v), done: '届已修改' })
                  }
                >
                  <TermFields />
                </FormModalButton>
                <FormModalButton<SessionValues>
                  label="新建会议"
                  title={`第${term.ordinal}届新建会议`}
                  buttonProps={{ size: 'small' }}
                  onSubmit={(v) =>
                    act.mutateAsync({ path: '/sessions', body: sessionBody(term.id, v), done: '已新建会议' })
                  }
                >
                  <SessionFields />
                </FormModalButton>
              </Space>
              <SessionTable term={term} />
            </section>
          ))}
        </Space>
      </QueryState>
    </AdminFrame>
  );
}
