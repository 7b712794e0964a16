from dispatch.enums import DispatchEnum


class ServiceFeedbackRating(DispatchEnum):
    no_effort = "No effort"
    little_effort = "Little effort"
    moderate_effort = "Moderate effort"
    lots_of_effort = "Lots of effort"
    very_high_effort = "Very high effort"
    extreme_effort = "Extreme effort, everything I could give"
