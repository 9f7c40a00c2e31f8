import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Locale } from '../lib/format.ts';
import { en } from './en.ts';
import { type MessageKey, type Messages, vi } from './vi.ts';

export type { Locale };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Messages> = { vi, en };
const storageKey = 'cadre.locale';

export function translate(messages: Messages, key: MessageKey, values?: Record<string, string | number>) {
  const text = messages[key];
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

type LocaleState = { locale: Locale; setLocale: (locale: Locale) => void; t: Translate };

const LocaleContext = createContext<LocaleState | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this visit only
    }
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<LocaleState>(
    () => ({ locale, setLocale, t: (key, values) => translate(dictionaries[locale], key, values) }),
    [locale, setLocale],
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
