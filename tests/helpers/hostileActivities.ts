import fc from 'fast-check';

/**
 * fast-check arbitraries for what a hostile or broken client may send to /api/messages and the
 * local Direct Line: malformed JSON, wrong types, huge and odd-unicode strings, deep nesting,
 * missing fields, hostile serviceUrls, attachments and entities of the wrong shape, Teams-like
 * channelData. Each also says how big it may get, so a run stays bounded in memory and time.
 */

export interface HostileRequest {
  readonly body: string;
  readonly contentType: string;
}

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\uD800', 'a\u202Eb', '<at>Sora</at>', '<script>alert(1)</script>', '{{config}}', '%s%n', '../../etc/passwd', 'Sora '.repeat(2000)),
  // the answering core's own vocabulary, so some messages go deep into matching and the dialogs
  fc.constantFrom('why did sora close', 'menu', 'give me a tour', 'talk to a human', 'next', 'stop', 'the second one', 'and chatgpt?'),
);

/** Nesting far deeper than any real payload: a recursive reader or a naive clone would overflow. */
const deepNesting = fc.integer({ min: 100, max: 20_000 }).chain((depth) => fc.constantFrom('['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }), fc.array(fc.integer(), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 5 }));

/** serviceUrls a forged activity may carry. With authentication off the bot would post replies there, so normal delivery only ever gets the local sink. */
const hostileServiceUrl = fc.oneof(
  fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/', 'http://user:pass@127.0.0.1:1/', 'http://[::1', 'http://', '//evil', 'http://169.254.169.254/latest/meta-data/', ''),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  wrongType,
);

const activityType = fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'installationUpdate', 'endOfConversation', 'messageUpdate', 'messageDelete', 'trace', 'handoff', 'unknownType', '');
const invokeName = fc.constantFrom('adaptiveCard/action', 'task/fetch', 'task/submit', 'composeExtension/query', 'actionableMessage/executeAction', 'fileConsent/invoke', 'healthCheck', 'handoff/action', 'some/unknown', 'signin/verifyState', 'config/fetch');

const account = fc.oneof(fc.record({ id: fc.string({ maxLength: 40 }), name: oddText }, { requiredKeys: [] }), wrongType);

const teamsChannelData = fc.oneof(
  fc.record(
    {
      tenant: fc.oneof(fc.record({ id: fc.uuid() }), wrongType),
      team: fc.oneof(fc.record({ id: fc.string({ maxLength: 30 }), name: oddText }, { requiredKeys: [] }), wrongType),
      channel: fc.oneof(fc.record({ id: fc.string({ maxLength: 30 }) }), wrongType),
      eventType: fc.oneof(fc.constantFrom('teamMemberAdded', 'teamRenamed', 'channelCreated', 'teamDeleted', 'teamArchived'), wrongType),
      settings: fc.anything({ maxDepth: 2 }),
      clientActivityID: fc.oneof(fc.string({ maxLength: 40 }), wrongType),
    },
    { requiredKeys: [] },
  ),
  wrongType,
);

const attachment = fc.oneof(
  fc.record({ contentType: fc.oneof(fc.constantFrom('text/html', 'application/vnd.microsoft.card.adaptive', 'image/png', 'application/vnd.microsoft.teams.file.download.info'), wrongType), content: fc.anything({ maxDepth: 3 }), contentUrl: fc.oneof(fc.webUrl(), wrongType), name: oddText }, { requiredKeys: [] }),
  wrongType,
);

const entity = fc.oneof(fc.record({ type: fc.oneof(fc.constantFrom('mention', 'clientInfo', 'https://schema.org/Message'), wrongType), mentioned: account, text: oddText }, { requiredKeys: [] }), wrongType);

/** Fields the bot reads; a hostile activity corrupts a few of them at a time, so most still get past the HTTP checks and into a turn. */
const FIELDS = ['type', 'id', 'name', 'channelId', 'conversation', 'from', 'recipient', 'text', 'locale', 'replyToId', 'membersAdded', 'membersRemoved', 'attachments', 'entities', 'channelData', 'timestamp', 'value', 'suggestedActions'] as const;

/** Plausible values, each of an odd kind: strange text, objects of the wrong shape inside arrays the schema accepts, Teams-like channelData. */
function plausibleActivity(): fc.Arbitrary<Record<string, unknown>> {
  const objectish = fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 });
  return fc.record(
    {
      type: activityType,
      id: fc.uuid(),
      name: fc.oneof(invokeName, oddText),
      channelId: fc.constantFrom('emulator', 'msteams', 'webchat', 'directline', 'slack'),
      conversation: fc.record({ id: fc.oneof(fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3'), fc.string({ minLength: 1, maxLength: 500 })), isGroup: fc.anything({ maxDepth: 1 }), conversationType: fc.constantFrom('personal', 'groupChat', 'channel', 42), tenantId: fc.uuid() }, { requiredKeys: ['id'] }),
      from: fc.record({ id: fc.string({ maxLength: 40 }), name: oddText, role: fc.constantFrom('user', 'bot', 'x') }, { requiredKeys: ['id'] }),
      recipient: fc.record({ id: fc.string({ maxLength: 40 }), name: oddText }, { requiredKeys: ['id'] }),
      text: oddText,
      textFormat: fc.constantFrom('plain', 'markdown', 'xml', 'nonsense'),
      locale: fc.constantFrom('en-US', 'de-DE', 'zz', ''),
      value: fc.anything({ maxDepth: 4 }),
      replyToId: fc.string({ maxLength: 500 }),
      membersAdded: fc.array(fc.record({ id: fc.string({ maxLength: 40 }), name: oddText }, { requiredKeys: ['id'] }), { maxLength: 5 }),
      membersRemoved: fc.array(fc.record({ id: fc.string({ maxLength: 40 }) }), { maxLength: 5 }),
      // the schema takes any objects here: wrong inner types are the interesting part
      attachments: fc.array(fc.oneof(attachment.filter((a) => typeof a === 'object' && a !== null && !Array.isArray(a)), objectish), { maxLength: 5 }),
      entities: fc.array(fc.oneof(entity.filter((e) => typeof e === 'object' && e !== null && !Array.isArray(e)), objectish), { maxLength: 5 }),
      channelData: teamsChannelData,
      timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('not a date', '9999-99-99')),
      localTimestamp: fc.constantFrom('2026-01-01T10:00:00+02:00', 'yesterday'),
      expiration: fc.constantFrom('2000-01-01T00:00:00Z', 'never'),
      suggestedActions: fc.anything({ maxDepth: 3 }),
    },
    { requiredKeys: ['type', 'channelId', 'conversation'] },
  );
}

/**
 * An activity-shaped object: plausible, with none, one or a few fields replaced by a value of the
 * wrong type or removed. `serviceUrl` is the local sink unless the activity asks for
 * expectReplies, which needs no outbound call at all.
 */
export function hostileActivity(sinkUrl: string): fc.Arbitrary<Record<string, unknown>> {
  const corruption = fc.subarray([...FIELDS], { maxLength: 3 }).chain((keys) => fc.tuple(fc.constant(keys), fc.array(fc.option(wrongType, { nil: undefined }), { minLength: keys.length, maxLength: keys.length })));
  const corrupted = fc.tuple(plausibleActivity(), fc.oneof(fc.constant<[string[], unknown[]]>([[], []]), corruption)).map(([fields, [keys, values]]) => {
    const activity: Record<string, unknown> = { ...fields };
    keys.forEach((key, i) => {
      activity[key] = values[i];
    });
    return activity;
  });
  return corrupted.chain((fields) =>
    fc.oneof(
      fc.constant({ ...fields, serviceUrl: sinkUrl, deliveryMode: 'expectReplies' }),
      fc.constant({ ...fields, serviceUrl: sinkUrl }),
      hostileServiceUrl.map((serviceUrl) => ({ ...fields, serviceUrl, deliveryMode: 'expectReplies' })),
      fc.constantFrom('normal', 'expectReplies', 'ephemeral', 42).map((deliveryMode) => ({ ...fields, serviceUrl: sinkUrl, deliveryMode })),
    ),
  );
}

/** A whole request body: an activity, malformed or truncated JSON, other JSON, deep nesting, or more bytes than allowed. */
export function hostileRequest(sinkUrl: string, maxBodyBytes: number): fc.Arbitrary<HostileRequest> {
  const json = 'application/json';
  return fc.oneof(
    { weight: 10, arbitrary: hostileActivity(sinkUrl).map((activity) => ({ body: JSON.stringify(activity), contentType: json })) },
    { weight: 2, arbitrary: hostileActivity(sinkUrl).chain((activity) => fc.nat().map((cut) => ({ body: JSON.stringify(activity).slice(0, cut % 200), contentType: json }))) },
    // prototype pollution: a naive merge of the body into an object would change every object
    { weight: 1, arbitrary: hostileActivity(sinkUrl).map((activity) => ({ body: JSON.stringify(activity).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'), contentType: json })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ body: JSON.stringify(value) ?? 'null', contentType: json })) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((body) => ({ body, contentType: json })) },
    { weight: 1, arbitrary: deepNesting.map((body) => ({ body, contentType: json })) },
    { weight: 1, arbitrary: fc.integer({ min: maxBodyBytes + 1, max: maxBodyBytes * 3 }).map((size) => ({ body: `{"type":"message","text":"${'x'.repeat(size)}"}`, contentType: json })) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/vnd.api+json', '').map((contentType) => ({ body: '{"type":"message"}', contentType })) },
  );
}
