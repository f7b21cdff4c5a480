import type { PolicyMeasureRecord, PolicyProvisionRecord, PolicyTargetRecord } from '../../src/modules/policy/policy.import';
import { CountingRule, TargetMetric } from '../../src/modules/policy/policy.enums';

/*
 * 渝府办发〔2023〕92号 «重庆市推进跨境电商高质量发展若干措施» (issued 2023-12-04): the 15 measures
 * with their titles and responsible units (责任单位) as the Chinese text words them, and the seven
 * quantitative 2027 targets. Sources: shared/reference/policy-yufubanfa-2023-92.zh.txt and
 * policy-summary.md. English unit names follow the bodies' own English usage where one is common.
 */

/** Chinese unit → English. One table so that the same unit reads the same in every measure. */
const UNIT_EN: Record<string, string> = {
  市商务委: 'Chongqing Municipal Commission of Commerce',
  市招商投资局: 'Chongqing Municipal Bureau of Investment Promotion',
  市科技局: 'Chongqing Municipal Science and Technology Bureau',
  市财政局: 'Chongqing Municipal Finance Bureau',
  '各区县（自治县）政府和两江新区、西部科学城重庆高新区、万盛经开区管委会':
    'Governments of all districts and (autonomous) counties, and the administrative committees of Liangjiang New Area, the Western (Chongqing) Science City Chongqing High-tech Zone and the Wansheng Economic Development Zone',
  各区县政府: 'District and county governments',
  市知识产权局: 'Chongqing Municipal Intellectual Property Office',
  市经济信息委: 'Chongqing Municipal Commission of Economy and Information Technology',
  市农业农村委: 'Chongqing Municipal Commission of Agriculture and Rural Affairs',
  重庆海关: 'Chongqing Customs',
  市市场监管局: 'Chongqing Municipal Administration for Market Regulation',
  市药监局: 'Chongqing Municipal Medical Products Administration',
  各综合保税区管委会: 'Administrative committees of the comprehensive bonded zones',
  重庆市税务局: 'Chongqing Municipal Tax Service, State Taxation Administration',
  人行重庆市分行: "People's Bank of China Chongqing Branch",
  市发展改革委: 'Chongqing Municipal Development and Reform Commission',
  市国资委: 'Chongqing Municipal State-owned Assets Supervision and Administration Commission',
  国家金融监督管理总局重庆监管局: 'National Financial Regulatory Administration Chongqing Office',
  市金融监管局: 'Chongqing Municipal Financial Regulatory Bureau',
  出口信保重庆分公司: 'China Export & Credit Insurance Corporation (Sinosure) Chongqing Branch',
  市政府口岸物流办: 'Port and Logistics Office of the Chongqing Municipal Government',
  市邮政管理局: 'Chongqing Postal Administration',
  重庆机场集团: 'Chongqing Airport Group',
  陆海新通道运营有限公司: 'New Land-Sea Corridor Operation Co., Ltd.',
  '渝新欧（重庆）物流有限公司': 'Yuxinou (Chongqing) Logistics Co., Ltd.',
  市中新项目管理局: 'Chongqing Administrative Bureau of the China-Singapore Demonstration Initiative',
  市人力社保局: 'Chongqing Municipal Human Resources and Social Security Bureau',
  市教委: 'Chongqing Municipal Education Commission',
  市民政局: 'Chongqing Municipal Civil Affairs Bureau',
};

function units(zh: string[]): { responsibleUnitsZh: string[]; responsibleUnitsEn: string[] } {
  return {
    responsibleUnitsZh: zh,
    responsibleUnitsEn: zh.map((u) => {
      const en = UNIT_EN[u];
      if (!en) throw new Error(`no English name for ${u}`);
      return en;
    }),
  };
}

/*
 * Dates. The notice is dated 2023-12-04 (2023 年 12 月 4 日) and asks for the measures to be carried
 * out ("现印发给你们，请认真贯彻执行"); the text states no other commencement date and no period of
 * validity (its last article, 十五, is about the CBEC association and publicity). So every measure
 * runs from the issue date with no end (effectiveTo left out), and only the provision that carries
 * its own dates in the text has them (policyProvisions below).
 */
const ISSUED_ON = '2023-12-04';

export const policyMeasures: PolicyMeasureRecord[] = [
  {
    number: 1,
    titleZh: '引育壮大跨境电商主体',
    titleEn: 'Attract, cultivate and grow CBEC market players',
    summaryZh:
      '加大对年度全球商品交易总额超过30亿元的第三方平台、年度进口总额10亿元以上的进口供应链链主企业、年度出口总额10亿元以上的卖家的招引力度；支持行业垂直平台和独立站、跨境支付企业功能中心；培育软件开发、数据分析、营销推广（含国际化网络直播）、财税、培训、知识产权代理、法律等专业服务企业；支持传统外贸、生产制造和商贸流通企业开展跨境电商。',
    summaryEn:
      "Attract third-party platforms with annual GMV above 3 bn CNY, import supply-chain leaders with imports of 1 bn CNY or more and sellers exporting 1 bn CNY or more; support vertical platforms, independent sites and payment firms' functional centres; grow professional service firms (software, data analysis, marketing incl. international live streaming, finance and tax, training, IP agency, legal); help traditional traders, manufacturers and commerce firms move into CBEC.",
    ...units(['市商务委', '市招商投资局', '市科技局', '市财政局', '各区县（自治县）政府和两江新区、西部科学城重庆高新区、万盛经开区管委会']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 2,
    titleZh: '强化跨境电商品牌建设',
    titleEn: 'Strengthen CBEC brand building',
    summaryZh:
      '鼓励制定品牌发展战略、培育DTC品牌、使用自主品牌开展业务并通过数字化平台营销推广；对在出口目的国注册自有商标、开展产品国际认证、申请专利的企业给予政策支持。',
    summaryEn:
      'Encourage brand strategies, DTC brands and own-brand selling promoted through digital channels; support overseas trademark registration, international product certification and patents.',
    ...units(['市商务委', '市知识产权局', '市财政局', '各区县政府']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 3,
    titleZh: '支持跨境电商产业园区建设',
    titleEn: 'Support the building of CBEC industrial parks',
    summaryZh:
      '培育物流仓储类、跨境直播基地类、专业服务类、平台合作类产业园区，设立线下服务中心、打造智慧园区（口岸）系统，提供业务培训、人才培育、企业孵化、政策宣讲、资源对接、市场拓展、通关申报、智能仓储等公共服务；到2027年建成12个具有一定规模的产业园，累计入驻企业超过500家。',
    summaryEn:
      'Grow parks of four kinds (logistics and warehousing, live-streaming bases, professional services, platform cooperation) with offline service centres, smart park (port) systems and public services; by 2027, 12 parks of a certain scale with more than 500 settled enterprises in all.',
    ...units(['市商务委', '市财政局', '各区县政府']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 4,
    titleZh: '推动跨境电商产业带建设',
    titleEn: 'Promote CBEC industrial belts',
    summaryZh:
      '推广"跨境电商+产业带"模式，推动汽车摩托车配件、消费电子、通用机械、五金工具、轻工纺织、智能家居、食品及农产品加工等产业以跨境电商方式出口；到2027年年进出口总额超过5亿元的产业带达3个以上。',
    summaryEn:
      'Spread the "CBEC + industrial belt" model for auto and motorcycle parts, consumer electronics, general machinery, hardware and tools, light industry and textiles, smart home, and food and agricultural processing; by 2027, 3 or more belts with annual import+export above 500 million CNY.',
    ...units(['市商务委', '市经济信息委', '市农业农村委', '重庆海关', '各区县政府']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 5,
    titleZh: '推动跨境电商创新发展',
    titleEn: 'Promote innovation in CBEC',
    summaryZh:
      '创新"保税展示+跨境电商"新零售模式，推进宠物食品、食品跨境电商分装零售进口试点，争取医药产品跨境电商零售进口试点，推动跨境电商与市场采购贸易融合发展。',
    summaryEn:
      'Bonded display plus CBEC new retail; pilots for repackaged retail imports of pet food and food; seek a pharmaceutical retail-import pilot; combine CBEC with market-procurement trade.',
    ...units(['市商务委', '市农业农村委', '市市场监管局', '市药监局', '重庆海关', '各区县政府']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 6,
    titleZh: '提升跨境电商通关便利化水平',
    titleEn: 'Improve customs clearance facilitation for CBEC',
    summaryZh:
      '支持综合保税区建设机场前置货站，推行"简化申报""清单核放、汇总统计"和"7×24小时"预约通关，优化出口拼箱，推广零售进口退货中心仓模式，支持网购保税进口商品与保税货物互转、"同仓存储、同车运输"。',
    summaryEn:
      'Airport front cargo stations in bonded zones; simplified declaration, list-based release with summary statistics and 24/7 booked clearance; consolidated exports; return-goods centre warehouses; interchange of bonded CBEC goods with other bonded goods.',
    ...units(['重庆海关', '各综合保税区管委会']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 7,
    titleZh: '优化跨境电商税收政策',
    titleEn: 'Optimise CBEC tax policy',
    summaryZh:
      '用好零售出口增值税、消费税免税和所得税核定征收；2023年1月30日至2025年12月31日期间退运进境的原跨境电商出口商品免征进口关税和进口环节增值税、消费税；支持出口退税。',
    summaryEn:
      'Use the VAT and consumption-tax exemptions and deemed income tax for retail exports; exempt duties and import VAT/consumption tax on returned CBEC exports from 2023-01-30 to 2025-12-31; support export tax refunds.',
    ...units(['重庆市税务局', '重庆海关']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 8,
    titleZh: '优化跨境电商外汇管理服务',
    titleEn: 'Improve foreign-exchange services for CBEC',
    summaryZh: '凭交易电子信息办理结售汇，允许境外仓储物流等费用与出口货款轧差结算，推广跨境电商人民币结算，对远期结售汇等汇率避险给予资金奖励。',
    summaryEn:
      'FX settlement on electronic trade data; netting of overseas warehousing and logistics costs against export proceeds; RMB settlement; rewards for FX hedging.',
    ...units(['人行重庆市分行', '市商务委', '市财政局']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 9,
    titleZh: '加大跨境电商金融服务支持力度',
    titleEn: 'Strengthen financial services for CBEC',
    summaryZh:
      '搭建数字金融服务网络，开展应收账款、保兑仓、融通仓融资等产品创新，支持企业上市融资；发挥出口信用保险作用，小微企业通过"单一窗口"投保的出口信用保险保费由市级财政全额支持。',
    summaryEn:
      'A digital finance network; receivables, confirmed-warehouse and warehouse-receipt financing; listing support; export credit insurance, with premiums fully paid by the municipal budget for small and micro CBEC firms insuring through the Single Window.',
    ...units(['市发展改革委', '市国资委', '市商务委', '国家金融监督管理总局重庆监管局', '人行重庆市分行', '市金融监管局', '出口信保重庆分公司']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 10,
    titleZh: '打造专业高效跨境电商物流服务网络',
    titleEn: 'Build a professional and efficient CBEC logistics network',
    summaryZh:
      '发挥西部陆海新通道作用，与中欧班列、长江航运、航空货运高效衔接；常态化开行跨境电商专列，开行空运货机专线，建设航空货运转运（分拨）中心，推动邮件快件寄递常态化运行。',
    summaryEn:
      'Link the New International Land-Sea Trade Corridor with the China-Europe Railway Express, Yangtze shipping and air cargo; regular CBEC trains and freighter lines; an air cargo transfer and distribution centre; regular mail and express by rail.',
    ...units(['市政府口岸物流办', '市邮政管理局', '重庆机场集团', '陆海新通道运营有限公司', '渝新欧（重庆）物流有限公司']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 11,
    titleZh: '支持跨境电商海外仓发展',
    titleEn: 'Support overseas warehouses for CBEC',
    summaryZh:
      '推进市级公共海外仓建设，支持物流仓储企业、平台和大卖家在国际航空、班列枢纽城市及贸易节点布局海外仓；建设海外仓服务平台，促进海外仓供需对接；推广出口海外仓备案"无纸化"。',
    summaryEn:
      'Municipal public overseas warehouses; warehouses at air and rail hubs and trade nodes built or leased by logistics firms, platforms and large sellers; an overseas-warehouse service platform for supply-demand matching; paperless filing.',
    ...units(['市商务委', '市政府口岸物流办', '市邮政管理局']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 12,
    titleZh: '加强国际交流合作',
    titleEn: 'Strengthen international exchange and cooperation',
    summaryZh:
      '用好RCEP和中新（重庆）战略性互联互通示范项目，深化与东盟为重点的"一带一路"国家跨境电商合作，建好中新（重庆）跨境电商产业园，参与跨境电商标准研制。',
    summaryEn:
      'Use RCEP and the China-Singapore (Chongqing) connectivity initiative; deepen CBEC cooperation with Belt and Road countries, ASEAN first; build the China-Singapore (Chongqing) CBEC industrial park; take part in standards work.',
    ...units(['市商务委', '市中新项目管理局', '市市场监管局']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 13,
    titleZh: '健全跨境电商综合服务体系',
    titleEn: 'Complete the comprehensive CBEC service system',
    summaryZh:
      '迭代升级国际贸易"单一窗口"，拓展重庆跨境地方公共服务平台信息共享、统计监测、风险防控、智能物流功能；培育一站式综合服务企业；举办中国（重庆）跨境电商交易会。',
    summaryEn:
      'Upgrade the Single Window; extend the Chongqing cross-border local public service platform (information sharing, statistics monitoring, risk control, smart logistics); grow one-stop service firms; hold the China (Chongqing) CBEC Trade Fair.',
    ...units(['市商务委', '市政府口岸物流办', '重庆海关', '重庆市税务局']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 14,
    titleZh: '打造多层次跨境电商人才队伍',
    titleEn: 'Build a multi-level CBEC talent pool',
    summaryZh:
      '将平台运营、信息技术产品开发、供应链管理、海外媒体投放等人才纳入市级人才政策；鼓励高校设置跨境电商专业，建设人才孵化中心和实务操作培训基地，举办职业技能大赛。',
    summaryEn:
      'Bring platform operations, IT product development, supply-chain management and overseas media buying into municipal talent policy; university programmes; talent incubation centres and practical training bases; skills competitions.',
    ...units(['市人力社保局', '市教委']),
    effectiveFrom: ISSUED_ON,
  },
  {
    number: 15,
    titleZh: '优化跨境电商发展环境',
    titleEn: 'Improve the environment for CBEC development',
    summaryZh: '成立重庆市跨境电商协会，举办行业峰会和企业沙龙，总结推广典型案例，开展多层次宣传。',
    summaryEn: 'Found a Chongqing CBEC association; summits and salons; typical cases and their replication; publicity.',
    ...units(['市商务委', '市民政局']),
    effectiveFrom: ISSUED_ON,
  },
];

/*
 * The seven 2027 targets. `strictlyAbove` says how the COUNT compares with targetValue ("超过500家"
 * = more than 500). How an amount compares with thresholdCny is in the metric itself:
 * …_AT_LEAST (2000万元"以上", which in Chinese usage includes the amount) versus
 * BELTS_WITH_TRADE_ABOVE ("超过5亿元", strictly above).
 */
/*
 * Counting rules, from the wording: 年交易规模 and 年进出口总额 are annual amounts (IN_YEAR, the
 * latest data year); 经营主体达到 and 建成…产业园 count what exists (CURRENT); 累计入驻企业数 counts
 * every enterprise that ever settled in a park (CUMULATIVE, including those that moved out).
 *
 * "具有一定规模的跨境电商产业园" has no number in the policy. The working threshold is a floor area of
 * 10,000 m²: a round figure that keeps the one park the policy names itself, the Sino-Singapore
 * (Chongqing) CBEC industrial park of about 14,000 m² (measure 12; shared/reference facts), and leaves
 * out small sites. It is stored with the target and published as this API's working definition.
 */
export const PARK_SCALE_MIN_AREA_M2 = 10_000;

export const policyTargets: PolicyTargetRecord[] = [
  {
    slug: 'enterprises-cbec-20m-2027',
    measureNumber: 1,
    metric: TargetMetric.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST,
    thresholdCny: '20000000.00',
    targetValue: 100,
    strictlyAbove: false,
    targetYear: 2027,
    countingRule: CountingRule.IN_YEAR,
    descriptionZh: '跨境电商年交易规模在2000万元以上的企业达到100家',
    descriptionEn: '100 enterprises with annual CBEC transactions of 20 million CNY or more',
  },
  {
    slug: 'enterprises-cbec-100m-2027',
    measureNumber: 1,
    metric: TargetMetric.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST,
    thresholdCny: '100000000.00',
    targetValue: 20,
    strictlyAbove: false,
    targetYear: 2027,
    countingRule: CountingRule.IN_YEAR,
    descriptionZh: '跨境电商年交易规模在1亿元以上的企业达到20家',
    descriptionEn: '20 enterprises with annual CBEC transactions of 100 million CNY or more',
  },
  {
    slug: 'enterprises-cbec-1bn-2027',
    measureNumber: 1,
    metric: TargetMetric.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST,
    thresholdCny: '1000000000.00',
    targetValue: 5,
    strictlyAbove: false,
    targetYear: 2027,
    countingRule: CountingRule.IN_YEAR,
    descriptionZh: '跨境电商年交易规模在10亿元以上的企业达到5家',
    descriptionEn: '5 enterprises with annual CBEC transactions of 1 billion CNY or more',
  },
  {
    slug: 'market-players-2027',
    measureNumber: 1,
    metric: TargetMetric.MARKET_PLAYERS,
    thresholdCny: null,
    targetValue: 2700,
    strictlyAbove: false,
    targetYear: 2027,
    countingRule: CountingRule.CURRENT,
    descriptionZh: '跨境电商经营主体达到2700家',
    descriptionEn: '2,700 CBEC market players',
  },
  {
    slug: 'industrial-parks-2027',
    measureNumber: 3,
    metric: TargetMetric.INDUSTRIAL_PARKS,
    thresholdCny: null,
    targetValue: 12,
    strictlyAbove: false,
    targetYear: 2027,
    countingRule: CountingRule.CURRENT,
    minParkAreaM2: PARK_SCALE_MIN_AREA_M2,
    workingDefinitionZh:
      '政策未规定“具有一定规模”的具体标准。本API的工作定义：园区面积不低于10000平方米且已开园（开园年份不晚于统计年份）即计入；面积或开园年份未知的园区不计入。此门槛仅为本API的统计口径，不是官方标准；有官方口径后以官方为准。',
    workingDefinitionEn:
      'The policy does not say what “of a certain scale” means. This API’s working definition: a park counts when its floor area is at least 10,000 m² and it has opened (opening year no later than the year counted); a park of unknown area or opening year does not count. The threshold is this API’s counting rule, not an official standard, and gives way to an official one when published.',
    descriptionZh: '建成12个具有一定规模的跨境电商产业园',
    descriptionEn: '12 CBEC industrial parks of a certain scale',
  },
  {
    slug: 'park-tenants-2027',
    measureNumber: 3,
    metric: TargetMetric.PARK_TENANTS,
    thresholdCny: null,
    targetValue: 500,
    strictlyAbove: true,
    targetYear: 2027,
    countingRule: CountingRule.CUMULATIVE,
    descriptionZh: '产业园累计入驻企业数超过500家',
    descriptionEn: 'More than 500 enterprises settled in the parks, cumulative',
  },
  {
    slug: 'belts-trade-500m-2027',
    measureNumber: 4,
    metric: TargetMetric.BELTS_WITH_TRADE_ABOVE,
    thresholdCny: '500000000.00',
    targetValue: 3,
    strictlyAbove: false,
    targetYear: 2027,
    countingRule: CountingRule.IN_YEAR,
    descriptionZh: '年进出口总额超过5亿元的跨境电商产业带达3个以上',
    descriptionEn: '3 or more CBEC industrial belts with annual import+export above 500 million CNY',
  },
];

/* Provisions with their own dates in the text: only measure 7's duty exemption on returned exports. */
export const policyProvisions: PolicyProvisionRecord[] = [
  {
    slug: 'returned-cbec-exports-duty-exemption',
    measureNumber: 7,
    summaryZh: '符合政策条件的退运进境原跨境电商出口商品免征进口关税和进口环节增值税、消费税。',
    summaryEn:
      'Returned goods originally exported through CBEC that meet the conditions are exempt from import duties and from import VAT and consumption tax.',
    quoteZh: '对 2023 年 1 月 30 日至 2025 年 12 月 31 日期间符合政策条件的退运进境原跨境电商出口商品免征进口关税和进口环节增值税、消费税。',
    effectiveFrom: '2023-01-30',
    effectiveTo: '2025-12-31',
  },
];
