// Client code type-checked by `tsc --noEmit` in tests/test_codegen.py against
// the types graphql-codegen generates from the SDL for
// documents/createBlogPage.graphql. Nothing here runs; it must only compile.
//
// Growing the schema breaks this file on purpose: a new body block kind makes
// `oneOfEach` (inputs) and the exhaustive switch in `describeBody` (results)
// fail to compile until the document and this file cover it.
import type {
  CreateBlogPageWithEveryBlockMutation,
  CreateBlogPageWithEveryBlockMutationVariables,
} from "./generated/graphql";
import {
  BlogPageBodyQuoteStyle,
  ErrorCode,
  type BlogPageBodyBlockInput,
  type BlogPageBodyGalleryBlockInput,
  type BlogPageBodyItemInput,
  type BlogPageCreateInput,
} from "./generated/schema";

// The @oneOf input member that sets exactly the field K.
type OneOf<T, K extends keyof T> = Extract<T, Record<K, unknown>>;

// One block of every kind of the body stream. The mapped type makes a missing
// kind a compile error, and each value must be the @oneOf member for its key.
const oneOfEach: { [K in keyof BlogPageBodyBlockInput]-?: OneOf<BlogPageBodyBlockInput, K> } = {
  heading: { heading: "Every block kind" },
  paragraph: { paragraph: { html: "<p>Rich <b>text</b>.</p>" } },
  image: { image: "1" },
  quote: {
    quote: { text: "Simple is better.", attribution: "Tim", style: BlogPageBodyQuoteStyle.Pull },
  },
  links: { links: [{ value: "https://wagtail.org/" }, { id: "kept-item", value: "https://example.com/" }] },
  gallery: {
    gallery: [{ block: { image: "1" } }, { id: "kept-caption", block: { caption: "A caption" } }],
  },
  relatedPage: { relatedPage: "3" },
  person: { person: "1" },
  teaser: { teaser: { page: "3", document: "1", people: [{ value: "1" }, { id: "kept-person", value: "2" }] } },
};

// Same for the gallery's nested stream.
const galleryOneOfEach: {
  [K in keyof BlogPageBodyGalleryBlockInput]-?: OneOf<BlogPageBodyGalleryBlockInput, K>;
} = {
  image: { image: "2" },
  caption: { caption: "Another caption" },
};

const body: BlogPageBodyItemInput[] = [
  ...Object.values(oneOfEach).map((block) => ({ block })),
  // Rich text is itself a @oneOf: Markdown instead of HTML.
  { block: { paragraph: { markdown: "Some **Markdown** with a [link](https://wagtail.org/)." } } },
  { block: { gallery: Object.values(galleryOneOfEach).map((block) => ({ block })) } },
  // Send an id back to keep an existing block.
  { id: "0b7c9d7e-keep", block: { heading: "Kept heading" } },
];

const input: BlogPageCreateInput = {
  title: "Every block kind",
  slug: "every-block-kind",
  date: "2024-05-01",
  intro: { markdown: "An *intro*." },
  body,
};

export const variables: CreateBlogPageWithEveryBlockMutationVariables = { input };

// Deliberately wrong inputs: tsc fails ("Unused '@ts-expect-error' directive")
// if any of these is accepted, which proves the inputs really are type-checked.
// @ts-expect-error a heading is a string
export const headingIsNumber: BlogPageBodyItemInput = { block: { heading: 42 } };
// @ts-expect-error @oneOf: exactly one field, not two
export const twoKinds: BlogPageBodyBlockInput = { heading: "Title", image: "1" };
// @ts-expect-error @oneOf: exactly one field, not none
export const noKind: BlogPageBodyBlockInput = {};
// @ts-expect-error rich text is { html } or { markdown }, not a bare string
export const bareRichText: BlogPageBodyBlockInput = { paragraph: "<p>Hi</p>" };
// @ts-expect-error a quote's text is required
export const quoteWithoutText: BlogPageBodyBlockInput = { quote: { attribution: "Tim" } };
// @ts-expect-error no such block kind
export const unknownKind: BlogPageBodyBlockInput = { video: "1" };
// @ts-expect-error the stream item wraps the block in `block`
export const unwrapped: BlogPageBodyItemInput = { heading: "Title" };
// @ts-expect-error the Date scalar is an ISO string
export const dateIsNumber: BlogPageCreateInput = { title: "Dated", date: 20240501 };
// @ts-expect-error the mutation needs a title
export const noTitle: CreateBlogPageWithEveryBlockMutationVariables = { input: { body } };

type Payload = CreateBlogPageWithEveryBlockMutation["createBlogPage"];
type BodyItem = NonNullable<Payload["page"]>["body"][number];

// Reads every block kind of a result, narrowing by __typename.
export function describeBody(result: CreateBlogPageWithEveryBlockMutation): string[] {
  const { page, errors, warnings } = result.createBlogPage;
  if (page === null) {
    return errors.map((error) => {
      const where = error.path?.join(".") ?? "(request)";
      const denied = error.code === ErrorCode.PermissionDenied;
      return `${error.__typename} at ${where}: ${error.message}${denied ? " (denied)" : ""}`;
    });
  }
  const lines = [`${page.id}: ${page.title}`];
  for (const warning of warnings) {
    lines.push(`warning at ${warning.path.join(".")}: ${warning.reason} <${warning.tag ?? ""}>`);
  }
  for (const item of page.body) {
    lines.push(`${item.blockId} ${item.blockType} ${describeBlock(item)} ${JSON.stringify(item.rawValue)}`);
  }
  return lines;
}

function describeBlock(item: BodyItem): string {
  switch (item.__typename) {
    case "BlogPageBodyHeadingBlock":
      return item.heading ?? "";
    case "BlogPageBodyParagraphBlock":
      return item.paragraph ?? "";
    case "BlogPageBodyImageBlock":
      return item.image ? `${item.image.id} ${item.image.url}` : "(no image)";
    case "BlogPageBodyQuoteBlock": {
      const pull = item.quote?.style === BlogPageBodyQuoteStyle.Pull;
      return `${item.quote?.text ?? ""} - ${item.quote?.attribution ?? "anonymous"}${pull ? " (pull)" : ""}`;
    }
    case "BlogPageBodyLinksBlock":
      return item.links.map((link) => `${link.blockId}=${link.value ?? ""}`).join(", ");
    case "BlogPageBodyGalleryBlock":
      return item.gallery
        .map((child) => {
          switch (child.__typename) {
            case "BlogPageBodyGalleryImageBlock":
              return `image ${child.image?.id ?? "?"}`;
            case "BlogPageBodyGalleryCaptionBlock":
              return `caption ${child.caption ?? ""}`;
            default:
              return assertNever(child);
          }
        })
        .join(", ");
    case "BlogPageBodyRelatedPageBlock":
      return item.relatedPage ? `${item.relatedPage.id} ${item.relatedPage.title}` : "(none)";
    case "BlogPageBodyPersonBlock":
      return item.person?.displayTitle ?? "(none)";
    case "BlogPageBodyTeaserBlock": {
      const people = item.teaser?.people.map((row) => row.value?.displayTitle ?? "?").join(", ");
      return `${item.teaser?.page?.title ?? "(no page)"} / ${item.teaser?.document?.title ?? "(no document)"} / ${people ?? ""}`;
    }
    default:
      return assertNever(item);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected block: ${JSON.stringify(value)}`);
}

// Results are typed too: a quote's attribution is a nullable string.
export function firstAttribution(result: CreateBlogPageWithEveryBlockMutation): string | null {
  for (const item of result.createBlogPage.page?.body ?? []) {
    if (item.__typename === "BlogPageBodyQuoteBlock") {
      return item.quote?.attribution ?? null;
    }
  }
  return null;
}
// @ts-expect-error a heading block has no quote
export const noQuoteOnHeading = (item: Extract<BodyItem, { __typename: "BlogPageBodyHeadingBlock" }>) => item.quote;

// A block read back keeps its identity when its blockId goes back as the item's id.
export function keepHeading(item: BodyItem, heading: string): BlogPageBodyItemInput {
  return { id: item.blockId, block: { heading } };
}
// @ts-expect-error blocks have no `id` (caches would merge them across pages): read blockId
export const noIdOnBlocks = (item: BodyItem) => item.id;
