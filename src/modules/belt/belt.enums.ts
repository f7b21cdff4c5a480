import type { Labels } from '../../db/enum-labels';

/** The seven industries of measure 4 ("跨境电商+产业带"). */
export enum BeltIndustry {
  AUTO_MOTORCYCLE_PARTS = 'AUTO_MOTORCYCLE_PARTS',
  CONSUMER_ELECTRONICS = 'CONSUMER_ELECTRONICS',
  GENERAL_MACHINERY = 'GENERAL_MACHINERY',
  HARDWARE_TOOLS = 'HARDWARE_TOOLS',
  LIGHT_INDUSTRY_TEXTILES = 'LIGHT_INDUSTRY_TEXTILES',
  SMART_HOME = 'SMART_HOME',
  FOOD_AGRICULTURAL_PROCESSING = 'FOOD_AGRICULTURAL_PROCESSING',
}
export const BeltIndustryLabels: Labels<BeltIndustry> = {
  AUTO_MOTORCYCLE_PARTS: ['汽摩配件', 'Auto and motorcycle parts'],
  CONSUMER_ELECTRONICS: ['消费电子', 'Consumer electronics'],
  GENERAL_MACHINERY: ['通用机械', 'General machinery'],
  HARDWARE_TOOLS: ['五金工具', 'Hardware and tools'],
  LIGHT_INDUSTRY_TEXTILES: ['轻工纺织', 'Light industry and textiles'],
  SMART_HOME: ['智能家居', 'Smart home'],
  FOOD_AGRICULTURAL_PROCESSING: ['食品及农产品加工', 'Food and agricultural-product processing'],
};
