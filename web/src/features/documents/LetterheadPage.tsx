import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, errorText } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/notify';
import { formatDate } from '../../shared/format/date';
import { QueryState } from '../../shared/ui/QueryState';
import { letterheadKey, useLetterhead } from './documents.api';

const MAX_BYTES = 2 * 1024 * 1024;

/** The same limits as the server, said before the file is sent. */
export function letterheadProblem(file: { name: string; size: number }): string | null {
  if (!file.name.toLowerCase().endsWith('.docx')) return '信笺模板须为Word文档（.docx）；旧版.doc请先另存为.docx';
  if (file.size === 0) return '信笺模板文件为空';
  if (file.size > MAX_BYTES) return '信笺模板不能超过2MB';
  return null;
}

/**
 * 信笺模板: a unit (or the office) puts up its own letterhead — a .docx whose body (the red
 * organ mark, the rule, a logo) heads its reply letters (the office's: its urging notices).
 */
export default function LetterheadPage() {
  const state = useLetterhead();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const run = async (work: () => Promise<unknown>, done: string) => {
    setPending(true);
    try {
      await work();
      notifySuccess(done);
      await qc.invalidateQueries({ queryKey: letterheadKey });
    } catch (error) {
      notifyError(errorText(error));
    } finally {
      setPending(false);
      if (input.current) input.current.value = '';
    }
  };
  const upload = (file: File) => {
    const problem = letterheadProblem(file);
    if (problem) return notifyError(problem);
    const body = new FormData();
    body.append('file', file);
    return run(() => api.put('/letterhead', body), `已上传信笺模板：${file.name}`);
  };
  const current = state.data?.letterhead ?? null;
  return (
    <Card title="信笺模板">
      <QueryState isLoading={state.isLoading} error={state.error} onRetry={() => void state.refetch()}>
        <Typography.Paragraph>
          {state.data?.owner.name}的公文（
          {state.data?.owner.kind === 'unit' ? '答复函' : '催办函'}
          ）按 GB/T 9704 版式生成，默认使用系统生成的红色发文机关标志和红线。上传本单位的信笺模板（Word
          .docx，不超过2MB）后，模板正文中的内容（发文机关标志、红线、徽标等）代替系统生成的红头。
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'file', label: '当前模板', children: current ? current.fileName : '未上传（使用系统生成的红头）' },
            ...(current ? [{ key: 'at', label: '上传时间', children: formatDate(current.uploadedAt) }] : []),
          ]}
        />
        <input
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          aria-label="选择信笺模板文件"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" icon={<UploadOutlined />} loading={pending} onClick={() => input.current?.click()}>
            {current ? '更换模板' : '上传模板'}
          </Button>
          {current ? (
            <Popconfirm
              title="删除信笺模板？"
              description="删除后恢复使用系统生成的红头。"
              okText="删除"
              cancelText="取消"
              onConfirm={() => run(() => api.delete('/letterhead'), '已删除信笺模板')}
            >
              <Button danger icon={<DeleteOutlined />} disabled={pending}>
                删除模板
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </QueryState>
    </Card>
  );
}
