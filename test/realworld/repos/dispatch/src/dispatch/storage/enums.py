from dispatch.enums import DispatchEnum


class StorageAction(DispatchEnum):
    add_members = "add_members"
    remove_members = "remove_members"
