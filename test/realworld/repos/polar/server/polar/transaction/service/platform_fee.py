import datetime

import structlog
from sqlalchemy import select

from polar.account.repository import AccountRepository
from polar.account_credit.service import account_credit_service
from polar.enums import PayoutAccountType
from polar.integrations.stripe.service import stripe as stripe_service
from polar.logging import Logger
from polar.models import Account, Payout, PayoutAccount, Transaction
from polar.models.transaction import PlatformFeeType, Processor, TransactionType
from polar.postgres import AsyncSession
from polar.transaction.fees.stripe import (
    get_reverse_stripe_payout_fees,
    get_stripe_account_fee,
    get_stripe_international_fee,
)

from .balance import balance_transaction as balance_transaction_service
from .base import BaseTransactionService, BaseTransactionServiceError

log: Logger = structlog.get_logger()


INTERNATIONAL_CARD_PAYMENT_METHOD_TYPES: frozenset[str] = frozenset({"kr_card"})


class PlatformFeeTransactionError(BaseTransactionServiceError): ...


class PayoutAmountTooLow(PlatformFeeTransactionError):
    def __init__(self, balance_amount: int) -> None:
        self.balance_amount = balance_amount
        message = "Fees are higher than the amount to be paid out."
        super().__init__(message)


class PlatformFeeTransactionService(BaseTransactionService):
    async def create_fees_reversal_balances(
        self,
        session: AsyncSession,
        *,
        balance_transactions: tuple[Transaction, Transaction],
    ) -> list[tuple[Transaction, Transaction]]:
        return await self._create_payment_fees(
            session, balance_transactions=balance_transactions
        )

    async def create_dispute_fees_balances(
        self,
        session: AsyncSession,
        *,
        dispute_fees: list[Transaction],
        balance_transactions: tuple[Transaction, Transaction],
    ) -> list[tuple[Transaction, Transaction]]:
        outgoing, incoming = balance_transactions

        fees_balances: list[tuple[Transaction, Transaction]] = []
        for dispute_fee in dispute_fees:
            fee_balances = await balance_transaction_service.create_reversal_balance(
                session,
                balance_transactions=balance_transactions,
                amount=-dispute_fee.amount,
                platform_fee_type=PlatformFeeType.dispute,
                outgoing_incurred_by=incoming,
                incoming_incurred_by=outgoing,
            )
            fees_balances.append(fee_balances)

        return fees_balances

    async def get_payout_fees(
        self,
        session: AsyncSession,
        *,
        account: Account,
        payout_account: PayoutAccount,
        balance_amount: int,
    ) -> list[tuple[PlatformFeeType, int]]:
        if not account.processor_fees_applicable:
            return []

        if payout_account.type != PayoutAccountType.stripe:
            return []

        payout_fees: list[tuple[PlatformFeeType, int]] = []

        last_payout = await self._get_last_payout(session, account)
        if last_payout is None:
            account_fee_amount = get_stripe_account_fee()
            balance_amount -= account_fee_amount
            payout_fees.append((PlatformFeeType.account, account_fee_amount))

        try:
            transfer_fee_amount, payout_fee_amount = get_reverse_stripe_payout_fees(
                balance_amount, payout_account.country
            )
        except ValueError as e:
            raise PayoutAmountTooLow(balance_amount) from e

        if transfer_fee_amount > 0:
            payout_fees.append(
                (PlatformFeeType.cross_border_transfer, transfer_fee_amount)
            )

        if payout_fee_amount > 0:
            payout_fees.append((PlatformFeeType.payout, payout_fee_amount))

        return payout_fees

    async def create_payout_fees_reversal_balances(
        self,
        session: AsyncSession,
        *,
        payout: Payout,
    ) -> list[tuple[Transaction, Transaction]]:
        """Return the per-payout platform fees to the merchant's balance.

        Used when canceling a payout that never ran its Stripe transfer (held,
        or pending-before-transfer). Those fees were only reserved, never paid,
        so we credit them back with the same fee type, which counts toward the
        available balance immediately. Mirrors ``create_payout_fees_balances``.
        """
        account = payout.account
        reversals: list[tuple[Transaction, Transaction]] = []
        for fee_transaction in payout.fees_transactions:
            # fee_transaction is the merchant-side debit (negative); credit it back.
            reversal = await balance_transaction_service.create_balance(
                session,
                source_account=None,
                destination_account=account,
                amount=-fee_transaction.amount,
                platform_fee_type=fee_transaction.platform_fee_type,
            )
            reversals.append(reversal)
        return reversals

    async def create_payout_fees_balances(
        self,
        session: AsyncSession,
        *,
        account: Account,
        payout_account: PayoutAccount,
        balance_amount: int,
    ) -> tuple[int, list[tuple[Transaction, Transaction]]]:
        payout_fees = await self.get_payout_fees(
            session,
            account=account,
            payout_account=payout_account,
            balance_amount=balance_amount,
        )

        payout_fees_balances: list[tuple[Transaction, Transaction]] = []
        for payout_fee_type, fee_amount in payout_fees:
            fee_balances = await balance_transaction_service.create_balance(
                session,
                source_account=account,
                destination_account=None,
                amount=fee_amount,
                platform_fee_type=payout_fee_type,
            )
            payout_fees_balances.append(fee_balances)
            balance_amount -= fee_amount

        return balance_amount, payout_fees_balances

    async def _create_payment_fees(
        self,
        session: AsyncSession,
        *,
        balance_transactions: tuple[Transaction, Transaction],
    ) -> list[tuple[Transaction, Transaction]]:
        outgoing, incoming = balance_transactions

        assert incoming.account_id is not None
        account_repository = AccountRepository.from_session(session)
        account = await account_repository.get_by_id(incoming.account_id)
        assert account is not None

        assert incoming.payment_transaction_id is not None

        payment_transaction = await self.get(session, incoming.payment_transaction_id)
        assert payment_transaction is not None
        total_amount = payment_transaction.amount + payment_transaction.tax_amount

        fees_balances: list[tuple[Transaction, Transaction]] = []

        # Payment fee
        fee_amount = account.calculate_fee_in_cents(total_amount)
        if fee_amount > 0:
            fee_balances = await balance_transaction_service.create_reversal_balance(
                session,
                balance_transactions=balance_transactions,
                amount=fee_amount,
                platform_fee_type=PlatformFeeType.payment,
                outgoing_incurred_by=incoming,
                incoming_incurred_by=outgoing,
            )
            fees_balances.append(fee_balances)

        # International fee
        if account.processor_fees_applicable and (
            await self._is_international_payment_transaction(payment_transaction)
        ):
            international_fee_amount = get_stripe_international_fee(total_amount)
            fee_balances = await balance_transaction_service.create_reversal_balance(
                session,
                balance_transactions=balance_transactions,
                amount=international_fee_amount,
                platform_fee_type=PlatformFeeType.international_payment,
                outgoing_incurred_by=incoming,
                incoming_incurred_by=outgoing,
            )
            fees_balances.append(fee_balances)

        # Subscription fee
        if incoming.order_id is not None:
            await session.refresh(incoming, {"order"})
            assert incoming.order is not None
            if incoming.order.subscription_id is not None:
                subscription_fee_amount = account.calculate_subscription_fee_in_cents(
                    total_amount
                )
                if subscription_fee_amount > 0:
                    fee_balances = (
                        await balance_transaction_service.create_reversal_balance(
                            session,
                            balance_transactions=balance_transactions,
                            amount=subscription_fee_amount,
                            platform_fee_type=PlatformFeeType.subscription,
                            outgoing_incurred_by=incoming,
                            incoming_incurred_by=outgoing,
                        )
                    )
                    fees_balances.append(fee_balances)

        if account.credit_balance <= 0:
            return fees_balances

        total_fees = sum(abs(outgoing.amount) for outgoing, _ in fees_balances)
        if total_fees <= 0:
            return fees_balances

        credit_balances = await self._apply_fee_credits(
            session,
            account=account,
            fee_amount=total_fees,
            balance_transactions=balance_transactions,
        )
        if credit_balances is not None:
            fees_balances.append(credit_balances)

        return fees_balances

    async def _apply_fee_credits(
        self,
        session: AsyncSession,
        *,
        account: Account,
        fee_amount: int,
        balance_transactions: tuple[Transaction, Transaction],
    ) -> tuple[Transaction, Transaction] | None:
        outgoing, incoming = balance_transactions

        amount_applied, credits_used = await account_credit_service.apply_to_fee(
            session, account, fee_amount
        )
        if amount_applied <= 0:
            return None

        credit_balances = await balance_transaction_service.create_reversal_balance(
            session,
            balance_transactions=balance_transactions,
            amount=-amount_applied,
            platform_fee_type=PlatformFeeType.fee_credit,
            outgoing_incurred_by=incoming,
            incoming_incurred_by=outgoing,
        )

        log.info(
            "Applied payment fee credits",
            account_id=str(account.id),
            fee_amount=fee_amount,
            credit_applied=amount_applied,
            credits_used=[str(c.id) for c in credits_used],
        )
        return credit_balances

    async def _is_international_payment_transaction(
        self, payment_transaction: Transaction
    ) -> bool:
        """
        Check if the payment transaction is an international payment, i.e.
        paid with a card issued outside the US.

        For Stripe card and Link payments, we check the card's country. Card
        methods that only exist outside the US, like South Korean cards, are
        always international. Non-card methods are never international: the
        fee only applies to cards.
        """
        if payment_transaction.processor != Processor.stripe:
            return False

        if payment_transaction.charge_id is None:
            return False

        charge = await stripe_service.get_charge(payment_transaction.charge_id)

        if (payment_method_details := charge.payment_method_details) is None:
            return False

        if (
            payment_method_details.type == "card"
            and payment_method_details.card is not None
        ):
            return payment_method_details.card.country != "US"

        if (
            payment_method_details.type == "link"
            and payment_method_details.link is not None
        ):
            return payment_method_details.link.country != "US"

        return payment_method_details.type in INTERNATIONAL_CARD_PAYMENT_METHOD_TYPES

    async def _get_last_payout(
        self, session: AsyncSession, account: Account
    ) -> Transaction | None:
        statement = (
            select(Transaction)
            .where(
                Transaction.type == TransactionType.payout,
                Transaction.account_id == account.id,
                Transaction.created_at
                > datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=30),
            )
            .limit(1)
            .order_by(Transaction.created_at.desc())
        )
        result = await session.execute(statement)
        return result.scalar_one_or_none()


platform_fee_transaction = PlatformFeeTransactionService(Transaction)
