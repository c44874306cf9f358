import { parentPort, workerData } from 'node:worker_threads';
import { corpusCollector, type CorpusFile } from '../corpus/load-corpus.ts';
import { inColumnOrder, numberOfId, recordColumns } from '../search/record-columns.ts';
import { manifestCollector } from './corpus-manifest.ts';
import { columnsData, transferablesOf, type ColumnsReply, type ColumnsRequest } from './columns-messages.ts';

// The second thread of a build (build-snapshot.ts): it parses the same bytes as the build's own thread and
// makes what that thread does not, the record columns and the manifest (each file's ids by record number),
// while that thread makes the postings. Parsed records are never sent between the threads: copying them
// costs as much as parsing them again.

const port = parentPort!;
const { fingerprint } = workerData as { fingerprint: string };
const manifest = manifestCollector();
const collector = corpusCollector([], manifest.onFile);

port.on('message', (request: ColumnsRequest) => {
  if (request.type === 'files') {
    request.files.forEach((file: CorpusFile, i) => collector.add(file, request.contents[i]!));
    return;
  }
  const corpus = collector.finish();
  const columns = recordColumns(inColumnOrder(corpus.records));
  const reply: ColumnsReply = { columns: columnsData(columns), manifest: manifest.manifest(fingerprint, (id) => numberOfId(columns, id)) };
  port.postMessage(reply, transferablesOf(reply));
  port.close();
});
