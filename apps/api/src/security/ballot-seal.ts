// A vote's choice is sealed while its ballot is open: AES-256-GCM under a key derived from the
// server's secret (never in the database), the ballot's id bound in as associated data so a sealed
// vote cannot be moved to another ballot. A database reader sees random ids and ciphertexts, all
// of one length: the choice is padded before sealing (GCM's ciphertext is as long as its text, so
// 'FOR' would otherwise be told from 'AGAINST' by its length).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { VoteChoice } from '@cadre/db';

const choices: readonly VoteChoice[] = ['FOR', 'AGAINST', 'ABSTAIN'];
/** every sealed text is this long, whichever the choice */
const sealedTextLength = 16;

function sealKey(secret: Buffer): Buffer {
  if (secret.length < 32) throw new Error('the server secret key is missing');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'cadre ballot seal v1', 32));
}

export function sealChoice(secret: Buffer, ballotId: string, choice: VoteChoice): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(secret), iv);
  cipher.setAAD(Buffer.from(ballotId));
  const body = Buffer.concat([cipher.update(choice.padEnd(sealedTextLength, ' '), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openChoice(secret: Buffer, ballotId: string, sealed: string): VoteChoice {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(secret), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(ballotId));
  decipher.setAuthTag(raw.subarray(12, 28));
  const choice = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()])
    .toString('utf8')
    .trimEnd();
  const known = choices.find((value) => value === choice);
  if (!known) throw new Error('a sealed vote holds no known choice');
  return known;
}

/** Fisher–Yates with a cryptographic source: the order of the counted rows says nothing. */
export function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
