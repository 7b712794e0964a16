import { AuthRequiredError, InvalidRequestError } from '@atproto/xrpc-server'
import type { AppContext } from '../../context.js'
import type { Server } from '../../lexicon/index.js'

export default function (server: Server, ctx: AppContext) {
  server.tools.ozone.queue.updateQueue({
    auth: ctx.authVerifier.modOrAdminToken,
    handler: async ({ input, auth }) => {
      const access = auth.credentials

      if (!access.isModerator) {
        throw new AuthRequiredError('Must be a moderator to update a queue')
      }

      const { queueId, name, enabled, description, recommendedPolicies } =
        input.body

      if (
        name === undefined &&
        enabled === undefined &&
        description === undefined &&
        recommendedPolicies === undefined
      ) {
        throw new InvalidRequestError(
          'At least one queue property must be provided',
        )
      }

      const queueService = ctx.queueService(ctx.db)

      const existing = await queueService.getById(queueId)
      if (!existing) {
        throw new InvalidRequestError(
          `Queue with id ${queueId} does not exist`,
          'QueueNotFound',
        )
      }

      const updates: {
        name?: string
        enabled?: boolean
        description?: string
        recommendedPolicies?: string[]
      } = {}
      if (name !== undefined) updates.name = name
      if (enabled !== undefined) updates.enabled = enabled
      if (description !== undefined) updates.description = description
      if (recommendedPolicies !== undefined) {
        await queueService.assertRecommendedPolicies(recommendedPolicies)
        updates.recommendedPolicies = recommendedPolicies
      }

      const queue = await queueService.update(queueId, updates)

      return {
        encoding: 'application/json',
        body: { queue: queueService.view(queue) },
      }
    },
  })
}
