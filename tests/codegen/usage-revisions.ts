// Client code type-checked by `tsc --noEmit` in tests/test_codegen.py against the
// types graphql-codegen generates for documents/pageRevisions.graphql: a revision's
// content is `<Type>RevisionContent`, a value without an id (so that caches keep it
// inside its revision), and the page's id is the revision's objectId.
import type { PageRevisionsQuery } from "./generated/graphql";

type Item = NonNullable<PageRevisionsQuery["page"]>["revisions"] extends infer L
  ? L extends { items: (infer I)[] } ? I : never
  : never;

export function describeRevision(item: Item): string {
  if (item.__typename !== "PageRevision" || !item.content) return `${item.id}: (no content)`;
  const { content } = item;
  const blocks =
    content.__typename === "BlogPageRevisionContent"
      ? content.body.map((block) => `${block.blockId}:${block.blockType}`).join(",")
      : "";
  return `${item.objectId}@${item.id} ${content.title} ${blocks}`;
}
// @ts-expect-error revision content has no id: it is not the page
export const noIdOnContent = (item: Extract<Item, { __typename: "PageRevision" }>) => item.content?.id;
