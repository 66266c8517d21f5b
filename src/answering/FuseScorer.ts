import Fuse from 'fuse.js';

/**
 * fuse.js similarity `1 - score` of a pattern to a text, 0 when fuse.js reports no match: exactly
 * what `Fuse.match(pattern, text, { ignoreLocation: true, threshold, isCaseSensitive: true })` gives,
 * for thresholds below 1. `Fuse.match` builds a new searcher (options
 * merged with fuse.js's defaults, the pattern cut into chunks, a pattern alphabet per chunk) on every
 * call; a message's pattern is compared with the questions of several entries, so the searcher is
 * built once per pattern instead. fuse.js has no public way to keep a searcher; `_getSearcher` is
 * how a Fuse instance keeps its own (it builds it as `Fuse.match` does, from the same merged
 * options), and fuse.js is pinned. tests/answering/FuseScorer.test.ts holds the two equal.
 */
export class FuseScorer {
  // an empty collection: only the searcher is used, never the index
  private readonly fuse: Fuse<string>;

  constructor(threshold: number) {
    // findAllMatches only stops fuse.js's Bitap from also scanning pattern-length positions past the
    // end of the text. With ignoreLocation nothing can match there (that would take as many errors
    // as the pattern has characters, above any threshold below 1), and the state it carries into the
    // text is the one fuse.js starts from anyway: the same scores, for about half the work.
    this.fuse = new Fuse<string>([], { ignoreLocation: true, threshold, isCaseSensitive: true, findAllMatches: true });
  }

  similarity(pattern: string, text: string): number {
    // the Fuse instance remembers the searcher of the last pattern it was asked for
    const result = this.fuse._getSearcher(pattern).searchIn(text);
    return result.isMatch ? 1 - (result.score ?? 1) : 0;
  }
}
