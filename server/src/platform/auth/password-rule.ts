// The minimum password policy, pure: the server checks it, the web app's forms show it.

export const PASSWORD_MIN_LENGTH = 10;
export const passwordRule = `至少${PASSWORD_MIN_LENGTH}位，须同时包含字母和数字，不能包含用户名`;

/** Why a password is refused, in Chinese; null when it meets the minimum policy. */
export function checkPasswordStrength(password: string, username = ''): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位`;
  if (password.length > 128) return '密码不能超过128位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (/\s/.test(password)) return '密码不能包含空格';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  if (new Set(password).size < 4) return '密码过于简单：请勿重复同几个字符';
  return null;
}
