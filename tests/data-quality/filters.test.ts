import pg from 'pg';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { addDays, todayInChina } from '../../src/modules/matchmaking/matchmaking.validation';
import { criteriaFor, offerInputFor } from '../helpers/matchmaking';
import { bearer, issueKey } from '../helpers/keys';
import { expectData, startTestServer, type TestServer } from '../helpers/server';

/**
 * Consistent filters, checked over the seeded sample through the API and built from the live
 * schema (so a new filter field or a new kind is checked without anyone listing it here):
 *
 * 1. every code or slug a list filter or a matchmaking input takes refuses an unknown value with
 *    BAD_USER_INPUT, `extensions.argument` naming the argument and the message naming the value,
 *    and still answers for a known value;
 * 2. every root list of a kind with `isSample` can filter by it, and the sample and real rows add
 *    up to the whole list.
 *
 * A String input field this test cannot place (a code it has no vocabulary for, nor a reason it is
 * no code) fails it: say what it is in VOCABULARIES or NOT_CODES.
 */

/** A kind of code or slug: the argument names that take it, a value no row has, and a known one. */
interface Vocabulary {
  names: string[];
  unknown: string;
  /** A known value: a constant, or read from the API (query, then the path to the value). */
  known: string | { query: string; pick: (data: any) => string };
}

const firstNode = (root: string, field: string, args = '') => ({
  query: `{ ${root}(first: 1${args}) { nodes { ${field} } } }`,
  pick: (d: any) => d[root].nodes[0][field],
});

const VOCABULARIES: Record<string, Vocabulary> = {
  industrialBelt: { names: ['belts', 'belt'], unknown: 'no-such-belt', known: firstNode('industrialBelts', 'slug') },
  industrialPark: { names: ['parks'], unknown: 'no-such-park', known: firstNode('industrialParks', 'slug') },
  productCategory: {
    names: ['categories', 'category', 'productCategories', 'parentSlug'],
    unknown: 'no-such-category',
    known: firstNode('productCategories', 'slug', ', filter: { isTopLevel: true }'),
  },
  zone: { names: ['zones'], unknown: 'no-such-zone', known: firstNode('zones', 'slug') },
  corridor: { names: ['corridors', 'corridor'], unknown: 'no-such-corridor', known: firstNode('corridors', 'slug') },
  fairEdition: { names: ['edition'], unknown: 'no-such-edition', known: firstNode('fairEditions', 'slug') },
  country: {
    names: ['countries', 'markets', 'targetMarkets', 'exportMarkets', 'importSourceMarkets', 'servedMarkets', 'destinationCountries'],
    unknown: 'ZZ',
    known: 'DE',
  },
  countryRegion: { names: ['regions'], unknown: 'Atlantis', known: firstNode('countries', 'region') },
  currency: { names: ['currency', 'base', 'quote'], unknown: 'ZZZ', known: 'EUR' },
  // Every well-formed chapter (01–97) is in HS 2022, so an unknown one is a malformed one.
  hsChapter: { names: ['hsChapters', 'chapter'], unknown: '98', known: '87' },
  hsHeading: { names: ['heading'], unknown: '8799', known: '8711' },
  hsSubheading: { names: ['hsCode'], unknown: '871199', known: '871120' },
  customsOffice: { names: ['customsOfficeCodes'], unknown: '9999', known: firstNode('customsOffices', 'code') },
  language: { names: ['languages'], unknown: 'xx', known: 'en' },
  dataset: { names: ['datasets'], unknown: 'no-such-dataset', known: 'enterprises' },
  /** GB/T 2260 codes of Chongqing; a retired one is refused too (tests/data-quality/districts.test.ts). */
  district: { names: ['districts', 'district', 'nearDistrict', 'registrationRegions'], unknown: '500999', known: '500103' },
};

/** String input fields that are no code or slug of a vocabulary here, and why. */
const NOT_CODES: Record<string, string> = {
  after: 'a cursor',
  before: 'a cursor',
  search: 'free text',
  query: 'free text',
  email: 'contact details',
  phone: 'contact details',
  name: 'a name (contact person, or a city resolved by the gazetteer of `near`)',
  cities: 'city names, exact; not a closed vocabulary',
  countryCode: 'part of `near.city`, refused with the city when the gazetteer has no such place',
};

/** Values for the required fields of input types on the way to a checked field. */
const TEMPLATES: Record<string, Record<string, unknown>> = {
  MoneyInput: { amount: '100' },
  BudgetInput: { maxTotal: '100000' },
  ServiceBudgetInput: { max: '100000', unit: 'PER_PROJECT' },
  PriceRangeInput: { max: '1000' },
};

/** Root fields that take a top-level String list argument that is a code (not in an input object). */
const TOP_LEVEL_CODE_ARGS = new Set(['datasets']);

interface Checked {
  root: string;
  /** `filter.belts`, `request.hsCode`, `datasets` */
  path: string[];
  isList: boolean;
  vocabulary: string;
}

const vocabularyOf = (name: string) => Object.entries(VOCABULARIES).find(([, v]) => v.names.includes(name))?.[0];

/** The String fields under a root field's input-object arguments (and its code-list arguments). */
function stringFields(schema: GraphQLSchema): { checked: Checked[]; unplaced: string[] } {
  const checked: Checked[] = [];
  const unplaced: string[] = [];
  const visit = (root: string, path: string[], type: GraphQLInputObjectType, seen: string[]) => {
    for (const f of Object.values(type.getFields())) {
      const named = getNamedType(f.type);
      const at = [...path, f.name];
      if (isInputObjectType(named)) {
        if (!seen.includes(named.name) && !(f.name === 'city' && path.at(-1) === 'near')) visit(root, at, named, [...seen, named.name]);
        continue;
      }
      if (named.name !== 'String') continue;
      const inner = isNonNullType(f.type) ? f.type.ofType : f.type;
      const vocabulary = vocabularyOf(f.name);
      if (vocabulary) checked.push({ root, path: at, isList: isListType(inner), vocabulary });
      else if (!(f.name in NOT_CODES)) unplaced.push(`${root}(${at.join('.')})`);
    }
  };
  for (const [root, field] of Object.entries(schema.getQueryType()!.getFields())) {
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) visit(root, [arg.name], named, [named.name]);
      else if (TOP_LEVEL_CODE_ARGS.has(arg.name)) checked.push({ root, path: [arg.name], isList: true, vocabulary: vocabularyOf(arg.name)! });
    }
  }
  return { checked, unplaced };
}

/** Sets `value` at `path` in a copy of `base`, with TEMPLATES' values for the input objects it creates. */
function withValue(field: GraphQLField<unknown, unknown>, base: Record<string, unknown>, path: string[], value: unknown) {
  const out = structuredClone(base);
  let obj: Record<string, unknown> = out;
  let type: GraphQLNamedType = getNamedType(field.args.find((a) => a.name === path[0])!.type);
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (obj[key] == null) {
      obj[key] = { ...(TEMPLATES[type.name] ?? {}) };
      if (isInputObjectType(type)) {
        const missing = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.name !== path[i + 1] && !(f.name in (obj[key] as object)));
        if (missing.length) throw new Error(`${type.name}: add values for ${missing.map((f) => f.name).join(', ')} to TEMPLATES`);
      }
    }
    obj = obj[key] as Record<string, unknown>;
    const next: GraphQLInputField = (type as GraphQLInputObjectType).getFields()[path[i + 1]];
    type = getNamedType(next.type);
  }
  obj[path.at(-1)!] = value;
  return out;
}

describe('data quality: filters (issue 17)', () => {
  let s: TestServer;
  let schema: GraphQLSchema;
  let headers: Record<string, string>;
  const known: Record<string, string> = {};
  /** A valid value of each root field's required arguments (matchmaking inputs), set in beforeAll. */
  let bases: Record<string, Record<string, unknown>>;
  const today = todayInChina();

  beforeAll(async () => {
    s = await startTestServer(__filename);
    // The schema as the server publishes it.
    schema = buildSchema(await (await fetch(`${s.url}/schema.graphql`)).text());
    for (const [kind, v] of Object.entries(VOCABULARIES))
      known[kind] = typeof v.known === 'string' ? v.known : v.known.pick(expectData(await s.gql(v.known.query)));
    // A warehouse operator's key: matchmaking asks for one, and ranks demands for its own warehouse.
    const sql = new pg.Client({ connectionString: s.databaseUrl });
    await sql.connect();
    const [w] = (await sql.query<{ id: number; operator_id: number }>('select id, operator_id from overseas_warehouse order by id limit 1')).rows;
    await sql.end();
    headers = bearer(await issueKey(s.databaseUrl, w.operator_id));
    bases = {
      warehouseMatches: { demand: criteriaFor(known.country, addDays(today, 10)) },
      demandMatches: { offer: offerInputFor(w.id, addDays(today, 1), addDays(today, 200)) },
      serviceMatches: { need: { categories: ['IP_AGENCY'], markets: [known.country] } },
      sourcingMatches: { request: { edition: known.fairEdition, category: known.productCategory } },
      talentMatches: { need: { specialties: ['PLATFORM_OPERATIONS'], people: 2 } },
      parkSpaceMatches: { need: {} },
    };
  });
  afterAll(async () => {
    await s?.close();
  });

  /** `query($filter: T) { root(filter: $filter) { totalCount } }`, with the argument types of `args`. */
  const operation = (root: string, args: Record<string, unknown>) => {
    const field = schema.getQueryType()!.getFields()[root];
    const used = field.args.filter((a) => a.name in args);
    const vars = used.map((a) => `$${a.name}: ${a.type}`).join(', ');
    const type = getNamedType(field.type);
    const selection = isObjectType(type) && 'totalCount' in type.getFields() ? 'totalCount' : '__typename';
    return `query${vars ? `(${vars})` : ''} { ${root}${used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} { ${selection} } }`;
  };
  const ask = (root: string, args: Record<string, unknown>) => s.gql<any>(operation(root, args), args, headers);

  it('knows what every String input field of a list filter or matchmaking input is', () => {
    const { checked, unplaced } = stringFields(schema);
    expect(unplaced).toEqual([]);
    // A filter only nested lists take (statistics, a type's own connections) is checked here through a
    // root list that takes the same input type: say so if there is none.
    const inputsOf = (fields: GraphQLField<unknown, unknown>[]) => new Set(fields.flatMap((f) => f.args.map((a) => getNamedType(a.type).name)));
    const atRoot = inputsOf(Object.values(schema.getQueryType()!.getFields()));
    const nested = Object.values(schema.getTypeMap()).filter(
      (t) => isObjectType(t) && !t.name.startsWith('__') && t !== schema.getQueryType() && t !== schema.getMutationType() && t !== schema.getSubscriptionType(),
    );
    const nestedOnly = [...inputsOf(nested.flatMap((t) => Object.values((t as GraphQLObjectType).getFields())))].filter((name) => {
      const t = schema.getType(name);
      return isInputObjectType(t) && !atRoot.has(name) && Object.values(t.getFields()).some((f) => getNamedType(f.type).name === 'String');
    });
    expect(nestedOnly).toEqual([]);
    // The filters this issue is about are among them (a guard against the walk finding nothing).
    const seen = new Set(checked.map((c) => `${c.root}(${c.path.join('.')})`));
    for (const f of [
      'enterprises(filter.belts)',
      'enterprises(filter.parks)',
      'industrialParks(filter.zones)',
      'fairListings(filter.edition)',
      'warehouseMatches(demand.corridor)',
    ]) {
      expect(seen).toContain(f);
    }
  });

  it('refuses an unknown code or slug in every filter with BAD_USER_INPUT naming it, and takes a known one', async () => {
    const problems: string[] = [];
    for (const c of stringFields(schema).checked) {
      const field = schema.getQueryType()!.getFields()[c.root];
      const base = bases[c.root] ?? {};
      // A list filter needs nothing else; a matchmaking input, a valid value to change one field of.
      if (c.path.length > 1 && c.path[0] !== 'filter' && !bases[c.root]) {
        problems.push(`${c.root}: give it a valid ${c.path[0]} in \`bases\``);
        continue;
      }
      const where = `${c.root}(${c.path.join('.')})`;
      const v = VOCABULARIES[c.vocabulary];
      const value = (x: string) => (c.isList ? [x] : x);

      const bad = await ask(c.root, withValue(field, base, c.path, value(v.unknown)));
      const e = bad.errors?.[0];
      if (bad.status >= 500 || e?.extensions?.code !== 'BAD_USER_INPUT')
        problems.push(`${where}: "${v.unknown}" answered ${JSON.stringify(bad.errors ?? bad.data)}`);
      else {
        if (!String(e.extensions.argument ?? '').startsWith(c.path.join('.')))
          problems.push(`${where}: argument ${e.extensions.argument} does not name ${c.path.join('.')}`);
        if (!e.message.includes(v.unknown)) problems.push(`${where}: the message does not name "${v.unknown}": ${e.message}`);
      }

      const good = await ask(c.root, withValue(field, base, c.path, value(known[c.vocabulary])));
      if (good.errors?.length) problems.push(`${where}: known "${known[c.vocabulary]}" answered ${JSON.stringify(good.errors)}`);
    }
    expect(problems).toEqual([]);
  });

  it('names every unknown value of a filter at once, and does not refuse a known one beside them', async () => {
    const res = await ask('enterprises', { filter: { belts: ['no-such-belt', known.industrialBelt, 'nor-this-one'] } });
    expect(res.errors?.[0]).toMatchObject({
      message: '"no-such-belt", "nor-this-one" are not known industrial belt slugs (see `industrialBelts`)',
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter.belts' },
    });
    const one = await ask('fairListings', { filter: { categories: ['no-such-category'] } });
    expect(one.errors?.[0]?.message).toBe('"no-such-category" is not a known product category slug (see `productCategories`)');
  });

  it('filters by isSample on every root list of a kind that has it, and sample + real rows add up to the list', async () => {
    const lists = Object.values(schema.getQueryType()!.getFields()).flatMap((f) => {
      const t = getNamedType(f.type);
      if (!isObjectType(t) || !t.name.endsWith('Connection') || !('nodes' in t.getFields())) return [];
      const node = getNamedType(t.getFields().nodes.type);
      return isObjectType(node) && 'isSample' in node.getFields() ? [f] : [];
    });
    expect(lists.length).toBeGreaterThanOrEqual(15);
    const problems: string[] = [];
    let sampleRows = 0;
    for (const f of lists) {
      const filter = f.args.find((a) => a.name === 'filter');
      const filterType = filter && getNamedType(filter.type);
      if (!filterType || !isInputObjectType(filterType) || !('isSample' in filterType.getFields())) {
        problems.push(`${f.name}: its nodes have isSample, its filter has not`);
        continue;
      }
      const count = async (filter?: Record<string, unknown>) =>
        (expectData(await ask(f.name, filter ? { filter } : {})) as Record<string, { totalCount: number }>)[f.name].totalCount;
      const [all, sample, real] = [await count(), await count({ isSample: true }), await count({ isSample: false })];
      if (sample + real !== all) problems.push(`${f.name}: ${sample} sample + ${real} real ≠ ${all}`);
      sampleRows += sample;
    }
    expect(problems).toEqual([]);
    // The seeded data is sample data: were the filter ignored, true and false would each count all.
    expect(sampleRows).toBeGreaterThan(0);
  });
});
