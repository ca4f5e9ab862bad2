"""What Byline keeps between runs: the user's state in the user data directory,
and the index cache in the user cache directory.

Nothing here imports Textual; SQLite is imported only by the modules that use it.
"""
