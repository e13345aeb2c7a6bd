import { AutoComplete, Alert, Form, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/client';
import { notifyError, notifySuccess, notifyWarning } from '../../shared/api/notify';
import { errorText } from '../../shared/api/client';
import { FormModalButton } from '../../shared/ui/FormModalButton';
import { QueryState } from '../../shared/ui/QueryState';
import { useClasses } from '../suggestion/directory.api';
import { useSuggestionMutation } from '../suggestion/suggestion.api';
import { useAssignSuggestions } from './assign.api';
import { SuggestionFilters } from '../suggestion/SuggestionFilters';
import { SuggestionTable } from '../suggestion/SuggestionTable';
import type { SuggestionListItem } from '../suggestion/suggestion.types';
import { picksOf, UnitPickerFields, type UnitPickValues } from '../suggestion/UnitPicker';
import { useSuggestionTable } from '../suggestion/useSuggestionTable';

/** 交办: pick registered suggestions (a page of up to 200, across pages), choose units, assign them together. */
export function AssignPage() {
  const t = useSuggestionTable({ status: 'registered' }, 'number');
  const [selected, setSelected] = useState<Map<number, SuggestionListItem>>(new Map());
  const [report, setReport] = useState<{ title: string; lines: string[] } | null>(null);
  const assign = useAssignSuggestions();
  const group = useSuggestionMutation();
  const classes = useClasses(t.filters.sessionId ? Number(t.filters.sessionId) : undefined);
  const rows = [...selected.values()];
  const titleOf = (id: number) => selected.get(id)?.title ?? `#${id}`;

  const assignSelected = async (v: UnitPickValues) => {
    const picks = picksOf(v);
    const { complete, result, refused } = await assign.mutateAsync({
      items: rows.map((s) => ({ suggestionId: s.id, version: s.version, ...picks })),
    });
    // 200: all assigned; 207 (Multi-Status): the refused ones, each with the server's reason.
    if (complete) notifySuccess(`已交办${result.assigned}件`);
    else
      notifyWarning(result.assigned > 0 ? `已交办${result.assigned}件，${result.failed}件未交办` : '所选建议均未交办');
    setReport({
      title: complete ? `已交办${result.assigned}件` : `已交办${result.assigned}件，${result.failed}件未交办`,
      lines: refused.map((f) => `${titleOf(f.suggestionId)}：${f.message}`),
    });
    setSelected(new Map());
  };

  const preAssignSelected = async (v: UnitPickValues) => {
    const { units } = picksOf(v);
    const lines: string[] = [];
    let ok = 0;
    for (const s of rows) {
      try {
        await api.post(`/suggestions/${s.id}/pre-assign`, { units, version: s.version });
        ok += 1;
      } catch (error) {
        lines.push(`${s.title}：${errorText(error)}`);
      }
    }
    setReport({ title: `已预交办${ok}件${lines.length ? `，${lines.length}件未成功` : ''}`, lines });
    if (ok) notifySuccess(`已预交办${ok}件`);
    else notifyError('预交办未成功');
    setSelected(new Map());
    void t.list.refetch();
  };

  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        交办
      </Typography.Title>
      <SuggestionFilters
        filters={t.filters}
        setFilters={t.setFilters}
        show={['q', 'sessionId', 'categoryCode', 'isKey']}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>已选{rows.length}件</Typography.Text>
        <FormModalButton<UnitPickValues>
          label={`交办所选（${rows.length}件）`}
          title={`交办所选${rows.length}件建议`}
          okText="交办"
          buttonProps={{ type: 'primary', disabled: rows.length === 0 }}
          initialValues={{ mode: 'sole' }}
          onSubmit={assignSelected}
          width={640}
        >
          <Typography.Paragraph type="secondary">
            交办后按办理规则计算各单位的答复期限；每件单独成功或失败。
          </Typography.Paragraph>
          <UnitPickerFields />
        </FormModalButton>
        <FormModalButton<UnitPickValues>
          label="预交办所选"
          title={`预交办所选${rows.length}件建议`}
          okText="预交办"
          buttonProps={{ disabled: rows.length === 0 }}
          initialValues={{ mode: 'sole' }}
          onSubmit={preAssignSelected}
          width={640}
        >
          <UnitPickerFields />
        </FormModalButton>
        <FormModalButton<{ className: string }>
          label="归为一类"
          title={`将所选${rows.length}件归为一类`}
          okText="归类"
          buttonProps={{ disabled: rows.length < 1 }}
          onSubmit={(v) =>
            group.mutateAsync({
              path: '/suggestions/classes',
              body: { suggestionIds: rows.map((s) => s.id), className: v.className.trim() },
              done: `已将${rows.length}件归入「${v.className.trim()}」`,
            })
          }
        >
          <Form.Item
            name="className"
            label="类名"
            rules={[{ required: true, whitespace: true, message: '请填写类名' }]}
          >
            <AutoComplete
              options={(classes.data ?? []).map((c) => ({ value: c.name, label: `${c.name}（${c.size}件）` }))}
              placeholder="选择已有类或输入新类名"
              filterOption
            />
          </Form.Item>
        </FormModalButton>
      </Space>
      <QueryState isLoading={t.list.isLoading} error={t.list.error} onRetry={() => void t.list.refetch()}>
        <SuggestionTable
          {...t.tableProps}
          linkTo={(s) => `/office/suggestions/${s.id}`}
          rowSelection={{
            selectedRowKeys: rows.map((s) => s.id),
            preserveSelectedRowKeys: true,
            onChange: (_keys, picked) =>
              setSelected((prev) => {
                const onPage = new Set((t.list.data?.items ?? []).map((s) => s.id));
                const next = new Map([...prev].filter(([id]) => !onPage.has(id)));
                picked.forEach((s) => s && next.set(s.id, s));
                return next;
              }),
          }}
        />
      </QueryState>
      <Modal
        open={report !== null}
        title={report?.title}
        onOk={() => setReport(null)}
        onCancel={() => setReport(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {report?.lines.length ? (
          <>
            <Alert type="warning" showIcon message="以下建议未成功，请检查后重试" style={{ marginBottom: 8 }} />
            <List size="small" dataSource={report.lines} renderItem={(l) => <List.Item>{l}</List.Item>} />
          </>
        ) : (
          <Alert type="success" showIcon message="全部成功" />
        )}
      </Modal>
    </div>
  );
}
