/**
 * Function words and question fillers that say nothing about which fact is asked for.
 * Deliberately NOT here: "why" (picks the reasons entry), "much" (amounts), "not"/"without"
 * are dropped because "can it work without internet" and "does it need internet" ask the same.
 * Synonym rewriting runs before this list is applied, so phrases such as "go public" survive.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again all also am an and any anyone anything are as at be been before being
  both but by can could did do does doing done down during each either else even ever every for from
  further get gets getting got had has have having he her here hers him his how i if in into is it its
  itself just know let like me might more most my myself no nor not of off on once only or other our
  ours out over own please really same she should so some something such tell than that the their
  theirs them then there these they thing things this those through to too under until up upon us very
  was we were what whats when where whether which while who whom whose will with without would yes you
  your yours yourself actually anyway exactly kind sort maybe perhaps okay ok hey hi hello thanks
  explain describe give show wondering wonder want wanted curious interested quick question
  someone somebody anybody one ones lot lots many bit regarding go going goes gonna context
  currently right yeah like well stuff guess mean between remind again somewhere
  heard apparently supposedly true correct nutshell briefly`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make a short message lean on the previous answer ("and what about ChatGPT?"). */
export const FOLLOW_UP_MARKERS: ReadonlySet<string> = new Set([
  'it', 'its', 'they', 'them', 'their', 'that', 'this', 'those', 'these', 'he', 'she', 'him', 'her',
  'and', 'also', 'about', 'then', 'there',
]);

/** Messages that ask to go deeper into the last answer rather than name a new topic. */
export const MORE_REQUESTS: readonly string[] = [
  'more', 'tell me more', 'more please', 'tell me more please', 'and more', 'go on', 'continue', 'more details', 'details', 'and', 'and then',
  'what else', 'anything else', 'keep going', 'elaborate', 'expand', 'more info', 'say more',
];
