"""
.. module: dispatch.plugins.bases.signal_consumer
    :platform: Unix
    :copyright: (c) 2022 by Netflix Inc., see AUTHORS for more
    :license: Apache, see LICENSE for more details.
.. moduleauthor:: Kevin Glisson <kglisson@netflix.com>
"""

from dispatch.plugins.base import Plugin


class SignalConsumerPlugin(Plugin):
    type = "signal-consumer"

    def consume(self, **kwargs):
        raise NotImplementedError
