import { BoundedCache } from './BoundedCache.js';

/**
 * Surface tokens of a message: lower-case words and numbers, with the noise of chat typing removed.
 * The same function tokenizes knowledge files and user messages, so both sides always agree.
 */
export function tokenize(text: string): string[] {
  const words = fold(stripMarkup(text)).match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
  const tokens: string[] = [];
  for (const word of words) for (const token of wordTokens.get(word)) tokens.push(token);
  return tokens;
}

/** Lower case, accents, apostrophes, contractions and signs made plain; the steps a text cannot need are skipped. */
function fold(text: string): string {
  // accents: "café" and "cafe" are one word (plain ASCII has nothing to decompose)
  let folded = (/[\u0080-\uffff]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text).toLowerCase();
  folded = folded.replace(/[\u2018\u2019\u02bc`´]/g, "'");
  if (folded.includes("'")) {
    folded = folded
      .replace(/\bwon't\b/g, 'will not')
      .replace(/\bcan't\b/g, 'can not')
      .replace(/n't\b/g, ' not')
      // possessives and short verbs ("sora's", "what's", "they're") add nothing to the meaning here
      .replace(/'(?:s|re|ve|ll|d|m)\b/g, '');
  }
  // "Disney+" is a streaming service, not Disney: keep the plus as part of the name
  if (folded.includes('+')) folded = folded.replace(/([a-z0-9])\+/g, '$1plus');
  // a lone "$" asks about money ("disney $?"); "$1.4" is just a figure
  if (folded.includes('$')) folded = folded.replace(/\$(?!\s*\d)/g, ' money ');
  return folded;
}

/**
 * The tokens one word of the folded text stands for. A pure function of the word, so it is worked
 * out once per word: messages repeat the same few thousand words.
 */
const wordTokens = new BoundedCache<readonly string[]>((word) => {
  const plain = word.replace(/([a-z])\1{2,}/g, '$1'); // "heyyy", "sooo": typed emphasis, not a new word
  // Single letters carry nothing ("quick q - ..."), except chat shorthand such as "u" and "r".
  return (CHAT_SHORTHAND.get(plain) ?? plain).split(' ').filter((w) => w.length > 1 || /\d/.test(w));
});

/** Chat shorthand read as the words it stands for, before anything else looks at the text. */
const CHAT_SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['u', 'you'],
  ['r', 'are'],
  ['ur', 'your'],
  ['n', 'and'],
  ['pls', 'please'],
  ['plz', 'please'],
  ['thx', 'thanks'],
  ['thnx', 'thanks'],
  ['ty', 'thanks'],
  ['wat', 'what'],
  ['wht', 'what'],
  ['y', 'why'],
  ['dose', 'does'],
  ['alot', 'lot'],
  ['ppl', 'people'],
  ['evn', 'even'],
  ['tho', 'though'],
  ['thru', 'through'],
  ['msft', 'microsoft'],
  ['wut', 'what'],
  ['hw', 'how'],
  ['frm', 'from'],
  ['abt', 'about'],
  ['btw', 'between'],
  ['bc', 'because'],
  ['cuz', 'because'],
  ['coz', 'because'],
  ['im', 'i'],
  ['dont', 'do not'],
  ['doesnt', 'does not'],
  ['didnt', 'did not'],
  ['isnt', 'is not'],
  ['wasnt', 'was not'],
  ['arent', 'are not'],
  ['wont', 'will not'],
  ['cant', 'can not'],
]);

/**
 * Teams and some web clients send HTML ("<p>why did <b>Sora</b> close?</p>"); tags and the
 * contents of scripts and styles are not words of the question.
 */
function stripMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&(?:lt|gt|quot|#39|apos);/gi, ' ');
}
