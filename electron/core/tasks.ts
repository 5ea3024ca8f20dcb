/** Long work that can be cancelled: each task registers an AbortController under its taskId. */
import { DeskError } from './contract/errors.js';

export type TaskOutcome = 'done' | 'failed' | 'cancelled';

export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();

  /** `onEnd` hears of every task run() ends (the hosts turn it into a last progress event). */
  constructor(private readonly onEnd?: (taskId: string, label: string, outcome: TaskOutcome) => void) {}

  /** Start a task; `finish` must be called when it ends (use `run`). */
  start(taskId: string): { signal: AbortSignal; finish(): void } {
    const controller = new AbortController();
    this.running.set(taskId, controller);
    return { signal: controller.signal, finish: () => this.running.delete(taskId) };
  }

  /** Run `work` as a cancellable task; a cancellation becomes DeskError('CANCELLED'). */
  async run<T>(taskId: string, label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { signal, finish } = this.start(taskId);
    let outcome: TaskOutcome = 'failed';
    try {
      const value = await work(signal);
      outcome = 'done';
      return value;
    } catch (err) {
      if (signal.aborted) {
        outcome = 'cancelled';
        throw new DeskError('CANCELLED', `已取消“${label}”，没有生成文件。`);
      }
      throw err;
    } finally {
      finish();
      this.onEnd?.(taskId, label, outcome);
    }
  }

  /** true when a running task was told to stop. */
  cancel(taskId: string): boolean {
    const c = this.running.get(taskId);
    if (!c) return false;
    c.abort();
    return true;
  }
}
