import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): the OWASP baseline.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password an office would accept: 8+ characters with letters and digits. */
export function checkPasswordStrength(password: string): string | null {
  if (password.length < 8) return '新密码至少8位';
  if (password.length > 128) return '新密码不能超过128位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '新密码须同时包含字母和数字';
  return null;
}
