/**
 * Page furniture that Readability keeps because it stands inside the article's own container:
 * advertisement labels, "Read more:" and "Related:" links to other stories, subscription and
 * newsletter prompts, share buttons, photo credits and copyright lines. Each is a short block of a
 * recognisable shape; a block longer than `MAX_FURNITURE` characters is always the article's.
 */

/** The longest block taken for furniture: real paragraphs that begin like one go on longer. */
const MAX_FURNITURE = 160

const SHAPES: RegExp[] = [
  // Advertisement labels and the notes around them.
  /^(?:advertisement|sponsored content|skip advertisement|(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?|continue reading(?: the main story| below)?)\W*$/i,
  // A label, a colon and a link to another story: "Read more: …", "Related: …", "Watch: …".
  /^(?:read more|read also|also read|more reading|see also|related(?: stories| coverage| articles?)?|more on this(?: story)?|recommended|most read|trending|watch|listen)\s*[:|]/i,
  // Subscription and newsletter prompts: "Subscribe to continue reading", "Sign up for our
  // newsletter", "Already a subscriber?" — not "Sign up was free for the first year".
  /^(?:subscribe|sign up)(?: now| today| here)?(?:\W*$| (?:for|to) (?:our|the|a|an|continue|get|read|keep|unlock|receive|access)\b)/i,
  /^(?:already a (?:subscriber|member)|become a (?:member|subscriber)|support (?:our|independent) journalism)\b/i,
  // Copyright lines: "© 2025 Example Daily", "Copyright 2025 …", "… All rights reserved."
  /^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4}\b)|\ball rights reserved\W*$/i,
  // Share and print buttons as text.
  /^(?:share(?: this(?: article| story)?| on \w+)?|tweet|email|print|comments?|save|copy link)$/i,
  // Photo and video credits: "Photo: Jane Doe/Reuters".
  /^(?:photo(?:graph)?|image|picture|video|caption)s?(?: credit)?\s*[:|]/i,
  // "Follow us on X", "Follow Jane Doe on Bluesky" (a name, in capitals: not "Follow the money").
  /^[Ff]ollow (?:us|\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,4}) on (?:Twitter|X|Facebook|Instagram|TikTok|Threads|Bluesky|LinkedIn|YouTube)\b/u,
]

/** Whether a block of the main text is page furniture rather than the article's words. */
export function isPageFurniture(block: string): boolean {
  return block.length <= MAX_FURNITURE && SHAPES.some((shape) => shape.test(block))
}
