import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { KnowledgeError } from '../answering/KnowledgeError.js';
import {
  articleFileSchema,
  faqFileSchema,
  notCoveredFileSchema,
  synonymsFileSchema,
  toursFileSchema,
  type FaqFile,
} from '../answering/knowledgeSchema.js';
import { listYaml, readYaml, type ShowPath } from '../answering/readKnowledgeFile.js';
import type { Article } from '../answering/types.js';
import { kbCheckFileSchema, type KbCheckFile } from './kbCheckSchema.js';

/** An FAQ entry or a known gap as written, with its file: what the question checks compare. */
export interface QuestionOwner {
  readonly id: string;
  readonly file: string;
  readonly questions: readonly string[];
  /** FAQ entries only; not-covered topics have none. */
  readonly sources?: readonly string[];
}

export interface TourQuotes {
  readonly file: string;
  readonly where: string;
  readonly sources: readonly string[];
}

/** The knowledge folder as far as each file could be read; what could not is in `broken`. */
export interface KnowledgeFiles {
  readonly article?: Article | undefined;
  readonly entries: readonly QuestionOwner[];
  readonly gaps: readonly QuestionOwner[];
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  readonly tourQuotes: readonly TourQuotes[];
  readonly allow: KbCheckFile;
  readonly allowFile: string;
  readonly broken: readonly KnowledgeError[];
}

/**
 * Reads the knowledge files for kb:check without stopping at the first defect, as start-up does:
 * a file that cannot be read is one finding, and everything else is still checked.
 */
export function readForCheck(dir: string, rel: ShowPath): KnowledgeFiles {
  const broken: KnowledgeError[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (error instanceof KnowledgeError) broken.push(error);
      else throw error;
      return undefined;
    }
  };
  const read = <S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined => attempt(() => readYaml(path.join(dir, name), schema, rel));

  const article = read('article.yaml', articleFileSchema);
  const files = attempt(() => listYaml(path.join(dir, 'faq'), rel)) ?? [];
  const entries = files.flatMap((file) =>
    (attempt(() => readYaml(file, faqFileSchema, rel))?.entries ?? []).map((e: FaqFile['entries'][number]): QuestionOwner => ({ id: e.id, file: rel(file), questions: e.questions, sources: e.source })),
  );
  const gaps = (read('not-covered.yaml', notCoveredFileSchema)?.topics ?? []).map(
    (t): QuestionOwner => ({ id: t.id, file: rel(path.join(dir, 'not-covered.yaml')), questions: t.questions }),
  );
  const synonyms = new Map<string, readonly string[]>();
  for (const [canonical, ...variants] of read('synonyms.yaml', synonymsFileSchema)?.groups ?? []) {
    if (canonical !== undefined && !synonyms.has(canonical.toLowerCase())) synonyms.set(canonical.toLowerCase(), variants.map((v) => v.toLowerCase()));
  }
  const toursFile = rel(path.join(dir, 'tours.yaml'));
  const tourQuotes = (read('tours.yaml', toursFileSchema)?.tours ?? []).flatMap((tour) =>
    tour.steps.map((step): TourQuotes => ({ file: toursFile, where: `tour "${tour.id}", step "${step.id}"`, sources: step.source })),
  );
  const allowPath = path.join(dir, 'kb-check.yaml');
  const allow = existsSync(allowPath) ? (read('kb-check.yaml', kbCheckFileSchema) ?? { uncovered: [] }) : { uncovered: [] };
  return {
    article: article && { title: article.title, sections: article.sections },
    entries,
    gaps,
    synonyms,
    tourQuotes,
    allow,
    allowFile: rel(allowPath),
    broken,
  };
}
