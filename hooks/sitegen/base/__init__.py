"""Words every other part uses and that use nothing of the site: languages, weekdays, cents,
phones, the characters a text may hold, the message catalogue and its plural rules, errors,
today's date, the memo of results kept by the identity of the objects they come from.
"""
