from __future__ import annotations

from django.conf import settings
from django.core import mail
from django.test.utils import override_settings

from hc.accounts.models import Credential
from hc.test import BaseTestCase


class ChangeEmailTestCase(BaseTestCase):
    def test_it_requires_sudo_mode(self) -> None:
        self.client.login(username="alice@example.org", password="password")

        r = self.client.get("/accounts/change_email/")
        self.assertContains(r, "We have sent a confirmation code")

    def test_it_shows_form(self) -> None:
        self.client.login(username="alice@example.org", password="password")
        self.set_sudo_flag()

        r = self.client.get("/accounts/change_email/")
        self.assertContains(r, "Change Account's Email Address")
        self.assertNotContains(r, "Two-factor authentication is active")

    def test_it_shows_2fa_warning_if_webauthn_is_active(self) -> None:
        Credential.objects.create(user=self.alice, name="Alices Key")

        self.client.login(username="alice@example.org", password="password")
        self.set_sudo_flag()

        r = self.client.get("/accounts/change_email/")
        self.assertContains(r, "Two-factor authentication is active")

    def test_it_shows_2fa_warning_if_totp_is_active(self) -> None:
        self.profile.totp = "0" * 32
        self.profile.save()

        self.client.login(username="alice@example.org", password="password")
        self.set_sudo_flag()

        r = self.client.get("/accounts/change_email/")
        self.assertContains(r, "Two-factor authentication is active")

    @override_settings(SITE_ROOT="http://testserver", SESSION_COOKIE_SECURE=False)
    def test_it_sends_link(self) -> None:
        self.client.login(username="alice@example.org", password="password")
        self.set_sudo_flag()

        payload = {"email": "alice2@example.org"}
        r = self.client.post("/accounts/change_email/", payload, follow=True)
        self.assertRedirects(r, "/accounts/change_email/")
        self.assertContains(r, "One Last Step")

        self.assertEqual(self.client.cookies["auto-login"].value, "1")
        self.assertEqual(self.client.cookies["auto-login"]["samesite"], "Lax")
        self.assertTrue(self.client.cookies["auto-login"]["httponly"])
        self.assertFalse(self.client.cookies["auto-login"]["secure"])

        # The email address should have not changed yet
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.email, "alice@example.org")
        self.assertTrue(self.alice.has_usable_password())

        # And email should have been sent
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].subject, f"Log in to {settings.SITE_NAME}")
        self.assertEmailContains("http://testserver/accounts/change_email/")

    @override_settings(SESSION_COOKIE_SECURE=True)
    def test_it_sets_secure_autologin_cookie(self) -> None:
        self.client.login(username="alice@example.org", password="password")
        self.set_sudo_flag()

        payload = {"email": "alice2@example.org"}
        r = self.client.post("/accounts/change_email/", payload)
        self.assertTrue(r.cookies["auto-login"]["secure"])

    def test_it_requires_unique_email(self) -> None:
        self.client.login(username="alice@example.org", password="password")
        self.set_sudo_flag()

        payload = {"email": "bob@example.org"}
        r = self.client.post("/accounts/change_email/", payload)
        self.assertContains(r, "bob@example.org is already registered")

        self.alice.refresh_from_db()
        self.assertEqual(self.alice.email, "alice@example.org")
