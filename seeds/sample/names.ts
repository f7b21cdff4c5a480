/**
 * Fictitious Chinese trade names (字号) with their pinyin, and company-name phrases with English
 * equivalents. Every character has one reading and a pinyin syllable of its own, so distinct
 * Chinese trade names give distinct English ones; apostrophes separate syllables that start with
 * a vowel (Jia'an), as Hanyu Pinyin prescribes.
 */

/** [character, pinyin] — single reading, pinyin unique in the list. */
export const TRADE_CHARS: readonly (readonly [string, string])[] = [
  ['渝', 'yu'],
  ['嘉', 'jia'],
  ['通', 'tong'],
  ['华', 'hua'],
  ['汇', 'hui'],
  ['联', 'lian'],
  ['丰', 'feng'],
  ['泰', 'tai'],
  ['锦', 'jin'],
  ['诚', 'cheng'],
  ['宏', 'hong'],
  ['达', 'da'],
  ['恒', 'heng'],
  ['信', 'xin'],
  ['博', 'bo'],
  ['远', 'yuan'],
  ['瑞', 'rui'],
  ['祥', 'xiang'],
  ['海', 'hai'],
  ['巴', 'ba'],
  ['蜀', 'shu'],
  ['山', 'shan'],
  ['江', 'jiang'],
  ['隆', 'long'],
  ['盛', 'sheng'],
  ['德', 'de'],
  ['润', 'run'],
  ['安', 'an'],
  ['永', 'yong'],
  ['兴', 'xing'],
  ['科', 'ke'],
  ['天', 'tian'],
  ['正', 'zheng'],
  ['合', 'he'],
  ['创', 'chuang'],
  ['航', 'hang'],
  ['帆', 'fan'],
  ['优', 'you'],
  ['品', 'pin'],
  ['云', 'yun'],
  ['驰', 'chi'],
  ['铭', 'ming'],
  ['智', 'zhi'],
  ['凯', 'kai'],
  ['越', 'yue'],
  ['启', 'qi'],
  ['美', 'mei'],
  ['坤', 'kun'],
  ['路', 'lu'],
  ['捷', 'jie'],
  ['骏', 'jun'],
  ['腾', 'teng'],
  ['飞', 'fei'],
  ['朗', 'lang'],
  ['辰', 'chen'],
  ['逸', 'yi'],
  ['澜', 'lan'],
  ['拓', 'tuo'],
  ['邦', 'bang'],
  ['融', 'rong'],
  ['鼎', 'ding'],
  ['尚', 'shang'],
  ['赛', 'sai'],
  ['富', 'fu'],
  ['利', 'li'],
  ['峡', 'xia'],
  ['陵', 'ling'],
  ['舟', 'zhou'],
  ['湾', 'wan'],
  ['港', 'gang'],
  ['桥', 'qiao'],
  ['宁', 'ning'],
  ['康', 'kang'],
  ['茂', 'mao'],
  ['顺', 'shun'],
  ['诺', 'nuo'],
  ['维', 'wei'],
  ['森', 'sen'],
  ['浩', 'hao'],
  ['滨', 'bin'],
  ['泉', 'quan'],
  ['林', 'lin'],
  ['松', 'song'],
  ['贝', 'bei'],
  ['奥', 'ao'],
  ['盈', 'ying'],
  ['旭', 'xu'],
  ['涛', 'tao'],
  ['展', 'zhan'],
  ['晶', 'jing'],
  ['川', 'chuan'],
  ['卓', 'zhuo'],
  ['楚', 'chu'],
  ['途', 'tu'],
  ['耀', 'yao'],
  ['振', 'zhen'],
  ['沃', 'wo'],
  ['百', 'bai'],
  ['鹏', 'peng'],
  ['扬', 'yang'],
  ['勤', 'qin'],
  ['迈', 'mai'],
  ['汉', 'han'],
  ['格', 'ge'],
  ['伦', 'lun'],
  ['迪', 'di'],
  ['米', 'mi'],
  ['索', 'suo'],
];

/**
 * Trade names that belong to well-known real companies (Chongqing's motorcycle and car makers
 * first): never generated, so no sample firm poses as a real one.
 */
const FORBIDDEN = new Set([
  '长安',
  '宗申',
  '隆鑫',
  '力帆',
  '华为',
  '中兴',
  '美的',
  '海尔',
  '格力',
  '联想',
  '百度',
  '腾讯',
  '京东',
  '阿里',
  '小米',
  '顺丰',
  '德邦',
  '中通',
  '圆通',
  '申通',
  '韵达',
  '安能',
  '渝新',
  '华润',
  '万达',
  '恒大',
  '海信',
  '创维',
  '格兰',
  '美菱',
  '九阳',
  '苏宁',
  '国美',
  '海天',
  '汇源',
  '蒙牛',
  '伊利',
  '光明',
  '天猫',
  '拼多',
  '网易',
  '新浪',
  '搜狐',
  '携程',
  '华晨',
  '吉利',
  '比亚',
  '奇瑞',
  '江淮',
  '江铃',
  '福田',
  '宇通',
  '金龙',
  '庆铃',
  '嘉陵',
  '建设',
  '大江',
  '山城',
  '太极',
  '涪陵',
  '德庄',
  '桥头',
  '小天',
  '秦妈',
  '鹏程',
  '德力',
  '中联',
  '三一',
  '徐工',
  '柳工',
  '沃尔',
  '迪士',
  '索尼',
  '百事',
  '康师',
  '统一',
  '汇丰',
  '渣打',
  '花旗',
  '招商',
  '平安',
  '太平',
  '人寿',
  '泰康',
  '安邦',
  '盛大',
  '巨人',
  '奥迪',
  '宝马',
  '大众',
  '丰田',
  '本田',
  '日产',
  '马自',
  '雅马',
]);

const CAP = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Joins pinyin syllables; an apostrophe before a syllable starting with a, o or e. */
export function joinPinyin(syllables: readonly string[]): string {
  return CAP(syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join(''));
}

export interface TradeName {
  zh: string;
  /** Capitalised pinyin, e.g. "Jia'an". */
  en: string;
  /** Lower-case ASCII for slugs and host names, e.g. "jiaan". */
  ascii: string;
}

const N = TRADE_CHARS.length;
const SPACE2 = N * N;
const SPACE3 = N * N * N;
const MULT2 = 7_919; // prime, not a factor of N²
const MULT3 = 1_000_003;

function fromIndices(ix: number[]): TradeName | null {
  for (let i = 1; i < ix.length; i++) if (ix[i] === ix[i - 1]) return null; // no "嘉嘉"
  if (ix.length === 3 && ix[0] === ix[2]) return null;
  const zh = ix.map((i) => TRADE_CHARS[i][0]).join('');
  if (FORBIDDEN.has(zh.slice(0, 2)) || FORBIDDEN.has(zh.slice(1, 3))) return null;
  const syl = ix.map((i) => TRADE_CHARS[i][1]);
  return { zh, en: joinPinyin(syl), ascii: syl.join('') };
}

/**
 * The n-th trade name of a deterministic sequence: two-character names first (in a scrambled
 * order, so neighbours do not share a character), then three-character ones. Returns null for
 * positions skipped (doubled character, forbidden name); callers step over them.
 */
export function tradeNameAt(n: number): TradeName | null {
  if (n < SPACE2) {
    const k = Number((BigInt(n) * BigInt(MULT2) + 12_345n) % BigInt(SPACE2));
    return fromIndices([Math.floor(k / N), k % N]);
  }
  const m = n - SPACE2;
  if (m >= SPACE3) throw new RangeError('trade-name space exhausted');
  const k = Number((BigInt(m) * BigInt(MULT3) + 54_321n) % BigInt(SPACE3));
  return fromIndices([Math.floor(k / (N * N)), Math.floor(k / N) % N, k % N]);
}

/**
 * Hands out trade names in sequence, each at most once, so no two firms share a 字号 (about 1.2
 * million of them: every two-character name, then three-character ones). `start` lets the scale
 * generator draw from a part of the sequence the seed sample does not use.
 */
export class TradeNamePool {
  private cursor: number;

  constructor(start = 0) {
    this.cursor = start;
  }

  next(): TradeName {
    for (;;) {
      const t = tradeNameAt(this.cursor++);
      if (t) return t;
    }
  }

  /** Position in the sequence (to resume or to reserve a range). */
  get position(): number {
    return this.cursor;
  }
}

/** A company-name ending: Chinese, English, and a short ASCII key for host names and slugs. */
export interface Phrase {
  zh: string;
  en: string;
  key: string;
}

const P = (zh: string, en: string, key: string): Phrase => ({ zh, en, key });

export const PHRASES = {
  seller: [
    P('跨境电子商务有限公司', 'Cross-border E-commerce Co., Ltd.', 'cbec'),
    P('电子商务有限公司', 'E-commerce Co., Ltd.', 'ecommerce'),
    P('进出口贸易有限公司', 'Import and Export Trading Co., Ltd.', 'trading'),
    P('国际贸易有限公司', 'International Trade Co., Ltd.', 'intl-trade'),
    P('网络科技有限公司', 'Network Technology Co., Ltd.', 'network'),
    P('跨境贸易有限公司', 'Cross-border Trade Co., Ltd.', 'crossborder'),
  ],
  platform: [P('数字贸易有限公司', 'Digital Trade Co., Ltd.', 'digitrade'), P('互联网科技有限公司', 'Internet Technology Co., Ltd.', 'internet')],
  vertical: [
    P('产业互联网有限公司', 'Industrial Internet Co., Ltd.', 'industrial-internet'),
    P('供应链科技有限公司', 'Supply Chain Technology Co., Ltd.', 'sctech'),
  ],
  dtc: [P('品牌管理有限公司', 'Brand Management Co., Ltd.', 'brands'), P('品牌运营有限公司', 'Brand Operations Co., Ltd.', 'brand-ops')],
  importer: [
    P('供应链管理有限公司', 'Supply Chain Management Co., Ltd.', 'supplychain'),
    P('进口商品贸易有限公司', 'Imported Goods Trading Co., Ltd.', 'imports'),
  ],
  trader: [
    P('进出口有限公司', 'Import and Export Co., Ltd.', 'impex'),
    P('商贸有限公司', 'Trading Co., Ltd.', 'commerce'),
    P('实业有限公司', 'Industrial Co., Ltd.', 'industrial'),
  ],
  logistics: [
    P('国际物流有限公司', 'International Logistics Co., Ltd.', 'logistics'),
    P('国际货运代理有限公司', 'International Freight Forwarding Co., Ltd.', 'freight'),
    P('仓储服务有限公司', 'Warehousing Services Co., Ltd.', 'warehousing'),
    P('供应链服务有限公司', 'Supply Chain Services Co., Ltd.', 'scs'),
  ],
  payment: [P('支付科技有限公司', 'Payment Technology Co., Ltd.', 'pay'), P('跨境支付服务有限公司', 'Cross-border Payment Services Co., Ltd.', 'xpay')],
} as const;

/** Manufacturer endings by belt industry. */
export const INDUSTRY_PHRASES: Record<string, Phrase[]> = {
  AUTO_MOTORCYCLE_PARTS: [
    P('摩托车配件有限公司', 'Motorcycle Parts Co., Ltd.', 'moto-parts'),
    P('汽车零部件有限公司', 'Auto Parts Co., Ltd.', 'autoparts'),
    P('机车部件制造有限公司', 'Motorcycle Components Manufacturing Co., Ltd.', 'moto-mfg'),
  ],
  CONSUMER_ELECTRONICS: [
    P('电子科技有限公司', 'Electronic Technology Co., Ltd.', 'electronics'),
    P('智能科技有限公司', 'Intelligent Technology Co., Ltd.', 'smarttech'),
    P('精密电子有限公司', 'Precision Electronics Co., Ltd.', 'precision'),
  ],
  GENERAL_MACHINERY: [
    P('机械制造有限公司', 'Machinery Manufacturing Co., Ltd.', 'machinery'),
    P('动力机械有限公司', 'Power Machinery Co., Ltd.', 'power'),
    P('泵业有限公司', 'Pump Co., Ltd.', 'pumps'),
  ],
  HARDWARE_TOOLS: [
    P('五金工具有限公司', 'Hardware and Tools Co., Ltd.', 'tools'),
    P('五金制品有限公司', 'Hardware Products Co., Ltd.', 'hardware'),
    P('刃具有限公司', 'Cutting Tools Co., Ltd.', 'blades'),
  ],
  LIGHT_INDUSTRY_TEXTILES: [
    P('纺织品有限公司', 'Textiles Co., Ltd.', 'textiles'),
    P('服饰有限公司', 'Apparel Co., Ltd.', 'apparel'),
    P('夏布制品有限公司', 'Ramie Cloth Products Co., Ltd.', 'ramie'),
    P('鞋业有限公司', 'Footwear Co., Ltd.', 'footwear'),
  ],
  SMART_HOME: [
    P('家居科技有限公司', 'Home Technology Co., Ltd.', 'hometech'),
    P('智能家居有限公司', 'Smart Home Co., Ltd.', 'smarthome'),
    P('电器有限公司', 'Electrical Appliances Co., Ltd.', 'appliances'),
    P('家具有限公司', 'Furniture Co., Ltd.', 'furniture'),
  ],
  FOOD_AGRICULTURAL_PROCESSING: [
    P('食品有限公司', 'Food Co., Ltd.', 'food'),
    P('火锅食品有限公司', 'Hotpot Foods Co., Ltd.', 'hotpot'),
    P('农业开发有限公司', 'Agricultural Development Co., Ltd.', 'agri'),
    P('茶业有限公司', 'Tea Co., Ltd.', 'tea'),
    P('调味品有限公司', 'Seasonings Co., Ltd.', 'seasonings'),
  ],
};

/** Professional-service endings by the firm's main ServiceCategory. */
export const SERVICE_PHRASES: Record<string, Phrase[]> = {
  SOFTWARE_DEVELOPMENT: [P('信息技术有限公司', 'Information Technology Co., Ltd.', 'it'), P('软件有限公司', 'Software Co., Ltd.', 'software')],
  DATA_ANALYSIS: [P('数据科技有限公司', 'Data Technology Co., Ltd.', 'data'), P('大数据有限公司', 'Big Data Co., Ltd.', 'bigdata')],
  MARKETING: [P('数字营销有限公司', 'Digital Marketing Co., Ltd.', 'marketing'), P('广告传媒有限公司', 'Advertising and Media Co., Ltd.', 'ads')],
  INTERNATIONAL_LIVE_STREAMING: [
    P('文化传媒有限公司', 'Culture and Media Co., Ltd.', 'media'),
    P('直播科技有限公司', 'Live Streaming Technology Co., Ltd.', 'live'),
  ],
  FINANCE_TAX: [P('财务咨询有限公司', 'Financial Consulting Co., Ltd.', 'finance'), P('税务师事务所有限公司', 'Tax Agents Co., Ltd.', 'tax')],
  TRAINING: [P('教育科技有限公司', 'Education Technology Co., Ltd.', 'edu'), P('职业技能培训有限公司', 'Vocational Skills Training Co., Ltd.', 'training')],
  IP_AGENCY: [P('知识产权代理有限公司', 'Intellectual Property Agency Co., Ltd.', 'ip'), P('商标代理有限公司', 'Trademark Agency Co., Ltd.', 'tm')],
  LEGAL: [P('法律咨询有限公司', 'Legal Consulting Co., Ltd.', 'legal'), P('企业管理咨询有限公司', 'Business Management Consulting Co., Ltd.', 'consulting')],
  CUSTOMS_DECLARATION: [
    P('报关有限公司', 'Customs Brokerage Co., Ltd.', 'customs'),
    P('国际报关服务有限公司', 'International Customs Clearance Services Co., Ltd.', 'clearance'),
  ],
  CREDIT_INSURANCE: [P('保险经纪有限公司', 'Insurance Brokers Co., Ltd.', 'insurance')],
  FINANCING: [P('商业保理有限公司', 'Commercial Factoring Co., Ltd.', 'factoring'), P('融资租赁有限公司', 'Financial Leasing Co., Ltd.', 'leasing')],
  TAX_REFUND: [P('外贸综合服务有限公司', 'Foreign Trade Comprehensive Services Co., Ltd.', 'ftcs')],
  ONE_STOP: [P('跨境电商综合服务有限公司', 'CBEC Comprehensive Services Co., Ltd.', 'cbec-services')],
};

/** Naming styles: most firms "重庆X…", some "重庆市X…", subsidiaries of outside groups "X（重庆）…". */
export function companyName(t: TradeName, p: Phrase, style: 'plain' | 'city' | 'subsidiary'): { zh: string; en: string } {
  switch (style) {
    case 'city':
      return { zh: `重庆市${t.zh}${p.zh}`, en: `Chongqing ${t.en} ${p.en}` };
    case 'subsidiary':
      return { zh: `${t.zh}（重庆）${p.zh}`, en: `${t.en} (Chongqing) ${p.en}` };
    default:
      return { zh: `重庆${t.zh}${p.zh}`, en: `Chongqing ${t.en} ${p.en}` };
  }
}

/* Brand names: invented Latin-script words, the way CBEC sellers name their own brands. */
const BRAND_HEADS: readonly (readonly [string, string])[] = [
  ['Vel', '维'],
  ['Nor', '诺'],
  ['Kav', '卡'],
  ['Tor', '拓'],
  ['Mir', '米'],
  ['Zen', '臻'],
  ['Lun', '伦'],
  ['Arv', '阿'],
  ['Sav', '萨'],
  ['Bel', '贝'],
  ['Quin', '昆'],
  ['Dax', '达'],
  ['Rov', '罗'],
  ['Fen', '芬'],
  ['Yor', '悠'],
  ['Hal', '哈'],
  ['Kel', '凯'],
  ['Pax', '帕'],
  ['Wil', '威'],
  ['Jov', '乔'],
];
const BRAND_TAILS: readonly (readonly [string, string])[] = [
  ['ora', '拉'],
  ['ix', '斯'],
  ['ano', '诺'],
  ['eta', '塔'],
  ['una', '娜'],
  ['ek', '克'],
  ['ivo', '沃'],
  ['aro', '罗'],
  ['ena', '娜'],
  ['ust', '斯特'],
  ['ome', '姆'],
  ['ary', '瑞'],
];
/** Existing brands the combinations could spell; skipped. */
const BRAND_FORBIDDEN = new Set(['Velux', 'Norix', 'Torix', 'Corona', 'Halo', 'Pax', 'Mirix', 'Zenix', 'Belora', 'Coreta']);

export function brandNameAt(n: number): { zh: string; en: string } | null {
  const total = BRAND_HEADS.length * BRAND_TAILS.length;
  const k = (n * 37 + 11) % total;
  const [h, hz] = BRAND_HEADS[Math.floor(k / BRAND_TAILS.length)];
  const [t, tz] = BRAND_TAILS[k % BRAND_TAILS.length];
  const round = Math.floor(n / total);
  const en = h + t + (round > 0 ? ` ${['Pro', 'Home', 'Go', 'Max', 'Lab', 'One'][(round - 1) % 6]}${round > 6 ? ` ${Math.ceil(round / 6)}` : ''}` : '');
  if (BRAND_FORBIDDEN.has(h + t)) return null;
  return { zh: hz + tz + (round > 0 ? ` ${en.split(' ').slice(1).join(' ')}` : ''), en };
}
