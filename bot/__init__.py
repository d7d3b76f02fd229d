"""The Bot Framework edge: settings, adapter and auth, turn handler, router, channel specifics."""
