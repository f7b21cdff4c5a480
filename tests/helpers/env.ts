/** Name of this run's seeded template database; set by globalSetup, read by every worker. */
export function templateDb(): string {
  const name = process.env.TEST_TEMPLATE_DB;
  if (!name) throw new Error('TEST_TEMPLATE_DB is not set: run the tests through jest (globalSetup)');
  return name;
}
