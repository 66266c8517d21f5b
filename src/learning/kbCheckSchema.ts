import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

/** knowledge/kb-check.yaml: article sentences (or whole sections) that need no entry, each with why. */
export const kbCheckFileSchema = z.strictObject({
  uncovered: z
    .array(
      z
        .strictObject({ sentence: text.optional(), section: text.optional(), why: text })
        .refine((item) => (item.sentence === undefined) !== (item.section === undefined), 'needs either sentence or section'),
    )
    .default([]),
});

export type KbCheckFile = z.infer<typeof kbCheckFileSchema>;
