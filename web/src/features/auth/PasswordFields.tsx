import { Form, Input } from 'antd';
import { checkPasswordStrength, passwordRule } from '../../../../server/src/platform/auth/password-rule';

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The server's rule itself (password-rule.ts), so the form says it first. */
export function passwordProblem(value: string, username: string): string | null {
  const problem = checkPasswordStrength(value, username);
  return problem ? `新${problem}` : null;
}

/** Old password, new password with the policy, and the new one again. */
export function PasswordFields({ username, currentLabel = '原密码' }: { username: string; currentLabel?: string }) {
  return (
    <>
      <Form.Item name="currentPassword" label={currentLabel} rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={passwordRule}
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: (_, v: string | undefined) => {
              const p = passwordProblem(v ?? '', username);
              return p ? Promise.reject(new Error(p)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
