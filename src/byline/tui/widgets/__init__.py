"""The app's panes: article list, reader and sidebar."""
