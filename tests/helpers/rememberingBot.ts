import { ActivityHandler, TurnContext, type ConversationReference } from 'botbuilder';

/**
 * A bot that remembers where each conversation lives and echoes messages, standing in for what
 * the real bot will do later: a person from support answering after the turn is over.
 */
export class RememberingBot extends ActivityHandler {
  readonly references = new Map<string, Partial<ConversationReference>>();

  constructor() {
    super();
    this.onConversationUpdate(async (context, next) => {
      this.references.set(context.activity.conversation.id, TurnContext.getConversationReference(context.activity));
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}
