"""Tests of byline.userdata: bookmarks and state."""
