// Phrase patterns that short-form editors look for. Each has a label the reason text uses, so a
// score can always say which words triggered it. Matched on a sentence's lower-cased text.

export interface PatternHit {
  label: string;
  /** The words that matched, quoted in the reason. */
  phrase: string;
}

type Pattern = readonly [label: string, regex: RegExp];

const HOOK_PATTERNS: readonly Pattern[] = [
  ['contrarian claim', /\b(most people (think|believe|get)|everyone (thinks|says|believes)|nobody (tells|talks|knows)|the truth is|is a myth|(is|are) (dead|wrong|overrated)|you'?re (doing it )?wrong|stop (doing|trying|using)|unpopular opinion|hot take)\b/],
  ['strong opener', /^(here'?s (the|what|why|how)|imagine|listen|let me tell you|the (secret|biggest|best|worst|one|only|real) (thing|mistake|reason|secret|way|part)|what if|you need to|if you want|the reason (why )?|i (was|got) (fired|shocked|wrong))\b/],
  ['list or number', /\b((\d+|two|three|four|five|six|seven|eight|nine|ten) (ways|reasons|things|steps|tips|mistakes|rules|lessons|habits)|top (\d+|three|five|ten)|number one|first(ly)?,)\b/],
  ['bold promise', /\b(changed? (my|your) life|never (again|the same)|game.?changer|blew my mind|the only (thing|way)|guaranteed|in (just )?\d+ (days|minutes|seconds))\b/],
];

const PAYOFF_PATTERNS: readonly Pattern[] = [
  ['payoff', /\b(that'?s (why|how|the (key|secret|trick|lesson|point))|turns out|it turned out|the (result|lesson|answer|point|takeaway) (is|was)|which means|in the end|the bottom line)\b/],
];

const VALUE_PATTERNS: readonly Pattern[] = [
  ['advice', /\b(you should|you (have|need) to|the key (is|to)|the trick (is|to)|how to|make sure|try to|always|never|tip|my advice)\b/],
  ['explanation', /\b(because|the reason|which means|that means|in other words|for example|for instance|the problem (is|was)|the difference)\b/],
  ['lesson', /\b(i learned|lesson|the mistake|what (i|we) (found|learned|discovered)|research shows|studies show|data shows)\b/],
];

// Openings that lean on what came before: a clip starting here leaves the viewer without context.
const BACK_REFERENCES: readonly Pattern[] = [
  ['back reference', /^(and |but |so )?(that'?s (why|how|what|because|the reason)|that is (why|how)|this is (why|how)|which is (why|how)|because of (that|this)|as i (said|mentioned)|like i (said|mentioned)|after that|other than that|on top of that|besides that|that (was|one|part|thing)|those (were|are)|it was|the (second|third|other|next) (one|thing|reason|step))\b/],
  ['unnamed person', /^(and |but |so |then )?(he|she|they) (said|says|told|asked|was|were|did|had|went|got|is|are)\b/],
];

// A lone conjunction opener is milder: it sounds mid-thought but rarely hides a fact.
const DANGLING_OPENER = /^(and|but|so|or|because|which|also|plus)\b/;

function firstHits(text: string, patterns: readonly Pattern[]): PatternHit[] {
  const hits: PatternHit[] = [];
  for (const [label, regex] of patterns) {
    const match = regex.exec(text);
    if (match) hits.push({ label, phrase: match[0] });
  }
  return hits;
}

export const hookHits = (text: string) => firstHits(text, HOOK_PATTERNS);
export const payoffHits = (text: string) => firstHits(text, PAYOFF_PATTERNS);
export const valueHits = (text: string) => firstHits(text, VALUE_PATTERNS);
export const backReference = (text: string): PatternHit | null => firstHits(text, BACK_REFERENCES)[0] ?? null;
export const danglingOpener = (text: string): string | null => DANGLING_OPENER.exec(text)?.[0] ?? null;

const QUESTION_OPENER = /^(what|why|how|who|when|where|which|do|does|did|have|has|is|are|can|could|would|should|will|ever wonder)\b/;
/** A real question: ends with a question mark, or opens like one (transcripts often drop punctuation). */
export const isQuestion = (text: string) => text.trimEnd().endsWith('?') || (QUESTION_OPENER.test(text) && text.split(' ').length <= 16);
