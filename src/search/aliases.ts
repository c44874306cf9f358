import { foldAccents, STOP_WORDS } from './text.ts';

/**
 * Sets of names for one thing, from the corpus ("World Health Organization (WHO)") and the editors'
 * synonyms file, as an index keeps them and a snapshot stores them. Names are lower-cased, accents
 * folded, words joined by one space, stop words kept ("organization of the petroleum exporting countries").
 */
export interface AliasData {
  sets: string[][];
  /**
   * Acronyms found in the corpus that stand for their set only when typed in capitals: "CAR" is the
   * Central African Republic, "car bomb" is not. Editors' names and acronyms with a digit (MH17) always do.
   */
  capitalsOnly: string[];
}

/** A query word as typed and as compared: "WHO" and "who". */
export interface QueryToken {
  typed: string;
  name: string;
}

const LONGEST_NAME = 8;

export class AliasTable {
  private readonly setOfName = new Map<string, number>();
  private readonly capitalsOnly: ReadonlySet<string>;

  constructor(readonly data: AliasData) {
    data.sets.forEach((names, i) => names.forEach((name) => this.setOfName.set(name, i)));
    this.capitalsOnly = new Set(data.capitalsOnly);
  }

  /** The longest name starting at token `at`, and its set's other names; null when none starts there. */
  match(tokens: readonly QueryToken[], at: number): { length: number; names: string[] } | null {
    for (let length = Math.min(LONGEST_NAME, tokens.length - at); length >= 1; length -= 1) {
      const words = tokens.slice(at, at + length);
      const name = words.map((token) => token.name).join(' ');
      const set = this.setOfName.get(name);
      if (set === undefined) continue;
      if (length === 1 && !this.standsForItsSet(words[0]!)) continue;
      return { length, names: this.data.sets[set]! };
    }
    return null;
  }

  private standsForItsSet({ typed, name }: QueryToken): boolean {
    const inCapitals = typed === typed.toUpperCase() && typed !== typed.toLowerCase();
    // A stop word ("who") is an acronym only in capitals, whatever its source.
    if (STOP_WORDS.has(name)) return inCapitals;
    return inCapitals || !this.capitalsOnly.has(name);
  }
}

/** A name as the table compares it: lower-case words, accents folded, one space between. */
function aliasName(text: string): string {
  return queryTokens(text)
    .map((token) => token.name)
    .join(' ');
}

/** The words of a query, keeping how they were typed. */
export function queryTokens(text: string): QueryToken[] {
  return text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word !== '')
    .map((typed) => ({ typed, name: foldAccents(typed.toLowerCase()) }));
}

/**
 * Merges sets sharing a name (editors' first, then mined pairs) into one set per thing. An acronym
 * mined from the corpus is capitals-only unless it has a digit or an editor also lists it.
 */
export function mergeAliases(
  editorSets: readonly (readonly string[])[],
  minedPairs: readonly [acronym: string, name: string][],
): AliasData {
  const parent = new Map<string, string>();
  const find = (name: string): string => {
    let root = name;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(name, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent.set(rootB, rootA);
  };
  const editorNames = new Set<string>();
  for (const set of editorSets) {
    const names = set.map(aliasName).filter((name) => name !== '');
    names.forEach((name) => editorNames.add(name));
    for (const name of names) union(names[0]!, name);
  }
  for (const [acronym, name] of minedPairs) union(aliasName(name), aliasName(acronym));
  const sets = new Map<string, string[]>();
  for (const name of parent.keys()) {
    const root = find(name);
    sets.set(root, [...(sets.get(root) ?? []), name]);
  }
  const capitalsOnly = minedPairs.map(([acronym]) => aliasName(acronym)).filter((name) => !/\d/.test(name) && !editorNames.has(name));
  return {
    sets: [...sets.values()].filter((names) => names.length > 1).map((names) => names.sort()),
    capitalsOnly: [...new Set(capitalsOnly)].sort(),
  };
}
