import { BREAK, type DocumentNode, type FragmentDefinitionNode, Kind, visit } from 'graphql';

/** What several request steps need to know of a parsed document, worked out in one place. */

/** Fragment definitions of a document by name. */
export function fragmentsOf(document: { definitions: readonly { kind: string }[] }): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[(d as FragmentDefinitionNode).name.value] = d as FragmentDefinitionNode;
  return out;
}

const directives = new WeakMap<DocumentNode, boolean>();

/**
 * True when the document holds a directive anywhere (@skip, @include …): what it selects may then
 * depend on the variables. Kept per document (Apollo keeps parsed documents across requests).
 */
export function hasDirectives(document: DocumentNode): boolean {
  let found = directives.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Directive() {
        found = true;
        return BREAK;
      },
    });
    directives.set(document, found);
  }
  return found;
}
