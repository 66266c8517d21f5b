import { describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_VERSION, MAX_ACTIONS_PER_ROW, toAdaptiveCard, type AdaptiveCard } from '../../src/teams/adaptiveCard.js';
import type { ReplyModel } from '../../dialogs/replies.js';
import { MESSAGES } from '../../src/messages.js';
import { parseAsAdaptiveCard15 } from './officialCardParser.js';

const DISNEY = { sectionId: 'disney-deal', sectionHeading: 'Behind the scenes of the deal with Disney' };
const SHUTDOWN = { sectionId: 'why-shut-down', sectionHeading: 'Why OpenAI shut Sora down' };

const fullReply: ReplyModel = {
  text: 'Disney let Sora use **over 200 characters**, from Mickey Mouse to Marvel heroes.',
  citations: [
    { quote: 'The agreement covered more than 200 characters.', ...DISNEY },
    { quote: 'Mickey Mouse and the Marvel heroes were among them.', ...DISNEY },
    { quote: 'The app cost far more to run than it earned.', ...SHUTDOWN },
  ],
  prompt: MESSAGES.relatedPrompt,
  buttons: ['Why did the Disney deal end?', 'How much did Sora make?', MESSAGES.handoffButton],
};

function cardOf(reply: ReplyModel): AdaptiveCard {
  const attachment = toAdaptiveCard(reply);
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment.content as AdaptiveCard;
}

/** Every element of the body, containers opened, in reading order. */
function elements(card: AdaptiveCard): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (items: readonly unknown[]): void => {
    for (const item of items as Record<string, unknown>[]) {
      out.push(item);
      if (Array.isArray(item.items)) walk(item.items);
    }
  };
  walk(card.body);
  return out;
}

/** The text the user reads, in order: TextBlocks and TextRuns. */
function readingOrder(card: AdaptiveCard): string[] {
  return elements(card).flatMap((element) => {
    if (element.type === 'TextBlock') return [element.text as string];
    if (element.type === 'RichTextBlock') return (element.inlines as { text: string }[]).map((run) => run.text);
    if (element.type === 'ActionSet') return (element.actions as { title: string }[]).map((action) => `[${action.title}]`);
    return [];
  });
}

describe('the Teams answer card, checked by the official Adaptive Cards SDK', () => {
  it('is a version 1.5 card that the SDK parses for 1.5 without a warning and writes back unchanged', () => {
    const card = cardOf(fullReply);
    expect(card.version).toBe(ADAPTIVE_CARD_VERSION);
    expect(ADAPTIVE_CARD_VERSION).toBe('1.5');
    const { problems, roundTrip } = parseAsAdaptiveCard15(card);
    expect(problems).toEqual([]);
    expect(roundTrip).toEqual(card);
  });

  it('stays valid with many quotes and more buttons than fit in one row', () => {
    const buttons = Array.from({ length: 13 }, (_, i) => `Question number ${i + 1}?`);
    const citations = Array.from({ length: 5 }, (_, i) => ({ quote: `Sentence ${i}.`, ...(i % 2 === 0 ? DISNEY : SHUTDOWN) }));
    const card = cardOf({ ...fullReply, citations, buttons });
    const { problems, roundTrip } = parseAsAdaptiveCard15(card);
    expect(problems).toEqual([]);
    expect(roundTrip).toEqual(card);
  });

  it('has a checker that does catch what 1.5 does not define (so the two tests above can fail)', () => {
    const card = cardOf(fullReply);
    const unknownProperty = { ...card, body: [{ ...card.body[0], italic: true }, ...card.body.slice(1)] };
    expect(parseAsAdaptiveCard15(unknownProperty).roundTrip).not.toEqual(unknownProperty);
    const newerElement = { ...card, body: [...card.body, { type: 'Icon', name: 'Calendar' }] };
    expect(parseAsAdaptiveCard15(newerElement).problems.join('\n')).toMatch(/Unknown element type "Icon"/);
    const sevenInARow = { ...card, actions: Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `b${i}` })) };
    expect(parseAsAdaptiveCard15(sevenInARow).problems.join('\n')).toMatch(/Maximum number of actions exceeded/);
  });
});

describe('what the card shows', () => {
  it('reads: answer, the source label, each quote, its section, the prompt', () => {
    expect(readingOrder(cardOf(fullReply))).toEqual([
      fullReply.text,
      MESSAGES.sourceLabel,
      '“The agreement covered more than 200 characters.”',
      '“Mickey Mouse and the Marvel heroes were among them.”',
      DISNEY.sectionHeading,
      '“The app cost far more to run than it earned.”',
      SHUTDOWN.sectionHeading,
      MESSAGES.relatedPrompt,
    ]);
  });

  it('keeps the answer as markdown in a wrapping TextBlock, where Teams renders bold and lists', () => {
    expect(cardOf(fullReply).body[0]).toEqual({ type: 'TextBlock', text: fullReply.text, wrap: true });
  });

  it('sets the sources apart in an emphasis container, quotes in italics and headings subtle', () => {
    const container = cardOf(fullReply).body[1] as unknown as { type: string; style: string; items: { inlines?: Record<string, unknown>[] }[] };
    expect(container).toMatchObject({ type: 'Container', style: 'emphasis' });
    const runs = container.items.flatMap((item) => item.inlines ?? []);
    expect(runs.filter((run) => run.italic === true).map((run) => run.text)).toHaveLength(3);
    expect(runs.filter((run) => run.isSubtle === true).map((run) => run.text)).toEqual([DISNEY.sectionHeading, SHUTDOWN.sectionHeading]);
  });

  it('shows a quote with * and _ as written: article text goes in TextRuns, which are never read as markdown', () => {
    const quote = 'Revenue was *only* $1.4 million_ (see snake_case_name) and 2 * 3 = 6.';
    const card = cardOf({ text: 'Answer.', citations: [{ quote, ...SHUTDOWN }], buttons: [] });
    const quoteElement = elements(card).find((element) => element.type !== 'Container' && JSON.stringify(element).includes('snake_case_name'));
    expect(quoteElement).toEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `“${quote}”`, italic: true }] });
  });

  it('shows the prompt literally too, and leaves out a blank one', () => {
    const withStars = cardOf({ text: 'A.', prompt: 'Ask about *anything*:', buttons: ['B?'] });
    expect(elements(withStars).at(-1)).toEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Ask about *anything*:' }] });
    expect(cardOf({ text: 'A.', prompt: '  ', buttons: [] }).body).toHaveLength(1);
  });

  it('has only the answer when there are no citations, prompt or buttons', () => {
    const card = cardOf({ text: 'Hello!', buttons: [] });
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Hello!', wrap: true }]);
    expect(card).not.toHaveProperty('actions');
  });
});

describe('the follow-up buttons', () => {
  it('post their label back into the chat as if typed (Teams imBack through Action.Submit), in order', () => {
    expect(cardOf(fullReply).actions).toEqual(
      fullReply.buttons.map((label) => ({ type: 'Action.Submit', title: label, data: { msteams: { type: 'imBack', value: label } } })),
    );
  });

  it(`stay card actions up to ${MAX_ACTIONS_PER_ROW}, the most Teams shows in one row`, () => {
    const buttons = Array.from({ length: MAX_ACTIONS_PER_ROW }, (_, i) => `Q${i}?`);
    const card = cardOf({ text: 'A.', buttons });
    expect(card.actions?.map((action) => action.title)).toEqual(buttons);
    expect(elements(card).some((element) => element.type === 'ActionSet')).toBe(false);
  });

  it('move into rows of at most six at the end of the body when there are more, none lost, order kept', () => {
    const buttons = Array.from({ length: 8 }, (_, i) => `Q${i}?`);
    const card = cardOf({ text: 'A.', prompt: 'Try:', buttons });
    expect(card).not.toHaveProperty('actions');
    expect(readingOrder(card)).toEqual(['A.', 'Try:', ...buttons.map((b) => `[${b}]`)]);
    const rows = card.body.filter((element) => element.type === 'ActionSet') as { readonly actions: readonly unknown[] }[];
    expect(rows.map((row) => row.actions.length)).toEqual([6, 2]);
  });
});
