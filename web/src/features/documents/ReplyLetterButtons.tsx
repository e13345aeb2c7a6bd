import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { docxUrl, pageUrl } from './documents.api';

/**
 * 下载答复函 (Word, GB/T 9704) and 查看、打印 (the A4 page) of one reply. The server answers
 * them only to those who may see that reply, so the buttons show wherever the reply does.
 */
export function ReplyLetterButtons({ replyId, unitName }: { replyId: number; unitName: string }) {
  return (
    <Space size={4} wrap>
      <Button
        size="small"
        icon={<FileWordOutlined />}
        href={docxUrl('replies', replyId)}
        download
        aria-label={`下载答复函（${unitName}，Word）`}
      >
        下载答复函
      </Button>
      <Button
        size="small"
        icon={<PrinterOutlined />}
        href={pageUrl('replies', replyId)}
        target="_blank"
        rel="noopener"
        aria-label={`查看、打印（${unitName}答复函，新窗口）`}
      >
        查看、打印
      </Button>
    </Space>
  );
}
