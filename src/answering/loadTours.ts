import { cite } from './citations.js';
import { KnowledgeError } from './KnowledgeError.js';
import { readYaml, type ShowPath } from './readKnowledgeFile.js';
import { toursFileSchema, type TourStepFile } from './knowledgeSchema.js';
import type { Article, FaqEntry, Tour, TourRequests, TourStep } from './types.js';

/**
 * Reads tours.yaml and checks that every tour can be walked: the start step exists, every button
 * leads somewhere, every entry exists and every quote is in the article. A tour that dead-ends in
 * front of a customer is a broken release, so these stop start-up like any other knowledge defect.
 */
export function loadTours(
  file: string,
  article: Article,
  entries: readonly FaqEntry[],
  rel: ShowPath,
): { tours: Tour[]; requests: TourRequests } {
  const shown = rel(file);
  const parsed = readYaml(file, toursFileSchema, rel);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const tourIds = new Set<string>();
  for (const tour of parsed.tours) {
    if (tourIds.has(tour.id)) throw new KnowledgeError(shown, `tour "${tour.id}"`, 'duplicate tour id');
    tourIds.add(tour.id);
  }
  const tours = parsed.tours.map((raw): Tour => {
    const stepIds = new Set<string>();
    const steps = raw.steps.map((step) => {
      const where = `tour "${raw.id}", step "${step.id}"`;
      if (stepIds.has(step.id)) throw new KnowledgeError(shown, where, 'duplicate step id');
      stepIds.add(step.id);
      return toStep(step, { article, byId, file: shown, where });
    });
    if (!stepIds.has(raw.start)) throw new KnowledgeError(shown, `tour "${raw.id}"`, `start step "${raw.start}" is not a step of the tour`);
    for (const step of steps) {
      for (const choice of step.choices) {
        const target = choice.goto.startsWith('tour:') ? choice.goto.slice('tour:'.length) : undefined;
        const known = target === undefined ? stepIds.has(choice.goto) : tourIds.has(target);
        if (!known) {
          throw new KnowledgeError(shown, `tour "${raw.id}", step "${step.id}"`, `button "${choice.label}" goes to unknown "${choice.goto}"`);
        }
      }
    }
    return { id: raw.id, title: raw.title, subjects: raw.subjects, anchors: raw.anchors, start: raw.start, steps, file: shown };
  });
  return { tours, requests: parsed.requests };
}

interface StepContext {
  readonly article: Article;
  readonly byId: ReadonlyMap<string, FaqEntry>;
  readonly file: string;
  readonly where: string;
}

function toStep(raw: TourStepFile, { article, byId, file, where }: StepContext): TourStep {
  const entries = raw.entries.map((id) => {
    const entry = byId.get(id);
    if (!entry) throw new KnowledgeError(file, where, `entry "${id}" is not an FAQ entry`);
    return entry;
  });
  if (entries.length === 0 && raw.say === undefined) throw new KnowledgeError(file, where, 'needs entries or say');
  if (raw.say !== undefined && raw.source.length === 0) throw new KnowledgeError(file, where, '`say` needs at least one source sentence');
  const citations = raw.source.map((quote) => cite(quote, article, file, where));
  return {
    id: raw.id,
    title: raw.title,
    lead: raw.lead,
    entries,
    say: raw.say,
    citations,
    prompt: raw.prompt,
    choices: raw.choices,
  };
}
