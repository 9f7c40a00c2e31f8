import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../lib/format.ts';
import { type MessageKey, type Messages, vi } from './vi.ts';

export type { Locale };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// English is loaded only when chosen: the login page ships one dictionary, not two.
let english: Messages | null = null;
function loadEnglish(): Promise<Messages> {
  return import('./en.ts').then((module) => {
    english = module.en;
    return english;
  });
}
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
  const [messages, setMessages] = useState<Messages>(() => (locale === 'en' && english ? english : vi));
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  useEffect(() => {
    document.documentElement.lang = locale;
    if (locale === 'vi') {
      setMessages(vi);
      return;
    }
    let current = true;
    void loadEnglish().then((loaded) => {
      if (current) setMessages(loaded);
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
    () => ({ locale, setLocale, t: (key, values) => translate(messages, key, values) }),
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
