/** English trigger and cue vocabulary; patterns, not sentences. */
export const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
export const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)';

export const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  a: 1,
  an: 1,
};

export const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};

/** Meeting nouns and their canonical form. */
export const MEETING =
  '(summit|meeting|session|conference|forum|congress|visit|talks|consultations?|assembly|round|games|expo|festival|exhibition|olympiad|cop\\d*)';

/** Verbs that open a coordinated sub-clause of a declaration ("… and agree to …"). */
export const CLAUSE_VERBS =
  'welcome|note|take note|reaffirm|emphasi[sz]e|stress|underline|highlight|agree|decide|resolve|instruct|task|entrust|call|urge|invite|support|express|appreciate|encourage|promote|condemn|wish|recogni[sz]e|consider|request|commit|declare|reiterate|propose|thank|congratulate|acknowledge|confirm|underscore|endorse|adopt|approve';

/** Cues that make a mandate or pledge in the same sub-clause a non-item. */
export const NEGATIVE =
  /\b(?:welcom\w*|not(?:e|es|ed|ing)\b|take note|reaffirm\w*|emphasi[sz]\w*|stress\w*|underlin\w*|highlight\w*|appreciat\w*|congratulat\w*|thank\w*|acknowledg\w*|recogni[sz]\w*|propos\w*|suggest\w*|recall\w*|call(?:s|ed)? (?:on|upon|for)|urg\w*|invit\w*|encourag\w*|support\w*|consider\w*|forecast\w*|expect\w*|might|could|would)\b/i;

/** Words that make a plural meeting noun a recurring practice rather than one announced event. */
export const RECURRING =
  /\b(?:once a year|annual(?:ly)?|regular(?:ly)?|every (?:year|two years)|periodic(?:ally)?)\b/i;

export const VAGUE =
  /\b(?:shortly|soon|in the near(?:est)? future|in the coming (?:years|months|period)|at an early date|in due course|as soon as possible|in the (?:medium|long)[- ]term|in the future)\b/i;
