import { parentPort, workerData } from 'node:worker_threads';
import { corpusCollector, type CorpusFile } from '../corpus/load-corpus.ts';
import { PostingsBuilder } from '../search/build-postings.ts';
import { inColumnOrder, numberOfId, recordColumns } from '../search/record-columns.ts';
import { manifestCollector } from './corpus-manifest.ts';
import { columnsData, postingsData, transferablesOf, type ColumnsReply, type ColumnsRequest } from './columns-messages.ts';
import { RecordRuns } from './record-runs.ts';

// The second thread of a build (build-snapshot.ts): it parses the same bytes as the build's own thread and
// makes what that thread does not, the record columns and the manifest (each file's ids by record number),
// then the postings of the runs of records it takes from the back while that thread takes them from the
// front. Parsed records are never sent between the threads: copying them costs as much as parsing them again.

const port = parentPort!;
const { fingerprint, runs } = workerData as { fingerprint: string; runs: SharedArrayBuffer };
const manifest = manifestCollector();
const collector = corpusCollector([], manifest.onFile);

port.on('message', (request: ColumnsRequest) => {
  if (request.type === 'files') {
    request.files.forEach((file: CorpusFile, i) => collector.add(file, request.contents[i]!));
    return;
  }
  const corpus = collector.finish();
  const sorted = inColumnOrder(corpus.records);
  const columns = recordColumns(sorted);
  const ids = manifest.manifest(fingerprint, (id) => numberOfId(columns, id));
  const shared = new RecordRuns(runs, sorted.length);
  const postings = new PostingsBuilder();
  for (let run = shared.takeBack(); run !== null; run = shared.takeBack()) postings.add(sorted, run.start, run.end);
  const reply: ColumnsReply = { columns: columnsData(columns), manifest: ids, postings: postingsData(postings.pieces()) };
  port.postMessage(reply, transferablesOf(reply));
  port.close();
});
