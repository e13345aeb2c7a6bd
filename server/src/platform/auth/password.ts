import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { checkPasswordStrength } from './password-rule.js';

export { checkPasswordStrength, passwordRule } from './password-rule.js';

// argon2id with the library's defaults (19 MiB, 2 passes): the OWASP baseline.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// No 0/O, 1/l/I: a password read out over the phone or copied from paper.
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A password an administrator hands out (its holder must change it): 14 characters, letters and digits. */
export function generatePassword(): string {
  for (;;) {
    const password = Array.from({ length: 14 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
    if (checkPasswordStrength(password) === null) return password;
  }
}
