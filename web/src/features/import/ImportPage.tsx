import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Progress,
  Radio,
  Result,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useId, useRef, useState } from 'react';
import {
  importCountLabels,
  importKindLabels,
  importStateLabels,
} from '../../../../server/src/modules/import/import.labels';
import { useSessions } from '../suggestion/directory.api';
import {
  exportUrl,
  isRunning,
  templateUrl,
  useImportJob,
  usePublishImport,
  useStartImport,
  type ImportJob,
  type ImportKind,
  type ImportProblem,
} from './import.api';

const kinds = Object.keys(importKindLabels) as ImportKind[];
const MAX_BYTES = 30 * 1024 * 1024;
/** Kinds whose file may create accounts, which start with the password given here. */
const createsAccounts = (kind: ImportKind) => kind !== 'suggestions';

const countText = (counts: Record<string, number> | null) =>
  Object.entries(counts ?? {})
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${importCountLabels[k as keyof typeof importCountLabels] ?? k}${n}`)
    .join('，') || '无';

function JobProgress({ job }: { job: ImportJob }) {
  const publishing = job.state === 'publishing';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {importStateLabels[job.state]}（{job.fileName}
        {job.doneRows > 0 ? `，已读入${job.doneRows}行` : ''}）
      </Typography.Text>
      <Progress percent={job.progress} status="active" aria-label={`${importStateLabels[job.state]}进度`} />
      {publishing && <Typography.Text type="secondary">正在一次写入全部数据，其间系统照常可用。</Typography.Text>}
    </Space>
  );
}

function ProblemTable({ job }: { job: ImportJob }) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        message={`发现${job.problemCount}个问题，未导入任何数据`}
        description={
          job.problemCount > job.problems.length
            ? `下表列出前${job.problems.length}个。请在 Excel 中改正后重新上传。`
            : '请在 Excel 中按下表改正后重新上传。'
        }
        style={{ marginBottom: 12 }}
      />
      <Table<ImportProblem>
        size="small"
        rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.message}`}
        dataSource={job.problems}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 640 }}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 90 },
          { title: '行', dataIndex: 'row', width: 70 },
          { title: '列', width: 120, render: (_, p) => (p.column ? `${p.column}（${p.field}）` : p.field || '—') },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </>
  );
}

function JobOutcome({ job, onPublish, publishing }: { job: ImportJob; onPublish: () => void; publishing: boolean }) {
  if (isRunning(job)) return <JobProgress job={job} />;
  if (job.state === 'failed') return <Alert type="error" showIcon message="导入失败" description={job.error} />;
  if (job.state === 'done')
    return <Result status="success" title="导入完成" subTitle={`${job.fileName}：已导入${countText(job.counts)}。`} />;
  if (job.problemCount > 0) return <ProblemTable job={job} />;
  return (
    <Alert
      type="success"
      showIcon
      message={`检查通过：共${job.totalRows}行，没有发现问题`}
      description={
        <Space direction="vertical">
          <span>确认后将导入：{countText(job.counts)}。全部成功或全部不导入。</span>
          <Button type="primary" loading={publishing} onClick={onPublish}>
            确认导入
          </Button>
        </Space>
      }
    />
  );
}

function ImportCard() {
  const [kind, setKind] = useState<ImportKind>('deputies');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const ids = { password: useId(), file: useId() };
  const start = useStartImport();
  const publish = usePublishImport();
  const job = useImportJob(jobId);

  const choose = (f: File | undefined) => {
    setJobId(null);
    if (!f) return setFile(null);
    if (!/\.xlsx$/i.test(f.name)) return setFileProblem('请选择 Excel 工作簿（.xlsx）');
    if (f.size > MAX_BYTES) return setFileProblem('文件不能超过30MB');
    setFileProblem(null);
    setFile(f);
  };
  const upload = async () => {
    if (!file) return setFileProblem('请先选择要导入的文件');
    const started = await start.mutateAsync({ kind, file, password: createsAccounts(kind) ? password : '' });
    setJobId(started.id);
  };

  return (
    <Card title="导入" size="small">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Radio.Group
          value={kind}
          optionType="button"
          aria-label="导入的名单"
          onChange={(e) => {
            setKind(e.target.value as ImportKind);
            setJobId(null);
          }}
          options={kinds.map((k) => ({ value: k, label: importKindLabels[k] }))}
        />
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          1. 下载模板，按「说明」表填写。{' '}
          <Button icon={<DownloadOutlined />} href={templateUrl(kind)} download>
            下载{importKindLabels[kind]}模板
          </Button>
        </Typography.Paragraph>
        {createsAccounts(kind) && (
          <div>
            <label htmlFor={ids.password}>新账号的初始密码（填写了登录名的行将创建账号，首次登录须修改）</label>
            <Input.Password
              id={ids.password}
              value={password}
              autoComplete="new-password"
              onChange={(e) => setPassword(e.target.value)}
              style={{ maxWidth: 320, display: 'flex', marginTop: 4 }}
            />
          </div>
        )}
        <div>
          <span>2. 选择填好的文件，上传后先检查，不会写入：</span>
          <input
            ref={input}
            id={ids.file}
            type="file"
            accept=".xlsx"
            hidden
            aria-label="选择 Excel 文件"
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <Space wrap style={{ marginTop: 4, display: 'flex' }}>
            <Button onClick={() => input.current?.click()}>选择 Excel 文件</Button>
            <Typography.Text>{file ? file.name : '未选择文件'}</Typography.Text>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={start.isPending}
              disabled={isRunning(job.data)}
              onClick={() => void upload()}
            >
              上传并检查
            </Button>
          </Space>
          {fileProblem && (
            <Typography.Text type="danger" role="alert">
              {fileProblem}
            </Typography.Text>
          )}
        </div>
        {job.data && (
          <div aria-live="polite">
            <JobOutcome job={job.data} publishing={publish.isPending} onPublish={() => publish.mutate(job.data!.id)} />
          </div>
        )}
      </Space>
    </Card>
  );
}

function ExportCard() {
  const [kind, setKind] = useState<ImportKind>('deputies');
  const sessions = useSessions();
  const [sessionId, setSessionId] = useState<number | undefined>();
  const ids = { kind: useId(), session: useId() };
  const ready = kind !== 'suggestions' || sessionId !== undefined;
  return (
    <Card title="导出" size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={<label htmlFor={ids.kind}>名单</label>}>
          <Select<ImportKind>
            id={ids.kind}
            value={kind}
            onChange={setKind}
            style={{ width: 220 }}
            options={kinds.map((k) => ({ value: k, label: importKindLabels[k] }))}
          />
        </Descriptions.Item>
        {kind === 'suggestions' && (
          <Descriptions.Item label={<label htmlFor={ids.session}>会议</label>}>
            <Select<number>
              id={ids.session}
              value={sessionId}
              onChange={setSessionId}
              placeholder="选择会议"
              loading={sessions.isLoading}
              style={{ width: 260 }}
              options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.label }))}
            />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary">导出文件的格式与导入模板相同，修改后可再导入。</Typography.Paragraph>
      <Button
        icon={<DownloadOutlined />}
        href={ready ? exportUrl(kind, sessionId) : undefined}
        disabled={!ready}
        download
      >
        导出 Excel
      </Button>
    </Card>
  );
}

/** 导入导出: the office brings its lists and past years from Excel, and takes them out again. */
export function ImportPage() {
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        导入导出
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ImportCard />
        <ExportCard />
      </Space>
    </div>
  );
}
