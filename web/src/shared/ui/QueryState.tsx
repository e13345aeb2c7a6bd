import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api/client';

interface Props {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  children: ReactNode;
}

/** Loading, failed (with the server's Chinese message) or the content. */
export function QueryState({ isLoading, error, onRetry, children }: Props) {
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        message="加载失败"
        description={errorText(error)}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          ) : undefined
        }
      />
    );
  return <>{children}</>;
}
