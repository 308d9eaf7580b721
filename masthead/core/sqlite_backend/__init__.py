"""Django's SQLite backend, with writers taking turns for the database's write lock (``turns.py``)."""
