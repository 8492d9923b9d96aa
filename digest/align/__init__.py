"""Stage 4, across articles: topics, and within a topic quotes and claims lined up by outlet."""
