/** Long work that can be cancelled: each task registers an AbortController under its taskId. */
import { DeskError } from './contract/errors.js';

export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Start a task; `finish` must be called when it ends (use `run`). */
  start(taskId: string): { signal: AbortSignal; finish(): void } {
    const controller = new AbortController();
    this.running.set(taskId, controller);
    return { signal: controller.signal, finish: () => this.running.delete(taskId) };
  }

  /** Run `work` as a cancellable task; a cancellation becomes DeskError('CANCELLED'). */
  async run<T>(taskId: string, label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { signal, finish } = this.start(taskId);
    try {
      return await work(signal);
    } catch (err) {
      if (signal.aborted) throw new DeskError('CANCELLED', `已取消“${label}”，没有生成文件。`);
      throw err;
    } finally {
      finish();
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
