import { Arg, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { Sql, type DeclaredFieldSpec } from '../sql/declare';
import { localized } from '../sql/fields';
import { Language } from './enums';

/**
 * Declares `name(lang: Language): String!` on a compiled type. The SQL compiler produces the value
 * (by default `localized` over the `<field>_zh` / `<field>_en` columns, or `opts.sql`); this
 * resolver only exists to put the field and its argument in the schema, and schema.ts replaces its
 * resolve function with the compiled one.
 */
export function NameResolver(type: ClassType, field = 'name', what = 'Name', opts: { nullable?: boolean; sql?: DeclaredFieldSpec } = {}) {
  @Resolver(() => type)
  class LocalizedNameResolver {
    // The method is named after the field: type-graphql pairs a type's field with its resolver by
    // method name, so two of these on one type (name, city) would otherwise share one's extensions.
    @Sql(opts.sql ?? localized(snakeCase(field)))
    @FieldResolver(() => String, {
      name: field,
      nullable: opts.nullable ?? false,
      description: `${what} in the language asked for: \`lang\`, else Accept-Language, else Chinese (按语言返回)`,
    })
    [field](
      @Root() row: Record<string, string>,
      @Arg('lang', () => Language, { nullable: true, description: 'Language; overrides Accept-Language (语言)' }) _lang?: Language,
    ): string {
      return row[field];
    }
  }
  Object.defineProperty(LocalizedNameResolver, 'name', { value: `${type.name}_${field}_Resolver` });
  return LocalizedNameResolver;
}

/** `hostInstitution` → `host_institution`, the column prefix of a bilingual field. */
function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
