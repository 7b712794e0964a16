import { InvalidRequestError } from '@atproto/xrpc-server'
import type { AppContext } from '../../context.js'
import type { Server } from '../../lexicon/index.js'
import { getReportById } from '../../mod-service/report.js'
import { reassignReportQueue } from '../../report/reassign.js'
import { buildReportView, hydrateReportInfo } from '../../report/views.js'
import { getAuthDid, getPdsAccountInfos } from '../util.js'

export default function (server: Server, ctx: AppContext) {
  server.tools.ozone.report.reassignQueue({
    auth: ctx.authVerifier.modOrAdminToken,
    handler: async ({ input, auth, req }) => {
      const createdBy =
        getAuthDid(auth, ctx.cfg.service.did) ?? ctx.cfg.service.did
      const db = ctx.db
      const queueService = ctx.queueService(db)

      await reassignReportQueue(db, queueService, {
        reportId: input.body.reportId,
        toQueueId: input.body.queueId,
        comment: input.body.comment,
        createdBy,
      })

      const report = await getReportById(db, input.body.reportId)
      if (!report) {
        throw new InvalidRequestError(
          `Report ${input.body.reportId} not found after reassignment`,
          'ReportNotFound',
        )
      }

      const modService = ctx.modService(db)
      const teamService = ctx.teamService(db)
      const labelers = ctx.reqLabelers(req)

      const [hydrated, actionEvents] = await Promise.all([
        hydrateReportInfo(
          [report],
          modService.views,
          (dids) => getPdsAccountInfos(ctx, dids),
          (queueIds) => queueService.getViewsByIds(queueIds),
          (dids) => teamService.viewByDids(dids),
          labelers,
        ),
        Array.isArray(report.actionEventIds) && report.actionEventIds.length
          ? modService.getEventsByIds(report.actionEventIds as number[])
          : Promise.resolve([]),
      ])

      const actions = actionEvents.map((evt) =>
        modService.views.formatEvent(evt),
      )

      return {
        encoding: 'application/json',
        body: {
          report: buildReportView(
            report,
            hydrated,
            auth.credentials.isModerator,
            actions,
          ),
        },
      }
    },
  })
}
