import { useMutation } from '@tanstack/react-query';
import { Button, Popconfirm } from 'antd';
import { api } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/notify';

/** 解除锁定: the office lifts the lock that repeated failed logins put on an account of its congress. */
export function UnlockAccountButton({ userId, name }: { userId: number; name: string }) {
  const unlock = useMutation({
    mutationFn: () => api.post<void>(`/accounts/${userId}/unlock`),
    onSuccess: () => notifySuccess(`已解除${name}的登录锁定`),
  });
  return (
    <Popconfirm
      title={`解除${name}的登录锁定？`}
      description="登录失败次数过多的账号会被锁定若干分钟；解除后可立即再次登录。"
      okText="解除"
      cancelText="取消"
      onConfirm={() => unlock.mutateAsync()}
    >
      <Button size="small" loading={unlock.isPending}>
        解除锁定
      </Button>
    </Popconfirm>
  );
}
