/**
 * Bilingual output. `name` fields follow the `lang` argument, else the request's Accept-Language
 * (Chinese by default, because most of the API's users read Chinese first).
 */
export type Lang = 'zh' | 'en';

export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'zh';
  // Highest-q tag among zh*/en*; ties keep header order.
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...rest] = part.trim().toLowerCase().split(';');
    const qParam = rest.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: Lang | undefined = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}
