"""Search: the Latvian stemmer and the search facets of a page."""
