import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

/**
 * The official Adaptive Cards SDK (the renderer Web Chat and Outlook use) as a validator. No npm
 * package bundles the Adaptive Card JSON schema, but this SDK's object model is generated from
 * it: parsing a card for version 1.5 reports unknown elements, properties from newer versions and
 * invalid values, and writing it back drops every property it did not understand, so a card that
 * survives the round trip unchanged uses only what 1.5 defines. Its browser bundle is loaded
 * because the package's ES module build imports files without extensions, which Node refuses;
 * parsing needs no DOM (rendering would).
 */
const AdaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

export interface OfficialParse {
  /** parse warnings and validation errors, one sentence each; empty when the card is clean */
  readonly problems: readonly string[];
  /** the card as the SDK writes it back */
  readonly roundTrip: unknown;
}

/**
 * Parses and validates a card for Adaptive Cards 1.5 under Teams' limit of actions per row (6, as
 * in the Teams host config of the official Adaptive Cards designer; the SDK's own default is 5).
 */
export function parseAsAdaptiveCard15(card: unknown, maxActions = 6): OfficialParse {
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.hostConfig = new AdaptiveCards.HostConfig({ actions: { maxActions } });
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return { problems, roundTrip: parsed.toJSON(context) };
}
