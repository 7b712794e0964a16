import uuid

import pytest
from httpx import AsyncClient

from polar.models import Customer, Member, Organization
from polar.models.customer import CustomerType
from polar.models.member import MemberRole
from polar.postgres import AsyncSession
from tests.fixtures.auth import (
    CUSTOMER_AUTH_SUBJECT,
    MEMBER_AUTH_SUBJECT,
    MEMBER_BILLING_MANAGER_AUTH_SUBJECT,
    MEMBER_OWNER_AUTH_SUBJECT,
)
from tests.fixtures.database import SaveFixture


@pytest.mark.asyncio
class TestListMembers:
    async def test_anonymous(self, client: AsyncClient) -> None:
        response = await client.get("/v1/customer-portal/members")
        assert response.status_code == 401

    @pytest.mark.auth(CUSTOMER_AUTH_SUBJECT)
    async def test_customer_not_allowed(self, client: AsyncClient) -> None:
        """Legacy customers cannot access member endpoints (member-only auth)."""
        response = await client.get("/v1/customer-portal/members")
        assert response.status_code == 401

    @pytest.mark.auth(MEMBER_AUTH_SUBJECT)
    async def test_member_not_allowed(self, client: AsyncClient) -> None:
        """Regular members cannot access member management (billing role required)."""
        response = await client.get("/v1/customer-portal/members")
        assert response.status_code == 403

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_individual_customer_not_allowed(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Individual customers cannot manage members."""
        # Ensure customer is individual type
        customer.type = CustomerType.individual
        await save_fixture(customer)

        response = await client.get("/v1/customer-portal/members")
        assert response.status_code == 403
        assert "team customers" in response.json()["detail"].lower()

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_valid_owner(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner can list team members."""
        # Set customer as team type
        customer.type = CustomerType.team
        await save_fixture(customer)

        # Create additional members
        member2 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="billing@example.com",
            name="Billing Manager",
            role=MemberRole.billing_manager,
        )
        member3 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="member@example.com",
            name="Regular Member",
            role=MemberRole.member,
        )
        await save_fixture(member2)
        await save_fixture(member3)

        response = await client.get("/v1/customer-portal/members")
        assert response.status_code == 200
        data = response.json()["items"]
        assert len(data) == 3  # owner + billing_manager + member

    @pytest.mark.auth(MEMBER_BILLING_MANAGER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_valid_billing_manager(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_billing_manager: Member,
    ) -> None:
        """Billing manager can list team members."""
        # Set customer as team type
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.get("/v1/customer-portal/members")
        assert response.status_code == 200


@pytest.mark.asyncio
class TestAddMember:
    async def test_anonymous(self, client: AsyncClient) -> None:
        response = await client.post(
            "/v1/customer-portal/members",
            json={"email": "new@example.com"},
        )
        assert response.status_code == 401

    @pytest.mark.auth(MEMBER_AUTH_SUBJECT)
    async def test_member_not_allowed(self, client: AsyncClient) -> None:
        """Regular members cannot add members."""
        response = await client.post(
            "/v1/customer-portal/members",
            json={"email": "new@example.com"},
        )
        assert response.status_code == 403

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_individual_customer_not_allowed(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Individual customers cannot add members."""
        customer.type = CustomerType.individual
        await save_fixture(customer)

        response = await client.post(
            "/v1/customer-portal/members",
            json={"email": "new@example.com"},
        )
        assert response.status_code == 403
        assert "team customers" in response.json()["detail"].lower()

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_cannot_add_owner(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Cannot add a member with owner role."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.post(
            "/v1/customer-portal/members",
            json={"email": "new@example.com", "role": "owner"},
        )
        assert response.status_code == 422
        assert (
            "cannot add a member as owner"
            in response.json()["detail"][0]["msg"].lower()
        )

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_existing_member_returns_existing(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Adding an existing member returns the existing member."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        # Create a member first
        member2 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="existing@example.com",
            name="Existing Member",
            role=MemberRole.member,
        )
        await save_fixture(member2)

        # Try to add the same email
        response = await client.post(
            "/v1/customer-portal/members",
            json={"email": "existing@example.com"},
        )
        assert response.status_code == 201
        data = response.json()
        assert data["id"] == str(member2.id)
        assert data["email"] == "existing@example.com"

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_valid_add_member(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner can add a new member."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.post(
            "/v1/customer-portal/members",
            json={"email": "new@example.com", "name": "New Member"},
        )
        assert response.status_code == 201
        data = response.json()
        assert data["email"] == "new@example.com"
        assert data["name"] == "New Member"
        assert data["role"] == "member"  # Default role

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_valid_add_billing_manager(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner can add a member as billing manager."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.post(
            "/v1/customer-portal/members",
            json={
                "email": "billing@example.com",
                "name": "Billing Manager",
                "role": "billing_manager",
            },
        )
        assert response.status_code == 201
        data = response.json()
        assert data["email"] == "billing@example.com"
        assert data["role"] == "billing_manager"

    @pytest.mark.auth(MEMBER_BILLING_MANAGER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_billing_manager_can_add(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_billing_manager: Member,
    ) -> None:
        """Billing manager can also add members."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.post(
            "/v1/customer-portal/members",
            json={"email": "new@example.com"},
        )
        assert response.status_code == 201


@pytest.mark.asyncio
class TestUpdateMember:
    async def test_anonymous(self, client: AsyncClient) -> None:
        response = await client.patch(
            f"/v1/customer-portal/members/{uuid.uuid4()}",
            json={"role": "member"},
        )
        assert response.status_code == 401

    @pytest.mark.auth(MEMBER_AUTH_SUBJECT)
    async def test_member_not_allowed(self, client: AsyncClient) -> None:
        """Regular members cannot update member roles."""
        response = await client.patch(
            f"/v1/customer-portal/members/{uuid.uuid4()}",
            json={"role": "member"},
        )
        assert response.status_code == 403

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_member_not_found(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Returns 404 for non-existent member."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.patch(
            f"/v1/customer-portal/members/{uuid.uuid4()}",
            json={"role": "member"},
        )
        assert response.status_code == 404

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_cannot_modify_self(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner cannot demote themselves."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.patch(
            f"/v1/customer-portal/members/{member_owner.id}",
            json={"role": "member"},
        )
        assert response.status_code == 422
        assert (
            "cannot modify your own role" in response.json()["detail"][0]["msg"].lower()
        )

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_valid_update(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner can update another member's role."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        # Create a regular member
        member2 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="member@example.com",
            name="Regular Member",
            role=MemberRole.member,
        )
        await save_fixture(member2)

        response = await client.patch(
            f"/v1/customer-portal/members/{member2.id}",
            json={"role": "billing_manager"},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["role"] == "billing_manager"

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_owner_can_update_member_name(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner can update another member's name without touching the role."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        member2 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="member@example.com",
            name="Regular Member",
            role=MemberRole.member,
        )
        await save_fixture(member2)

        response = await client.patch(
            f"/v1/customer-portal/members/{member2.id}",
            json={"name": "Renamed Member"},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["name"] == "Renamed Member"
        assert data["role"] == "member"

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_can_update_own_name(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Editing your own name is allowed (unlike role)."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.patch(
            f"/v1/customer-portal/members/{member_owner.id}",
            json={"name": "My New Name"},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["name"] == "My New Name"

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_owner_can_transfer_ownership(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner can transfer ownership to another member."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        # Create a billing manager to promote to owner
        member2 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="new-owner@example.com",
            name="New Owner",
            role=MemberRole.billing_manager,
        )
        await save_fixture(member2)

        # Transfer ownership
        response = await client.patch(
            f"/v1/customer-portal/members/{member2.id}",
            json={"role": "owner"},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["role"] == "owner"

        # Verify the old owner was demoted
        response = await client.get("/v1/customer-portal/members")
        assert response.status_code == 200
        members = response.json()["items"]
        old_owner = next(m for m in members if m["id"] == str(member_owner.id))
        new_owner = next(m for m in members if m["id"] == str(member2.id))
        assert old_owner["role"] == "billing_manager"
        assert new_owner["role"] == "owner"

    @pytest.mark.auth(MEMBER_BILLING_MANAGER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_billing_manager_cannot_transfer_ownership(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_billing_manager: Member,
    ) -> None:
        """Billing manager cannot transfer ownership."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        # Create an owner and another member
        owner = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="owner@example.com",
            name="Owner",
            role=MemberRole.owner,
        )
        member2 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="member@example.com",
            name="Regular Member",
            role=MemberRole.member,
        )
        await save_fixture(owner)
        await save_fixture(member2)

        # Billing manager tries to promote member to owner
        response = await client.patch(
            f"/v1/customer-portal/members/{member2.id}",
            json={"role": "owner"},
        )
        assert response.status_code == 422
        assert (
            "only the owner can transfer ownership"
            in response.json()["detail"][0]["msg"].lower()
        )


@pytest.mark.asyncio
class TestRemoveMember:
    async def test_anonymous(self, client: AsyncClient) -> None:
        response = await client.delete(f"/v1/customer-portal/members/{uuid.uuid4()}")
        assert response.status_code == 401

    @pytest.mark.auth(MEMBER_AUTH_SUBJECT)
    async def test_member_not_allowed(self, client: AsyncClient) -> None:
        """Regular members cannot remove members."""
        response = await client.delete(f"/v1/customer-portal/members/{uuid.uuid4()}")
        assert response.status_code == 403

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_cannot_remove_self(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner cannot remove themselves."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        response = await client.delete(f"/v1/customer-portal/members/{member_owner.id}")
        assert response.status_code == 422
        assert "cannot remove yourself" in response.json()["detail"][0]["msg"].lower()

    @pytest.mark.auth(MEMBER_OWNER_AUTH_SUBJECT)
    @pytest.mark.keep_session_state
    async def test_valid_remove(
        self,
        client: AsyncClient,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
        member_owner: Member,
    ) -> None:
        """Owner can remove another member."""
        customer.type = CustomerType.team
        await save_fixture(customer)

        # Create a regular member
        member2 = Member(
            customer_id=customer.id,
            organization_id=organization.id,
            email="member@example.com",
            name="Regular Member",
            role=MemberRole.member,
        )
        await save_fixture(member2)

        response = await client.delete(f"/v1/customer-portal/members/{member2.id}")
        assert response.status_code == 204
