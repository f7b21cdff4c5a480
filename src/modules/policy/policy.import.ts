import { textProblem } from '../../graphql/text';
import { INT4_MAX } from '../../graphql/ids';
import { bool, date, decimal, int, list, oneOf, slug, text, year, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { COUNTING_RULES_OF, CountingRule, TargetMetric } from './policy.enums';

/* The policy's measures (by number) and its 2027 targets, each target under one measure. */

export const policyMeasureFields = {
  number: int({ min: 1, max: 999 }),
  titleZh: text({ max: 128 }),
  titleEn: text({ max: 200 }),
  summaryZh: text({ max: 5000, freeText: true }),
  summaryEn: text({ max: 5000, freeText: true }),
  responsibleUnitsZh: list<string, true>({ nonEmpty: true }),
  /** The same units in English, one for one. */
  responsibleUnitsEn: list<string, true>({
    nonEmpty: true,
    then(en, r) {
      const zh = (r.values.responsibleUnitsZh as unknown[] | undefined) ?? [];
      const enUnits = (en as unknown[] | undefined) ?? [];
      [...zh, ...enUnits].forEach((u) => {
        if (typeof u !== 'string' || u.trim() === '') r.problem('responsibleUnits', 'every unit must be a non-empty string');
        else {
          const problem = textProblem(u, { max: 1000 });
          if (problem) r.problem('responsibleUnits', `"${u.slice(0, 40)}" ${problem}`);
        }
      });
      if (zh.length !== enUnits.length) r.problem('responsibleUnitsEn', `has ${enUnits.length} units but responsibleUnitsZh has ${zh.length}`);
    },
  }),
  /** First day the measure applies (the policy's issue date when it states no other). */
  effectiveFrom: date(),
  /** Last day it applies, inclusive; left out when the policy sets no end. */
  effectiveTo: date({ optional: true, then: (to, r) => checkPeriod(to, r) }),
};

/** A period of validity ends on or after its first day (date fields check to epoch days). */
function checkPeriod(
  to: unknown,
  r: { values: Record<string, unknown>; record: Record<string, unknown>; problem(field: string, message: string): void },
): void {
  const from = r.values.effectiveFrom;
  if (typeof to === 'number' && typeof from === 'number' && to < from) {
    r.problem('effectiveTo', `${String(r.record.effectiveTo)} is before effectiveFrom ${String(r.record.effectiveFrom)}`);
  }
}

export type PolicyMeasureRecord = RecordOf<typeof policyMeasureFields>;

export const policyMeasuresImport = defineUnit({
  key: 'policyMeasures',
  table: 'policy_measure',
  fields: policyMeasureFields,
  naturalKey: { field: 'number', unique: 'measure number', label: 'policy measure' },
});

/** Metrics counted against a money threshold (and only those have one). */
const WITH_THRESHOLD: ReadonlySet<string> = new Set([TargetMetric.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST, TargetMetric.BELTS_WITH_TRADE_ABOVE]);

export const policyTargetFields = {
  slug: slug({ max: 80 }),
  measureNumber: int({
    min: 1,
    max: 999,
    then(n, r) {
      if (n !== undefined) r.ref('policyMeasures', String(n), 'measureNumber');
    },
  }),
  descriptionZh: text({ max: 5000, freeText: true }),
  descriptionEn: text({ max: 5000, freeText: true }),
  metric: oneOf(TargetMetric, 'TargetMetric'),
  thresholdCny: decimal({
    precision: 18,
    scale: 2,
    optional: true,
    then(threshold, r) {
      const metric = r.values.metric as string | undefined;
      if (!metric) return;
      const given = r.record.thresholdCny != null;
      if (WITH_THRESHOLD.has(metric) && threshold === undefined && !given) r.problem('thresholdCny', `is required for ${metric}`);
      if (!WITH_THRESHOLD.has(metric) && given) r.problem('thresholdCny', `does not apply to ${metric}`);
    },
  }),
  targetValue: int({ min: 0, max: INT4_MAX }),
  /** The count must exceed the target value rather than reach it. */
  strictlyAbove: bool(),
  targetYear: year({ min: 2000 }),
  /** How the count is taken over time; each metric allows the rules its SQL implements (COUNTING_RULES_OF). */
  countingRule: oneOf(CountingRule, 'CountingRule', {
    then(rule, r) {
      const metric = r.values.metric as TargetMetric | undefined;
      if (rule && metric && !COUNTING_RULES_OF[metric]?.includes(rule as CountingRule)) {
        r.problem('countingRule', `${rule} is not a way to count ${metric} (allowed: ${COUNTING_RULES_OF[metric].join(', ')})`);
      }
    },
  }),
  /** INDUSTRIAL_PARKS only: the working floor-area threshold of a park "of a certain scale". */
  minParkAreaM2: int({
    min: 1,
    max: INT4_MAX,
    optional: true,
    then(area, r) {
      const metric = r.values.metric as string | undefined;
      if (area != null && metric && metric !== TargetMetric.INDUSTRIAL_PARKS) r.problem('minParkAreaM2', `does not apply to ${metric}`);
      if (area != null && !r.record.workingDefinitionZh) r.problem('workingDefinitionZh', 'must explain minParkAreaM2, a working definition');
    },
  }),
  workingDefinitionZh: text({ max: 5000, freeText: true, optional: true }),
  /** Both languages or neither. */
  workingDefinitionEn: text({
    max: 5000,
    freeText: true,
    optional: true,
    then(en, r) {
      if ((en == null) !== (r.record.workingDefinitionZh == null)) r.problem('workingDefinitionEn', 'is given in both languages or in neither');
    },
  }),
};

export type PolicyTargetRecord = RecordOf<typeof policyTargetFields>;

export const policyTargetsImport = defineUnit({
  key: 'policyTargets',
  table: 'policy_target',
  dependsOn: ['policyMeasures'],
  fields: policyTargetFields,
  naturalKey: { field: 'slug', unique: 'target slug' },
});

/** Provisions with their own period of validity, each under one measure. */
export const policyProvisionFields = {
  slug: slug({ max: 80 }),
  measureNumber: int({
    min: 1,
    max: 999,
    then(n, r) {
      if (n !== undefined) r.ref('policyMeasures', String(n), 'measureNumber');
    },
  }),
  summaryZh: text({ max: 5000, freeText: true }),
  summaryEn: text({ max: 5000, freeText: true }),
  quoteZh: text({ max: 5000, freeText: true }),
  effectiveFrom: date(),
  effectiveTo: date({ optional: true, then: (to, r) => checkPeriod(to, r) }),
};

export type PolicyProvisionRecord = RecordOf<typeof policyProvisionFields>;

export const policyProvisionsImport = defineUnit({
  key: 'policyProvisions',
  table: 'policy_provision',
  dependsOn: ['policyMeasures'],
  fields: policyProvisionFields,
  naturalKey: { field: 'slug', unique: 'provision slug' },
});
