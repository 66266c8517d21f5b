import { describe, expect, it } from 'vitest';
import { Matcher, type Matchable, type Scored } from '../../src/answering/Matcher.js';
import { SynonymRewriter } from '../../src/answering/SynonymRewriter.js';
import { TextNormalizer } from '../../src/answering/TextNormalizer.js';

interface Item {
  readonly id: string;
  readonly kind: 'faq' | 'gap';
  readonly questions: readonly string[];
}

const normalizer = new TextNormalizer(new SynonymRewriter(new Map()));
const describeItem = (item: Item): Matchable => ({ title: item.id, questions: item.questions, keywords: [], body: [], followable: item.kind === 'faq' });

/** Twenty copies of two entries (they tie) and a few distinct ones: where skipping work is easiest to get wrong. */
const items: Item[] = [
  ...Array.from({ length: 20 }, (_, i): Item => ({ id: `close-${String(i)}`, kind: 'faq', questions: ['why did openai close sora', 'when did sora close'] })),
  ...Array.from({ length: 20 }, (_, i): Item => ({ id: `cost-${String(i)}`, kind: 'faq', questions: ['how much did sora cost to run'] })),
  { id: 'deal', kind: 'faq', questions: ['what was the disney deal about sora'] },
  ...Array.from({ length: 5 }, (_, i): Item => ({ id: `users-${String(i)}`, kind: 'gap', questions: ['how many users did sora have'] })),
];
const queries = ['why did openai close sora', 'how much did sora cost', 'sora users', 'disney deal', 'sora'];

const ids = (ranking: readonly Scored<Item>[]): string[] => ranking.map((r) => `${r.item.id}:${r.score.toFixed(6)}`);
const firstOfEach = (ranking: readonly Scored<Item>[], perGroup: number): Scored<Item>[] =>
  (['faq', 'gap'] as const).flatMap((kind) => ranking.filter((r) => r.item.kind === kind).slice(0, perGroup));

describe('Matcher.rank with RankingNeeds', () => {
  const full = new Matcher(items, { describe: describeItem, normalizer });
  const needs = { group: (item: Item) => item.kind, perGroup: 3, margin: 0.05 };
  const withMargin = new Matcher(items, { describe: describeItem, normalizer, needs });

  it.each(queries)('returns, for %j, the best few of each group and every near tie, exactly as a full ranking orders and scores them', (text) => {
    const query = full.weigh(normalizer.analyze(text).terms);
    const everything = full.rank(query);
    const read = withMargin.rank(query);
    expect(ids(firstOfEach(read, 3))).toEqual(ids(firstOfEach(everything, 3)));
    for (const kind of ['faq', 'gap'] as const) {
      const group = everything.filter((r) => r.item.kind === kind);
      const best = group[0];
      if (!best) continue;
      // ties with the third best are read too: which of them comes first is decided by index order
      const third = group[Math.min(2, group.length - 1)] as Scored<Item>;
      const near = group.filter((r) => r.score >= third.score || best.score - r.score <= needs.margin);
      expect(ids(read.filter((r) => r.item.kind === kind))).toEqual(ids(near));
    }
  });

  const leading = new Matcher(items, { describe: describeItem, normalizer, needs: { ...needs, leadOnly: ['gap'] } });

  it.each([...queries, 'how many users did openai close', 'sora users disney'])(
    'returns, for %j with gaps read only as the first of the ranking, the same first item and answers, and a gap only where it could lead',
    (text) => {
      const query = full.weigh(normalizer.analyze(text).terms);
      const everything = full.rank(query);
      const read = leading.rank(query);
      expect(ids(read.slice(0, 1))).toEqual(ids(everything.slice(0, 1)));
      expect(ids(read.filter((r) => r.item.kind === 'faq'))).toEqual(ids(withMargin.rank(query).filter((r) => r.item.kind === 'faq')));
      const leader = everything[0]?.score ?? 0;
      expect(ids(read.filter((r) => r.item.kind === 'gap'))).toEqual(ids(everything.filter((r) => r.item.kind === 'gap' && r.score >= leader - 1e-9)));
    },
  );
});
