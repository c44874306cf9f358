/** Outlets whose name is not just their domain capitalised. */
const KNOWN: Record<string, string> = {
  'apnews.com': 'AP',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'cnn.com': 'CNN',
  'ft.com': 'Financial Times',
  'nknews.org': 'NK News',
  'nytimes.com': 'The New York Times',
  'reuters.com': 'Reuters',
  'theguardian.com': 'The Guardian',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'yna.co.kr': 'Yonhap',
  'en.yna.co.kr': 'Yonhap',
  'koreaherald.com': 'The Korea Herald',
  'koreatimes.co.kr': 'The Korea Times',
  'aljazeera.com': 'Al Jazeera',
  'news.sky.com': 'Sky News',
  'afp.com': 'AFP',
  'bloomberg.com': 'Bloomberg',
  'wikipedia.org': 'Wikipedia',
};

/** Second-level labels under which the outlet's own name is the third label from the end (bbc.co.uk). */
const COUNTRY_SECOND_LEVELS = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'or', 'ne']);

/** An outlet's name from a link: reuters.com → Reuters, www.bbc.co.uk → BBC, example-news.org → Example News. */
export function outletName(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return url;
  }
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i += 1) {
    const known = KNOWN[labels.slice(i).join('.')];
    if (known !== undefined) return known;
  }
  const second = labels.at(-2) ?? host;
  const name = COUNTRY_SECOND_LEVELS.has(second) && labels.length >= 3 ? labels.at(-3)! : second;
  return name
    .split('-')
    .map((word) => (word.length <= 3 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1)))
    .join(' ');
}
