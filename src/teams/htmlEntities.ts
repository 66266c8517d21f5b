/**
 * The HTML entities Teams leaves in a message's text: `&nbsp;` around mentions, and the escapes
 * of characters the user typed (`&amp;`, `&lt;`, `&gt;`, quotes), plus numeric references. A
 * full HTML decoder would be a dependency for five names; anything unknown is left as written.
 */
const NAMED: Readonly<Record<string, string>> = Object.freeze({
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      // U+00A0 (no-break space) reads as a space; invalid code points stay as written
      if (code === 0xa0) return ' ';
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}
