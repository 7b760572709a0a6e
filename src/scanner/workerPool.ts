/**
 * Runs the detectors in worker threads, so a file whose content makes a rule run away costs its
 * time budget and nothing more: the caller's thread (the VS Code extension host, the CLI's event
 * loop) never runs a detector. Each file gets a budget from the moment its worker starts on it; a
 * file that overruns is abandoned (its worker is terminated and replaced) and resolves 'timeout',
 * and the scan goes on. Aborting a scan terminates the workers busy on it at once.
 *
 * Files travel in batches: on grafana/loki one message per file cost more than the detectors
 * themselves on a busy machine (720 round trips, 260–580 ms at load 13, against 35–56 ms in batches
 * of 16), as every message waits for the other thread to be scheduled. A batch gets one budget; a
 * batch that overruns it (or kills its worker) is not judged as a whole: its files go back to the
 * queue to be sent again one by one, each with a budget of its own, so only the file that runs
 * away is abandoned, at the cost of one extra budget of waiting.
 *
 * The reads stay with the caller (through whatever FileSource it uses: node:fs, workspace.fs);
 * only bytes cross into the worker, copied into a fresh buffer that is transferred, not cloned.
 */
import { backgroundTimer, defaultScript, defaultSize, startThread, type ScanThread } from './threads';
import type { WorkerJob, WorkerReply } from './workerProtocol';
import type { Inspection, Inspector } from './types';

export interface WorkerPoolOptions {
  /** The worker bundle. Default on Node: `scanWorker.js` beside this bundle (dist/); on the web, a URL the shell gives. */
  script?: string;
  /** Workers at most. Default: one per core left over by the caller's thread (threads.ts says why). */
  size?: number;
  /** Time one file may take in a worker. Default FILE_BUDGET_MS. */
  fileBudgetMs?: number;
  /** Idle workers are stopped after this long (memory back to the editor). Default 30 s. */
  idleMs?: number;
}

export const FILE_BUDGET_MS = 3000;

/** Most files, and most bytes, in one batch: small enough that a batch of honest files stays far inside one budget. */
const BATCH_FILES = 32;
const BATCH_BYTES = 512 * 1024;

interface Job {
  path: string;
  data: Uint8Array;
  complete: boolean;
  signal: AbortSignal | undefined;
  /** The plan's readers (Plan.readerIds), so the worker needs not classify the path again. */
  readers: number[] | undefined;
  /** Sent alone: it was in a batch that overran its budget or killed its worker. */
  alone?: boolean;
  resolve(outcome: Inspection | 'timeout'): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: ScanThread;
  ready: boolean;
  /** The batch it is on: the jobs themselves (so settling finds their signal entries), the message id, the budget. */
  running?: { jobs: Job[]; id: number; timer: ReturnType<typeof setTimeout> };
}

const CRASHED: Inspection = { hits: [], failed: true, tooLarge: false };

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The scan was cancelled.', 'AbortError');
}

export class WorkerPool {
  private readonly script: string;
  private readonly size: number;
  private readonly budget: number;
  private readonly idleMs: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** The open jobs of each scan's signal: one abort listener per scan, not one per file. */
  private readonly bySignal = new WeakMap<AbortSignal, Set<Job>>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Files abandoned for overrunning the budget since the pool was made (for logs and tests). */
  timeouts = 0;
  /** Workers started since the pool was made (replacements included). */
  started = 0;
  /** Batches sent to workers since the pool was made (a file sent again alone counts again). */
  batches = 0;

  constructor(options: WorkerPoolOptions = {}) {
    this.script = options.script ?? defaultScript();
    this.size = Math.max(1, options.size ?? defaultSize());
    this.budget = Math.max(1, options.fileBudgetMs ?? FILE_BUDGET_MS);
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** The engine's `inspector` option. */
  readonly inspector: Inspector = (path, data, complete, signal, readers) =>
    new Promise<Inspection | 'timeout'>((resolve, reject) => {
      if (this.disposed) return reject(new Error('the scanner worker pool was disposed'));
      if (signal?.aborted) return reject(abortError(signal));
      const job: Job = { path, data, complete, signal, readers, resolve, reject };
      if (signal) {
        let jobs = this.bySignal.get(signal);
        if (!jobs) {
          const open = (jobs = new Set());
          this.bySignal.set(signal, open);
          signal.addEventListener(
            'abort',
            () => {
              this.bySignal.delete(signal);
              for (const j of open) this.abortJob(j);
            },
            { once: true },
          );
        }
        jobs.add(job);
      }
      this.queue.push(job);
      this.pump();
    });

  /**
   * Starts the workers now instead of at the first file, so they boot (about 60 ms on Node) while
   * the caller lists the tree. Idle workers still stop after `idleMs`.
   */
  prestart(): void {
    if (this.disposed) return;
    for (let missing = this.size - this.slots.size; missing > 0; missing--) this.spawn();
    this.pump();
  }

  /** Terminates every worker; queued and running files reject. */
  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(new Error('the scanner worker pool was disposed')));
    for (const slot of [...this.slots]) {
      const jobs = slot.running?.jobs ?? [];
      this.stop(slot);
      for (const job of jobs) this.settle(job, () => job.reject(new Error('the scanner worker pool was disposed')));
    }
  }

  private pump(): void {
    if (this.disposed) return;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.ready && !slot.running) this.dispatch(slot, this.nextBatch());
    }
    // Start workers for what waits, up to the pool's size (a starting worker takes a job once ready).
    const starting = [...this.slots].filter((s) => !s.ready).length;
    for (let i = starting; i < this.queue.length && this.slots.size < this.size; i++) this.spawn();
    if (this.queue.length === 0 && [...this.slots].every((s) => !s.running)) this.idleTimer = backgroundTimer(() => this.stopIdle(), this.idleMs);
  }

  private spawn(): void {
    let worker: ScanThread;
    try {
      worker = startThread(this.script);
    } catch (error) {
      this.failWaiting(error);
      return;
    }
    const slot: Slot = { worker, ready: false };
    this.started++;
    this.slots.add(slot);
    worker.onMessage((reply: WorkerReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
        this.pump();
        return;
      }
      const running = slot.running;
      if (!running || running.id !== reply.id) return;
      clearTimeout(running.timer);
      slot.running = undefined;
      worker.keepAlive(false);
      running.jobs.forEach((job, i) => this.settle(job, () => job.resolve(reply.inspections[i] ?? CRASHED)));
      this.pump();
    });
    // An uncaught error or an exhausted heap: a file sent alone is reported as unparseable; a batch
    // is sent again file by file to find the one that did it. A worker that dies before it is ready
    // (its bundle missing or broken) would die again: fail what waits.
    const lost = (error?: unknown) => {
      if (!this.slots.has(slot)) return;
      const jobs = slot.running?.jobs ?? [];
      this.stop(slot);
      this.retryAlone(jobs, CRASHED);
      if (!slot.ready) return this.failWaiting(error ?? 'it exited');
      this.pump();
    };
    worker.onLost(lost);
  }

  /** A worker that cannot start would fail again: every file waiting rejects with the reason. */
  private failWaiting(error: unknown): void {
    const failure = new Error(`the scanner worker could not start (${this.script}): ${error instanceof Error ? error.message : String(error)}`);
    for (const waiting of this.queue.splice(0)) this.settle(waiting, () => waiting.reject(failure));
  }

  /** The next files to send: a file to be judged alone, or the queue's head up to a batch's size. */
  private nextBatch(): Job[] {
    if (this.queue[0].alone) return [this.queue.shift() as Job];
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && n < BATCH_FILES && !this.queue[n].alone && (n === 0 || bytes + this.queue[n].data.byteLength <= BATCH_BYTES)) {
      bytes += this.queue[n].data.byteLength;
      n++;
    }
    return this.queue.splice(0, n);
  }

  /**
   * A batch that overran its budget or killed its worker: a file sent alone gets `outcome`; the files
   * of a larger batch go back to the front of the queue, to be sent one by one.
   */
  private retryAlone(jobs: Job[], outcome: Inspection | 'timeout'): void {
    if (jobs.length === 1 && jobs[0].alone) {
      if (outcome === 'timeout') this.timeouts++;
      this.settle(jobs[0], () => jobs[0].resolve(outcome));
      return;
    }
    for (const job of jobs) job.alone = true;
    this.queue.unshift(...jobs);
  }

  private dispatch(slot: Slot, jobs: Job[]): void {
    const id = this.nextId++;
    this.batches++;
    const timer = setTimeout(() => {
      // Over budget: the worker is stuck. Replace it; the scan goes on.
      this.stop(slot);
      this.retryAlone(jobs, 'timeout');
      this.pump();
    }, this.budget);
    slot.running = { jobs, id, timer };
    // While a worker holds files, it keeps the process alive (the CLI awaits its answer).
    slot.worker.keepAlive(true);
    // The bytes copied into one buffer of the batch's own, transferred: `data` may be a view into a
    // shared or pooled buffer, and the original stays here in case the batch must be sent again.
    const bytes = new Uint8Array(jobs.reduce((n, job) => n + job.data.byteLength, 0));
    let start = 0;
    const files = jobs.map((job) => {
      bytes.set(job.data, start);
      start += job.data.byteLength;
      return { path: job.path, start: start - job.data.byteLength, end: start, complete: job.complete, ...(job.readers ? { readers: job.readers } : {}) };
    });
    const message: WorkerJob = { id, bytes, files };
    slot.worker.post(message, [bytes.buffer]);
  }

  private abortJob(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    else {
      const slot = [...this.slots].find((s) => s.running?.jobs.includes(job));
      if (!slot) return; // settled already
      // Cancel means now: the worker is terminated mid-file, a new one starts when work comes. The
      // rest of its batch is cancelled too when its scan was, and otherwise goes back to the queue.
      const batch = slot.running?.jobs ?? [];
      this.stop(slot);
      for (const other of batch) {
        if (other === job) continue;
        if (other.signal?.aborted) this.settle(other, () => other.reject(abortError(other.signal)));
        else this.queue.unshift(other);
      }
    }
    this.settle(job, () => job.reject(abortError(job.signal)));
    this.pump();
  }

  /** Forgets the job's signal entry (its bytes go with it), then resolves or rejects it once. */
  private settle(job: Job, finish: () => void): void {
    // The signal's entry lives as long as the signal (a WeakMap): one listener however many files.
    if (job.signal) this.bySignal.get(job.signal)?.delete(job);
    finish();
  }

  private stop(slot: Slot): void {
    if (slot.running) clearTimeout(slot.running.timer);
    slot.running = undefined;
    this.slots.delete(slot);
    slot.worker.terminate();
  }

  private stopIdle(): void {
    this.idleTimer = undefined;
    for (const slot of [...this.slots]) if (!slot.running) this.stop(slot);
  }
}
