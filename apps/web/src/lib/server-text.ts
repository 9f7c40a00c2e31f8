import type { Translate } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/vi.ts';

/** A message as the API sends it: Vietnamese text, and the key and values to translate it by. */
export type ServerTextSource = {
  message?: string | null;
  messageKey?: string | null;
  messageParams?: unknown;
};

function paramsOf(value: unknown): Record<string, string | number> {
  if (!value || typeof value !== 'object') return {};
  const params: Record<string, string | number> = {};
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number') params[name] = item;
  }
  return params;
}

/**
 * What the server said, in the user's language: a message with a key is read from the
 * dictionaries (`server.<key>`, from packages/messages); an older message without one may still be
 * written "Vietnamese / English", of which the half in the user's language is shown.
 */
export function serverText(source: ServerTextSource | string | null | undefined, t: Translate): string {
  if (!source) return '';
  const { message, messageKey, messageParams } = typeof source === 'string' ? { message: source } : source;
  if (messageKey) {
    const key = `server.${messageKey}` as MessageKey;
    const translated = t(key, paramsOf(messageParams));
    if (translated !== key) return translated;
  }
  return serverWords(message, t.locale);
}

/**
 * A message without a key, which older code still writes "Vietnamese / English": the half in the
 * user's language (the Vietnamese when there is no other half).
 */
export function serverWords(message: string | null | undefined, locale: string | undefined): string {
  if (!message) return '';
  const [vi, en] = message.split(' / ');
  return (locale === 'en' ? en : vi) ?? vi ?? message;
}
