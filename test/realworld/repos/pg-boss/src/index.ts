import EventEmitter from 'node:events'
import * as Attorney from './attorney.ts'
import Contractor from './contractor.ts'
import Manager from './manager.ts'
import Timekeeper from './timekeeper.ts'
import Boss from './boss.ts'
import Bam from './bam.ts'
import Navigator from './navigator.ts'
import Notifier from './notifier.ts'
import { delay } from './tools.ts'
import type * as types from './types.ts'
import * as plans from './plans.ts'
import DbDefault from './db.ts'
import type { JobSpyInterface } from './spy.ts'

export { JOB_STATES as states } from './plans.ts'
export { QUEUE_POLICIES as policies } from './plans.ts'

export const events: types.Events = Object.freeze({
  error: 'error',
  warning: 'warning',
  wip: 'wip',
  stopped: 'stopped',
  bam: 'bam',
  flow: 'flow'
})

export function getConstructionPlans (schema?: string) {
  return Contractor.constructionPlans(schema)
}

export function getMigrationPlans (schema?: string, version?: number, options?: { partitionTables?: string[] }) {
  return Contractor.migrationPlans(schema, version, options)
}

export function getRollbackPlans (schema?: string, version?: number) {
  return Contractor.rollbackPlans(schema, version)
}

export class PgBoss extends EventEmitter<types.PgBossEventMap> {
  #stoppingOn: number | null
  #stopped: boolean
  #started: boolean | undefined
  #startingPromise: Promise<this> | null = null
  #stoppingPromise: Promise<void> | null = null
  #config: types.ResolvedConstructorOptions
  #db: (types.IDatabase & { _pgbdb?: false }) | DbDefault
  #boss: Boss
  #contractor: Contractor
  #manager: Manager
  #timekeeper: Timekeeper
  #bam: Bam
  #navigator: Navigator
  #notifier: Notifier

  constructor (connectionString: string)
  constructor (options: types.ConstructorOptions)
  constructor (value: string | types.ConstructorOptions) {
    super()
    this.#stoppingOn = null
    this.#stopped = true

    const config = Attorney.getConfig(value)
    this.#config = config

    const db: (types.IDatabase & { _pgbdb?: false }) | DbDefault = this.getDb()
    this.#db = db

    if ('_pgbdb' in this.#db && this.#db._pgbdb) {
      this.#promoteEvents(this.#db)
    }

    const contractor = new Contractor(db, config)

    const manager = new Manager(db, config)

    const boss = new Boss(db, manager, config)

    const timekeeper = new Timekeeper(db, manager, config)
    manager.timekeeper = timekeeper

    const bam = new Bam(db, config)

    const navigator = new Navigator(db, manager, config)

    const notifier = new Notifier(db, manager, config)
    manager.notifier = notifier

    this.#promoteEvents(manager)
    this.#promoteEvents(boss)
    this.#promoteEvents(timekeeper)
    this.#promoteEvents(bam)
    this.#promoteEvents(navigator)
    this.#promoteEvents(notifier)

    this.#boss = boss
    this.#contractor = contractor
    this.#manager = manager
    this.#timekeeper = timekeeper
    this.#bam = bam
    this.#navigator = navigator
    this.#notifier = notifier
  }

  #promoteEvents (emitter: types.EventsMixin) {
    for (const event of Object.values(emitter?.events) as (keyof types.PgBossEventMap)[]) {
      emitter.on(event, arg => this.emit(event, arg))
    }
  }

  async start (): Promise<this> {
    // A stop() already in flight must finish (clearing any resources it's tearing down) before a
    // fresh start() begins, otherwise the two race over the same intervals/pool.
    if (this.#stoppingPromise) {
      await this.#stoppingPromise.catch(() => {})
    }

    // Return the SAME in-flight promise to a concurrent caller instead of a fresh `this` — a
    // second caller must observe the actual outcome (including a rejection), not silently no-op
    // while the first call is still mid-flight.
    if (this.#startingPromise) {
      return this.#startingPromise
    }

    if (this.#started) {
      return this
    }

    // Cleared to false before any subsystem is started (not just on success): if #doStart throws
    // partway through, subsystems already started (e.g. manager's queueCacheInterval/wipInterval)
    // must still be reachable by stop() for cleanup, and stop() no-ops whenever #stopped is true.
    this.#stopped = false

    this.#startingPromise = this.#doStart()

    try {
      return await this.#startingPromise
    } finally {
      this.#startingPromise = null
    }
  }

  async #doStart (): Promise<this> {
    if (this.#db._pgbdb && !this.#db.opened) {
      await this.#db.open()
    }

    await this.#warnIfDistributedMisconfigured()

    if (this.#config.migrate) {
      await this.#contractor.start()
    } else {
      await this.#contractor.check()
    }

    await this.#manager.start()

    if (this.#config.useListenNotify) {
      await this.#notifier.start()
    }

    if (this.#config.supervise) {
      await this.#boss.start()
      await this.#navigator.start()
    }

    if (this.#config.schedule) {
      await this.#timekeeper.start()
    }

    if (this.#config.migrate) {
      await this.#bam.start()
    }

    this.#started = true

    return this
  }

  // YugabyteDB needs the yugabytedb backend profile (no table partitioning + no advisory locks;
  // partitioned queues are not supported there). pg-boss can't know the backend at construction
  // time, so detect it from the server version at startup and warn when the profile isn't selected.
  // Best-effort: never block startup on this check.
  async #warnIfDistributedMisconfigured (): Promise<void> {
    try {
      const { rows } = await this.#db.executeSql('SELECT version()')
      const version: string = rows?.[0]?.version || ''

      if (/yugabyte|-yb-/i.test(version)) {
        if (!this.#config.noTablePartitioning || !this.#config.noAdvisoryLocks) {
          this.emit(events.warning, {
            message: "YugabyteDB detected: set backend: 'yugabytedb' for compatibility. Partitioned queues (partition: true) are not supported on YugabyteDB.",
            data: { backend: 'yugabytedb' }
          })
        }
      }
    } catch {
      // version detection is best-effort and must never prevent startup
    }
  }

  async stop (options: types.StopOptions = {}): Promise<void> {
    // A start() already in flight must finish (or fail) before stop() evaluates state, otherwise
    // stop() reads #stopped mid-start and silently no-ops while start() keeps running.
    if (this.#startingPromise) {
      await this.#startingPromise.catch(() => {})
    }

    if (this.#stoppingPromise) {
      return this.#stoppingPromise
    }

    if (this.#stopped) {
      return
    }

    let { close = true, graceful = true, timeout = 30000 } = options

    timeout = Math.max(timeout, 1000)

    this.#stoppingOn = Date.now()
    this.#stoppingPromise = this.#doStop(close, graceful, timeout)

    try {
      return await this.#stoppingPromise
    } finally {
      this.#stoppingPromise = null
    }
  }

  async #doStop (close: boolean, graceful: boolean, timeout: number): Promise<void> {
    try {
      await this.#notifier.stop()
      await this.#manager.stop()
      await this.#timekeeper.stop()
      await this.#boss.stop()
      await this.#navigator.stop()
      await this.#bam.stop()

      const shutdown = async () => {
        await this.#manager.failWip()

        if (this.#db._pgbdb && this.#db.opened && close) {
          await this.#db.close()

          // Give event loop time to process socket closes
          await delay(10)
        }

        this.#stopped = true
        this.#started = false

        this.emit(events.stopped)
      }

      if (!graceful) {
        await shutdown()
        return
      }

      while ((Date.now() - this.#stoppingOn!) < timeout && this.#manager.hasPendingCleanups()) {
        await delay(500)
      }

      await shutdown()
    } finally {
      // Reset unconditionally (success or throw) so a stop() that fails partway can be retried
      // instead of every future stop()/start() call silently no-op-ing forever on the stale marker.
      this.#stoppingOn = null
    }
  }

  send (request: types.Request): Promise<string | null>
  send (name: string, data?: object | null, options?: types.SendOptions): Promise<string | null>
  async send (...args: any[]): Promise<string | null> {
    return await this.#manager.send(...args as Parameters<Manager['send']>)
  }

  sendAfter (name: string, data: object | null, options: types.SendOptions | null, date: Date): Promise<string | null>
  sendAfter (name: string, data: object | null, options: types.SendOptions | null, dateString: string): Promise<string | null>
  sendAfter (name: string, data: object | null, options: types.SendOptions | null, seconds: number): Promise<string | null>
  async sendAfter (name: string, data: object | null, options: types.SendOptions | null, after: Date | string | number): Promise<string | null> {
    return this.#manager.sendAfter(name, data, options, after)
  }

  sendThrottled (name: string, data: object | null, options: types.SendOptions | null, seconds: number, key?: string): Promise<string | null> {
    return this.#manager.sendThrottled(name, data, options, seconds, key)
  }

  update (request: types.UpdateRequest): Promise<types.UpdateResponse>
  update (name: string, data: object | null | undefined, options?: types.UpdateOptions): Promise<types.UpdateResponse>
  update (...args: any[]): Promise<types.UpdateResponse> {
    return this.#manager.update(...args as Parameters<Manager['update']>)
  }

  upsert (request: types.UpdateRequest): Promise<types.UpsertResponse>
  upsert (name: string, data: object | null | undefined, options?: types.UpdateOptions): Promise<types.UpsertResponse>
  upsert (...args: any[]): Promise<types.UpsertResponse> {
    return this.#manager.upsert(...args as Parameters<Manager['upsert']>)
  }

  sendDebounced (name: string, data: object | null, options: types.SendOptions | null, seconds: number, key?: string): Promise<string | null> {
    return this.#manager.sendDebounced(name, data, options, seconds, key)
  }

  insert (name: string, jobs: types.JobInsert[], options?: types.InsertOptions): Promise<string[] | null> {
    return this.#manager.insert(name, jobs, options)
  }

  flow (jobs: types.FlowJob[], options?: types.ConnectionOptions): Promise<Record<string, string>> {
    return this.#manager.flow(jobs, options)
  }

  fetch<T>(name: string, options: types.FetchOptions & { includeMetadata: true }): Promise<types.JobWithMetadata<T>[]>
  fetch<T>(name: string, options?: types.FetchOptions): Promise<types.Job<T>[]>
  fetch<T>(name: string, options: types.FetchOptions = {}): Promise<types.Job<T>[] | types.JobWithMetadata<T>[]> {
    return this.#manager.fetch<T>(name, options)
  }

  work<ReqData, ResData = any>(name: string, handler: types.WorkHandler<ReqData, ResData>): Promise<string>
  work<ReqData, ResData = any, const O extends types.WorkOptions = types.WorkOptions>(name: string, options: O, handler: types.WorkHandlerFor<O, ReqData, ResData>): Promise<string>
  work (...args: any[]): Promise<string> {
    return this.#manager.work(...args as Parameters<Manager['work']>)
  }

  offWork (name: string, options?: types.OffWorkOptions): Promise<void> {
    return this.#manager.offWork(name, options)
  }

  notifyWorker (workerId: string): void {
    return this.#manager.notifyWorker(workerId)
  }

  subscribe (event: string, name: string): Promise<void> {
    return this.#manager.subscribe(event, name)
  }

  unsubscribe (event: string, name: string): Promise<void> {
    return this.#manager.unsubscribe(event, name)
  }

  publish (event: string, data?: object, options?: types.SendOptions): Promise<void> {
    return this.#manager.publish(event, data, options)
  }

  cancel (name: string, id: string | string[], options?: types.ConnectionOptions): Promise<types.CommandResponse> {
    return this.#manager.cancel(name, id, options)
  }

  resume (name: string, id: string | string[], options?: types.ConnectionOptions): Promise<types.CommandResponse> {
    return this.#manager.resume(name, id, options)
  }

  retry (name: string, id: string | string[], options?: types.ConnectionOptions): Promise<types.CommandResponse> {
    return this.#manager.retry(name, id, options)
  }

  deleteJob (name: string, id: string | string[], options?: types.ConnectionOptions): Promise<types.CommandResponse> {
    return this.#manager.deleteJob(name, id, options)
  }

  redrive (name: string, options?: types.RedriveOptions): Promise<number> {
    return this.#manager.redrive(name, options)
  }

  deleteQueuedJobs (name: string): Promise<void> {
    return this.#manager.deleteQueuedJobs(name)
  }

  deleteStoredJobs (name: string): Promise<void> {
    return this.#manager.deleteStoredJobs(name)
  }

  deleteAllJobs (name?: string): Promise<void> {
    return this.#manager.deleteAllJobs(name)
  }

  complete (name: string, id: string | string[], data?: object | null, options?: types.CompleteOptions): Promise<types.CommandResponse> {
    return this.#manager.complete(name, id, data, options)
  }

  fail (name: string, id: string | string[], data?: object | null, options?: types.ConnectionOptions): Promise<types.CommandResponse> {
    return this.#manager.fail(name, id, data, options)
  }

  touch (name: string, id: string | string[], options?: types.ConnectionOptions): Promise<types.CommandResponse> {
    return this.#manager.touch(name, id, options)
  }

  /**
   * @deprecated Use findJobs() instead
   */
  getJobById<T>(name: string, id: string, options?: types.ConnectionOptions): Promise<types.JobWithMetadata<T> | null> {
    return this.#manager.getJobById<T>(name, id, options)
  }

  findJobs<T>(name: string, options?: types.FindJobsOptions): Promise<types.JobWithMetadata<T>[]> {
    return this.#manager.findJobs<T>(name, options)
  }

  createQueue (name: string, options?: Omit<types.Queue, 'name'>): Promise<void> {
    return this.#manager.createQueue(name, options)
  }

  getBlockedKeys (name: string): Promise<string[]> {
    return this.#manager.getBlockedKeys(name)
  }

  getDependencies (name: string, id: string, options?: types.ConnectionOptions): Promise<types.DependencyRef[]> {
    return this.#manager.getDependencies(name, id, options)
  }

  getDependents (name: string, id: string, options?: types.ConnectionOptions): Promise<types.DependencyRef[]> {
    return this.#manager.getDependents(name, id, options)
  }

  updateQueue (name: string, options?: types.UpdateQueueOptions): Promise<void> {
    return this.#manager.updateQueue(name, options)
  }

  deleteQueue (name: string): Promise<void> {
    return this.#manager.deleteQueue(name)
  }

  getQueues (names?: string[]): Promise<types.QueueResult[]> {
    return this.#manager.getQueues(names)
  }

  getQueue (name: string): Promise<types.QueueResult | null> {
    return this.#manager.getQueue(name)
  }

  getQueueStats (name: string, options?: types.QueueStatsOptions): Promise<types.QueueStats[]> {
    return this.#manager.getQueueStats(name, options)
  }

  isMaintaining (): boolean {
    return this.#boss.maintaining
  }

  isBamWorking (): boolean {
    return this.#bam.working
  }

  isResolvingFlow (): boolean {
    return this.#navigator.working
  }

  isCheckingSkew (): boolean {
    return this.#timekeeper.checkingSkew
  }

  supervise (name?: string): Promise<void> {
    return this.#boss.supervise(name)
  }

  // Force an immediate flow-resolution pass (unblock dependents of completed jobs) instead of
  // waiting for the next background poll. Mirrors supervise() for on-demand maintenance.
  resolveFlow (): Promise<void> {
    return this.#navigator.resolveNow()
  }

  getWipData (options?: { includeInternal?: boolean }): types.WipData[] {
    return this.#manager.getWipData(options)
  }

  getSpy<T = object> (name: string): JobSpyInterface<T> {
    return this.#manager.getSpy<T>(name)
  }

  clearSpies (): void {
    this.#manager.clearSpies()
  }

  isInstalled (): Promise<boolean> {
    return this.#contractor.isInstalled()
  }

  schemaVersion (): Promise<number | null> {
    return this.#contractor.schemaVersion()
  }

  detectSchemaDrift (): Promise<types.SchemaDriftReport> {
    return this.#contractor.detectDrift()
  }

  schedule (name: string, cron: string, data?: object | null, options?: types.ScheduleOptions): Promise<void> {
    return this.#timekeeper.schedule(name, cron, data, options)
  }

  unschedule (name: string, key?: string): Promise<void> {
    return this.#timekeeper.unschedule(name, key)
  }

  getSchedules (name?: string, key?: string): Promise<types.Schedule[]> {
    return this.#timekeeper.getSchedules(name, key)
  }

  async getBamStatus (): Promise<types.BamStatusSummary[]> {
    const sql = plans.getBamStatus(this.#config.schema)
    const { rows } = await this.#db.executeSql(sql)
    return rows
  }

  async getBamEntries (): Promise<types.BamEntry[]> {
    const sql = plans.getBamEntries(this.#config.schema)
    const { rows } = await this.#db.executeSql(sql)
    return rows
  }

  getDb (): types.IDatabase {
    if (this.#db) {
      return this.#db
    }

    if (this.#config.db) {
      return this.#config.db
    }

    return new DbDefault(this.#config)
  }
}

export type {
  BackendProfile,
  BackendOptions,
  BamEntry,
  BamEvent,
  BamStatusSummary,
  CommandResponse,
  CompleteOptions,
  ConnectionOptions,
  ConstructorOptions,
  DatabaseOptions,
  FetchGroupConcurrencyOptions,
  DependencyRef,
  FetchOptions,
  FindJobsOptions,
  FlowJob,
  GroupConcurrencyConfig,
  GroupOptions,
  IDatabase as Db,
  InsertOptions,
  InvalidIndex,
  Job,
  JobFetchOptions,
  JobInsert,
  JobMatchStrategy,
  JobOptions,
  JobPollingOptions,
  JobResult,
  JobResultStatus,
  JobStates,
  Events,
  JobWithMetadata,
  MaintenanceOptions,
  ManagedIndex,
  MismatchedIndex,
  ManagedFunction,
  MismatchedFunction,
  TableColumnDrift,
  ConstraintDrift,
  EnumDrift,
  OffWorkOptions,
  PgBossEventMap,
  Queue,
  QueueOptions,
  QueuePolicy,
  QueueResult,
  QueueStats,
  QueueStatsOptions,
  RedriveOptions,
  Request,
  Schedule,
  ScheduleOptions,
  SchedulingOptions,
  SchemaDriftReport,
  SendOptions,
  StopOptions,
  UpdateOptions,
  UpdateQueueOptions,
  UpdateRequest,
  UpdateResponse,
  UpsertResponse,
  Warning,
  WipData,
  WorkConcurrencyOptions,
  WorkerState,
  WorkHandler,
  WorkOptions,
  WorkWithMetadataHandler,
  WorkHandlerFor,
  PerJobWorkHandler,
  PerJobWorkWithMetadataHandler,
} from './types.ts'

export type {
  JobSpyInterface,
  JobSpyState,
  JobDataSelector,
  JobSelector,
  SpyJob,
} from './spy.ts'

export {
  fromKnex,
  fromKysely,
  fromDrizzle,
  fromPrisma,
  fromPglite,
} from './adapters/index.ts'

export type {
  KnexTransactionLike,
  KyselyTransactionLike,
  DrizzleTransactionLike,
  DrizzleSqlTagLike,
  PrismaTransactionLike,
  PGliteLike,
} from './adapters/index.ts'
