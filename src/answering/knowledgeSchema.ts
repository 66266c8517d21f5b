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
    z.strictObject({
      id,
      patterns: z.array(text).min(1),
      replies: z.array(text).min(1),
      offerStarters: z.boolean().default(false),
      action: z.enum(['help', 'menu', 'cancel', 'restart']).optional(),
    }),
  ),
});

export const handoffFileSchema = z.strictObject({
  patterns: z.array(text).min(1, 'needs at least one phrase'),
  whole: z.array(text).default([]),
});

const tourStepSchema = z.strictObject({
  id,
  title: text,
  lead: text.optional(),
  entries: z.array(id).default([]),
  say: text.optional(),
  source: z.array(text).default([]),
  prompt: text.optional(),
  choices: z.array(z.strictObject({ label: text, goto: z.string().regex(/^(?:tour:)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a step id or tour:<id>') })).default([]),
});

export const toursFileSchema = z.strictObject({
  requests: z.strictObject({ strong: z.array(text).min(1), plain: z.array(text).default([]) }),
  tours: z.array(
    z.strictObject({
      id,
      title: text,
      subjects: z.array(text).min(1, 'needs at least one subject phrase'),
      anchors: z.array(text).min(1, 'needs at least one anchor word'),
      start: id,
      steps: z.array(tourStepSchema).min(1, 'needs at least one step'),
    }),
  ),
});

export type TourStepFile = z.infer<typeof tourStepSchema>;
export type FaqFile = z.infer<typeof faqFileSchema>;
