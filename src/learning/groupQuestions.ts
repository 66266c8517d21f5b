import { similarity, type QuestionKeys } from './questionKey.js';

/** Questions that ask the same thing in different words, counted together. */
export interface QuestionGroup {
  /** How many times a question of the group was asked. */
  readonly count: number;
  /** The wording asked most often. */
  readonly question: string;
  /** Other wordings, most frequent first. */
  readonly examples: readonly string[];
  /** Why the bot did not answer (fallback reasons) or what it answered (entry ids), with counts. */
  readonly tags: Readonly<Record<string, number>>;
}

export interface AskedQuestion {
  readonly question: string;
  /** A reason or an entry id, summed per group. */
  readonly tag: string;
}

/**
 * Groups questions by similarity of their content words (QuestionKeys, Jaccard): same wording
 * first, then each wording joins the biggest group whose leading question is similar enough. Greedy
 * and order-dependent, which is fine for a review list a person reads; largest groups first.
 */
export function groupQuestions(asked: readonly AskedQuestion[], keys: QuestionKeys, threshold: number, examplesShown: number): QuestionGroup[] {
  const wordings = new Map<string, { question: string; count: number; tags: Map<string, number> }>();
  for (const { question, tag } of asked) {
    const norm = question.trim().toLowerCase().replace(/\s+/g, ' ');
    const wording = wordings.get(norm) ?? { question: question.trim(), count: 0, tags: new Map<string, number>() };
    wording.count++;
    wording.tags.set(tag, (wording.tags.get(tag) ?? 0) + 1);
    wordings.set(norm, wording);
  }
  const groups: { key: ReadonlySet<string>; members: { question: string; count: number; tags: Map<string, number> }[] }[] = [];
  for (const wording of [...wordings.values()].sort((a, b) => b.count - a.count)) {
    const key = keys.key(wording.question);
    const home = groups.find((g) => similarity(g.key, key) >= threshold);
    if (home) home.members.push(wording);
    else groups.push({ key, members: [wording] });
  }
  return groups
    .map((g): QuestionGroup => {
      const tags: Record<string, number> = {};
      for (const m of g.members) for (const [tag, n] of m.tags) tags[tag] = (tags[tag] ?? 0) + n;
      const [lead, ...rest] = g.members;
      return {
        count: g.members.reduce((sum, m) => sum + m.count, 0),
        question: lead?.question ?? '',
        examples: rest.slice(0, examplesShown).map((m) => m.question),
        tags,
      };
    })
    .sort((a, b) => b.count - a.count);
}
