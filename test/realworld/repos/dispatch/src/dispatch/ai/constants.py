# Cache duration for AI-generated read-in summaries (in seconds)
READ_IN_SUMMARY_CACHE_DURATION = 120  # 2 minutes

# Tactical report generation reference in Slack
TACTICAL_REPORT_SLACK_ACTION = "tactical_report_genai"
