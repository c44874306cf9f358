import { parentPort } from 'node:worker_threads';
import { contributionsOf } from '../corpus/contributions.ts';
import { groupRecords, mergedGroups } from '../corpus/merge-records.ts';
import { PostingsBuilder } from '../search/build-postings.ts';
import { tallyAcronyms } from '../search/mine-aliases.ts';
import { inColumnOrder, numberOfId, recordColumns } from '../search/record-columns.ts';
import { numberedHalf } from './corpus-manifest.ts';
import { idHashes, Inbox, parseHalf, sortedDays, splitAtPivot } from './half-build.ts';
import { columnsData, postingsData, transferablesOf, type BackHalf, type FromBack, type ToBack } from './half-messages.ts';

// The second thread of a build (build-snapshot.ts): it parses the back half of the files and builds the index
// of the records from the pivot day on, which the front thread joins after its own. Records cross between
// the threads only where the halves meet: ids both give something to, records on the other side of the pivot.

const port = parentPort!;
const inbox = new Inbox<ToBack>();
port.on('message', (message: ToBack) => inbox.put(message));
const send = (message: FromBack, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const { files } = await inbox.take('start');
const parsed = parseHalf(files);
const groups = groupRecords(parsed.records);
const ids = [...groups.keys()];
send({ type: 'ids', hashes: idHashes(ids) });
const { positions } = await inbox.take('candidates');
send({ type: 'candidates', ids: Array.from(positions, (position) => ids[position]!) });
const { ids: cross } = await inbox.take('cross');
const given = contributionsOf(parsed.records, new Set(cross));
send({ type: 'groups', contributions: cross.map((id) => given.get(id)!) });
for (const id of cross) groups.delete(id);
const merged = mergedGroups(groups);
send({ type: 'days', days: sortedDays(merged) });
const { pivot } = await inbox.take('pivot');
const { before, after } = splitAtPivot(merged, pivot);
send({ type: 'records', records: before });
const { records: moved } = await inbox.take('records');
const sorted = inColumnOrder(moved.length === 0 ? after : [...after, ...moved]);
const front = await inbox.take('front');
const postings = new PostingsBuilder(front.count);
postings.add(sorted, 0, sorted.length);
const columns = recordColumns(sorted, front.originFiles);
const built: BackHalf = {
  type: 'built',
  columns: columnsData(columns),
  postings: postingsData(postings.pieces()),
  acronyms: tallyAcronyms(sorted).toJSON(),
  manifest: numberedHalf(parsed.manifest, (id) => {
    const n = numberOfId(columns, id);
    return n === undefined ? undefined : front.count + n;
  }),
  problems: parsed.problems,
  synonyms: parsed.synonyms,
};
send(built, transferablesOf(built));
port.close();
