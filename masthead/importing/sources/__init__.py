"""Source adapters: each reads one kind of export and yields neutral records (``base.py`` says how)."""
