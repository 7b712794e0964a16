import { type AbortablePromise, delay } from './tools.ts'
import type * as types from './types.ts'

const WORKER_STATES = {
  created: 'created',
  active: 'active',
  stopping: 'stopping',
  stopped: 'stopped'
} as const

interface WorkerOptions<T> {
  id: string
  workId: string
  name: string
  options: types.WorkOptions
  resolveInterval: (lastFetchCount: number) => number
  fetch: () => Promise<types.Job<T>[]>
  onFetch: (jobs: types.Job<T>[]) => Promise<void>
  onError: (err: any) => void
}

class Worker<T = unknown> {
  readonly id: string
  readonly workId: string
  readonly name: string
  readonly options: types.WorkOptions
  readonly fetch: () => Promise<types.Job<T>[]>
  readonly onFetch: (jobs: types.Job<T>[]) => Promise<void>
  readonly onError: (err: any) => void
  readonly resolveInterval: (lastFetchCount: number) => number

  jobs: types.Job<T>[] = []
  createdOn = Date.now()
  state: types.WorkerState = WORKER_STATES.created
  lastFetchedOn: number | null = null
  lastJobStartedOn: number | null = null
  lastJobEndedOn: number | null = null
  lastJobDuration: number | null = null
  lastError: any = null
  lastErrorOn: number | null = null
  stopping = false
  stopped = false
  abortController: AbortController | null = null
  private loopDelayPromise: AbortablePromise<void> | null = null
  private beenNotified = false
  private runPromise: Promise<void> | null = null

  constructor ({ id, workId, name, options, resolveInterval, fetch, onFetch, onError }: WorkerOptions<T>) {
    this.id = id
    this.workId = workId
    this.name = name
    this.options = options
    this.fetch = fetch
    this.onFetch = onFetch
    this.onError = onError
    this.resolveInterval = resolveInterval
  }

  start () {
    this.runPromise = this.run()
  }

  private async run () {
    this.state = WORKER_STATES.active

    while (!this.stopping) {
      const started = Date.now()

      // Number of jobs the last fetch returned; stays 0 on error so a failed fetch backs
      // off to normal polling instead of hot-looping in burst mode.
      let fetchedCount = 0

      try {
        this.beenNotified = false
        const jobs = await this.fetch()

        this.lastFetchedOn = Date.now()

        if (jobs) {
          fetchedCount = jobs.length
          this.jobs = jobs

          this.lastJobStartedOn = this.lastFetchedOn

          await this.onFetch(jobs)

          this.lastJobEndedOn = Date.now()

          this.jobs = []
        }
      } catch (err: any) {
        this.lastErrorOn = Date.now()
        this.lastError = err

        err.message = `${err.message} (Queue: ${this.name}, Worker: ${this.id})`

        this.onError(err)
      }

      const duration = Date.now() - started

      this.lastJobDuration = duration

      // Resolve the effective delay each iteration: burst (continuous), NOTIFY backstop, or
      // the base poll (see Manager.work). fetchedCount lets the resolver keep going only while
      // fetches come back full — a short fetch resumes normal polling. A returned interval
      // <= duration + 100 (0 in burst mode) skips the delay and re-fetches immediately.
      const interval = this.resolveInterval(fetchedCount)

      if (!this.stopping && !this.beenNotified && (interval - duration) > 100) {
        this.loopDelayPromise = delay(interval - duration)
        await this.loopDelayPromise
        this.loopDelayPromise = null
      }
    }

    this.stopping = false
    this.stopped = true
    this.state = WORKER_STATES.stopped
  }

  notify () {
    this.beenNotified = true

    if (this.loopDelayPromise) {
      this.loopDelayPromise.abort()
    }
  }

  async stop (): Promise<void> {
    this.stopping = true
    this.state = WORKER_STATES.stopping

    if (this.loopDelayPromise) {
      this.loopDelayPromise.abort()
    }

    await this.runPromise
  }

  abort (): void {
    if (this.abortController && !this.abortController.signal.aborted) {
      this.abortController.abort()
    }
  }

  toWipData (): types.WipData {
    return {
      id: this.id,
      workId: this.workId,
      name: this.name,
      options: this.options,
      state: this.state,
      count: this.jobs.length,
      createdOn: this.createdOn,
      lastFetchedOn: this.lastFetchedOn,
      lastJobStartedOn: this.lastJobStartedOn,
      lastJobEndedOn: this.lastJobEndedOn,
      lastError: this.lastError,
      lastErrorOn: this.lastErrorOn,
      lastJobDuration: this.lastJobDuration
    }
  }
}

export default Worker
