"""The directory as the documents offices use: printable lists, spreadsheets, calendars, open data, the notice.

Each writer is a pure function from a :class:`~dutydir.model.Directory` to bytes or text, with the same
output for the same data (timestamps come from the day the directory describes).
"""
