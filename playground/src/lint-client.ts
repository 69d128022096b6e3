// The page's side of the lint worker. One request at a time is worth answering: a newer one makes
// the older reply stale. A worker that has not answered within the time limit (a 5 MB body, a
// policy regex that backtracks forever) is terminated and a fresh one started for the next request.

import workerSource from 'playground:worker-source';
import type { LintInput, LintReply, Reply, Request } from './protocol.js';

export const TIME_LIMIT_MS = 8000;

export type Outcome =
  | { status: 'done'; reply: LintReply }
  | { status: 'failed'; message: string }
  | { status: 'timed-out' }
  /** A newer request was sent before this one was answered. */
  | { status: 'superseded' };

export class LintClient {
  private worker: Worker | undefined;
  private url: string | undefined;
  private nextId = 1;
  private pending: { id: number; finish(outcome: Outcome): void; timer: ReturnType<typeof setTimeout> } | undefined;

  /** How many workers were stopped for taking too long (shown in the status line). */
  restarts = 0;

  run(type: Request['type'], input: LintInput): Promise<Outcome> {
    this.pending?.finish({ status: 'superseded' });
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.restarts++;
        this.stopWorker();
        finish({ status: 'timed-out' });
      }, TIME_LIMIT_MS);
      const finish = (outcome: Outcome) => {
        if (this.pending?.id !== id) return;
        clearTimeout(timer);
        this.pending = undefined;
        resolve(outcome);
      };
      this.pending = { id, finish, timer };
      worker.postMessage({ id, type, input } satisfies Request);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // A classic worker from a Blob URL: a file:// page may not start a worker from a file.
    this.url ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    const worker = new Worker(this.url, { name: 'elb-lint' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      if (this.pending?.id !== reply.id) return;
      this.pending.finish(reply.type === 'result' ? { status: 'done', reply } : { status: 'failed', message: reply.message });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.stopWorker();
      this.pending?.finish({ status: 'failed', message: event.message || 'the lint worker stopped' });
    };
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
