import { InvalidRequestError } from '@atproto/xrpc-server'
import type { AppContext } from '../../context.js'
import type { Server } from '../../lexicon/index.js'
import {
  type ActivityType,
  createReportActivity,
  formatActivityView,
} from '../../report/activity.js'
import { getAuthDid } from '../util.js'

const VALID_ACTIVITY_TYPES = new Set<ActivityType>([
  'queueActivity',
  'assignmentActivity',
  'escalationActivity',
  'closeActivity',
  'reopenActivity',
  'noteActivity',
])

const DEFS_PREFIX = 'tools.ozone.report.defs#'

export default function (server: Server, ctx: AppContext) {
  server.tools.ozone.report.createActivity({
    auth: ctx.authVerifier.modOrAdminToken,
    handler: async ({ input, auth }) => {
      const createdBy = getAuthDid(auth, ctx.cfg.service.did)
      const {
        reportId,
        eventId,
        activity,
        internalNote,
        publicNote,
        isAutomated,
      } = input.body

      if ((reportId === undefined) === (eventId === undefined)) {
        throw new InvalidRequestError(
          'Exactly one of reportId or eventId must be provided',
        )
      }

      const rawType = activity.$type ?? ''
      const activityType = rawType.startsWith(DEFS_PREFIX)
        ? rawType.slice(DEFS_PREFIX.length)
        : rawType

      if (!VALID_ACTIVITY_TYPES.has(activityType as ActivityType)) {
        throw new InvalidRequestError(
          `Unknown activity type: ${rawType}`,
          'InvalidActivityType',
        )
      }

      const row = await createReportActivity(ctx.db, {
        reportId,
        eventId,
        activityType: activityType as ActivityType,
        internalNote: internalNote ?? undefined,
        publicNote: publicNote ?? undefined,
        isAutomated: isAutomated ?? false,
        createdBy: createdBy ?? ctx.cfg.service.did,
      })

      return {
        encoding: 'application/json',
        body: { activity: formatActivityView(row) },
      }
    },
  })
}
