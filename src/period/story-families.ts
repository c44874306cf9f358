/**
 * Story labels that are parts of a bigger story present in the same period ("COVID-19 pandemic in
 * Asia" of "COVID-19 pandemic", "War in Afghanistan (2001–2021)" of "War in Afghanistan") belong to
 * its family: a reporter asking about 2021 means the pandemic, not six rows of it.
 */
export interface StoryFamilies {
  /** The family's label for a label (lower case in, lower case out). */
  rootOf(label: string): string;
}

/** Families over the labels present (lower case): a label's root is its shortest present word prefix. */
export function storyFamilies(labels: Iterable<string>): StoryFamilies {
  const present = new Set(labels);
  const roots = new Map<string, string>();
  for (const label of present) {
    const words = label.split(' ');
    let root = label;
    for (let k = 1; k < words.length; k += 1) {
      const prefix = words.slice(0, k).join(' ');
      if (present.has(prefix)) {
        root = prefix;
        break;
      }
    }
    roots.set(label, root);
  }
  return { rootOf: (label) => roots.get(label) ?? label };
}

/** Whether `label` is `root` or one of its parts ("covid-19 pandemic in asia" of "covid-19 pandemic"). */
export function isInFamily(label: string, root: string): boolean {
  return label === root || label.startsWith(`${root} `);
}
