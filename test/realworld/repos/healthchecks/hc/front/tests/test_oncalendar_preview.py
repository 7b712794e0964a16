from __future__ import annotations

import time_machine

from hc.test import BaseTestCase


@time_machine.travel("2020-01-01 00:00+00:00")
class OnCalendarPreviewTestCase(BaseTestCase):
    url = "/checks/oncalendar_preview/"

    def test_it_works(self) -> None:
        payload = {"schedule": "*:*", "tz": "UTC"}
        self.client.login(username="alice@example.org", password="password")
        r = self.client.post(self.url, payload)
        self.assertContains(r, "oncalendar-preview-title", status_code=200)
        self.assertContains(r, "2020-01-01 00:01:00 UTC")

    def test_it_handles_single_result(self) -> None:
        payload = {"schedule": "2020-02-01", "tz": "UTC"}
        self.client.login(username="alice@example.org", password="password")
        r = self.client.post(self.url, payload)
        self.assertContains(r, "oncalendar-preview-title", status_code=200)
        self.assertContains(r, "2020-02-01 00:00:00 UTC")
