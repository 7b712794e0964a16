from collections.abc import Iterable

from polar.enums import PayoutAccountType
from polar.kit.utils import generate_uuid
from polar.models import Payout, Transaction
from polar.models.transaction import Processor, TransactionType
from polar.postgres import AsyncSession

from ..repository import (
    BalanceTransactionRepository,
    PayoutReversalTransactionRepository,
    PayoutTransactionRepository,
    TransactionRepository,
)
from .base import BaseTransactionService


class PayoutTransactionService(BaseTransactionService):
    async def create(
        self,
        session: AsyncSession,
        payout: Payout,
        fees_balances: Iterable[tuple[Transaction, Transaction]],
    ) -> Transaction:
        account = payout.account
        transaction = Transaction(
            id=generate_uuid(),
            type=TransactionType.payout,
            processor=Processor.stripe,
            currency=payout.currency,
            amount=-payout.amount,
            account_currency=payout.account_currency,
            account_amount=-payout.account_amount,
            tax_amount=0,
            account=account,
            pledge=None,
            issue_reward=None,
            order=None,
            paid_transactions=[],
            incurred_transactions=[],
            account_incurred_transactions=[],
            payout=payout,
        )

        transaction_repository = TransactionRepository.from_session(session)
        unpaid_balance_transactions = (
            await transaction_repository.get_all_unpaid_by_account(account.id)
        )

        if payout.processor == PayoutAccountType.stripe:
            transaction.processor = Processor.stripe
        elif payout.processor == PayoutAccountType.manual:
            transaction.processor = Processor.manual

        for balance_transaction in unpaid_balance_transactions:
            transaction.paid_transactions.append(balance_transaction)

        for outgoing, incoming in fees_balances:
            transaction.incurred_transactions.append(outgoing)
            transaction.account_incurred_transactions.append(outgoing)
            transaction.incurred_transactions.append(incoming)

        repository = PayoutTransactionRepository.from_session(session)
        return await repository.create(transaction, flush=True)

    async def reverse(
        self,
        session: AsyncSession,
        transaction: Transaction,
        payout: Payout,
    ) -> Transaction:
        # Reset first: it clears every row pointing at the payout, reversal included.
        balance_transaction_repository = BalanceTransactionRepository.from_session(
            session
        )
        await balance_transaction_repository.reset_payout_transaction_id(transaction.id)

        reversed_transaction = Transaction(
            id=generate_uuid(),
            type=TransactionType.payout_reversal,
            processor=transaction.processor,
            currency=transaction.currency,
            amount=-transaction.amount,
            account_currency=transaction.account_currency,
            account_amount=-transaction.account_amount,
            tax_amount=0,
            account=transaction.account,
            pledge=None,
            issue_reward=None,
            order=None,
            paid_transactions=[],
            incurred_transactions=[],
            account_incurred_transactions=[],
            payout=payout,
            # The reversal belongs to the payout it reverses, never to a later one.
            payout_transaction=transaction,
        )

        repository = PayoutReversalTransactionRepository.from_session(session)
        return await repository.create(reversed_transaction, flush=True)


payout_transaction = PayoutTransactionService(Transaction)
