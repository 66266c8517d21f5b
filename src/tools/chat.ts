import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { connectToBot } from './localBot.js';

interface ChatActivity {
  readonly type: string;
  readonly text?: string;
  readonly name?: string;
  readonly suggestedActions?: { readonly actions: readonly ChatAction[] };
}

interface ChatAction {
  readonly type?: string;
  readonly title: string;
  readonly value?: unknown;
  readonly displayText?: string;
}

/**
 * npm run chat [-- --url http://127.0.0.1:3978]
 * A terminal chat with the bot, for trying it without any client. It starts the bot on a free local
 * port (or uses --url) and talks to it over its real endpoint. Type a number to press a button.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  const { url, stop } = await connectToBot(values.url);
  const conversation = { id: `terminal-${randomUUID()}` };
  const send = async (activity: Record<string, unknown>): Promise<ChatActivity[]> => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'terminal',
        serviceUrl: 'http://127.0.0.1:9/unused',
        deliveryMode: 'expectReplies',
        conversation,
        from: { id: 'terminal-user', role: 'user' },
        recipient: { id: 'bot', role: 'bot' },
        locale: 'en-US',
        ...activity,
      }),
    });
    if (!response.ok) return [{ type: 'message', text: `(HTTP ${response.status}: ${await response.text()})` }];
    return ((await response.json()) as { activities?: ChatActivity[] }).activities ?? [];
  };

  let buttons: ChatAction[] = [];
  const show = (activities: readonly ChatActivity[]): void => {
    buttons = [];
    for (const activity of activities) {
      if (activity.type === 'event' && activity.name === 'handoff.initiate') console.log('  [handoff requested: a person would take over here]');
      if (activity.type !== 'message') continue;
      console.log(`\nbot> ${(activity.text ?? '').replace(/\n/g, '\n     ')}`);
      for (const action of activity.suggestedActions?.actions ?? []) {
        buttons.push(action);
        console.log(`     [${buttons.length}] ${action.title}`);
      }
    }
    console.log('');
  };

  show(await send({ type: 'conversationUpdate', membersAdded: [{ id: 'terminal-user' }] }));
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
  rl.prompt();
  // Async iteration (not rl.question) so piped input is read line by line, not dropped.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '') {
      const picked = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
      if (picked) console.log(`you> ${picked.displayText ?? picked.title}`);
      show(await send({ type: 'message', id: randomUUID(), ...(picked ? tapped(picked) : { text: line }) }));
    }
    rl.prompt();
  }
  rl.close();
  await stop();
}

/** What a button sends: its words (imBack), or its data with no text (messageBack: feedback). */
function tapped(action: ChatAction): Record<string, unknown> {
  if (action.type === 'messageBack') return { value: action.value };
  return { text: typeof action.value === 'string' ? action.value : action.title };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
