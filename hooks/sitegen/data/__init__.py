"""The data model and its reading: field types, ids and references, the records of every data file
(the calendar's too), the YAML reader with positions, source files, the loaded site data, whose
fact is whose (provenance), the JSON schema.
"""
