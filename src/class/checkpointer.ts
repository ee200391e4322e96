// A worker thread that moves the class store's write-ahead log into the database file
// (`PRAGMA wal_checkpoint(PASSIVE)`) every second, on its own connection. A checkpoint is where
// SQLite calls fsync (in WAL mode with synchronous=NORMAL, the only place); on the server's
// thread — SQLite's automatic checkpoint runs inside whichever commit crosses 1000 pages — it
// would hold every learner's answer and the board's updates for as long as the disk takes to
// flush, which on a laptop's busy or slow disk is long. The server's connection turns the
// automatic checkpoint off (store.ts) and leaves it to this thread. PASSIVE never waits for the
// writer nor blocks it.

import {parentPort, workerData} from 'node:worker_threads';
import Database from 'better-sqlite3';

const {file, everyMs} = workerData as {file: string; everyMs: number};
const db = new Database(file, {fileMustExist: true});
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or gone (the server is closing): the next round, or the server's close, checkpoints.
  }
}, everyMs);
parentPort?.on('message', (m: unknown) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
