import type { CountryRecord } from '../../src/modules/reference/reference.import';

/*
 * Countries that Chongqing's CBEC trade reaches along its corridors (ISO 3166-1 alpha-2, main
 * currency ISO 4217). Chinese names are the standard short forms used by the Ministry of Foreign
 * Affairs. Regions are broad, in English, for grouping.
 */
const C = (code: string, nameZh: string, nameEn: string, region: string, currency: string): CountryRecord => ({ code, nameZh, nameEn, region, currency });

export const countries: CountryRecord[] = [
  // ASEAN (the policy's focus through RCEP and the New International Land-Sea Trade Corridor)
  C('SG', '新加坡', 'Singapore', 'Southeast Asia', 'SGD'),
  C('MY', '马来西亚', 'Malaysia', 'Southeast Asia', 'MYR'),
  C('TH', '泰国', 'Thailand', 'Southeast Asia', 'THB'),
  C('VN', '越南', 'Viet Nam', 'Southeast Asia', 'VND'),
  C('ID', '印度尼西亚', 'Indonesia', 'Southeast Asia', 'IDR'),
  C('PH', '菲律宾', 'Philippines', 'Southeast Asia', 'PHP'),
  C('MM', '缅甸', 'Myanmar', 'Southeast Asia', 'MMK'),
  C('KH', '柬埔寨', 'Cambodia', 'Southeast Asia', 'KHR'),
  C('LA', '老挝', 'Lao PDR', 'Southeast Asia', 'LAK'),
  C('BN', '文莱', 'Brunei Darussalam', 'Southeast Asia', 'BND'),
  // East and South Asia
  C('JP', '日本', 'Japan', 'East Asia', 'JPY'),
  C('KR', '韩国', 'Republic of Korea', 'East Asia', 'KRW'),
  C('MN', '蒙古国', 'Mongolia', 'East Asia', 'MNT'),
  C('HK', '中国香港', 'Hong Kong, China', 'East Asia', 'HKD'),
  C('IN', '印度', 'India', 'South Asia', 'INR'),
  C('PK', '巴基斯坦', 'Pakistan', 'South Asia', 'PKR'),
  C('BD', '孟加拉国', 'Bangladesh', 'South Asia', 'BDT'),
  C('LK', '斯里兰卡', 'Sri Lanka', 'South Asia', 'LKR'),
  // Russia and Central Asia (China-Europe Railway Express)
  C('RU', '俄罗斯', 'Russian Federation', 'Eastern Europe', 'RUB'),
  C('BY', '白俄罗斯', 'Belarus', 'Eastern Europe', 'BYN'),
  C('KZ', '哈萨克斯坦', 'Kazakhstan', 'Central Asia', 'KZT'),
  C('UZ', '乌兹别克斯坦', 'Uzbekistan', 'Central Asia', 'UZS'),
  C('KG', '吉尔吉斯斯坦', 'Kyrgyzstan', 'Central Asia', 'KGS'),
  C('TJ', '塔吉克斯坦', 'Tajikistan', 'Central Asia', 'TJS'),
  C('TM', '土库曼斯坦', 'Turkmenistan', 'Central Asia', 'TMT'),
  // Europe
  C('DE', '德国', 'Germany', 'Western Europe', 'EUR'),
  C('NL', '荷兰', 'Netherlands', 'Western Europe', 'EUR'),
  C('BE', '比利时', 'Belgium', 'Western Europe', 'EUR'),
  C('FR', '法国', 'France', 'Western Europe', 'EUR'),
  C('GB', '英国', 'United Kingdom', 'Western Europe', 'GBP'),
  C('IE', '爱尔兰', 'Ireland', 'Western Europe', 'EUR'),
  C('AT', '奥地利', 'Austria', 'Western Europe', 'EUR'),
  C('CH', '瑞士', 'Switzerland', 'Western Europe', 'CHF'),
  C('IT', '意大利', 'Italy', 'Southern Europe', 'EUR'),
  C('ES', '西班牙', 'Spain', 'Southern Europe', 'EUR'),
  C('PT', '葡萄牙', 'Portugal', 'Southern Europe', 'EUR'),
  C('GR', '希腊', 'Greece', 'Southern Europe', 'EUR'),
  C('PL', '波兰', 'Poland', 'Central Europe', 'PLN'),
  C('CZ', '捷克', 'Czechia', 'Central Europe', 'CZK'),
  C('HU', '匈牙利', 'Hungary', 'Central Europe', 'HUF'),
  C('SK', '斯洛伐克', 'Slovakia', 'Central Europe', 'EUR'),
  C('RO', '罗马尼亚', 'Romania', 'Eastern Europe', 'RON'),
  C('SE', '瑞典', 'Sweden', 'Northern Europe', 'SEK'),
  C('DK', '丹麦', 'Denmark', 'Northern Europe', 'DKK'),
  C('NO', '挪威', 'Norway', 'Northern Europe', 'NOK'),
  C('FI', '芬兰', 'Finland', 'Northern Europe', 'EUR'),
  // Middle East and Africa
  C('AE', '阿联酋', 'United Arab Emirates', 'Middle East', 'AED'),
  C('SA', '沙特阿拉伯', 'Saudi Arabia', 'Middle East', 'SAR'),
  C('TR', '土耳其', 'Türkiye', 'Middle East', 'TRY'),
  C('QA', '卡塔尔', 'Qatar', 'Middle East', 'QAR'),
  C('IL', '以色列', 'Israel', 'Middle East', 'ILS'),
  C('EG', '埃及', 'Egypt', 'Africa', 'EGP'),
  C('NG', '尼日利亚', 'Nigeria', 'Africa', 'NGN'),
  C('KE', '肯尼亚', 'Kenya', 'Africa', 'KES'),
  C('ZA', '南非', 'South Africa', 'Africa', 'ZAR'),
  // Americas
  C('US', '美国', 'United States', 'North America', 'USD'),
  C('CA', '加拿大', 'Canada', 'North America', 'CAD'),
  C('MX', '墨西哥', 'Mexico', 'Latin America', 'MXN'),
  C('BR', '巴西', 'Brazil', 'Latin America', 'BRL'),
  C('CL', '智利', 'Chile', 'Latin America', 'CLP'),
  C('AR', '阿根廷', 'Argentina', 'Latin America', 'ARS'),
  C('CO', '哥伦比亚', 'Colombia', 'Latin America', 'COP'),
  C('PE', '秘鲁', 'Peru', 'Latin America', 'PEN'),
  // Oceania
  C('AU', '澳大利亚', 'Australia', 'Oceania', 'AUD'),
  C('NZ', '新西兰', 'New Zealand', 'Oceania', 'NZD'),
];
