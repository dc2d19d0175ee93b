// A chart-drawing thread (charts/pool.ts): final Vega-Lite specs in, SVG and PNG out, one at a time.
import { parentPort } from 'node:worker_threads';
import { drawHere, warmUp } from './render.js';

export interface DrawRequest {
  id: number;
  spec: Record<string, unknown>;
  scale: number;
}

/**
 * Answers draw requests from the thread's parent. `saveCodeCache` (the bundled worker's V8 code cache) runs once,
 * the first time the thread has drawn and has nothing left in hand, so the cache holds the code drawing used; the
 * reply before it says `saving`, and `{ saved: true }` follows, so the parent can wait for it before it exits.
 */
export function serveDraws(saveCodeCache?: () => void): void {
  const port = parentPort!;
  let inHand = 0;
  let toSave = saveCodeCache;
  void warmUp();
  port.on('message', (req: DrawRequest) => {
    inHand++;
    drawHere(req.spec, req.scale)
      .then(
        (chart) => ({ id: req.id, chart }),
        (err: Error) => ({ id: req.id, error: err?.stack ?? String(err) }),
      )
      .then((reply) => {
        const save = --inHand === 0 ? toSave : undefined;
        port.postMessage(save ? { ...reply, saving: true } : reply);
        if (!save) return;
        toSave = undefined;
        save();
        port.postMessage({ saved: true });
      });
  });
}
