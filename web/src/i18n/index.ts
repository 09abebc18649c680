import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The `lang` cookie is shared with the server, so its messages follow the UI language. */
export function readLangCookie(): Lang {
  const m = /(?:^|;\s*)lang=([^;]+)/.exec(document.cookie);
  const v = m ? decodeURIComponent(m[1]) : '';
  return v === 'en' ? 'en' : 'zh-CN';
}

export function writeLangCookie(lang: Lang): void {
  document.cookie = `lang=${encodeURIComponent(lang)}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
}

export async function initI18n(): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: readLangCookie(),
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
  dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  return i18n;
}

export async function switchLanguage(lang: Lang): Promise<void> {
  writeLangCookie(lang);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}
