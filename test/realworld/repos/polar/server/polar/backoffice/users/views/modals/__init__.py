from .delete_identity_verification_modal import DeleteIdentityVerificationModal

__all__ = ["DeleteIdentityVerificationModal"]
