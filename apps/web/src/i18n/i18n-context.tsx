import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../lib/format.ts';
import type { MessageKey, Messages } from './vi.ts';
import { viLogin } from './vi-login.ts';

export type { Locale };
export type Translate = ((key: MessageKey, values?: Record<string, string | number>) => string) & {
  /** the language it translates to (lib/server-text.ts picks the server's words by it) */
  locale?: Locale;
};

// The login route ships the few Vietnamese texts it shows (vi-login.ts); the whole Vietnamese
// dictionary loads right after, English only when chosen.
const loaded: Partial<Record<Locale, Messages>> = {};
/** Loads a whole dictionary (the app does it on its own; component tests call it first). */
export function loadMessages(locale: Locale): Promise<Messages> {
  const module = locale === 'en' ? import('./en.ts').then((m) => m.en) : import('./vi.ts').then((m) => m.vi);
  return module.then((messages) => {
    loaded[locale] = messages;
    return messages;
  });
}
const storageKey = 'cadre.locale';

export function translate(
  messages: Partial<Messages>,
  key: MessageKey,
  values?: Record<string, string | number>,
) {
  const text = messages[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function readStoredLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

type LocaleState = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** the whole dictionary of the locale is loaded (the login route can do with less) */
  complete: boolean;
};

const LocaleContext = createContext<LocaleState | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  const [messages, setMessages] = useState<Partial<Messages>>(() => loaded[locale] ?? viLogin);
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  useEffect(() => {
    document.documentElement.lang = locale;
    const ready = loaded[locale];
    if (ready) {
      setMessages(ready);
      return;
    }
    let current = true;
    void loadMessages(locale).then((messages) => {
      if (current) setMessages(messages);
    });
    return () => {
      current = false;
    };
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this visit only
    }
    setLocaleState(next);
  }, []);
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale,
      t: Object.assign(
        (key: MessageKey, values?: Record<string, string | number>) => translate(messages, key, values),
        {
          locale,
        },
      ),
      complete: messages === loaded[locale],
    }),
    [locale, setLocale, messages],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useI18n(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useI18n outside I18nProvider');
  return state;
}

export function useT(): Translate {
  return useI18n().t;
}
