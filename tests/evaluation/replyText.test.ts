import { describe, expect, it } from 'vitest';
import { normalizeForMatch, replyText } from '../../src/evaluation/replyText.js';

describe('reply text as the evaluation contract reads it', () => {
  it('joins message text, card text and suggested actions, and skips traces', () => {
    const text = replyText([
      { type: 'message', text: 'Answer.', suggestedActions: { actions: [{ title: 'Next?', value: 'Next?' }] } },
      { type: 'message', attachments: [{ content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'In the card' }] } }] },
      { type: 'trace', text: 'hidden' },
    ]);
    expect(text.split('\n')).toEqual(['Answer.', 'Next?', 'Next?', 'In the card']);
  });

  it('folds case, whitespace and curly quotes', () => {
    expect(normalizeForMatch('  \u201CSummarize  Report\u201D  it\u2019s ')).toBe('"summarize report" it\'s');
  });
});
