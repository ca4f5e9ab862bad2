"""What Byline keeps between runs, in the user data directory."""
