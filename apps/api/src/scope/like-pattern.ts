/**
 * Text a caller searches for, made literal for Prisma's `contains`/`startsWith` (SQL LIKE, where
 * `%` and `_` are wildcards and `\` escapes): "50%" finds "50%", not everything.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
