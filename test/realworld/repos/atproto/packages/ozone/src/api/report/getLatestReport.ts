import { InvalidRequestError } from '@atproto/xrpc-server'
import type { AppContext } from '../../context.js'
import type { Server } from '../../lexicon/index.js'
import { getLatestReport } from '../../mod-service/report.js'
import { buildReportView, hydrateReportInfo } from '../../report/views.js'
import { getPdsAccountInfos } from '../util.js'

export default function (server: Server, ctx: AppContext) {
  server.tools.ozone.report.getLatestReport({
    auth: ctx.authVerifier.modOrAdminToken,
    handler: async ({ auth, req }) => {
      const db = ctx.db
      const modService = ctx.modService(db)
      const labelers = ctx.reqLabelers(req)

      const report = await getLatestReport(db)
      if (!report) {
        throw new InvalidRequestError('No report found', 'NotFound')
      }

      const queueService = ctx.queueService(db)
      const teamService = ctx.teamService(db)
      const hydrated = await hydrateReportInfo(
        [report],
        modService.views,
        (dids) => getPdsAccountInfos(ctx, dids),
        (queueIds) => queueService.getViewsByIds(queueIds),
        (dids) => teamService.viewByDids(dids),
        labelers,
      )

      return {
        encoding: 'application/json',
        body: {
          report: buildReportView(
            report,
            hydrated,
            auth.credentials.isModerator,
          ),
        },
      }
    },
  })
}
