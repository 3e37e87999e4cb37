"""Where the catalogue database is, and reading it: light, no ORM (see ../models.py for writing)."""

# Bump when a reader of this version could misread a database built by the previous one.
SCHEMA_VERSION = "3"
# On a server the tables live in this schema; a rebuild fills a new schema and renames it.
SERVER_SCHEMA = "mobility"
