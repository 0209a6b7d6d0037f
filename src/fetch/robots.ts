/** robots.txt per RFC 9309: groups by user-agent, Allow/Disallow with `*` and `$`, longest match wins, Allow wins ties. */

export interface RobotsRule {
  allow: boolean;
  /** Pattern length, the precedence measure. */
  length: number;
  /** The normalised pattern split at each `*`: literal pieces, matched in order. */
  pieces: string[];
  /** The pattern ended in `$`: the last piece must end the path. */
  anchored: boolean;
}

export type RobotsRules = RobotsRule[];

interface Group {
  agents: string[];
  rules: RobotsRule[];
}

/** The token robots.txt groups are matched against: "Redline/0.1 (+https://…)" -> "redline". */
export function productToken(userAgent: string): string {
  return (/^[A-Za-z0-9_-]+/.exec(userAgent.trim())?.[0] ?? userAgent).toLowerCase();
}

/** The rules that apply to `userAgent`: its own group(s), else the `*` group(s), else none (allow all). */
export function parseRobots(text: string, userAgent: string): RobotsRules {
  const groups = parseGroups(text);
  // RFC 9309: the group naming our product token exactly (case-insensitively), all of them merged.
  const token = productToken(userAgent);
  const wanted = groups.some((g) => g.agents.includes(token)) ? token : '*';
  return groups.filter((g) => g.agents.includes(wanted)).flatMap((g) => g.rules);
}

function parseGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || !current) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase() || '*');
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current || (key !== 'allow' && key !== 'disallow')) continue;
    // An empty Disallow means "nothing is disallowed": no rule at all.
    if (value) current.rules.push(compileRule(key === 'allow', value));
  }
  return groups;
}

function compileRule(allow: boolean, pattern: string): RobotsRule {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  return { allow, length: pattern.length, pieces: body.split('*').map(normalizePath), anchored };
}

/**
 * Whether a rule matches a path, in time linear in their lengths (no regular expression, so no
 * backtracking: `/*a*a*a*a*a*a*a*a*a*a*b` is a hostile site's favourite). With `*` as the only
 * wildcard, placing each literal piece at its leftmost possible position is always safe: it leaves
 * the most room for the pieces after it. An anchored last piece must end the path.
 */
export function ruleMatches(rule: Pick<RobotsRule, 'pieces' | 'anchored'>, path: string): boolean {
  const { pieces, anchored } = rule;
  if (!path.startsWith(pieces[0])) return false;
  let pos = pieces[0].length;
  if (pieces.length === 1) return !anchored || pos === path.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const at = path.indexOf(pieces[i], pos);
    if (at < 0) return false;
    pos = at + pieces[i].length;
  }
  const last = pieces[pieces.length - 1];
  if (anchored) return path.length - last.length >= pos && path.endsWith(last);
  return path.indexOf(last, pos) >= 0;
}

/** Compare paths in one spelling: percent-escapes upper-cased, unreserved characters decoded. */
function normalizePath(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** Whether `pathAndQuery` (e.g. "/news/a?x=1") may be fetched under these rules. */
export function robotsAllows(rules: RobotsRules, pathAndQuery: string): boolean {
  const path = normalizePath(pathAndQuery);
  let winner: RobotsRule | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, path)) continue;
    if (!winner || rule.length > winner.length || (rule.length === winner.length && rule.allow)) winner = rule;
  }
  return winner?.allow ?? true;
}

/** /robots.txt itself is always allowed (RFC 9309 2.2.2). */
export const ROBOTS_PATH = '/robots.txt';
