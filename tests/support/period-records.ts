import type { CorpusRecord } from '../../src/model/record.ts';
import { makeRecord } from './records.ts';

interface EventSpec {
  date: string;
  story?: string;
  sources?: number;
  title?: string;
}

function event({ date, story, sources = 1, title }: EventSpec, n: number): CorpusRecord {
  const [year, month, day] = date.split('-');
  const headline = title ?? `${story ?? 'Other news'} event ${n}.`;
  return makeRecord({
    id: `news/${year}/${month}/${Number(day)}/event-${n}`,
    date,
    title: headline,
    summary: headline,
    image: null,
    sources: Array.from({ length: sources }, (_, i) => ({ name: `Outlet ${i + 1}`, url: null })),
    contexts: story === undefined ? [] : [story],
    category: 'Armed conflicts and attacks',
    origin: { file: `${date}.yaml`, line: n, format: 'wcep-daily' },
  });
}

/**
 * 2013 in 41 events: a war every month (two a month in Jan–Jun, one after: 18), a crisis of nine in
 * April (three sources each, five for the Kaesong one), a coup of three in July, ten events with no
 * story and one tagged only in lower case ("oil", no story); and, never in a glance, an article and
 * a stub filed under the war.
 */
export function periodRecords(): CorpusRecord[] {
  const specs: EventSpec[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const mm = String(month).padStart(2, '0');
    specs.push({ date: `2013-${mm}-03`, story: 'Syrian civil war' });
    if (month <= 6) specs.push({ date: `2013-${mm}-20`, story: 'Syrian civil war', sources: 2 });
  }
  for (let day = 1; day <= 8; day += 1)
    specs.push({ date: `2013-04-${String(day + 2).padStart(2, '0')}`, story: '2013 Korean crisis', sources: 3 });
  specs.push({
    date: '2013-04-08',
    story: '2013 Korean crisis',
    sources: 5,
    title: 'North Korea withdraws its workers from the Kaesong industrial region.',
  });
  for (let day = 1; day <= 3; day += 1) specs.push({ date: `2013-07-0${day + 2}`, story: "2013 Egyptian coup d'état", sources: 2 });
  for (let month = 1; month <= 10; month += 1)
    specs.push({ date: `2013-${String(month).padStart(2, '0')}-15`, sources: month === 9 ? 6 : 1 });
  const records = specs.map(event);
  const [year, month] = ['2013', '05'];
  records.push(
    makeRecord({
      id: 'articles/background',
      kind: 'article',
      date: `${year}-${month}-01`,
      title: 'Background',
      contexts: ['Syrian civil war'],
      image: null,
    }),
    makeRecord({
      id: `news/${year}/${month}/2/stub`,
      date: `${year}-${month}-02`,
      title: 'A stub',
      stub: true,
      contexts: ['Syrian civil war'],
      image: null,
    }),
    makeRecord({
      id: `news/${year}/${month}/9/tagged`,
      date: `${year}-${month}-09`,
      title: 'Tagged in lower case.',
      summary: 'Tagged in lower case.',
      contexts: ['oil'],
      sources: [],
      image: null,
    }),
  );
  return records.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}
