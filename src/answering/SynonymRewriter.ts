import { tokenize } from './tokenize.js';

interface PhraseNode {
  canonical?: string;
  next: Map<string, PhraseNode>;
}

/**
 * Rewrites words and phrases to the canonical word of their synonym group, longest phrase first,
 * so "pulled the plug on" and "shut down" both become "shutdown" before matching.
 */
export class SynonymRewriter {
  private readonly root: PhraseNode = { next: new Map() };

  constructor(groups: ReadonlyMap<string, readonly string[]>) {
    for (const [canonical, variants] of groups) {
      for (const variant of [canonical, ...variants]) this.add(tokenize(variant), canonical);
    }
  }

  /** Every canonical word and variant token, for the spelling corrector's vocabulary. */
  words(): Set<string> {
    const out = new Set<string>();
    const walk = (node: PhraseNode): void => {
      for (const [word, child] of node.next) {
        out.add(word);
        walk(child);
      }
    };
    walk(this.root);
    return out;
  }

  rewrite(tokens: readonly string[]): string[] {
    const out: string[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: PhraseNode | undefined = this.root;
      let match: { canonical: string; end: number } | undefined;
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get(tokens[j] as string);
        if (node?.canonical !== undefined) match = { canonical: node.canonical, end: j + 1 };
      }
      if (match) {
        out.push(match.canonical);
        i = match.end;
      } else {
        out.push(tokens[i] as string);
        i++;
      }
    }
    return out;
  }

  private add(tokens: readonly string[], canonical: string): void {
    let node = this.root;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map() };
        node.next.set(token, child);
      }
      node = child;
    }
    node.canonical = canonical;
  }
}
