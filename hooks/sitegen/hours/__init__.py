"""Opening hours: the Latvian working calendar, its checks, a schedule's sessions and timelines,
the open-now state and its wording.
"""
