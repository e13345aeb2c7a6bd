import { PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useRef, useState } from 'react';
import { api, errorText } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/notify';
import { suggestionKeys } from '../suggestion/suggestion.api';

const accepted = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.jpg', '.jpeg', '.png', '.txt'];
const MAX_BYTES = 10 * 1024 * 1024;

/** The same limits as the server, said before the file is sent. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
  if (!accepted.includes(ext)) return '附件只能是PDF、Word、Excel、图片（JPG、PNG）或文本文件';
  if (file.size > MAX_BYTES) return '附件不能超过10MB';
  if (file.size === 0) return '附件是空文件';
  return null;
}

/** 上传附件: the lead deputy adds material while the suggestion is a draft or returned. */
export function AttachmentUpload({ suggestionId }: { suggestionId: number }) {
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const qc = useQueryClient();
  const upload = async (file: File) => {
    const problem = attachmentProblem(file);
    if (problem) return notifyError(problem);
    const body = new FormData();
    body.append('file', file);
    setPending(true);
    try {
      await api.post(`/suggestions/${suggestionId}/attachments`, body);
      notifySuccess(`已上传附件：${file.name}`);
      await qc.invalidateQueries({ queryKey: suggestionKeys.detail(suggestionId) });
    } catch (error) {
      notifyError(errorText(error));
    } finally {
      setPending(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accepted.join(',')}
        hidden
        aria-label="选择附件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <Button icon={<PaperClipOutlined />} loading={pending} onClick={() => input.current?.click()}>
        上传附件
      </Button>
    </>
  );
}
