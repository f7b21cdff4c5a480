import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from 'graphql';
import { buildApiSchema, schemaSdl } from '../src/composition';
import { breakingChanges } from '../src/graphql/breaking';

describe('the published schema', () => {
  it('is the one committed in schema/schema.graphql', async () => {
    const committed = readFileSync(path.join(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(await schemaSdl()).toBe(committed);
  });

  it('breaks no client of the last release (schema/released.graphql)', async () => {
    const released = readFileSync(path.join(__dirname, '../schema/released.graphql'), 'utf8');
    expect(await breakingChanges(released, await schemaSdl())).toEqual([]);
  });

  it('describes every type, field, argument and enum value (the SDL is the manual)', async () => {
    const schema = await buildApiSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
