/**
 * Every sentence the bot says that does not come from the knowledge files, in one place so it
 * can be reviewed, tested and translated. Functions take the parts that vary.
 */
export const MESSAGES = Object.freeze({
  welcome:
    "Hi! I answer questions about the article \"Sora's Closure\": why OpenAI shut down its Sora video app, " +
    "the ended Disney deal, where OpenAI is heading, the competition, and the article's Copilot FAQ. " +
    'I only answer from the article and show where each answer comes from. Take a guided tour, or try one of these questions:',
  sourceLabel: 'From the article',
  sections: (headings: readonly string[]): string => {
    const quoted = headings.map((h) => `"${h}"`);
    if (quoted.length <= 1) return `section ${quoted[0] ?? ''}`;
    return `sections ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
  },
  relatedPrompt: 'You could also ask:',
  clarify: 'Did you mean one of these?',
  fallback:
    "Sorry, the article doesn't cover that, so I can't answer it. I only answer from the article \"Sora's Closure\". " +
    'Here is what I can tell you about:',
  notCovered: (subject: string): string =>
    `The article doesn't say ${subject}, so I can't answer that. Here is what it does cover nearby:`,
  declined: "All right. I couldn't find it in the article. Would you like to ask a person?",
  empty: 'Send me a question about the article and I will answer it from the text.',
  tooLong: (max: number): string => `That message is too long for me (over ${max} characters). Please ask one short question.`,
  handoff:
    "I'll connect you with a person from our support team. They will see this conversation, so you don't need to repeat yourself. " +
    'Someone will reply here as soon as possible; meanwhile you can keep asking me about the article, or say "cancel" to withdraw the request.',
  handoffButton: 'Talk to a person',
  /** Said before the ticket for two unanswered questions in a row is opened. */
  handoffAfterFallbacks:
    "Since I couldn't answer that from the article twice in a row, I'll pass your question to a person from our support team. " +
    'They will see this conversation and reply here; meanwhile you can keep asking me, or say "cancel" to withdraw the request.',
  /** Said before the ticket for a "Did you mean" none of whose options fitted is opened. */
  handoffAfterDeclined:
    "All right. I couldn't find it in the article, so I'll pass your question to a person from our support team. " +
    'They will see this conversation and reply here; meanwhile you can keep asking me, or say "cancel" to withdraw the request.',
  handoffWithdrawn: "OK, I've cancelled your request for a person. Ask me anything about the article.",
  /** The support desk's lines: to the user (agentJoined, agentSays) and in the support channel's ticket thread. */
  desk: Object.freeze({
    agentJoined: (agent: string): string => `${agent} from our support team has joined and will answer you here.`,
    agentSays: (agent: string, text: string): string => `**${agent} (support):** ${text}`,
    userSays: (text: string): string => `**Customer:** ${text}`,
    /** The bot's answer to a customer still waiting, shortened: the agent needs the gist. */
    botSays: (text: string): string => `**Bot:** ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`,
    claimed: (agent: string): string => `${agent} claimed this ticket. What you write in this thread now reaches the customer; **Resolve** ends it.`,
    resolved: (agent: string): string => `${agent} resolved this ticket. The customer is back with the bot.`,
    withdrawn: 'The customer cancelled the request before anyone claimed it.',
    alreadyClaimed: (agent: string): string => `This ticket is already claimed by ${agent}.`,
    notClaimed: 'Claim the ticket first (the **Claim** button or type "claim"), so the customer knows who is answering.',
    claimedByOther: (agent: string): string => `Only ${agent}, who claimed this ticket, can write to the customer.`,
    alreadyResolved: 'This ticket is already resolved; the customer is back with the bot.',
    notFound: 'I could not find that ticket.',
  }),
  /** Replies to an agent's "@bot ask: <customer question>" in Teams. */
  agentAsk: Object.freeze({
    usage: 'Write "ask:" and then the customer\'s question, e.g. "ask: did Disney pay anything?", and I\'ll give you the answer from the article with its source, ready to paste.',
    answerFor: (question: string): string => `Answer from the article to "${question}", ready to paste:`,
    ambiguous: (question: string, options: readonly string[]): string =>
      `"${question}" could mean several things in the article. Ask again with one of these:\n\n${options.map((o) => `- ${o}`).join('\n')}`,
    notCovered: (question: string, closest: readonly string[]): string =>
      `The article doesn't answer "${question}", so there is nothing from it to paste.` +
      (closest.length > 0 ? ` Closest questions it does answer:\n\n${closest.map((o) => `- ${o}`).join('\n')}` : ''),
  }),
  handoffStatus: Object.freeze({
    accepted: 'A person from our support team has joined and will answer you here.',
    failed: "Sorry, I couldn't reach a person right now. You can keep asking me about the article, or try again later.",
    completed: "The support conversation has ended. I'm here again for any question about the article.",
  }),
  nonText: 'I can only read text messages. Please type your question about the article.',
  topicsMenu:
    'I can walk you through parts of the article step by step, or answer your own question. ' +
    'Pick a guided tour or one of these questions:',
  backToTopics: 'Back to topics',
  continueTour: 'Continue the tour',
  tourStart: (title: string): string => `**${title}**: a short guided tour through the article. You can ask your own questions at any point.`,
  tourPaused: (title: string): string => `(The tour "${title}" is paused: tap "Continue the tour" to pick it up where we were.)`,
  tourResume: (title: string, step: string): string => `Back to the tour "${title}", where we were: ${step}.`,
  tourHelp: (title: string, position: number, total: number, step: string): string =>
    `You're on the guided tour "${title}" (step ${position} of ${total}: ${step}). Tap a button or type its words, ` +
    'ask any question about the article, say "menu" for the topics, "start over" to restart this tour, or "stop" to leave it.',
  tourStopped: "OK, I've stopped the tour. Ask me anything about the article, or pick a topic:",
  tourRestarted: (title: string): string => `Starting "${title}" again from the top.`,
  tourAgain: (title: string): string => `We're already on the tour "${title}". Here's where we were:`,
  error: 'Sorry, something went wrong on my side. Please try again in a moment.',
  storageDown: "Sorry, I can't reach my memory of our conversation right now. Please send your message again in a moment.",
  /** The learning loop's feedback on answers (dialogs/FeedbackTurn.ts). */
  feedback: Object.freeze({
    up: '👍 Helpful',
    down: '👎 Not helpful',
    thanks: 'Thanks for letting me know!',
    whatWasWrong: 'Sorry about that. What was wrong? One tap is enough, or ask for a person.',
    reasons: Object.freeze({
      'wrong-answer': 'Wrong answer',
      'not-what-i-asked': 'Not what I asked',
      'too-little-detail': 'Too little detail',
      'something-else': 'Something else was wrong',
    }),
    noted: "Thanks, I've noted that so the answers can be improved. You can ask again in other words, or ask me anything else about the article.",
  }),
});
