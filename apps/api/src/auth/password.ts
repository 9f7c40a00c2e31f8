import { hash, verify } from '@node-rs/argon2';
import { type FieldIssue, fieldIssue } from '../errors.ts';

export const minimumPasswordLength = 10;

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Verifies against a stored argon2 hash; any malformed hash simply fails. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A dummy hash verified when the username is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('not-a-real-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/** The password policy: at least 10 characters, not one character repeated, not the username. */
export function checkPasswordPolicy(options: {
  password: string;
  username: string;
  field: string;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (options.password.length < minimumPasswordLength) {
    issues.push(fieldIssue(options.field, 'password.tooShort', { min: minimumPasswordLength }));
  }
  if (new Set(options.password).size < 3) {
    issues.push(fieldIssue(options.field, 'password.tooFewDistinct'));
  }
  const name = options.username.trim().toLowerCase();
  if (name.length > 0 && options.password.trim().toLowerCase().includes(name)) {
    issues.push(fieldIssue(options.field, 'password.containsUsername'));
  }
  return issues;
}
