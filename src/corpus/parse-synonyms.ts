import type { CorpusProblem } from '../model/record.ts';

/** Names that stand for one thing, as an editor wrote them: ["DPRK", "North Korea"]. */
export type SynonymSet = string[];

export interface SynonymsOutcome {
  sets: SynonymSet[];
  problems: CorpusProblem[];
}

/** The editors' synonyms file: any file named `synonyms.txt` in a corpus folder. */
export const SYNONYMS_FILE = /^synonyms\.txt$/i;

/**
 * One line per thing, its names separated by `=` (`Kaesong = Gaeseong = 개성`); `#` starts a
 * comment, blank lines are skipped. A line with fewer than two names is a problem; the rest loads.
 */
export function parseSynonyms(text: string, file: string): SynonymsOutcome {
  const sets: SynonymSet[] = [];
  const problems: CorpusProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (line === '') return;
      const names = [
        ...new Set(
          line
            .split('=')
            .map((name) => name.replace(/\s+/g, ' ').trim())
            .filter((name) => name !== ''),
        ),
      ];
      if (names.length < 2) problems.push({ file, line: i + 1, reason: 'a synonyms line needs two names or more, separated by =' });
      else sets.push(names);
    });
  return { sets, problems };
}
