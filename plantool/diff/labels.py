"""Every fixed word the year-on-year report prints that the schema does not give.

The schema gives the headings of the plan's parts (Initiatives, Disclosures,
Barriers), the figures' names, the status and saving-type labels. What is left
is the report's own furniture, spelt here once for text and Markdown alike.
"""

from __future__ import annotations

TITLE = "Year-on-year progress: {council}, {last} to {this}"
NO_COUNCIL = "the council"
TWO_COUNCILS = "{last} and {this}"  # compared with --force: the title names both, last year's first
COMPARED = "Compared: the {last} plan ({last_file}, {last_status}) with the {this} plan ({this_file}, {this_status})."
PLAN_OF = "{period} plan"  # a column heading: '2024/25 plan'
UNKNOWN_PERIOD = "undated"
WARNING = "Warning: {message}"

SUMMARY = "Summary"
SUMMARY_MOVES = "Initiatives: {forward} moved on ({done} now done), {back} went back, {same} unchanged; {new} new, {dropped} dropped."
SUMMARY_NO_INITIATIVES = "Initiatives: neither plan lists any."
SUMMARY_SAVINGS = "Savings: {planned} planned in the {last} plan; {achieved} newly reported as achieved in the {this} plan."
SUMMARY_FIGURES = "Disclosure figures: {changed} changed, {unchanged} unchanged, {other} not comparable, missing or not available."
SUMMARY_BARRIERS = "Barriers: {added} added, {removed} removed, {still} still present."
SUMMARY_ANSWERS = "Answers: {changed} changed, {new} newly answered, {carried} carried over word for word, {marks} review marks left."

# Initiatives
STATUS_MOVES = "Status of initiatives in both plans"
NEW_INITIATIVES = "New initiatives"
DROPPED_INITIATIVES = "Initiatives no longer listed"
WHERE = "Theme or topic"
PROGRESS = "Progress"
MOVED = {"forward": "Moved on", "back": "Went back", "same": "No change", "unknown": "Cannot tell"}
RENAMED = "{name} (was: {old}; similarity {score})"
CLOSEST = "Closest in the {period} plan"
NEAR_MISS = "{name} (similarity {score}; below the {threshold} needed to match)"
NONE_CLOSE = "none close"
NO_NEW = "No new initiatives."
NO_DROPPED = "Every initiative of the last plan is still listed."
NO_INITIATIVES = "Neither plan lists any initiatives."
MATCHING_NOTE = (
    "Initiatives are matched by name (or by description where there is no name), allowing for rewording: "
    "a similarity of {threshold} out of 100 or more counts as the same initiative."
)

# Savings
SAVINGS_BY_INITIATIVE = "Savings by initiative"
SAVINGS_BY_TYPE = "Savings by type"
PLANNED_LAST = "Planned in the {period} plan"
ACHIEVED_THIS = "Newly achieved in the {period} plan"
PLANNED_THIS = "Still planned in the {period} plan"
TOTAL = "Total"
TYPE = "Type of saving"
TYPE_NOT_STATED = "type not stated"
SAVINGS_NOTE = (
    "Achieved savings the {last} plan already reported are not counted again, and a cumulative saving "
    "(achieved since a given year) counts only what it grew by. "
    "Amounts are added as written, whatever years they fall in or span."
)
NO_SAVINGS = "Neither plan gives planned savings, and this year's plan reports no newly achieved savings, for its initiatives."

# Disclosure figures
FIGURE = "Figure"
CHANGE = "Change"
POINTS = "{sign}{number} points"
POINT = "{sign}{number} point"
MONEY_CHANGE = "{sign}{amount} ({sign}{percent}%)"
FIGURE_STATE = {
    "unchanged": "No change",
    "not_comparable": "Not comparable: the shares are of different bases",
    "not_available_both": "Not available in either year",
    "now_available": "Now available",
    "no_longer_available": "No longer available",
    "only_this": "New: not given last year",
    "only_last": "Not given this year",
    "changed": "Changed",
}
ABSENT = "not given"
COMBINED_IN_ONE_YEAR = (
    "Reported as one combined figure in the {period} plan only, and separately ({covered}) in the other, "
    "so these figures cannot be set against each other."
)
UNREADABLE = "The {period} plan's figures here are not in the form the schema asks for, so they are left out; `plantool check` says what to fix."
NO_DISCLOSURES = "Neither plan gives disclosure figures."

# Barriers
BARRIER_CHANGE = {"still_present": "Still present", "added": "New this year", "removed": "No longer listed"}
BARRIER_RENAMED = "Reworded from: {old} (similarity {score})"
NO_BARRIERS = "Neither plan lists barriers."

# Answers
ANSWERS = "Answers"
QUESTION = "Question"
NOTE = "Note"
ANSWER_STATE = {
    "changed": "Updated",
    "unchanged": "Same as last year",
    "newly_answered": "Newly answered",
    "no_longer_answered": "No longer answered",
    "unanswered": "Not answered in either year",
    "not_expected": "Not asked (answered by a combined figure)",
}
CARRIED_OVER = "Carried over word for word"
SAME_FIGURE = "The same figure as last year"
REVIEW_LEFT = "Review mark left: not yet reviewed"
REVIEW_MARKS = "Review marks left in the {period} plan"
REVIEW_MARK_AT = "line {line}: {label}"

# Warnings about the two inputs
NOT_NEXT_PERIOD = "the {this_file} plan covers {this}, which is not the year after {last} ({last_file}); the comparison spans more or less than a year"
PERIOD_UNKNOWN = "cannot tell whether {this_file} covers the year after {last_file}: {reason}"
DIFFERENT_COUNCILS = "{last_file} is {last} and {this_file} is {this}: not the same council"
FORCED_COUNCILS = DIFFERENT_COUNCILS + "; compared anyway (--force)"
