import { kebab } from './tabular';
import type { ImportUnit } from './unit';

/*
 * What `npm run import -- <kind> <file>` accepts as a kind: a dataset name (issue 16's shared
 * names, the kebab-case of the root list query: `enterprises`, `industrial-parks`,
 * `service-offerings`) or an import unit's key (`serviceOfferings`).
 */

/** Dataset names that are not the kebab-case of their unit's key. */
const DATASET_NAMES: Readonly<Record<string, string>> = {
  'industrial-parks': 'parks',
  'industrial-belts': 'belts',
  'overseas-warehouses': 'warehouses',
  'hs-codes': 'hsSubheadings',
};

/** The unit a kind names, or undefined. */
export function unitOfKind(units: readonly ImportUnit[], kind: string): ImportUnit | undefined {
  const key = DATASET_NAMES[kind] ?? kind;
  return units.find((u) => u.key === key || kebab(u.key) === key);
}

/** The kinds, for messages: `industrial-parks (parks), enterprises, …`. */
export function kindsList(units: readonly ImportUnit[]): string {
  const nameOf = new Map(Object.entries(DATASET_NAMES).map(([name, key]) => [key, name]));
  return units
    .map((u) => {
      const name = nameOf.get(u.key) ?? kebab(u.key);
      return name === u.key ? u.key : `${name} (${u.key})`;
    })
    .join(', ');
}
