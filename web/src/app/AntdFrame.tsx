import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { registerNotifier } from '../shared/api/notify';

dayjs.locale('zh-cn');

function NotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => registerNotifier(message), [message]);
  return null;
}

export const theme = {
  token: {
    colorPrimary: '#b71c1c',
    // Links and secondary text dark enough for WCAG AA contrast (4.5:1) on white and grey.
    // The hover colour too: on a phone a tapped link stays hovered, and the one antd derives
    // from colorLink (#457ebf) is 4.2:1. #0958d9 is 6.2:1, #002f80 12.2:1.
    colorLink: '#0747a6',
    colorLinkHover: '#0958d9',
    colorLinkActive: '#002f80',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};

/**
 * Ant Design in Chinese, with the message API the request layer reports through. Buttons keep
 * their words as written (「提交」, not 「提 交」), which screen readers also read correctly.
 */
export function AntdFrame({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <NotifierBridge />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
