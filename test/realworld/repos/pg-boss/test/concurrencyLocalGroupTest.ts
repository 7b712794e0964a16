import { expect } from 'vitest'
import * as helper from './testHelper.ts'
import { assertTruthy } from './testHelper.ts'
import { delay } from '../src/tools.ts'
import { ctx } from './hooks.ts'

describe('localGroupConcurrency', function () {
  it('should limit active jobs per group with simple localGroupConcurrency', async function () {
    ctx.boss = await helper.start({ ...ctx.bossConfig, __test__enableSpies: true })

    const groupId = 'tenant-123'
    const localConcurrency = 4
    const localGroupConcurrency = 2 // Must be <= localConcurrency
    const jobCount = 6

    // Track concurrent jobs per group
    let currentActive = 0
    let maxActive = 0

    // Send jobs for the same group
    for (let i = 0; i < jobCount; i++) {
      const jobId: string | null = await ctx.boss.send(ctx.schema, { index: i }, {
        group: { id: groupId }
      })
      assertTruthy(jobId)
    }

    // Create worker with localGroupConcurrency limit
    await ctx.boss.work(ctx.schema, {
      localConcurrency,
      localGroupConcurrency,
      pollingIntervalSeconds: 0.5,
      batchSize: 4 // Fetch multiple jobs at once to test limiting
    }, async (jobs) => {
      currentActive += jobs.length
      maxActive = Math.max(maxActive, currentActive)
      await delay(300)
      currentActive -= jobs.length
    })

    await delay(5000)

    // The local group concurrency limit should have been respected
    expect(maxActive).toBeLessThanOrEqual(localGroupConcurrency)
  })

  it('should allow different groups to process independently with localGroupConcurrency', async function () {
    ctx.boss = await helper.start({ ...ctx.bossConfig, __test__enableSpies: true })

    const group1 = 'tenant-1'
    const group2 = 'tenant-2'
    const localGroupConcurrency = 1
    const localConcurrency = 4

    const activeGroups: Record<string, number> = { [group1]: 0, [group2]: 0 }
    let bothActiveAtOnce = false

    // Send jobs for both groups
    for (let i = 0; i < 3; i++) {
      await ctx.boss.send(ctx.schema, { group: group1, index: i }, { group: { id: group1 } })
      await ctx.boss.send(ctx.schema, { group: group2, index: i }, { group: { id: group2 } })
    }

    // Create workers with localGroupConcurrency limit
    await ctx.boss.work(ctx.schema, { localConcurrency, localGroupConcurrency, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      const job = jobs[0]
      const groupId = (job.data as { group: string }).group

      activeGroups[groupId]++

      // Check if both groups have active jobs simultaneously
      if (activeGroups[group1] > 0 && activeGroups[group2] > 0) {
        bothActiveAtOnce = true
      }

      // Each group should respect its own limit
      expect(activeGroups[groupId]).toBeLessThanOrEqual(localGroupConcurrency)

      await delay(300)
      activeGroups[groupId]--
    })

    await delay(5000)

    // Both groups should have been able to run jobs simultaneously
    expect(bothActiveAtOnce).toBe(true)
  })

  it('should apply tier-based limits with localGroupConcurrency', async function () {
    ctx.boss = await helper.start({ ...ctx.bossConfig, __test__enableSpies: true })

    const enterpriseGroup = 'enterprise-tenant'
    const freeGroup = 'free-tenant'

    const localGroupConcurrencyConfig = {
      default: 1,
      tiers: {
        enterprise: 3
      }
    }

    const activeByGroup: Record<string, number> = {}
    const maxByGroup: Record<string, number> = {}

    // Send enterprise tier jobs
    for (let i = 0; i < 6; i++) {
      await ctx.boss.send(ctx.schema, { group: enterpriseGroup }, {
        group: { id: enterpriseGroup, tier: 'enterprise' }
      })
    }

    // Send free tier jobs
    for (let i = 0; i < 4; i++) {
      await ctx.boss.send(ctx.schema, { group: freeGroup }, {
        group: { id: freeGroup }
      })
    }

    await ctx.boss.work(ctx.schema, {
      localConcurrency: 4,
      localGroupConcurrency: localGroupConcurrencyConfig,
      pollingIntervalSeconds: 0.5
    }, async (jobs) => {
      const job = jobs[0]
      const groupId = (job.data as { group: string }).group

      activeByGroup[groupId] = (activeByGroup[groupId] || 0) + 1
      maxByGroup[groupId] = Math.max(maxByGroup[groupId] || 0, activeByGroup[groupId])

      await delay(200)
      activeByGroup[groupId]--
    })

    await delay(5000)

    expect(maxByGroup[enterpriseGroup]).toBeDefined()
    expect(maxByGroup[freeGroup]).toBeDefined()
    expect(maxByGroup[enterpriseGroup]).toBeGreaterThanOrEqual(1)
    expect(maxByGroup[freeGroup]).toBeGreaterThanOrEqual(1)
  })

  it('should allow jobs without group to bypass localGroupConcurrency limits', async function () {
    ctx.boss = await helper.start({ ...ctx.bossConfig, __test__enableSpies: true })

    const groupId = 'limited-group'
    const localGroupConcurrency = 1

    let groupJobsProcessed = 0
    let noGroupJobsProcessed = 0

    for (let i = 0; i < 3; i++) {
      await ctx.boss.send(ctx.schema, { hasGroup: true }, { group: { id: groupId } })
    }

    for (let i = 0; i < 3; i++) {
      await ctx.boss.send(ctx.schema, { hasGroup: false })
    }

    await ctx.boss.work(ctx.schema, {
      localConcurrency: 4,
      localGroupConcurrency,
      pollingIntervalSeconds: 0.5
    }, async (jobs) => {
      const job = jobs[0]
      if ((job.data as { hasGroup: boolean }).hasGroup) {
        groupJobsProcessed++
      } else {
        noGroupJobsProcessed++
      }
      await delay(200)
    })

    await delay(4000)

    // All jobs should have been processed
    expect(groupJobsProcessed).toBe(3)
    expect(noGroupJobsProcessed).toBe(3)
  })

  it('should validate localGroupConcurrency option in work', async function () {
    ctx.boss = await helper.start(ctx.bossConfig)

    // Invalid localGroupConcurrency (0)
    await expect(async () => {
      await ctx.boss!.work(ctx.schema, { localGroupConcurrency: 0 }, async () => {})
    }).rejects.toThrow('localGroupConcurrency must be an integer >= 1')

    // Invalid localGroupConcurrency object (missing default)
    await expect(async () => {
      // @ts-ignore
      await ctx.boss!.work(ctx.schema, { localGroupConcurrency: { tiers: {} } }, async () => {})
    }).rejects.toThrow('localGroupConcurrency.default must be an integer >= 1')

    // Invalid tier limit
    await expect(async () => {
      await ctx.boss!.work(ctx.schema, {
        localGroupConcurrency: { default: 1, tiers: { invalid: 0 } }
      }, async () => {})
    }).rejects.toThrow('localGroupConcurrency.tiers["invalid"] must be an integer >= 1')
  })

  it('should not allow both groupConcurrency and localGroupConcurrency', async function () {
    ctx.boss = await helper.start(ctx.bossConfig)

    await expect(async () => {
      await ctx.boss!.work(ctx.schema, {
        localConcurrency: 2,
        groupConcurrency: 2,
        localGroupConcurrency: 2
      }, async () => {})
    }).rejects.toThrow('cannot specify both groupConcurrency and localGroupConcurrency')
  })

  it('should not allow localGroupConcurrency to exceed localConcurrency', async function () {
    ctx.boss = await helper.start(ctx.bossConfig)

    // Simple number exceeds localConcurrency
    await expect(async () => {
      await ctx.boss!.work(ctx.schema, {
        localConcurrency: 2,
        localGroupConcurrency: 5
      }, async () => {})
    }).rejects.toThrow('localGroupConcurrency (5) cannot exceed localConcurrency (2)')

    // Default value exceeds localConcurrency
    await expect(async () => {
      await ctx.boss!.work(ctx.schema, {
        localConcurrency: 2,
        localGroupConcurrency: { default: 5 }
      }, async () => {})
    }).rejects.toThrow('localGroupConcurrency.default (5) cannot exceed localConcurrency (2)')

    // Tier value exceeds localConcurrency
    await expect(async () => {
      await ctx.boss!.work(ctx.schema, {
        localConcurrency: 2,
        localGroupConcurrency: { default: 1, tiers: { enterprise: 5 } }
      }, async () => {})
    }).rejects.toThrow('localGroupConcurrency.tiers["enterprise"] (5) cannot exceed localConcurrency (2)')
  })

  it('should use tier-specific limits when job has a tier in localGroupConcurrency', async function () {
    ctx.boss = await helper.start({ ...ctx.bossConfig, __test__enableSpies: true })

    const premiumGroup = 'premium-tenant'
    const localGroupConcurrencyConfig = {
      default: 1,
      tiers: {
        premium: 2
      }
    }

    let maxActive = 0
    let currentActive = 0

    // Send premium tier jobs (should use limit of 2)
    for (let i = 0; i < 4; i++) {
      await ctx.boss.send(ctx.schema, { tier: 'premium', index: i }, {
        group: { id: premiumGroup, tier: 'premium' }
      })
    }

    await ctx.boss.work(ctx.schema, {
      localConcurrency: 4,
      localGroupConcurrency: localGroupConcurrencyConfig,
      pollingIntervalSeconds: 0.5
    }, async () => {
      currentActive++
      maxActive = Math.max(maxActive, currentActive)
      await delay(300)
      currentActive--
    })

    await delay(4000)

    // Premium tier should allow up to 2 concurrent jobs per group
    expect(maxActive).toBeLessThanOrEqual(2)
  })
})
