import type { AppContext } from '../../context.js'
import type { Server } from '../../lexicon/index.js'

export default function (server: Server, ctx: AppContext) {
  server.tools.ozone.queue.listQueues({
    auth: ctx.authVerifier.modOrAdminToken,
    handler: async ({ params }) => {
      const {
        limit = 50,
        cursor,
        enabled,
        subjectType,
        collection,
        reportTypes,
      } = params

      const queueService = ctx.queueService(ctx.db)

      const result = await queueService.list({
        limit,
        cursor,
        enabled,
        subjectType,
        collection,
        reportTypes,
      })

      const queues = await queueService.viewsWithStats(result.queues)

      return {
        encoding: 'application/json',
        body: {
          queues,
          cursor: result.cursor,
        },
      }
    },
  })
}
