/**
 * Server-side messages in the user's language (zh-CN default, en). Keys are the `userMessageKey`
 * of AppError and the `code` of error details; `{name}` placeholders are filled from params.
 * Modules add their own keys to this one table so every message can be found in one place.
 */
export type Lang = 'zh-CN' | 'en';

const catalogue: Record<string, { 'zh-CN': string; en: string }> = {
  'errors.not_found': { 'zh-CN': '未找到所请求的资源', en: 'The requested resource was not found' },
  'errors.route_not_found': { 'zh-CN': '没有这个接口：{route}', en: 'No such endpoint: {route}' },
  'errors.forbidden': { 'zh-CN': '无权访问：超出您的权限或辖区', en: 'Forbidden: outside your role or division scope' },
  'errors.unauthenticated': { 'zh-CN': '请先登录', en: 'Please sign in first' },
  'errors.conflict': { 'zh-CN': '数据已被他人修改或与现有记录冲突', en: 'The data was changed by someone else or conflicts with an existing record' },
  'errors.invalid_input': { 'zh-CN': '输入有误，请检查标出的字段', en: 'The input is invalid; check the fields listed' },
  'errors.rule_violation': { 'zh-CN': '不符合业务规则', en: 'This breaks a business rule' },
  'errors.payload_too_large': { 'zh-CN': '上传内容过大（上限 {limit}）', en: 'The upload is too large (limit {limit})' },
  'errors.rate_limited': { 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  'errors.internal': { 'zh-CN': '服务器内部错误（请求编号 {requestId}）', en: 'Internal server error (request {requestId})' },
  'errors.csrf': { 'zh-CN': '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  'errors.file_required': { 'zh-CN': '请上传 CSV 或 XLSX 文件', en: 'A CSV or XLSX file is required' },
  'errors.bad_credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong user name or password' },
};

export function registerMessages(entries: Record<string, { 'zh-CN': string; en: string }>): void {
  Object.assign(catalogue, entries);
}

export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const entry = catalogue[key];
  const text = entry ? entry[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function hasMessage(key: string): boolean {
  return key in catalogue;
}

/** zh-CN unless the request asks for English (cookie `lang=en` or Accept-Language starting with en). */
export function pickLang(cookieLang: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookieLang === 'en' || cookieLang === 'zh-CN') return cookieLang;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
