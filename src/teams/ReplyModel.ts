// A copy of the rendering boundary the lead is building on main (src/bot/ with botbuilder-dialogs).
// Kept word for word so the Teams building blocks compile against it today; when the branches are
// merged, imports move to the real module and this file goes away.

export interface Citation { readonly quote: string; readonly sectionId: string; readonly sectionHeading: string; }
export interface ReplyModel {
  readonly text: string;                       // markdown-ish answer text
  readonly citations?: readonly Citation[] | undefined;  // the article sentences it rests on
  readonly prompt?: string | undefined;         // a line after the sources, before the buttons
  readonly buttons: readonly string[];          // button labels; tapping posts the label back as if typed (imBack)
}
