"""Organization detail view with horizontal tabs and sidebar."""

import contextlib
import urllib.parse
from collections.abc import Generator
from datetime import UTC, datetime
from uuid import UUID

from fastapi import Request
from tagflow import classes, tag, text

from polar.config import settings
from polar.models import Organization, User
from polar.models.organization import OrganizationStatus, SnoozeType
from polar.organization_review.schemas import ReviewVerdict
from polar.startup_program.service import StartupProgramStatus

from ...components import (
    Tab,
    button,
    card,
    status_badge,
    tab_nav,
)
from ...components._clipboard_button import clipboard_button


def _get_logfire_url(organization_id: UUID) -> str:
    params = {
        "q": f"attributes->>'subject_id' = '{organization_id}'",
        "last": "30d",
    }
    return (
        f"https://logfire-us.pydantic.dev/polar/polar?{urllib.parse.urlencode(params)}"
    )


class OrganizationDetailView:
    """Render the organization detail view with horizontal section tabs."""

    def __init__(
        self,
        organization: Organization,
        ai_verdict: str = "",
        owner_email: str | None = None,
        impersonate_user: User | None = None,
        startup_program_status: str | None = None,
        has_open_case: bool = False,
        has_risk_signals: bool = False,
    ):
        self.org = organization
        self.ai_verdict = ai_verdict
        self.owner_email = owner_email
        self.impersonate_user = impersonate_user
        self.has_open_case = has_open_case
        self.has_risk_signals = has_risk_signals
        # Startup Program status string is derived via the Polar API and
        # populated by the endpoint; ``None`` means "feature disabled" OR
        # "not invited". The card collapses both into the same rendering.
        self.startup_program_status = startup_program_status

    @contextlib.contextmanager
    def section_tabs(
        self, request: Request, current_section: str = "overview"
    ) -> Generator[None]:
        """Render horizontal section navigation tabs."""
        tabs = [
            Tab(
                "Overview",
                str(
                    request.url_for("organizations:detail", organization_id=self.org.id)
                )
                + "?section=overview",
                active=current_section == "overview",
            ),
            Tab(
                "Team",
                str(
                    request.url_for("organizations:detail", organization_id=self.org.id)
                )
                + "?section=team",
                active=current_section == "team",
            ),
            Tab(
                "Account",
                str(
                    request.url_for("organizations:detail", organization_id=self.org.id)
                )
                + "?section=account",
                active=current_section == "account",
            ),
            Tab(
                "Files",
                str(
                    request.url_for("organizations:detail", organization_id=self.org.id)
                )
                + "?section=files",
                active=current_section == "files",
            ),
            Tab(
                "Reviews",
                str(
                    request.url_for("organizations:detail", organization_id=self.org.id)
                )
                + "?section=reviews",
                active=current_section == "reviews",
                dot=self.has_risk_signals,
                badge_variant="error",
            ),
            Tab(
                "Support Cases",
                str(
                    request.url_for("organizations:detail", organization_id=self.org.id)
                )
                + "?section=support_case",
                active=current_section == "support_case",
                dot=self.has_open_case,
                badge_variant="warning",
            ),
            Tab(
                "Settings",
                str(
                    request.url_for("organizations:detail", organization_id=self.org.id)
                )
                + "?section=settings",
                active=current_section == "settings",
            ),
        ]

        with tab_nav(tabs):
            pass
        yield

    def _render_create_review_ticket_button(self, request: Request) -> None:
        with tag.div(classes="w-full"):
            with button(
                variant="secondary",
                size="sm",
                outline=True,
                hx_get=str(
                    request.url_for(
                        "organizations:create_review_ticket",
                        organization_id=self.org.id,
                    )
                ),
                hx_target="#modal",
            ):
                text("Create Plain Ticket")

    def _render_startup_program_card(self, request: Request) -> None:
        """Show Startup Program state and an Invite action.

        Status comes from the Polar API (customer + discount), pre-computed
        by the endpoint and passed in as ``startup_program_status``. The
        "no Polar customer" case shows up as ``None`` (same as "not invited")
        — clicking Invite surfaces the specific error via toast.
        """
        if not settings.STARTUP_PROGRAM_ENABLED:
            return
        with card(bordered=True, classes="mb-4"):
            with tag.h3(classes="font-bold text-sm uppercase tracking-wide mb-3"):
                text("Startup Program")

            status_value = self.startup_program_status
            with tag.div(classes="flex items-center gap-2 mb-3 text-sm"):
                with tag.span(classes="text-base-content/60"):
                    text("Status")
                with tag.div(classes="badge"):
                    if status_value == StartupProgramStatus.invited:
                        classes("badge-success")
                        text("Invited")
                    elif status_value == StartupProgramStatus.consumed:
                        classes("badge-neutral")
                        text("Consumed")
                    else:
                        classes("badge-ghost")
                        text("Not invited")

            if status_value not in (
                StartupProgramStatus.invited,
                StartupProgramStatus.consumed,
            ):
                with tag.div(classes="w-full"):
                    with button(
                        variant="primary",
                        size="sm",
                        hx_post=str(
                            request.url_for(
                                "organizations:startup_program_mark_invited",
                                organization_id=self.org.id,
                            )
                        ),
                        hx_swap="none",
                        hx_confirm=(
                            "Invite this organization to the Startup "
                            "Program? A 100% discount on Scale (12 months, "
                            "single use) will be created."
                        ),
                    ):
                        text("Invite")
            elif status_value == StartupProgramStatus.invited:
                # Discount is still unused — safe to revoke. Once consumed
                # the discount is part of billing history and can't be removed.
                with tag.div(classes="w-full"):
                    with button(
                        variant="secondary",
                        size="sm",
                        outline=True,
                        hx_post=str(
                            request.url_for(
                                "organizations:startup_program_uninvite",
                                organization_id=self.org.id,
                            )
                        ),
                        hx_swap="none",
                        hx_confirm=(
                            "Remove this organization's unused Startup "
                            "Program discount? They will no longer be able "
                            "to claim it."
                        ),
                    ):
                        text("Uninvite")

    @contextlib.contextmanager
    def right_sidebar(self, request: Request) -> Generator[None]:
        """Render right sidebar with contextual actions and metadata."""
        with tag.aside(classes="w-full lg:w-80 lg:pl-4"):
            # Metadata card
            with card(bordered=True, classes="mb-4"):
                with tag.h3(classes="font-bold text-sm uppercase tracking-wide mb-3"):
                    text("Metadata")

                with tag.dl(classes="space-y-3 text-sm"):
                    # Slug (copyable)
                    with tag.div():
                        with tag.dt(classes="text-base-content/60 mb-1"):
                            text("Slug")
                        with tag.dd(classes="flex items-center gap-2"):
                            with tag.code(
                                classes="font-mono text-xs bg-base-200 px-2 py-1 rounded flex-1"
                            ):
                                text(self.org.slug)
                            with clipboard_button(self.org.slug):
                                pass

                    # Previous slugs
                    if self.org.slug_history:
                        with tag.div():
                            with tag.dt(classes="text-base-content/60 mb-1"):
                                text("Previous Slugs")
                            with tag.dd(classes="space-y-1"):
                                for entry in self.org.slug_history:
                                    with tag.div(classes="flex items-center gap-2"):
                                        with tag.code(
                                            classes="font-mono text-xs bg-base-200 px-2 py-1 rounded"
                                        ):
                                            text(entry.get("slug", ""))
                                        deleted_at_raw = entry.get("deleted_at")
                                        if deleted_at_raw:
                                            deleted_at_dt = datetime.fromisoformat(
                                                deleted_at_raw
                                            )
                                            days_ago = (
                                                datetime.now(UTC) - deleted_at_dt
                                            ).days
                                            tooltip = deleted_at_dt.strftime(
                                                "Deleted on %Y-%m-%d %H:%M:%S UTC"
                                            )
                                            with tag.span(
                                                classes="text-xs text-base-content/60",
                                                title=tooltip,
                                            ):
                                                text(f"deleted {days_ago}d ago")

                    # ID (copyable)
                    with tag.div():
                        with tag.dt(classes="text-base-content/60 mb-1"):
                            text("Organization ID")
                        with tag.dd(classes="flex items-center gap-2"):
                            with tag.code(
                                classes="font-mono text-xs bg-base-200 px-2 py-1 rounded flex-1 break-all"
                            ):
                                text(str(self.org.id))
                            with clipboard_button(str(self.org.id)):
                                pass

                    # Contact email (copyable)
                    with tag.div():
                        with tag.dt(classes="text-base-content/60 mb-1"):
                            text("Contact Email")
                        with tag.dd(classes="flex items-center gap-2"):
                            with tag.code(
                                classes="font-mono text-xs bg-base-200 px-2 py-1 rounded flex-1"
                            ):
                                text(self.org.email or "Not set")
                            if self.org.email:
                                with clipboard_button(self.org.email):
                                    pass

                    # Created
                    with tag.div():
                        with tag.dt(classes="text-base-content/60 mb-1"):
                            text("Created")
                        with tag.dd(classes="font-semibold"):
                            days_ago = (datetime.now(UTC) - self.org.created_at).days
                            text(f"{days_ago}d ago")

                    # Status duration
                    if self.org.status_updated_at:
                        with tag.div():
                            with tag.dt(classes="text-base-content/60 mb-1"):
                                text("In Status")
                            with tag.dd(classes="font-semibold"):
                                days = (
                                    datetime.now(UTC) - self.org.status_updated_at
                                ).days
                                text(f"{days} days")

                    # Country
                    if self.org.payout_account:
                        with tag.div():
                            with tag.dt(classes="text-base-content/60 mb-1"):
                                text("Country")
                            with tag.dd(classes="font-semibold"):
                                text(self.org.payout_account.country)

            # Impersonate
            if self.impersonate_user:
                with card(bordered=True, classes="mb-4"):
                    with tag.h3(
                        classes="font-bold text-sm uppercase tracking-wide mb-3"
                    ):
                        text("Impersonate")
                    with tag.div(classes="text-sm text-base-content/60 mb-3"):
                        text(self.impersonate_user.email)
                    with tag.form(
                        hx_post=str(request.url_for("backoffice:start_impersonation")),
                        hx_confirm=f"Impersonate {self.impersonate_user.email}?",
                    ):
                        with tag.input(
                            type="hidden",
                            name="user_id",
                            value=str(self.impersonate_user.id),
                        ):
                            pass
                        with tag.input(
                            type="hidden",
                            name="organization_id",
                            value=str(self.org.id),
                        ):
                            pass
                        with button(
                            variant="secondary",
                            size="sm",
                            outline=True,
                            type="submit",
                        ):
                            text("Impersonate")

            # Internal Notes
            if self.org.internal_notes:
                with card(bordered=True, classes="border-l-4 border-l-base-400 mb-4"):
                    with tag.h3(
                        classes="font-bold text-sm uppercase tracking-wide mb-3"
                    ):
                        text("Internal Note")
                    with tag.div(
                        classes="text-sm whitespace-pre-wrap text-base-content/90 leading-relaxed"
                    ):
                        text(self.org.internal_notes)
                    with tag.div(classes="mt-3 pt-3 border-t border-base-300"):
                        with button(
                            variant="secondary",
                            size="sm",
                            ghost=True,
                            hx_get=str(
                                request.url_for(
                                    "organizations:edit_note",
                                    organization_id=self.org.id,
                                )
                            ),
                            hx_target="#modal",
                        ):
                            text("Edit Note")
            else:
                with card(bordered=True, classes="mb-4"):
                    with tag.h3(
                        classes="font-bold text-sm uppercase tracking-wide mb-3"
                    ):
                        text("Internal Note")
                    with tag.div(classes="text-sm text-base-content/60 mb-3"):
                        text("No internal notes")
                    with button(
                        variant="secondary",
                        size="sm",
                        outline=True,
                        hx_get=str(
                            request.url_for(
                                "organizations:add_note", organization_id=self.org.id
                            )
                        ),
                        hx_target="#modal",
                    ):
                        text("Add Note")

            # Actions card
            with card(bordered=True, classes="mb-4"):
                with tag.h3(classes="font-bold text-sm uppercase tracking-wide mb-3"):
                    text("Actions")

                with tag.div(classes="space-y-2"):
                    is_blocked = self.org.is_blocked()

                    # Context-aware actions based on status
                    if is_blocked:
                        # Blocked organizations can be unblocked and approved
                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:unblock_approve_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Unblock & Approve")

                    elif self.org.status == OrganizationStatus.DENIED:
                        # Denied organizations can be approved or, for merchants
                        # winding down after the fact, sent straight to
                        # offboarding to release their remaining balance.
                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:approve_denied_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Approve")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:offboard_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Set Offboarding")

                        # Show "Deny Appeal" when there's a pending appeal
                        if (
                            self.org.review
                            and self.org.review.appeal_submitted_at
                            and self.org.review.appeal_decision is None
                        ):
                            with tag.div(classes="w-full"):
                                with button(
                                    variant="secondary",
                                    size="sm",
                                    outline=True,
                                    hx_get=str(
                                        request.url_for(
                                            "organizations:deny_appeal_dialog",
                                            organization_id=self.org.id,
                                        )
                                    ),
                                    hx_target="#modal",
                                ):
                                    text("Deny Appeal")

                    elif self.org.status == OrganizationStatus.ACTIVE:
                        # Active organizations can be denied or set under review
                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:under_review_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Set Under Review")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:deny_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Deny")

                    elif self.org.status == OrganizationStatus.REVIEW:
                        # Compute suggested threshold: double current or $250 min
                        current_threshold = self.org.next_review_threshold or 0
                        suggested_threshold = max(25000, current_threshold * 2)
                        threshold_dollars = suggested_threshold // 100
                        is_override = self.ai_verdict == ReviewVerdict.DENY.value

                        if is_override:
                            # AI disagrees: open modal for reason + threshold
                            with tag.div(classes="w-full"):
                                with button(
                                    variant="secondary",
                                    size="sm",
                                    outline=True,
                                    hx_get=str(
                                        request.url_for(
                                            "organizations:approve_dialog",
                                            organization_id=self.org.id,
                                        )
                                    ),
                                    hx_target="#modal",
                                ):
                                    text("Approve")
                        else:
                            # AI agrees: threshold input + approve button
                            with tag.form(
                                hx_post=str(
                                    request.url_for(
                                        "organizations:approve_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                classes="w-full flex gap-2",
                            ):
                                with tag.label(
                                    classes="input input-bordered input-sm flex items-center gap-1 flex-1"
                                ):
                                    with tag.span(classes="text-base-content/40"):
                                        text("$")
                                    with tag.input(
                                        type="number",
                                        name="threshold",
                                        value=str(threshold_dollars),
                                        classes="w-full bg-transparent outline-none [appearance:textfield] [&::-webkit-outer-spin-button]:appearance-none [&::-webkit-inner-spin-button]:appearance-none",
                                    ):
                                        pass
                                with button(
                                    variant="secondary",
                                    size="sm",
                                    outline=True,
                                    type="submit",
                                ):
                                    text("Approve")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:deny_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Deny")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:snooze_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Snooze")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:offboard_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Set Offboarding")

                    elif self.org.status == OrganizationStatus.SNOOZED:
                        deadline = self.org.snoozed_until
                        snooze_type = self.org.snooze_type or SnoozeType.NEXT_SALE
                        if deadline is not None:
                            now = datetime.now(UTC)
                            with tag.div(
                                classes="bg-warning/10 border border-warning/20 p-3 rounded-lg text-xs mb-2"
                            ):
                                with tag.p(classes="font-semibold"):
                                    text(f"Snoozed {self.org.snooze_count} time(s)")
                                with tag.p(classes="text-base-content/70"):
                                    text(snooze_type.get_display_name())
                                if now < deadline:
                                    remaining = deadline - now
                                    hours, seconds = divmod(remaining.seconds, 3600)
                                    minutes = seconds // 60
                                    if remaining.days > 0:
                                        countdown = f"{remaining.days}d {hours}h"
                                    else:
                                        countdown = f"{hours}h {minutes}m"
                                    with tag.p():
                                        text(f"Time remaining: {countdown}")
                                elif snooze_type == SnoozeType.NEXT_SALE:
                                    with tag.p():
                                        text(
                                            "Deadline passed — next sale triggers re-review"
                                        )
                                else:
                                    with tag.p():
                                        text("Deadline passed — auto re-review pending")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_post=str(
                                    request.url_for(
                                        "organizations:unsnooze",
                                        organization_id=self.org.id,
                                    )
                                ),
                            ):
                                text("Unsnooze → Review")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:approve_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Approve")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:deny_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Deny")

                    elif self.org.status == OrganizationStatus.OFFBOARDING:
                        # Offboarding can be reverted to review, denied, or
                        # completed (moved to the terminal offboarded state).
                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:under_review_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Set Under Review")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:offboarded_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Complete Offboarding")

                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:deny_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Deny")

                    elif self.org.status == OrganizationStatus.CREATED:
                        with tag.div(classes="w-full"):
                            with button(
                                variant="secondary",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:deny_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Deny")

                    elif self.org.status == OrganizationStatus.OFFBOARDED:
                        with tag.div(
                            classes="bg-base-200 border border-base-300 p-3 rounded-lg text-xs"
                        ):
                            with tag.p(classes="text-base-content/70"):
                                text(
                                    "Terminal state. New payments are blocked and "
                                    "payouts are released so the merchant can "
                                    "withdraw their remaining balance."
                                )

                    if self.org.status in {
                        OrganizationStatus.ACTIVE,
                        OrganizationStatus.REVIEW,
                        OrganizationStatus.SNOOZED,
                    }:
                        with tag.div(classes="w-full"):
                            with button(
                                variant="warning",
                                size="sm",
                                outline=True,
                                hx_get=str(
                                    request.url_for(
                                        "organizations:reset_onboarding_dialog",
                                        organization_id=self.org.id,
                                    )
                                ),
                                hx_target="#modal",
                            ):
                                text("Reset Onboarding")

                    # Always available actions
                    with tag.div(classes="divider my-2"):
                        pass

                    self._render_create_review_ticket_button(request)

                    with tag.div(classes="w-full"):
                        with button(
                            variant="secondary",
                            size="sm",
                            outline=True,
                            hx_get=str(
                                request.url_for(
                                    "organizations:block_dialog",
                                    organization_id=self.org.id,
                                )
                            ),
                            hx_target="#modal",
                        ):
                            text("Block Organization")

            self._render_startup_program_card(request)

            yield

    @contextlib.contextmanager
    def main_content(
        self, request: Request, section: str = "overview"
    ) -> Generator[None]:
        """Render main content area (delegated to section components)."""
        with tag.main(classes="flex-1 min-w-0"):
            # Section content will be rendered by specific section components
            yield

    @contextlib.contextmanager
    def render(self, request: Request, section: str = "overview") -> Generator[None]:
        """Render the complete detail view with top tabs."""

        # Header
        with tag.div(classes="mb-6"):
            with tag.div(classes="flex flex-wrap items-center justify-between gap-4"):
                with tag.div(classes="flex items-center gap-3 min-w-0 flex-1"):
                    with tag.h1(
                        classes="text-3xl font-bold truncate",
                        title=self.org.name,
                    ):
                        text(self.org.name)
                    with tag.div(classes="flex-shrink-0"):
                        with status_badge(self.org.status):
                            pass

                with tag.div(classes="flex items-center gap-2"):
                    # Top-right menu
                    with tag.div(classes="dropdown dropdown-end"):
                        with tag.button(
                            classes="btn btn-circle btn-ghost",
                            tabindex="0",
                            **{"aria-label": "More options"},
                        ):
                            text("\u22ee")
                        with tag.ul(
                            classes="dropdown-content menu shadow bg-base-100 rounded-box w-56 z-10",
                            tabindex="0",
                        ):
                            with tag.li():
                                with tag.a(
                                    hx_post=str(
                                        request.url_for(
                                            "organizations:run_review_agent",
                                            organization_id=self.org.id,
                                        )
                                    ),
                                    hx_confirm="Run organization review agent?",
                                ):
                                    text("Run Review Agent")
                            with tag.li():
                                with tag.a(
                                    href=f"https://app.plain.com/workspace/w_01JE9TRRX9KT61D8P2CH77XDQM/search/?q={self.owner_email or self.org.slug}",
                                    target="_blank",
                                ):
                                    text("Search in Plain")
                            with tag.li():
                                with tag.a(
                                    href=_get_logfire_url(self.org.id),
                                    target="_blank",
                                ):
                                    text("View API Logs in Logfire")
                            with tag.li():
                                with tag.a(
                                    hx_get=str(
                                        request.url_for(
                                            "organizations:import_orders",
                                            organization_id=self.org.id,
                                        )
                                    ),
                                    hx_target="#modal",
                                ):
                                    text("Import Orders")
                            with tag.li():
                                with tag.a(
                                    hx_get=str(
                                        request.url_for(
                                            "organizations:add_payment_method_domain",
                                            organization_id=self.org.id,
                                        )
                                    ),
                                    hx_target="#modal",
                                ):
                                    text("Add Domain to Allowlist")
                            if (
                                self.org.payout_account
                                and self.org.payout_account.type == "stripe"
                            ):
                                with tag.li():
                                    with tag.a(
                                        hx_post=str(
                                            request.url_for(
                                                "organizations:resync_stripe_account",
                                                organization_id=self.org.id,
                                            )
                                        ),
                                        hx_confirm="Resync account data from Stripe?",
                                    ):
                                        text("Resync Stripe Account")
                            with tag.li(classes="border-t border-base-200 mt-1 pt-1"):
                                with tag.a(
                                    hx_get=str(
                                        request.url_for(
                                            "organizations:delete_dialog",
                                            organization_id=self.org.id,
                                        )
                                    ),
                                    hx_target="#modal",
                                ):
                                    text("Delete Organization")

        # Section tabs (scrollable on mobile)
        with tag.div(classes="mb-6 overflow-x-auto"):
            with self.section_tabs(request, section):
                pass

        # Two-column layout: main content + right sidebar (stacks on mobile)
        with tag.div(classes="flex flex-col lg:flex-row gap-6"):
            # Main content (will be filled by section components)
            with self.main_content(request, section):
                yield

            # Right sidebar
            with self.right_sidebar(request):
                pass


__all__ = ["OrganizationDetailView"]
