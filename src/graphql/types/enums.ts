import { registerEnumType } from 'type-graphql';
import type { Labels } from '../../db/enum-labels';

/**
 * Registers a string enum for GraphQL with bilingual descriptions: values are English
 * identifiers, each value's description says it in Chinese and English.
 */
export function registerBilingualEnum<E extends string>(e: Record<string, E>, name: string, description: string, labels: Labels<E>): void {
  const valuesConfig: Record<string, { description: string }> = {};
  for (const v of Object.values(e)) valuesConfig[v] = { description: `${labels[v][0]} — ${labels[v][1]}` };
  registerEnumType(e, { name, description, valuesConfig });
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction (排序方向)',
  valuesConfig: { ASC: { description: '升序 — ascending' }, DESC: { description: '降序 — descending' } },
});

export enum Language {
  ZH = 'ZH',
  EN = 'EN',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'Language of `name` fields; without it they follow Accept-Language, Chinese by default (名称语言)',
  valuesConfig: { ZH: { description: '中文 — Chinese' }, EN: { description: '英文 — English' } },
});
