"""What the user must never lose: bookmarks and the app's state between runs.

Damaged files are moved aside, never overwritten (`byline.storage`). The corpus
cache is not user data: it is thrown away and rebuilt, and lives in `byline.corpus`.
"""
