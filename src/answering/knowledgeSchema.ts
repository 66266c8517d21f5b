import { z } from 'zod';

/**
 * The shapes of the files in knowledge/. Strict objects, so a misspelt field name is reported
 * instead of silently ignored (a typo such as `question:` would otherwise drop every alternate).
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case, e.g. "sora-revenue"');
const text = z.string().trim().min(1, 'must not be empty');

export const articleFileSchema = z.strictObject({
  title: text,
  sections: z
    .array(z.strictObject({ id, heading: text, paragraphs: z.array(text).min(1, 'needs at least one paragraph') }))
    .min(1, 'needs at least one section'),
});

export const faqFileSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        id,
        title: text,
        questions: z.array(text).min(1, 'needs at least one question'),
        keywords: z.array(text).default([]),
        answer: text,
        source: z.array(text).min(1, 'needs at least one cited sentence'),
        related: z.array(id).default([]),
      }),
    )
    .min(1, 'needs at least one entry'),
});

export const notCoveredFileSchema = z.strictObject({
  topics: z.array(
    z.strictObject({
      id,
      subject: text,
      questions: z.array(text).min(1, 'needs at least one question'),
      see: id.optional(),
    }),
  ),
});

export const synonymsFileSchema = z.strictObject({
  groups: z.array(z.array(text).min(2, 'a group needs a canonical word and at least one variant')),
});

export const smallTalkFileSchema = z.strictObject({
  starters: z.array(id).min(1, 'needs at least one entry id'),
  intents: z.array(
    z.strictObject({ id, patterns: z.array(text).min(1), replies: z.array(text).min(1), offerStarters: z.boolean().default(false) }),
  ),
});

export const handoffFileSchema = z.strictObject({
  patterns: z.array(text).min(1, 'needs at least one phrase'),
  whole: z.array(text).default([]),
});

export type FaqFile = z.infer<typeof faqFileSchema>;
