from dispatch.enums import DispatchEnum


class FeedbackRating(DispatchEnum):
    very_satisfied = "Very satisfied"
    somewhat_satisfied = "Somewhat satisfied"
    neither_satisfied_nor_dissatisfied = "Neither satisfied nor dissatisfied"
    somewhat_dissatisfied = "Somewhat dissatisfied"
    very_dissatisfied = "Very dissatisfied"
