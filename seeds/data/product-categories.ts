import type { ProductCategoryRecord } from '../../src/modules/reference/reference.import';

/*
 * Two-level product categories: one top level per belt industry of measure 4 (so belts, demands and
 * catalogues share a vocabulary), plus the import goods of measure 5 (bonded retail imports, the pet-
 * food and food repackaging pilots, pharmaceuticals). Chongqing specialities appear where they are
 * the typical export (motorcycles, laptops, hotpot seasoning, citrus).
 */
type Tree = [slug: string, nameZh: string, nameEn: string, children: [string, string, string][]];

const TREE: Tree[] = [
  [
    'auto-motorcycle-parts',
    '汽摩配件',
    'Auto and motorcycle parts',
    [
      ['motorcycles-and-parts', '摩托车及零部件', 'Motorcycles and parts'],
      ['auto-parts', '汽车零部件', 'Auto parts'],
      ['ev-accessories', '新能源汽车配件', 'EV accessories and charging'],
      ['riding-gear', '骑行装备', 'Riding gear and helmets'],
    ],
  ],
  [
    'consumer-electronics',
    '消费电子',
    'Consumer electronics',
    [
      ['laptops-tablets', '笔记本电脑及平板', 'Laptops and tablets'],
      ['phone-accessories', '手机配件', 'Phone accessories'],
      ['smart-wearables', '智能穿戴', 'Smart wearables'],
      ['audio-devices', '音频设备', 'Audio devices'],
      ['power-storage', '移动电源及储能', 'Power banks and portable power stations'],
    ],
  ],
  [
    'general-machinery',
    '通用机械',
    'General machinery',
    [
      ['pumps-valves', '泵阀', 'Pumps and valves'],
      ['generators-small-engines', '发电机组及小型发动机', 'Generator sets and small engines'],
      ['agricultural-machinery', '农业机械', 'Agricultural machinery'],
      ['garden-machinery', '园林机械', 'Garden machinery'],
    ],
  ],
  [
    'hardware-tools',
    '五金工具',
    'Hardware and tools',
    [
      ['hand-tools', '手动工具', 'Hand tools'],
      ['power-tools', '电动工具', 'Power tools'],
      ['fasteners', '紧固件', 'Fasteners'],
      ['locks-security-hardware', '锁具及安防五金', 'Locks and security hardware'],
    ],
  ],
  [
    'light-industry-textiles',
    '轻工纺织',
    'Light industry and textiles',
    [
      ['apparel', '服装服饰', 'Apparel'],
      ['shoes-bags', '鞋包', 'Shoes and bags'],
      ['home-textiles', '家纺', 'Home textiles'],
      ['toys-gifts', '玩具礼品', 'Toys and gifts'],
      ['ceramics-crafts', '陶瓷及工艺品', 'Ceramics and crafts'],
    ],
  ],
  [
    'smart-home',
    '智能家居',
    'Smart home',
    [
      ['smart-lighting', '智能照明', 'Smart lighting'],
      ['smart-security', '智能安防', 'Smart security'],
      ['small-appliances', '小家电', 'Small appliances'],
      ['furniture', '家具', 'Furniture'],
    ],
  ],
  [
    'food-agricultural-products',
    '食品及农产品',
    'Food and agricultural products',
    [
      ['hotpot-seasonings', '火锅底料及调味品', 'Hotpot bases and seasonings'],
      ['tea', '茶叶', 'Tea'],
      ['snacks', '休闲食品', 'Snacks'],
      ['citrus-fruit', '柑橘及果品', 'Citrus and fruit'],
      ['pickled-vegetables', '榨菜及腌制品', 'Pickled mustard tuber and preserves'],
    ],
  ],
  [
    'cbec-imports',
    '跨境进口商品',
    'Cross-border imports',
    [
      ['cosmetics-personal-care', '美妆个护', 'Cosmetics and personal care'],
      ['mother-baby', '母婴用品', 'Mother and baby'],
      ['health-supplements', '保健食品', 'Health supplements'],
      ['pet-food', '宠物食品', 'Pet food'],
      ['wine-spirits', '酒类', 'Wine and spirits'],
    ],
  ],
];

export const productCategories: ProductCategoryRecord[] = TREE.flatMap(([slug, nameZh, nameEn, children]) => [
  { slug, nameZh, nameEn, parentSlug: null },
  ...children.map(([s, zh, en]) => ({ slug: s, nameZh: zh, nameEn: en, parentSlug: slug })),
]);
