/**
 * The command line's worker thread that opens pulled bodies (live-opener.ts starts it): the Node twin of the
 * app's data/live/open.worker.ts, running the same core/live/opener.ts service.
 */
import { parentPort } from 'node:worker_threads';
import { openerService, type OpenerRequest } from '../../src-renderer/src/core/live/opener';

const port = parentPort;
if (!port) throw new Error('live-open-worker runs as a worker thread');
const answer = openerService();
port.on('message', (req: OpenerRequest) => {
  void answer(req).then((reply) => port.postMessage(reply));
});
