import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { chinaToday } from '../../shared/format/date';
import { QueryState } from '../../shared/ui/QueryState';
import { useCalendarYear, useSaveCalendarYear, type CalendarEntry } from './calendar.api';

interface Row {
  day: Dayjs;
  kind: CalendarEntry['kind'];
  name?: string;
}

const kinds = [
  { value: 'holiday', label: '放假' },
  { value: 'workday', label: '调休上班' },
];

function YearForm({ year, entries }: { year: number; entries: CalendarEntry[] }) {
  const save = useSaveCalendarYear(year);
  const initial = { rows: entries.map((e) => ({ day: dayjs(e.day), kind: e.kind, name: e.name })) };
  const onFinish = (v: { rows?: Row[] }) =>
    save.mutate(
      (v.rows ?? [])
        .map((r) => ({ day: r.day.format('YYYY-MM-DD'), kind: r.kind, name: (r.name ?? '').trim() }))
        .sort((a, b) => a.day.localeCompare(b.day)),
    );
  return (
    <Form layout="vertical" initialValues={initial} onFinish={onFinish} key={`${year}-${entries.length}`}>
      <Form.List name="rows">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  name={[field.name, 'day']}
                  rules={[{ required: true, message: '请选择日期' }]}
                  style={{ marginBottom: 0 }}
                >
                  <DatePicker aria-label="日期" disabledDate={(d) => d.year() !== year} />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 0 }}>
                  <Select options={kinds} style={{ width: 120 }} aria-label="安排" />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0 }}>
                  <Input placeholder="如 国庆节" maxLength={40} style={{ width: 160 }} aria-label="节日名称" />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label="删除该日"
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'holiday', name: '' })}
              style={{ marginTop: 8 }}
            >
              增加一天
            </Button>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }}>
        保存{year}年安排
      </Button>
    </Form>
  );
}

/** 节假日安排: the State Council's holidays and working days in lieu, which working-day windows count by. */
export function CalendarEditor() {
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useCalendarYear(year);
  return (
    <Card title="节假日安排" size="small" style={{ marginTop: 12 }}>
      <Typography.Paragraph type="secondary">
        按工作日计算的期限（如「3个工作日内」）跳过放假日，计入调休上班日。每年12月请录入下一年的安排。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>年份</span>
        <Select
          aria-label="年份"
          value={year}
          onChange={setYear}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y}年` }))}
          style={{ width: 110 }}
        />
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {q.data ? <YearForm year={year} entries={q.data.entries} /> : null}
      </QueryState>
    </Card>
  );
}
