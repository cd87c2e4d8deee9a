/// <reference lib="webworker" />
/**
 * Opens the sealed bodies of pulled batches off the page's thread (data/live/opener.ts starts it): the team
 * key arrives once and stays here; each batch comes back as plain parsed data for the page to validate and
 * store. The work itself is core/live/opener.ts's, the same as without a worker.
 */
import { openerService, type OpenerRequest } from '../../core/live/opener';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const answer = openerService();
scope.onmessage = (e: MessageEvent<OpenerRequest>) => {
  void answer(e.data).then((reply) => scope.postMessage(reply));
};
