from .schemas import Member, MemberCreate, MemberOwnerCreate

__all__ = ["Member", "MemberCreate", "MemberOwnerCreate"]
