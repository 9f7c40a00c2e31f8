/** The server's words (Vietnamese first): a refusal that names its reason, e.g. a recusal. */
export function serverWords(message: string | undefined, locale: string): string | null {
  if (!message) return null;
  const [vi, en] = message.split(' / ');
  return (locale === 'en' ? en : vi) ?? vi ?? null;
}
