// A chart-drawing thread (charts/pool.ts): final Vega-Lite specs in, SVG and PNG out, one at a time.
import { parentPort } from 'node:worker_threads';
import { drawHere, warmUp } from './render.js';

export interface DrawRequest {
  id: number;
  spec: Record<string, unknown>;
  scale: number;
}

const port = parentPort!;
void warmUp();
port.on('message', (req: DrawRequest) => {
  drawHere(req.spec, req.scale).then(
    (chart) => port.postMessage({ id: req.id, chart }),
    (err: Error) => port.postMessage({ id: req.id, error: err?.stack ?? String(err) }),
  );
});
