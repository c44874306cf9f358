/**
 * WCEP's generic section names and the spelling variants found in 2002–2026, folded onto one
 * canonical name each. Any other section label is a story ("Syrian civil war") and becomes a context.
 */
const CANONICAL: Record<string, string[]> = {
  'Armed conflicts and attacks': [
    'armed attacks',
    'armed attacks and conflicts',
    'armed conflict',
    'armed conflict and attack',
    'armed conflict and attacks',
    'armed conflict and incidents',
    'armed conflicts',
    'armed conflicts and attack',
    'armed conflicts and attacks',
    'armed conflicts and incidents',
    'attacks and armed conflicts',
    'attacks and conflicts',
    'conflicts and attacks',
  ],
  'Arts and culture': [
    'art and culture',
    'art and literature',
    'arts and culture',
    'arts and cultures',
    'arts and cuture',
    'arts and entertainment',
    'arts, culture',
    'arts, culture and entertainment',
    'culture',
    'culture and media',
    'entertainment',
    'films',
    'movies',
    'music',
    'literature',
    'television',
  ],
  'Business and economy': [
    'business',
    'business and economic',
    'business and economics',
    'business and economies',
    'business and economy',
    'business and finance',
    'business and the economy',
    'businesses and economy',
    'economics',
    'economics and business',
    'economy and finance',
    'finance',
  ],
  'Disasters and accidents': [
    'accidents',
    'accidents and disasters',
    'disaster',
    'disaster and accidents',
    'disasters',
    'disasters and accident',
    'disasters and accidents',
    'disasters and impacts',
    'disasters and incidents',
    'natural disasters',
  ],
  'Health and environment': [
    'environment',
    'environment and health',
    'health',
    'health and environment',
    'health and medicine',
    'health and science',
    'health and wellness',
    'medicine',
  ],
  'International relations': ['international relation', 'international relations'],
  'Law and crime': [
    'crime',
    'crime and law',
    'law',
    'law and crime',
    'law and crimes',
    'law and justice',
    'law and order',
    'law enforcement and crime',
    'law, crime and accidents',
    'laws and crime',
    'laws and crimes',
    'legal and crime',
  ],
  'Politics and elections': [
    'elections and politics',
    'political elections',
    'politics',
    'politics and election',
    'politics and elections',
    'politics and government',
    'politics and protests',
  ],
  'Science and technology': [
    'innovation and technology',
    'science',
    'science and environment',
    'science and health',
    'science and medicine',
    'science and nature',
    'science and research',
    'science and technology',
    'science, medicine and technology',
    'technology',
    'technology and science',
  ],
  Sports: ['sport', 'sporting events', 'sports', 'sports and recreation'],
  Religion: ['religion', 'religion and diplomacy', 'religion and spirituality', 'religious affairs'],
  Media: ['mass media', 'media', 'media and people'],
  Transport: ['transport', 'transportation'],
  Education: ['education'],
  Weather: ['weather'],
  Deaths: ['deaths'],
};

/** Section names that say nothing: neither a category nor a story. */
const NO_CATEGORY = new Set(['uncategorized', 'other', 'miscellaneous news']);

const BY_VARIANT = new Map(Object.entries(CANONICAL).flatMap(([canonical, variants]) => variants.map((variant) => [variant, canonical])));

export type SectionLabel = { kind: 'category'; category: string } | { kind: 'story'; context: string } | { kind: 'none' };

export function classifySectionLabel(label: string): SectionLabel {
  const key = normalise(label);
  if (NO_CATEGORY.has(key)) return { kind: 'none' };
  const category = BY_VARIANT.get(key);
  if (category !== undefined) return { kind: 'category', category };
  return { kind: 'story', context: label.trim() };
}

/** A category as written by the rich schema: canonical when it is a known variant, else as given. */
export function canonicalCategory(label: string): string | null {
  const key = normalise(label);
  if (key === '' || NO_CATEGORY.has(key)) return null;
  return BY_VARIANT.get(key) ?? label.trim();
}

function normalise(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s]+/g, ' ')
    .replace(/[\s,;:.]+$/, '')
    .trim();
}
