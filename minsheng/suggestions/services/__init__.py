"""Every write to suggestions, topics and comments: keyword-only, atomic, audited. Import from here."""

from minsheng.suggestions.services.grouping import suggestion_ungroup, suggestions_group
from minsheng.suggestions.services.handling import (
    suggestion_assign,
    suggestion_convert,
    suggestion_decide,
    suggestion_publish,
    suggestion_rate,
    suggestion_reassign,
    suggestion_redirect,
    suggestion_reply,
    suggestion_reward,
)
from minsheng.suggestions.services.intake import Receipt, SuggestionInput, suggestion_submit
from minsheng.suggestions.services.numbers import petition_code_of, query_code_of
from minsheng.suggestions.services.reminders import scan_overdue
from minsheng.suggestions.services.topics import (
    TopicInput,
    comment_moderate,
    comment_submit,
    topic_create,
    topic_publish,
    topic_update,
)

__all__ = [
    "Receipt",
    "SuggestionInput",
    "TopicInput",
    "comment_moderate",
    "comment_submit",
    "petition_code_of",
    "query_code_of",
    "scan_overdue",
    "suggestion_assign",
    "suggestion_convert",
    "suggestion_decide",
    "suggestion_publish",
    "suggestion_rate",
    "suggestion_reassign",
    "suggestion_redirect",
    "suggestion_reply",
    "suggestion_reward",
    "suggestion_submit",
    "suggestion_ungroup",
    "suggestions_group",
    "topic_create",
    "topic_publish",
    "topic_update",
]
