import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/answering/editDistance.js';
import { SpellCorrector } from '../../src/answering/SpellCorrector.js';
import { SynonymRewriter } from '../../src/answering/SynonymRewriter.js';
import { tokenize } from '../../src/answering/tokenize.js';
import { WordFrequency } from '../../src/answering/WordFrequency.js';

describe('tokenize', () => {
  it.each([
    ["What's Sora's revenue?", ['what', 'sora', 'revenue']],
    ['It doesn\u2019t cover the costs', ['it', 'does', 'not', 'cover', 'the', 'costs']],
    ['How much does Disney+ cost?', ['how', 'much', 'does', 'disneyplus', 'cost']],
    ['$1.4 million vs $1.9B', ['1.4', 'million', 'vs', '1.9']],
    ['<b>Café</b> 🎬 emoji', ['cafe', 'emoji']],
    ['<p>why <script>alert(1)</script>close&nbsp;it</p>', ['why', 'close', 'it']],
    // each step that plain text may skip (accents, apostrophes, plus, dollar), taken and skipped
    ["can`t WON'T won\u2019t", ['can', 'not', 'will', 'not', 'will', 'not']],
    ['heyyy sooo u r gr8 thx', ['hey', 'so', 'you', 'are', 'gr8', 'thanks']],
    ["l\u2019\u00e9t\u00e9's caf\u00e9", ['ete', 'cafe']],
    ['sora+ +x $ money $ 5 $5 $?', ['soraplus', 'money', 'money', '5', '5', 'money']],
    ['\u00c9COLE na\u00efve \u2018quoted\u2019', ['ecole', 'naive', 'quoted']],
    ['\ufb01nance \uff26\uff35\uff2c\uff2c \u2460 don\u0301t', ['finance', 'full', '1', 'do', 'not']],
  ])('splits %j into words', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });
});

describe('SynonymRewriter', () => {
  const rewriter = new SynonymRewriter(
    new Map([
      ['shutdown', ['shut down', 'pulled the plug on', 'closed']],
      ['pay', ['money changed hands']],
      ['revenue', ['money']],
    ]),
  );

  it('rewrites phrases to their canonical word, longest phrase first', () => {
    expect(rewriter.rewrite(tokenize('why was sora shut down'))).toEqual(['why', 'was', 'sora', 'shutdown']);
    expect(rewriter.rewrite(tokenize('openai pulled the plug on sora'))).toEqual(['openai', 'shutdown', 'sora']);
    expect(rewriter.rewrite(tokenize('had money changed hands'))).toEqual(['had', 'pay']);
    expect(rewriter.rewrite(tokenize('how much money'))).toEqual(['how', 'much', 'revenue']);
  });

  it('leaves a phrase alone when only its start matches', () => {
    expect(rewriter.rewrite(tokenize('shut the door'))).toEqual(['shut', 'the', 'door']);
  });
});

describe('SpellCorrector', () => {
  const known = new Map([
    ['deal', 5],
    ['deep', 1],
    ['copilot', 4],
    ['internet', 3],
    ['disney', 6],
  ]);
  const english = WordFrequency.load();
  const corrector = new SpellCorrector(known, { isRealWord: (word) => english.isRealWord(word) });

  it.each([
    ['deel', 'deal'],
    ['copliot', 'copilot'],
    ['internat', 'internet'],
    ['disnye', 'disney'],
    ['dal', 'deal'],
  ])('corrects %s to %s', (typo, fixed) => {
    expect(corrector.correct(typo)).toBe(fixed);
  });

  it('leaves known words, short words, numbers and real English words alone', () => {
    expect(corrector.correct('deal')).toBeUndefined();
    expect(corrector.correct('de')).toBeUndefined();
    expect(corrector.correct('dee')).toBeUndefined(); // a real (if rare) English word
    expect(corrector.correct('1999')).toBeUndefined();
    expect(corrector.correct('deer')).toBeUndefined(); // a real word, one letter from "deep"
  });

  it('takes a rare misspelling inside the knowledge base for a typo of the frequent word', () => {
    const withTypo = new SpellCorrector(new Map([['seedance', 20], ['seedence', 1], ['clocking', 1], ['closing', 9]]), {
      isDeliberate: (word) => word === 'clocking',
    });
    expect(withTypo.correct('seedence')).toBe('seedance');
    expect(withTypo.knownTypo('seedence')).toBe('seedance');
    expect(withTypo.knownTypo('clocking')).toBeUndefined();
    expect(withTypo.knownTypo('seedance')).toBeUndefined();
  });

  it('does not guess between two equally near, equally common words', () => {
    const even = new SpellCorrector(new Map([['cost', 2], ['cast', 2]]));
    expect(even.correct('cest')).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('copliot', 'copilot', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('stops early beyond the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});

describe('WordFrequency', () => {
  const english = WordFrequency.load();
  it('rates common words low and names high', () => {
    expect(english.rarity('going')).toBeLessThan(0.3);
    expect(english.rarity('seedance')).toBe(1);
    expect(english.rarity('pasta')).toBeGreaterThan(english.rarity('story'));
  });
});
