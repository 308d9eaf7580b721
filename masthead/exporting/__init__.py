"""Moving out: ``masthead export`` writes the whole site as JSON Lines by kind plus media (docs/export.md), or as
a WordPress WXR 1.2 file of articles and comments. Reads every domain, writes none; no domain imports this app."""
