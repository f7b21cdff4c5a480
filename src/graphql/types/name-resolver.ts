import { Arg, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { Language } from './enums';

/**
 * Declares `name(lang: Language): String!` on a compiled type. The SQL compiler produces the
 * value (see sql/fields.ts `localized`); this resolver only exists to put the field and its
 * argument in the schema, and schema.ts replaces its resolve function with the compiled one.
 */
export function NameResolver(type: ClassType, field = 'name', what = 'Name', opts: { nullable?: boolean } = {}) {
  @Resolver(() => type)
  class LocalizedNameResolver {
    @FieldResolver(() => String, {
      name: field,
      nullable: opts.nullable ?? false,
      description: `${what} in the language asked for: \`lang\`, else Accept-Language, else Chinese (按语言返回)`,
    })
    localized(
      @Root() row: Record<string, string>,
      @Arg('lang', () => Language, { nullable: true, description: 'Language; overrides Accept-Language (语言)' }) _lang?: Language,
    ): string {
      return row[field];
    }
  }
  Object.defineProperty(LocalizedNameResolver, 'name', { value: `${type.name}_${field}_Resolver` });
  return LocalizedNameResolver;
}
