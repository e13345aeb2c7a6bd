import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { withQuery } from '../api/client';

/**
 * 导出Excel: the list as it is filtered on the page, every page of it; a plain link, so the
 * browser downloads the workbook with the session's cookie.
 */
/** `query`: the page's own query (its paging is left out). */
export function ExportButton({
  path,
  query = {},
  label = '导出Excel',
}: {
  path: string;
  query?: object;
  label?: string;
}) {
  const rest = Object.fromEntries(
    Object.entries(query).filter(
      ([k, v]) => k !== 'page' && k !== 'pageSize' && ['string', 'number', 'boolean'].includes(typeof v),
    ),
  ) as Record<string, string | number | boolean>;
  return (
    <Button icon={<DownloadOutlined />} href={`/api${withQuery(path, rest)}`} style={{ marginBottom: 12 }}>
      {label}
    </Button>
  );
}
