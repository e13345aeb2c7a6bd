import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './password-rule.js';
import { generatePassword } from './password.js';

describe('the minimum password policy', () => {
  it('asks for ten characters with letters and digits', () => {
    expect(checkPasswordStrength('Ab3456789')).toBe('密码至少10位');
    expect(checkPasswordStrength('abcdefghijk')).toBe('密码须同时包含字母和数字');
    expect(checkPasswordStrength('12345678901')).toBe('密码须同时包含字母和数字');
    expect(checkPasswordStrength('Lianxin2026')).toBeNull();
  });

  it('refuses the username inside the password, spaces, and a few characters repeated', () => {
    expect(checkPasswordStrength('zhangwei2026', 'ZhangWei')).toBe('密码不能包含用户名');
    expect(checkPasswordStrength('Lianxin 2026')).toBe('密码不能包含空格');
    expect(checkPasswordStrength('a1a1a1a1a1a1')).toBe('密码过于简单：请勿重复同几个字符');
    expect(checkPasswordStrength('x'.repeat(120) + 'Ab345678x')).toBe('密码不能超过128位');
  });

  it('generates passwords that meet it, never the same twice', () => {
    const made = new Set(Array.from({ length: 50 }, generatePassword));
    expect(made.size).toBe(50);
    for (const p of made) expect(checkPasswordStrength(p)).toBeNull();
  });
});
