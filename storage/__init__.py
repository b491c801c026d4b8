"""The store: aiosqlite behind `storage.base.Store`; the only place SQL lives."""
