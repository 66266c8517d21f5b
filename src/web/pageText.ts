/**
 * Every word the website chat shows besides the bot's own messages (those are in src/messages.ts
 * and the knowledge files): the page around Web Chat and the embed button. One place, so they can
 * be reviewed and translated; the server writes them into the page and the embed script.
 */
export const PAGE_TEXT = Object.freeze({
  documentTitle: 'Ask about "Sora\'s Closure"',
  kicker: 'Ask the article',
  title: "Sora's Closure",
  tagline: 'Why OpenAI shut down its Sora video app, the Disney deal, and what comes next.',
  sourcePromise: 'Answers come only from the article, each with the quote it rests on.',
  chatLabel: 'Chat about the article',
  placeholder: 'Ask a question about the article',
  connecting: 'Connecting to the chat…',
  unavailable: 'The chat is not available right now. Please try again later.',
  footer: 'The assistant answers from the article "Sora\'s Closure" only and says so when the article does not cover a question.',
  embedOpen: 'Ask about the article',
  embedClose: 'Close the chat',
  embedFrameTitle: 'Chat about the article "Sora\'s Closure"',
});

export type PageText = typeof PAGE_TEXT;
